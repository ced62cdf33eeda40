#include "engine/boundedqueue.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <future>

using namespace sk;
using namespace std::chrono_literals;

class tst_BoundedQueue : public QObject
{
    Q_OBJECT

private slots:
    void handsItemsOverInOrderAcrossThreads()
    {
        BoundedQueue<int> queue(2);
        auto producer = std::async(std::launch::async, [&] {
            for (int i = 0; i < 1000; ++i) {
                if (!queue.push(i))
                    return false;
            }
            queue.close();
            return true;
        });
        int expected = 0;
        while (std::optional<int> item = queue.pop()) {
            QCOMPARE(*item, expected);
            ++expected;
        }
        QCOMPARE(expected, 1000);
        QVERIFY(producer.get());
    }

    void aFullQueueHoldsTheProducerUntilAnItemIsTaken()
    {
        BoundedQueue<int> queue(2);
        QVERIFY(queue.push(1));
        QVERIFY(queue.push(2));
        std::atomic<bool> pushed = false;
        auto producer = std::async(std::launch::async, [&] {
            const bool ok = queue.push(3);
            pushed = true;
            return ok;
        });
        QCOMPARE(producer.wait_for(100ms), std::future_status::timeout);
        QVERIFY(!pushed);
        QCOMPARE(queue.pop(), std::optional<int>(1));
        QVERIFY(producer.get());
        QCOMPARE(queue.pop(), std::optional<int>(2));
        QCOMPARE(queue.pop(), std::optional<int>(3));
    }

    void closingReleasesAWaitingConsumerAfterTheRest()
    {
        BoundedQueue<int> queue(4);
        QVERIFY(queue.push(7));
        queue.close();
        QCOMPARE(queue.pop(), std::optional<int>(7)); // what was queued still arrives
        QCOMPARE(queue.pop(), std::nullopt);

        BoundedQueue<int> empty(1);
        auto consumer = std::async(std::launch::async, [&] { return empty.pop(); });
        QCOMPARE(consumer.wait_for(50ms), std::future_status::timeout);
        empty.close();
        QCOMPARE(consumer.get(), std::nullopt);
    }

    void closingReleasesAWaitingProducerAndRefusesItsItem()
    {
        BoundedQueue<int> queue(1);
        QVERIFY(queue.push(1));
        auto producer = std::async(std::launch::async, [&] { return queue.push(2); });
        QCOMPARE(producer.wait_for(50ms), std::future_status::timeout);
        queue.close();
        QVERIFY(!producer.get());
        QVERIFY(!queue.push(3));
        QCOMPARE(queue.pop(), std::optional<int>(1));
        QCOMPARE(queue.pop(), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(tst_BoundedQueue)
#include "tst_boundedqueue.moc"

// The status-bar sync indicator, fed by a real SyncWorker syncing a real shop file with the real
// storekeep-server over loopback.

#include "../sync/syncclerk.h"
#include "../sync/testshop.h"
#include "testsupport.h"

#include "engine/syncworker.h"
#include "sync/syncstatuswidget.h"
#include "util/clock.h"

#include <QDateTime>
#include <QDir>
#include <QImage>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <algorithm>

using namespace sk;
using namespace sk::test;
using namespace Qt::StringLiterals;

namespace {

SyncWorker::Options quickWorker()
{
    SyncWorker::Options options;
    options.intervalMs = 3'600'000; // only the start and requests sync here
    options.debounceMs = 50;
    options.offlineRetryCapMs = 3'600'000;
    options.engine = SyncClerk::fastOptions();
    options.engine.maxAttempts = 1;
    return options;
}

// Not one flat colour: something was drawn. With a name, also kept in build/screenshots.
bool isDrawn(QWidget &widget, const QString &name = {})
{
    const QImage image = widget.grab().toImage();
    if (image.isNull())
        return false;
    if (!name.isEmpty()) {
        const QString dir = binaryDir() + u"/screenshots"_s;
        if (!QDir().mkpath(dir) || !image.save(dir + u'/' + name + u".png"_s))
            return false;
    }
    const QRgb first = image.pixel(0, 0);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixel(x, y) != first)
                return true;
        }
    }
    return false;
}

} // namespace

class tst_SyncStatusWidget : public QObject
{
    Q_OBJECT

    SyncTestWorld m_world;
    int m_shops = 0;

    std::unique_ptr<SyncClerk> clerk(const TestShop &s)
    {
        auto c = std::make_unique<SyncClerk>();
        if (!c->open(m_world.server.baseUrl(), u"ana@sync.test"_s, QString::fromLatin1(SyncTestWorld::Password), s.id))
            qWarning().noquote() << "clerk failed:" << c->error;
        return c;
    }

    static bool idleAndSynced(const SyncStatusWidget &w)
    {
        return w.hasStatus() && w.status().state == SyncStatus::State::Idle && w.status().initialSyncDone;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_world.start(), qPrintable(m_world.error));
        QVERIFY(m_world.createUser(u"ana@sync.test"_s, u"Ana"_s));
    }

    void showsWhatTheWorkerReports()
    {
        TestShop s = makeTestShop(m_world, ++m_shops);
        auto ana = clerk(s);
        QVERIFY(ana->store);
        SyncWorker worker(*ana->store, *ana->auth, s.id, quickWorker());
        SyncStatusWidget widget(*ana->store, &worker);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        QVERIFY(!widget.hasStatus());
        QVERIFY(isDrawn(widget));

        worker.start();
        QTRY_VERIFY_WITH_TIMEOUT(idleAndSynced(widget), 15'000);
        QVERIFY2(widget.text().contains(u"Online"_s), qPrintable(widget.text()));
        QVERIFY2(widget.text().contains(u"synced just now"_s), qPrintable(widget.text()));
        QVERIFY2(!widget.text().contains(u"waiting"_s), qPrintable(widget.text()));
        QVERIFY(isDrawn(widget));

        // The exact time is in the shop's zone (the test server makes shops in Europe/Berlin).
        const QTimeZone berlin("Europe/Berlin");
        QCOMPARE(widget.timeZone(), berlin);
        const qint64 syncedAt = widget.status().lastSyncedAt.value_or(0);
        QVERIFY(syncedAt > 0);
        const QString exact = QLocale().toString(QDateTime::fromMSecsSinceEpoch(syncedAt, berlin), QLocale::LongFormat);
        QVERIFY2(widget.toolTip().contains(exact), qPrintable(widget.toolTip()));
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(syncedAt, QTimeZone::systemTimeZone());
        if (local.offsetFromUtc() != QDateTime::fromMSecsSinceEpoch(syncedAt, berlin).offsetFromUtc())
            QVERIFY(!widget.toolTip().contains(QLocale().toString(local, QLocale::LongFormat)));

        // Relative time moves with the clock, with no new status.
        FixedClock clock(syncedAt + 2 * 60'000 + 5'000);
        widget.setClock(clock);
        QVERIFY2(widget.text().contains(u"2 min"_s), qPrintable(widget.text()));
        clock.set(syncedAt + 3 * 3'600'000 + 1);
        widget.refresh();
        QVERIFY2(widget.text().contains(u"3 h"_s), qPrintable(widget.text()));
        widget.setClock(Clock::system());

        // Two edits wait; a click sends them. The run's "syncing" status counts them.
        QStringList shown;
        connect(&worker, &SyncWorker::statusChanged, &widget, [&] { shown << widget.text(); });
        SK_VERIFY_OK(ana->editor->adjustInventory(s.variant, s.location, -1, InventoryReason::Sold));
        SK_VERIFY_OK(ana->editor->adjustInventory(s.variant, s.location, -2, InventoryReason::Sold));
        QCOMPARE(s.onHand(m_world), 10);
        QSignalSpy requested(&widget, &SyncStatusWidget::syncRequested);
        QTest::mouseClick(&widget, Qt::LeftButton);
        QCOMPARE(requested.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(s.onHand(m_world), 7, 15'000);
        // Wait for this run's own status (the one before also said idle, with nothing pending).
        QTRY_VERIFY_WITH_TIMEOUT(idleAndSynced(widget) && widget.status().lastSyncedAt.value_or(0) > syncedAt, 15'000);
        QCOMPARE(widget.status().pending, 0);
        QVERIFY2(std::any_of(shown.begin(), shown.end(),
                             [](const QString &t) { return t.contains(u"Syncing"_s) && t.contains(u"2 change"_s); }),
                 qPrintable(shown.join(u" | "_s)));
        QVERIFY2(!widget.text().contains(u"change"_s), qPrintable(widget.text()));
    }

    void enterAndSpaceAskForASync()
    {
        TestShop s = makeTestShop(m_world, ++m_shops);
        auto ana = clerk(s);
        QVERIFY(ana->store);
        SyncWorker worker(*ana->store, *ana->auth, s.id, quickWorker());
        SyncStatusWidget widget(*ana->store, &worker);
        widget.show();
        QVERIFY(widget.focusPolicy() & Qt::TabFocus);
        worker.start();
        QTRY_VERIFY_WITH_TIMEOUT(idleAndSynced(widget), 15'000);

        SK_VERIFY_OK(ana->editor->adjustInventory(s.variant, s.location, 5, InventoryReason::Received));
        QTest::keyClick(&widget, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(s.onHand(m_world), 15, 15'000);

        QTRY_VERIFY_WITH_TIMEOUT(idleAndSynced(widget) && widget.status().pending == 0, 15'000);
        SK_VERIFY_OK(ana->editor->adjustInventory(s.variant, s.location, 1, InventoryReason::Received));
        QTest::keyClick(&widget, Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(s.onHand(m_world), 16, 15'000);
    }

    // Last: it stops the server.
    void showsIssuesAndGoingOffline()
    {
        TestShop s = makeTestShop(m_world, ++m_shops);
        auto ana = clerk(s);
        QVERIFY(ana->store);
        QVERIFY2(ana->sync(), qPrintable(ana->error));
        SyncWorker worker(*ana->store, *ana->auth, s.id, quickWorker());
        SyncStatusWidget widget(*ana->store, &worker);
        widget.show();

        // Someone changes the price on the server; Ana's older-based change conflicts.
        const QJsonObject variant = m_world.http->get(SyncTestWorld::shopPath(s.id, u"/variants/"_s + s.variant), s.token).json;
        QVERIFY(m_world.applied(s.push(m_world, u"variant.patch"_s,
                                       QJsonObject{{u"id"_s, s.variant},
                                                   {u"base_version"_s, variant.value(u"version"_s).toInteger()},
                                                   {u"fields"_s, QJsonObject{{u"price"_s, 1500}}}})));
        SK_VERIFY_OK(ana->editor->setVariantPrice(s.variant, 1400));
        worker.start();
        QTRY_VERIFY_WITH_TIMEOUT(idleAndSynced(widget) && widget.status().issues == 1, 15'000);
        QVERIFY2(widget.text().contains(u"1 sync issue"_s), qPrintable(widget.text()));
        QVERIFY(isDrawn(widget));

        // The server goes away: the next sync reports offline, and the change waits.
        m_world.server.stop();
        SK_VERIFY_OK(ana->editor->adjustInventory(s.variant, s.location, -1, InventoryReason::Sold));
        QTest::mouseClick(&widget, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(widget.status().state == SyncStatus::State::Offline, 15'000);
        QVERIFY2(widget.text().contains(u"Offline"_s), qPrintable(widget.text()));
        QVERIFY2(widget.text().contains(u"1 change"_s), qPrintable(widget.text()));
        QVERIFY2(widget.text().contains(u"1 sync issue"_s), qPrintable(widget.text()));
        QVERIFY(!widget.status().lastError.isEmpty());
        QVERIFY2(widget.toolTip().contains(widget.status().lastError), qPrintable(widget.toolTip()));
        widget.adjustSize(); // in the status bar, the layout gives it its size hint
        QVERIFY(widget.width() >= widget.fontMetrics().horizontalAdvance(widget.text()));
        QVERIFY(isDrawn(widget, u"syncstatuswidget-offline"_s));
    }
};

QTEST_MAIN(tst_SyncStatusWidget)
#include "tst_syncstatuswidget.moc"

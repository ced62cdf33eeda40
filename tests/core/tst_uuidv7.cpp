#include "util/uuidv7.h"
#include "testsupport.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

int versionBits(const QUuid &id)
{
    return id.data3 >> 12;
}

bool hasRfcVariant(const QUuid &id)
{
    return (id.data4[0] & 0xC0) == 0x80;
}

} // namespace

class tst_UuidV7 : public QObject
{
    Q_OBJECT

private slots:
    void versionAndVariantBits_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<quint64>("randA");
        QTest::addColumn<quint64>("randB");
        QTest::newRow("zeros") << qint64(0) << quint64(0) << quint64(0);
        QTest::newRow("ones") << qint64(0xFFFFFFFFFFFF) << ~quint64(0) << ~quint64(0);
        QTest::newRow("typical") << qint64(1718000000000) << quint64(0xABC) << quint64(0x0123456789ABCDEF);
        QTest::newRow("high random bits") << qint64(1) << quint64(0xF000) << quint64(0xC000000000000000);
    }
    void versionAndVariantBits()
    {
        QFETCH(qint64, ms);
        QFETCH(quint64, randA);
        QFETCH(quint64, randB);
        const QUuid id = UuidV7::fromParts(ms, randA, randB);
        QCOMPARE(versionBits(id), 7);
        QVERIFY(hasRfcVariant(id));
        QCOMPARE(id.variant(), QUuid::DCE);
        const QString text = UuidV7::toText(id);
        QCOMPARE(text.at(14), u'7'); // version nibble in the canonical text
        QVERIFY(QStringView(u"89ab").contains(text.at(19)));
    }

    void createdIdsAreVersion7AndUnique()
    {
        QSet<QString> seen;
        for (int i = 0; i < 1000; ++i) {
            const QUuid id = UuidV7::create();
            QCOMPARE(versionBits(id), 7);
            QVERIFY(hasRfcVariant(id));
            seen.insert(UuidV7::toText(id));
        }
        QCOMPARE(seen.size(), 1000);
    }

    void timestampRoundTrips_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::newRow("epoch") << qint64(0);
        QTest::newRow("one") << qint64(1);
        QTest::newRow("2024") << qint64(1718000000000);
        QTest::newRow("low 16 bits set") << qint64(0x12345678FFFF);
        QTest::newRow("48-bit max") << qint64(0xFFFFFFFFFFFF);
    }
    void timestampRoundTrips()
    {
        QFETCH(qint64, ms);
        QCOMPARE(UuidV7::timestampMs(UuidV7::fromParts(ms, 0x123, 0x456)), ms);
        // The text form carries the timestamp in its first 12 hex digits.
        const QString text = UuidV7::toText(UuidV7::fromParts(ms, 0x123, 0x456));
        const QString hex = text.left(8) + text.mid(9, 4);
        bool ok = false;
        QCOMPARE(hex.toLongLong(&ok, 16), ms);
        QVERIFY(ok);
    }

    void createUsesTheCurrentTime()
    {
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const QUuid id = UuidV7::create();
        const qint64 after = QDateTime::currentMSecsSinceEpoch();
        const qint64 ts = UuidV7::timestampMs(id);
        QVERIFY2(ts >= before && ts <= after, qPrintable(u"%1 not in [%2, %3]"_s.arg(ts).arg(before).arg(after)));
    }

    void idsSortByTime()
    {
        // Later milliseconds sort later both as text (what SQLite compares) and as QUuid,
        // whatever the random bits are.
        QString previousText;
        QUuid previous;
        qint64 ms = 1718000000000;
        for (int i = 0; i < 200; ++i) {
            ms += (i % 3 == 0) ? 65537 : 1; // steps across the 16-bit split of the timestamp too
            const quint64 noise = (i % 2) ? ~quint64(0) - quint64(i) : quint64(i);
            const QUuid id = UuidV7::fromParts(ms, noise, noise * 2654435761u);
            const QString text = UuidV7::toText(id);
            if (i > 0) {
                QVERIFY2(previousText < text, qPrintable(previousText + u" !< "_s + text));
                QVERIFY(previous < id);
            }
            previousText = text;
            previous = id;
        }
    }

    void createdIdsNeverGoBackInTime()
    {
        qint64 last = 0;
        for (int i = 0; i < 500; ++i) {
            const qint64 ts = UuidV7::timestampMs(UuidV7::create());
            QVERIFY(ts >= last);
            last = ts;
        }
    }

    void randomBitsMakeIdsDistinctWithinOneMillisecond()
    {
        const QUuid a = UuidV7::fromParts(1718000000000, 1, 1);
        QVERIFY(a != UuidV7::fromParts(1718000000000, 2, 1));
        QVERIFY(a != UuidV7::fromParts(1718000000000, 1, 2));
        QCOMPARE(a, UuidV7::fromParts(1718000000000, 1, 1)); // deterministic for the demo generator
    }

    void textIsLowerCaseWithoutBraces()
    {
        static const QRegularExpression canonical(u"^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
        for (const QUuid &id : {UuidV7::create(), UuidV7::fromParts(0xFFFFFFFFFFFF, ~quint64(0), ~quint64(0)),
                                UuidV7::fromParts(0, 0, 0)}) {
            const QString text = UuidV7::toText(id);
            QCOMPARE(text.size(), 36);
            QVERIFY2(canonical.match(text).hasMatch(), qPrintable(text));
            QCOMPARE(QUuid::fromString(text), id);
        }
    }
};

QTEST_GUILESS_MAIN(tst_UuidV7)
#include "tst_uuidv7.moc"

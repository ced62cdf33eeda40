#include "storage/shoprepository.h"
#include "storagetestsupport.h"
#include "testsupport.h"

#include <QTest>

using namespace sk;

class tst_ShopRepository : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TempStore> m_temp;

    template <typename Fn>
    Result<void> write(Fn &&fn)
    {
        return m_temp->store->write([&](SqliteDatabase &db) -> Result<void> {
            ShopRepository repo(db);
            return fn(repo);
        });
    }

private slots:
    void init()
    {
        m_temp = test::makeTempStore();
        QVERIFY(m_temp);
    }
    void cleanup() { m_temp.reset(); }

    void settingsAreEmptyUntilSavedThenRoundTrip()
    {
        auto reader = m_temp->store->openReader();
        SK_VERIFY_OK(reader);
        ShopRepository repo(**reader);
        auto none = repo.settings();
        SK_VERIFY_OK(none);
        QVERIFY(!none->has_value());

        ShopSettings s;
        s.shopId = QStringLiteral("shop-42");
        s.name = QStringLiteral("Ìyá Àdùké’s Store");
        s.currency = QStringLiteral("NGN");
        s.timeZone = QStringLiteral("Africa/Lagos");
        s.locale = QStringLiteral("yo-NG");
        s.oversellPolicy = OversellPolicy::Reject;
        s.version = 5;
        s.updatedAt = 1'700'000'000'000;
        SK_VERIFY_OK(write([&](ShopRepository &w) { return w.saveSettings(s); }));
        auto got = repo.settings();
        SK_VERIFY_OK(got);
        QVERIFY(got->has_value());
        QCOMPARE((*got)->shopId, s.shopId);
        QCOMPARE((*got)->name, s.name);
        QCOMPARE((*got)->currency, s.currency);
        QCOMPARE((*got)->timeZone, s.timeZone);
        QCOMPARE((*got)->locale, s.locale);
        QCOMPARE(toString((*got)->oversellPolicy), toString(s.oversellPolicy));
        QCOMPARE((*got)->version, s.version);
        QCOMPARE((*got)->updatedAt, s.updatedAt);

        // Saving again replaces the one row.
        s.name = QStringLiteral("Renamed");
        s.oversellPolicy = OversellPolicy::Allow;
        SK_VERIFY_OK(write([&](ShopRepository &w) { return w.saveSettings(s); }));
        QCOMPARE(repo.settings().value()->name, QStringLiteral("Renamed"));
        QCOMPARE(toString(repo.settings().value()->oversellPolicy), QStringLiteral("allow"));
        QCOMPARE((*reader)->queryInt64("SELECT count(*) FROM shop_settings").value(), qint64(1));
        QVERIFY(!test::hasBusyStatement(**reader));
    }

    void invalidCurrencyIsRefused()
    {
        ShopSettings s;
        s.shopId = QStringLiteral("x");
        s.name = QStringLiteral("x");
        s.currency = QStringLiteral("eur"); // must be upper-case ISO 4217
        auto r = write([&](ShopRepository &w) { return w.saveSettings(s); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("sqlite.constraint"));
    }

    void locationsRoundTripAndListByName()
    {
        Location a = test::makeLocation(1, QStringLiteral("warehouse"));
        a.address = QStringLiteral("1 Dock Road\nPort");
        a.active = false;
        a.version = 3;
        Location b = test::makeLocation(2, QStringLiteral("Main Store"));
        b.code.clear();
        Location c = test::makeLocation(3, QStringLiteral("Airport kiosk"));
        SK_VERIFY_OK(write([&](ShopRepository &w) -> Result<void> {
            SK_TRY(w.upsertLocation(a));
            SK_TRY(w.upsertLocation(b));
            return w.upsertLocation(c);
        }));
        auto reader = m_temp->store->openReader();
        SK_VERIFY_OK(reader);
        ShopRepository repo(**reader);
        auto all = repo.locations();
        SK_VERIFY_OK(all);
        QStringList names;
        for (const Location &l : *all)
            names.append(l.name);
        QCOMPARE(names, (QStringList{QStringLiteral("Airport kiosk"), QStringLiteral("Main Store"), QStringLiteral("warehouse")}));

        auto got = repo.location(a.id);
        SK_VERIFY_OK(got);
        QVERIFY(got->has_value());
        QCOMPARE((*got)->id, a.id);
        QCOMPARE((*got)->name, a.name);
        QCOMPARE((*got)->code, a.code);
        QCOMPARE((*got)->address, a.address);
        QCOMPARE((*got)->active, false);
        QCOMPARE((*got)->version, a.version);
        QCOMPARE((*got)->updatedAt, a.updatedAt);
        QVERIFY(repo.location(b.id).value()->code.isEmpty());
        QVERIFY(!repo.location(QStringLiteral("nowhere")).value().has_value());
        QVERIFY(!test::hasBusyStatement(**reader));

        a.name = QStringLiteral("Warehouse East");
        a.active = true;
        SK_VERIFY_OK(write([&](ShopRepository &w) { return w.upsertLocation(a); }));
        QCOMPARE(repo.location(a.id).value()->name, QStringLiteral("Warehouse East"));
        QCOMPARE(repo.location(a.id).value()->active, true);
        QCOMPARE(repo.locations().value().size(), 3);

        Location unnamed = test::makeLocation(4, QString());
        auto r = write([&](ShopRepository &w) { return w.upsertLocation(unnamed); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("sqlite.constraint"));
    }
};

QTEST_GUILESS_MAIN(tst_ShopRepository)
#include "tst_shoprepository.moc"

// The sync issue list over a real shop file whose issues come from real conflicts with the real
// storekeep-server over loopback.

#include "../sync/syncclerk.h"
#include "../sync/testshop.h"
#include "testsupport.h"

#include "engine/syncworker.h"
#include "storage/shoprepository.h"
#include "sync/syncissuelistmodel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

using namespace sk;
using namespace sk::test;
using namespace Qt::StringLiterals;

class tst_SyncIssueListModel : public QObject
{
    Q_OBJECT

    SyncTestWorld m_world;
    TestShop m_shop;
    std::unique_ptr<SyncClerk> m_ana;

    qint64 serverVersion()
    {
        const QJsonObject v = m_world.http->get(SyncTestWorld::shopPath(m_shop.id, u"/variants/"_s + m_shop.variant),
                                                m_shop.token).json;
        return v.value(u"version"_s).toInteger();
    }

    // Someone else sets the price on the server; Ana's own price change then conflicts.
    bool makePriceConflict(qint64 theirs, qint64 mine)
    {
        const QJsonObject result = m_shop.push(m_world, u"variant.patch"_s,
                                               QJsonObject{{u"id"_s, m_shop.variant},
                                                           {u"base_version"_s, serverVersion()},
                                                           {u"fields"_s, QJsonObject{{u"price"_s, theirs}}}});
        return m_world.applied(result) && m_ana->editor->setVariantPrice(m_shop.variant, mine).ok();
    }

    // Ana counts stock while the till sells two: her count is stale (scenario 13).
    bool makeStaleCount(qint64 counted)
    {
        return m_ana->editor->countInventory(m_shop.variant, m_shop.location, counted).ok()
               && m_world.applied(m_shop.push(m_world, u"inventory.adjust"_s,
                                              SyncTestWorld::adjustArgs(m_shop.variant, m_shop.location, -2, u"sold"_s)));
    }

    static int rowOfKind(const SyncIssueListModel &model, const QString &kind)
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.issueAt(row).kind == kind)
                return row;
        }
        return -1;
    }

    static QString cell(const SyncIssueListModel &model, int row, int column, int role = Qt::DisplayRole)
    {
        return model.data(model.index(row, column), role).toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_world.start(), qPrintable(m_world.error));
        QVERIFY(m_world.createUser(u"ana@sync.test"_s, u"Ana"_s));
        m_shop = makeTestShop(m_world, 1);
        QCOMPARE(m_shop.onHand(m_world), 10); // the shop is set up (its add-member of ben@ is not needed here)
        m_ana = std::make_unique<SyncClerk>();
        QVERIFY2(m_ana->open(m_world.server.baseUrl(), u"ana@sync.test"_s, QString::fromLatin1(SyncTestWorld::Password),
                             m_shop.id),
                 qPrintable(m_ana->error));
        QVERIFY2(m_ana->sync(), qPrintable(m_ana->error));
    }

    void emptyWithoutIssues()
    {
        SyncIssueListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SK_VERIFY_OK(model.open(*m_ana->store));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(SyncIssueListModel::ColumnCount));
        for (int c = 0; c < model.columnCount(); ++c)
            QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
    }

    void showsRealConflictsInWords()
    {
        QVERIFY(makePriceConflict(1500, 1400));
        QVERIFY(makeStaleCount(12));
        QVERIFY2(m_ana->sync(), qPrintable(m_ana->error));
        QCOMPARE(m_ana->openIssues(), 2);

        SyncIssueListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SK_VERIFY_OK(model.open(*m_ana->store));
        QCOMPARE(model.rowCount(), 2);

        const int price = rowOfKind(model, u"conflict"_s);
        const int stock = rowOfKind(model, u"inventory_stale"_s);
        QVERIFY(price >= 0 && stock >= 0);

        // Record: the type and a label people know, not a uuid.
        const QString priceRecord = cell(model, price, SyncIssueListModel::RecordColumn);
        QVERIFY2(priceRecord.contains(u"Variant"_s) && priceRecord.contains(m_shop.sku)
                     && priceRecord.contains(u"Product "_s + m_shop.handle),
                 qPrintable(priceRecord));
        QVERIFY(!priceRecord.contains(m_shop.variant));
        const QString stockRecord = cell(model, stock, SyncIssueListModel::RecordColumn);
        QVERIFY2(stockRecord.contains(m_shop.sku) && stockRecord.contains(u"Main store"_s), qPrintable(stockRecord));

        // What was tried, readable.
        const QString triedPrice = cell(model, price, SyncIssueListModel::TriedColumn);
        QVERIFY2(triedPrice.contains(u"price"_s) && triedPrice.contains(u"14"_s), qPrintable(triedPrice));
        QVERIFY(!triedPrice.contains(u"variant.patch"_s));
        const QString triedCount = cell(model, stock, SyncIssueListModel::TriedColumn);
        QVERIFY2(triedCount.contains(u"Count stock"_s) && triedCount.contains(u"12"_s), qPrintable(triedCount));
        QVERIFY(cell(model, stock, SyncIssueListModel::TriedColumn, Qt::ToolTipRole).contains(u"inventory.set"_s));

        // The server's reason: its message and code; the tooltip has the server's current value.
        const SyncIssue &stale = model.issueAt(stock);
        const QString reason = cell(model, stock, SyncIssueListModel::ReasonColumn);
        QVERIFY2(reason.contains(stale.message) && reason.contains(u"inventory_stale"_s), qPrintable(reason));
        QVERIFY(cell(model, stock, SyncIssueListModel::ReasonColumn, Qt::ToolTipRole)
                    .contains(QString::number(m_shop.onHand(m_world))));
        const QString priceReason = cell(model, price, SyncIssueListModel::ReasonColumn, Qt::ToolTipRole);
        QVERIFY2(priceReason.contains(u"15"_s), qPrintable(priceReason));

        // When: in the shop's time zone and locale.
        auto reader = m_ana->store->openReader();
        QVERIFY(reader.ok());
        const auto settings = ShopRepository(**reader).settings();
        QVERIFY(settings.ok() && *settings);
        QCOMPARE((*settings)->timeZone, u"Europe/Berlin"_s);
        const QLocale shopLocale(QString((*settings)->locale).replace(u'-', u'_'));
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(stale.createdAt, QTimeZone("Europe/Berlin"));
        QCOMPARE(cell(model, stock, SyncIssueListModel::WhenColumn), shopLocale.toString(when, QLocale::ShortFormat));
        const QDateTime inUtc = QDateTime::fromMSecsSinceEpoch(stale.createdAt, QTimeZone::utc());
        QVERIFY(cell(model, stock, SyncIssueListModel::WhenColumn) != shopLocale.toString(inUtc, QLocale::ShortFormat));
        QCOMPARE(model.data(model.index(stock, 0), SyncIssueListModel::CreatedAtRole).toLongLong(), stale.createdAt);

        // Roles the panel needs.
        QCOMPARE(model.data(model.index(price, 0), SyncIssueListModel::IssueIdRole).toString(),
                 model.issueAt(price).id);
        QCOMPARE(model.data(model.index(price, 0), SyncIssueListModel::EntityTypeRole).toString(), u"variant"_s);
        QCOMPARE(model.data(model.index(price, 0), SyncIssueListModel::EntityIdRole).toString(), m_shop.variant);
        QVERIFY(model.recordExists(price) && model.recordExists(stock));
        QVERIFY(model.canKeepMine(price) && model.canKeepMine(stock));
        QCOMPARE(model.rowOfIssue(model.issueAt(stock).id), stock);
    }

    // reload() updates row by row: a view's selection (persistent indexes) survives.
    void reloadKeepsRowsThatStay()
    {
        SyncIssueListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SK_VERIFY_OK(model.open(*m_ana->store));
        QCOMPARE(model.rowCount(), 2);
        const int price = rowOfKind(model, u"conflict"_s);
        const int stock = rowOfKind(model, u"inventory_stale"_s);
        const QString stockId = model.issueAt(stock).id;
        const QPersistentModelIndex kept(model.index(stock, SyncIssueListModel::RecordColumn));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        const QString priceId = model.issueAt(price).id;
        SK_VERIFY_OK(m_ana->store->write([&](SqliteDatabase &db) {
            return SyncIssues::takeTheirs(db, priceId, QDateTime::currentMSecsSinceEpoch());
        }));
        model.reload();
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(reset.size(), 0);
        QVERIFY(kept.isValid());
        QCOMPARE(model.issueAt(kept.row()).id, stockId);

        // A new conflict arrives through a real SyncWorker; the model reloads on its signal.
        SyncWorker::Options options;
        options.intervalMs = 3'600'000;
        options.engine = SyncClerk::fastOptions();
        SyncWorker worker(*m_ana->store, *m_ana->auth, m_shop.id, options);
        connect(&worker, &SyncWorker::syncFinished, &model, &SyncIssueListModel::reload);
        QVERIFY(makePriceConflict(1600, 1450));
        worker.start();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 15'000);
        worker.stop();
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);
        QVERIFY(kept.isValid());
        QCOMPARE(model.issueAt(kept.row()).id, stockId);
        const int newest = model.rowCount() - 1;
        QCOMPARE(model.issueAt(newest).kind, u"conflict"_s);
        QVERIFY(cell(model, newest, SyncIssueListModel::TriedColumn).contains(u"14.50"_s));
    }

    // An edit of a record someone deleted: the record cannot be opened and "Keep mine" cannot
    // work; the label falls back to the id.
    void recordDeletedOnTheServer()
    {
        const QString product = newUuid();
        QVERIFY(m_world.applied(m_shop.push(m_world, u"product.create"_s,
                                            SyncTestWorld::productArgs(product, u"doomed"_s, newUuid(), u"DOOM-1"_s, 100))));
        QVERIFY2(m_ana->sync(), qPrintable(m_ana->error));
        SK_VERIFY_OK(m_ana->editor->patchProduct(product, QJsonObject{{u"title"_s, u"Renamed offline"_s}}));
        QVERIFY(m_world.applied(m_shop.push(m_world, u"product.delete"_s, QJsonObject{{u"id"_s, product}})));
        QVERIFY2(m_ana->sync(), qPrintable(m_ana->error));

        SyncIssueListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SK_VERIFY_OK(model.open(*m_ana->store));
        const int row = model.rowOfIssue([&] {
            for (const SyncIssue &i : m_ana->issues()) {
                if (i.entity.id == product)
                    return i.id;
            }
            return QString();
        }());
        QVERIFY(row >= 0);
        QVERIFY(!model.recordExists(row));
        QVERIFY(!model.canKeepMine(row));
        QVERIFY(!model.data(model.index(row, 0), SyncIssueListModel::RecordExistsRole).toBool());
        const QString record = cell(model, row, SyncIssueListModel::RecordColumn);
        QVERIFY2(record.contains(u"Product"_s) && record.contains(product), qPrintable(record));
        QVERIFY(cell(model, row, SyncIssueListModel::TriedColumn).contains(u"Renamed offline"_s));

        // Everything dismissed: the model empties through removals.
        SK_VERIFY_OK(m_ana->store->write([&](SqliteDatabase &db) -> Result<void> {
            SK_TRY_ASSIGN(open, SyncIssues::open(db));
            for (const SyncIssue &i : std::as_const(open))
                SK_TRY(SyncIssues::dismiss(db, i.id, QDateTime::currentMSecsSinceEpoch()));
            return {};
        }));
        QSignalSpy reloaded(&model, &SyncIssueListModel::reloaded);
        model.reload();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(reloaded.size(), 1);
        QCOMPARE(reloaded.first().first().toInt(), 0);
    }

    // Both sides replace a customer's addresses: the conflict counts the addresses rather than
    // showing their JSON.
    void anAddressConflictCountsTheAddresses()
    {
        const QString customer = newUuid();
        const auto address = [](const QString &city) {
            return QJsonObject{{u"id"_s, newUuid()}, {u"city"_s, city}, {u"country_code"_s, u"DE"_s}};
        };
        QVERIFY(m_world.applied(m_shop.push(m_world, u"customer.create"_s,
                                            {{u"customer"_s, QJsonObject{{u"id"_s, customer}, {u"first_name"_s, u"Jana"_s}}}})));
        QVERIFY2(m_ana->sync(), qPrintable(m_ana->error));
        QVERIFY(m_world.applied(m_shop.push(m_world, u"customer.patch"_s,
                                            {{u"id"_s, customer}, {u"base_version"_s, 1},
                                             {u"fields"_s, QJsonObject{{u"addresses"_s, QJsonArray{address(u"Bonn"_s)}}}}})));
        SK_VERIFY_OK(m_ana->editor->patchCustomer(
            customer, QJsonObject{{u"addresses"_s, QJsonArray{address(u"Köln"_s), address(u"Aachen"_s)}}}));
        QVERIFY2(m_ana->sync(), qPrintable(m_ana->error));

        SyncIssueListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SK_VERIFY_OK(model.open(*m_ana->store));
        int row = -1;
        for (int r = 0; r < model.rowCount(); ++r) {
            if (model.issueAt(r).entity.id == customer)
                row = r;
        }
        QVERIFY(row >= 0);
        QCOMPARE(model.issueAt(row).kind, u"conflict"_s);
        const QString tried = cell(model, row, SyncIssueListModel::TriedColumn);
        QVERIFY2(tried.contains(u"2 address"_s) && !tried.contains(u"Aachen"_s), qPrintable(tried));
        const QString theirs = cell(model, row, SyncIssueListModel::ReasonColumn, Qt::ToolTipRole);
        QVERIFY2(theirs.contains(u"1 address"_s) && !theirs.contains(u"Bonn"_s), qPrintable(theirs));
    }
};

QTEST_MAIN(tst_SyncIssueListModel)
#include "tst_syncissuelistmodel.moc"

// The Sync issues page, driven like a user would: real conflicts made against the real
// storekeep-server over loopback, decisions clicked, results checked in the shop file and on
// the server.

#include "../sync/syncclerk.h"
#include "../sync/testshop.h"
#include "testsupport.h"

#include "engine/syncworker.h"
#include "sync/syncissuelistmodel.h"
#include "sync/syncissuespanel.h"

#include <QDir>
#include <QImage>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace sk;
using namespace sk::test;
using namespace Qt::StringLiterals;

namespace {

SyncWorker::Options quickWorker()
{
    SyncWorker::Options options;
    options.intervalMs = 3'600'000; // only the start and the panel's requests sync here
    options.debounceMs = 50;
    options.engine = SyncClerk::fastOptions();
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

class tst_SyncIssuesPanel : public QObject
{
    Q_OBJECT

    SyncTestWorld m_world;
    TestShop m_shop;
    std::unique_ptr<SyncClerk> m_ana;

    qint64 serverPrice()
    {
        return m_world.http->get(SyncTestWorld::shopPath(m_shop.id, u"/variants/"_s + m_shop.variant), m_shop.token)
            .json.value(u"price"_s)
            .toInteger(-1);
    }

    bool makePriceConflict(qint64 theirs, qint64 mine)
    {
        const QJsonObject v =
            m_world.http->get(SyncTestWorld::shopPath(m_shop.id, u"/variants/"_s + m_shop.variant), m_shop.token).json;
        return m_world.applied(m_shop.push(m_world, u"variant.patch"_s,
                                           QJsonObject{{u"id"_s, m_shop.variant},
                                                       {u"base_version"_s, v.value(u"version"_s).toInteger()},
                                                       {u"fields"_s, QJsonObject{{u"price"_s, theirs}}}}))
               && m_ana->editor->setVariantPrice(m_shop.variant, mine).ok();
    }

    bool makeStaleCount(qint64 counted)
    {
        return m_ana->editor->countInventory(m_shop.variant, m_shop.location, counted).ok()
               && m_world.applied(m_shop.push(m_world, u"inventory.adjust"_s,
                                              SyncTestWorld::adjustArgs(m_shop.variant, m_shop.location, -2, u"sold"_s)));
    }

    static void selectRows(SyncIssuesPanel &panel, const QList<int> &rows)
    {
        QItemSelectionModel *selection = panel.table()->selectionModel();
        selection->clearSelection();
        for (int row : rows)
            selection->select(panel.model()->index(row, 0),
                              QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }

    static int rowOfKind(const SyncIssuesPanel &panel, const QString &kind)
    {
        for (int row = 0; row < panel.model()->rowCount(); ++row) {
            if (panel.model()->issueAt(row).kind == kind)
                return row;
        }
        return -1;
    }

    static bool noButtonEnabled(const SyncIssuesPanel &panel)
    {
        return !panel.keepMineButton()->isEnabled() && !panel.takeTheirsButton()->isEnabled()
               && !panel.dismissButton()->isEnabled() && !panel.openRecordButton()->isEnabled();
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

    void saysSoWhenThereIsNothingToDecide()
    {
        SyncIssuesPanel panel(*m_ana->store, nullptr);
        panel.resize(700, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.isEmptyStateShown());
        auto *empty = panel.findChild<QLabel *>(u"emptyState"_s);
        QVERIFY(empty && empty->isVisible());
        QCOMPARE(empty->text(), u"No sync issues. Everything you changed reached the server."_s);
        QVERIFY(noButtonEnabled(panel));
        QVERIFY(panel.messageText().isEmpty());
        QVERIFY(isDrawn(panel, u"syncissuespanel-empty"_s));
    }

    void keepMineAndTakeTheirsReachTheServer()
    {
        QVERIFY(makePriceConflict(1500, 1400));
        QVERIFY(makeStaleCount(12));
        SyncWorker worker(*m_ana->store, *m_ana->auth, m_shop.id, quickWorker());
        SyncIssuesPanel panel(*m_ana->store, &worker);
        panel.resize(900, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.isEmptyStateShown());
        worker.start(); // the sync turns both edits into issues; the panel reloads by itself
        QTRY_COMPARE_WITH_TIMEOUT(panel.model()->rowCount(), 2, 15'000);
        QVERIFY(!panel.isEmptyStateShown());
        QVERIFY(panel.table()->isVisible());
        QVERIFY(noButtonEnabled(panel));
        QVERIFY(isDrawn(panel, u"syncissuespanel"_s));

        // Open record names the variant.
        const int price = rowOfKind(panel, u"conflict"_s);
        QVERIFY(price >= 0);
        selectRows(panel, {price});
        QVERIFY(panel.keepMineButton()->isEnabled() && panel.takeTheirsButton()->isEnabled()
                && panel.dismissButton()->isEnabled() && panel.openRecordButton()->isEnabled());
        QList<EntityRef> opened;
        connect(&panel, &SyncIssuesPanel::openRecordRequested, this, [&](const EntityRef &r) { opened << r; });
        QTest::mouseClick(panel.openRecordButton(), Qt::LeftButton);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first(), (EntityRef{u"variant"_s, m_shop.variant}));

        // Keep mine: a new mutation on the current version, sent by the worker at once.
        QCOMPARE(serverPrice(), 1500);
        QSignalSpy finished(&panel, &SyncIssuesPanel::actionFinished);
        QTest::mouseClick(panel.keepMineButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10'000);
        QCOMPARE(finished.first().at(1).toInt(), 1);
        QCOMPARE(finished.first().at(2).toInt(), 0);
        QVERIFY2(!panel.isShowingError(), qPrintable(panel.messageText()));
        QVERIFY(!panel.messageText().isEmpty());
        QCOMPARE(panel.model()->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(serverPrice(), 1400, 15'000);
        QTRY_COMPARE_WITH_TIMEOUT(m_ana->pending(), 0, 15'000);

        // Take theirs on the stale count: the server's stock stays and shows.
        const int stock = rowOfKind(panel, u"inventory_stale"_s);
        QVERIFY(stock >= 0);
        selectRows(panel, {stock});
        QVERIFY(panel.takeTheirsButton()->isEnabled());
        panel.takeTheirsButton()->setFocus();
        QTest::keyClick(panel.takeTheirsButton(), Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10'000);
        QCOMPARE(finished.last().at(1).toInt(), 1);
        QCOMPARE(panel.model()->rowCount(), 0);
        QVERIFY(panel.isEmptyStateShown());
        QCOMPARE(m_ana->openIssues(), 0);
        QCOMPARE(m_shop.onHand(m_world), 8);
        QCOMPARE(m_ana->onHand(m_shop.variant, m_shop.location), 8);
        QVERIFY(noButtonEnabled(panel));
        worker.stop();
        QCOMPARE(m_shop.onHand(m_world), 8); // nothing of the refused count was sent
    }

    // Several issues selected: each gets the action; one that cannot be kept is named inline.
    void multiSelectionAndInlineErrors()
    {
        const QString product = newUuid();
        QVERIFY(m_world.applied(m_shop.push(m_world, u"product.create"_s,
                                            SyncTestWorld::productArgs(product, u"doomed"_s, newUuid(), u"DOOM-1"_s, 100))));
        QVERIFY2(m_ana->sync(), qPrintable(m_ana->error));
        SK_VERIFY_OK(m_ana->editor->patchProduct(product, QJsonObject{{u"title"_s, u"Renamed offline"_s}}));
        QVERIFY(m_world.applied(m_shop.push(m_world, u"product.delete"_s, QJsonObject{{u"id"_s, product}})));
        QVERIFY(makePriceConflict(1700, 1650));
        QVERIFY2(m_ana->sync(), qPrintable(m_ana->error));
        QCOMPARE(m_ana->openIssues(), 2);

        SyncIssuesPanel panel(*m_ana->store, nullptr);
        panel.resize(900, 400);
        panel.show();
        QCOMPARE(panel.model()->rowCount(), 2);
        const int gone = rowOfKind(panel, u"rejected"_s);
        const int price = rowOfKind(panel, u"conflict"_s);
        QVERIFY(gone >= 0 && price >= 0);
        selectRows(panel, {gone});
        QVERIFY(!panel.keepMineButton()->isEnabled()); // the record is gone
        QVERIFY(!panel.openRecordButton()->isEnabled());
        QVERIFY(panel.dismissButton()->isEnabled());

        panel.table()->setFocus();
        panel.table()->selectAll();
        QCOMPARE(panel.table()->selectionModel()->selectedRows().size(), 2);
        QVERIFY(panel.keepMineButton()->isEnabled()); // one of them can be kept
        QVERIFY(!panel.openRecordButton()->isEnabled());
        QSignalSpy finished(&panel, &SyncIssuesPanel::actionFinished);
        QTest::mouseClick(panel.keepMineButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10'000);
        QCOMPARE(finished.first().at(1).toInt(), 1);
        QCOMPARE(finished.first().at(2).toInt(), 1);
        QVERIFY(panel.isShowingError());
        QVERIFY2(panel.messageText().contains(product) && panel.messageText().contains(u"no longer exists"_s),
                 qPrintable(panel.messageText()));
        auto *message = panel.findChild<QLabel *>(u"message"_s);
        QVERIFY(message && message->isVisible());
        QVERIFY(isDrawn(panel, u"syncissuespanel-error"_s));
        QCOMPARE(panel.model()->rowCount(), 1);
        QCOMPARE(m_ana->pending(), 1); // the kept price waits for a sync (no worker here)
        QVERIFY2(m_ana->sync(), qPrintable(m_ana->error));
        QCOMPARE(serverPrice(), 1650);

        // Two more; select everything and dismiss: all gone, nothing sent.
        QVERIFY(makePriceConflict(1800, 1750));
        QVERIFY(makeStaleCount(30));
        QVERIFY2(m_ana->sync(), qPrintable(m_ana->error));
        panel.reload();
        QCOMPARE(panel.model()->rowCount(), 3);
        panel.table()->selectAll();
        QTest::keyClick(&panel, Qt::Key_I, Qt::AltModifier); // D&ismiss
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10'000);
        QCOMPARE(finished.last().at(1).toInt(), 3);
        QCOMPARE(finished.last().at(2).toInt(), 0);
        QVERIFY(!panel.isShowingError());
        QVERIFY(panel.isEmptyStateShown());
        QCOMPARE(m_ana->openIssues(), 0);
        QCOMPARE(m_ana->pending(), 0);
        QCOMPARE(serverPrice(), 1800);
        QVERIFY(isDrawn(panel));
    }
};

QTEST_MAIN(tst_SyncIssuesPanel)
#include "tst_syncissuespanel.moc"

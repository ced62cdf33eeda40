#include "common/listtable.h"
#include "common/messagelabel.h"
#include "demo/demogenerator.h"
#include "demo/storedemosink.h"
#include "money/currency.h"
#include "money/money.h"
#include "orders/fulfilorderdialog.h"
#include "orders/linequantityeditor.h"
#include "orders/orderdetailview.h"
#include "orders/orderfilterbar.h"
#include "orders/orderlistmodel.h"
#include "orders/orderspage.h"
#include "orders/refundorderdialog.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"
#include "testsupport.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

#include <algorithm>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

struct Picked
{
    QString id;
    qint64 number = 0;
};

QWidget *focused()
{
    return QApplication::focusWidget();
}

// QTextDocument::toPlainText() turns the no-break spaces of formatted money into plain ones.
QString spaced(QString text)
{
    std::replace_if(text.begin(), text.end(), [](QChar c) { return c.isSpace(); }, u' ');
    return text;
}

void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(focused(), Qt::Key(key), modifiers);
}

} // namespace

class tst_OrdersPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempStore> m_temp;
    std::unique_ptr<SqliteDatabase> m_sql;

    Picked pick(const QByteArray &where)
    {
        auto stmt = m_sql->prepare("SELECT o.id, o.number FROM orders o WHERE " + where + " ORDER BY o.number LIMIT 1");
        if (!stmt.ok() || !stmt->step().valueOr(false))
            return {};
        return {stmt->text(0), stmt->int64(1)};
    }

    qint64 number(const QByteArray &sql) { return m_sql->queryInt64(sql).valueOr(-1); }

    QString euros(qint64 minor) const
    {
        return Money(minor, Currency::fromCode(u"EUR").value()).format(QLocale(u"fr_FR"_s));
    }

    // Ctrl+F, the order number, Enter; then Tab through the filters to the list.
    void searchFor(OrdersPage &page, qint64 orderNumber)
    {
        press(Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(focused(), page.filterBar()->searchEdit());
        QTest::keyClicks(focused(), QString::number(orderNumber));
        press(Qt::Key_Return);
        for (int i = 0; i < 6 && focused() != page.table(); ++i)
            press(Qt::Key_Tab);
        QCOMPARE(focused(), page.table());
        QCOMPARE(page.model()->rowCount(), 1);
        QCOMPARE(page.model()->data(page.model()->index(0, 0)).toString(), u"#"_s + QString::number(orderNumber));
    }

    // A closed dialog gives the focus back to the list (the window manager reactivates the page).
    void backToPage(OrdersPage &page)
    {
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        QTRY_COMPARE(focused(), page.table());
    }

    template <typename Dialog>
    Dialog *openedDialog(OrdersPage &page)
    {
        auto *dialog = page.findChild<Dialog *>();
        if (!dialog || !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        dialog->activateWindow();
        return QTest::qWaitForWindowActive(dialog) && QTest::qWaitFor([dialog] { return dialog->isActiveWindow(); })
            ? dialog
            : nullptr;
    }

private slots:
    void initTestCase()
    {
        m_temp = test::makeTempStore();
        QVERIFY(m_temp);
        DemoOptions options;
        options.scale = DemoScale::Small;
        options.endDate = QDate(2026, 6, 30);
        SK_VERIFY_OK(generateDemoInto(*m_temp->store, options));
        auto reader = m_temp->store->openReader();
        SK_VERIFY_OK(reader);
        m_sql = std::move(reader).value();
    }

    void cleanupTestCase()
    {
        m_sql.reset();
        m_temp.reset();
    }

    void refundsAndFulfilsWithTheKeyboardAlone()
    {
        const Picked paid = pick("o.financial_status = 'paid' AND o.status IN ('processing', 'completed') "
                                 "AND o.refunded_total = 0 AND o.total > 5000");
        const Picked open = pick("o.status = 'processing' AND o.fulfillment_status = 'unfulfilled' AND "
                                 "(SELECT sum(quantity) FROM order_lines l WHERE l.order_id = o.id) >= 2");
        QVERIFY2(!paid.id.isEmpty() && !open.id.isEmpty(), "the demo shop has paid and open orders");

        OrdersPage page;
        QSignalSpy edited(&page, &OrdersPage::edited);
        page.resize(1280, 800);
        page.setShop(m_temp->store.get(), u"owner"_s);
        page.show();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        QVERIFY(page.model()->rowCount() > 0);
        QVERIFY(!page.currentOrderId().isEmpty()); // the newest order is shown at once
        page.table()->setFocus();

        // Refund 12,50 € of a paid order.
        searchFor(page, paid.number);
        QCOMPARE(page.currentOrderId(), paid.id);
        press(Qt::Key_Return);
        QCOMPARE(focused(), page.detailView()->browser());
        press(Qt::Key_Escape);
        QCOMPARE(focused(), page.table());
        press(Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        auto *refund = openedDialog<RefundOrderDialog>(page);
        QVERIFY(refund);
        QCOMPARE(focused(), refund->amountEdit());
        QTest::keyClicks(focused(), u"12,50"_s);
        press(Qt::Key_Return);
        QTRY_VERIFY(!refund->isVisible());
        backToPage(page);
        QVERIFY2(page.errorLabel()->message().isEmpty(), qPrintable(page.errorLabel()->message()));

        QCOMPARE(number("SELECT refunded_total FROM orders WHERE number = " + QByteArray::number(paid.number)), 1250);
        QCOMPARE(page.model()->data(page.model()->index(0, OrderListModel::FinancialColumn)).toString(),
                 u"Partially refunded"_s);
        QVERIFY(page.model()->data(page.model()->index(0, 0), OrderListModel::UnsyncedRole).toBool());
        QVERIFY(page.model()->data(page.model()->index(0, 0), Qt::ToolTipRole).toString().contains(u"Not synced"_s));
        const QString refunded = spaced(page.detailView()->plainText());
        QVERIFY2(refunded.contains(u"Refunded"_s) && refunded.contains(spaced(u"\u2212"_s + euros(1250))),
                 qPrintable(refunded));
        QVERIFY2(refunded.contains(u"Not synced yet"_s), qPrintable(refunded));
        QCOMPARE(edited.size(), 1);

        // Ship one unit of an open order, with a tracking number.
        searchFor(page, open.number);
        QCOMPARE(page.currentOrderId(), open.id);
        press(Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        auto *fulfil = openedDialog<FulfilOrderDialog>(page);
        QVERIFY(fulfil);
        QCOMPARE(focused(), fulfil->quantities()->firstBox());
        const int lines = fulfil->quantities()->findChildren<QSpinBox *>().size();
        for (int i = 0; i < lines; ++i) {
            QVERIFY(qobject_cast<QSpinBox *>(focused()));
            press(Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(focused(), i == 0 ? u"1"_s : u"0"_s);
            press(Qt::Key_Tab);
        }
        QTest::keyClicks(focused(), u"TRK-42"_s);
        press(Qt::Key_Tab);
        QTest::keyClicks(focused(), u"DHL"_s);
        press(Qt::Key_Tab, Qt::ShiftModifier);
        press(Qt::Key_Return);
        QTRY_VERIFY(!fulfil->isVisible());
        backToPage(page);
        QVERIFY2(page.errorLabel()->message().isEmpty(), qPrintable(page.errorLabel()->message()));

        QCOMPARE(page.model()->data(page.model()->index(0, OrderListModel::FulfillmentColumn)).toString(),
                 u"Partially fulfilled"_s);
        QVERIFY(page.model()->data(page.model()->index(0, 0), OrderListModel::UnsyncedRole).toBool());
        const QString shipped = page.detailView()->plainText();
        QVERIFY2(shipped.contains(u"TRK-42"_s) && shipped.contains(u"DHL"_s), qPrintable(shipped));
        QCOMPARE(number("SELECT count(*) FROM fulfillments f JOIN orders o ON o.id = f.order_id WHERE o.number = "
                        + QByteArray::number(open.number) + " AND f.tracking_number = 'TRK-42' AND f.carrier = 'DHL'"),
                 1);
        QCOMPARE(number("SELECT sum(quantity) FROM fulfillment_lines fl JOIN fulfillments f ON f.id = fl.fulfillment_id "
                        "JOIN orders o ON o.id = f.order_id WHERE o.number = " + QByteArray::number(open.number)),
                 1);
        QCOMPARE(number("SELECT count(*) FROM outbox WHERE name IN ('order.refund', 'order.fulfil')"), 2);
        QCOMPARE(edited.size(), 2);
    }

    void refusesInTheDialogWhatTheOrderCannotTake()
    {
        const Picked paid = pick("o.financial_status = 'paid' AND o.refunded_total = 0");
        OrdersPage page;
        page.setShop(m_temp->store.get(), u"staff"_s);
        QVERIFY(page.openRecord(paid.id));
        page.findChild<QAction *>(u"refundAction"_s)->trigger();
        auto *refund = page.findChild<RefundOrderDialog *>();
        QVERIFY(refund);
        const qint64 total = number("SELECT total FROM orders WHERE id = '" + paid.id.toUtf8() + "'");
        refund->amountEdit()->setText(euros(total + 100));
        refund->accept();
        QVERIFY(refund->isVisible());
        QVERIFY2(refund->errorLabel()->text().contains(u"#%1"_s.arg(paid.number)), qPrintable(refund->errorLabel()->text()));
        refund->amountEdit()->setText(u"douze"_s);
        refund->accept();
        QVERIFY(refund->errorLabel()->text().contains(u"amount"_s));
        refund->reject();
        QCOMPARE(number("SELECT refunded_total FROM orders WHERE id = '" + paid.id.toUtf8() + "'"), 0);
    }

    void warehouseFulfilsButSeesNoMoney()
    {
        const Picked open = pick("o.status = 'processing' AND o.fulfillment_status = 'unfulfilled'");
        OrdersPage page;
        page.setShop(m_temp->store.get(), u"warehouse"_s);
        QVERIFY(page.openRecord(open.id));
        QCOMPARE(page.currentOrderId(), open.id);
        auto *refund = page.findChild<QAction *>(u"refundAction"_s);
        QVERIFY(!refund->isEnabled());
        QVERIFY2(refund->toolTip().contains(u"warehouse"_s), qPrintable(refund->toolTip()));
        QVERIFY(!page.findChild<QAction *>(u"printInvoiceAction"_s)->isEnabled());
        QVERIFY(page.findChild<QAction *>(u"fulfilAction"_s)->isEnabled());
        QVERIFY(page.findChild<QAction *>(u"printPackingSlipAction"_s)->isEnabled());
        QVERIFY(page.table()->isColumnHidden(OrderListModel::TotalColumn));
        QVERIFY(page.table()->isColumnHidden(OrderListModel::CustomerColumn));
        QVERIFY2(!page.detailView()->plainText().contains(u"€"_s), qPrintable(page.detailView()->plainText()));

        // A cancelled order says why it cannot be fulfilled.
        const Picked cancelled = pick("o.status = 'cancelled'");
        QVERIFY(page.openRecord(cancelled.id));
        auto *fulfil = page.findChild<QAction *>(u"fulfilAction"_s);
        QVERIFY(!fulfil->isEnabled());
        QVERIFY2(fulfil->toolTip().contains(u"cancelled"_s), qPrintable(fulfil->toolTip()));
        QVERIFY(!page.openRecord(u"00000000-0000-7000-8000-000000000000"_s));
    }

    // The columns a role may not see are hidden for it but not kept as hidden: a saved list
    // shows them again to a role that sees them, while the columns the user hid stay hidden.
    void keepsTheUsersColumnsAcrossRoles()
    {
        const auto hidden = [](const OrdersPage &page) {
            QList<int> columns;
            for (int column = 0; column < OrderListModel::ColumnCount; ++column) {
                if (page.table()->isColumnHidden(column))
                    columns << column;
            }
            return columns;
        };
        QByteArray state;
        {
            OrdersPage page;
            page.setShop(m_temp->store.get(), u"owner"_s);
            QVERIFY(hidden(page).isEmpty());
            std::unique_ptr<QMenu> menu(ListTable::columnMenu(page.table()));
            menu->actions().at(OrderListModel::TotalColumn)->trigger();
            menu->actions().at(OrderListModel::ChannelColumn)->trigger();
            QCOMPARE(hidden(page), (QList<int>{OrderListModel::TotalColumn, OrderListModel::ChannelColumn}));

            page.setShop(m_temp->store.get(), u"warehouse"_s);
            const QList<int> forWarehouse{OrderListModel::CustomerColumn, OrderListModel::TotalColumn,
                                          OrderListModel::ChannelColumn};
            QCOMPARE(hidden(page), forWarehouse);
            // The warehouse cannot show what its role hides; its own choices it can.
            std::unique_ptr<QMenu> warehouseMenu(ListTable::columnMenu(page.table()));
            QVERIFY(!warehouseMenu->actions().at(OrderListModel::CustomerColumn)->isEnabled());
            QVERIFY(!warehouseMenu->actions().at(OrderListModel::TotalColumn)->isEnabled());
            QVERIFY(warehouseMenu->actions().at(OrderListModel::ChannelColumn)->isEnabled());
            state = page.headerState();
            QCOMPARE(hidden(page), forWarehouse); // saving shows nothing the role may not see
            page.setShop(m_temp->store.get(), u"staff"_s);
            QCOMPARE(hidden(page), (QList<int>{OrderListModel::TotalColumn, OrderListModel::ChannelColumn}));
            std::unique_ptr<QMenu> staffMenu(ListTable::columnMenu(page.table()));
            QVERIFY(staffMenu->actions().at(OrderListModel::TotalColumn)->isEnabled());
        }
        OrdersPage page;
        QVERIFY(!page.restoreHeaderState({}));
        QVERIFY(page.restoreHeaderState(state));
        page.setShop(m_temp->store.get(), u"owner"_s);
        QCOMPARE(hidden(page), (QList<int>{OrderListModel::TotalColumn, OrderListModel::ChannelColumn}));
        page.setShop(m_temp->store.get(), u"warehouse"_s);
        QCOMPARE(hidden(page), (QList<int>{OrderListModel::CustomerColumn, OrderListModel::TotalColumn,
                                           OrderListModel::ChannelColumn}));
    }

    // The orders are read when the page is first shown, not when the shop opens.
    void readsWhenShownAndClosesWithTheShop()
    {
        OrdersPage page;
        page.setShop(m_temp->store.get(), u"owner"_s);
        QCOMPARE(page.model()->rowCount(), 0);
        page.show();
        QVERIFY(page.model()->rowCount() > 0);
        QVERIFY(!page.currentOrderId().isEmpty()); // the first order is shown
        page.setShop(nullptr, {});
        QCOMPARE(page.model()->rowCount(), 0);
        QVERIFY(!page.findChild<QAction *>(u"noteAction"_s)->isEnabled());
        QVERIFY(page.currentOrderId().isEmpty());
    }

    void paintsSomethingReal()
    {
        OrdersPage page;
        page.resize(1200, 700);
        page.setShop(m_temp->store.get(), u"owner"_s);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const QImage shot = page.grab().toImage();
        QCOMPARE(shot.size(), page.size() * shot.devicePixelRatio());
        QSet<QRgb> colours;
        for (int y = 0; y < shot.height(); y += 7) {
            for (int x = 0; x < shot.width(); x += 7)
                colours.insert(shot.pixel(x, y));
        }
        QVERIFY2(colours.size() > 8, qPrintable(u"only %1 colours"_s.arg(colours.size())));
    }
};

QTEST_MAIN(tst_OrdersPage)
#include "tst_orderspage.moc"

#include "common/listtable.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace sk;

class tst_ListTable : public QObject
{
    Q_OBJECT

private slots:
    void theHeaderMenuShowsAndHidesColumns()
    {
        QStandardItemModel model(3, 3);
        model.setHorizontalHeaderLabels({QStringLiteral("SKU"), QStringLiteral("Title"), QStringLiteral("Price")});
        QTableView table;
        table.setModel(&model);
        ListTable::setUp(&table);
        QCOMPARE(table.horizontalHeader()->contextMenuPolicy(), Qt::CustomContextMenu);

        std::unique_ptr<QMenu> menu(ListTable::columnMenu(&table));
        QCOMPARE(menu->actions().size(), 3);
        QCOMPARE(menu->actions().at(1)->text(), QStringLiteral("Title"));
        QVERIFY(menu->actions().at(1)->isChecked());
        menu->actions().at(1)->trigger(); // unchecks: hides Title
        QVERIFY(table.isColumnHidden(1));

        menu.reset(ListTable::columnMenu(&table));
        QVERIFY(!menu->actions().at(1)->isChecked());
        menu->actions().at(0)->trigger(); // hides SKU: Price alone is left
        menu.reset(ListTable::columnMenu(&table));
        QVERIFY(!menu->actions().at(2)->isEnabled()); // the last visible column cannot go
        QVERIFY(menu->actions().at(1)->isEnabled());
        menu->actions().at(1)->trigger(); // shows Title again
        QVERIFY(!table.isColumnHidden(1));
    }
};

QTEST_MAIN(tst_ListTable)
#include "tst_listtable.moc"

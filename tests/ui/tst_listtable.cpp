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

    void keepsTheColumnsBetweenRuns()
    {
        QStandardItemModel model(3, 4);
        QByteArray state;
        {
            QTableView table;
            table.setModel(&model);
            ListTable::setUp(&table);
            std::unique_ptr<QMenu> menu(ListTable::columnMenu(&table));
            menu->actions().at(1)->trigger(); // hidden through the header's menu
            table.horizontalHeader()->moveSection(3, 0);
            table.horizontalHeader()->resizeSection(0, 123);
            state = ListTable::headerState(&table);
        }
        QTableView table;
        table.setModel(&model);
        ListTable::setUp(&table);
        QVERIFY(!ListTable::restoreHeaderState(&table, {}));
        QVERIFY(!ListTable::restoreHeaderState(&table, QByteArrayLiteral("not a header")));
        QVERIFY(!table.isColumnHidden(1));
        QVERIFY(ListTable::restoreHeaderState(&table, state));
        QVERIFY(table.isColumnHidden(1));
        QCOMPARE(table.horizontalHeader()->visualIndex(3), 0);
        QCOMPARE(table.horizontalHeader()->sectionSize(0), 123);
    }
};

QTEST_MAIN(tst_ListTable)
#include "tst_listtable.moc"

#include "listtable.h"

#include "common/storelistmodel.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QHeaderView>
#include <QMenu>
#include <QTableView>
#include <QTreeWidget>
#include <QVariant>

namespace sk {

void ListTable::setUp(QTableView *table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
    addColumnChooser(table);
}

void ListTable::addColumnChooser(QTableView *table)
{
    QHeaderView *header = table->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(header, &QHeaderView::customContextMenuRequested, table, [table, header](const QPoint &at) {
        QMenu *menu = columnMenu(table);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(header->mapToGlobal(at));
    });
}

namespace {

constexpr const char *kLockedColumns = "storekeepLockedColumns";

} // namespace

void ListTable::setLockedColumns(QTableView *table, const QList<int> &columns)
{
    table->setProperty(kLockedColumns, QVariant::fromValue(columns));
}

bool ListTable::isColumnLocked(const QTableView *table, int column)
{
    return table->property(kLockedColumns).value<QList<int>>().contains(column);
}

QMenu *ListTable::columnMenu(QTableView *table)
{
    auto *menu = new QMenu(table);
    QAbstractItemModel *model = table->model();
    const int columns = model ? model->columnCount() : 0;
    int visible = 0;
    for (int column = 0; column < columns; ++column)
        visible += table->isColumnHidden(column) ? 0 : 1;
    for (int column = 0; column < columns; ++column) {
        QAction *action = menu->addAction(model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!table->isColumnHidden(column));
        // The last visible column stays: a table without columns cannot be got back by its header.
        action->setEnabled(table->isColumnHidden(column) || visible > 1);
        if (isColumnLocked(table, column)) {
            action->setEnabled(false);
            action->setToolTip(QCoreApplication::translate("sk::ListTable", "Your role does not see this column."));
        }
        QObject::connect(action, &QAction::toggled, table,
                         [table, column](bool shown) { table->setColumnHidden(column, !shown); });
    }
    return menu;
}

QByteArray ListTable::headerState(const QTableView *table)
{
    return table->horizontalHeader()->saveState();
}

bool ListTable::restoreHeaderState(QTableView *table, const QByteArray &state)
{
    QHeaderView *header = table->horizontalHeader();
    if (state.isEmpty() || !header->restoreState(state))
        return false;
    auto *model = qobject_cast<StoreListModel *>(table->model());
    if (model && table->isSortingEnabled()) {
        model->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
        header->setSortIndicator(model->sortColumn(), model->sortOrder());
    }
    return true;
}

void ListTable::showBusyWhileLoading(QTableView *table, StoreListModel *model)
{
    QObject::connect(model, &StoreListModel::loadingChanged, table, [table](bool loading) {
        if (loading)
            table->viewport()->setCursor(Qt::BusyCursor);
        else
            table->viewport()->unsetCursor();
    });
}

void ListTable::setUp(QTreeWidget *list, const QStringList &headers, int stretchColumn)
{
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setHeaderLabels(headers);
    list->header()->setStretchLastSection(false);
    list->header()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
}

} // namespace sk

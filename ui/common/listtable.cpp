#include "listtable.h"

#include <QHeaderView>
#include <QTableView>
#include <QTreeWidget>

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

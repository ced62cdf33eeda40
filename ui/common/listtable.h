#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

class QMenu;
class QTableView;
class QTreeWidget;

namespace sk {

class StoreListModel;

// How the list tables look and behave everywhere: whole rows selected, alternating rows, no
// wrapping, no row numbers, and a fixed row height (a table never measures a million rows).
class ListTable
{
public:
    // Includes the column chooser below.
    static void setUp(QTableView *table);
    // A right click on the header offers every column to show or hide (not the last one shown).
    static void addColumnChooser(QTableView *table);
    // That menu, for the current columns (the caller owns it).
    static QMenu *columnMenu(QTableView *table);
    // Columns the column menu offers but will not show (a role may not see them).
    static void setLockedColumns(QTableView *table, const QList<int> &columns);
    static bool isColumnLocked(const QTableView *table, int column);
    // The columns' widths, order, hidden ones and the sort, to keep between runs.
    static QByteArray headerState(const QTableView *table);
    // Puts back what headerState() gave. A StoreListModel then sorts as the saved indicator
    // says when it can (a column without an index is ignored), and the indicator shows how the
    // rows really are sorted. False, changing nothing, when `state` is empty or unreadable.
    static bool restoreHeaderState(QTableView *table, const QByteArray &state);
    // A short list (a session's counts, a customer's orders): flat, one column stretched.
    // A busy cursor over the table while its model reads its rows on a worker.
    static void showBusyWhileLoading(QTableView *table, StoreListModel *model);
    static void setUp(QTreeWidget *list, const QStringList &headers, int stretchColumn);
};

} // namespace sk

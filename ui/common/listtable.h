#pragma once

#include <QStringList>

class QMenu;
class QTableView;
class QTreeWidget;

namespace sk {

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
    // A short list (a session's counts, a customer's orders): flat, one column stretched.
    static void setUp(QTreeWidget *list, const QStringList &headers, int stretchColumn);
};

} // namespace sk

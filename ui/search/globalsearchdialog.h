#pragma once

#include "storage/globalsearch.h"

#include <QDialog>

#include <memory>

class QLabel;
class QLineEdit;
class QListWidget;
class QTimer;

namespace sk {

class ShopStore;
class SqliteDatabase;

// Ctrl+K: one box that finds products (title, SKU, barcode), customers and order numbers as
// you type. Up/Down pick a hit, Enter opens it (chosen()), Esc closes. Queries run on the
// dialog's own read connection; each is an indexed prefix lookup of a few dozen rows, well
// under a frame even on a large shop, and typing is debounced.
class GlobalSearchDialog : public QDialog
{
    Q_OBJECT

public:
    explicit GlobalSearchDialog(ShopStore &store, QWidget *parent = nullptr);
    ~GlobalSearchDialog() override;

    QLineEdit *searchField() const { return m_field; }
    QListWidget *results() const { return m_results; }

signals:
    void chosen(const sk::GlobalSearchHit &hit);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void runSearch();
    void choose(int row);

    std::unique_ptr<SqliteDatabase> m_db;
    QLineEdit *m_field = nullptr;
    QListWidget *m_results = nullptr;
    QLabel *m_message = nullptr;
    QTimer *m_debounce = nullptr;
    QList<GlobalSearchHit> m_hits;
};

} // namespace sk

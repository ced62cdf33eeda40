#pragma once

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QTableView;

namespace sk {

class LedgerModel;
class ShopStore;

// The stock history (ledger) of one variant, newest first, with filters: location, reason
// and a date range in the shop's time zone.
class InventoryHistoryView : public QWidget
{
    Q_OBJECT

public:
    explicit InventoryHistoryView(QWidget *parent = nullptr);

    // nullptr: no shop open.
    void setShop(ShopStore *store);
    // The variant whose movements are listed (empty: none); `label` names it in the title.
    void setVariant(const QString &variantId, const QString &label);
    // Re-reads the movements (after a sync brought new ones).
    void reload();

    LedgerModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QComboBox *locationFilter() const { return m_location; }
    QComboBox *reasonFilter() const { return m_reason; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }

private:
    void applyFilter();
    void fillLocations();

    QString m_variantId;
    LedgerModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QComboBox *m_location = nullptr;
    QComboBox *m_reason = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace sk

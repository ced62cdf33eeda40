#pragma once

#include "common/shopformat.h"
#include "inventory/stocklookup.h"

#include <QList>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QTreeWidget;

namespace sk {

class MessageLabel;
class ShopStore;
class SqliteDatabase;

// Stock count mode, driven by a barcode scanner that types like a keyboard: the scan field has
// the focus; a barcode or SKU + Enter finds the variant at the chosen location and shows the
// quantity expected there; the focus moves to the count field; the count + Enter shows the
// variance and queues inventory.set with the expected quantity (stale if stock moved
// meanwhile), then the scan field takes the focus for the next item. Escape drops the item
// being counted, or leaves the mode (finished) when none is.
class StockCountMode : public QWidget
{
    Q_OBJECT

public:
    struct CountedItem
    {
        QString variantId;
        QString locationId;
        QString label;
        qint64 expected = 0;
        qint64 counted = 0;
        qint64 seq = 0; // the queued inventory.set

        qint64 variance() const { return counted - expected; }
    };

    explicit StockCountMode(QWidget *parent = nullptr);
    ~StockCountMode() override;

    // nullptr: no shop open (the mode is disabled). Clears the counted list.
    void setShop(ShopStore *store);
    // When false, counting is disabled and `reason` says why (the user's role).
    void setAllowed(bool allowed, const QString &reason = {});
    void setLocation(const QString &locationId);
    QString locationId() const;

    QComboBox *locationCombo() const { return m_location; }
    QLineEdit *scanField() const { return m_scan; }
    QLineEdit *countField() const { return m_count; }
    QTreeWidget *countedList() const { return m_list; }
    QString messageText() const;
    bool isShowingError() const;
    // The item scanned and waiting for its count.
    const std::optional<StockItem> &currentItem() const { return m_item; }
    qint64 expectedQuantity() const { return m_expected; }
    const QList<CountedItem> &countedItems() const { return m_counted; }

public slots:
    // What the scan field does on Enter.
    void scan(const QString &code);
    // What the count field does on Enter.
    void enterCount(const QString &text);
    // Drops the scanned item and returns to the scan field.
    void cancelItem();
    // Puts the focus in the scan field.
    void focusScan();

signals:
    // A count was queued (the lead syncs on it).
    void edited();
    // The user left the mode (Escape with no item, or Finish).
    void finished();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void loadLocations();
    void showItem();
    void addCounted(const CountedItem &item);

    ShopStore *m_store = nullptr;
    std::unique_ptr<SqliteDatabase> m_db;
    ShopFormat m_format;
    bool m_allowed = true;
    std::optional<StockItem> m_item;
    qint64 m_expected = 0;
    QList<CountedItem> m_counted;

    QComboBox *m_location = nullptr;
    QLineEdit *m_scan = nullptr;
    QLabel *m_itemLabel = nullptr;
    QLabel *m_expectedLabel = nullptr;
    QLineEdit *m_count = nullptr;
    MessageLabel *m_message = nullptr;
    QTreeWidget *m_list = nullptr;
};

} // namespace sk

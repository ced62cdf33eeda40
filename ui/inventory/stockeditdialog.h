#pragma once

#include "inventory/stocklookup.h"
#include "local/outbox.h"
#include "util/result.h"

#include <QDialog>

#include <optional>

// The field widgets the stock dialogs use.
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace sk {

class MessageLabel;
class ShopStore;

// What the stock dialogs share: the variant and its levels read on open, a form, an inline
// error naming the field, and one local edit through ShopEditor on accept (the dialog stays
// open, showing the error, when the edit is refused).
class StockEditDialog : public QDialog
{
    Q_OBJECT

public:
    // The queued edit, after the dialog was accepted.
    const std::optional<OutboxEntry> &queuedEdit() const { return m_queued; }
    QString errorText() const;
    QPushButton *okButton() const { return m_ok; }
    // False when the variant could not be read (errorText() says why).
    bool isLoaded() const { return m_item.has_value(); }
    // The variant (only when loaded).
    const StockItem &item() const { return *m_item; }
    QString locationName(const QString &locationId) const;

public slots:
    void accept() override;

protected:
    StockEditDialog(ShopStore &store, const QString &variantId, const QString &okText, QWidget *parent);

    // Queues the edit; the error's detail names the contract field it is about.
    virtual Result<OutboxEntry> submit() = 0;
    // The widget that edits a contract field ("delta", "quantity"...), to focus on an error.
    virtual QWidget *fieldWidget(const QString &field) const = 0;

    ShopStore &store() const { return m_store; }
    const QList<Location> &locations() const { return m_locations; }
    QFormLayout *form() const { return m_form; }
    // A combo of the locations (data: id), with `selected` current.
    QComboBox *makeLocationCombo(const QString &selected);
    // Shows an error below the form and focuses the field it names.
    void showError(const QString &message, QWidget *field = nullptr);
    // An error of the form "<field label>: <message>".
    static Error fieldError(const QString &field, const QString &label, const QString &message);

private:
    ShopStore &m_store;
    std::optional<StockItem> m_item;
    QList<Location> m_locations;
    QFormLayout *m_form = nullptr;
    MessageLabel *m_error = nullptr;
    QPushButton *m_ok = nullptr;
    std::optional<OutboxEntry> m_queued;
};

} // namespace sk

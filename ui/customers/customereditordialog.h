#pragma once

#include "domain/records.h"
#include "local/outbox.h"
#include "util/result.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace sk {

class MessageLabel;
class ShopStore;

// Create or edit a customer: names, email, phone, tags, note and addresses (add, edit, remove;
// the first is the default). Queued as customer.create, or customer.patch of the changed
// fields only (the addresses as a whole list, keeping each existing address's id). Problems
// name the field and put the focus on it; the dialog stays open until the edit is queued.
class CustomerEditorDialog : public QDialog
{
    Q_OBJECT

public:
    enum AddressColumn { NameColumn, CompanyColumn, Line1Column, Line2Column, CityColumn, ProvinceColumn,
                         PostalCodeColumn, CountryColumn, PhoneColumn, AddressColumnCount };

    // A new customer.
    explicit CustomerEditorDialog(ShopStore &store, QWidget *parent = nullptr);
    // An existing customer, read from the store (errorText() says so when it is not there).
    CustomerEditorDialog(ShopStore &store, const QString &customerId, QWidget *parent = nullptr);

    bool isEditing() const { return m_original.has_value(); }
    // The customer created or edited (set once accepted when creating).
    QString customerId() const { return m_customerId; }
    // The queued edit, once accepted; nullopt when nothing had changed.
    const std::optional<OutboxEntry> &queuedEdit() const { return m_queued; }
    QString errorText() const;

    QLineEdit *firstNameEdit() const { return m_firstName; }
    QLineEdit *lastNameEdit() const { return m_lastName; }
    QLineEdit *emailEdit() const { return m_email; }
    QLineEdit *phoneEdit() const { return m_phone; }
    QLineEdit *tagsEdit() const { return m_tags; }
    QPlainTextEdit *noteEdit() const { return m_note; }
    QTableWidget *addressTable() const { return m_addresses; }
    QPushButton *addAddressButton() const { return m_addAddress; }
    QPushButton *removeAddressButton() const { return m_removeAddress; }
    QPushButton *okButton() const { return m_ok; }

public slots:
    void accept() override;
    // Adds an empty address row and starts editing its first cell.
    void addAddress();
    void removeAddress();

private:
    void build();
    // An address as typed, and the table row it was typed in (blank rows are skipped).
    struct FormAddress
    {
        CustomerAddress address; // id: the existing address's, or empty for a new one
        int row = -1;
    };

    void fill(const Customer &customer);
    Customer customerFromForm() const;
    QList<FormAddress> addressesFromForm() const;
    // True when the table holds other addresses, or in another order, than the customer had.
    bool addressesChanged(const QList<CustomerAddress> &addresses) const;
    // The first problem with the form, its detail naming the field (as the contract does).
    Result<void> validate() const;
    Result<OutboxEntry> save();
    void showError(const Error &error);
    QWidget *fieldWidget(const QString &field) const;

    ShopStore &m_store;
    std::optional<Customer> m_original;
    QString m_customerId;
    std::optional<OutboxEntry> m_queued;

    QLineEdit *m_firstName = nullptr;
    QLineEdit *m_lastName = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_phone = nullptr;
    QLineEdit *m_tags = nullptr;
    QPlainTextEdit *m_note = nullptr;
    QTableWidget *m_addresses = nullptr;
    QPushButton *m_addAddress = nullptr;
    QPushButton *m_removeAddress = nullptr;
    QLabel *m_addressNote = nullptr;
    MessageLabel *m_error = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace sk

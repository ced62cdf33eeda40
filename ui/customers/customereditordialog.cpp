#include "customereditordialog.h"

#include "common/messagelabel.h"
#include "domain/mutationlimits.h"
#include "domain/recordjson.h"
#include "local/shopeditor.h"
#include "storage/customerrepository.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"
#include "util/uuidv7.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

// The contract's field names and limits of an address column (server/openapi.yaml, CustomerInput).
struct AddressField
{
    const char16_t *name;
    int maxLength;
};

constexpr AddressField kAddressFields[CustomerEditorDialog::AddressColumnCount] = {
    {u"name", 255},        {u"company", 255}, {u"line1", 255},   {u"line2", 255},       {u"city", 255},
    {u"province", 255},    {u"postal_code", 32}, {u"country_code", 2}, {u"phone", 32},
};

// Where an address row keeps the id of the address it shows (on its first cell).
constexpr int kAddressIdRole = Qt::UserRole + 1;

constexpr qsizetype kEmailLength = 254;
constexpr qsizetype kPhoneLength = 32;
constexpr qsizetype kTagsLength = 1024;

QString addressColumnLabel(int column)
{
    switch (column) {
    case CustomerEditorDialog::NameColumn: return CustomerEditorDialog::tr("Name");
    case CustomerEditorDialog::CompanyColumn: return CustomerEditorDialog::tr("Company");
    case CustomerEditorDialog::Line1Column: return CustomerEditorDialog::tr("Address");
    case CustomerEditorDialog::Line2Column: return CustomerEditorDialog::tr("Address line 2");
    case CustomerEditorDialog::CityColumn: return CustomerEditorDialog::tr("City");
    case CustomerEditorDialog::ProvinceColumn: return CustomerEditorDialog::tr("Region");
    case CustomerEditorDialog::PostalCodeColumn: return CustomerEditorDialog::tr("Postal code");
    case CustomerEditorDialog::CountryColumn: return CustomerEditorDialog::tr("Country");
    case CustomerEditorDialog::PhoneColumn: return CustomerEditorDialog::tr("Phone");
    default: return {};
    }
}

QString addressValue(const CustomerAddress &a, int column)
{
    const QString *values[] = {&a.name, &a.company, &a.line1, &a.line2, &a.city, &a.province, &a.postalCode,
                               &a.countryCode, &a.phone};
    return *values[column];
}

void setAddressValue(CustomerAddress &a, int column, const QString &value)
{
    QString *values[] = {&a.name, &a.company, &a.line1, &a.line2, &a.city, &a.province, &a.postalCode,
                         &a.countryCode, &a.phone};
    *values[column] = value;
}

// Simple on purpose: the server checks the same shape (one @, a dot in the domain, no spaces).
bool looksLikeEmail(const QString &text)
{
    static const QRegularExpression shape(u"^[^@\\s]+@[^@\\s.][^@\\s]*\\.[^@\\s.]+$"_s);
    return shape.match(text).hasMatch();
}

// "a,b ,  c" -> "a, b, c", as merchants type them and the lists show them.
QString normalizedTags(const QString &text)
{
    QStringList tags;
    for (const QString &tag : text.split(u',')) {
        if (!tag.trimmed().isEmpty())
            tags << tag.trimmed();
    }
    return tags.join(u", "_s);
}

Error invalid(const QString &field, const QString &message)
{
    return makeError(u"validation.invalid_field"_s, message, field);
}

} // namespace

CustomerEditorDialog::CustomerEditorDialog(ShopStore &store, QWidget *parent) : QDialog(parent), m_store(store)
{
    build();
    setWindowTitle(tr("New Customer"));
    addAddress();
    m_firstName->setFocus(Qt::OtherFocusReason);
}

CustomerEditorDialog::CustomerEditorDialog(ShopStore &store, const QString &customerId, QWidget *parent)
    : QDialog(parent), m_store(store), m_customerId(customerId)
{
    build();
    setWindowTitle(tr("Edit Customer"));
    auto read = [&]() -> Result<std::optional<Customer>> {
        SK_TRY_ASSIGN(db, store.openReader());
        return CustomerRepository(*db).customer(customerId);
    }();
    if (!read.ok()) {
        showError(makeError(read.error().code, tr("Could not read this customer: %1").arg(read.error().toString())));
    } else if (!*read) {
        showError(makeError(u"sync.unknown_record"_s,
                            tr("This customer is no longer in the shop (it may have been deleted by a sync).")));
    } else {
        m_original = **read;
        fill(*m_original);
    }
    m_ok->setEnabled(isEditing());
    m_addAddress->setEnabled(isEditing());
    m_removeAddress->setEnabled(isEditing());
    m_firstName->setFocus(Qt::OtherFocusReason);
}

void CustomerEditorDialog::build()
{
    setObjectName(u"customerEditorDialog"_s);
    auto line = [this](const QString &name, qsizetype maxLength) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(name);
        edit->setMaxLength(int(maxLength));
        return edit;
    };
    m_firstName = line(u"firstName"_s, MutationLimits::NameLength);
    m_lastName = line(u"lastName"_s, MutationLimits::NameLength);
    m_email = line(u"email"_s, kEmailLength);
    m_email->setPlaceholderText(tr("name@example.com"));
    m_phone = line(u"phone"_s, kPhoneLength);
    m_tags = line(u"tags"_s, kTagsLength);
    m_tags->setPlaceholderText(tr("Comma-separated, e.g. wholesale, vip"));
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(u"note"_s);
    m_note->setTabChangesFocus(true);
    m_note->setFixedHeight(fontMetrics().lineSpacing() * 4 + 12);

    m_addresses = new QTableWidget(0, AddressColumnCount, this);
    m_addresses->setObjectName(u"addresses"_s);
    QStringList headers;
    for (int column = 0; column < AddressColumnCount; ++column)
        headers << addressColumnLabel(column);
    m_addresses->setHorizontalHeaderLabels(headers);
    m_addresses->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_addresses->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    m_addAddress = new QPushButton(tr("A&dd address"), this);
    m_addAddress->setObjectName(u"addAddress"_s);
    m_addAddress->setAutoDefault(false);
    m_removeAddress = new QPushButton(tr("&Remove address"), this);
    m_removeAddress->setObjectName(u"removeAddress"_s);
    m_removeAddress->setAutoDefault(false);
    connect(m_addAddress, &QPushButton::clicked, this, &CustomerEditorDialog::addAddress);
    connect(m_removeAddress, &QPushButton::clicked, this, &CustomerEditorDialog::removeAddress);
    m_addressNote = new QLabel(tr("The first address is the default one."), this);
    m_addressNote->setWordWrap(true);
    auto *addressButtons = new QHBoxLayout;
    addressButtons->addWidget(m_addressNote, 1);
    addressButtons->addWidget(m_addAddress);
    addressButtons->addWidget(m_removeAddress);

    auto *form = new QFormLayout;
    form->addRow(tr("&First name:"), m_firstName);
    form->addRow(tr("&Last name:"), m_lastName);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(tr("&Phone:"), m_phone);
    form->addRow(tr("&Tags:"), m_tags);
    form->addRow(tr("N&ote:"), m_note);
    auto *addressesLabel = new QLabel(tr("&Addresses:"), this);
    addressesLabel->setBuddy(m_addresses);

    m_error = new MessageLabel(this);
    m_error->setObjectName(u"errorLabel"_s);
    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(QDialogButtonBox::Save);
    m_ok->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &CustomerEditorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CustomerEditorDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(addressesLabel);
    layout->addWidget(m_addresses, 1);
    layout->addLayout(addressButtons);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 110, sizeHint().height());
}

void CustomerEditorDialog::fill(const Customer &customer)
{
    m_firstName->setText(customer.firstName);
    m_lastName->setText(customer.lastName);
    m_email->setText(customer.email);
    m_phone->setText(customer.phone);
    m_tags->setText(customer.tags);
    m_note->setPlainText(customer.note);
    m_addresses->setRowCount(0);
    for (const CustomerAddress &address : customer.addresses) {
        const int row = m_addresses->rowCount();
        m_addresses->insertRow(row);
        for (int column = 0; column < AddressColumnCount; ++column)
            m_addresses->setItem(row, column, new QTableWidgetItem(addressValue(address, column)));
        // The id goes with the row, so an edited address stays the same address.
        m_addresses->item(row, NameColumn)->setData(kAddressIdRole, address.id);
    }
}

void CustomerEditorDialog::addAddress()
{
    const int row = m_addresses->rowCount();
    m_addresses->insertRow(row);
    for (int column = 0; column < AddressColumnCount; ++column)
        m_addresses->setItem(row, column, new QTableWidgetItem);
    m_addresses->setCurrentCell(row, NameColumn);
}

void CustomerEditorDialog::removeAddress()
{
    const int row = m_addresses->currentRow();
    if (row >= 0)
        m_addresses->removeRow(row);
}

QString CustomerEditorDialog::errorText() const
{
    return m_error->message();
}

QList<CustomerEditorDialog::FormAddress> CustomerEditorDialog::addressesFromForm() const
{
    QList<FormAddress> addresses;
    for (int row = 0; row < m_addresses->rowCount(); ++row) {
        FormAddress typed;
        typed.row = row;
        bool empty = true;
        for (int column = 0; column < AddressColumnCount; ++column) {
            const QTableWidgetItem *item = m_addresses->item(row, column);
            QString value = item ? item->text().trimmed() : QString();
            if (column == CountryColumn)
                value = value.toUpper();
            empty = empty && value.isEmpty();
            setAddressValue(typed.address, column, value);
        }
        if (empty)
            continue; // a row added and left blank, or an address emptied: not kept
        if (const QTableWidgetItem *first = m_addresses->item(row, NameColumn))
            typed.address.id = first->data(kAddressIdRole).toString();
        typed.address.isDefault = addresses.isEmpty();
        addresses << typed;
    }
    return addresses;
}

bool CustomerEditorDialog::addressesChanged(const QList<CustomerAddress> &addresses) const
{
    // Compared without is_default: the form makes the first address the default, which a
    // customer whose addresses came without one would otherwise count as a change.
    const QList<CustomerAddress> before = m_original ? m_original->addresses : QList<CustomerAddress>();
    if (addresses.size() != before.size())
        return true;
    for (qsizetype i = 0; i < addresses.size(); ++i) {
        if (addresses.at(i).id != before.at(i).id)
            return true;
        for (int column = 0; column < AddressColumnCount; ++column) {
            if (addressValue(addresses.at(i), column) != addressValue(before.at(i), column))
                return true;
        }
    }
    return false;
}

Customer CustomerEditorDialog::customerFromForm() const
{
    Customer c = m_original.value_or(Customer());
    c.firstName = m_firstName->text().trimmed();
    c.lastName = m_lastName->text().trimmed();
    const QString email = m_email->text().trimmed();
    c.email = email.isEmpty() ? QString() : email;
    const QString phone = m_phone->text().trimmed();
    c.phone = phone.isEmpty() ? QString() : phone;
    c.tags = normalizedTags(m_tags->text());
    c.note = m_note->toPlainText().trimmed();
    c.addresses.clear();
    for (const FormAddress &typed : addressesFromForm())
        c.addresses << typed.address;
    return c;
}

Result<void> CustomerEditorDialog::validate() const
{
    const Customer c = customerFromForm();
    if (c.firstName.isEmpty() && c.lastName.isEmpty() && c.email.isEmpty())
        return invalid(u"first_name"_s, tr("Name: enter a first name, a last name or an email address."));
    if (!c.email.isEmpty() && !looksLikeEmail(c.email)) {
        return invalid(u"email"_s,
                       tr("Email: \u201C%1\u201D is not an email address (it should look like name@example.com).")
                           .arg(c.email));
    }
    if (c.tags.size() > kTagsLength)
        return invalid(u"tags"_s, tr("Tags: at most %1 characters in all.").arg(kTagsLength));
    if (c.note.size() > MutationLimits::NoteLength)
        return invalid(u"note"_s, tr("Note: at most %1 characters.").arg(MutationLimits::NoteLength));
    // The field path counts the addresses sent; the message names the row the user sees.
    const QList<FormAddress> typed = addressesFromForm();
    for (qsizetype i = 0; i < typed.size(); ++i) {
        const CustomerAddress &a = typed.at(i).address;
        const int shownRow = typed.at(i).row + 1;
        for (int column = 0; column < AddressColumnCount; ++column) {
            const QString value = addressValue(a, column);
            const QString field = u"addresses[%1].%2"_s.arg(i).arg(QString::fromUtf16(kAddressFields[column].name));
            const bool badCountry = column == CountryColumn && !value.isEmpty()
                                    && !QRegularExpression(u"^[A-Z]{2}$"_s).match(value).hasMatch();
            if (badCountry) {
                return invalid(field, tr("Address %1, Country: \u201C%2\u201D is not a two-letter country code "
                                         "(such as FR or US).")
                                          .arg(shownRow)
                                          .arg(value));
            }
            if (value.size() > kAddressFields[column].maxLength) {
                return invalid(field, tr("Address %1, %2: at most %3 characters.")
                                          .arg(shownRow)
                                          .arg(addressColumnLabel(column))
                                          .arg(kAddressFields[column].maxLength));
            }
        }
    }
    return {};
}

Result<OutboxEntry> CustomerEditorDialog::save()
{
    const Customer c = customerFromForm();
    ShopEditor editor(m_store);
    if (!isEditing()) {
        Customer created = c;
        if (m_customerId.isEmpty())
            m_customerId = UuidV7::toText(UuidV7::create()); // kept if the save is retried
        created.id = m_customerId;
        return editor.createCustomer(created);
    }
    const Customer &o = *m_original;
    QJsonObject fields;
    auto nullable = [](const QString &text) { return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text); };
    if (c.firstName != o.firstName)
        fields.insert(u"first_name", c.firstName);
    if (c.lastName != o.lastName)
        fields.insert(u"last_name", c.lastName);
    if (c.email != o.email)
        fields.insert(u"email", nullable(c.email));
    if (c.phone != o.phone)
        fields.insert(u"phone", nullable(c.phone));
    if (c.tags != o.tags)
        fields.insert(u"tags", c.tags);
    if (c.note != o.note)
        fields.insert(u"note", c.note);
    if (addressesChanged(c.addresses)) {
        QJsonArray addresses; // the whole new list: customer.patch replaces the addresses
        for (CustomerAddress address : c.addresses) {
            if (address.id.isEmpty())
                address.id = UuidV7::toText(UuidV7::create());
            address.customerId = o.id;
            addresses.append(RecordJson::toJson(address));
        }
        fields.insert(u"addresses", addresses);
    }
    if (fields.isEmpty())
        return makeError(u"ui.unchanged"_s, {});
    return editor.patchCustomer(o.id, fields);
}

void CustomerEditorDialog::accept()
{
    if (!m_ok->isEnabled())
        return;
    // An address cell still being edited counts as typed: taking the focus commits it.
    if (m_addresses->isAncestorOf(QApplication::focusWidget()))
        m_addresses->setFocus(Qt::OtherFocusReason);
    m_error->clearMessage();
    auto valid = validate();
    if (!valid.ok()) {
        showError(valid.error());
        return;
    }
    auto queued = save();
    if (!queued.ok() && queued.error().code == u"ui.unchanged") {
        QDialog::accept(); // nothing to send
        return;
    }
    if (!queued.ok()) {
        Error error = queued.error();
        if (error.code == u"customer.duplicate_email")
            error.detail = u"email"_s;
        showError(error);
        return;
    }
    m_queued = *queued;
    QDialog::accept();
}

void CustomerEditorDialog::showError(const Error &error)
{
    m_error->showError(error.message);
    QWidget *field = fieldWidget(error.detail);
    if (!field)
        return;
    field->setFocus(Qt::OtherFocusReason);
    static const QRegularExpression addressPath(u"addresses\\[(\\d+)\\]\\.(\\w+)"_s);
    const auto match = addressPath.match(error.detail);
    if (!match.hasMatch())
        return;
    // The path counts the addresses sent, which skip blank rows: find the row it was typed in.
    const QList<FormAddress> typed = addressesFromForm();
    const qsizetype index = match.captured(1).toInt();
    if (index < 0 || index >= typed.size())
        return;
    for (int column = 0; column < AddressColumnCount; ++column) {
        if (match.captured(2) == QString::fromUtf16(kAddressFields[column].name))
            m_addresses->setCurrentCell(typed.at(index).row, column);
    }
}

QWidget *CustomerEditorDialog::fieldWidget(const QString &field) const
{
    // The contract names fields by path ("customer.email", "fields.email", "addresses[0].city").
    const QString name = field.section(u'.', -1);
    if (field.contains(u"addresses"))
        return m_addresses;
    if (name == u"first_name")
        return m_firstName;
    if (name == u"last_name")
        return m_lastName;
    if (name == u"email")
        return m_email;
    if (name == u"phone")
        return m_phone;
    if (name == u"tags")
        return m_tags;
    if (name == u"note")
        return m_note;
    return nullptr;
}

} // namespace sk

#include "customerdetailview.h"

#include "common/listtable.h"
#include "common/titlelabel.h"
#include "money/money.h"
#include "orders/orderformat.h"
#include "storage/orderrepository.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"

#include <QFormLayout>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

enum OrderColumn { NumberColumn, PlacedColumn, StatusColumn, PaymentColumn, TotalColumn };

QLabel *makeValue(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

CustomerDetailView::CustomerDetailView(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"customerDetail"_s);
    m_name = new TitleLabel({}, TitleLabel::Size::Page, this);
    m_name->setObjectName(u"customerName"_s);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_contact = makeValue(this, u"customerContact"_s);
    m_ordersCount = makeValue(this, u"ordersCount"_s);
    m_totalSpent = makeValue(this, u"totalSpent"_s);
    m_average = makeValue(this, u"averageOrder"_s);
    m_tags = makeValue(this, u"customerTags"_s);
    m_note = makeValue(this, u"customerNote"_s);
    m_addresses = makeValue(this, u"customerAddresses"_s);
    m_historyNote = makeValue(this, u"historyNote"_s);
    m_error = makeValue(this, u"detailError"_s);

    auto *form = new QFormLayout;
    form->addRow(tr("Orders:"), m_ordersCount);
    form->addRow(tr("Total spent:"), m_totalSpent);
    form->addRow(tr("Average order:"), m_average);
    form->addRow(tr("Tags:"), m_tags);
    form->addRow(tr("Note:"), m_note);
    form->addRow(tr("Addresses:"), m_addresses);

    m_orders = new QTreeWidget(this);
    m_orders->setObjectName(u"orderHistory"_s);
    ListTable::setUp(m_orders, {tr("Order"), tr("Placed"), tr("Status"), tr("Payment"), tr("Total")}, PlacedColumn);
    m_orders->headerItem()->setTextAlignment(TotalColumn, Qt::AlignRight | Qt::AlignVCenter);
    connect(m_orders, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        emit openOrderRequested(item->data(NumberColumn, Qt::UserRole).toString());
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_name);
    layout->addWidget(m_contact);
    layout->addWidget(m_error);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Order history (newest first):"), this));
    layout->addWidget(m_orders, 1);
    layout->addWidget(m_historyNote);
    clear();
}

CustomerDetailView::~CustomerDetailView() = default;

void CustomerDetailView::setShop(ShopStore *store)
{
    m_db.reset();
    m_format = ShopFormat();
    clear();
    if (!store)
        return;
    auto opened = [&]() -> Result<void> {
        SK_TRY_ASSIGN(reader, store->openReader());
        SK_TRY_ASSIGN(format, ShopFormat::read(*reader));
        m_format = format;
        m_db = std::move(reader);
        return {};
    }();
    if (!opened.ok()) {
        m_error->setText(tr("Could not open the shop file: %1").arg(opened.error().toString()));
        m_error->show();
    }
}

void CustomerDetailView::clear()
{
    m_customer.reset();
    m_stats = {};
    for (QLabel *label : {m_name, m_contact, m_ordersCount, m_totalSpent, m_average, m_tags, m_note, m_addresses,
                          m_historyNote, m_error})
        label->clear();
    m_name->setText(tr("No customer selected"));
    m_error->hide();
    m_historyNote->hide();
    m_orders->clear();
}

QString CustomerDetailView::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

bool CustomerDetailView::showCustomer(const QString &customerId)
{
    clear();
    if (!m_db || customerId.isEmpty())
        return false;
    auto loaded = load(customerId);
    if (!loaded.ok()) {
        clear();
        m_error->setText(tr("Could not read this customer: %1").arg(loaded.error().toString()));
        m_error->show();
        return false;
    }
    return m_customer.has_value();
}

void CustomerDetailView::refresh()
{
    if (m_customer)
        showCustomer(m_customer->id);
}

Result<void> CustomerDetailView::load(const QString &customerId)
{
    CustomerRepository repo(*m_db);
    SK_TRY_ASSIGN(customer, repo.customer(customerId));
    if (!customer)
        return {};
    SK_TRY_ASSIGN(stats, repo.stats(customerId));
    m_customer = std::move(customer);
    m_stats = stats;
    const Customer &c = *m_customer;
    m_name->setText(c.displayName());
    QStringList contact;
    for (const QString &part : {c.email, c.phone}) {
        if (!part.isEmpty())
            contact << part;
    }
    m_contact->setText(contact.join(u" \u00B7 "_s));
    m_ordersCount->setText(m_format.number(stats.ordersCount));
    m_totalSpent->setText(m_format.money(stats.totalSpent));
    m_average->setText(stats.ordersCount > 0 ? m_format.money(stats.averageOrderValue) : tr("No orders yet"));
    m_tags->setText(c.tags.isEmpty() ? tr("None") : c.tags);
    m_note->setText(c.note.isEmpty() ? tr("None") : c.note);
    QStringList addresses;
    for (const CustomerAddress &address : c.addresses)
        addresses << addressText(address);
    m_addresses->setText(addresses.isEmpty() ? tr("None") : addresses.join(u"\n\n"_s));
    return loadOrders(customerId);
}

Result<void> CustomerDetailView::loadOrders(const QString &customerId)
{
    OrderQuery query;
    query.filter.customerId = customerId;
    query.sort = OrderSort::PlacedAt;
    query.order = SortOrder::Descending;
    query.limit = OrderHistoryLimit;
    SK_TRY_ASSIGN(page, OrderRepository(*m_db).list(query));
    QList<QTreeWidgetItem *> items;
    for (const OrderListRow &order : std::as_const(page.rows)) {
        auto *item = new QTreeWidgetItem;
        item->setText(NumberColumn, u"#"_s + QString::number(order.number));
        item->setData(NumberColumn, Qt::UserRole, order.id);
        item->setText(PlacedColumn, m_format.dateTime(order.placedAt));
        item->setText(StatusColumn, OrderFormat::text(order.status));
        item->setText(PaymentColumn, OrderFormat::text(order.financialStatus));
        auto total = Money::fromMinor(order.total, order.currency);
        item->setText(TotalColumn, total.ok() ? total->format(m_format.locale())
                                              : m_format.number(order.total) + u' ' + order.currency);
        item->setTextAlignment(TotalColumn, Qt::AlignRight | Qt::AlignVCenter);
        items << item;
    }
    m_orders->addTopLevelItems(items);
    if (page.next) {
        m_historyNote->setText(tr("Showing the %n most recent orders.", nullptr, int(items.size())));
        m_historyNote->show();
    }
    return {};
}

QString CustomerDetailView::addressText(const CustomerAddress &a)
{
    QStringList lines;
    const QString cityLine = QStringList{a.postalCode, a.city}.join(u' ').trimmed();
    for (const QString &line : {a.name, a.company, a.line1, a.line2, cityLine, a.province, a.countryCode, a.phone}) {
        if (!line.trimmed().isEmpty())
            lines << line.trimmed();
    }
    if (a.isDefault)
        lines.prepend(tr("Default address"));
    return lines.join(u'\n');
}

} // namespace sk

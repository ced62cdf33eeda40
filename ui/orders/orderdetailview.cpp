#include "orderdetailview.h"

#include "orders/orderhtml.h"

#include <QScrollBar>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

const QString kCustomerScheme = u"customer"_s;

} // namespace

OrderDetailView::OrderDetailView(QWidget *parent) : QWidget(parent), m_browser(new QTextBrowser(this))
{
    m_browser->setObjectName(u"orderDetailBrowser"_s);
    m_browser->setOpenLinks(false);
    m_browser->setAccessibleName(tr("Order details"));
    m_browser->setTextInteractionFlags(Qt::TextBrowserInteraction | Qt::TextSelectableByKeyboard);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    setFocusProxy(m_browser);
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == kCustomerScheme)
            emit openRecordRequested(EntityRef{u"customer"_s, url.path()});
    });
    clear();
}

void OrderDetailView::setShowsMoneyAndCustomers(bool shows)
{
    m_showsMoney = shows;
}

void OrderDetailView::showOrder(const OrderDetail &detail, bool pending)
{
    // The same order shown again (after an edit) keeps its scroll position.
    const bool same = m_detail && m_detail->order.id == detail.order.id;
    const int scroll = same ? m_browser->verticalScrollBar()->value() : 0;
    m_detail = detail;
    m_browser->setHtml(html(detail, pending));
    m_browser->verticalScrollBar()->setValue(scroll);
}

void OrderDetailView::clear(const QString &message)
{
    m_detail.reset();
    const QString text = message.isEmpty() ? tr("Select an order to see its details.") : message;
    m_browser->setHtml(u"<p>"_s + OrderHtml::escape(text) + u"</p>"_s);
}

QString OrderDetailView::plainText() const
{
    return m_browser->toPlainText();
}

QString OrderDetailView::html(const OrderDetail &detail, bool pending) const
{
    const Order &o = detail.order;
    QString out = headerHtml(detail, pending);
    if (m_showsMoney)
        out += customerHtml(o);
    out += u"<table width=\"100%\"><tr><td>"_s
        + OrderHtml::address(tr("Shipping address"), o.shippingAddressJson) + u"</td>"_s;
    if (m_showsMoney)
        out += u"<td>"_s + OrderHtml::address(tr("Billing address"), o.billingAddressJson) + u"</td>"_s;
    out += u"</tr></table>"_s;

    out += OrderHtml::heading(tr("Items"));
    out += OrderHtml::lines(detail, m_format, m_showsMoney ? OrderHtml::Lines::Detail : OrderHtml::Lines::Quantities);
    if (m_showsMoney) {
        out += OrderHtml::heading(tr("Payment"));
        QList<std::pair<QString, QString>> payment{
            {tr("Status"), OrderHtml::escape(OrderFormat::text(o.financialStatus))},
            {tr("Gateway"), OrderHtml::escape(o.gateway.isEmpty() ? tr("none") : o.gateway)}};
        if (o.paidAt)
            payment.append({tr("Paid"), OrderHtml::escape(m_format.dateTime(*o.paidAt))});
        out += OrderHtml::keyValues(payment);
        out += OrderHtml::heading(tr("Totals"));
        out += OrderHtml::totals(detail, m_format);
    }
    out += OrderHtml::heading(tr("Timeline"));
    out += OrderHtml::timeline(detail, m_format, m_showsMoney);
    return out;
}

QString OrderDetailView::headerHtml(const OrderDetail &detail, bool pending) const
{
    const Order &o = detail.order;
    QString out = u"<h2>"_s + OrderHtml::escape(tr("Order #%1").arg(o.number)) + u"</h2><p>"_s;
    const QStringList statuses{OrderFormat::text(o.status), OrderFormat::text(o.financialStatus),
                               OrderFormat::text(o.fulfillmentStatus)};
    out += u"<b>"_s + OrderHtml::escape(statuses.join(u" \u00b7 "_s)) + u"</b><br>"_s;
    out += OrderHtml::escape(tr("Placed %1 via %2").arg(m_format.dateTime(o.placedAt), OrderFormat::text(o.channel)));
    if (o.cancelledAt) {
        const QString why = o.cancelReason.isEmpty() ? QString() : tr(": %1").arg(o.cancelReason);
        out += u"<br>"_s + OrderHtml::escape(tr("Cancelled %1%2").arg(m_format.dateTime(*o.cancelledAt), why));
    }
    if (pending)
        out += u"<br><i>"_s + OrderHtml::escape(tr("Not synced yet: changes here wait for the server.")) + u"</i>"_s;
    return out + u"</p>"_s;
}

QString OrderDetailView::customerHtml(const Order &o) const
{
    QString name = OrderHtml::escape(o.customerName.isEmpty() ? tr("Guest") : o.customerName);
    if (!o.customerId.isEmpty()) {
        QUrl link;
        link.setScheme(kCustomerScheme);
        link.setPath(o.customerId);
        name = u"<a href=\"%1\">%2</a>"_s.arg(link.toString().toHtmlEscaped(), name);
    }
    QString out = u"<p><b>"_s + OrderHtml::escape(tr("Customer")) + u"</b><br>"_s + name;
    if (!o.email.isEmpty())
        out += u"<br>"_s + OrderHtml::escape(o.email);
    if (!o.note.isEmpty())
        out += u"<br><i>"_s + OrderHtml::escape(tr("Note: %1").arg(o.note)) + u"</i>"_s;
    return out + u"</p>"_s;
}

} // namespace sk

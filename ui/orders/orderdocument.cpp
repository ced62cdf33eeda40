#include "orderdocument.h"

#include "orders/orderhtml.h"

#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPdfWriter>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

QPageSize pageSizeFor(const QLocale &locale)
{
    const bool letter = locale.territory() == QLocale::UnitedStates || locale.territory() == QLocale::Canada;
    return QPageSize(letter ? QPageSize::Letter : QPageSize::A4);
}

} // namespace

OrderDocument::OrderDocument(Kind kind, const OrderDetail &detail, const OrderFormat &format)
    : m_kind(kind), m_detail(detail), m_format(format)
{
}

OrderDocument::~OrderDocument() = default;

QString OrderDocument::title() const
{
    const qint64 number = m_detail.order.number;
    return m_kind == Kind::Invoice ? tr("Invoice #%1").arg(number) : tr("Packing slip #%1").arg(number);
}

QString OrderDocument::suggestedFileName() const
{
    const qint64 number = m_detail.order.number;
    return m_kind == Kind::Invoice ? tr("invoice-%1.pdf").arg(number) : tr("packing-slip-%1.pdf").arg(number);
}

QString OrderDocument::headerHtml() const
{
    const Order &o = m_detail.order;
    QString out = u"<h1>"_s + OrderHtml::escape(m_format.shop().settings().name) + u"</h1>"_s;
    out += u"<h2>"_s + OrderHtml::escape(title()) + u"</h2>"_s;
    out += OrderHtml::keyValues({{tr("Order"), OrderHtml::escape(u"#"_s + QString::number(o.number))},
                                 {tr("Date"), OrderHtml::escape(m_format.date(o.placedAt))}});
    out += u"<table width=\"100%\"><tr><td>"_s + OrderHtml::address(tr("Ship to"), o.shippingAddressJson)
        + u"</td>"_s;
    if (m_kind == Kind::Invoice)
        out += u"<td>"_s + OrderHtml::address(tr("Bill to"), o.billingAddressJson) + u"</td>"_s;
    return out + u"</tr></table>"_s;
}

QString OrderDocument::html() const
{
    const Order &o = m_detail.order;
    QString out = u"<html><body>"_s + headerHtml();
    if (m_kind == Kind::Invoice) {
        out += OrderHtml::lines(m_detail, m_format, OrderHtml::Lines::Invoice);
        out += u"<table width=\"100%\"><tr><td></td><td align=\"right\">"_s + OrderHtml::totals(m_detail, m_format)
            + u"</td></tr></table>"_s;
        const QString payment = o.gateway.isEmpty() ? OrderFormat::text(o.financialStatus)
                                                    : tr("%1 (%2)").arg(OrderFormat::text(o.financialStatus), o.gateway);
        out += u"<p>"_s + OrderHtml::escape(tr("Payment: %1").arg(payment)) + u"</p>"_s;
    } else {
        out += OrderHtml::lines(m_detail, m_format, OrderHtml::Lines::PackingSlip);
        if (!o.note.isEmpty())
            out += u"<p><i>"_s + OrderHtml::escape(tr("Note: %1").arg(o.note)) + u"</i></p>"_s;
    }
    return out + u"</body></html>"_s;
}

std::unique_ptr<QTextDocument> OrderDocument::textDocument() const
{
    auto document = std::make_unique<QTextDocument>();
    document->setDocumentMargin(0);
    document->setMetaInformation(QTextDocument::DocumentTitle, title());
    document->setHtml(html());
    return document;
}

void OrderDocument::print(QPagedPaintDevice *device) const
{
    device->setPageSize(pageSizeFor(m_format.locale()));
    device->setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    textDocument()->print(device);
}

Result<void> OrderDocument::savePdf(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return makeError(u"ui.orders.pdf_write"_s, tr("Could not write %1: %2").arg(path, file.errorString()), path);
    }
    {
        QPdfWriter writer(&file);
        writer.setTitle(title());
        writer.setCreator(QCoreApplication::applicationName());
        print(&writer);
    } // the writer finishes the PDF when it goes
    file.close();
    if (file.error() != QFileDevice::NoError)
        return makeError(u"ui.orders.pdf_write"_s, tr("Could not write %1: %2").arg(path, file.errorString()), path);
    return {};
}

} // namespace sk

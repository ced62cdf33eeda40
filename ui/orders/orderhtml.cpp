#include "orderhtml.h"

#include "domain/orderstatemachine.h"
#include "orders/orderformat.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

struct TimelineEntry
{
    qint64 at = 0;
    QString what;
    QString text;
};

QString quantity(const OrderFormat &format, qint64 value)
{
    return format.locale().toString(value);
}

} // namespace

QString OrderHtml::escape(const QString &text)
{
    return text.toHtmlEscaped();
}

QString OrderHtml::heading(const QString &title)
{
    return u"<h3>"_s + escape(title) + u"</h3>"_s;
}

QString OrderHtml::table(const QStringList &headers, const QList<QStringList> &rows, const QList<int> &numeric)
{
    // Numbers and headers never wrap ("Quantit-y"); long item names do.
    const auto cell = [&numeric](const char *tag, int column, const QString &html) {
        const bool number = numeric.contains(column);
        const QString attributes = number ? u" align=\"right\" style=\"white-space: nowrap\""_s
                                          : (tag[1] == 'h' ? u" align=\"left\""_s : QString());
        return u"<%1%2>%3</%1>"_s.arg(QLatin1StringView(tag), attributes, html);
    };
    QString out = u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\" border=\"0\"><tr>"_s;
    for (int c = 0; c < headers.size(); ++c)
        out += cell("th", c, escape(headers.at(c)));
    out += u"</tr>"_s;
    for (const QStringList &row : rows) {
        out += u"<tr>"_s;
        for (int c = 0; c < row.size(); ++c)
            out += cell("td", c, row.at(c));
        out += u"</tr>"_s;
    }
    return out + u"</table>"_s;
}

QString OrderHtml::keyValues(const QList<std::pair<QString, QString>> &rows)
{
    QString out = u"<table cellspacing=\"0\" cellpadding=\"2\">"_s;
    for (const auto &[label, value] : rows)
        out += u"<tr><td>%1</td><td align=\"right\">%2</td></tr>"_s.arg(escape(label), value);
    return out + u"</table>"_s;
}

QString OrderHtml::lines(const OrderDetail &detail, const OrderFormat &format, Lines columns)
{
    const QString &currency = detail.order.currency;
    const auto money = [&](qint64 minor) { return escape(format.money(minor, currency)); };
    const auto fulfilled = OrderStateMachine::fulfilledQuantities(detail);
    const auto refunded = OrderStateMachine::refundedQuantities(detail);
    // Printed pages have room for a SKU column; the detail pane shows it under the item.
    const bool skuColumn = columns == Lines::Invoice || columns == Lines::PackingSlip;
    QStringList headers;
    if (skuColumn)
        headers << tr("SKU");
    headers << tr("Item") << tr("Qty");
    switch (columns) {
    case Lines::Detail: headers << tr("Shipped") << tr("Refunded") << tr("Price") << tr("Total"); break;
    case Lines::Invoice: headers << tr("Unit price") << tr("Discount") << tr("Tax") << tr("Total"); break;
    case Lines::PackingSlip: headers << tr("Shipped"); break;
    case Lines::Quantities: headers << tr("Shipped") << tr("Refunded"); break;
    }
    QList<QStringList> rows;
    for (const OrderLine &line : detail.lines) {
        QString item = escape(line.title);
        QStringList details{line.variantTitle};
        if (!skuColumn)
            details << line.sku;
        details.removeAll(QString());
        if (!details.isEmpty())
            item += u"<br><small>"_s + escape(details.join(u" \u00b7 "_s)) + u"</small>"_s;
        QStringList row;
        if (skuColumn)
            row << escape(line.sku);
        row << item << quantity(format, line.quantity);
        switch (columns) {
        case Lines::Detail:
            row << quantity(format, fulfilled.value(line.id)) << quantity(format, refunded.value(line.id))
                << money(line.unitPrice) << money(line.total);
            break;
        case Lines::Invoice:
            row << money(line.unitPrice) << money(line.discount) << money(line.tax) << money(line.total);
            break;
        case Lines::PackingSlip: row << quantity(format, fulfilled.value(line.id)); break;
        case Lines::Quantities:
            row << quantity(format, fulfilled.value(line.id)) << quantity(format, refunded.value(line.id));
            break;
        }
        rows.append(row);
    }
    QList<int> numeric;
    for (int c = skuColumn ? 2 : 1; c < headers.size(); ++c)
        numeric << c;
    return table(headers, rows, numeric);
}

QString OrderHtml::totals(const OrderDetail &detail, const OrderFormat &format)
{
    const Order &o = detail.order;
    const auto money = [&](qint64 minor) { return escape(format.money(minor, o.currency)); };
    QList<std::pair<QString, QString>> rows{{tr("Subtotal"), money(o.subtotal)}};
    if (o.discountTotal > 0)
        rows.append({tr("Discounts"), escape(u"\u2212"_s) + money(o.discountTotal)});
    rows.append({tr("Shipping"), money(o.shippingTotal)});
    rows.append({tr("Tax"), money(o.taxTotal)});
    rows.append({tr("Total"), u"<b>"_s + money(o.total) + u"</b>"_s});
    if (o.refundedTotal > 0) {
        rows.append({tr("Refunded"), escape(u"\u2212"_s) + money(o.refundedTotal)});
        rows.append({tr("Net payment"), money(o.total - o.refundedTotal)});
    }
    return keyValues(rows);
}

QString OrderHtml::address(const QString &title, const QString &json)
{
    const QStringList lines = OrderFormat::addressLines(json);
    QStringList escaped;
    for (const QString &line : lines)
        escaped << escape(line);
    return u"<p><b>%1</b><br>%2</p>"_s.arg(escape(title), lines.isEmpty() ? u"\u2014"_s : escaped.join(u"<br>"_s));
}

QString OrderHtml::timeline(const OrderDetail &detail, const OrderFormat &format, bool withMoney)
{
    QList<TimelineEntry> entries;
    for (const OrderEvent &e : detail.events) {
        const QString by = e.author.isEmpty() ? QString() : tr(" (by %1)").arg(e.author);
        entries.append({e.createdAt, OrderFormat::text(e.kind), e.message + by});
    }
    for (const Fulfillment &f : detail.fulfillments) {
        qint64 items = 0;
        for (const FulfillmentLine &line : f.lines)
            items += line.quantity;
        QString text = tr("%n item(s) shipped", nullptr, int(items));
        if (!f.carrier.isEmpty() || !f.trackingNumber.isEmpty())
            text += u" \u2013 "_s + QStringList{f.carrier, f.trackingNumber}.join(u' ').trimmed();
        entries.append({f.createdAt, tr("Fulfilment"), text});
    }
    for (const Refund &r : detail.refunds) {
        QStringList parts;
        if (withMoney)
            parts << format.money(r.amount, detail.order.currency);
        if (!r.reason.isEmpty())
            parts << r.reason;
        if (r.restock)
            parts << tr("items restocked");
        entries.append({r.createdAt, tr("Refund"), parts.join(u" \u2013 "_s)});
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const TimelineEntry &a, const TimelineEntry &b) { return a.at > b.at; });
    if (entries.isEmpty())
        return u"<p>"_s + escape(tr("Nothing has happened to this order yet.")) + u"</p>"_s;
    QList<QStringList> rows;
    for (const TimelineEntry &e : std::as_const(entries))
        rows.append({escape(format.dateTime(e.at)), u"<b>"_s + escape(e.what) + u"</b>"_s, escape(e.text)});
    return table({tr("When"), tr("What"), tr("Details")}, rows, {});
}

} // namespace sk

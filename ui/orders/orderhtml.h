#pragma once

#include "domain/records.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace sk {

class OrderFormat;

// The pieces of rich text the order screens share (the detail view and the printed invoice
// and packing slip): tables of lines and totals, addresses and the timeline, as HTML that
// QTextDocument renders. Every text from the shop's data is escaped here.
class OrderHtml
{
    Q_DECLARE_TR_FUNCTIONS(sk::OrderHtml)

public:
    // Which columns a lines table shows.
    enum class Lines {
        Detail,      // item (with its SKU), quantity, shipped, refunded, unit price, total
        Invoice,     // SKU, item, quantity, unit price, discount, tax, total
        PackingSlip, // SKU, item, quantity ordered, quantity shipped
        Quantities,  // Detail without money (a role that may not see it)
    };

    static QString escape(const QString &text);
    // <h3>title</h3>
    static QString heading(const QString &title);
    // A table; `cells` are HTML already; numeric columns are right-aligned.
    static QString table(const QStringList &headers, const QList<QStringList> &rows, const QList<int> &numeric);
    // Label/value rows; values are HTML already.
    static QString keyValues(const QList<std::pair<QString, QString>> &rows);

    static QString lines(const OrderDetail &detail, const OrderFormat &format, Lines columns);
    // Subtotal, discounts, shipping, tax, total, and the refunded and net amounts when any.
    static QString totals(const OrderDetail &detail, const OrderFormat &format);
    // Lines of an address under its title; an em dash when there is none.
    static QString address(const QString &title, const QString &json);
    // Notes, events, fulfilments and refunds, newest first.
    static QString timeline(const OrderDetail &detail, const OrderFormat &format, bool withMoney);
};

} // namespace sk

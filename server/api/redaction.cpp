#include "redaction.h"

#include <QJsonArray>

#include <functional>

using namespace Qt::StringLiterals;

namespace sk::server {

namespace {

QJsonArray mapObjects(const QJsonArray &array, const std::function<void(QJsonObject &)> &fn)
{
    QJsonArray out;
    for (const QJsonValue &value : array) {
        QJsonObject object = value.toObject();
        fn(object);
        out.append(object);
    }
    return out;
}

} // namespace

bool Redaction::mayReceive(Role role, const QString &entityType)
{
    return !(role == Role::Warehouse && entityType == u"customer");
}

QJsonObject Redaction::redact(Role role, const QString &entityType, const QJsonObject &data)
{
    if (role == Role::Warehouse && entityType == u"order")
        return redactOrderForWarehouse(data);
    return data;
}

QJsonObject Redaction::redactOrderForWarehouse(const QJsonObject &order)
{
    QJsonObject out = order;
    for (QStringView key : {QStringView(u"customer_id"), QStringView(u"customer_name"), QStringView(u"email"),
                            QStringView(u"billing_address"), QStringView(u"note"), QStringView(u"subtotal"),
                            QStringView(u"discount_total"), QStringView(u"shipping_total"), QStringView(u"tax_total"),
                            QStringView(u"total"), QStringView(u"refunded_total")}) {
        out.remove(key);
    }
    out.insert(u"lines", mapObjects(order.value(u"lines").toArray(), [](QJsonObject &line) {
                   for (QStringView key : {QStringView(u"unit_price"), QStringView(u"discount"), QStringView(u"tax"),
                                           QStringView(u"total")}) {
                       line.remove(key);
                   }
               }));
    out.insert(u"refunds", mapObjects(order.value(u"refunds").toArray(), [](QJsonObject &refund) {
                   refund.remove(u"amount");
                   refund.insert(u"lines", mapObjects(refund.value(u"lines").toArray(),
                                                      [](QJsonObject &line) { line.remove(u"amount"); }));
               }));
    return out;
}

} // namespace sk::server

#include "storefrontapi.h"

#include "api/authenticator.h"
#include "domain/inventoryrules.h"
#include "domain/jsonreader.h"
#include "domain/recordjson.h"
#include "money/money.h"
#include "storage/serverstorage.h"
#include "util/uuidv7.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace sk::server {

namespace {

Q_LOGGING_CATEGORY(lcStorefront, "storekeep.server.storefront")

QString tr(const char *text)
{
    return QCoreApplication::translate("sk::server::StorefrontApi", text);
}

constexpr qint64 kMaxQuantity = 1'000'000;

QString newId()
{
    return UuidV7::toText(UuidV7::create());
}

struct RequestedLine
{
    QString variantId;
    QString sku;
    qint64 quantity = 0;
    QString path; // "lines[2]"
};

// Ends the transaction with an HTTP answer instead of a storage error.
const QString kAnswered = u"internal.answered"_s;

} // namespace

StorefrontApi::StorefrontApi(ServerStorage &storage, const Authenticator &authenticator, const Clock &clock)
    : m_storage(storage), m_authenticator(authenticator), m_clock(clock), m_applier(storage, clock)
{
}

void StorefrontApi::registerRoutes(Router &router)
{
    m_authenticator.addShopRoute(router, "POST", u"/v1/shops/{shop_id}/orders"_s, Permission::WriteOrders,
                                 [this](const HttpRequest &request, const RouteParams &, const ShopContext &context) {
                                     return placeOrder(request, context);
                                 });
}

HttpResponse StorefrontApi::placeOrder(const HttpRequest &request, const ShopContext &context)
{
    const auto parsed = RecordJson::parseObject(request.body);
    if (!parsed.ok())
        return HttpResponse::error(400, u"malformed_json"_s, parsed.error().message);
    const QJsonObject &body = *parsed;
    const JsonReader r(body);

    // ---- the request, validated before anything is written ----
    QList<RequestedLine> requested;
    {
        const auto lines = r.objectArray(u"lines");
        if (!lines.ok())
            return HttpResponse::fromError(lines.error());
        if (lines->isEmpty())
            return HttpResponse::fromError(r.missingField(u"lines"));
        if (lines->size() > MaxLines)
            return HttpResponse::fromError(r.invalidField(u"lines", tr("An order has at most %1 lines.").arg(MaxLines)));
        for (const JsonReader &line : *lines) {
            RequestedLine wanted;
            wanted.path = line.path();
            const auto variantId = line.optionalUuid(u"variant_id");
            if (!variantId.ok())
                return HttpResponse::fromError(variantId.error());
            const auto sku = line.optionalSku(u"sku");
            if (!sku.ok())
                return HttpResponse::fromError(sku.error());
            if (variantId->isEmpty() && sku->isEmpty())
                return HttpResponse::fromError(line.missingField(u"variant_id"));
            const auto quantity = line.requiredInt(u"quantity", 1, kMaxQuantity);
            if (!quantity.ok())
                return HttpResponse::fromError(quantity.error());
            wanted.variantId = *variantId;
            wanted.sku = *sku;
            wanted.quantity = *quantity;
            requested.append(wanted);
        }
    }
    const auto customerId = r.optionalUuid(u"customer_id");
    const auto email = r.optionalEmail(u"email");
    const auto customerName = r.optionalString(u"customer_name", 255);
    const auto shippingTotal = r.intOr(u"shipping_total", 0, 0, JsonReader::kMaxInteger);
    const auto gateway = r.requiredString(u"gateway", 64);
    const auto paid = r.requiredBool(u"paid");
    const auto channel = r.enumOr<OrderChannel>(u"channel", OrderChannel::Web);
    const auto locationArg = r.optionalUuid(u"location_id");
    const auto note = r.optionalText(u"note", 5000);
    for (const Error *error : {customerId.ok() ? nullptr : &customerId.error(), email.ok() ? nullptr : &email.error(),
                               customerName.ok() ? nullptr : &customerName.error(),
                               shippingTotal.ok() ? nullptr : &shippingTotal.error(),
                               gateway.ok() ? nullptr : &gateway.error(), paid.ok() ? nullptr : &paid.error(),
                               channel.ok() ? nullptr : &channel.error(), locationArg.ok() ? nullptr : &locationArg.error(),
                               note.ok() ? nullptr : &note.error()}) {
        if (error)
            return HttpResponse::fromError(*error);
    }
    for (QStringView key : {QStringView(u"shipping_address"), QStringView(u"billing_address")}) {
        const auto address = r.optionalObject(key);
        if (!address.ok())
            return HttpResponse::fromError(address.error());
    }
    const auto currency = Currency::fromCode(context.settings.currency);
    if (!currency.ok()) {
        qCWarning(lcStorefront) << "shop" << context.shopId << "has no valid currency:" << context.settings.currency;
        return HttpResponse::error(500, u"internal"_s, tr("The shop's currency is not set up."));
    }

    // ---- one transaction: lines priced, stock committed, number taken, order stored ----
    std::optional<HttpResponse> answer;
    const auto answerWith = [&](HttpResponse response) {
        answer = std::move(response);
        return makeError(kAnswered, QString());
    };
    const auto invalid = [&](const QString &field, const QString &message) {
        return answerWith(HttpResponse::error(400, u"validation.invalid_field"_s, message, field));
    };
    QJsonObject created;
    const qint64 now = m_clock.nowMs();
    const Result<void> written = m_storage.write([&]() -> Result<void> {
        OrderDetail detail;
        Order &order = detail.order;
        order.id = newId();
        order.channel = *channel;
        order.currency = currency->code();
        order.gateway = *gateway;
        order.placedAt = now;
        order.note = *note;
        order.email = *email;
        order.customerName = *customerName;

        if (!customerId->isEmpty()) {
            SK_TRY_ASSIGN(customer, m_storage.entity(context.shopId, u"customer"_s, *customerId));
            if (!customer || customer->deleted)
                return invalid(u"customer_id"_s, tr("There is no customer %1 in this shop.").arg(*customerId));
            order.customerId = *customerId;
            if (order.email.isEmpty())
                order.email = customer->data.value(u"email").toString();
            if (order.customerName.isEmpty()) {
                order.customerName = (customer->data.value(u"first_name").toString() + u' '
                                      + customer->data.value(u"last_name").toString())
                                         .trimmed();
            }
        }

        // Where the stock is committed: the named location, or the first active one.
        if (!locationArg->isEmpty()) {
            SK_TRY_ASSIGN(location, m_storage.entity(context.shopId, u"location"_s, *locationArg));
            if (!location || location->deleted || !location->data.value(u"active").toBool(true))
                return invalid(u"location_id"_s, tr("There is no active location %1 in this shop.").arg(*locationArg));
            order.locationId = *locationArg;
        } else {
            std::optional<std::pair<qint64, QString>> position;
            QString first;
            for (;;) {
                SK_TRY_ASSIGN(page, m_storage.listEntities(context.shopId, u"location"_s, -1, position, 500));
                for (const EntityRecord &row : std::as_const(page.rows)) {
                    position = std::pair<qint64, QString>(row.updatedAt, row.id);
                    // Ids are time-ordered: the smallest is the oldest location.
                    if (row.data.value(u"active").toBool(true) && (first.isEmpty() || row.id < first))
                        first = row.id;
                }
                if (!page.hasMore)
                    break;
            }
            if (first.isEmpty()) {
                return answerWith(HttpResponse::error(400, u"validation.missing_field"_s,
                                                      tr("The shop has no active location to sell from."),
                                                      u"location_id"_s));
            }
            order.locationId = first;
        }

        Money subtotal(0, *currency);
        bool oversold = false;
        for (const RequestedLine &wanted : std::as_const(requested)) {
            std::optional<EntityRecord> variantRecord;
            if (!wanted.variantId.isEmpty()) {
                SK_TRY_ASSIGN(found, m_storage.entity(context.shopId, u"variant"_s, wanted.variantId));
                variantRecord = found;
            } else {
                SK_TRY_ASSIGN(found, m_storage.entityByKey(context.shopId, u"variant"_s, u"sku"_s, wanted.sku));
                variantRecord = found;
            }
            const QString field = wanted.path + (wanted.variantId.isEmpty() ? u".sku"_s : u".variant_id"_s);
            if (!variantRecord || variantRecord->deleted)
                return invalid(field, tr("%1 names no product for sale in this shop.").arg(field));
            auto variant = RecordJson::variantFromJson(variantRecord->data);
            if (!variant.ok())
                return makeError(u"internal.corrupt_record"_s, variant.error().toString());
            SK_TRY_ASSIGN(productRecord, m_storage.entity(context.shopId, u"product"_s, variant->productId));
            if (!productRecord || productRecord->deleted)
                return invalid(field, tr("%1 names no product for sale in this shop.").arg(field));

            OrderLine line;
            line.id = newId();
            line.orderId = order.id;
            line.variantId = variant->id;
            line.sku = variant->sku;
            line.title = productRecord->data.value(u"title").toString();
            QStringList options;
            for (const QString &option : {variant->option1, variant->option2, variant->option3}) {
                if (!option.isEmpty())
                    options.append(option);
            }
            line.variantTitle = options.join(u" / ");
            line.quantity = wanted.quantity;
            line.unitPrice = variant->price;
            const auto total = Money(variant->price, *currency).multiply(wanted.quantity);
            if (!total.ok())
                return invalid(wanted.path + u".quantity"_s, total.error().message);
            line.total = total->minorUnits();
            auto sum = subtotal.add(*total);
            if (!sum.ok())
                return invalid(wanted.path + u".quantity"_s, sum.error().message);
            subtotal = *sum;

            if (variant->trackInventory) {
                SK_TRY_ASSIGN(level, m_applier.stockLevel(context.shopId, variant->id, order.locationId));
                const auto sale = InventoryRules::checkSale(level, wanted.quantity, context.settings.oversellPolicy);
                if (!sale.ok()) {
                    return answerWith(HttpResponse::json(
                        QJsonObject{{u"error"_s,
                                     QJsonObject{{u"code"_s, u"conflict.oversell"_s},
                                                 {u"message"_s, sale.error().message},
                                                 {u"field"_s, wanted.path + u".quantity"_s},
                                                 {u"sku"_s, variant->sku},
                                                 {u"variant_id"_s, variant->id},
                                                 {u"available"_s, level.available()}}}},
                        409));
                }
                oversold = oversold || *sale == InventoryRules::SaleCheck::Oversold;
                SK_TRY(m_applier.commitStock(context.shopId, variant->id, order.locationId, wanted.quantity));
            }
            detail.lines.append(line);
        }

        auto total = subtotal.add(Money(*shippingTotal, *currency));
        if (!total.ok())
            return invalid(u"shipping_total"_s, total.error().message);
        order.subtotal = subtotal.minorUnits();
        order.shippingTotal = *shippingTotal;
        order.total = total->minorUnits();
        if (*paid) {
            order.status = OrderStatus::Processing;
            order.financialStatus = FinancialStatus::Paid;
            order.paidAt = now;
        } else {
            order.status = OrderStatus::Pending;
            order.financialStatus = FinancialStatus::Pending;
        }
        if (oversold)
            order.tags = u"oversold"_s;
        SK_TRY_ASSIGN(number, m_storage.takeOrderNumber(context.shopId));
        order.number = number;
        order.version = 1;
        order.updatedAt = now;

        OrderEvent placed;
        placed.id = newId();
        placed.orderId = order.id;
        placed.kind = OrderEventKind::System;
        placed.message = oversold ? tr("Order placed through the storefront; some items were oversold.")
                                  : tr("Order placed through the storefront.");
        placed.author = tr("Storefront");
        placed.createdAt = now;
        placed.version = 1;
        placed.updatedAt = now;
        detail.events.append(placed);

        // The addresses go through RecordJson's own checks, so the stored document is exactly
        // what every client can read back.
        QJsonObject document = RecordJson::toJson(detail);
        for (QStringView key : {QStringView(u"shipping_address"), QStringView(u"billing_address")}) {
            if (body.value(key).isObject())
                document.insert(key, body.value(key));
        }
        const auto checked = RecordJson::orderDetailFromJson(document);
        if (!checked.ok())
            return answerWith(HttpResponse::fromError(checked.error()));
        document = RecordJson::toJson(*checked);

        EntityRecord record;
        record.type = u"order"_s;
        record.id = order.id;
        record.parentId = order.customerId;
        record.version = 1;
        record.updatedAt = now;
        record.data = document;
        SK_TRY(m_storage.putEntity(context.shopId, record,
                                   {UniqueKey{u"number"_s, QString::number(order.number)}}));
        created = document;
        return {};
    });
    if (!written.ok()) {
        if (written.error().code == kAnswered && answer)
            return *answer;
        qCWarning(lcStorefront) << "checkout failed:" << written.error().toString();
        return HttpResponse::error(500, u"internal"_s, tr("The order could not be placed; try again."));
    }
    return HttpResponse::json(created, 201);
}

} // namespace sk::server

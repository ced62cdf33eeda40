#include "storage/globalsearch.h"

#include "domain/enums.h"
#include "storage/customerrepository.h"
#include "storage/orderrepository.h"
#include "storage/productrepository.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace sk {

namespace {

QString joined(const QStringList &parts)
{
    QStringList present;
    for (const QString &part : parts) {
        if (!part.isEmpty())
            present.append(part);
    }
    return present.join(QStringLiteral(" \u00B7 "));
}

bool looksLikeOrderNumber(const QString &text)
{
    static const QRegularExpression number(QStringLiteral("^#?\\d+$"));
    return number.match(text.trimmed()).hasMatch();
}

} // namespace

Result<QList<GlobalSearchHit>> GlobalSearch::find(const QString &text, int limitPerKind)
{
    QList<GlobalSearchHit> products;
    QList<GlobalSearchHit> customers;
    QList<GlobalSearchHit> orders;
    if (text.trimmed().isEmpty())
        return QList<GlobalSearchHit>();

    // Several variants of one product may match: ask for more, keep each product once.
    SK_TRY_ASSIGN(variants, ProductRepository(m_db).search(text, limitPerKind * 4));
    QSet<QString> seenProducts;
    for (const VariantSearchHit &v : std::as_const(variants)) {
        if (products.size() >= limitPerKind)
            break;
        if (seenProducts.contains(v.productId))
            continue;
        seenProducts.insert(v.productId);
        GlobalSearchHit hit;
        hit.kind = GlobalSearchHit::Kind::Product;
        hit.id = v.productId;
        hit.title = v.productTitle;
        hit.subtitle = joined({v.sku.isEmpty() ? QString() : QCoreApplication::translate("GlobalSearch", "SKU %1").arg(v.sku),
                               v.barcode.isEmpty() ? QString() : QCoreApplication::translate("GlobalSearch", "barcode %1").arg(v.barcode),
                               v.optionsTitle});
        products.append(hit);
    }

    SK_TRY_ASSIGN(people, CustomerRepository(m_db).search(text, limitPerKind));
    for (const CustomerListRow &c : std::as_const(people)) {
        GlobalSearchHit hit;
        hit.kind = GlobalSearchHit::Kind::Customer;
        hit.id = c.id;
        hit.title = c.displayName.isEmpty() ? c.email : c.displayName;
        hit.subtitle = joined({c.email, c.phone});
        customers.append(hit);
    }

    SK_TRY_ASSIGN(found, OrderRepository(m_db).search(text, limitPerKind));
    for (const OrderListRow &o : std::as_const(found)) {
        GlobalSearchHit hit;
        hit.kind = GlobalSearchHit::Kind::Order;
        hit.id = o.id;
        hit.title = QStringLiteral("#%1").arg(o.number);
        hit.subtitle = joined({o.customerName, toString(o.financialStatus), toString(o.fulfillmentStatus)});
        orders.append(hit);
    }

    QList<GlobalSearchHit> hits;
    if (looksLikeOrderNumber(text))
        hits << orders << products << customers;
    else
        hits << products << customers << orders;
    return hits;
}

} // namespace sk

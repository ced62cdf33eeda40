#include "demo/demogenerator.h"
#include "demo/demosink.h"
#include "domain/gtin.h"
#include "domain/orderstatemachine.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <map>
#include <set>

using namespace sk;

namespace {

// Keeps every record (fine at Small scale) and can hash each stream field by field.
class RecordingSink : public DemoSink
{
public:
    QList<ShopSettings> settings;
    QList<Location> locations;
    QList<Product> products;
    QList<Variant> variants;
    QList<Customer> customers;
    QList<OrderDetail> orders;
    QList<InventoryLevel> levels;
    QList<LedgerEntry> ledger;
    QStringList calls; // the order of record kinds, run-length encoded
    bool begun = false;
    bool finished = false;
    bool aborted = false;

    Result<void> begin() override { begun = true; return {}; }
    Result<void> shopSettings(const ShopSettings &s) override { settings << s; return note("settings"); }
    Result<void> location(const Location &l) override { locations << l; return note("location"); }
    Result<void> product(const Product &p) override { products << p; return note("product"); }
    Result<void> variant(const Variant &v) override { variants << v; return note("variant"); }
    Result<void> customer(const Customer &c) override { customers << c; return note("customer"); }
    Result<void> order(const OrderDetail &o) override { orders << o; return note("order"); }
    Result<void> inventoryLevel(const InventoryLevel &l) override { levels << l; return note("level"); }
    Result<void> ledgerEntry(const LedgerEntry &e) override { ledger << e; return note("ledger"); }
    Result<void> finish() override { finished = true; return {}; }
    void abort() override { aborted = true; }

    // One digest per record stream.
    QMap<QString, QByteArray> digests() const
    {
        QMap<QString, QByteArray> out;
        auto run = [&out](const char *name, const auto &list, auto feed) {
            QCryptographicHash h(QCryptographicHash::Sha256);
            for (const auto &r : list)
                feed(h, r);
            out.insert(QLatin1String(name), h.result().toHex());
        };
        run("settings", settings, [](QCryptographicHash &h, const ShopSettings &s) {
            add(h, s.shopId, s.name, s.currency, s.timeZone, s.locale, toString(s.oversellPolicy), s.version, s.updatedAt);
        });
        run("locations", locations, [](QCryptographicHash &h, const Location &l) {
            add(h, l.id, l.name, l.code, l.address, l.active, l.version, l.updatedAt);
        });
        run("products", products, [](QCryptographicHash &h, const Product &p) {
            add(h, p.id, p.title, p.handle, p.description, p.vendor, p.category, p.tags, toString(p.status), p.createdAt,
                p.version, p.updatedAt);
        });
        run("variants", variants, [](QCryptographicHash &h, const Variant &v) {
            add(h, v.id, v.productId, v.position, v.sku, v.barcode, v.option1, v.option2, v.option3, v.price,
                v.compareAtPrice, v.cost, v.weight, v.weightUnit, v.trackInventory, v.createdAt, v.version, v.updatedAt);
        });
        run("customers", customers, [](QCryptographicHash &h, const Customer &c) {
            add(h, c.id, c.firstName, c.lastName, c.email, c.phone, c.note, c.tags, toString(c.emailMarketing),
                toString(c.smsMarketing), c.consentUpdatedAt, c.createdAt, c.version, c.updatedAt);
            for (const CustomerAddress &a : c.addresses)
                add(h, a.id, a.customerId, a.isDefault, a.name, a.company, a.line1, a.line2, a.city, a.province,
                    a.postalCode, a.countryCode, a.phone);
        });
        run("orders", orders, [](QCryptographicHash &h, const OrderDetail &d) {
            const Order &o = d.order;
            add(h, o.id, o.number, o.customerId, o.customerName, o.email, toString(o.channel), o.currency, o.subtotal,
                o.discountTotal, o.shippingTotal, o.taxTotal, o.total, o.refundedTotal, toString(o.status),
                toString(o.financialStatus), toString(o.fulfillmentStatus), o.gateway, o.locationId, o.placedAt,
                o.paidAt, o.cancelledAt, o.cancelReason, o.billingAddressJson, o.shippingAddressJson, o.note, o.tags,
                o.version, o.updatedAt);
            for (const OrderLine &l : d.lines)
                add(h, l.id, l.orderId, l.variantId, l.sku, l.title, l.variantTitle, l.quantity, l.unitPrice,
                    l.discount, l.tax, l.total);
            for (const Fulfillment &f : d.fulfillments) {
                add(h, f.id, f.orderId, f.locationId, f.trackingNumber, f.carrier, f.createdAt, f.version, f.updatedAt);
                for (const FulfillmentLine &fl : f.lines)
                    add(h, fl.orderLineId, fl.quantity);
            }
            for (const Refund &r : d.refunds) {
                add(h, r.id, r.orderId, r.amount, r.reason, r.restock, r.createdAt, r.version, r.updatedAt);
                for (const RefundLine &rl : r.lines)
                    add(h, rl.orderLineId, rl.quantity, rl.amount);
            }
            for (const OrderEvent &e : d.events)
                add(h, e.id, e.orderId, toString(e.kind), e.message, e.author, e.createdAt, e.version, e.updatedAt);
        });
        run("levels", levels, [](QCryptographicHash &h, const InventoryLevel &l) {
            add(h, l.variantId, l.locationId, l.onHand, l.committed, l.lowStockThreshold, l.version, l.updatedAt);
        });
        run("ledger", ledger, [](QCryptographicHash &h, const LedgerEntry &e) {
            add(h, e.id, e.variantId, e.locationId, e.delta, e.quantityAfter, toString(e.reason), e.reference, e.note,
                e.userId, e.userName, e.createdAt, e.version, e.updatedAt);
        });
        run("calls", calls, [](QCryptographicHash &h, const QString &c) { add(h, c); });
        return out;
    }

private:
    Result<void> note(const char *kind)
    {
        const QString k = QLatin1String(kind);
        if (calls.isEmpty() || !calls.constLast().startsWith(k + u':'))
            calls << k + QStringLiteral(":0");
        QString &last = calls.last();
        last = k + u':' + QString::number(last.section(u':', 1).toLongLong() + 1);
        return {};
    }

    static void one(QCryptographicHash &h, const QString &v)
    {
        if (v.isNull()) {
            h.addData(QByteArrayView("\x01N", 2));
        } else {
            h.addData(QByteArrayView("\x01S", 2));
            h.addData(v.toUtf8());
        }
    }
    static void one(QCryptographicHash &h, qint64 v) { h.addData(QByteArray("\x01I") + QByteArray::number(v)); }
    static void one(QCryptographicHash &h, int v) { one(h, qint64(v)); }
    static void one(QCryptographicHash &h, bool v) { one(h, qint64(v ? 1 : 0)); }
    static void one(QCryptographicHash &h, double v) { h.addData(QByteArray("\x01" "D") + QByteArray::number(v, 'g', 17)); }
    template <typename T>
    static void one(QCryptographicHash &h, const std::optional<T> &v)
    {
        if (v)
            one(h, *v);
        else
            h.addData(QByteArrayView("\x01O", 2));
    }
    template <typename... Args>
    static void add(QCryptographicHash &h, const Args &...args)
    {
        (one(h, args), ...);
        h.addData(QByteArrayView("\x02", 1));
    }
};

DemoOptions smallOptions(quint64 seed = 20261121)
{
    DemoOptions o;
    o.scale = DemoScale::Small;
    o.seed = seed;
    o.endDate = QDate(2026, 11, 21);
    o.shopId = QStringLiteral("shop-test");
    return o;
}

qint64 localMs(const QDate &date)
{
    return date.startOfDay(QTimeZone("Europe/Paris")).toMSecsSinceEpoch();
}

} // namespace

class tst_DemoGenerator : public QObject
{
    Q_OBJECT

private:
    RecordingSink m_small;
    DemoStats m_stats;
    qint64 m_historyStart = 0;
    qint64 m_historyEnd = 0;
    qint64 m_windowStart = 0;

private slots:
    void initTestCase()
    {
        DemoGenerator generator(smallOptions());
        auto stats = generator.generate(m_small);
        SK_VERIFY_OK(stats);
        m_stats = *stats;
        QVERIFY(m_small.begun);
        QVERIFY(m_small.finished);
        QVERIFY(!m_small.aborted);
        m_historyStart = localMs(QDate(2024, 11, 22));
        m_historyEnd = localMs(QDate(2026, 11, 22)) - 1;
        m_windowStart = localMs(QDate(2026, 11, 22).addDays(-90));
        qInfo("small: %lld products, %lld variants, %lld customers, %lld orders, %lld lines, %lld levels, %lld ledger rows,"
              " %lld records in %lld ms",
              m_stats.products, m_stats.variants, m_stats.customers, m_stats.orders, m_stats.orderLines,
              m_stats.inventoryLevels, m_stats.ledgerEntries, m_stats.records, m_stats.elapsedMs);
    }

    void scaleNamesRoundTrip()
    {
        for (DemoScale s : {DemoScale::Small, DemoScale::Medium, DemoScale::Large})
            QCOMPARE(demoScaleFromString(toString(s)), std::optional<DemoScale>(s));
        QCOMPARE(toString(DemoScale::Large), QStringLiteral("large"));
        QVERIFY(!demoScaleFromString(u"huge").has_value());
        QVERIFY(!demoScaleFromString(u"Small").has_value());
    }

    void defaultsAreResolved()
    {
        DemoOptions o;
        DemoGenerator g(o);
        QCOMPARE(g.options().endDate, QDateTime::currentDateTimeUtc().date());
        QCOMPARE(g.options().shopId, QStringLiteral("demo-20261121"));
        QCOMPARE(g.options().currency, QStringLiteral("EUR"));
    }

    void sameOptionsGiveIdenticalRecords()
    {
        RecordingSink again;
        DemoGenerator generator(smallOptions());
        auto stats = generator.generate(again);
        SK_VERIFY_OK(stats);
        const auto a = m_small.digests();
        const auto b = again.digests();
        for (auto it = a.begin(); it != a.end(); ++it)
            QVERIFY2(b.value(it.key()) == it.value(), qPrintable(QStringLiteral("stream %1 differs").arg(it.key())));
        QCOMPARE(stats->records, m_stats.records);
        QCOMPARE(stats->ledgerEntries, m_stats.ledgerEntries);
    }

    void differentSeedGivesDifferentRecords()
    {
        RecordingSink other;
        DemoGenerator generator(smallOptions(7));
        SK_VERIFY_OK(generator.generate(other));
        const auto a = m_small.digests();
        const auto b = other.digests();
        for (const char *stream : {"locations", "products", "variants", "customers", "orders", "levels", "ledger"})
            QVERIFY2(a.value(QLatin1String(stream)) != b.value(QLatin1String(stream)), stream);
        // Same shape, different content.
        QCOMPARE(other.variants.size(), m_small.variants.size());
        QCOMPARE(other.orders.size(), m_small.orders.size());
    }

    void callsArriveInReferenceOrder()
    {
        // settings, locations, products with their variants, then customers and orders
        // interleaved, then levels, then the ledger.
        const QStringList &calls = m_small.calls;
        QVERIFY(calls.size() > 5);
        QVERIFY(calls[0].startsWith(QLatin1String("settings:1")));
        QVERIFY(calls[1].startsWith(QLatin1String("location:")));
        int i = 2;
        while (i < calls.size() && (calls[i].startsWith(QLatin1String("product:")) || calls[i].startsWith(QLatin1String("variant:"))))
            ++i;
        while (i < calls.size() && (calls[i].startsWith(QLatin1String("customer:")) || calls[i].startsWith(QLatin1String("order:"))))
            ++i;
        QVERIFY(i < calls.size());
        QVERIFY2(calls[i].startsWith(QLatin1String("level:")), qPrintable(calls[i]));
        QVERIFY(calls[i + 1].startsWith(QLatin1String("ledger:")));
        QCOMPARE(i + 2, calls.size());

        // A customer always exists before an order names them.
        QSet<QString> known;
        qsizetype c = 0;
        for (const OrderDetail &d : m_small.orders) {
            while (c < m_small.customers.size() && m_small.customers[c].createdAt <= d.order.placedAt)
                known.insert(m_small.customers[c++].id);
            if (!d.order.customerId.isNull())
                QVERIFY(known.contains(d.order.customerId));
        }
    }

    void smallScaleHitsItsTargets()
    {
        QCOMPARE(m_stats.variants, 1500);
        QCOMPARE(qint64(m_small.variants.size()), m_stats.variants);
        QVERIFY2(m_stats.products >= 400 && m_stats.products <= 650, qPrintable(QString::number(m_stats.products)));
        QCOMPARE(m_stats.orders, 5000);
        QVERIFY2(m_stats.customers >= 800 && m_stats.customers <= 1200, qPrintable(QString::number(m_stats.customers)));
        QCOMPARE(m_stats.locations, 2);
        QCOMPARE(m_small.locations[0].name, QStringLiteral("Main warehouse"));
        QCOMPARE(m_small.locations[1].name, QStringLiteral("Paris store"));
        QVERIFY(m_stats.orderLines > m_stats.orders);
        QVERIFY(m_stats.inventoryLevels > m_stats.variants);
        QVERIFY(m_stats.ledgerEntries > m_stats.inventoryLevels / 2);
    }

    void catalogueLooksReal()
    {
        QSet<QString> handles;
        QSet<QString> productIds;
        int active = 0, draft = 0, archived = 0;
        static const QRegularExpression handleShape(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
        for (const Product &p : m_small.products) {
            QVERIFY2(!handles.contains(p.handle), qPrintable(p.handle));
            handles.insert(p.handle);
            productIds.insert(p.id);
            QVERIFY(handleShape.match(p.handle).hasMatch());
            QVERIFY(!p.description.contains(u'<'));
            QVERIFY(p.description.size() > 40);
            QVERIFY(!p.vendor.isEmpty());
            QVERIFY(!p.tags.isEmpty());
            QVERIFY(p.createdAt <= p.updatedAt && p.updatedAt <= m_historyEnd);
            active += p.status == ProductStatus::Active;
            draft += p.status == ProductStatus::Draft;
            archived += p.status == ProductStatus::Archived;
        }
        QVERIFY(active > 0.8 * m_small.products.size());
        QVERIFY(draft > 0);
        QVERIFY(archived > 0);

        QSet<QString> skus;
        QSet<QString> barcodes;
        static const QRegularExpression skuShape(QStringLiteral("^[A-Z]{3,4}(-[A-Z]{3}[0-9]*)?(-[A-Z0-9]+){0,2}$"));
        int withBarcode = 0, withCompareAt = 0, ninetyNine = 0;
        bool sawTeeStyleSku = false;
        for (const Variant &v : m_small.variants) {
            QVERIFY(productIds.contains(v.productId));
            QVERIFY2(!skus.contains(v.sku), qPrintable(v.sku));
            skus.insert(v.sku);
            QVERIFY2(skuShape.match(v.sku).hasMatch(), qPrintable(v.sku));
            sawTeeStyleSku |= QRegularExpression(QStringLiteral("^[A-Z]{3}-[A-Z]{3}[0-9]*-[A-Z]{3}-[A-Z0-9]+$")).match(v.sku).hasMatch();
            if (!v.barcode.isNull()) {
                ++withBarcode;
                QVERIFY2(Gtin::validate(v.barcode).ok(), qPrintable(v.barcode));
                QCOMPARE(v.barcode.size(), 13);
                QVERIFY(!barcodes.contains(v.barcode));
                barcodes.insert(v.barcode);
            }
            QVERIFY(v.price > 0);
            if (v.trackInventory) {
                QVERIFY(v.price % 100 == 99 || v.price % 100 == 0);
                ninetyNine += v.price % 100 == 99;
                QVERIFY(v.cost.has_value());
                QVERIFY2(*v.cost * 100 >= v.price * 34 && *v.cost * 100 <= v.price * 61,
                         qPrintable(QStringLiteral("%1 / %2").arg(*v.cost).arg(v.price)));
                QVERIFY(v.weight.has_value() && *v.weight > 0);
            }
            if (v.compareAtPrice) {
                ++withCompareAt;
                QVERIFY(*v.compareAtPrice > v.price);
            }
        }
        QVERIFY(sawTeeStyleSku);
        QVERIFY(withBarcode > 0.75 * m_small.variants.size());
        QVERIFY(withBarcode < m_small.variants.size());
        QVERIFY(withCompareAt > 0 && withCompareAt < 0.4 * m_small.variants.size());
        QVERIFY(ninetyNine > 0.4 * m_small.variants.size());
    }

    void ordersAddUpAndFollowTheStateMachine()
    {
        qint64 expectedNumber = 1001;
        qint64 lastPlaced = 0;
        int cancelled = 0, failed = 0, pending = 0, refunded = 0, partial = 0, open = 0;
        QSet<QString> gateways;
        QSet<OrderChannel> channels;
        for (const OrderDetail &d : m_small.orders) {
            const Order &o = d.order;
            QCOMPARE(o.number, expectedNumber++);
            QVERIFY(o.placedAt >= lastPlaced);
            lastPlaced = o.placedAt;
            QVERIFY(o.placedAt >= m_historyStart && o.placedAt <= m_historyEnd);
            QVERIFY(o.updatedAt <= m_historyEnd && o.updatedAt >= o.placedAt);
            QCOMPARE(o.currency, QStringLiteral("EUR"));
            gateways.insert(o.gateway);
            channels.insert(o.channel);

            qint64 subtotal = 0, discount = 0, tax = 0, lineTotals = 0;
            for (const OrderLine &l : d.lines) {
                QCOMPARE(l.orderId, o.id);
                QVERIFY(l.quantity > 0);
                QCOMPARE(l.total, l.quantity * l.unitPrice - l.discount + l.tax);
                subtotal += l.quantity * l.unitPrice;
                discount += l.discount;
                tax += l.tax;
                lineTotals += l.total;
            }
            QVERIFY(!d.lines.isEmpty());
            QCOMPARE(o.subtotal, subtotal);
            QCOMPARE(o.discountTotal, discount);
            QCOMPARE(o.taxTotal, tax);
            QCOMPARE(o.total, o.subtotal - o.discountTotal + o.shippingTotal + o.taxTotal);
            QCOMPARE(o.total, lineTotals + o.shippingTotal);

            qint64 refundSum = 0;
            for (const Refund &r : d.refunds) {
                refundSum += r.amount;
                QVERIFY(r.amount > 0);
                qint64 lineAmounts = 0;
                for (const RefundLine &rl : r.lines)
                    lineAmounts += rl.amount;
                QVERIFY(lineAmounts <= r.amount);
            }
            QCOMPARE(o.refundedTotal, refundSum);
            QVERIFY(o.refundedTotal <= o.total);

            const auto shipped = OrderStateMachine::fulfilledQuantities(d);
            bool allShipped = true, anyShipped = false;
            for (const OrderLine &l : d.lines) {
                QVERIFY(shipped.value(l.id) <= l.quantity);
                allShipped &= shipped.value(l.id) == l.quantity;
                anyShipped |= shipped.value(l.id) > 0;
            }
            const FulfillmentStatus expected = allShipped ? FulfillmentStatus::Fulfilled
                                               : anyShipped ? FulfillmentStatus::Partial
                                                            : FulfillmentStatus::Unfulfilled;
            QCOMPARE(toString(o.fulfillmentStatus), toString(expected));

            switch (o.status) {
            case OrderStatus::Completed:
                QCOMPARE(toString(o.fulfillmentStatus), toString(FulfillmentStatus::Fulfilled));
                QVERIFY(o.financialStatus == FinancialStatus::Paid || o.financialStatus == FinancialStatus::PartiallyRefunded);
                QVERIFY(o.paidAt.has_value());
                break;
            case OrderStatus::Refunded:
                ++refunded;
                QCOMPARE(toString(o.financialStatus), toString(FinancialStatus::Refunded));
                QCOMPARE(o.refundedTotal, o.total);
                break;
            case OrderStatus::Cancelled:
                ++cancelled;
                QVERIFY(d.fulfillments.isEmpty());
                QVERIFY(o.cancelledAt.has_value() && *o.cancelledAt >= o.placedAt);
                QVERIFY(!o.cancelReason.isEmpty());
                QCOMPARE(toString(o.financialStatus), toString(FinancialStatus::Voided));
                break;
            case OrderStatus::Failed:
                ++failed;
                QVERIFY(d.fulfillments.isEmpty());
                QVERIFY(!o.paidAt.has_value());
                break;
            case OrderStatus::Pending:
                ++pending;
                ++open;
                QVERIFY(d.fulfillments.isEmpty());
                QCOMPARE(toString(o.financialStatus), toString(FinancialStatus::Pending));
                break;
            case OrderStatus::OnHold:
                ++open;
                QVERIFY(d.fulfillments.isEmpty());
                break;
            case OrderStatus::Processing:
                ++open;
                QVERIFY(o.fulfillmentStatus != FulfillmentStatus::Fulfilled);
                QCOMPARE(toString(o.financialStatus), toString(FinancialStatus::Paid));
                partial += o.fulfillmentStatus == FulfillmentStatus::Partial;
                break;
            }
            if (o.financialStatus == FinancialStatus::PartiallyRefunded) {
                ++refunded;
                QVERIFY(o.refundedTotal > 0 && o.refundedTotal < o.total);
            }
            for (const Fulfillment &f : d.fulfillments) {
                QVERIFY(f.createdAt >= o.placedAt && f.createdAt <= m_historyEnd);
                QCOMPARE(f.locationId, o.locationId);
                if (o.channel != OrderChannel::Pos) {
                    QVERIFY(!f.carrier.isEmpty());
                    QVERIFY(!f.trackingNumber.isEmpty());
                }
            }
            for (const OrderEvent &e : d.events)
                QVERIFY(e.createdAt >= o.placedAt && e.createdAt <= m_historyEnd);
            // Old orders are settled.
            if (o.placedAt < m_historyEnd - 14LL * 86'400'000)
                QVERIFY(o.status != OrderStatus::Processing && o.status != OrderStatus::Pending
                        && o.status != OrderStatus::OnHold);
        }
        const double n = m_small.orders.size();
        QVERIFY2(cancelled > 0.01 * n && cancelled < 0.035 * n, qPrintable(QString::number(cancelled)));
        QVERIFY2(failed + pending > 0.002 * n && failed + pending < 0.02 * n, qPrintable(QString::number(failed + pending)));
        QVERIFY2(refunded > 0.01 * n && refunded < 0.05 * n, qPrintable(QString::number(refunded)));
        QVERIFY(open > 0);
        QVERIFY(partial > 0);
        for (const char *g : {"stripe", "paypal", "manual", "cash"})
            QVERIFY2(gateways.contains(QLatin1String(g)), g);
        QVERIFY(channels.contains(OrderChannel::Web) && channels.contains(OrderChannel::Pos)
                && channels.contains(OrderChannel::Marketplace));
        // The most recent orders are still being worked on.
        QVERIFY(m_small.orders.constLast().order.status != OrderStatus::Completed
                || m_small.orders[m_small.orders.size() - 2].order.status != OrderStatus::Completed
                || m_small.orders[m_small.orders.size() - 3].order.status != OrderStatus::Completed);
    }

    void customersComeBack()
    {
        QHash<QString, int> ordersPer;
        int guests = 0;
        for (const OrderDetail &d : m_small.orders) {
            if (d.order.customerId.isNull())
                ++guests;
            else
                ++ordersPer[d.order.customerId];
        }
        int repeat = 0;
        for (int count : std::as_const(ordersPer))
            repeat += count >= 2;
        QVERIFY2(repeat > 0.2 * ordersPer.size(), qPrintable(QStringLiteral("%1 of %2").arg(repeat).arg(ordersPer.size())));
        QVERIFY(guests > 0.1 * m_small.orders.size());
        QVERIFY(ordersPer.size() < m_small.customers.size()); // some never ordered

        QSet<QString> emails;
        int phones = 0, subscribed = 0, notSubscribed = 0;
        for (const Customer &c : m_small.customers) {
            QVERIFY(!c.email.isEmpty());
            static const QRegularExpression reserved(QStringLiteral("^[a-z._]+[0-9]+@([a-z]+\\.)?example\\.(com|net|org)$"));
            QVERIFY2(reserved.match(c.email).hasMatch(), qPrintable(c.email));
            QVERIFY2(!emails.contains(c.email.toLower()), qPrintable(c.email));
            emails.insert(c.email.toLower());
            QVERIFY(!c.addresses.isEmpty());
            QVERIFY(c.addresses.first().isDefault);
            phones += !c.phone.isNull();
            subscribed += c.emailMarketing == MarketingConsent::Subscribed;
            notSubscribed += c.emailMarketing == MarketingConsent::NotSubscribed;
        }
        QVERIFY(phones > 0 && phones < m_small.customers.size());
        QVERIFY(subscribed > 0 && notSubscribed > 0);
    }

    void inventoryAddsUp()
    {
        // Per level: the ledger explains on_hand, runs correctly and opens the window.
        struct Acc
        {
            qint64 sum = 0;
            qint64 rows = 0;
        };
        std::map<std::pair<QString, QString>, Acc> acc;
        qint64 lastTime = 0;
        for (const LedgerEntry &e : m_small.ledger) {
            QVERIFY(e.createdAt >= lastTime);
            lastTime = e.createdAt;
            QVERIFY(e.createdAt >= m_windowStart && e.createdAt <= m_historyEnd);
            QVERIFY(e.delta != 0);
            Acc &a = acc[{e.variantId, e.locationId}];
            if (a.rows == 0) {
                if (e.reason == InventoryReason::Correction) {
                    QCOMPARE(e.reference, QStringLiteral("opening balance"));
                    QCOMPARE(e.createdAt, m_windowStart);
                }
            } else {
                QVERIFY(e.reason != InventoryReason::Correction);
            }
            a.sum += e.delta;
            ++a.rows;
            QCOMPARE(e.quantityAfter, a.sum);
            QVERIFY2(e.quantityAfter >= 0, qPrintable(e.reference));
            if (e.reason == InventoryReason::Sold)
                QVERIFY(e.reference.toLongLong() >= 1001);
        }

        // committed = unfulfilled quantity of open orders at the order's location.
        std::map<std::pair<QString, QString>, qint64> committed;
        for (const OrderDetail &d : m_small.orders) {
            const OrderStatus s = d.order.status;
            if (s != OrderStatus::Pending && s != OrderStatus::Processing && s != OrderStatus::OnHold)
                continue;
            const auto shipped = OrderStateMachine::fulfilledQuantities(d);
            for (const OrderLine &l : d.lines) {
                if (!l.sku.startsWith(QLatin1String("GIFT")))
                    committed[{l.variantId, d.order.locationId}] += l.quantity - shipped.value(l.id);
            }
        }
        QSet<QString> locationsWithStock;
        int zero = 0, withThreshold = 0, committedLevels = 0;
        std::set<std::pair<QString, QString>> seen;
        for (const InventoryLevel &l : m_small.levels) {
            const std::pair<QString, QString> key{l.variantId, l.locationId};
            QVERIFY(seen.insert(key).second);
            QCOMPARE(l.onHand, acc.count(key) ? acc[key].sum : 0);
            const qint64 expectedCommitted = committed.count(key) ? committed[key] : 0;
            QCOMPARE(l.committed, expectedCommitted);
            committedLevels += l.committed > 0;
            if (l.onHand > 0)
                locationsWithStock.insert(l.locationId);
            zero += l.onHand == 0;
            withThreshold += l.lowStockThreshold.has_value();
        }
        for (const auto &[key, units] : committed) {
            if (units > 0)
                QVERIFY(seen.count(key));
        }
        QCOMPARE(locationsWithStock.size(), m_small.locations.size());
        QVERIFY(zero > 0);
        QVERIFY(withThreshold > 0 && withThreshold < m_small.levels.size() / 4);
        QVERIFY(committedLevels > 0);
    }

    void historyHasRhythm()
    {
        const QTimeZone paris("Europe/Paris");
        qint64 december = 0, july = 0, firstYear = 0, secondYear = 0;
        qint64 weekendOrders = 0, weekdayOrders = 0;
        const qint64 middle = localMs(QDate(2025, 11, 22));
        for (const OrderDetail &d : m_small.orders) {
            const QDateTime local = QDateTime::fromMSecsSinceEpoch(d.order.placedAt, paris);
            if (local.date().month() == 12)
                december += d.order.total;
            if (local.date().month() == 7)
                july += d.order.total;
            (d.order.placedAt < middle ? firstYear : secondYear) += d.order.total;
            (local.date().dayOfWeek() >= 6 ? weekendOrders : weekdayOrders) += 1;
        }
        // Two Decembers and two Julys in the history.
        QVERIFY2(december > 1.5 * july, qPrintable(QStringLiteral("%1 vs %2").arg(december).arg(july)));
        QVERIFY2(secondYear > firstYear, "the shop grows");
        // Per day: weekends are busier than weekdays.
        QVERIFY2(weekendOrders / 2.0 > weekdayOrders / 5.0,
                 qPrintable(QStringLiteral("%1 vs %2").arg(weekendOrders).arg(weekdayOrders)));
    }

    void cancellingStopsWithAnError()
    {
        RecordingSink sink;
        DemoGenerator generator(smallOptions());
        int calls = 0;
        auto result = generator.generate(sink, [&calls](int percent) {
            ++calls;
            return percent < 30;
        });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("demo.cancelled"));
        QVERIFY(sink.aborted);
        QVERIFY(!sink.finished);
        QVERIFY(sink.orders.size() < 5000);
        QVERIFY(calls > 1);
    }

    void sinkErrorsStopTheGenerator()
    {
        class FailingSink : public RecordingSink
        {
        public:
            Result<void> order(const OrderDetail &o) override
            {
                if (o.order.number == 1010)
                    return makeError(QStringLiteral("test.disk_full"), QStringLiteral("disk full"));
                return RecordingSink::order(o);
            }
        } sink;
        DemoGenerator generator(smallOptions());
        auto result = generator.generate(sink);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("test.disk_full"));
        QVERIFY(sink.aborted);
        QCOMPARE(sink.orders.size(), 9);
    }

    void badOptionsAreRefused()
    {
        RecordingSink sink;
        DemoOptions o = smallOptions();
        o.currency = QStringLiteral("eur");
        auto r = DemoGenerator(o).generate(sink);
        QVERIFY(!r.ok());
        QVERIFY(r.error().code.startsWith(QLatin1String("currency.")));

        o = smallOptions();
        o.timeZone = QStringLiteral("Mars/Olympus_Mons");
        r = DemoGenerator(o).generate(sink);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("demo.bad_time_zone"));
        QVERIFY(!sink.begun);
    }

    void otherCurrenciesGetTheirOwnPricePoints()
    {
        RecordingSink sink;
        DemoOptions o = smallOptions();
        o.currency = QStringLiteral("JPY");
        o.timeZone = QStringLiteral("Asia/Tokyo");
        SK_VERIFY_OK(DemoGenerator(o).generate(sink));
        QCOMPARE(sink.settings.first().currency, QStringLiteral("JPY"));
        qint64 cheapest = std::numeric_limits<qint64>::max();
        for (const Variant &v : sink.variants) {
            if (v.trackInventory)
                cheapest = std::min(cheapest, v.price);
        }
        // Yen have no minor unit: a 7-euro soap costs about a thousand yen, not 7.
        QVERIFY2(cheapest >= 500, qPrintable(QString::number(cheapest)));
        for (const OrderDetail &d : sink.orders)
            QCOMPARE(d.order.currency, QStringLiteral("JPY"));
    }
};

QTEST_GUILESS_MAIN(tst_DemoGenerator)
#include "tst_demogenerator.moc"

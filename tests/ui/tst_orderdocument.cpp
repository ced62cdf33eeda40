#include "money/currency.h"
#include "money/money.h"
#include "orders/orderdocument.h"
#include "storage/shoprepository.h"
#include "storage/sqlitedatabase.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

#include <algorithm>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

// A Paris shop selling in euros, as its settings row says.
OrderFormat parisFormat()
{
    auto temp = test::makeTempStore();
    if (!temp)
        return {};
    auto saved = temp->store->write([](SqliteDatabase &db) -> Result<void> {
        ShopSettings shop;
        shop.shopId = u"shop-test"_s;
        shop.name = u"Demo Outfitters"_s;
        shop.currency = u"EUR"_s;
        shop.timeZone = u"Europe/Paris"_s;
        shop.locale = u"fr-FR"_s;
        return ShopRepository(db).saveSettings(shop);
    });
    auto reader = temp->store->openReader();
    if (!saved.ok() || !reader.ok())
        return {};
    return OrderFormat(ShopFormat::read(**reader).valueOr(ShopFormat()));
}

OrderLine lineOf(const QString &id, const QString &sku, const QString &title, qint64 quantity, qint64 unitPrice)
{
    OrderLine line;
    line.id = id;
    line.orderId = u"order-1"_s;
    line.sku = sku;
    line.title = title;
    line.quantity = quantity;
    line.unitPrice = unitPrice;
    line.tax = quantity * unitPrice / 5;
    line.total = quantity * unitPrice + line.tax;
    return line;
}

// Order #1042: two jackets and a scarf, shipped to Lyon, partly shipped and refunded.
OrderDetail sampleOrder()
{
    OrderDetail d;
    d.lines = {lineOf(u"line-1"_s, u"HRJ-RED-M"_s, u"Harbour Rain Jacket"_s, 2, 8900),
               lineOf(u"line-2"_s, u"WS-GREY"_s, u"Wool Scarf"_s, 1, 2450)};
    d.lines[0].variantTitle = u"Red / M"_s;
    Order &o = d.order;
    o.id = u"order-1"_s;
    o.number = 1042;
    o.customerName = u"Camille Martin"_s;
    o.email = u"camille@example.fr"_s;
    o.currency = u"EUR"_s;
    for (const OrderLine &line : d.lines) {
        o.subtotal += line.quantity * line.unitPrice;
        o.taxTotal += line.tax;
    }
    o.shippingTotal = 590;
    o.total = o.subtotal + o.taxTotal + o.shippingTotal;
    o.refundedTotal = 2940;
    o.status = OrderStatus::Processing;
    o.financialStatus = FinancialStatus::PartiallyRefunded;
    o.fulfillmentStatus = FulfillmentStatus::Partial;
    o.gateway = u"stripe"_s;
    o.placedAt = 1'700'000'000'000;
    o.shippingAddressJson = uR"({"name":"Camille Martin","line1":"12 rue de la République","city":"Lyon",)"
                            uR"("postal_code":"69002","country_code":"FR"})"_s;
    o.billingAddressJson = o.shippingAddressJson;
    Fulfillment f;
    f.id = u"f-1"_s;
    f.lines = {FulfillmentLine{u"line-1"_s, 1}};
    d.fulfillments = {f};
    Refund r;
    r.id = u"r-1"_s;
    r.amount = 2940;
    r.lines = {RefundLine{u"line-2"_s, 1, 2940}};
    d.refunds = {r};
    return d;
}

// Any kind of space as a plain one: QTextDocument::toPlainText() turns no-break spaces into
// plain spaces, while money is formatted with the locale's no-break spaces.
QString spaced(QString text)
{
    std::replace_if(text.begin(), text.end(), [](QChar c) { return c.isSpace(); }, u' ');
    return text;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_OrderDocument : public QObject
{
    Q_OBJECT

private:
    const OrderDetail m_order = sampleOrder();
    const OrderFormat m_format = parisFormat();

    QString euros(qint64 minor) const { return Money(minor, Currency::fromCode(u"EUR").value()).format(QLocale(u"fr_FR"_s)); }

private slots:
    void invoiceShowsWhatWasSoldAndWhatItCost()
    {
        QCOMPARE(m_format.shop().settings().name, u"Demo Outfitters"_s);
        const OrderDocument invoice(OrderDocument::Kind::Invoice, m_order, m_format);
        QCOMPARE(invoice.title(), u"Invoice #1042"_s);
        QCOMPARE(invoice.suggestedFileName(), u"invoice-1042.pdf"_s);
        const QString text = spaced(invoice.textDocument()->toPlainText());
        for (const QString &expected : {u"Demo Outfitters"_s, u"#1042"_s, u"HRJ-RED-M"_s, u"WS-GREY"_s,
                                        u"Harbour Rain Jacket"_s, u"Red / M"_s, u"12 rue de la République"_s,
                                        u"69002 Lyon"_s, euros(m_order.order.total), euros(8900),
                                        euros(m_order.order.total - 2940), u"stripe"_s}) {
            QVERIFY2(text.contains(spaced(expected)), qPrintable(u"missing “%1” in:\n%2"_s.arg(expected, text)));
        }
        QVERIFY2(euros(m_order.order.total).contains(u"€"_s), qPrintable(euros(m_order.order.total)));
    }

    void packingSlipShowsItemsWithoutPrices()
    {
        const OrderDocument slip(OrderDocument::Kind::PackingSlip, m_order, m_format);
        QCOMPARE(slip.title(), u"Packing slip #1042"_s);
        const QString text = spaced(slip.textDocument()->toPlainText());
        for (const QString &expected : {u"#1042"_s, u"HRJ-RED-M"_s, u"WS-GREY"_s, u"Camille Martin"_s})
            QVERIFY2(text.contains(expected), qPrintable(u"missing “%1” in:\n%2"_s.arg(expected, text)));
        QVERIFY2(!text.contains(u"€"_s), qPrintable(text));
    }

    void savesBothAsRealPdfFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const auto kind : {OrderDocument::Kind::Invoice, OrderDocument::Kind::PackingSlip}) {
            const OrderDocument document(kind, m_order, m_format);
            const QString path = dir.filePath(document.suggestedFileName());
            const auto saved = document.savePdf(path);
            QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().toString()));
            const QByteArray pdf = readAll(path);
            QVERIFY2(pdf.startsWith("%PDF-1."), pdf.left(16).constData());
            QVERIFY2(pdf.trimmed().endsWith("%%EOF"), pdf.right(16).constData());
            QVERIFY2(pdf.size() > 4000, QByteArray::number(pdf.size()).constData()); // text and fonts, not an empty page
            QVERIFY(pdf.contains("/Page"));
        }
    }

    void namesTheFileItCannotWrite()
    {
        const OrderDocument invoice(OrderDocument::Kind::Invoice, m_order, m_format);
        const QString path = u"/nonexistent-folder-for-storekeep/invoice.pdf"_s;
        const auto saved = invoice.savePdf(path);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().code, u"ui.orders.pdf_write"_s);
        QVERIFY(saved.error().message.contains(path));
    }
};

QTEST_MAIN(tst_OrderDocument)
#include "tst_orderdocument.moc"

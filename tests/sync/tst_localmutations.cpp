#include "domain/jsonreader.h"
#include "local/entitydocuments.h"
#include "local/localmutations.h"
#include "localseed.h"
#include "storage/sqlitedatabase.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kNow = test::LocalSeed::kT0 + 60'000;

qint64 scalar(SqliteDatabase &db, const QByteArray &sql)
{
    return db.queryInt64(sql).valueOr(-1);
}

} // namespace

class tst_LocalMutations : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempStore> m_temp;
    test::LocalSeed m_seed;
    std::unique_ptr<SqliteDatabase> m_reader;

    Result<void> apply(const QString &name, const QJsonObject &args, const EntityRef *only = nullptr)
    {
        return m_temp->store->write(
            [&](SqliteDatabase &db) { return LocalMutations::apply(db, name, args, kNow, only); });
    }

    QJsonObject doc(const EntityRef &ref)
    {
        auto read = EntityDocuments::read(*m_reader, ref);
        return read.ok() && *read ? **read : QJsonObject();
    }

    bool exists(const EntityRef &ref) { return EntityDocuments::exists(*m_reader, ref).valueOr(false); }

    EntityRef level(const QString &variant, const QString &location) const
    {
        return test::LocalSeed::levelRef(variant, location);
    }

    qint64 onHand(const QString &variant, const QString &location)
    {
        return doc(level(variant, location)).value(u"on_hand").toInteger(-999);
    }

    qint64 committed(const QString &variant, const QString &location)
    {
        return doc(level(variant, location)).value(u"committed").toInteger(-999);
    }

    qint64 count(const char *sql) { return scalar(*m_reader, QByteArray(sql)); }

    // Every seeded row keeps its version and the ledger is untouched, whatever ran.
    void verifyVersionsAndLedgerUntouched()
    {
        QCOMPARE(count("SELECT count(*) FROM inventory_ledger"), 1);
        if (exists(m_seed.productRef()))
            QCOMPARE(doc(m_seed.productRef()).value(u"version").toInteger(), 4);
        if (exists(m_seed.variant1Ref()))
            QCOMPARE(doc(m_seed.variant1Ref()).value(u"version").toInteger(), 2);
        if (exists(level(m_seed.variant1, m_seed.location1)))
            QCOMPARE(doc(level(m_seed.variant1, m_seed.location1)).value(u"version").toInteger(), 7);
        if (exists(m_seed.customerRef()))
            QCOMPARE(doc(m_seed.customerRef()).value(u"version").toInteger(), 5);
        if (exists(m_seed.orderRef()))
            QCOMPARE(doc(m_seed.orderRef()).value(u"version").toInteger(), 6);
        QCOMPARE(doc(m_seed.location1Ref()).value(u"version").toInteger(), 2);
    }

    QJsonObject newProductArgs(const QString &productId, const QString &v1, const QString &v2)
    {
        return {{u"product"_s,
                 QJsonObject{{u"id"_s, productId},
                             {u"title"_s, u"Wool Cap"_s},
                             {u"handle"_s, u"wool-cap"_s},
                             {u"status"_s, u"active"_s},
                             {u"created_at"_s, 1}}},
                {u"variants"_s,
                 QJsonArray{QJsonObject{{u"id"_s, v1}, {u"sku"_s, u"WC-1"_s}, {u"price"_s, 1500}},
                            QJsonObject{{u"id"_s, v2}, {u"sku"_s, u"WC-2"_s}, {u"price"_s, 1700}, {u"position"_s, 2}}}}};
    }

    void expectInvalid(const QString &name, const QJsonObject &args, const QString &field,
                       const QString &code = QString())
    {
        const auto result = LocalMutations::validate(name, args);
        QVERIFY2(!result.ok(), qPrintable(name + u" should be refused for "_s + field));
        QCOMPARE(result.error().detail, field);
        QVERIFY2(result.error().code.startsWith(u"validation."), qPrintable(result.error().code));
        if (!code.isEmpty())
            QCOMPARE(result.error().code, code);
        QVERIFY(!result.error().message.isEmpty());
    }

private slots:
    void init()
    {
        m_temp = test::makeTempStore();
        QVERIFY(m_temp);
        SK_VERIFY_OK(m_seed.writeInto(*m_temp->store));
        auto reader = m_temp->store->openReader();
        SK_VERIFY_OK(reader);
        m_reader = std::move(*reader);
    }

    void cleanup()
    {
        m_reader.reset();
        m_temp.reset();
    }

    void namesAreTheContractsMutationNames()
    {
        QFile file(test::sourceDir() + u"/server/openapi.yaml"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        const QRegularExpression block(uR"(MutationName:\s*\n\s*type: string\s*\n\s*enum: \[([^\]]*)\])"_s);
        const auto match = block.match(text);
        QVERIFY(match.hasMatch());
        QStringList contract = match.captured(1).simplified().split(u',', Qt::SkipEmptyParts);
        for (QString &name : contract)
            name = name.trimmed();
        QCOMPARE(contract.size(), 18);
        QCOMPARE(LocalMutations::names(), contract);
    }

    void validArgsPass()
    {
        const QString id = test::newId();
        const QList<std::pair<QString, QJsonObject>> cases{
            {u"product.create"_s, newProductArgs(id, test::newId(), test::newId())},
            {u"product.patch"_s, {{u"id"_s, id}, {u"base_version"_s, 3}, {u"fields"_s, QJsonObject{{u"title"_s, u"T"_s}}}}},
            {u"product.archive"_s, {{u"id"_s, id}}},
            {u"product.delete"_s, {{u"id"_s, id}}},
            {u"variant.create"_s,
             {{u"variant"_s, QJsonObject{{u"id"_s, id}, {u"product_id"_s, m_seed.product}, {u"price"_s, 5}}}}},
            {u"variant.patch"_s,
             {{u"id"_s, id}, {u"base_version"_s, 1}, {u"fields"_s, QJsonObject{{u"sku"_s, QJsonValue::Null}}}}},
            {u"variant.delete"_s, {{u"id"_s, id}}},
            {u"location.create"_s, {{u"location"_s, QJsonObject{{u"id"_s, id}, {u"name"_s, u"Annex"_s}}}}},
            {u"location.patch"_s, {{u"id"_s, id}, {u"base_version"_s, 1}, {u"fields"_s, QJsonObject{{u"active"_s, false}}}}},
            {u"inventory.adjust"_s,
             {{u"variant_id"_s, id}, {u"location_id"_s, id}, {u"delta"_s, -2}, {u"reason"_s, u"sold"_s}}},
            {u"inventory.set"_s, {{u"variant_id"_s, id}, {u"location_id"_s, id}, {u"quantity"_s, 4}, {u"change_from"_s, 2}}},
            {u"inventory.transfer"_s,
             {{u"variant_id"_s, id}, {u"from_location_id"_s, id}, {u"to_location_id"_s, test::newId()}, {u"quantity"_s, 1}}},
            {u"customer.create"_s, {{u"customer"_s, QJsonObject{{u"id"_s, id}, {u"email"_s, u"a@b.example"_s}}}}},
            {u"customer.patch"_s,
             {{u"id"_s, id}, {u"base_version"_s, 2}, {u"fields"_s, QJsonObject{{u"sms_marketing"_s, u"pending"_s}}}}},
            {u"order.set_status"_s, {{u"order_id"_s, id}, {u"status"_s, u"on_hold"_s}}},
            {u"order.fulfil"_s,
             {{u"order_id"_s, id}, {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, id}, {u"quantity"_s, 1}}}}}},
            {u"order.refund"_s, {{u"order_id"_s, id}, {u"amount"_s, 100}, {u"restock"_s, false}}},
            {u"order.add_note"_s, {{u"order_id"_s, id}, {u"message"_s, u"Hello"_s}}},
        };
        QCOMPARE(cases.size(), LocalMutations::names().size());
        for (const auto &[name, args] : cases) {
            const auto result = LocalMutations::validate(name, args);
            QVERIFY2(result.ok(), qPrintable(name + u": "_s + (result.ok() ? QString() : result.error().toString())));
        }
    }

    void invalidArgsNameTheField()
    {
        const QString id = test::newId();
        expectInvalid(u"product.explode"_s, {}, u"name"_s, u"validation.unknown_mutation"_s);

        QJsonObject create = newProductArgs(id, test::newId(), test::newId());
        QJsonObject product = create.value(u"product").toObject();
        product.remove(u"title");
        create.insert(u"product", product);
        expectInvalid(u"product.create"_s, create, u"product.title"_s, u"validation.missing_field"_s);
        create = newProductArgs(id, test::newId(), test::newId());
        QJsonArray variants = create.value(u"variants").toArray();
        QJsonObject second = variants.at(1).toObject();
        second.insert(u"price", -1);
        variants[1] = second;
        create.insert(u"variants", variants);
        expectInvalid(u"product.create"_s, create, u"variants[1].price"_s);
        expectInvalid(u"product.create"_s, {}, u"product"_s, u"validation.missing_field"_s);

        expectInvalid(u"product.patch"_s, {{u"id"_s, id}, {u"base_version"_s, 1}, {u"fields"_s, QJsonObject{{u"color"_s, 1}}}},
                      u"fields.color"_s, u"validation.unknown_field"_s);
        expectInvalid(u"product.patch"_s, {{u"id"_s, id}, {u"base_version"_s, 1}, {u"fields"_s, QJsonObject()}},
                      u"fields"_s);
        expectInvalid(u"product.patch"_s, {{u"id"_s, id}, {u"base_version"_s, 0}, {u"fields"_s, QJsonObject{{u"title"_s, u"x"_s}}}},
                      u"base_version"_s);
        expectInvalid(u"product.patch"_s,
                      {{u"id"_s, id}, {u"base_version"_s, 1}, {u"fields"_s, QJsonObject{{u"handle"_s, u"Not A Handle"_s}}}},
                      u"fields.handle"_s);
        expectInvalid(u"product.patch"_s,
                      {{u"id"_s, u"NOT-A-UUID"_s}, {u"base_version"_s, 1}, {u"fields"_s, QJsonObject{{u"title"_s, u"x"_s}}}},
                      u"id"_s);
        expectInvalid(u"variant.patch"_s,
                      {{u"id"_s, id}, {u"base_version"_s, 1}, {u"fields"_s, QJsonObject{{u"price"_s, u"12"_s}}}},
                      u"fields.price"_s);
        expectInvalid(u"variant.create"_s, {{u"variant"_s, QJsonObject{{u"id"_s, id}, {u"price"_s, 5}}}},
                      u"variant.product_id"_s, u"validation.missing_field"_s);
        expectInvalid(u"location.create"_s, {{u"location"_s, QJsonObject{{u"id"_s, id}}}}, u"location.name"_s);
        expectInvalid(u"product.delete"_s, {}, u"id"_s);

        const QJsonObject adjust{{u"variant_id"_s, id}, {u"location_id"_s, id}, {u"delta"_s, -2}, {u"reason"_s, u"sold"_s}};
        QJsonObject bad = adjust;
        bad.insert(u"delta", 0);
        expectInvalid(u"inventory.adjust"_s, bad, u"delta"_s);
        bad = adjust;
        bad.insert(u"delta", 2); // a sale adds no stock
        expectInvalid(u"inventory.adjust"_s, bad, u"delta"_s);
        bad = adjust;
        bad.insert(u"reason", u"transfer_in"_s);
        expectInvalid(u"inventory.adjust"_s, bad, u"reason"_s);
        bad = adjust;
        bad.insert(u"delta", 1.5);
        expectInvalid(u"inventory.adjust"_s, bad, u"delta"_s);
        bad = adjust;
        bad.remove(u"location_id");
        expectInvalid(u"inventory.adjust"_s, bad, u"location_id"_s, u"validation.missing_field"_s);

        expectInvalid(u"inventory.set"_s, {{u"variant_id"_s, id}, {u"location_id"_s, id}, {u"quantity"_s, 4}},
                      u"change_from"_s, u"validation.missing_field"_s);
        expectInvalid(u"inventory.set"_s,
                      {{u"variant_id"_s, id}, {u"location_id"_s, id}, {u"quantity"_s, -1}, {u"change_from"_s, 0}},
                      u"quantity"_s);
        expectInvalid(u"inventory.transfer"_s,
                      {{u"variant_id"_s, id}, {u"from_location_id"_s, id}, {u"to_location_id"_s, id}, {u"quantity"_s, 1}},
                      u"to_location_id"_s);
        expectInvalid(u"customer.create"_s, {{u"customer"_s, QJsonObject{{u"id"_s, id}, {u"email"_s, u"nope"_s}}}},
                      u"customer.email"_s);
        expectInvalid(u"customer.patch"_s,
                      {{u"id"_s, id}, {u"base_version"_s, 1}, {u"fields"_s, QJsonObject{{u"email_marketing"_s, u"yes"_s}}}},
                      u"fields.email_marketing"_s);
        expectInvalid(u"order.set_status"_s, {{u"order_id"_s, id}, {u"status"_s, u"lost"_s}}, u"status"_s);
        expectInvalid(u"order.fulfil"_s, {{u"order_id"_s, id}, {u"lines"_s, QJsonArray()}}, u"lines"_s);
        const QJsonObject line{{u"order_line_id"_s, id}, {u"quantity"_s, 1}};
        expectInvalid(u"order.fulfil"_s, {{u"order_id"_s, id}, {u"lines"_s, QJsonArray{line, line}}},
                      u"lines[1].order_line_id"_s);
        expectInvalid(u"order.refund"_s, {{u"order_id"_s, id}, {u"amount"_s, 0}, {u"restock"_s, false}}, u"amount"_s);
        expectInvalid(u"order.add_note"_s, {{u"order_id"_s, id}, {u"message"_s, u"   "_s}}, u"message"_s);
        expectInvalid(u"order.add_note"_s, {{u"message"_s, u"Hi"_s}}, u"order_id"_s);
    }

    void productCreateInsertsTheProductAndItsVariants()
    {
        const QString id = test::newId(), v1 = test::newId(), v2 = test::newId();
        SK_VERIFY_OK(apply(u"product.create"_s, newProductArgs(id, v1, v2)));
        const QJsonObject product = doc({u"product"_s, id});
        QCOMPARE(product.value(u"title").toString(), u"Wool Cap"_s);
        QCOMPARE(product.value(u"version").toInteger(), 0);
        QCOMPARE(product.value(u"created_at").toInteger(), kNow); // the client's time is not trusted
        QCOMPARE(doc({u"variant"_s, v1}).value(u"sku").toString(), u"WC-1"_s);
        QCOMPARE(doc({u"variant"_s, v2}).value(u"product_id").toString(), id);
        QCOMPARE(count("SELECT count(*) FROM variant_search WHERE variant_search MATCH 'WC*'"), 2);
        verifyVersionsAndLedgerUntouched();

        // Applied again (a rebase): nothing doubles, nothing is overwritten.
        SK_VERIFY_OK(apply(u"product.create"_s, newProductArgs(id, v1, v2)));
        QCOMPARE(count("SELECT count(*) FROM products"), 2);
        QCOMPARE(count("SELECT count(*) FROM variants"), 4);
    }

    void productCreateIsAllOrNothing()
    {
        QJsonObject args = newProductArgs(test::newId(), test::newId(), test::newId());
        QJsonArray variants = args.value(u"variants").toArray();
        QJsonObject clash = variants.at(1).toObject();
        clash.insert(u"sku", u"LS-S"_s); // variant 1 of the seeded product has it
        variants[1] = clash;
        args.insert(u"variants", variants);
        const auto refused = apply(u"product.create"_s, args);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"product.duplicate_sku"_s);
        QCOMPARE(count("SELECT count(*) FROM products"), 1);
        QCOMPARE(count("SELECT count(*) FROM variants"), 2);
    }

    void patchesChangeFieldsButNotTheVersion()
    {
        SK_VERIFY_OK(apply(u"product.patch"_s, {{u"id"_s, m_seed.product},
                                                 {u"base_version"_s, 4},
                                                 {u"fields"_s, QJsonObject{{u"title"_s, u"Linen Shirt II"_s},
                                                                           {u"vendor"_s, u"Maison"_s}}}}));
        QJsonObject product = doc(m_seed.productRef());
        QCOMPARE(product.value(u"title").toString(), u"Linen Shirt II"_s);
        QCOMPARE(product.value(u"vendor").toString(), u"Maison"_s);
        QCOMPARE(product.value(u"handle").toString(), u"linen-shirt"_s);
        QCOMPARE(product.value(u"updated_at").toInteger(), kNow);
        QCOMPARE(count("SELECT count(*) FROM variant_search WHERE variant_search MATCH 'II'"), 2);

        SK_VERIFY_OK(apply(u"product.archive"_s, {{u"id"_s, m_seed.product}}));
        QCOMPARE(doc(m_seed.productRef()).value(u"status").toString(), u"archived"_s);

        SK_VERIFY_OK(apply(u"variant.patch"_s, {{u"id"_s, m_seed.variant1},
                                                 {u"base_version"_s, 2},
                                                 {u"fields"_s, QJsonObject{{u"price"_s, 3900},
                                                                           {u"compare_at_price"_s, QJsonValue::Null}}}}));
        QCOMPARE(doc(m_seed.variant1Ref()).value(u"price").toInteger(), 3900);
        QVERIFY(doc(m_seed.variant1Ref()).value(u"compare_at_price").isNull());

        SK_VERIFY_OK(apply(u"location.patch"_s, {{u"id"_s, m_seed.location2},
                                                  {u"base_version"_s, 1},
                                                  {u"fields"_s, QJsonObject{{u"active"_s, false}, {u"code"_s, u"FL"_s}}}}));
        QCOMPARE(doc(m_seed.location2Ref()).value(u"active").toBool(true), false);
        QCOMPARE(doc(m_seed.location2Ref()).value(u"code").toString(), u"FL"_s);
        QCOMPARE(doc(m_seed.location2Ref()).value(u"version").toInteger(), 1);

        SK_VERIFY_OK(apply(u"customer.patch"_s, {{u"id"_s, m_seed.customer},
                                                  {u"base_version"_s, 5},
                                                  {u"fields"_s, QJsonObject{{u"last_name"_s, u"Dupont"_s},
                                                                            {u"sms_marketing"_s, u"subscribed"_s}}}}));
        const QJsonObject customer = doc(m_seed.customerRef());
        QCOMPARE(customer.value(u"last_name").toString(), u"Dupont"_s);
        QCOMPARE(customer.value(u"sms_marketing").toString(), u"subscribed"_s);
        QCOMPARE(customer.value(u"consent_updated_at").toInteger(), kNow);
        QCOMPARE(customer.value(u"addresses").toArray().size(), 2);
        QCOMPARE(count("SELECT count(*) FROM customer_search WHERE customer_search MATCH 'dupont'"), 1);
        verifyVersionsAndLedgerUntouched();
    }

    // customer.patch's addresses: checked as the server checks them (each address named), shown
    // at once as the customer's whole new list, and a null is refused rather than read as none.
    void customerPatchReplacesTheAddresses()
    {
        const QString customer = m_seed.customer;
        const QString kept = doc(m_seed.customerRef()).value(u"addresses").toArray().first().toObject().value(u"id").toString();
        const QString added = test::newId();
        const auto patch = [&](const QJsonValue &addresses) {
            return QJsonObject{{u"id"_s, customer}, {u"base_version"_s, 5},
                               {u"fields"_s, QJsonObject{{u"addresses"_s, addresses}}}};
        };
        const QJsonArray list{QJsonObject{{u"id"_s, kept}, {u"customer_id"_s, customer}, {u"is_default"_s, true},
                                          {u"line1"_s, u"5 rue Neuve"_s}, {u"city"_s, u"Nantes"_s},
                                          {u"country_code"_s, u"FR"_s}},
                              QJsonObject{{u"id"_s, added}, {u"company"_s, u"Atelier Bleu"_s}, {u"city"_s, u"Rennes"_s}}};
        SK_VERIFY_OK(LocalMutations::validate(u"customer.patch"_s, patch(list)));
        expectInvalid(u"customer.patch"_s,
                      patch(QJsonArray{list.at(0), QJsonObject{{u"id"_s, added}, {u"country_code"_s, u"Bretagne"_s}}}),
                      u"fields.addresses[1].country_code"_s);
        expectInvalid(u"customer.patch"_s, patch(QJsonArray{QJsonObject{{u"city"_s, u"Rennes"_s}}}),
                      u"fields.addresses[0].id"_s, u"validation.missing_field"_s);
        expectInvalid(u"customer.patch"_s, patch(QJsonArray{list.at(0), list.at(0)}), u"fields.addresses[1].id"_s);
        expectInvalid(u"customer.patch"_s,
                      patch(QJsonArray{QJsonObject{{u"id"_s, added}, {u"customer_id"_s, m_seed.order}}}),
                      u"fields.addresses[0].customer_id"_s);
        expectInvalid(u"customer.patch"_s, patch(QJsonValue(QJsonValue::Null)), u"fields.addresses"_s);

        SK_VERIFY_OK(apply(u"customer.patch"_s, patch(list)));
        QJsonArray shown = doc(m_seed.customerRef()).value(u"addresses").toArray();
        QCOMPARE(shown.size(), 2);
        QCOMPARE(shown.at(0).toObject().value(u"id").toString(), kept);
        QCOMPARE(shown.at(0).toObject().value(u"line1").toString(), u"5 rue Neuve"_s);
        QCOMPARE(shown.at(1).toObject().value(u"id").toString(), added);
        QCOMPARE(shown.at(1).toObject().value(u"customer_id").toString(), customer);
        QCOMPARE(shown.at(1).toObject().value(u"company").toString(), u"Atelier Bleu"_s);
        QCOMPARE(count("SELECT count(*) FROM customer_addresses"), 2); // the seed's other address is gone
        SK_VERIFY_OK(apply(u"customer.patch"_s, patch(QJsonArray())));
        QCOMPARE(doc(m_seed.customerRef()).value(u"addresses").toArray().size(), 0);
        QCOMPARE(count("SELECT count(*) FROM customer_addresses"), 0);
        verifyVersionsAndLedgerUntouched();
    }

    void aPatchThatWouldTakeAKeyIsRefused()
    {
        const auto refused = apply(u"variant.patch"_s, {{u"id"_s, m_seed.variant1},
                                                         {u"base_version"_s, 2},
                                                         {u"fields"_s, QJsonObject{{u"sku"_s, u"LS-M"_s}}}});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"product.duplicate_sku"_s);
        QCOMPARE(doc(m_seed.variant2Ref()).value(u"sku").toString(), u"LS-M"_s); // the other row keeps it
    }

    void deletesRemoveRowsAndTheirChildren()
    {
        SK_VERIFY_OK(apply(u"variant.delete"_s, {{u"id"_s, m_seed.variant2}}));
        QVERIFY(!exists(m_seed.variant2Ref()));
        QVERIFY(!exists(level(m_seed.variant2, m_seed.location1)));
        QVERIFY(exists(m_seed.variant1Ref()));
        SK_VERIFY_OK(apply(u"product.delete"_s, {{u"id"_s, m_seed.product}}));
        QCOMPARE(count("SELECT count(*) FROM products"), 0);
        QCOMPARE(count("SELECT count(*) FROM variants"), 0);
        QCOMPARE(count("SELECT count(*) FROM inventory_levels"), 0);
        verifyVersionsAndLedgerUntouched();
    }

    void createsOfOtherRecords()
    {
        const QString variant = test::newId();
        SK_VERIFY_OK(apply(u"variant.create"_s, {{u"variant"_s, QJsonObject{{u"id"_s, variant},
                                                                            {u"product_id"_s, m_seed.product},
                                                                            {u"sku"_s, u"LS-L"_s},
                                                                            {u"price"_s, 5100}}}}));
        QCOMPARE(doc({u"variant"_s, variant}).value(u"price").toInteger(), 5100);
        QCOMPARE(doc({u"variant"_s, variant}).value(u"version").toInteger(), 0);

        const QString location = test::newId();
        SK_VERIFY_OK(apply(u"location.create"_s, {{u"location"_s, QJsonObject{{u"id"_s, location}, {u"name"_s, u"Annex"_s}}}}));
        QCOMPARE(doc({u"location"_s, location}).value(u"name").toString(), u"Annex"_s);

        const QString customer = test::newId();
        SK_VERIFY_OK(apply(u"customer.create"_s, {{u"customer"_s, QJsonObject{{u"id"_s, customer},
                                                                              {u"first_name"_s, u"Léa"_s},
                                                                              {u"email_marketing"_s, u"subscribed"_s}}}}));
        QCOMPARE(doc({u"customer"_s, customer}).value(u"first_name").toString(), u"Léa"_s);
        QCOMPARE(doc({u"customer"_s, customer}).value(u"consent_updated_at").toInteger(), kNow);
        verifyVersionsAndLedgerUntouched();
    }

    void inventoryMovesStockWithoutLedgerRows()
    {
        // A delta adds to what is there, whatever it is now.
        SK_VERIFY_OK(apply(u"inventory.adjust"_s, {{u"variant_id"_s, m_seed.variant1},
                                                    {u"location_id"_s, m_seed.location1},
                                                    {u"delta"_s, -3},
                                                    {u"reason"_s, u"sold"_s},
                                                    {u"change_from"_s, 99}}));
        QCOMPARE(onHand(m_seed.variant1, m_seed.location1), 7);
        QCOMPARE(committed(m_seed.variant1, m_seed.location1), 2);
        QCOMPARE(doc(level(m_seed.variant1, m_seed.location1)).value(u"updated_at").toInteger(), kNow);

        SK_VERIFY_OK(apply(u"inventory.set"_s, {{u"variant_id"_s, m_seed.variant1},
                                                 {u"location_id"_s, m_seed.location2},
                                                 {u"quantity"_s, 12},
                                                 {u"change_from"_s, 5}}));
        QCOMPARE(onHand(m_seed.variant1, m_seed.location2), 12);

        SK_VERIFY_OK(apply(u"inventory.transfer"_s, {{u"variant_id"_s, m_seed.variant1},
                                                      {u"from_location_id"_s, m_seed.location1},
                                                      {u"to_location_id"_s, m_seed.location2},
                                                      {u"quantity"_s, 2}}));
        QCOMPARE(onHand(m_seed.variant1, m_seed.location1), 5);
        QCOMPARE(onHand(m_seed.variant1, m_seed.location2), 14);

        // A level that is not there yet is made when its variant and location are.
        SK_VERIFY_OK(apply(u"inventory.adjust"_s, {{u"variant_id"_s, m_seed.variant2},
                                                    {u"location_id"_s, m_seed.location2},
                                                    {u"delta"_s, 4},
                                                    {u"reason"_s, u"received"_s}}));
        QCOMPARE(onHand(m_seed.variant2, m_seed.location2), 4);
        QCOMPARE(doc(level(m_seed.variant2, m_seed.location2)).value(u"version").toInteger(), 0);
        verifyVersionsAndLedgerUntouched();
    }

    void effectsOnAbsentRowsDoNothing()
    {
        const QString gone = test::newId();
        SK_VERIFY_OK(apply(u"product.patch"_s,
                           {{u"id"_s, gone}, {u"base_version"_s, 1}, {u"fields"_s, QJsonObject{{u"title"_s, u"Back?"_s}}}}));
        SK_VERIFY_OK(apply(u"product.archive"_s, {{u"id"_s, gone}}));
        SK_VERIFY_OK(apply(u"product.delete"_s, {{u"id"_s, gone}}));
        SK_VERIFY_OK(apply(u"variant.delete"_s, {{u"id"_s, gone}}));
        SK_VERIFY_OK(apply(u"customer.patch"_s,
                           {{u"id"_s, gone}, {u"base_version"_s, 1}, {u"fields"_s, QJsonObject{{u"note"_s, u"x"_s}}}}));
        QCOMPARE(count("SELECT count(*) FROM products"), 1);
        QCOMPARE(count("SELECT count(*) FROM customers"), 1);
        // A variant of a product that is gone is not created.
        SK_VERIFY_OK(apply(u"variant.create"_s,
                           {{u"variant"_s, QJsonObject{{u"id"_s, test::newId()}, {u"product_id"_s, gone}, {u"price"_s, 1}}}}));
        QCOMPARE(count("SELECT count(*) FROM variants"), 2);
        // Stock of a variant or at a location that is gone is not made up.
        SK_VERIFY_OK(apply(u"inventory.adjust"_s, {{u"variant_id"_s, gone},
                                                    {u"location_id"_s, m_seed.location1},
                                                    {u"delta"_s, 5},
                                                    {u"reason"_s, u"received"_s}}));
        SK_VERIFY_OK(apply(u"inventory.set"_s, {{u"variant_id"_s, m_seed.variant1},
                                                 {u"location_id"_s, gone},
                                                 {u"quantity"_s, 5},
                                                 {u"change_from"_s, 0}}));
        QCOMPARE(count("SELECT count(*) FROM inventory_levels"), 3);
        // Orders that are gone.
        const QJsonArray lines{QJsonObject{{u"order_line_id"_s, m_seed.line1}, {u"quantity"_s, 1}}};
        SK_VERIFY_OK(apply(u"order.set_status"_s, {{u"order_id"_s, gone}, {u"status"_s, u"cancelled"_s}}));
        SK_VERIFY_OK(apply(u"order.fulfil"_s, {{u"order_id"_s, gone}, {u"lines"_s, lines}}));
        SK_VERIFY_OK(apply(u"order.refund"_s, {{u"order_id"_s, gone}, {u"amount"_s, 5}, {u"restock"_s, true}, {u"lines"_s, lines}}));
        SK_VERIFY_OK(apply(u"order.add_note"_s, {{u"order_id"_s, gone}, {u"message"_s, u"hi"_s}}));
        QCOMPARE(count("SELECT count(*) FROM orders"), 1);
        QCOMPARE(count("SELECT count(*) FROM order_events"), 1);
        QCOMPARE(count("SELECT count(*) FROM fulfillments"), 1);
        QCOMPARE(count("SELECT count(*) FROM refunds"), 1);
        QCOMPARE(committed(m_seed.variant1, m_seed.location1), 2);
        verifyVersionsAndLedgerUntouched();
    }

    void cancellingAnOrderReleasesWhatItStillReserves()
    {
        SK_VERIFY_OK(apply(u"order.set_status"_s,
                           {{u"order_id"_s, m_seed.order}, {u"status"_s, u"cancelled"_s}, {u"reason"_s, u"Out of stock"_s}}));
        const QJsonObject order = doc(m_seed.orderRef());
        QCOMPARE(order.value(u"status").toString(), u"cancelled"_s);
        QCOMPARE(order.value(u"cancelled_at").toInteger(), kNow);
        QCOMPARE(order.value(u"cancel_reason").toString(), u"Out of stock"_s);
        // Line 1: 2 ordered, 1 shipped → 1 released; line 2: 1 ordered, none shipped → 1 released.
        QCOMPARE(committed(m_seed.variant1, m_seed.location1), 1);
        QCOMPARE(committed(m_seed.variant2, m_seed.location1), 0);
        QCOMPARE(onHand(m_seed.variant1, m_seed.location1), 10);
        // Cancelling again releases nothing more.
        SK_VERIFY_OK(apply(u"order.set_status"_s, {{u"order_id"_s, m_seed.order}, {u"status"_s, u"cancelled"_s}}));
        QCOMPARE(committed(m_seed.variant1, m_seed.location1), 1);
        verifyVersionsAndLedgerUntouched();

        SK_VERIFY_OK(apply(u"order.set_status"_s, {{u"order_id"_s, m_seed.order}, {u"status"_s, u"on_hold"_s}}));
        QCOMPARE(doc(m_seed.orderRef()).value(u"status").toString(), u"on_hold"_s);
    }

    void fulfillingShipsFromTheLevelsAndReleasesTheReservation()
    {
        const QString fulfillment = test::newId();
        SK_VERIFY_OK(apply(u"order.fulfil"_s,
                           {{u"order_id"_s, m_seed.order},
                            {u"fulfillment_id"_s, fulfillment},
                            {u"tracking_number"_s, u"TRK2"_s},
                            {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, m_seed.line1}, {u"quantity"_s, 1}},
                                                    QJsonObject{{u"order_line_id"_s, m_seed.line2}, {u"quantity"_s, 1}}}}}));
        const QJsonObject order = doc(m_seed.orderRef());
        QCOMPARE(order.value(u"fulfillment_status").toString(), u"fulfilled"_s);
        const QJsonArray fulfillments = order.value(u"fulfillments").toArray();
        QCOMPARE(fulfillments.size(), 2);
        QCOMPARE(fulfillments.at(1).toObject().value(u"id").toString(), fulfillment);
        QCOMPARE(fulfillments.at(1).toObject().value(u"location_id").toString(), m_seed.location1);
        QCOMPARE(fulfillments.at(1).toObject().value(u"tracking_number").toString(), u"TRK2"_s);
        QCOMPARE(onHand(m_seed.variant1, m_seed.location1), 9);
        QCOMPARE(committed(m_seed.variant1, m_seed.location1), 1);
        QCOMPARE(onHand(m_seed.variant2, m_seed.location1), 2);
        QCOMPARE(committed(m_seed.variant2, m_seed.location1), 0);
        verifyVersionsAndLedgerUntouched();

        // The same fulfilment applied again in full changes nothing.
        SK_VERIFY_OK(apply(u"order.fulfil"_s,
                           {{u"order_id"_s, m_seed.order},
                            {u"fulfillment_id"_s, fulfillment},
                            {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, m_seed.line1}, {u"quantity"_s, 1}}}}}));
        QCOMPARE(onHand(m_seed.variant1, m_seed.location1), 9);
    }

    void fulfillingFromAnotherLocation()
    {
        SK_VERIFY_OK(apply(u"order.fulfil"_s,
                           {{u"order_id"_s, m_seed.order},
                            {u"location_id"_s, m_seed.location2},
                            {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, m_seed.line1}, {u"quantity"_s, 1}}}}}));
        QCOMPARE(onHand(m_seed.variant1, m_seed.location2), 4);         // shipped from here
        QCOMPARE(onHand(m_seed.variant1, m_seed.location1), 10);        // not from the order's location
        QCOMPARE(committed(m_seed.variant1, m_seed.location1), 1);      // whose reservation is released
        QCOMPARE(doc(m_seed.orderRef()).value(u"fulfillment_status").toString(), u"partial"_s);
    }

    void refundingWithRestock()
    {
        const QString refund = test::newId();
        // Line 1: 2 ordered, 1 shipped. Refunding both with restock: the unshipped one is released,
        // the shipped one comes back to the shelf it left from.
        SK_VERIFY_OK(apply(u"order.refund"_s,
                           {{u"order_id"_s, m_seed.order},
                            {u"refund_id"_s, refund},
                            {u"amount"_s, 2000},
                            {u"restock"_s, true},
                            {u"reason"_s, u"Wrong size"_s},
                            {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, m_seed.line1}, {u"quantity"_s, 2}}}}}));
        QCOMPARE(committed(m_seed.variant1, m_seed.location1), 1);
        QCOMPARE(onHand(m_seed.variant1, m_seed.location1), 11);
        const QJsonObject order = doc(m_seed.orderRef());
        QCOMPARE(order.value(u"refunded_total").toInteger(), 3000);
        QCOMPARE(order.value(u"financial_status").toString(), u"partially_refunded"_s);
        const QJsonArray refunds = order.value(u"refunds").toArray();
        QCOMPARE(refunds.size(), 2);
        QCOMPARE(refunds.at(1).toObject().value(u"id").toString(), refund);
        QCOMPARE(refunds.at(1).toObject().value(u"restock").toBool(), true);
        verifyVersionsAndLedgerUntouched();

        // More than is left is refused, and nothing of it stays.
        const auto refused = apply(u"order.refund"_s, {{u"order_id"_s, m_seed.order},
                                                        {u"amount"_s, 1'000'000},
                                                        {u"restock"_s, true},
                                                        {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, m_seed.line2},
                                                                                            {u"quantity"_s, 1}}}}});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"order.overrefund"_s);
        QCOMPARE(committed(m_seed.variant2, m_seed.location1), 1);
        QCOMPARE(doc(m_seed.orderRef()).value(u"refunded_total").toInteger(), 3000);

        // Refunding the rest completes the refund.
        const qint64 rest = order.value(u"total").toInteger() - 3000;
        SK_VERIFY_OK(apply(u"order.refund"_s, {{u"order_id"_s, m_seed.order}, {u"amount"_s, rest}, {u"restock"_s, false}}));
        QCOMPARE(doc(m_seed.orderRef()).value(u"financial_status").toString(), u"refunded"_s);
        QCOMPARE(doc(m_seed.orderRef()).value(u"status").toString(), u"refunded"_s);
    }

    void notesAppearOnTheTimeline()
    {
        const QString event = test::newId();
        SK_VERIFY_OK(apply(u"order.add_note"_s, {{u"order_id"_s, m_seed.order}, {u"event_id"_s, event},
                                                  {u"message"_s, u"Customer called\nback"_s}}));
        const QJsonArray events = doc(m_seed.orderRef()).value(u"events").toArray();
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(1).toObject().value(u"id").toString(), event);
        QCOMPARE(events.at(1).toObject().value(u"kind").toString(), u"note"_s);
        QCOMPARE(events.at(1).toObject().value(u"message").toString(), u"Customer called\nback"_s);
        SK_VERIFY_OK(apply(u"order.add_note"_s, {{u"order_id"_s, m_seed.order}, {u"event_id"_s, event},
                                                  {u"message"_s, u"Customer called\nback"_s}}));
        QCOMPARE(doc(m_seed.orderRef()).value(u"events").toArray().size(), 2);
        verifyVersionsAndLedgerUntouched();
    }

    // A rebase of one stock level: the level is back at its server document while the order
    // still shows the mutation; re-applying with `only` = the level gives the level its effect again.
    void rebasingALevelReappliesAnOrdersEffectOnIt()
    {
        const EntityRef v1 = level(m_seed.variant1, m_seed.location1);
        const EntityRef v2 = level(m_seed.variant2, m_seed.location1);
        const QJsonObject v1Before = doc(v1);
        const QJsonObject v2Before = doc(v2);
        const auto rebase = [&](const QString &name, const QJsonObject &args, const EntityRef &ref,
                                const QJsonObject &base) {
            return m_temp->store->write([&](SqliteDatabase &db) -> Result<void> {
                SK_TRY(EntityDocuments::write(db, ref, base));
                return LocalMutations::apply(db, name, args, kNow, &ref);
            });
        };

        const QJsonObject fulfil{{u"order_id"_s, m_seed.order},
                                 {u"fulfillment_id"_s, test::newId()},
                                 {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, m_seed.line1}, {u"quantity"_s, 1}}}}};
        SK_VERIFY_OK(apply(u"order.fulfil"_s, fulfil));
        const QJsonObject v1Fulfilled = doc(v1);
        QCOMPARE(v1Fulfilled.value(u"on_hand").toInteger(), 9);
        SK_VERIFY_OK(rebase(u"order.fulfil"_s, fulfil, v1, v1Before));
        QCOMPARE(doc(v1), v1Fulfilled);
        QCOMPARE(doc(m_seed.orderRef()).value(u"fulfillments").toArray().size(), 2);

        const QJsonObject refund{{u"order_id"_s, m_seed.order},
                                 {u"refund_id"_s, test::newId()},
                                 {u"amount"_s, 100},
                                 {u"restock"_s, true},
                                 {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, m_seed.line2}, {u"quantity"_s, 1}}}}};
        SK_VERIFY_OK(apply(u"order.refund"_s, refund));
        QCOMPARE(committed(m_seed.variant2, m_seed.location1), 0);
        SK_VERIFY_OK(rebase(u"order.refund"_s, refund, v2, v2Before));
        QCOMPARE(committed(m_seed.variant2, m_seed.location1), 0);
        QCOMPARE(doc(m_seed.orderRef()).value(u"refunded_total").toInteger(), 1100);

    }

    void rebasingALevelReappliesACancel()
    {
        const EntityRef v1 = level(m_seed.variant1, m_seed.location1);
        const QJsonObject base = doc(v1);
        const QJsonObject cancel{{u"order_id"_s, m_seed.order}, {u"status"_s, u"cancelled"_s}};
        SK_VERIFY_OK(apply(u"order.set_status"_s, cancel));
        QCOMPARE(committed(m_seed.variant1, m_seed.location1), 1);
        SK_VERIFY_OK(m_temp->store->write([&](SqliteDatabase &db) -> Result<void> {
            SK_TRY(EntityDocuments::write(db, v1, base));
            return LocalMutations::apply(db, u"order.set_status"_s, cancel, kNow, &v1);
        }));
        QCOMPARE(committed(m_seed.variant1, m_seed.location1), 1); // released again, from the base's 2
        // The order itself, rebased: cancelled once.
        const EntityRef order = m_seed.orderRef();
        SK_VERIFY_OK(apply(u"order.set_status"_s, cancel, &order));
        QCOMPARE(doc(order).value(u"status").toString(), u"cancelled"_s);
        QCOMPARE(committed(m_seed.variant1, m_seed.location1), 1);
    }

    void onlyLimitsTheEffectToOneEntity()
    {
        const QJsonObject transfer{{u"variant_id"_s, m_seed.variant1},
                                   {u"from_location_id"_s, m_seed.location1},
                                   {u"to_location_id"_s, m_seed.location2},
                                   {u"quantity"_s, 2}};
        const EntityRef to = level(m_seed.variant1, m_seed.location2);
        SK_VERIFY_OK(apply(u"inventory.transfer"_s, transfer, &to));
        QCOMPARE(onHand(m_seed.variant1, m_seed.location1), 10);
        QCOMPARE(onHand(m_seed.variant1, m_seed.location2), 7);

        const QJsonObject fulfil{{u"order_id"_s, m_seed.order},
                                 {u"fulfillment_id"_s, test::newId()},
                                 {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, m_seed.line2}, {u"quantity"_s, 1}}}}};
        const EntityRef stock = level(m_seed.variant2, m_seed.location1);
        SK_VERIFY_OK(apply(u"order.fulfil"_s, fulfil, &stock));
        QCOMPARE(onHand(m_seed.variant2, m_seed.location1), 2);
        QCOMPARE(doc(m_seed.orderRef()).value(u"fulfillments").toArray().size(), 1); // the order was not touched
        const EntityRef order = m_seed.orderRef();
        SK_VERIFY_OK(apply(u"order.fulfil"_s, fulfil, &order));
        QCOMPARE(doc(m_seed.orderRef()).value(u"fulfillments").toArray().size(), 2);
        QCOMPARE(onHand(m_seed.variant2, m_seed.location1), 2); // the level was not touched again

        const QString id = test::newId(), v1 = test::newId(), v2 = test::newId();
        const EntityRef variant{u"variant"_s, v2};
        SK_VERIFY_OK(apply(u"product.create"_s, newProductArgs(id, v1, v2), &variant));
        QVERIFY(!exists({u"product"_s, id})); // and so the variant cannot be there either
        QVERIFY(!exists(variant));
        const EntityRef product{u"product"_s, id};
        SK_VERIFY_OK(apply(u"product.create"_s, newProductArgs(id, v1, v2), &product));
        QVERIFY(exists(product));
        QVERIFY(!exists({u"variant"_s, v1}));
        SK_VERIFY_OK(apply(u"product.create"_s, newProductArgs(id, v1, v2), &variant));
        QVERIFY(exists(variant));
        QVERIFY(!exists({u"variant"_s, v1}));

        const EntityRef oneLevel = level(m_seed.variant1, m_seed.location2);
        SK_VERIFY_OK(apply(u"product.delete"_s, {{u"id"_s, m_seed.product}}, &oneLevel));
        QVERIFY(exists(m_seed.productRef()));
        QVERIFY(exists(m_seed.variant1Ref()));
        QVERIFY(!exists(oneLevel));
        QVERIFY(exists(level(m_seed.variant1, m_seed.location1)));
    }

    void entitiesOfNameWhatChanges()
    {
        const QString id = test::newId(), v1 = test::newId(), v2 = test::newId();
        auto refs = LocalMutations::entitiesOf(u"product.create"_s, newProductArgs(id, v1, v2));
        SK_VERIFY_OK(refs);
        QCOMPARE(*refs, (QList<EntityRef>{{u"product"_s, id}, {u"variant"_s, v1}, {u"variant"_s, v2}}));
        refs = LocalMutations::entitiesOf(u"inventory.transfer"_s, {{u"variant_id"_s, m_seed.variant1},
                                                                    {u"from_location_id"_s, m_seed.location1},
                                                                    {u"to_location_id"_s, m_seed.location2},
                                                                    {u"quantity"_s, 2}});
        SK_VERIFY_OK(refs);
        QCOMPARE(*refs, (QList<EntityRef>{level(m_seed.variant1, m_seed.location1), level(m_seed.variant1, m_seed.location2)}));
        refs = LocalMutations::entitiesOf(u"customer.patch"_s, {{u"id"_s, m_seed.customer},
                                                                {u"base_version"_s, 1},
                                                                {u"fields"_s, QJsonObject{{u"note"_s, u"x"_s}}}});
        SK_VERIFY_OK(refs);
        QCOMPARE(*refs, QList<EntityRef>{m_seed.customerRef()});
        QVERIFY(!LocalMutations::entitiesOf(u"order.add_note"_s, {{u"message"_s, u"x"_s}}).ok());

        // With the shop's data: what the effect reaches beyond the named record.
        auto withData = LocalMutations::entitiesOf(*m_reader, u"product.delete"_s, {{u"id"_s, m_seed.product}});
        SK_VERIFY_OK(withData);
        QCOMPARE(withData->constFirst(), m_seed.productRef());
        QCOMPARE(QSet<EntityRef>(withData->cbegin(), withData->cend()),
                 (QSet<EntityRef>{m_seed.productRef(), m_seed.variant1Ref(), m_seed.variant2Ref(),
                                  level(m_seed.variant1, m_seed.location1), level(m_seed.variant1, m_seed.location2),
                                  level(m_seed.variant2, m_seed.location1)}));
        withData = LocalMutations::entitiesOf(*m_reader, u"order.fulfil"_s,
                                              {{u"order_id"_s, m_seed.order},
                                               {u"location_id"_s, m_seed.location2},
                                               {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, m_seed.line1},
                                                                                   {u"quantity"_s, 1}}}}});
        SK_VERIFY_OK(withData);
        QCOMPARE(*withData, (QList<EntityRef>{m_seed.orderRef(), level(m_seed.variant1, m_seed.location2),
                                              level(m_seed.variant1, m_seed.location1)}));
        withData = LocalMutations::entitiesOf(*m_reader, u"order.set_status"_s,
                                              {{u"order_id"_s, m_seed.order}, {u"status"_s, u"cancelled"_s}});
        SK_VERIFY_OK(withData);
        QCOMPARE(*withData, (QList<EntityRef>{m_seed.orderRef(), level(m_seed.variant1, m_seed.location1),
                                              level(m_seed.variant2, m_seed.location1)}));
        withData = LocalMutations::entitiesOf(*m_reader, u"order.set_status"_s,
                                              {{u"order_id"_s, m_seed.order}, {u"status"_s, u"on_hold"_s}});
        SK_VERIFY_OK(withData);
        QCOMPARE(*withData, QList<EntityRef>{m_seed.orderRef()});
        withData = LocalMutations::entitiesOf(*m_reader, u"order.refund"_s,
                                              {{u"order_id"_s, m_seed.order},
                                               {u"amount"_s, 10},
                                               {u"restock"_s, true},
                                               {u"lines"_s, QJsonArray{QJsonObject{{u"order_line_id"_s, m_seed.line2},
                                                                                   {u"quantity"_s, 1}}}}});
        SK_VERIFY_OK(withData);
        QCOMPARE(*withData, (QList<EntityRef>{m_seed.orderRef(), level(m_seed.variant2, m_seed.location1)}));
    }

    void childIdsAreAddedOnce()
    {
        const QJsonObject note{{u"order_id"_s, m_seed.order}, {u"message"_s, u"x"_s}};
        const QJsonObject withId = LocalMutations::withChildIds(u"order.add_note"_s, note);
        QVERIFY(JsonReader::isCanonicalUuid(withId.value(u"event_id").toString()));
        QCOMPARE(LocalMutations::withChildIds(u"order.add_note"_s, withId), withId);
        QVERIFY(LocalMutations::withChildIds(u"order.fulfil"_s, note).contains(u"fulfillment_id"));
        QVERIFY(LocalMutations::withChildIds(u"order.refund"_s, note).contains(u"refund_id"));
        QCOMPARE(LocalMutations::withChildIds(u"order.set_status"_s, note), note);
    }
};

QTEST_GUILESS_MAIN(tst_LocalMutations)
#include "tst_localmutations.moc"

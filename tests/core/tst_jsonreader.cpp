#include "domain/jsonreader.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QTest>

#include <simdjson.h>

#include <list>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

const QString kId = u"0190a4c2-7b1e-7c3d-8e4f-5a6b7c8d9e0f"_s;

// Every case runs twice (initTestCase_data): over a QJsonObject, and straight over a
// simdjson document, the bulk download's way. Both must read and refuse alike.
bool g_native = false;
std::list<simdjson::dom::parser> g_parsers; // documents outlive the readers until cleanup()

JsonReader readerOf(const QByteArray &json, const QString &path = {})
{
    if (!g_native)
        return JsonReader(QJsonDocument::fromJson(json).object(), path);
    simdjson::dom::element root;
    const auto error = g_parsers.emplace_back().parse(json.constData(), size_t(json.size())).get(root);
    if (error != simdjson::SUCCESS)
        qFatal("simdjson cannot parse a test document: %s", simdjson::error_message(error));
    return JsonReader(root, path);
}

JsonReader readerOf(const char *json, const QString &path = {})
{
    return readerOf(QByteArray(json), path);
}

JsonReader readerWith(const QString &key, const QJsonValue &value)
{
    QJsonObject o;
    o.insert(key, value);
    return readerOf(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// The error's code and path, and the message naming the field.
template <typename T>
void verifyError(const Result<T> &result, const QString &code, const QString &path)
{
    QVERIFY2(!result.ok(), "expected an error");
    QCOMPARE(result.error().code, code);
    QCOMPARE(result.error().detail, path);
    QVERIFY2(result.error().message.contains(u'\u201C' + path + u'\u201D'), qPrintable(result.error().message));
}

} // namespace

class tst_JsonReader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data()
    {
        QTest::addColumn<bool>("native");
        QTest::newRow("QJsonObject") << false;
        QTest::newRow("simdjson") << true;
    }

    void init()
    {
        QFETCH_GLOBAL(bool, native);
        g_native = native;
    }

    void cleanup() { g_parsers.clear(); }

    void nativeReaderConvertsToTheSameObject()
    {
        const QByteArray json = R"({"a": "x\u00e9", "n": 12345678901, "d": 0.5, "b": true, "z": null,
                                     "o": {"l": [1, "two", {"k": []}]}})";
        const QJsonObject expected = QJsonDocument::fromJson(json).object();
        QCOMPARE(readerOf(json).object(), expected);
    }

    // Fields are found in any order, again and again, and a missing one among them stays missing
    // (the simdjson reader starts each lookup after the field it found last).
    void fieldsAreFoundInAnyOrder()
    {
        const JsonReader reader = readerOf(R"({"a": 1, "b": 2, "c": 3, "d": 4})");
        const char16_t *order[] = {u"a", u"b", u"c", u"d", u"d", u"b", u"a", u"c", u"c", u"a", u"d"};
        for (const char16_t *key : order)
            QCOMPARE(reader.requiredInt(QStringView(key)).value(), qint64(QStringView(key).at(0).unicode() - u'a' + 1));
        QVERIFY(!reader.has(u"e"));
        QCOMPARE(reader.requiredInt(u"b").value(), qint64(2));
        QVERIFY(!reader.has(u"bb"));
        const JsonReader copy = reader; // carries on from where the original was
        QCOMPARE(copy.requiredInt(u"a").value(), qint64(1));
        QCOMPARE(copy.requiredInt(u"d").value(), qint64(4));
        const JsonReader empty = readerOf("{}");
        QVERIFY(!empty.has(u"a"));
    }

    void nestedReadersCarryTheirPath()
    {
        const JsonReader root = readerOf(R"({"order": {"lines": [{"quantity": 1}, {"quantity": "2"}]}})");
        const auto order = root.object(u"order");
        SK_VERIFY_OK(order);
        QCOMPARE(order->path(), u"order"_s);
        const auto lines = order->objectArray(u"lines");
        SK_VERIFY_OK(lines);
        QCOMPARE(lines->size(), 2);
        QCOMPARE(lines->at(1).path(), u"order.lines[1]"_s);
        QCOMPARE(lines->at(0).requiredInt(u"quantity").value(), qint64(1));
        verifyError(lines->at(1).requiredInt(u"quantity"), u"validation.invalid_field"_s, u"order.lines[1].quantity"_s);
        // The message names the bad value too.
        QVERIFY(lines->at(1).requiredInt(u"quantity").error().message.contains(u"\u201C2\u201D"_s));
    }

    void absentAndNullAreMissingForRequiredFields()
    {
        const JsonReader r = readerOf(R"({"b": null})");
        verifyError(r.requiredString(u"a", 10), u"validation.missing_field"_s, u"a"_s);
        verifyError(r.requiredString(u"b", 10), u"validation.missing_field"_s, u"b"_s);
        verifyError(r.requiredInt(u"b"), u"validation.missing_field"_s, u"b"_s);
        verifyError(r.requiredUuid(u"b"), u"validation.missing_field"_s, u"b"_s);
        verifyError(r.requiredBool(u"b"), u"validation.missing_field"_s, u"b"_s);
        verifyError(r.requiredEnum<ProductStatus>(u"b"), u"validation.missing_field"_s, u"b"_s);
        verifyError(r.object(u"b"), u"validation.missing_field"_s, u"b"_s);
        QVERIFY(!r.has(u"a"));
        QVERIFY(!r.has(u"b"));
    }

    void absentAndNullGiveDefaultsForOptionalFields()
    {
        const JsonReader r = readerOf(R"({"b": null})");
        for (const char16_t *key : {u"a", u"b"}) {
            const QStringView k(key);
            QVERIFY(r.optionalString(k, 10).value().isNull());
            QVERIFY(r.optionalText(k, 10).value().isNull());
            QVERIFY(r.optionalUuid(k).value().isNull());
            QVERIFY(!r.optionalInt(k).value().has_value());
            QVERIFY(!r.optionalDouble(k, 0, 1).value().has_value());
            QCOMPARE(r.intOr(k, 7).value(), qint64(7));
            QCOMPARE(r.boolOr(k, true).value(), true);
            QVERIFY(r.enumOr(k, ProductStatus::Archived).value() == ProductStatus::Archived);
            QVERIFY(r.objectArray(k).value().isEmpty());
            QVERIFY(r.uuidArray(k).value().isEmpty());
            QVERIFY(!r.optionalObject(k).value().has_value());
        }
    }

    void stringsAreTrimmedSingleLines()
    {
        const JsonReader r = readerOf(R"({"a": "  Blue shirt \t", "blank": "   ", "nl": "two\nlines", "n": 5})");
        QCOMPARE(r.requiredString(u"a", 255).value(), u"Blue shirt"_s);
        verifyError(r.requiredString(u"blank", 255), u"validation.invalid_field"_s, u"blank"_s);
        QCOMPARE(r.optionalString(u"blank", 255).value(), QString()); // empty, not an error
        verifyError(r.requiredString(u"nl", 255), u"validation.invalid_field"_s, u"nl"_s);
        verifyError(r.optionalString(u"n", 255), u"validation.invalid_field"_s, u"n"_s);
        QVERIFY(r.optionalString(u"n", 255).error().message.contains(u"the number 5"_s));
    }

    void lengthsCountCodePoints()
    {
        QString emoji;
        for (int i = 0; i < 255; ++i)
            emoji += u"\U0001F455"_s; // one code point, two UTF-16 units
        QCOMPARE(readerWith(u"t"_s, emoji).requiredString(u"t", 255).value(), emoji);
        const auto tooLong = readerWith(u"t"_s, emoji + u"x"_s).requiredString(u"t", 255);
        verifyError(tooLong, u"validation.invalid_field"_s, u"t"_s);
        QVERIFY2(tooLong.error().message.contains(u"256"_s), qPrintable(tooLong.error().message));
    }

    void textKeepsLineBreaksButNotOtherControls()
    {
        const QString text = u"  Line one\r\n\tLine two  "_s;
        QCOMPARE(readerWith(u"d"_s, text).optionalText(u"d", 100).value(), text);
        verifyError(readerWith(u"d"_s, u"bell\u0007"_s).optionalText(u"d", 100), u"validation.invalid_field"_s, u"d"_s);
        verifyError(readerWith(u"d"_s, QString(101, u'x')).optionalText(u"d", 100), u"validation.invalid_field"_s, u"d"_s);
    }

    void integers_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<qint64>("min");
        QTest::addColumn<qint64>("max");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("expected");
        const qint64 lo = -JsonReader::kMaxInteger;
        const qint64 hi = JsonReader::kMaxInteger;
        QTest::newRow("plain") << QByteArray("42") << lo << hi << true << qint64(42);
        QTest::newRow("negative") << QByteArray("-42") << lo << hi << true << qint64(-42);
        QTest::newRow("whole double") << QByteArray("2.0") << lo << hi << true << qint64(2);
        QTest::newRow("exponent") << QByteArray("1e3") << lo << hi << true << qint64(1000);
        QTest::newRow("largest") << QByteArray("9000000000000000") << lo << hi << true << qint64(9000000000000000);
        QTest::newRow("smallest") << QByteArray("-9000000000000000") << lo << hi << true << qint64(-9000000000000000);
        QTest::newRow("just beyond") << QByteArray("9000000000000001") << lo << hi << false << qint64(0);
        QTest::newRow("far beyond") << QByteArray("1e300") << lo << hi << false << qint64(0);
        QTest::newRow("fraction") << QByteArray("1.5") << lo << hi << false << qint64(0);
        QTest::newRow("string") << QByteArray("\"42\"") << lo << hi << false << qint64(0);
        QTest::newRow("bool") << QByteArray("true") << lo << hi << false << qint64(0);
        QTest::newRow("array") << QByteArray("[1]") << lo << hi << false << qint64(0);
        QTest::newRow("below min") << QByteArray("0") << qint64(1) << hi << false << qint64(0);
        QTest::newRow("at min") << QByteArray("1") << qint64(1) << hi << true << qint64(1);
        QTest::newRow("above max") << QByteArray("11") << qint64(0) << qint64(10) << false << qint64(0);
    }
    void integers()
    {
        QFETCH(QByteArray, json);
        QFETCH(qint64, min);
        QFETCH(qint64, max);
        QFETCH(bool, ok);
        QFETCH(qint64, expected);
        const JsonReader r = readerOf(QByteArray("{\"n\": " + json + "}").constData(), u"x"_s);
        const auto value = r.requiredInt(u"n", min, max);
        if (ok) {
            SK_VERIFY_OK(value);
            QCOMPARE(value.value(), expected);
            QCOMPARE(r.intOr(u"n", -1, min, max).value(), expected);
            QCOMPARE(r.optionalInt(u"n", min, max).value(), std::optional<qint64>(expected));
        } else {
            verifyError(value, u"validation.invalid_field"_s, u"x.n"_s);
            verifyError(r.intOr(u"n", -1, min, max), u"validation.invalid_field"_s, u"x.n"_s);
            verifyError(r.optionalInt(u"n", min, max), u"validation.invalid_field"_s, u"x.n"_s);
        }
    }

    void rangeMessagesNameTheValue()
    {
        const auto r = readerWith(u"quantity"_s, 0).requiredInt(u"quantity", 1);
        QVERIFY2(r.error().message.contains(u"at least 1"_s) && r.error().message.contains(u"is 0"_s),
                 qPrintable(r.error().message));
    }

    void doubles()
    {
        QCOMPARE(readerWith(u"w"_s, 0.25).optionalDouble(u"w", 0, 10).value(), std::optional<double>(0.25));
        verifyError(readerWith(u"w"_s, -0.5).optionalDouble(u"w", 0, 10), u"validation.invalid_field"_s, u"w"_s);
        verifyError(readerWith(u"w"_s, u"0.5"_s).optionalDouble(u"w", 0, 10), u"validation.invalid_field"_s, u"w"_s);
    }

    void booleans()
    {
        QCOMPARE(readerWith(u"b"_s, false).requiredBool(u"b").value(), false);
        QCOMPARE(readerWith(u"b"_s, true).boolOr(u"b", false).value(), true);
        verifyError(readerWith(u"b"_s, 1).requiredBool(u"b"), u"validation.invalid_field"_s, u"b"_s);
        verifyError(readerWith(u"b"_s, u"true"_s).boolOr(u"b", false), u"validation.invalid_field"_s, u"b"_s);
    }

    void uuids_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("canonical v7") << kId << true;
        QTest::newRow("canonical v4") << u"3f2504e0-4f89-41d3-9a0c-0305e82c3301"_s << true;
        QTest::newRow("upper case") << kId.toUpper() << false;
        QTest::newRow("braces") << u'{' + kId + u'}' << false;
        QTest::newRow("no hyphens") << QString(kId).remove(u'-') << false;
        QTest::newRow("nil") << u"00000000-0000-0000-0000-000000000000"_s << false;
        QTest::newRow("not hex") << u"0190a4c2-7b1e-7c3d-8e4f-5a6b7c8d9e0g"_s << false;
        QTest::newRow("padded") << u' ' + kId << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("name") << u"demo-42"_s << false;
    }
    void uuids()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QCOMPARE(JsonReader::isCanonicalUuid(text), ok);
        const auto id = readerWith(u"id"_s, text).requiredUuid(u"id");
        if (ok)
            QCOMPARE(id.value(), text);
        else
            verifyError(id, u"validation.invalid_field"_s, u"id"_s);
    }

    void uuidArrays()
    {
        QJsonArray ids{kId, u"3f2504e0-4f89-41d3-9a0c-0305e82c3301"_s};
        QCOMPARE(readerWith(u"ids"_s, ids).uuidArray(u"ids").value(), (QStringList{ids[0].toString(), ids[1].toString()}));
        ids.append(7);
        verifyError(readerWith(u"ids"_s, ids).uuidArray(u"ids"), u"validation.invalid_field"_s, u"ids[2]"_s);
        verifyError(readerWith(u"ids"_s, kId).uuidArray(u"ids"), u"validation.invalid_field"_s, u"ids"_s);
    }

    void enums()
    {
        QVERIFY(readerWith(u"s"_s, u"archived"_s).requiredEnum<ProductStatus>(u"s").value() == ProductStatus::Archived);
        QVERIFY(readerWith(u"s"_s, u"partially_refunded"_s).enumOr(u"s", FinancialStatus::Paid).value()
                == FinancialStatus::PartiallyRefunded);
        for (const QJsonValue &bad : {QJsonValue(u"Active"_s), QJsonValue(u""_s), QJsonValue(u" active"_s), QJsonValue(1)}) {
            const auto r = readerWith(u"s"_s, bad).requiredEnum<ProductStatus>(u"s");
            verifyError(r, u"validation.invalid_field"_s, u"s"_s);
            verifyError(readerWith(u"s"_s, bad).enumOr(u"s", ProductStatus::Draft), u"validation.invalid_field"_s, u"s"_s);
        }
        // The message lists what is allowed.
        const auto r = readerWith(u"s"_s, u"live"_s).requiredEnum<ProductStatus>(u"s");
        QVERIFY2(r.error().message.contains(u"draft, active, archived"_s) && r.error().message.contains(u"live"_s),
                 qPrintable(r.error().message));
    }

    void handles()
    {
        QCOMPARE(readerWith(u"h"_s, u"red-shirt-2"_s).requiredHandle(u"h").value(), u"red-shirt-2"_s);
        for (const QString &bad : {u"Red-shirt"_s, u"red shirt"_s, u"red_shirt"_s, u"t\u00E9"_s, u""_s, QString(256, u'a')})
            verifyError(readerWith(u"h"_s, bad).requiredHandle(u"h"), u"validation.invalid_field"_s, u"h"_s);
    }

    void barcodes()
    {
        for (const QString &ok : {u"4006381333931"_s, u"96385074"_s, u"ABC-123"_s, u"12345"_s, u""_s})
            QCOMPARE(readerWith(u"b"_s, ok).optionalBarcode(u"b").value(), ok);
        const auto bad = readerWith(u"b"_s, u"4006381333932"_s).optionalBarcode(u"b");
        verifyError(bad, u"validation.invalid_field"_s, u"b"_s);
        QVERIFY2(bad.error().message.contains(u"4006381333932"_s), qPrintable(bad.error().message));
        verifyError(readerWith(u"b"_s, QString(65, u'A')).optionalBarcode(u"b"), u"validation.invalid_field"_s, u"b"_s);
    }

    void skus()
    {
        QCOMPARE(readerWith(u"s"_s, u" TS-RED-M "_s).optionalSku(u"s").value(), u"TS-RED-M"_s);
        verifyError(readerWith(u"s"_s, QString(65, u'A')).optionalSku(u"s"), u"validation.invalid_field"_s, u"s"_s);
        verifyError(readerWith(u"s"_s, u"A\u0000B"_s).optionalSku(u"s"), u"validation.invalid_field"_s, u"s"_s);
    }

    void emails()
    {
        for (const QString &ok : {u"ada@example.com"_s, u"a.b+c@mail.example.co.uk"_s, u""_s})
            QCOMPARE(readerWith(u"e"_s, ok).optionalEmail(u"e").value(), ok);
        const QString longLocal = QString(250, u'a') + u"@b.co"_s; // 255 characters
        for (const QString &bad : {u"ada"_s, u"ada@example"_s, u"@example.com"_s, u"a@b@example.com"_s,
                                   u"ada lovelace@example.com"_s, u"ada@.com"_s, u"ada@example."_s, longLocal}) {
            verifyError(readerWith(u"e"_s, bad).optionalEmail(u"e"), u"validation.invalid_field"_s, u"e"_s);
        }
    }

    void phonesAndCountries()
    {
        QCOMPARE(readerWith(u"p"_s, u"+33 1 23 45 67 89"_s).optionalPhone(u"p").value(), u"+33 1 23 45 67 89"_s);
        verifyError(readerWith(u"p"_s, QString(33, u'1')).optionalPhone(u"p"), u"validation.invalid_field"_s, u"p"_s);
        QCOMPARE(readerWith(u"c"_s, u"NG"_s).optionalCountryCode(u"c").value(), u"NG"_s);
        QCOMPARE(readerWith(u"c"_s, u""_s).optionalCountryCode(u"c").value(), u""_s);
        for (const QString &bad : {u"ng"_s, u"NGA"_s, u"N1"_s, u"N"_s})
            verifyError(readerWith(u"c"_s, bad).optionalCountryCode(u"c"), u"validation.invalid_field"_s, u"c"_s);
    }

    void currencies()
    {
        QCOMPARE(readerWith(u"c"_s, u"KWD"_s).requiredCurrency(u"c").value(), u"KWD"_s);
        for (const QJsonValue &bad : {QJsonValue(u"kwd"_s), QJsonValue(u"ABC"_s), QJsonValue(u"EURO"_s), QJsonValue(978)})
            verifyError(readerWith(u"c"_s, bad).requiredCurrency(u"c"), u"validation.invalid_field"_s, u"c"_s);
    }

    void containers()
    {
        const JsonReader r = readerOf(R"({"o": [], "a": {}, "l": [{}, 3]})");
        verifyError(r.object(u"o"), u"validation.invalid_field"_s, u"o"_s);
        verifyError(r.objectArray(u"a"), u"validation.invalid_field"_s, u"a"_s);
        verifyError(r.array(u"a"), u"validation.invalid_field"_s, u"a"_s);
        verifyError(r.objectArray(u"l"), u"validation.invalid_field"_s, u"l[1]"_s);
        QCOMPARE(r.array(u"l").value().size(), 2);
        const auto a = r.optionalObject(u"a");
        SK_VERIFY_OK(a);
        QVERIFY(a->has_value());
        QCOMPARE((*a)->path(), u"a"_s);
    }

    void callerErrorsHaveTheSameShape()
    {
        const JsonReader r(QJsonObject{}, u"lines[3]"_s);
        const Error invalid = r.invalidField(u"quantity", u"Too many."_s);
        QCOMPARE(invalid.code, u"validation.invalid_field"_s);
        QCOMPARE(invalid.detail, u"lines[3].quantity"_s);
        QCOMPARE(invalid.message, u"Too many."_s);
        const Error missing = r.missingField(u"title");
        QCOMPARE(missing.code, u"validation.missing_field"_s);
        QCOMPARE(missing.detail, u"lines[3].title"_s);
    }

    void describeNamesValues()
    {
        QCOMPARE(JsonReader::describe(QJsonValue()), u"null"_s);
        QCOMPARE(JsonReader::describe(1.5), u"the number 1.5"_s);
        QCOMPARE(JsonReader::describe(QJsonValue(qint64(9000000000000000))), u"the number 9000000000000000"_s);
        QCOMPARE(JsonReader::describe(u"x"_s), u"the string \u201Cx\u201D"_s);
        QCOMPARE(JsonReader::describe(false), u"false"_s);
        // Long and invisible text stays readable in a message.
        QVERIFY(JsonReader::describe(QString(500, u'a')).size() < 100);
        QVERIFY(JsonReader::describe(u"a\u0001"_s).contains(u"\\u0001"_s));
    }
};

QTEST_GUILESS_MAIN(tst_JsonReader)
#include "tst_jsonreader.moc"

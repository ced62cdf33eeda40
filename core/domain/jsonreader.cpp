#include "jsonreader.h"

#include "domain/gtin.h"
#include "money/currency.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <simdjson.h>

#include <cmath>
#include <cstring>
#include <type_traits>

namespace sk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sk::JsonReader", text);
}

// A string as a message shows it: quoted, control characters spelled out, long text cut.
QString quoted(QStringView text)
{
    constexpr qsizetype kShown = 60;
    QString out;
    const QStringView shown = text.size() > kShown ? text.first(kShown) : text;
    out.reserve(shown.size() + 4);
    for (QChar c : shown) {
        if (c.category() == QChar::Other_Control)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    if (shown.size() < text.size())
        out += QChar(u'\u2026');
    return QChar(u'\u201C') + out + QChar(u'\u201D');
}

qsizetype codePoints(QStringView text)
{
    qsizetype n = text.size();
    for (QChar c : text) {
        if (c.isLowSurrogate())
            --n;
    }
    return n;
}

// Unicode's control characters (category Cc) are exactly U+0000..U+001F and U+007F..U+009F;
// comparing code units is what QChar::category() answers for them, without the table lookup.
constexpr bool isControl(char16_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

bool hasControl(QStringView text, bool allowLineBreaks)
{
    for (QChar c : text) {
        if (!isControl(c.unicode()))
            continue;
        if (allowLineBreaks && (c == u'\n' || c == u'\r' || c == u'\t'))
            continue;
        return true;
    }
    return false;
}

constexpr bool isLowerHex(char16_t c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
}

QString numberText(double d)
{
    if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) < 1e18)
        return QString::number(qint64(d));
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}

bool isEmailAddress(QStringView text)
{
    const qsizetype at = text.indexOf(u'@');
    if (at <= 0 || text.indexOf(u'@', at + 1) >= 0)
        return false;
    const QStringView domain = text.sliced(at + 1);
    const qsizetype dot = domain.indexOf(u'.');
    if (dot <= 0 || domain.endsWith(u'.'))
        return false;
    for (QChar c : text) {
        if (c.isSpace())
            return false;
    }
    return true;
}

static_assert(sizeof(simdjson::dom::element) <= 16 && alignof(simdjson::dom::element) <= 8
                  && std::is_trivially_copyable_v<simdjson::dom::element>,
              "JsonReader::m_native holds a simdjson::dom::element by value");

// Keys are ASCII, so an equal key has as many UTF-8 bytes as UTF-16 units.
bool sameKey(std::string_view utf8, QStringView key)
{
    if (utf8.size() != size_t(key.size()))
        return false;
    for (size_t i = 0; i < utf8.size(); ++i) {
        if (char16_t(static_cast<unsigned char>(utf8[i])) != key[qsizetype(i)].unicode())
            return false;
    }
    return true;
}

QString fromUtf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace

JsonReader::JsonReader(QJsonObject object, QString path) : m_object(std::move(object)), m_path(std::move(path)) {}

JsonReader::JsonReader(const simdjson::dom::element &object, QString path) : m_path(std::move(path)), m_isNative(true)
{
    std::memcpy(m_native, &object, sizeof(simdjson::dom::element));
}

simdjson::dom::element JsonReader::native() const
{
    simdjson::dom::element element;
    std::memcpy(&element, m_native, sizeof(simdjson::dom::element));
    return element;
}

std::optional<simdjson::dom::element> JsonReader::nativeMember(QStringView key) const
{
    simdjson::dom::object object;
    if (native().get_object().get(object) != simdjson::SUCCESS)
        return std::nullopt;
    for (const simdjson::dom::key_value_pair field : object) {
        if (sameKey(field.key, key))
            return field.value;
    }
    return std::nullopt;
}

QJsonValue JsonReader::toJsonValue(const simdjson::dom::element &value)
{
    switch (value.type()) {
    case simdjson::dom::element_type::OBJECT: {
        QJsonObject object;
        const simdjson::dom::object fields = value.get_object().value_unsafe();
        for (const simdjson::dom::key_value_pair field : fields)
            object.insert(fromUtf8(field.key), toJsonValue(field.value));
        return object;
    }
    case simdjson::dom::element_type::ARRAY: {
        QJsonArray array;
        const simdjson::dom::array items = value.get_array().value_unsafe();
        for (const simdjson::dom::element item : items)
            array.append(toJsonValue(item));
        return array;
    }
    case simdjson::dom::element_type::STRING:
        return fromUtf8(value.get_string().value_unsafe());
    case simdjson::dom::element_type::INT64:
        return qint64(value.get_int64().value_unsafe());
    case simdjson::dom::element_type::UINT64:
        return double(value.get_uint64().value_unsafe()); // beyond qint64: a double, as Qt parses it
    case simdjson::dom::element_type::DOUBLE:
        return value.get_double().value_unsafe();
    case simdjson::dom::element_type::BOOL:
        return value.get_bool().value_unsafe();
    case simdjson::dom::element_type::NULL_VALUE:
        break;
    }
    return QJsonValue(QJsonValue::Null);
}

QByteArray JsonReader::compactJson() const
{
    if (!m_isNative)
        return QJsonDocument(m_object).toJson(QJsonDocument::Compact);
    const std::string text = simdjson::minify(native());
    return QByteArray(text.data(), qsizetype(text.size()));
}

std::optional<QString> JsonReader::rawString(QStringView key) const
{
    const auto value = present(key);
    if (!value || !(value->isText || value->json.isString()))
        return std::nullopt;
    return value->isText ? value->text : value->json.toString();
}

QJsonObject JsonReader::object() const
{
    if (!m_isNative)
        return m_object;
    return toJsonValue(native()).toObject();
}

QString JsonReader::pathOf(QStringView key) const
{
    if (m_path.isEmpty())
        return key.toString();
    QString path;
    path.reserve(m_path.size() + 1 + key.size());
    path.append(m_path).append(QLatin1Char('.')).append(key);
    return path;
}

bool JsonReader::has(QStringView key) const
{
    if (m_isNative) {
        const auto member = nativeMember(key);
        return member && !member->is_null();
    }
    return present(key).has_value();
}

bool JsonReader::contains(QStringView key) const
{
    return m_isNative ? nativeMember(key).has_value() : m_object.contains(key);
}

std::optional<JsonReader::Field> JsonReader::present(QStringView key) const
{
    Field field;
    if (m_isNative) {
        const auto member = nativeMember(key);
        if (!member || member->is_null())
            return std::nullopt;
        std::string_view text;
        if (member->get_string().get(text) == simdjson::SUCCESS) {
            field.text = fromUtf8(text);
            field.isText = true;
        } else {
            field.json = toJsonValue(*member);
        }
        return field;
    }
    field.json = m_object.value(key);
    if (field.json.isUndefined() || field.json.isNull())
        return std::nullopt;
    return field;
}

Error JsonReader::missingField(QStringView key) const
{
    const QString path = pathOf(key);
    return makeError(QStringLiteral("validation.missing_field"), tr("\u201C%1\u201D is missing.").arg(path), path);
}

Error JsonReader::invalidField(QStringView key, const QString &message) const
{
    return makeError(QStringLiteral("validation.invalid_field"), message, pathOf(key));
}

QString JsonReader::describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return tr("the number %1").arg(numberText(value.toDouble()));
    case QJsonValue::String:
        return tr("the string %1").arg(quoted(value.toString()));
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return tr("nothing");
}

bool JsonReader::isCanonicalUuid(QStringView text)
{
    // What QUuid renders back to the same text (QUuid::toString(WithoutBraces)): 8-4-4-4-12
    // lower-case hex digits, checked in place since every record id goes through here.
    if (text.size() != 36)
        return false;
    bool nil = true;
    for (qsizetype i = 0; i < 36; ++i) {
        const char16_t c = text[i].unicode();
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-')
                return false;
        } else if (!isLowerHex(c)) {
            return false;
        } else if (c != u'0') {
            nil = false;
        }
    }
    return !nil;
}

// ---- strings --------------------------------------------------------------------------

Result<QString> JsonReader::stringValue(QStringView key, const Field &field) const
{
    if (field.isText)
        return field.text;
    const QJsonValue &value = field.json;
    if (!value.isString())
        return invalidField(key, tr("\u201C%1\u201D must be a string, but is %2.").arg(pathOf(key), describe(value)));
    return value.toString();
}

Result<QString> JsonReader::checkLine(QStringView key, QString text, qsizetype maxLength, bool required) const
{
    text = text.trimmed();
    if (required && text.isEmpty())
        return invalidField(key, tr("\u201C%1\u201D must not be empty.").arg(pathOf(key)));
    if (hasControl(text, false)) {
        return invalidField(key, tr("\u201C%1\u201D must be a single line without control characters, but is %2.")
                                     .arg(pathOf(key), quoted(text)));
    }
    if (text.size() > maxLength) {
        const qsizetype length = codePoints(text);
        if (length > maxLength) {
            return invalidField(key, tr("\u201C%1\u201D must be at most %2 characters long, but %3 has %4.")
                                         .arg(pathOf(key))
                                         .arg(maxLength)
                                         .arg(quoted(text))
                                         .arg(length));
        }
    }
    return text;
}

Result<QString> JsonReader::requiredString(QStringView key, qsizetype maxLength) const
{
    const auto value = present(key);
    if (!value)
        return missingField(key);
    SK_TRY_ASSIGN(text, stringValue(key, *value));
    return checkLine(key, std::move(text), maxLength, true);
}

Result<QString> JsonReader::optionalString(QStringView key, qsizetype maxLength) const
{
    const auto value = present(key);
    if (!value)
        return QString();
    SK_TRY_ASSIGN(text, stringValue(key, *value));
    return checkLine(key, std::move(text), maxLength, false);
}

Result<QString> JsonReader::optionalText(QStringView key, qsizetype maxLength) const
{
    const auto value = present(key);
    if (!value)
        return QString();
    SK_TRY_ASSIGN(text, stringValue(key, *value));
    if (hasControl(text, true)) {
        return invalidField(key, tr("\u201C%1\u201D must not contain control characters other than line breaks "
                                    "and tabs, but is %2.")
                                     .arg(pathOf(key), quoted(text)));
    }
    const qsizetype length = text.size() > maxLength ? codePoints(text) : text.size();
    if (length > maxLength) {
        return invalidField(key, tr("\u201C%1\u201D must be at most %2 characters long, but has %3.")
                                     .arg(pathOf(key))
                                     .arg(maxLength)
                                     .arg(length));
    }
    return text;
}

Result<QString> JsonReader::requiredUuid(QStringView key) const
{
    const auto value = present(key);
    if (!value)
        return missingField(key);
    SK_TRY_ASSIGN(text, stringValue(key, *value));
    if (!isCanonicalUuid(text)) {
        return invalidField(key, tr("\u201C%1\u201D must be an id in lower-case UUID form "
                                    "(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), but is %2.")
                                     .arg(pathOf(key), quoted(text)));
    }
    return text;
}

Result<QString> JsonReader::optionalUuid(QStringView key) const
{
    const auto value = present(key);
    if (!value)
        return QString();
    SK_TRY_ASSIGN(text, stringValue(key, *value));
    if (!isCanonicalUuid(text)) {
        return invalidField(key, tr("\u201C%1\u201D must be an id in lower-case UUID form "
                                    "(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), but is %2.")
                                     .arg(pathOf(key), quoted(text)));
    }
    return text;
}

Result<QStringList> JsonReader::uuidArray(QStringView key) const
{
    SK_TRY_ASSIGN(items, array(key));
    QStringList ids;
    ids.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue item = items.at(i);
        const QString element = QStringLiteral("%1[%2]").arg(key).arg(i);
        if (!item.isString() || !isCanonicalUuid(item.toString())) {
            return invalidField(element, tr("\u201C%1\u201D must be an id in lower-case UUID form "
                                            "(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), but is %2.")
                                             .arg(pathOf(element), describe(item)));
        }
        ids.append(item.toString());
    }
    return ids;
}

Result<QString> JsonReader::requiredHandle(QStringView key) const
{
    SK_TRY_ASSIGN(handle, requiredString(key, 255));
    for (QChar c : std::as_const(handle)) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-')) {
            return invalidField(key, tr("\u201C%1\u201D may only contain lower-case letters a-z, digits and "
                                        "hyphens, but is %2.")
                                         .arg(pathOf(key), quoted(handle)));
        }
    }
    return handle;
}

Result<QString> JsonReader::optionalSku(QStringView key) const
{
    return optionalString(key, 64);
}

Result<QString> JsonReader::optionalBarcode(QStringView key) const
{
    SK_TRY_ASSIGN(barcode, optionalString(key, 64));
    if (Gtin::isNumericGtinCandidate(barcode)) {
        const auto gtin = Gtin::validate(barcode);
        if (!gtin.ok()) {
            return invalidField(key, tr("\u201C%1\u201D is not a valid GTIN: %2")
                                         .arg(pathOf(key), gtin.error().message));
        }
    }
    return barcode;
}

Result<QString> JsonReader::optionalEmail(QStringView key) const
{
    SK_TRY_ASSIGN(email, optionalString(key, 254));
    if (!email.isEmpty() && !isEmailAddress(email)) {
        return invalidField(key, tr("\u201C%1\u201D must be an e-mail address such as name@example.com, but is %2.")
                                     .arg(pathOf(key), quoted(email)));
    }
    return email;
}

Result<QString> JsonReader::optionalPhone(QStringView key) const
{
    return optionalString(key, 32);
}

Result<QString> JsonReader::optionalCountryCode(QStringView key) const
{
    SK_TRY_ASSIGN(code, optionalString(key, 2));
    const bool ok = code.isEmpty()
                    || (code.size() == 2 && code.at(0) >= u'A' && code.at(0) <= u'Z' && code.at(1) >= u'A'
                        && code.at(1) <= u'Z');
    if (!ok) {
        return invalidField(key, tr("\u201C%1\u201D must be a two-letter upper-case ISO 3166-1 country code "
                                    "such as FR, but is %2.")
                                     .arg(pathOf(key), quoted(code)));
    }
    return code;
}

Result<QString> JsonReader::requiredCurrency(QStringView key) const
{
    const auto value = present(key);
    if (!value)
        return missingField(key);
    SK_TRY_ASSIGN(code, stringValue(key, *value));
    const auto currency = Currency::fromCode(code);
    if (!currency.ok()) {
        return invalidField(key, tr("\u201C%1\u201D must be an ISO 4217 currency code such as EUR, but is %2.")
                                     .arg(pathOf(key), quoted(code)));
    }
    return currency->code();
}

// ---- numbers and booleans -------------------------------------------------------------

Result<qint64> JsonReader::integerValue(QStringView key, const Field &field, qint64 min, qint64 max) const
{
    const QJsonValue value = field.asJson();
    if (!value.isDouble())
        return invalidField(key, tr("\u201C%1\u201D must be a whole number, but is %2.").arg(pathOf(key), describe(value)));
    const double d = value.toDouble();
    if (!std::isfinite(d) || std::trunc(d) != d)
        return invalidField(key, tr("\u201C%1\u201D must be a whole number, but is %2.").arg(pathOf(key), describe(value)));
    if (std::fabs(d) > double(kMaxInteger)) {
        return invalidField(key, tr("\u201C%1\u201D is %2, beyond \u00B1%3, the largest whole number JSON carries "
                                    "exactly.")
                                     .arg(pathOf(key), numberText(d))
                                     .arg(kMaxInteger));
    }
    // Qt keeps integer literals as integers: toInteger() is exact where the double may not be.
    const qint64 n = value.toInteger(qint64(d));
    if (n < min || n > max) {
        QString message;
        if (max >= kMaxInteger)
            message = tr("\u201C%1\u201D must be at least %2, but is %3.").arg(pathOf(key)).arg(min).arg(n);
        else if (min <= -kMaxInteger)
            message = tr("\u201C%1\u201D must be at most %2, but is %3.").arg(pathOf(key)).arg(max).arg(n);
        else
            message = tr("\u201C%1\u201D must be between %2 and %3, but is %4.").arg(pathOf(key)).arg(min).arg(max).arg(n);
        return invalidField(key, message);
    }
    return n;
}

Result<qint64> JsonReader::requiredInt(QStringView key, qint64 min, qint64 max) const
{
    const auto value = present(key);
    if (!value)
        return missingField(key);
    return integerValue(key, *value, min, max);
}

Result<std::optional<qint64>> JsonReader::optionalInt(QStringView key, qint64 min, qint64 max) const
{
    const auto value = present(key);
    if (!value)
        return std::optional<qint64>();
    SK_TRY_ASSIGN(n, integerValue(key, *value, min, max));
    return std::optional<qint64>(n);
}

Result<qint64> JsonReader::intOr(QStringView key, qint64 fallback, qint64 min, qint64 max) const
{
    const auto value = present(key);
    if (!value)
        return fallback;
    return integerValue(key, *value, min, max);
}

Result<std::optional<double>> JsonReader::optionalDouble(QStringView key, double min, double max) const
{
    const auto value = present(key);
    if (!value)
        return std::optional<double>();
    const double d = value->json.toDouble();
    if (!value->json.isDouble() || !std::isfinite(d))
        return invalidField(key, tr("\u201C%1\u201D must be a number, but is %2.").arg(pathOf(key), describe(value->asJson())));
    if (d < min || d > max) {
        return invalidField(key, tr("\u201C%1\u201D must be between %2 and %3, but is %4.")
                                     .arg(pathOf(key), numberText(min), numberText(max), numberText(d)));
    }
    return std::optional<double>(d);
}

Result<bool> JsonReader::requiredBool(QStringView key) const
{
    const auto value = present(key);
    if (!value)
        return missingField(key);
    if (!value->json.isBool())
        return invalidField(key, tr("\u201C%1\u201D must be true or false, but is %2.").arg(pathOf(key), describe(value->asJson())));
    return value->json.toBool();
}

Result<bool> JsonReader::boolOr(QStringView key, bool fallback) const
{
    const auto value = present(key);
    if (!value)
        return fallback;
    if (!value->json.isBool())
        return invalidField(key, tr("\u201C%1\u201D must be true or false, but is %2.").arg(pathOf(key), describe(value->asJson())));
    return value->json.toBool();
}

// ---- enums ----------------------------------------------------------------------------

Result<std::optional<QString>> JsonReader::enumText(QStringView key, bool required) const
{
    const auto value = present(key);
    if (!value) {
        if (required)
            return missingField(key);
        return std::optional<QString>();
    }
    SK_TRY_ASSIGN(text, stringValue(key, *value));
    return std::optional<QString>(std::move(text));
}

Error JsonReader::badEnum(QStringView key, const QString &text, const QStringList &allowed) const
{
    return invalidField(key, tr("\u201C%1\u201D must be one of %2, but is %3.")
                                 .arg(pathOf(key), allowed.join(QStringLiteral(", ")), quoted(text)));
}

// ---- containers -----------------------------------------------------------------------

Result<JsonReader> JsonReader::object(QStringView key) const
{
    if (m_isNative) {
        const auto member = nativeMember(key);
        if (member && member->is_object())
            return JsonReader(*member, pathOf(key));
    }
    const auto value = present(key);
    if (!value)
        return missingField(key);
    if (!value->json.isObject())
        return invalidField(key, tr("\u201C%1\u201D must be an object, but is %2.").arg(pathOf(key), describe(value->asJson())));
    return JsonReader(value->json.toObject(), pathOf(key));
}

Result<std::optional<JsonReader>> JsonReader::optionalObject(QStringView key) const
{
    if (m_isNative) {
        const auto member = nativeMember(key);
        if (member && member->is_object())
            return std::optional<JsonReader>(JsonReader(*member, pathOf(key)));
    }
    const auto value = present(key);
    if (!value)
        return std::optional<JsonReader>();
    if (!value->json.isObject())
        return invalidField(key, tr("\u201C%1\u201D must be an object, but is %2.").arg(pathOf(key), describe(value->asJson())));
    return std::optional<JsonReader>(JsonReader(value->json.toObject(), pathOf(key)));
}

Result<QJsonArray> JsonReader::array(QStringView key) const
{
    const auto value = present(key);
    if (!value)
        return QJsonArray();
    if (!value->json.isArray())
        return invalidField(key, tr("\u201C%1\u201D must be an array, but is %2.").arg(pathOf(key), describe(value->asJson())));
    return value->json.toArray();
}

Result<QList<JsonReader>> JsonReader::objectArray(QStringView key) const
{
    if (m_isNative) {
        // Elements read in place; anything unusual takes the QJsonArray path below for its error.
        const auto member = nativeMember(key);
        if (member && member->is_array()) {
            const simdjson::dom::array items = member->get_array().value_unsafe();
            QList<JsonReader> readers;
            readers.reserve(qsizetype(items.size()));
            bool allObjects = true;
            qsizetype i = 0;
            for (const simdjson::dom::element item : items) {
                if (!item.is_object()) {
                    allObjects = false;
                    break;
                }
                QString element;
                element.reserve(key.size() + 8);
                element.append(key).append(u'[').append(QString::number(i++)).append(u']');
                readers.append(JsonReader(item, pathOf(element)));
            }
            if (allObjects)
                return readers;
        }
    }
    SK_TRY_ASSIGN(items, array(key));
    QList<JsonReader> readers;
    readers.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue item = items.at(i);
        QString element;
        element.reserve(key.size() + 8);
        element.append(key).append(u'[').append(QString::number(i)).append(u']');
        if (!item.isObject()) {
            return invalidField(element, tr("\u201C%1\u201D must be an object, but is %2.")
                                             .arg(pathOf(element), describe(item)));
        }
        readers.append(JsonReader(item.toObject(), pathOf(element)));
    }
    return readers;
}

} // namespace sk

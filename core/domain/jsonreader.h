#pragma once

#include "domain/enums.h"
#include "util/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <cstddef>
#include <optional>

namespace simdjson::dom {
class element;
}

namespace sk {

// Strict, typed reading of one JSON object, for records and mutation arguments that come
// over the wire. Every getter checks the exact JSON type (a string where an integer belongs
// is an error, not a conversion), the range or format, and on failure returns an Error whose
// code is "validation.missing_field" or "validation.invalid_field", whose detail is the
// field's full path ("lines[2].quantity", "billing_address.country_code") and whose message
// names the field and the bad value. A reader for a nested object or array element carries
// its path prefix, so errors found deep inside a document still point at the exact field.
//
// Conventions: a field that is absent and one that is JSON null mean the same thing — "no
// value". required*() getters reject both (missing_field); optional*() getters return an
// empty/nullopt value and *Or() getters their fallback. Single-line strings are trimmed and
// may not contain control characters; text (multi-line) strings are kept verbatim and may
// contain line breaks and tabs. Lengths count Unicode code points. Integers must be whole
// JSON numbers within ±kMaxInteger. Unknown keys are never looked at.
class JsonReader
{
public:
    // Every integer up to this magnitude is exact in an IEEE double, so no JSON library
    // between the server and a client can round it (2^53 is about 9.007e15).
    static constexpr qint64 kMaxInteger = 9'000'000'000'000'000;

    explicit JsonReader(QJsonObject object, QString path = {});
    // A reader straight over an object of a simdjson document, without a QJsonObject in
    // between (bulk downloads). The document must outlive this reader and every reader made
    // from it; the rules and errors are the same.
    explicit JsonReader(const simdjson::dom::element &object, QString path = {});

    // The object read (for a simdjson reader, a copy converted from the document).
    QJsonObject object() const;
    // The object as compact JSON text (for a simdjson reader, its keys in the document's order).
    QByteArray compactJson() const;
    // The key's string exactly as it is, unchecked; nullopt when absent, null or not a string.
    std::optional<QString> rawString(QStringView key) const;
    // Any simdjson value as the QJsonValue QJsonDocument would have parsed.
    static QJsonValue toJsonValue(const simdjson::dom::element &value);
    // "" for a document's root, "lines[2]" for the third element of "lines".
    const QString &path() const { return m_path; }
    // The full path of a key of this object: "title", "lines[2].quantity".
    QString pathOf(QStringView key) const;
    // The key is present and not null.
    bool has(QStringView key) const;
    // The key is there, even as null.
    bool contains(QStringView key) const;

    // Single-line strings: trimmed, no control characters, at most maxLength code points.
    // required: non-empty after trimming. optional: absent/null give a null QString; an
    // empty string is returned as it is.
    Result<QString> requiredString(QStringView key, qsizetype maxLength) const;
    Result<QString> optionalString(QStringView key, qsizetype maxLength) const;
    // Multi-line text (descriptions, notes): verbatim; control characters other than line
    // breaks and tabs are refused. Absent/null give a null QString.
    Result<QString> optionalText(QStringView key, qsizetype maxLength) const;

    // Record ids: canonical lower-case UUID text ("0190a4c2-7b1e-7c3d-8e4f-5a6b7c8d9e0f").
    Result<QString> requiredUuid(QStringView key) const;
    Result<QString> optionalUuid(QStringView key) const;
    // Every element a canonical UUID; absent/null give an empty list.
    Result<QStringList> uuidArray(QStringView key) const;

    // Formatted strings (each also trimmed and single-line):
    // a URL handle: 1..255 of [a-z0-9-];
    Result<QString> requiredHandle(QStringView key) const;
    // a SKU: at most 64 code points;
    Result<QString> optionalSku(QStringView key) const;
    // a barcode: at most 64 code points; a numeric one of GTIN length (8/12/13/14) must
    // pass Gtin::validate, so a mistyped EAN is caught while Code 128 labels pass;
    Result<QString> optionalBarcode(QStringView key) const;
    // an e-mail address: at most 254, one '@' with something before it and a dot inside
    // the domain, no spaces;
    Result<QString> optionalEmail(QStringView key) const;
    // a phone number: at most 32;
    Result<QString> optionalPhone(QStringView key) const;
    // ISO 3166-1 alpha-2: two upper-case letters, or "" (none);
    Result<QString> optionalCountryCode(QStringView key) const;
    // an active ISO 4217 code (Currency::fromCode).
    Result<QString> requiredCurrency(QStringView key) const;

    // Whole JSON numbers within [min, max] (and within ±kMaxInteger).
    Result<qint64> requiredInt(QStringView key, qint64 min = -kMaxInteger, qint64 max = kMaxInteger) const;
    Result<std::optional<qint64>> optionalInt(QStringView key, qint64 min = -kMaxInteger,
                                              qint64 max = kMaxInteger) const;
    Result<qint64> intOr(QStringView key, qint64 fallback, qint64 min = -kMaxInteger,
                         qint64 max = kMaxInteger) const;
    // Finite JSON numbers within [min, max].
    Result<std::optional<double>> optionalDouble(QStringView key, double min, double max) const;

    // JSON true/false only (not 0/1, not "true").
    Result<bool> requiredBool(QStringView key) const;
    Result<bool> boolOr(QStringView key, bool fallback) const;

    // An enum's toString() text, exactly (fromString<E>).
    template <typename E>
    Result<E> requiredEnum(QStringView key) const;
    template <typename E>
    Result<E> enumOr(QStringView key, E fallback) const;

    // A nested object, as a reader whose path is this one's plus the key.
    Result<JsonReader> object(QStringView key) const;
    Result<std::optional<JsonReader>> optionalObject(QStringView key) const;
    // An array whose elements must all be objects, as readers with paths "key[i]";
    // absent/null give an empty list.
    Result<QList<JsonReader>> objectArray(QStringView key) const;
    // Any array; absent/null give an empty array.
    Result<QJsonArray> array(QStringView key) const;

    // Errors in the same shape as the getters', for checks the caller makes itself
    // (cross-field rules, references between records).
    Error missingField(QStringView key) const;
    Error invalidField(QStringView key, const QString &message) const;

    // Canonical lower-case UUID text: QUuid parses it, it is not the nil UUID, and
    // QUuid renders it back to the same text.
    static bool isCanonicalUuid(QStringView text);
    // A JSON value for a message: the string “abc”, the number 1.5, null, an array...
    static QString describe(const QJsonValue &value);

private:
    // A present value. A simdjson reader's strings stay plain QStrings: as a QJsonValue each
    // would be copied twice more, and records are mostly strings.
    struct Field
    {
        QJsonValue json; // unless isText
        QString text;
        bool isText = false;
        QJsonValue asJson() const { return isText ? QJsonValue(text) : json; }
    };
    // The value when present and not null; nullopt otherwise.
    std::optional<Field> present(QStringView key) const;
    Result<QString> stringValue(QStringView key, const Field &value) const;
    Result<QString> checkLine(QStringView key, QString text, qsizetype maxLength, bool required) const;
    Result<qint64> integerValue(QStringView key, const Field &field, qint64 min, qint64 max) const;
    Result<std::optional<QString>> enumText(QStringView key, bool required) const;
    Error badEnum(QStringView key, const QString &text, const QStringList &allowed) const;

    template <typename E>
    static QStringList enumNames();

    // The simdjson element this reader reads, when it is one (see m_native).
    simdjson::dom::element native() const;
    std::optional<simdjson::dom::element> nativeMember(QStringView key) const;

    QJsonObject m_object;
    QString m_path;
    // A simdjson::dom::element (a document pointer and a tape index: trivially copyable) held
    // by value: readers are made per order line, and a heap copy each would cost more than
    // reading the line. jsonreader.cpp checks the size and layout.
    alignas(8) std::byte m_native[16] = {};
    bool m_isNative = false;
};

template <typename E>
QStringList JsonReader::enumNames()
{
    QStringList names;
    names.reserve(enumCount<E>());
    for (int i = 0; i < enumCount<E>(); ++i)
        names.append(toString(E(i)));
    return names;
}

template <typename E>
Result<E> JsonReader::requiredEnum(QStringView key) const
{
    SK_TRY_ASSIGN(text, enumText(key, true));
    if (const std::optional<E> value = fromString<E>(*text))
        return *value;
    return badEnum(key, *text, enumNames<E>());
}

template <typename E>
Result<E> JsonReader::enumOr(QStringView key, E fallback) const
{
    SK_TRY_ASSIGN(text, enumText(key, false));
    if (!text)
        return fallback;
    if (const std::optional<E> value = fromString<E>(*text))
        return *value;
    return badEnum(key, *text, enumNames<E>());
}

} // namespace sk

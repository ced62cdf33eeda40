#include "gtin.h"

#include <QCoreApplication>

#include <algorithm>

namespace sk {

namespace {

bool allDigits(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

bool isGtinLength(qsizetype n)
{
    return n == 8 || n == 12 || n == 13 || n == 14;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("sk::Gtin", text);
}

} // namespace

int Gtin::checkDigit(QStringView body)
{
    if (body.isEmpty() || !allDigits(body))
        return -1;
    // Weights alternate 3, 1, 3 ... starting from the digit next to the check digit,
    // which makes every GTIN length share one rule.
    int sum = 0;
    int weight = 3;
    for (qsizetype i = body.size() - 1; i >= 0; --i) {
        sum += (body.at(i).unicode() - u'0') * weight;
        weight = 4 - weight;
    }
    return (10 - sum % 10) % 10;
}

Result<Gtin::Kind> Gtin::validate(QStringView barcode)
{
    const QString text = barcode.toString();
    if (barcode.isEmpty() || !allDigits(barcode)) {
        return makeError(QStringLiteral("gtin.not_numeric"),
                         tr("\u201C%1\u201D is not a GTIN: a GTIN has only digits.").arg(text));
    }
    if (!isGtinLength(barcode.size())) {
        return makeError(QStringLiteral("gtin.length"),
                         tr("\u201C%1\u201D has %2 digits; a GTIN has 8, 12, 13 or 14.").arg(text).arg(barcode.size()));
    }
    const int expected = checkDigit(barcode.first(barcode.size() - 1));
    const int actual = barcode.back().unicode() - u'0';
    if (expected != actual) {
        return makeError(QStringLiteral("gtin.check_digit"),
                         tr("\u201C%1\u201D has check digit %2, but it should be %3.").arg(text).arg(actual).arg(expected));
    }
    switch (barcode.size()) {
    case 8:
        return Kind::Ean8;
    case 12:
        return Kind::UpcA;
    case 13:
        return Kind::Ean13;
    default:
        return Kind::Gtin14;
    }
}

bool Gtin::isNumericGtinCandidate(QStringView barcode)
{
    return isGtinLength(barcode.size()) && allDigits(barcode);
}

QString Gtin::withCheckDigit(QStringView body)
{
    const int check = checkDigit(body);
    if (check < 0)
        return {};
    return body.toString() + QChar(char16_t(u'0' + check));
}

} // namespace sk

#include "currency.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>

namespace sk {

namespace {

struct CurrencyInfo
{
    char code[4];
    int exponent;
    const char16_t *symbol; // nullptr: no well-known symbol, show the code
};

// Active ISO 4217 codes (list one, 2024, funds codes included) with their minor units.
// Codes whose minor unit is "N.A." (precious metals, XDR, XSU, XUA, XTS, XXX) are left out:
// they are not prices a shop charges. Keep sorted: lookups binary-search it.
constexpr CurrencyInfo kCurrencies[] = {
    {"AED", 2, nullptr}, {"AFN", 2, nullptr}, {"ALL", 2, nullptr}, {"AMD", 2, nullptr},
    {"ANG", 2, nullptr}, {"AOA", 2, nullptr}, {"ARS", 2, nullptr}, {"AUD", 2, u"A$"},
    {"AWG", 2, nullptr}, {"AZN", 2, nullptr}, {"BAM", 2, nullptr}, {"BBD", 2, nullptr},
    {"BDT", 2, nullptr}, {"BGN", 2, nullptr}, {"BHD", 3, nullptr}, {"BIF", 0, nullptr},
    {"BMD", 2, nullptr}, {"BND", 2, nullptr}, {"BOB", 2, nullptr}, {"BOV", 2, nullptr},
    {"BRL", 2, u"R$"},   {"BSD", 2, nullptr}, {"BTN", 2, nullptr}, {"BWP", 2, nullptr},
    {"BYN", 2, nullptr}, {"BZD", 2, nullptr}, {"CAD", 2, u"CA$"},  {"CDF", 2, nullptr},
    {"CHE", 2, nullptr}, {"CHF", 2, nullptr}, {"CHW", 2, nullptr}, {"CLF", 4, nullptr},
    {"CLP", 0, nullptr}, {"CNY", 2, u"CN\u00A5"}, {"COP", 2, nullptr}, {"COU", 2, nullptr},
    {"CRC", 2, nullptr}, {"CUC", 2, nullptr}, {"CUP", 2, nullptr}, {"CVE", 2, nullptr},
    {"CZK", 2, nullptr}, {"DJF", 0, nullptr}, {"DKK", 2, nullptr}, {"DOP", 2, nullptr},
    {"DZD", 2, nullptr}, {"EGP", 2, nullptr}, {"ERN", 2, nullptr}, {"ETB", 2, nullptr},
    {"EUR", 2, u"\u20AC"}, {"FJD", 2, nullptr}, {"FKP", 2, nullptr}, {"GBP", 2, u"\u00A3"},
    {"GEL", 2, nullptr}, {"GHS", 2, u"GH\u20B5"}, {"GIP", 2, nullptr}, {"GMD", 2, nullptr},
    {"GNF", 0, nullptr}, {"GTQ", 2, nullptr}, {"GYD", 2, nullptr}, {"HKD", 2, u"HK$"},
    {"HNL", 2, nullptr}, {"HTG", 2, nullptr}, {"HUF", 2, nullptr}, {"IDR", 2, nullptr},
    {"ILS", 2, u"\u20AA"}, {"INR", 2, u"\u20B9"}, {"IQD", 3, nullptr}, {"IRR", 2, nullptr},
    {"ISK", 0, nullptr}, {"JMD", 2, nullptr}, {"JOD", 3, nullptr}, {"JPY", 0, u"\u00A5"},
    {"KES", 2, u"KSh"},  {"KGS", 2, nullptr}, {"KHR", 2, nullptr}, {"KMF", 0, nullptr},
    {"KPW", 2, nullptr}, {"KRW", 0, u"\u20A9"}, {"KWD", 3, nullptr}, {"KYD", 2, nullptr},
    {"KZT", 2, nullptr}, {"LAK", 2, nullptr}, {"LBP", 2, nullptr}, {"LKR", 2, nullptr},
    {"LRD", 2, nullptr}, {"LSL", 2, nullptr}, {"LYD", 3, nullptr}, {"MAD", 2, nullptr},
    {"MDL", 2, nullptr}, {"MGA", 2, nullptr}, {"MKD", 2, nullptr}, {"MMK", 2, nullptr},
    {"MNT", 2, nullptr}, {"MOP", 2, nullptr}, {"MRU", 2, nullptr}, {"MUR", 2, nullptr},
    {"MVR", 2, nullptr}, {"MWK", 2, nullptr}, {"MXN", 2, u"MX$"},  {"MXV", 2, nullptr},
    {"MYR", 2, nullptr}, {"MZN", 2, nullptr}, {"NAD", 2, nullptr}, {"NGN", 2, u"\u20A6"},
    {"NIO", 2, nullptr}, {"NOK", 2, nullptr}, {"NPR", 2, nullptr}, {"NZD", 2, u"NZ$"},
    {"OMR", 3, nullptr}, {"PAB", 2, nullptr}, {"PEN", 2, nullptr}, {"PGK", 2, nullptr},
    {"PHP", 2, u"\u20B1"}, {"PKR", 2, nullptr}, {"PLN", 2, nullptr}, {"PYG", 0, nullptr},
    {"QAR", 2, nullptr}, {"RON", 2, nullptr}, {"RSD", 2, nullptr}, {"RUB", 2, u"\u20BD"},
    {"RWF", 0, nullptr}, {"SAR", 2, nullptr}, {"SBD", 2, nullptr}, {"SCR", 2, nullptr},
    {"SDG", 2, nullptr}, {"SEK", 2, nullptr}, {"SGD", 2, nullptr}, {"SHP", 2, nullptr},
    {"SLE", 2, nullptr}, {"SLL", 2, nullptr}, {"SOS", 2, nullptr}, {"SRD", 2, nullptr},
    {"SSP", 2, nullptr}, {"STN", 2, nullptr}, {"SVC", 2, nullptr}, {"SYP", 2, nullptr},
    {"SZL", 2, nullptr}, {"THB", 2, u"\u0E3F"}, {"TJS", 2, nullptr}, {"TMT", 2, nullptr},
    {"TND", 3, nullptr}, {"TOP", 2, nullptr}, {"TRY", 2, u"\u20BA"}, {"TTD", 2, nullptr},
    {"TWD", 2, u"NT$"},  {"TZS", 2, nullptr}, {"UAH", 2, u"\u20B4"}, {"UGX", 0, nullptr},
    {"USD", 2, u"$"},    {"USN", 2, nullptr}, {"UYI", 0, nullptr}, {"UYU", 2, nullptr},
    {"UYW", 4, nullptr}, {"UZS", 2, nullptr}, {"VED", 2, nullptr}, {"VES", 2, nullptr},
    {"VND", 0, u"\u20AB"}, {"VUV", 0, nullptr}, {"WST", 2, nullptr}, {"XAF", 0, u"FCFA"},
    {"XCD", 2, nullptr}, {"XCG", 2, nullptr}, {"XOF", 0, u"F\u00A0CFA"}, {"XPF", 0, nullptr},
    {"YER", 2, nullptr}, {"ZAR", 2, u"R"},    {"ZMW", 2, nullptr}, {"ZWG", 2, nullptr},
    {"ZWL", 2, nullptr},
};
constexpr int kCount = int(std::size(kCurrencies));

constexpr bool isSorted()
{
    for (int i = 1; i < kCount; ++i) {
        const auto &a = kCurrencies[i - 1].code;
        const auto &b = kCurrencies[i].code;
        if (!(a[0] < b[0] || (a[0] == b[0] && (a[1] < b[1] || (a[1] == b[1] && a[2] < b[2])))))
            return false;
    }
    return true;
}
static_assert(isSorted(), "kCurrencies must stay sorted by code");

QString tr(const char *text)
{
    return QCoreApplication::translate("sk::Currency", text);
}

} // namespace

Result<Currency> Currency::fromCode(QStringView code)
{
    const bool shapeOk = code.size() == 3
        && std::all_of(code.begin(), code.end(), [](QChar c) { return c >= u'A' && c <= u'Z'; });
    if (!shapeOk) {
        return makeError(QStringLiteral("currency.invalid"),
                         tr("\u201C%1\u201D is not a currency code: use three upper-case letters such as USD.")
                             .arg(code.toString()));
    }
    char key[4] = {char(code[0].unicode()), char(code[1].unicode()), char(code[2].unicode()), '\0'};
    const auto *end = std::end(kCurrencies);
    const auto *it = std::lower_bound(std::begin(kCurrencies), end, key,
                                      [](const CurrencyInfo &info, const char *k) { return std::strcmp(info.code, k) < 0; });
    if (it == end || std::strcmp(it->code, key) != 0) {
        return makeError(QStringLiteral("currency.unknown"),
                         tr("\u201C%1\u201D is not an active ISO 4217 currency code.").arg(code.toString()));
    }
    return Currency(int(it - std::begin(kCurrencies)));
}

QStringList Currency::allCodes()
{
    QStringList codes;
    codes.reserve(kCount);
    for (const auto &info : kCurrencies)
        codes.append(QLatin1String(info.code));
    return codes;
}

QString Currency::code() const
{
    return isValid() ? QString(QLatin1String(kCurrencies[m_index].code)) : QString();
}

int Currency::exponent() const
{
    return isValid() ? kCurrencies[m_index].exponent : 0;
}

QString Currency::symbol(const QLocale &locale) const
{
    if (!isValid())
        return {};
    const CurrencyInfo &info = kCurrencies[m_index];
    if (locale.currencySymbol(QLocale::CurrencyIsoCode) == QLatin1String(info.code)) {
        const QString own = locale.currencySymbol(QLocale::CurrencySymbol);
        if (!own.isEmpty())
            return own;
    }
    if (info.symbol)
        return QString::fromUtf16(info.symbol);
    return QString(QLatin1String(info.code));
}

} // namespace sk

#pragma once

#include "money/currency.h"
#include "util/result.h"

#include <QList>
#include <QLocale>
#include <QString>
#include <QStringView>

namespace sk {

// An amount of money: a whole number of minor units (cents, yen, fils) in one ISO 4217
// currency. There is no floating point anywhere in this class: arithmetic is checked
// integer arithmetic that reports overflow and currency mismatches as errors, rounding is
// explicit (half away from zero), and formatting/parsing work on the digits directly so a
// price never changes by a cent on its way to or from the screen.
class Money
{
public:
    Money() = default; // zero of an invalid currency; only for containers and QVariant
    Money(qint64 minorUnits, Currency currency) : m_minor(minorUnits), m_currency(currency) {}

    static Result<Money> fromMinor(qint64 minorUnits, QStringView currencyCode);

    qint64 minorUnits() const { return m_minor; }
    Currency currency() const { return m_currency; }
    bool isZero() const { return m_minor == 0; }
    bool isNegative() const { return m_minor < 0; }
    bool isPositive() const { return m_minor > 0; }

    // Checked arithmetic: "money.currency_mismatch" when the currencies differ,
    // "money.overflow" when the result does not fit in qint64 minor units.
    Result<Money> add(const Money &other) const;
    Result<Money> subtract(const Money &other) const;
    Result<Money> multiply(qint64 quantity) const;
    Result<Money> negated() const;

    // Three-way comparison of two amounts in the same currency (-1, 0, 1);
    // "money.currency_mismatch" otherwise, because 5 USD is neither more nor less than 5 EUR.
    Result<int> compare(const Money &other) const;

    // amount × basisPoints / 10000, rounded half away from zero (1 basis point = 0.01 %):
    // percentOf(1500) is 15 % of the amount.
    Result<Money> percentOf(qint64 basisPoints) const;
    // The amount changed by basisPoints / 100 percent, the new amount rounded half away from
    // zero: applyPercent(1000) raises a price by 10 %, applyPercent(-2500) takes 25 % off
    // (19.98 becomes 14.99, from 14.985).
    Result<Money> applyPercent(qint64 basisPoints) const;

    // Splits the amount in proportion to the ratios without losing a minor unit: the parts
    // always add up to the whole. Leftover units go to the parts with the largest remainders
    // (earlier parts first on ties). Ratios must be >= 0 with a positive sum.
    Result<QList<Money>> allocate(const QList<int> &ratios) const;

    // "$1,234.56", "1 234,56 €", "-¥1,000" ...: the locale's digits, grouping, decimal
    // separator and currency pattern (taken from QLocale::toCurrencyString), the currency's
    // exponent, and Currency::symbol(). Negative amounts are the locale's minus sign in front
    // of the positive form ("-$0.05", "-0,05 €"), never accounting brackets. A no-break space
    // separates a letter symbol from the digits ("KWD 1.000"), as CLDR's currency spacing
    // rule asks.
    QString format(const QLocale &locale) const;
    // Plain, locale-free text: "1234.56", "-0.05", "1000" (JPY), "1.234" (KWD).
    QString toDecimalString() const;

    // Reads what format() writes in the same locale, the plain decimal form ("-1234.5"),
    // with or without the currency's symbol or code, a leading/trailing minus or accounting
    // parentheses. The locale's reading wins when both apply ("1.234" is 1234 in de_DE).
    // Extra decimals are accepted only when they are zeros ("1000.00" JPY); anything that
    // would need rounding is "money.too_many_decimals". Other failures: "money.invalid"
    // and "money.overflow". Messages name the text.
    static Result<Money> parse(QStringView text, const Currency &currency, const QLocale &locale);

    // Equal means same currency and same amount.
    friend bool operator==(const Money &a, const Money &b)
    {
        return a.m_currency == b.m_currency && a.m_minor == b.m_minor;
    }
    friend bool operator!=(const Money &a, const Money &b) { return !(a == b); }
    // A total order for sorting and containers: by currency code, then amount. Mixed
    // currencies therefore group instead of comparing values; business rules use compare().
    friend bool operator<(const Money &a, const Money &b)
    {
        return a.m_currency != b.m_currency ? a.m_currency < b.m_currency : a.m_minor < b.m_minor;
    }
    friend bool operator>(const Money &a, const Money &b) { return b < a; }
    friend bool operator<=(const Money &a, const Money &b) { return !(b < a); }
    friend bool operator>=(const Money &a, const Money &b) { return !(a < b); }

private:
    Result<void> checkSameCurrency(const Money &other, const char *operation) const;

    qint64 m_minor = 0;
    Currency m_currency;
};

} // namespace sk

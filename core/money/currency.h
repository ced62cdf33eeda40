#pragma once

#include "util/result.h"

#include <QLocale>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <compare>

namespace sk {

// An active ISO 4217 currency and its minor-unit exponent (JPY 0, EUR 2, KWD 3, CLF 4).
// A Currency is an index into a built-in table, so it is cheap to copy and compare; the
// only way to get a valid one is fromCode(). A default-constructed Currency is invalid
// (empty code) and exists only so that Money can live in containers and QVariant.
class Currency
{
public:
    Currency() = default;

    // Accepts exactly three upper-case letters naming an active ISO 4217 currency.
    static Result<Currency> fromCode(QStringView code);
    // Every supported code, sorted.
    static QStringList allCodes();

    bool isValid() const { return m_index >= 0; }
    QString code() const;
    // Number of decimal digits in the minor unit: amounts are stored as value × 10^exponent.
    int exponent() const;
    // The locale's own symbol when the locale's currency is this one (￥ in ja_JP),
    // otherwise a well-known symbol ($, €, £, ₦, ₹, CA$ ...), otherwise the ISO code.
    QString symbol(const QLocale &locale) const;

    friend bool operator==(const Currency &, const Currency &) = default;
    // Alphabetical by code (the table is sorted), invalid first.
    friend auto operator<=>(const Currency &, const Currency &) = default;

private:
    explicit Currency(int index) : m_index(index) {}
    int m_index = -1;
};

} // namespace sk

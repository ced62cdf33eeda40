#include "money.h"

#include <QCoreApplication>
#include <QHash>
#include <QtNumeric>

#include <algorithm>
#include <limits>
#include <numeric>
#include <optional>

namespace sk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sk::Money", text);
}

constexpr char16_t kSymbolMark = u'\uE000'; // private-use placeholders inside cached patterns
constexpr char16_t kDigitsMark = u'\uE001';

constexpr quint64 kPow10[] = {1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull, 100000000ull};

Error overflowError(const QString &what)
{
    return makeError(QStringLiteral("money.overflow"),
                     QCoreApplication::translate("sk::Money", "The amount %1 is too large to store.").arg(what));
}

// How a locale writes numbers and currency amounts, derived once per locale. Grouping is
// measured instead of taken from QLocale::toString because Qt 6.4 groups wrongly in locales
// with two minimum grouping digits (es_ES writes 1234567 as "1234.567").
struct NumberStyle
{
    char16_t zero = u'0';
    QString decimal;
    QString group;
    bool groupWhenFormatting = true;
    int primary = 3;   // size of the rightmost group
    int secondary = 3; // size of the groups left of it (2 in en_IN)
    int minGroup = 1;  // a number needs primary + minGroup digits before it is grouped
    QString positive;  // currency patterns with kSymbolMark and kDigitsMark
    QString negative;  // the locale's minus sign, then the positive pattern
};

QString currencyPattern(const QLocale &locale, const QString &oneText)
{
    QString pattern = locale.toCurrencyString(qlonglong(1), QString(QChar(kSymbolMark)));
    const qsizetype at = pattern.indexOf(oneText);
    if (at < 0 || !pattern.contains(QChar(kSymbolMark)))
        return {};
    pattern.replace(at, oneText.size(), QChar(kDigitsMark));
    return pattern;
}

NumberStyle measureStyle(const QLocale &locale)
{
    NumberStyle style;
    const QString zero = locale.zeroDigit();
    if (zero.size() == 1) // native digits outside the BMP are written as ASCII digits
        style.zero = zero.at(0).unicode();
    style.decimal = locale.decimalPoint();
    style.groupWhenFormatting = !(locale.numberOptions() & QLocale::OmitGroupSeparator);

    QLocale grouped = locale;
    grouped.setNumberOptions(locale.numberOptions() & ~QLocale::NumberOptions(QLocale::OmitGroupSeparator));
    const auto isDigit = [&](QChar c) {
        return (c >= u'0' && c <= u'9') || (c.unicode() >= style.zero && c.unicode() <= style.zero + 9);
    };
    // Group sizes from the right of an 18-digit number; Qt's top-group bug leaves these intact.
    const QString big = grouped.toString(qulonglong(123456789012345678ull));
    QList<int> sizes;
    int run = 0;
    for (qsizetype i = big.size() - 1; i >= 0; --i) {
        if (isDigit(big.at(i))) {
            ++run;
        } else if (run > 0) {
            sizes.append(run);
            run = 0;
        }
    }
    if (sizes.isEmpty()) {
        style.group.clear();
    } else {
        style.group = locale.groupSeparator();
        style.primary = sizes.at(0);
        style.secondary = sizes.size() > 1 ? sizes.at(1) : sizes.at(0);
        for (int digits = style.primary + 1; digits <= style.primary + 4 && digits <= int(std::size(kPow10)); ++digits) {
            const QString text = grouped.toString(qulonglong(kPow10[digits - 1]));
            if (!std::all_of(text.begin(), text.end(), isDigit)) {
                style.minGroup = digits - style.primary;
                break;
            }
        }
    }

    const QString oneText = locale.toString(qlonglong(1));
    style.positive = currencyPattern(locale, oneText);
    if (style.positive.isEmpty())
        style.positive = QString(QChar(kSymbolMark)) + QChar(kDigitsMark);
    // Always a leading minus, never CLDR's accounting brackets: staff read "($0.05)" as a
    // note, not as a refund.
    style.negative = locale.negativeSign() + style.positive;
    return style;
}

const NumberStyle &styleFor(const QLocale &locale)
{
    // Per thread, so formatting from a worker needs no lock; a handful of locales at most.
    thread_local QHash<QLocale, NumberStyle> cache;
    auto it = cache.constFind(locale);
    if (it == cache.constEnd()) {
        if (cache.size() > 32)
            cache.clear();
        it = cache.insert(locale, measureStyle(locale));
    }
    return *it;
}

// ASCII integer digits with `separator` inserted the way the style groups them.
QString groupDigits(const QString &digits, const NumberStyle &style, const QString &separator)
{
    const qsizetype n = digits.size();
    if (separator.isEmpty() || n < style.primary + style.minGroup)
        return digits;
    QList<qsizetype> cuts; // positions (from the left) where a separator goes
    qsizetype pos = n - style.primary;
    while (pos > 0) {
        cuts.prepend(pos);
        pos -= style.secondary;
    }
    QString out;
    out.reserve(n + cuts.size() * separator.size());
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        out += QStringView(digits).sliced(from, cut - from);
        out += separator;
        from = cut;
    }
    out += QStringView(digits).sliced(from);
    return out;
}

QString toNativeDigits(QString ascii, char16_t zero)
{
    if (zero == u'0')
        return ascii;
    for (QChar &c : ascii) {
        if (c >= u'0' && c <= u'9')
            c = QChar(char16_t(zero + (c.unicode() - u'0')));
    }
    return ascii;
}

quint64 magnitude(qint64 v)
{
    return v < 0 ? quint64(0) - quint64(v) : quint64(v);
}

// Integer and fraction digits of an amount in plain ASCII.
struct Digits
{
    QString integer;
    QString fraction;
};

Digits splitDigits(qint64 minor, int exponent)
{
    const quint64 mag = magnitude(minor);
    const quint64 scale = kPow10[exponent];
    Digits d;
    d.integer = QString::number(mag / scale);
    if (exponent > 0)
        d.fraction = QString::number(mag % scale).rightJustified(exponent, u'0');
    return d;
}

bool isBidiMark(QChar c)
{
    const char16_t u = c.unicode();
    return u == 0x200E || u == 0x200F || u == 0x061C || (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
}

QString withoutBidiMarks(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (!isBidiMark(c))
            out.append(c);
    }
    return out;
}

bool isMinus(QChar c)
{
    return c == u'-' || c == u'\u2212';
}

// How a number body is spelled: the locale's separators, or the plain decimal form.
struct Syntax
{
    QString decimal;
    QString group; // empty: no grouping accepted
    char16_t zero = u'0';
    const NumberStyle *style = nullptr;
};

enum class ReadFailure { Invalid, TooManyDecimals, Overflow };

struct ReadResult
{
    bool ok = false;
    ReadFailure failure = ReadFailure::Invalid;
    quint64 magnitude = 0;
};

ReadResult fail(ReadFailure f)
{
    ReadResult r;
    r.failure = f;
    return r;
}

ReadResult readNumber(QStringView body, const Syntax &syntax, int exponent, bool negative)
{
    constexpr QChar kSep = u'\x01';
    QString integer;  // ASCII digits with kSep where the text had a group separator
    QString fraction; // ASCII digits
    bool afterDecimal = false;
    bool sawGroup = false;
    const bool spaceGroup = !syntax.group.isEmpty() && syntax.group.at(0).isSpace();
    const bool quoteGroup = syntax.group == QStringView(u"\u2019");

    for (qsizetype i = 0; i < body.size();) {
        const QChar c = body.at(i);
        int digit = -1;
        if (c >= u'0' && c <= u'9')
            digit = c.unicode() - u'0';
        else if (syntax.zero != u'0' && c.unicode() >= syntax.zero && c.unicode() <= syntax.zero + 9)
            digit = c.unicode() - syntax.zero;
        if (digit >= 0) {
            (afterDecimal ? fraction : integer).append(QChar(char16_t(u'0' + digit)));
            ++i;
            continue;
        }
        if (!syntax.decimal.isEmpty() && body.sliced(i).startsWith(syntax.decimal)) {
            if (afterDecimal)
                return fail(ReadFailure::Invalid);
            afterDecimal = true;
            i += syntax.decimal.size();
            continue;
        }
        if (!syntax.group.isEmpty() && !afterDecimal) {
            if (body.sliced(i).startsWith(syntax.group)) {
                integer.append(kSep);
                sawGroup = true;
                i += syntax.group.size();
                continue;
            }
            if ((spaceGroup && c.isSpace()) || (quoteGroup && c == u'\'')) {
                integer.append(kSep);
                sawGroup = true;
                ++i;
                continue;
            }
        }
        return fail(ReadFailure::Invalid);
    }

    QString plainInteger = integer;
    plainInteger.remove(kSep);
    if (plainInteger.isEmpty() && fraction.isEmpty())
        return fail(ReadFailure::Invalid);
    if (sawGroup) {
        // Separators must sit where the locale puts them (or every three digits):
        // "12.34,5" in de_DE is a typo, not 1234.5.
        NumberStyle western = *syntax.style;
        western.primary = western.secondary = 3;
        western.minGroup = 1;
        const QString sep(kSep);
        if (integer != groupDigits(plainInteger, *syntax.style, sep) && integer != groupDigits(plainInteger, western, sep))
            return fail(ReadFailure::Invalid);
    }

    if (fraction.size() > exponent) {
        const QStringView extra = QStringView(fraction).sliced(exponent);
        if (!std::all_of(extra.begin(), extra.end(), [](QChar c) { return c == u'0'; }))
            return fail(ReadFailure::TooManyDecimals);
        fraction.truncate(exponent);
    }
    fraction = fraction.leftJustified(exponent, u'0');

    quint64 value = 0;
    for (QChar c : plainInteger + fraction) {
        if (qMulOverflow(value, quint64(10), &value) || qAddOverflow(value, quint64(c.unicode() - u'0'), &value))
            return fail(ReadFailure::Overflow);
    }
    const quint64 limit = negative ? quint64(std::numeric_limits<qint64>::max()) + 1
                                   : quint64(std::numeric_limits<qint64>::max());
    if (value > limit)
        return fail(ReadFailure::Overflow);
    ReadResult ok;
    ok.ok = true;
    ok.magnitude = value;
    return ok;
}

} // namespace

Result<Money> Money::fromMinor(qint64 minorUnits, QStringView currencyCode)
{
    SK_TRY_ASSIGN(currency, Currency::fromCode(currencyCode));
    return Money(minorUnits, currency);
}

Result<void> Money::checkSameCurrency(const Money &other, const char *operation) const
{
    if (!m_currency.isValid() || !other.m_currency.isValid()) {
        return makeError(QStringLiteral("money.invalid_currency"),
                         tr("Cannot %1 an amount without a currency.").arg(QLatin1String(operation)));
    }
    if (m_currency != other.m_currency) {
        return makeError(QStringLiteral("money.currency_mismatch"),
                         tr("Cannot %1 %2 %3 and %4 %5: the currencies differ.")
                             .arg(QLatin1String(operation), toDecimalString(), m_currency.code(),
                                  other.toDecimalString(), other.m_currency.code()));
    }
    return {};
}

Result<Money> Money::add(const Money &other) const
{
    SK_TRY(checkSameCurrency(other, "add"));
    qint64 sum = 0;
    if (qAddOverflow(m_minor, other.m_minor, &sum))
        return overflowError(toDecimalString() + QStringLiteral(" + ") + other.toDecimalString());
    return Money(sum, m_currency);
}

Result<Money> Money::subtract(const Money &other) const
{
    SK_TRY(checkSameCurrency(other, "subtract"));
    qint64 difference = 0;
    if (qSubOverflow(m_minor, other.m_minor, &difference))
        return overflowError(toDecimalString() + QStringLiteral(" \u2212 ") + other.toDecimalString());
    return Money(difference, m_currency);
}

Result<Money> Money::multiply(qint64 quantity) const
{
    qint64 product = 0;
    if (qMulOverflow(m_minor, quantity, &product))
        return overflowError(toDecimalString() + QStringLiteral(" \u00D7 ") + QString::number(quantity));
    return Money(product, m_currency);
}

Result<Money> Money::negated() const
{
    if (m_minor == std::numeric_limits<qint64>::min())
        return overflowError(QStringLiteral("\u2212(") + toDecimalString() + QLatin1Char(')'));
    return Money(-m_minor, m_currency);
}

Result<int> Money::compare(const Money &other) const
{
    SK_TRY(checkSameCurrency(other, "compare"));
    return m_minor < other.m_minor ? -1 : (m_minor > other.m_minor ? 1 : 0);
}

namespace {

// Exact a × b / d without a 128-bit type (MSVC has none): the product is formed in two
// 64-bit halves and divided by shift-and-subtract, so no intermediate can wrap.
struct WideQuotient
{
    quint64 quotient = 0;
    quint64 remainder = 0;
    bool overflow = false; // the quotient needs more than 64 bits
};

WideQuotient mulDiv(quint64 a, quint64 b, quint64 d)
{
    WideQuotient r;
    quint64 product = 0;
    if (!qMulOverflow(a, b, &product)) { // the common case: one multiply, one divide
        r.quotient = product / d;
        r.remainder = product % d;
        return r;
    }
    constexpr quint64 kLow32 = 0xFFFFFFFFull;
    const quint64 aLo = a & kLow32, aHi = a >> 32, bLo = b & kLow32, bHi = b >> 32;
    const quint64 p0 = aLo * bLo, p1 = aLo * bHi, p2 = aHi * bLo, p3 = aHi * bHi;
    const quint64 mid = (p0 >> 32) + (p1 & kLow32) + (p2 & kLow32);
    const quint64 lo = (p0 & kLow32) | (mid << 32);
    const quint64 hi = p3 + (p1 >> 32) + (p2 >> 32) + (mid >> 32);
    if (hi >= d) {
        r.overflow = true;
        return r;
    }
    quint64 rem = hi;
    quint64 q = 0;
    for (int bit = 63; bit >= 0; --bit) {
        const bool carry = (rem >> 63) != 0; // rem << 1 would lose a bit: it is then surely >= d
        rem = (rem << 1) | ((lo >> bit) & 1u);
        q <<= 1;
        if (carry || rem >= d) {
            rem -= d;
            q |= 1u;
        }
    }
    r.quotient = q;
    r.remainder = rem;
    return r;
}

// The qint64 with sign `negative` and magnitude `mag`; nullopt when it does not fit.
std::optional<qint64> signedFromMagnitude(quint64 mag, bool negative)
{
    constexpr quint64 kMaxPositive = quint64(std::numeric_limits<qint64>::max());
    if (mag > kMaxPositive + (negative ? 1u : 0u))
        return std::nullopt;
    return negative ? qint64(quint64(0) - mag) : qint64(mag);
}

// a × b / 10000, rounded half away from zero; nullopt when it does not fit in qint64.
// bNegative and bMagnitude carry b apart so that applyPercent's 10000 + basisPoints cannot wrap.
std::optional<qint64> scaleByBasisPoints(qint64 a, bool bNegative, quint64 bMagnitude)
{
    WideQuotient scaled = mulDiv(magnitude(a), bMagnitude, 10000);
    if (scaled.overflow)
        return std::nullopt;
    if (scaled.remainder >= 5000 && qAddOverflow(scaled.quotient, quint64(1), &scaled.quotient))
        return std::nullopt;
    return signedFromMagnitude(scaled.quotient, (a < 0) != bNegative && scaled.quotient != 0);
}

} // namespace

Result<Money> Money::percentOf(qint64 basisPoints) const
{
    const auto scaled = scaleByBasisPoints(m_minor, basisPoints < 0, magnitude(basisPoints));
    if (!scaled)
        return overflowError(toDecimalString() + QStringLiteral(" \u00D7 ") + QString::number(basisPoints) + QStringLiteral(" bp"));
    return Money(*scaled, m_currency);
}

Result<Money> Money::applyPercent(qint64 basisPoints) const
{
    // Round the new price, not the change: 19.98 − 25 % = 14.985 becomes 14.99.
    // 10000 + basisPoints as sign and magnitude: it may not fit in qint64, it does in quint64.
    const bool factorNegative = basisPoints < -10000;
    quint64 factor = 0;
    if (factorNegative)
        factor = magnitude(basisPoints) - 10000u;
    else if (basisPoints < 0)
        factor = quint64(basisPoints + 10000);
    else
        factor = quint64(basisPoints) + 10000u;
    const auto scaled = scaleByBasisPoints(m_minor, factorNegative, factor);
    if (!scaled)
        return overflowError(toDecimalString() + QStringLiteral(" + ") + QString::number(basisPoints) + QStringLiteral(" bp"));
    return Money(*scaled, m_currency);
}

Result<QList<Money>> Money::allocate(const QList<int> &ratios) const
{
    qint64 total = 0;
    for (int r : ratios) {
        if (r < 0) {
            return makeError(QStringLiteral("money.invalid_ratios"),
                             tr("Cannot split an amount by a negative share (%1).").arg(r));
        }
        total += r;
    }
    if (total == 0) {
        return makeError(QStringLiteral("money.invalid_ratios"),
                         tr("Cannot split an amount when no share is larger than zero."));
    }

    const qsizetype n = ratios.size();
    QList<Money> parts;
    parts.reserve(n);
    QList<quint64> remainders(n);
    const quint64 whole = magnitude(m_minor);
    const bool negative = m_minor < 0;
    qint64 allocated = 0; // |allocated| <= |m_minor|: the shares are floors of fractions of it
    for (qsizetype i = 0; i < n; ++i) {
        // ratio <= total, so the share's magnitude is at most |m_minor| and the quotient fits.
        const WideQuotient share = mulDiv(whole, quint64(ratios.at(i)), quint64(total));
        remainders[i] = share.remainder;
        const qint64 signedShare = negative ? qint64(quint64(0) - share.quotient) : qint64(share.quotient);
        allocated += signedShare;
        parts.append(Money(signedShare, m_currency));
    }
    // |leftover| < n: hand it out one unit at a time, largest remainders first.
    qint64 leftover = m_minor - allocated;
    const qint64 step = leftover < 0 ? -1 : 1;
    QList<qsizetype> order(n);
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return remainders[a] > remainders[b]; });
    for (qsizetype k = 0; leftover != 0; ++k) {
        Money &part = parts[order.at(k % n)];
        part = Money(part.m_minor + step, m_currency);
        leftover -= step;
    }
    return parts;
}

QString Money::format(const QLocale &locale) const
{
    const NumberStyle &style = styleFor(locale);
    const Digits digits = splitDigits(m_minor, m_currency.exponent());
    QString number = groupDigits(digits.integer, style, style.groupWhenFormatting ? style.group : QString());
    number = toNativeDigits(std::move(number), style.zero);
    if (!digits.fraction.isEmpty())
        number += style.decimal + toNativeDigits(digits.fraction, style.zero);

    QString symbol = m_currency.symbol(locale);
    const QString &pattern = m_minor < 0 ? style.negative : style.positive;
    const qsizetype symbolAt = pattern.indexOf(QChar(kSymbolMark));
    const qsizetype digitsAt = pattern.indexOf(QChar(kDigitsMark));
    // CLDR currency spacing: a symbol ending in a letter does not touch the digits, nor the
    // minus right before them ("KWD 1.000", "R -5" in hi_IN's "SYM-1" pattern).
    const auto onlySigns = [&](qsizetype from, qsizetype to) {
        return std::all_of(pattern.begin() + from, pattern.begin() + to, isMinus);
    };
    if (!symbol.isEmpty()) {
        if (symbolAt < digitsAt && onlySigns(symbolAt + 1, digitsAt) && symbol.back().isLetter())
            symbol.append(QChar(u'\u00A0'));
        else if (digitsAt + 1 == symbolAt && symbol.front().isLetter())
            symbol.prepend(QChar(u'\u00A0'));
    }
    QString out = pattern;
    out.replace(QChar(kDigitsMark), number);
    out.replace(QChar(kSymbolMark), symbol);
    return symbol.isEmpty() ? out.trimmed() : out;
}

QString Money::toDecimalString() const
{
    const Digits digits = splitDigits(m_minor, m_currency.exponent());
    QString out = m_minor < 0 ? QStringLiteral("-") : QString();
    out += digits.integer;
    if (!digits.fraction.isEmpty())
        out += QLatin1Char('.') + digits.fraction;
    return out;
}

Result<Money> Money::parse(QStringView text, const Currency &currency, const QLocale &locale)
{
    const QString original = text.toString();
    if (!currency.isValid()) {
        return makeError(QStringLiteral("money.invalid_currency"),
                         tr("Cannot read \u201C%1\u201D without a currency.").arg(original));
    }
    const auto invalid = [&] {
        return makeError(QStringLiteral("money.invalid"),
                         tr("\u201C%1\u201D is not an amount of %2.").arg(original, currency.code()));
    };

    QString s = withoutBidiMarks(text).trimmed();
    if (s.isEmpty())
        return invalid();

    QStringList symbols{withoutBidiMarks(currency.symbol(locale)), currency.code(),
                        withoutBidiMarks(currency.symbol(QLocale::c()))};
    symbols.removeAll(QString());
    symbols.removeDuplicates();
    std::sort(symbols.begin(), symbols.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });

    // Peel sign, parentheses and symbol off both ends, in whatever order the locale wrote them.
    bool minus = false;
    bool sawSign = false;
    bool parens = false;
    bool sawSymbol = false;
    for (bool changed = true; changed && !s.isEmpty();) {
        changed = false;
        s = s.trimmed();
        if (s.isEmpty())
            break;
        if (!parens && s.size() >= 2 && s.startsWith(u'(') && s.endsWith(u')')) {
            parens = changed = true;
            s = s.sliced(1, s.size() - 2);
            continue;
        }
        if (!sawSign && (isMinus(s.front()) || s.front() == u'+' || isMinus(s.back()))) {
            sawSign = changed = true;
            minus = s.front() != u'+';
            s = (isMinus(s.front()) || s.front() == u'+') ? s.sliced(1) : s.chopped(1);
            continue;
        }
        if (!sawSymbol) {
            for (const QString &symbol : std::as_const(symbols)) {
                if (s.startsWith(symbol)) {
                    s = s.sliced(symbol.size());
                } else if (s.endsWith(symbol)) {
                    s.chop(symbol.size());
                } else {
                    continue;
                }
                sawSymbol = changed = true;
                break;
            }
        }
    }
    s = s.trimmed();
    if (s.isEmpty() || (minus && parens))
        return invalid();
    const bool negative = minus || parens;

    const NumberStyle &style = styleFor(locale);
    const int exponent = currency.exponent();
    Syntax localeSyntax{style.decimal, style.group, style.zero, &style};
    Syntax plainSyntax{QStringLiteral("."), QString(), u'0', &style};
    ReadResult read = readNumber(s, localeSyntax, exponent, negative);
    if (!read.ok) {
        const ReadResult plain = readNumber(s, plainSyntax, exponent, negative);
        if (plain.ok || read.failure == ReadFailure::Invalid)
            read = plain;
    }
    if (!read.ok) {
        switch (read.failure) {
        case ReadFailure::TooManyDecimals:
            return makeError(QStringLiteral("money.too_many_decimals"),
                             tr("\u201C%1\u201D has more decimals than %2 allows (%3).")
                                 .arg(original, currency.code())
                                 .arg(exponent));
        case ReadFailure::Overflow:
            return makeError(QStringLiteral("money.overflow"),
                             tr("\u201C%1\u201D is too large an amount to store.").arg(original));
        case ReadFailure::Invalid:
            break;
        }
        return invalid();
    }
    const qint64 minor = negative ? qint64(quint64(0) - read.magnitude) : qint64(read.magnitude);
    return Money(minor, currency);
}

} // namespace sk

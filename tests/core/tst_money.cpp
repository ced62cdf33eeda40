#include "money/money.h"
#include "testsupport.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTest>
#include <QtNumeric>

#include <limits>

using namespace sk;
using namespace Qt::StringLiterals;

namespace sk {
// Readable QCOMPARE failures: "12.34 USD".
char *toString(const Money &money)
{
    return QTest::toString(money.toDecimalString() + u' ' + money.currency().code());
}
} // namespace sk

namespace {

constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();
constexpr int kIntMax = std::numeric_limits<int>::max();

Currency cur(const char *code)
{
    return Currency::fromCode(QString::fromLatin1(code)).value();
}

Money money(qint64 minor, const char *code)
{
    return Money(minor, cur(code));
}

// Shows invisible separators in failure messages: "1<U+202F>234".
QString visible(const QString &text)
{
    QString out;
    for (QChar c : text) {
        if (c.unicode() >= 0x20 && c.unicode() < 0x7F)
            out += c;
        else
            out += u"<U+"_s + QString::number(c.unicode(), 16).toUpper().rightJustified(4, u'0') + u'>';
    }
    return out;
}

} // namespace

class tst_Money : public QObject
{
    Q_OBJECT

private slots:
    void fromMinorNeedsAKnownCurrency()
    {
        const auto ok = Money::fromMinor(1250, u"EUR");
        SK_VERIFY_OK(ok);
        QCOMPARE(ok->minorUnits(), 1250);
        QCOMPARE(ok->currency().code(), u"EUR"_s);
        const auto bad = Money::fromMinor(1250, u"eur");
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, u"currency.invalid"_s);
        QVERIFY(bad.error().message.contains(u"eur"_s));
    }

    void signPredicates()
    {
        QVERIFY(money(0, "USD").isZero());
        QVERIFY(!money(0, "USD").isNegative());
        QVERIFY(!money(0, "USD").isPositive());
        QVERIFY(money(-1, "USD").isNegative());
        QVERIFY(money(1, "USD").isPositive());
        QVERIFY(!money(1, "USD").isZero());
    }

    // ---- arithmetic -------------------------------------------------------------------

    void addAndSubtractSameCurrency()
    {
        QCOMPARE(money(1999, "USD").add(money(1, "USD")).value(), money(2000, "USD"));
        QCOMPARE(money(1999, "USD").subtract(money(2000, "USD")).value(), money(-1, "USD"));
        QCOMPARE(money(kMax, "USD").subtract(money(kMax, "USD")).value(), money(0, "USD"));
        QCOMPARE(money(kMin, "USD").add(money(kMax, "USD")).value(), money(-1, "USD"));
    }

    void mixingCurrenciesIsAnError()
    {
        const auto sum = money(100, "USD").add(money(100, "EUR"));
        QVERIFY(!sum.ok());
        QCOMPARE(sum.error().code, u"money.currency_mismatch"_s);
        QVERIFY(sum.error().message.contains(u"USD"_s));
        QVERIFY(sum.error().message.contains(u"EUR"_s));
        QCOMPARE(money(1, "USD").subtract(money(1, "JPY")).error().code, u"money.currency_mismatch"_s);
        QCOMPARE(money(1, "USD").compare(money(1, "GBP")).error().code, u"money.currency_mismatch"_s);
        QCOMPARE(Money().add(Money()).error().code, u"money.invalid_currency"_s);
    }

    void overflowIsAnError_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<qint64>("a");
        QTest::addColumn<qint64>("b");
        QTest::newRow("max + 1") << u"add"_s << kMax << qint64(1);
        QTest::newRow("min + -1") << u"add"_s << kMin << qint64(-1);
        QTest::newRow("min - 1") << u"subtract"_s << kMin << qint64(1);
        QTest::newRow("max - -1") << u"subtract"_s << kMax << qint64(-1);
        QTest::newRow("0 - min") << u"subtract"_s << qint64(0) << kMin;
        QTest::newRow("max * 2") << u"multiply"_s << kMax << qint64(2);
        QTest::newRow("min * -1") << u"multiply"_s << kMin << qint64(-1);
        QTest::newRow("big * big") << u"multiply"_s << qint64(4294967296) << qint64(4294967296);
        QTest::newRow("-min") << u"negate"_s << kMin << qint64(0);
    }
    void overflowIsAnError()
    {
        QFETCH(QString, operation);
        QFETCH(qint64, a);
        QFETCH(qint64, b);
        const Money m = money(a, "USD");
        Result<Money> r = m;
        if (operation == u"add")
            r = m.add(money(b, "USD"));
        else if (operation == u"subtract")
            r = m.subtract(money(b, "USD"));
        else if (operation == u"multiply")
            r = m.multiply(b);
        else
            r = m.negated();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"money.overflow"_s);
    }

    void multiplyAndNegate()
    {
        QCOMPARE(money(1999, "USD").multiply(3).value(), money(5997, "USD"));
        QCOMPARE(money(1999, "USD").multiply(-2).value(), money(-3998, "USD"));
        QCOMPARE(money(1999, "USD").multiply(0).value(), money(0, "USD"));
        QCOMPARE(money(kMax, "USD").multiply(-1).value(), money(-kMax, "USD"));
        QCOMPARE(money(-5, "KWD").negated().value(), money(5, "KWD"));
        QCOMPARE(money(kMax, "KWD").negated().value(), money(kMin + 1, "KWD"));
    }

    void comparisons()
    {
        QCOMPARE(money(5, "USD").compare(money(6, "USD")).value(), -1);
        QCOMPARE(money(6, "USD").compare(money(6, "USD")).value(), 0);
        QCOMPARE(money(7, "USD").compare(money(6, "USD")).value(), 1);
        QCOMPARE(money(kMin, "USD").compare(money(kMax, "USD")).value(), -1);

        QVERIFY(money(5, "USD") == money(5, "USD"));
        QVERIFY(money(5, "USD") != money(6, "USD"));
        // Same digits, different currency: not equal.
        QVERIFY(money(5, "USD") != money(5, "EUR"));
        QVERIFY(!(money(5, "USD") == money(5, "EUR")));
        QVERIFY(money(5, "USD") < money(6, "USD"));
        QVERIFY(money(6, "USD") > money(5, "USD"));
        QVERIFY(money(5, "USD") <= money(5, "USD"));
        QVERIFY(money(5, "USD") >= money(5, "USD"));
        // Mixed currencies order by code first (EUR < USD), whatever the amounts.
        QVERIFY(money(1000000, "EUR") < money(1, "USD"));
        QVERIFY(money(1, "USD") > money(1000000, "EUR"));
    }

    // ---- percent ------------------------------------------------------------------------

    void percentOfRoundsHalfAwayFromZero_data()
    {
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<qint64>("basisPoints");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("15% of 10.00") << qint64(1000) << qint64(1500) << qint64(150);
        QTest::newRow("15% of 9.99 = 1.4985") << qint64(999) << qint64(1500) << qint64(150);
        QTest::newRow("50% of 0.01 = 0.005 up") << qint64(1) << qint64(5000) << qint64(1);
        QTest::newRow("50% of -0.01 = -0.005 down") << qint64(-1) << qint64(5000) << qint64(-1);
        QTest::newRow("49.99% of 0.01") << qint64(1) << qint64(4999) << qint64(0);
        QTest::newRow("49.99% of -0.01") << qint64(-1) << qint64(4999) << qint64(0);
        QTest::newRow("50% of 10.01 = 5.005") << qint64(1001) << qint64(5000) << qint64(501);
        QTest::newRow("50% of -10.01") << qint64(-1001) << qint64(5000) << qint64(-501);
        QTest::newRow("-10% of 123.45 = -12.345") << qint64(12345) << qint64(-1000) << qint64(-1235);
        QTest::newRow("2.5% of 3.00 = 0.075") << qint64(300) << qint64(250) << qint64(8);
        QTest::newRow("2.5% of 2.99 = 0.07475") << qint64(299) << qint64(250) << qint64(7);
        QTest::newRow("0%") << qint64(12345) << qint64(0) << qint64(0);
        QTest::newRow("100%") << qint64(12345) << qint64(10000) << qint64(12345);
        QTest::newRow("100% of max (exact wide math)") << kMax << qint64(10000) << kMax;
        QTest::newRow("100% of min") << kMin << qint64(10000) << kMin;
        QTest::newRow("1bp of max") << kMax << qint64(1) << qint64(922337203685478);
        // Products far beyond 64 bits, rounded exactly (expected values from arbitrary-precision arithmetic).
        QTest::newRow("99.99% of max") << kMax << qint64(9999) << qint64(9222449699651090329);
        QTest::newRow("-99.99% of min") << kMin << qint64(-9999) << qint64(9222449699651090330);
        QTest::newRow("99.99% of min") << kMin << qint64(9999) << qint64(-9222449699651090330);
        QTest::newRow("1bp of min") << kMin << qint64(1) << qint64(-922337203685478);
        QTest::newRow("-50% of max = -x.5 rounds away") << kMax << qint64(-5000) << qint64(-4611686018427387904);
    }
    void percentOfRoundsHalfAwayFromZero()
    {
        QFETCH(qint64, minor);
        QFETCH(qint64, basisPoints);
        QFETCH(qint64, expected);
        const auto r = money(minor, "USD").percentOf(basisPoints);
        SK_VERIFY_OK(r);
        QCOMPARE(r->minorUnits(), expected);
        QCOMPARE(r->currency(), cur("USD"));
    }

    void applyPercentForBulkPriceEdits_data()
    {
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<qint64>("basisPoints");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("+10% of 19.99 = 21.989") << qint64(1999) << qint64(1000) << qint64(2199);
        QTest::newRow("-25% of 19.99 = 14.9925") << qint64(1999) << qint64(-2500) << qint64(1499);
        QTest::newRow("-25% of 19.98 = 14.985") << qint64(1998) << qint64(-2500) << qint64(1499);
        QTest::newRow("-100% is free") << qint64(1999) << qint64(-10000) << qint64(0);
        QTest::newRow("+7.5% of 1000 JPY-like") << qint64(1000) << qint64(750) << qint64(1075);
        QTest::newRow("+0.01% of 0.50 = 0.50005") << qint64(50) << qint64(1) << qint64(50);
        QTest::newRow("+100% doubles") << qint64(1234) << qint64(10000) << qint64(2468);
        // 10000 + basisPoints itself leaves qint64 here.
        QTest::newRow("+max bp of 0.01") << qint64(1) << kMax << qint64(922337203685479);
        QTest::newRow("min bp of -0.01") << qint64(-1) << kMin << qint64(922337203685477);
    }
    void applyPercentForBulkPriceEdits()
    {
        QFETCH(qint64, minor);
        QFETCH(qint64, basisPoints);
        QFETCH(qint64, expected);
        const auto r = money(minor, "EUR").applyPercent(basisPoints);
        SK_VERIFY_OK(r);
        QCOMPARE(r.value(), money(expected, "EUR"));
    }

    void percentOverflowIsAnError()
    {
        QCOMPARE(money(kMax, "USD").percentOf(20000).error().code, u"money.overflow"_s);
        QCOMPARE(money(kMin, "USD").percentOf(-10000).error().code, u"money.overflow"_s);
        QCOMPARE(money(kMax, "USD").applyPercent(1).error().code, u"money.overflow"_s);
        QCOMPARE(money(kMax / 2 + 1, "USD").applyPercent(10000).error().code, u"money.overflow"_s);
    }

    // ---- allocation ---------------------------------------------------------------------

    void allocateSplitsWithoutLosingAUnit_data()
    {
        QTest::addColumn<qint64>("whole");
        QTest::addColumn<QList<int>>("ratios");
        QTest::addColumn<QList<qint64>>("parts");
        QTest::newRow("100 / 3") << qint64(100) << QList<int>{1, 1, 1} << QList<qint64>{34, 33, 33};
        QTest::newRow("-100 / 3") << qint64(-100) << QList<int>{1, 1, 1} << QList<qint64>{-34, -33, -33};
        QTest::newRow("5 by 3:7 (ties go first)") << qint64(5) << QList<int>{3, 7} << QList<qint64>{2, 3};
        QTest::newRow("largest remainder wins") << qint64(10) << QList<int>{1, 2, 4} << QList<qint64>{1, 3, 6};
        QTest::newRow("zero share gets nothing") << qint64(1000) << QList<int>{0, 1} << QList<qint64>{0, 1000};
        QTest::newRow("1 in 4") << qint64(1) << QList<int>{1, 1, 1, 1} << QList<qint64>{1, 0, 0, 0};
        QTest::newRow("zero") << qint64(0) << QList<int>{1, 2} << QList<qint64>{0, 0};
        QTest::newRow("single") << qint64(12345) << QList<int>{7} << QList<qint64>{12345};
        QTest::newRow("70/20/10 of 19.99") << qint64(1999) << QList<int>{70, 20, 10} << QList<qint64>{1399, 400, 200};
        QTest::newRow("max in halves") << kMax << QList<int>{1, 1} << QList<qint64>{kMax / 2 + 1, kMax / 2};
        QTest::newRow("min in halves") << kMin << QList<int>{1, 1} << QList<qint64>{kMin / 2, kMin / 2};
        // whole × ratio needs more than 64 bits; expected values from arbitrary-precision arithmetic.
        QTest::newRow("max by huge ratios") << kMax << QList<int>{kIntMax, kIntMax, kIntMax - 1}
                                            << QList<qint64>{3074457346095477191, 3074457346095477191, 3074457344663821425};
    }
    void allocateSplitsWithoutLosingAUnit()
    {
        QFETCH(qint64, whole);
        QFETCH(QList<int>, ratios);
        QFETCH(QList<qint64>, parts);
        const auto r = money(whole, "USD").allocate(ratios);
        SK_VERIFY_OK(r);
        QCOMPARE(r->size(), parts.size());
        for (qsizetype i = 0; i < parts.size(); ++i)
            QCOMPARE(r->at(i), money(parts.at(i), "USD"));
    }

    void allocatePartsAlwaysSumToTheWhole()
    {
        QRandomGenerator rng(20240611); // deterministic: a failure reproduces
        for (int round = 0; round < 2000; ++round) {
            const qint64 whole = qint64(rng.generate64()) >> rng.bounded(0, 63);
            QList<int> ratios;
            const int n = rng.bounded(1, 9);
            for (int i = 0; i < n; ++i)
                ratios.append(rng.bounded(0, 3) == 0 ? 0 : int(rng.bounded(1, std::numeric_limits<int>::max())));
            if (std::all_of(ratios.begin(), ratios.end(), [](int r) { return r == 0; }))
                ratios[0] = 1;
            const auto parts = money(whole, "JPY").allocate(ratios);
            SK_VERIFY_OK(parts);
            qint64 sum = 0;
            for (qsizetype i = 0; i < n; ++i) {
                const qint64 part = parts->at(i).minorUnits();
                if (ratios.at(i) == 0)
                    QCOMPARE(part, qint64(0));
                // Every part is on the whole's side of zero.
                QVERIFY(whole >= 0 ? part >= 0 : part <= 0);
                QVERIFY(!qAddOverflow(sum, part, &sum));
            }
            QCOMPARE(sum, whole);
        }
    }

    void allocateRejectsBadRatios()
    {
        QCOMPARE(money(100, "USD").allocate({}).error().code, u"money.invalid_ratios"_s);
        QCOMPARE(money(100, "USD").allocate({0, 0}).error().code, u"money.invalid_ratios"_s);
        QCOMPARE(money(100, "USD").allocate({1, -1, 2}).error().code, u"money.invalid_ratios"_s);
    }

    // ---- text ---------------------------------------------------------------------------

    void toDecimalString_data()
    {
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("expected");
        QTest::newRow("USD") << qint64(123456) << u"USD"_s << u"1234.56"_s;
        QTest::newRow("USD cents") << qint64(-5) << u"USD"_s << u"-0.05"_s;
        QTest::newRow("USD zero") << qint64(0) << u"USD"_s << u"0.00"_s;
        QTest::newRow("JPY") << qint64(1000) << u"JPY"_s << u"1000"_s;
        QTest::newRow("JPY negative") << qint64(-1000) << u"JPY"_s << u"-1000"_s;
        QTest::newRow("KWD") << qint64(1234) << u"KWD"_s << u"1.234"_s;
        QTest::newRow("KWD fils") << qint64(7) << u"KWD"_s << u"0.007"_s;
        QTest::newRow("CLF") << qint64(12345) << u"CLF"_s << u"1.2345"_s;
        QTest::newRow("USD max") << kMax << u"USD"_s << u"92233720368547758.07"_s;
        QTest::newRow("USD min") << kMin << u"USD"_s << u"-92233720368547758.08"_s;
        QTest::newRow("JPY min") << kMin << u"JPY"_s << u"-9223372036854775808"_s;
    }
    void toDecimalString()
    {
        QFETCH(qint64, minor);
        QFETCH(QString, code);
        QFETCH(QString, expected);
        const Money m(minor, Currency::fromCode(code).value());
        QCOMPARE(m.toDecimalString(), expected);
        // The plain form reads back in the C locale, the one machine text should use.
        const auto back = Money::parse(expected, m.currency(), QLocale::c());
        SK_VERIFY_OK(back);
        QCOMPARE(back.value(), m);
    }

    // Expected strings are what Qt 6.4's CLDR data gives for the locale's currency pattern
    // (U+202F groups and U+00A0 before the symbol in fr_FR), with our own digits and symbols
    // substituted. Negatives are always the locale's minus in front of the positive form, even
    // where CLDR's pattern uses accounting brackets (en_US, fr_FR, ja_JP, en_IN) or puts the
    // minus after the symbol (hi_IN): a refund in brackets reads like a note to shop staff.
    void format_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("expected");

        // en_US
        QTest::newRow("en_US USD") << u"en_US"_s << u"USD"_s << qint64(123456789) << u"$1,234,567.89"_s;
        QTest::newRow("en_US USD neg") << u"en_US"_s << u"USD"_s << qint64(-5) << u"-$0.05"_s;
        QTest::newRow("en_US USD zero") << u"en_US"_s << u"USD"_s << qint64(0) << u"$0.00"_s;
        QTest::newRow("en_US USD small") << u"en_US"_s << u"USD"_s << qint64(99999) << u"$999.99"_s;
        QTest::newRow("en_US EUR") << u"en_US"_s << u"EUR"_s << qint64(123456789) << u"\u20AC1,234,567.89"_s;
        QTest::newRow("en_US EUR neg") << u"en_US"_s << u"EUR"_s << qint64(-5) << u"-\u20AC0.05"_s;
        QTest::newRow("en_US JPY") << u"en_US"_s << u"JPY"_s << qint64(123456789) << u"\u00A5123,456,789"_s;
        QTest::newRow("en_US JPY neg") << u"en_US"_s << u"JPY"_s << qint64(-5) << u"-\u00A55"_s;
        QTest::newRow("en_US JPY zero") << u"en_US"_s << u"JPY"_s << qint64(0) << u"\u00A50"_s;
        QTest::newRow("en_US KWD") << u"en_US"_s << u"KWD"_s << qint64(123456789) << u"KWD\u00A0123,456.789"_s;
        QTest::newRow("en_US KWD neg") << u"en_US"_s << u"KWD"_s << qint64(-5) << u"-KWD\u00A00.005"_s;
        QTest::newRow("en_US KWD zero") << u"en_US"_s << u"KWD"_s << qint64(0) << u"KWD\u00A00.000"_s;
        QTest::newRow("en_US USD max") << u"en_US"_s << u"USD"_s << kMax << u"$92,233,720,368,547,758.07"_s;
        QTest::newRow("en_US USD min") << u"en_US"_s << u"USD"_s << kMin << u"-$92,233,720,368,547,758.08"_s;
        QTest::newRow("en_US JPY max") << u"en_US"_s << u"JPY"_s << kMax << u"\u00A59,223,372,036,854,775,807"_s;
        QTest::newRow("en_US JPY min") << u"en_US"_s << u"JPY"_s << kMin << u"-\u00A59,223,372,036,854,775,808"_s;
        QTest::newRow("en_US KWD max") << u"en_US"_s << u"KWD"_s << kMax << u"KWD\u00A09,223,372,036,854,775.807"_s;

        // fr_FR: narrow no-break space (U+202F) groups, comma decimals, no-break space (U+00A0) before the symbol.
        QTest::newRow("fr_FR EUR") << u"fr_FR"_s << u"EUR"_s << qint64(123456789) << u"1\u202F234\u202F567,89\u00A0\u20AC"_s;
        QTest::newRow("fr_FR EUR neg") << u"fr_FR"_s << u"EUR"_s << qint64(-5) << u"-0,05\u00A0\u20AC"_s;
        QTest::newRow("fr_FR EUR zero") << u"fr_FR"_s << u"EUR"_s << qint64(0) << u"0,00\u00A0\u20AC"_s;
        QTest::newRow("fr_FR EUR 1000") << u"fr_FR"_s << u"EUR"_s << qint64(100000) << u"1\u202F000,00\u00A0\u20AC"_s;
        QTest::newRow("fr_FR USD") << u"fr_FR"_s << u"USD"_s << qint64(123456789) << u"1\u202F234\u202F567,89\u00A0$"_s;
        QTest::newRow("fr_FR USD neg") << u"fr_FR"_s << u"USD"_s << qint64(-123456) << u"-1\u202F234,56\u00A0$"_s;
        QTest::newRow("fr_FR JPY") << u"fr_FR"_s << u"JPY"_s << qint64(123456789) << u"123\u202F456\u202F789\u00A0\u00A5"_s;
        QTest::newRow("fr_FR JPY neg") << u"fr_FR"_s << u"JPY"_s << qint64(-5) << u"-5\u00A0\u00A5"_s;
        QTest::newRow("fr_FR KWD") << u"fr_FR"_s << u"KWD"_s << qint64(123456789) << u"123\u202F456,789\u00A0KWD"_s;
        QTest::newRow("fr_FR KWD neg") << u"fr_FR"_s << u"KWD"_s << qint64(-5) << u"-0,005\u00A0KWD"_s;
        QTest::newRow("fr_FR EUR min") << u"fr_FR"_s << u"EUR"_s << kMin << u"-92\u202F233\u202F720\u202F368\u202F547\u202F758,08\u00A0\u20AC"_s;

        // de_DE: dot groups, comma decimals, leading minus.
        QTest::newRow("de_DE EUR") << u"de_DE"_s << u"EUR"_s << qint64(123456789) << u"1.234.567,89\u00A0\u20AC"_s;
        QTest::newRow("de_DE EUR neg") << u"de_DE"_s << u"EUR"_s << qint64(-5) << u"-0,05\u00A0\u20AC"_s;
        QTest::newRow("de_DE EUR zero") << u"de_DE"_s << u"EUR"_s << qint64(0) << u"0,00\u00A0\u20AC"_s;
        QTest::newRow("de_DE USD") << u"de_DE"_s << u"USD"_s << qint64(123456789) << u"1.234.567,89\u00A0$"_s;
        QTest::newRow("de_DE USD neg") << u"de_DE"_s << u"USD"_s << qint64(-123456789) << u"-1.234.567,89\u00A0$"_s;
        QTest::newRow("de_DE JPY") << u"de_DE"_s << u"JPY"_s << qint64(123456789) << u"123.456.789\u00A0\u00A5"_s;
        QTest::newRow("de_DE JPY neg") << u"de_DE"_s << u"JPY"_s << qint64(-5) << u"-5\u00A0\u00A5"_s;
        QTest::newRow("de_DE KWD") << u"de_DE"_s << u"KWD"_s << qint64(123456789) << u"123.456,789\u00A0KWD"_s;
        QTest::newRow("de_DE KWD neg") << u"de_DE"_s << u"KWD"_s << qint64(-1234) << u"-1,234\u00A0KWD"_s;
        QTest::newRow("de_DE EUR max") << u"de_DE"_s << u"EUR"_s << kMax << u"92.233.720.368.547.758,07\u00A0\u20AC"_s;
        QTest::newRow("de_DE EUR min") << u"de_DE"_s << u"EUR"_s << kMin << u"-92.233.720.368.547.758,08\u00A0\u20AC"_s;

        // ja_JP: the locale's own fullwidth yen for JPY.
        QTest::newRow("ja_JP JPY") << u"ja_JP"_s << u"JPY"_s << qint64(123456789) << u"\uFFE5123,456,789"_s;
        QTest::newRow("ja_JP JPY neg") << u"ja_JP"_s << u"JPY"_s << qint64(-5) << u"-\uFFE55"_s;
        QTest::newRow("ja_JP JPY zero") << u"ja_JP"_s << u"JPY"_s << qint64(0) << u"\uFFE50"_s;
        QTest::newRow("ja_JP USD") << u"ja_JP"_s << u"USD"_s << qint64(123456789) << u"$1,234,567.89"_s;
        QTest::newRow("ja_JP USD neg") << u"ja_JP"_s << u"USD"_s << qint64(-5) << u"-$0.05"_s;
        QTest::newRow("ja_JP EUR") << u"ja_JP"_s << u"EUR"_s << qint64(123456789) << u"\u20AC1,234,567.89"_s;
        QTest::newRow("ja_JP KWD") << u"ja_JP"_s << u"KWD"_s << qint64(123456789) << u"KWD\u00A0123,456.789"_s;
        QTest::newRow("ja_JP KWD neg") << u"ja_JP"_s << u"KWD"_s << qint64(-5) << u"-KWD\u00A00.005"_s;
        QTest::newRow("ja_JP JPY max") << u"ja_JP"_s << u"JPY"_s << kMax << u"\uFFE59,223,372,036,854,775,807"_s;

        // en_IN: lakh/crore grouping (3 then 2).
        QTest::newRow("en_IN USD") << u"en_IN"_s << u"USD"_s << qint64(123456789) << u"$12,34,567.89"_s;
        QTest::newRow("en_IN USD neg") << u"en_IN"_s << u"USD"_s << qint64(-5) << u"-$0.05"_s;
        QTest::newRow("en_IN EUR") << u"en_IN"_s << u"EUR"_s << qint64(123456789) << u"\u20AC12,34,567.89"_s;
        QTest::newRow("en_IN JPY") << u"en_IN"_s << u"JPY"_s << qint64(123456789) << u"\u00A512,34,56,789"_s;
        QTest::newRow("en_IN JPY neg") << u"en_IN"_s << u"JPY"_s << qint64(-5) << u"-\u00A55"_s;
        QTest::newRow("en_IN KWD") << u"en_IN"_s << u"KWD"_s << qint64(123456789) << u"KWD\u00A01,23,456.789"_s;
        QTest::newRow("en_IN KWD zero") << u"en_IN"_s << u"KWD"_s << qint64(0) << u"KWD\u00A00.000"_s;
        QTest::newRow("en_IN INR") << u"en_IN"_s << u"INR"_s << qint64(1234567800) << u"\u20B91,23,45,678.00"_s;
        QTest::newRow("en_IN INR 1000") << u"en_IN"_s << u"INR"_s << qint64(100000) << u"\u20B91,000.00"_s;
        QTest::newRow("en_IN USD min") << u"en_IN"_s << u"USD"_s << kMin << u"-$92,23,37,20,36,85,47,758.08"_s;

        // Beyond the matrix: Qt 6.4 itself groups es_ES 1234567 as "1234.567"; we do not.
        QTest::newRow("es_ES EUR million") << u"es_ES"_s << u"EUR"_s << qint64(123456700) << u"1.234.567,00\u00A0\u20AC"_s;
        QTest::newRow("es_ES EUR 1234 (min grouping 2)") << u"es_ES"_s << u"EUR"_s << qint64(123400) << u"1234,00\u00A0\u20AC"_s;
        QTest::newRow("en_NG NGN") << u"en_NG"_s << u"NGN"_s << qint64(250000) << u"\u20A62,500.00"_s;
        QTest::newRow("en_KE KES") << u"en_KE"_s << u"KES"_s << qint64(250000) << u"Ksh\u00A02,500.00"_s;
        QTest::newRow("en_GH GHS") << u"en_GH"_s << u"GHS"_s << qint64(250000) << u"GH\u20B52,500.00"_s;
        QTest::newRow("hi_IN KWD neg") << u"hi_IN"_s << u"KWD"_s << qint64(-5) << u"-KWD\u00A00.005"_s;
        QTest::newRow("C locale") << u"C"_s << u"USD"_s << qint64(-123456) << u"-1234.56$"_s;
    }
    void format()
    {
        QFETCH(QString, locale);
        QFETCH(QString, code);
        QFETCH(qint64, minor);
        QFETCH(QString, expected);
        const QLocale loc(locale);
        const Money m(minor, Currency::fromCode(code).value());
        const QString text = m.format(loc);
        QVERIFY2(text == expected, qPrintable(visible(text) + u" != "_s + visible(expected)));

        // Whatever format() writes, parse() reads back exactly.
        const auto back = Money::parse(text, m.currency(), loc);
        SK_VERIFY_OK(back);
        QCOMPARE(back.value(), m);
    }

    void formatNativeDigits()
    {
        // Arabic-Indic digits and separators come from the locale too.
        const QLocale ar(u"ar_EG"_s);
        const Money m = money(123456, "EGP");
        const QString text = m.format(ar);
        QVERIFY2(text.contains(u"\u0661\u066C\u0662\u0663\u0664\u066B\u0665\u0666"_s), qPrintable(visible(text)));
        QCOMPARE(Money::parse(text, m.currency(), ar).value(), m);
    }

    void parseAccepts_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("minor");
        QTest::newRow("plain") << u"en_US"_s << u"USD"_s << u"1234.56"_s << qint64(123456);
        QTest::newRow("grouped") << u"en_US"_s << u"USD"_s << u"1,234.56"_s << qint64(123456);
        QTest::newRow("symbol") << u"en_US"_s << u"USD"_s << u"$1,234.56"_s << qint64(123456);
        QTest::newRow("code before") << u"en_US"_s << u"USD"_s << u"USD 1,234.56"_s << qint64(123456);
        QTest::newRow("code after") << u"en_US"_s << u"USD"_s << u"1234.56 USD"_s << qint64(123456);
        QTest::newRow("spaces around") << u"en_US"_s << u"USD"_s << u"  12.3 "_s << qint64(1230);
        QTest::newRow("minus before symbol") << u"en_US"_s << u"USD"_s << u"-$5.00"_s << qint64(-500);
        QTest::newRow("minus after symbol") << u"en_US"_s << u"USD"_s << u"$-5.00"_s << qint64(-500);
        QTest::newRow("accounting") << u"en_US"_s << u"USD"_s << u"($5.00)"_s << qint64(-500);
        QTest::newRow("unicode minus") << u"en_US"_s << u"USD"_s << u"\u22125"_s << qint64(-500);
        QTest::newRow("trailing minus") << u"en_US"_s << u"USD"_s << u"5-"_s << qint64(-500);
        QTest::newRow("plus") << u"en_US"_s << u"USD"_s << u"+5"_s << qint64(500);
        QTest::newRow("whole number") << u"en_US"_s << u"USD"_s << u"5"_s << qint64(500);
        QTest::newRow("one decimal") << u"en_US"_s << u"USD"_s << u"5.5"_s << qint64(550);
        QTest::newRow("leading point") << u"en_US"_s << u"USD"_s << u".5"_s << qint64(50);
        QTest::newRow("extra zero decimals") << u"en_US"_s << u"USD"_s << u"1.230"_s << qint64(123);
        QTest::newRow("other symbol of the currency") << u"en_CA"_s << u"USD"_s << u"$3"_s << qint64(300);
        QTest::newRow("fr plain space groups") << u"fr_FR"_s << u"EUR"_s << u"1 234,56 \u20AC"_s << qint64(123456);
        QTest::newRow("fr no groups") << u"fr_FR"_s << u"EUR"_s << u"1234,56"_s << qint64(123456);
        QTest::newRow("fr plain decimal") << u"fr_FR"_s << u"EUR"_s << u"1234.56"_s << qint64(123456);
        QTest::newRow("fr leading minus") << u"fr_FR"_s << u"EUR"_s << u"-1\u202F234,56\u00A0\u20AC"_s << qint64(-123456);
        QTest::newRow("de grouped") << u"de_DE"_s << u"EUR"_s << u"1.234,56 \u20AC"_s << qint64(123456);
        QTest::newRow("de dot is a group") << u"de_DE"_s << u"EUR"_s << u"1.234"_s << qint64(123400);
        QTest::newRow("de lone dot is plain") << u"de_DE"_s << u"EUR"_s << u"1.5"_s << qint64(150);
        QTest::newRow("de code") << u"de_DE"_s << u"EUR"_s << u"EUR 3,50"_s << qint64(350);
        QTest::newRow("de_CH apostrophe") << u"de_CH"_s << u"CHF"_s << u"1'234.50"_s << qint64(123450);
        QTest::newRow("ja fullwidth yen") << u"ja_JP"_s << u"JPY"_s << u"\uFFE51,000"_s << qint64(1000);
        QTest::newRow("ja plain yen") << u"ja_JP"_s << u"JPY"_s << u"\u00A51,000"_s << qint64(1000);
        QTest::newRow("JPY zero decimals") << u"en_US"_s << u"JPY"_s << u"1000.00"_s << qint64(1000);
        QTest::newRow("en_IN lakh") << u"en_IN"_s << u"INR"_s << u"\u20B912,34,567.00"_s << qint64(123456700);
        QTest::newRow("en_IN western groups") << u"en_IN"_s << u"INR"_s << u"1,234,567"_s << qint64(123456700);
        QTest::newRow("KWD fils") << u"en_US"_s << u"KWD"_s << u"0.005"_s << qint64(5);
        QTest::newRow("min") << u"en_US"_s << u"USD"_s << u"-92233720368547758.08"_s << kMin;
        QTest::newRow("max") << u"en_US"_s << u"USD"_s << u"92233720368547758.07"_s << kMax;
    }
    void parseAccepts()
    {
        QFETCH(QString, locale);
        QFETCH(QString, code);
        QFETCH(QString, text);
        QFETCH(qint64, minor);
        const Currency currency = Currency::fromCode(code).value();
        const auto r = Money::parse(text, currency, QLocale(locale));
        SK_VERIFY_OK(r);
        QCOMPARE(r.value(), Money(minor, currency));
    }

    void parseRejects_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("errorCode");
        const QString invalid = u"money.invalid"_s;
        QTest::newRow("empty") << u"en_US"_s << u"USD"_s << QString() << invalid;
        QTest::newRow("blank") << u"en_US"_s << u"USD"_s << u"   "_s << invalid;
        QTest::newRow("words") << u"en_US"_s << u"USD"_s << u"abc"_s << invalid;
        QTest::newRow("trailing garbage") << u"en_US"_s << u"USD"_s << u"12abc"_s << invalid;
        QTest::newRow("two points") << u"en_US"_s << u"USD"_s << u"1.2.3"_s << invalid;
        QTest::newRow("double point") << u"en_US"_s << u"USD"_s << u"1..2"_s << invalid;
        QTest::newRow("symbol only") << u"en_US"_s << u"USD"_s << u"$"_s << invalid;
        QTest::newRow("code only") << u"en_US"_s << u"USD"_s << u"USD"_s << invalid;
        QTest::newRow("two minus") << u"en_US"_s << u"USD"_s << u"--5"_s << invalid;
        QTest::newRow("minus in parens") << u"en_US"_s << u"USD"_s << u"(-5)"_s << invalid;
        QTest::newRow("bad grouping") << u"en_US"_s << u"USD"_s << u"12,34.56"_s << invalid;
        QTest::newRow("group after point") << u"en_US"_s << u"USD"_s << u"1.234,5"_s << invalid;
        QTest::newRow("another currency's symbol") << u"en_US"_s << u"USD"_s << u"\u20AC5"_s << invalid;
        QTest::newRow("two symbols") << u"en_US"_s << u"USD"_s << u"$5$"_s << invalid;
        QTest::newRow("hex") << u"en_US"_s << u"USD"_s << u"0x10"_s << invalid;
        QTest::newRow("exponent") << u"en_US"_s << u"USD"_s << u"1e3"_s << invalid;
        QTest::newRow("de bad grouping") << u"de_DE"_s << u"EUR"_s << u"12.34,5"_s << invalid;
        QTest::newRow("USD 3 decimals") << u"en_US"_s << u"USD"_s << u"1.234"_s << u"money.too_many_decimals"_s;
        QTest::newRow("JPY decimals") << u"ja_JP"_s << u"JPY"_s << u"1000.5"_s << u"money.too_many_decimals"_s;
        QTest::newRow("KWD 4 decimals") << u"en_US"_s << u"KWD"_s << u"1.2345"_s << u"money.too_many_decimals"_s;
        QTest::newRow("fr 3 decimals") << u"fr_FR"_s << u"EUR"_s << u"1,999 \u20AC"_s << u"money.too_many_decimals"_s;
        QTest::newRow("max + 1") << u"en_US"_s << u"USD"_s << u"92233720368547758.08"_s << u"money.overflow"_s;
        QTest::newRow("min - 1") << u"en_US"_s << u"USD"_s << u"-92233720368547758.09"_s << u"money.overflow"_s;
        QTest::newRow("huge") << u"en_US"_s << u"JPY"_s << u"99999999999999999999999"_s << u"money.overflow"_s;
        QTest::newRow("huge grouped") << u"en_US"_s << u"JPY"_s << u"99,999,999,999,999,999,999,999"_s << u"money.overflow"_s;
    }
    void parseRejects()
    {
        QFETCH(QString, locale);
        QFETCH(QString, code);
        QFETCH(QString, text);
        QFETCH(QString, errorCode);
        const auto r = Money::parse(text, Currency::fromCode(code).value(), QLocale(locale));
        QVERIFY2(!r.ok(), r.ok() ? qPrintable(r->toDecimalString()) : "");
        QCOMPARE(r.error().code, errorCode);
        QVERIFY2(r.error().message.contains(u'\u201C' + text + u'\u201D'), qPrintable(r.error().message));
    }

    void parseNeedsACurrency()
    {
        const auto r = Money::parse(u"5", Currency(), QLocale(u"en_US"_s));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"money.invalid_currency"_s);
    }

    void formatAndParseRoundTripEveryCurrency()
    {
        const QList<QLocale> locales{QLocale(u"en_US"_s), QLocale(u"fr_FR"_s), QLocale(u"de_DE"_s),
                                     QLocale(u"ja_JP"_s), QLocale(u"en_IN"_s), QLocale(u"ar_EG"_s),
                                     QLocale(u"de_CH"_s), QLocale(u"pt_BR"_s), QLocale(u"sv_SE"_s),
                                     QLocale(u"fa_IR"_s), QLocale(u"hi_IN"_s), QLocale(u"bn_BD"_s),
                                     QLocale(u"en_ZA"_s), QLocale(u"es_ES"_s), QLocale::c()};
        const QList<qint64> amounts{0, 1, -1, 999, -1000, 123456789, kMax, kMin};
        for (const QString &code : Currency::allCodes()) {
            const Currency currency = Currency::fromCode(code).value();
            for (const QLocale &locale : locales) {
                for (qint64 minor : amounts) {
                    const Money m(minor, currency);
                    const QString text = m.format(locale);
                    const auto back = Money::parse(text, currency, locale);
                    QVERIFY2(back.ok() && back.value() == m,
                             qPrintable(code + u' ' + locale.name() + u' ' + visible(text) + u' '
                                        + (back.ok() ? back->toDecimalString() : back.error().message)));
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(tst_Money)
#include "tst_money.moc"

#include "money/currency.h"
#include "testsupport.h"

#include <QLocale>
#include <QTest>

#include <algorithm>

using namespace sk;
using namespace Qt::StringLiterals;

class tst_Currency : public QObject
{
    Q_OBJECT

private slots:
    void knownCodesHaveTheirExponent_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("exponent");
        QTest::newRow("JPY") << u"JPY"_s << 0;
        QTest::newRow("KRW") << u"KRW"_s << 0;
        QTest::newRow("VND") << u"VND"_s << 0;
        QTest::newRow("CLP") << u"CLP"_s << 0;
        QTest::newRow("ISK") << u"ISK"_s << 0;
        QTest::newRow("UGX") << u"UGX"_s << 0;
        QTest::newRow("XOF") << u"XOF"_s << 0;
        QTest::newRow("EUR") << u"EUR"_s << 2;
        QTest::newRow("USD") << u"USD"_s << 2;
        QTest::newRow("GBP") << u"GBP"_s << 2;
        QTest::newRow("NGN") << u"NGN"_s << 2;
        QTest::newRow("GHS") << u"GHS"_s << 2;
        QTest::newRow("KES") << u"KES"_s << 2;
        QTest::newRow("ZAR") << u"ZAR"_s << 2;
        QTest::newRow("INR") << u"INR"_s << 2;
        QTest::newRow("CHF") << u"CHF"_s << 2;
        QTest::newRow("KWD") << u"KWD"_s << 3;
        QTest::newRow("BHD") << u"BHD"_s << 3;
        QTest::newRow("OMR") << u"OMR"_s << 3;
        QTest::newRow("JOD") << u"JOD"_s << 3;
        QTest::newRow("TND") << u"TND"_s << 3;
        QTest::newRow("LYD") << u"LYD"_s << 3;
        QTest::newRow("IQD") << u"IQD"_s << 3;
        QTest::newRow("CLF") << u"CLF"_s << 4;
        QTest::newRow("UYW") << u"UYW"_s << 4;
    }
    void knownCodesHaveTheirExponent()
    {
        QFETCH(QString, code);
        QFETCH(int, exponent);
        const auto currency = Currency::fromCode(code);
        SK_VERIFY_OK(currency);
        QVERIFY(currency->isValid());
        QCOMPARE(currency->code(), code);
        QCOMPARE(currency->exponent(), exponent);
    }

    void rejectsMalformedAndUnknownCodes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("errorCode");
        QTest::newRow("lower case") << u"usd"_s << u"currency.invalid"_s;
        QTest::newRow("mixed case") << u"Usd"_s << u"currency.invalid"_s;
        QTest::newRow("too short") << u"US"_s << u"currency.invalid"_s;
        QTest::newRow("too long") << u"USDD"_s << u"currency.invalid"_s;
        QTest::newRow("empty") << QString() << u"currency.invalid"_s;
        QTest::newRow("digit") << u"U5D"_s << u"currency.invalid"_s;
        QTest::newRow("padded") << u" USD"_s << u"currency.invalid"_s;
        QTest::newRow("symbol") << u"$"_s << u"currency.invalid"_s;
        QTest::newRow("unknown") << u"XYZ"_s << u"currency.unknown"_s;
        QTest::newRow("retired kuna") << u"HRK"_s << u"currency.unknown"_s;
        QTest::newRow("no minor unit (gold)") << u"XAU"_s << u"currency.unknown"_s;
        QTest::newRow("no currency") << u"XXX"_s << u"currency.unknown"_s;
    }
    void rejectsMalformedAndUnknownCodes()
    {
        QFETCH(QString, text);
        QFETCH(QString, errorCode);
        const auto currency = Currency::fromCode(text);
        QVERIFY(!currency.ok());
        QCOMPARE(currency.error().code, errorCode);
        QVERIFY2(currency.error().message.contains(u'\u201C' + text + u'\u201D'), qPrintable(currency.error().message));
    }

    void allCodesAreSortedUniqueAndRoundTrip()
    {
        const QStringList codes = Currency::allCodes();
        QVERIFY2(codes.size() >= 165, qPrintable(QString::number(codes.size())));
        QVERIFY(std::is_sorted(codes.begin(), codes.end()));
        QCOMPARE(std::adjacent_find(codes.begin(), codes.end()), codes.end());
        for (const QString &code : codes) {
            const auto currency = Currency::fromCode(code);
            SK_VERIFY_OK(currency);
            QCOMPARE(currency->code(), code);
            QVERIFY2(currency->exponent() >= 0 && currency->exponent() <= 4, qPrintable(code));
        }
        for (const char *expected : {"AED", "BRL", "CNY", "EUR", "GHS", "JPY", "MXN", "NGN", "USD", "XAF", "ZAR", "ZMW"})
            QVERIFY2(codes.contains(QLatin1String(expected)), expected);
    }

    void symbolPrefersTheLocaleThenTheTableThenTheCode_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("symbol");
        // The locale's own symbol when it is the locale's currency.
        QTest::newRow("USD en_US") << u"USD"_s << u"en_US"_s << u"$"_s;
        QTest::newRow("EUR fr_FR") << u"EUR"_s << u"fr_FR"_s << u"\u20AC"_s;
        QTest::newRow("JPY ja_JP (fullwidth yen)") << u"JPY"_s << u"ja_JP"_s << u"\uFFE5"_s;
        QTest::newRow("KES en_KE") << u"KES"_s << u"en_KE"_s << u"Ksh"_s;
        QTest::newRow("INR en_IN") << u"INR"_s << u"en_IN"_s << u"\u20B9"_s;
        QTest::newRow("NGN en_NG") << u"NGN"_s << u"en_NG"_s << u"\u20A6"_s;
        QTest::newRow("CAD en_CA") << u"CAD"_s << u"en_CA"_s << u"$"_s;
        // The well-known table elsewhere.
        QTest::newRow("EUR en_US") << u"EUR"_s << u"en_US"_s << u"\u20AC"_s;
        QTest::newRow("GBP de_DE") << u"GBP"_s << u"de_DE"_s << u"\u00A3"_s;
        QTest::newRow("JPY en_US") << u"JPY"_s << u"en_US"_s << u"\u00A5"_s;
        QTest::newRow("NGN en_US") << u"NGN"_s << u"en_US"_s << u"\u20A6"_s;
        QTest::newRow("INR en_US") << u"INR"_s << u"en_US"_s << u"\u20B9"_s;
        QTest::newRow("CAD en_US") << u"CAD"_s << u"en_US"_s << u"CA$"_s;
        QTest::newRow("AUD en_US") << u"AUD"_s << u"en_US"_s << u"A$"_s;
        QTest::newRow("KES de_DE") << u"KES"_s << u"de_DE"_s << u"KSh"_s;
        QTest::newRow("GHS en_US") << u"GHS"_s << u"en_US"_s << u"GH\u20B5"_s;
        QTest::newRow("ZAR en_US") << u"ZAR"_s << u"en_US"_s << u"R"_s;
        QTest::newRow("USD fr_FR") << u"USD"_s << u"fr_FR"_s << u"$"_s;
        // The code when there is no well-known symbol.
        QTest::newRow("KWD en_US") << u"KWD"_s << u"en_US"_s << u"KWD"_s;
        QTest::newRow("CHF en_US") << u"CHF"_s << u"en_US"_s << u"CHF"_s;
        QTest::newRow("CLF es_CL") << u"CLF"_s << u"es_CL"_s << u"CLF"_s;
    }
    void symbolPrefersTheLocaleThenTheTableThenTheCode()
    {
        QFETCH(QString, code);
        QFETCH(QString, locale);
        QFETCH(QString, symbol);
        QCOMPARE(Currency::fromCode(code)->symbol(QLocale(locale)), symbol);
    }

    void comparesByCode()
    {
        const Currency usd = Currency::fromCode(u"USD").value();
        const Currency usd2 = Currency::fromCode(u"USD").value();
        const Currency eur = Currency::fromCode(u"EUR").value();
        QVERIFY(usd == usd2);
        QVERIFY(!(usd != usd2));
        QVERIFY(usd != eur);
        QVERIFY(eur < usd);
        QVERIFY(!(usd < eur));
        QVERIFY(usd > eur);
        QVERIFY(usd >= usd2 && usd <= usd2);
    }

    void defaultCurrencyIsInvalid()
    {
        const Currency none;
        QVERIFY(!none.isValid());
        QVERIFY(none.code().isEmpty());
        QCOMPARE(none.exponent(), 0);
        QVERIFY(none.symbol(QLocale(u"en_US"_s)).isEmpty());
        QVERIFY(none != Currency::fromCode(u"USD").value());
        QVERIFY(none < Currency::fromCode(u"AED").value());
    }
};

QTEST_GUILESS_MAIN(tst_Currency)
#include "tst_currency.moc"

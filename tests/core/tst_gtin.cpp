#include "domain/gtin.h"
#include "testsupport.h"

#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(sk::Gtin::Kind)

class tst_Gtin : public QObject
{
    Q_OBJECT

private slots:
    void validGtins_data()
    {
        QTest::addColumn<QString>("barcode");
        QTest::addColumn<Gtin::Kind>("kind");
        QTest::newRow("EAN-8 96385074") << u"96385074"_s << Gtin::Kind::Ean8;
        QTest::newRow("EAN-8 73513537") << u"73513537"_s << Gtin::Kind::Ean8;
        QTest::newRow("EAN-8 check 0") << u"12345670"_s << Gtin::Kind::Ean8;
        QTest::newRow("UPC-A 036000291452") << u"036000291452"_s << Gtin::Kind::UpcA;
        QTest::newRow("UPC-A 012345678905") << u"012345678905"_s << Gtin::Kind::UpcA;
        QTest::newRow("EAN-13 4006381333931") << u"4006381333931"_s << Gtin::Kind::Ean13;
        QTest::newRow("EAN-13 5901234123457") << u"5901234123457"_s << Gtin::Kind::Ean13;
        QTest::newRow("EAN-13 ISBN 9780306406157") << u"9780306406157"_s << Gtin::Kind::Ean13;
        QTest::newRow("EAN-13 UPC in 13 digits") << u"0614141000036"_s << Gtin::Kind::Ean13;
        QTest::newRow("GTIN-14 10012345678902") << u"10012345678902"_s << Gtin::Kind::Gtin14;
        QTest::newRow("GTIN-14 00012345600012") << u"00012345600012"_s << Gtin::Kind::Gtin14;
        QTest::newRow("GTIN-14 check 0") << u"50012345678900"_s << Gtin::Kind::Gtin14;
    }
    void validGtins()
    {
        QFETCH(QString, barcode);
        QFETCH(Gtin::Kind, kind);
        const auto result = Gtin::validate(barcode);
        SK_VERIFY_OK(result);
        QCOMPARE(result.value(), kind);
        QVERIFY(Gtin::isNumericGtinCandidate(barcode));
        const QStringView body = QStringView(barcode).chopped(1);
        QCOMPARE(Gtin::checkDigit(body), barcode.back().unicode() - u'0');
        QCOMPARE(Gtin::withCheckDigit(body), barcode);
    }

    // Every other last digit of a valid GTIN is wrong, and the message says which one is right.
    void wrongCheckDigitNamesTheExpectedOne_data()
    {
        QTest::addColumn<QString>("barcode");
        QTest::addColumn<int>("expected");
        const QStringList valid{u"96385074"_s, u"036000291452"_s, u"4006381333931"_s, u"10012345678902"_s};
        for (const QString &good : valid) {
            const int right = good.back().unicode() - u'0';
            for (int wrong = 0; wrong <= 9; ++wrong) {
                if (wrong == right)
                    continue;
                const QString bad = good.chopped(1) + QString::number(wrong);
                QTest::addRow("%s", qPrintable(bad)) << bad << right;
            }
        }
    }
    void wrongCheckDigitNamesTheExpectedOne()
    {
        QFETCH(QString, barcode);
        QFETCH(int, expected);
        const auto result = Gtin::validate(barcode);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, u"gtin.check_digit"_s);
        QVERIFY2(result.error().message.contains(barcode), qPrintable(result.error().message));
        QVERIFY2(result.error().message.contains(u"should be %1"_s.arg(expected)), qPrintable(result.error().message));
        QVERIFY(Gtin::isNumericGtinCandidate(barcode)); // a candidate, so it must be fixed before saving
    }

    void swappedDigitsAreCaught()
    {
        // The 3-1 weights catch adjacent transpositions unless the digits differ by 5: "06" → "60".
        const auto result = Gtin::validate(u"4060381333931");
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, u"gtin.check_digit"_s);
    }

    void notNumericOrWrongLength_data()
    {
        QTest::addColumn<QString>("barcode");
        QTest::addColumn<QString>("errorCode");
        QTest::addColumn<bool>("candidate");
        QTest::newRow("Code 128") << u"ABC-123"_s << u"gtin.not_numeric"_s << false;
        QTest::newRow("letters in 13") << u"400638133393X"_s << u"gtin.not_numeric"_s << false;
        QTest::newRow("inner space") << u"400638133 3931"_s << u"gtin.not_numeric"_s << false;
        QTest::newRow("leading space") << u" 4006381333931"_s << u"gtin.not_numeric"_s << false;
        QTest::newRow("plus sign") << u"+4006381333931"_s << u"gtin.not_numeric"_s << false;
        QTest::newRow("hyphenated ISBN") << u"978-0306406157"_s << u"gtin.not_numeric"_s << false;
        QTest::newRow("fullwidth digits") << u"\uFF19\uFF16\uFF13\uFF18\uFF15\uFF10\uFF17\uFF14"_s << u"gtin.not_numeric"_s << false;
        QTest::newRow("Arabic-Indic digits") << u"\u0669\u0666\u0663\u0668\u0665\u0660\u0667\u0664"_s << u"gtin.not_numeric"_s << false;
        QTest::newRow("empty") << QString() << u"gtin.not_numeric"_s << false;
        QTest::newRow("7 digits") << u"9638507"_s << u"gtin.length"_s << false;
        QTest::newRow("9 digits") << u"963850740"_s << u"gtin.length"_s << false;
        QTest::newRow("10 digits (ISBN-10)") << u"0306406152"_s << u"gtin.length"_s << false;
        QTest::newRow("11 digits") << u"03600029145"_s << u"gtin.length"_s << false;
        QTest::newRow("15 digits") << u"100123456789020"_s << u"gtin.length"_s << false;
        QTest::newRow("1 digit") << u"0"_s << u"gtin.length"_s << false;
    }
    void notNumericOrWrongLength()
    {
        QFETCH(QString, barcode);
        QFETCH(QString, errorCode);
        QFETCH(bool, candidate);
        const auto result = Gtin::validate(barcode);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, errorCode);
        QVERIFY2(result.error().message.contains(u'\u201C' + barcode + u'\u201D'), qPrintable(result.error().message));
        QCOMPARE(Gtin::isNumericGtinCandidate(barcode), candidate);
    }

    void checkDigitOfBadBodies()
    {
        QCOMPARE(Gtin::checkDigit(u""), -1);
        QCOMPARE(Gtin::checkDigit(u"12a"), -1);
        QCOMPARE(Gtin::checkDigit(u"-1"), -1);
        QVERIFY(Gtin::withCheckDigit(u"").isEmpty());
        QVERIFY(Gtin::withCheckDigit(u"ABC").isEmpty());
    }

    void withCheckDigitMakesValidGtinsOfEveryLength()
    {
        // What the demo generator relies on: any digit body becomes a GTIN that validates.
        const QString digits = u"8412345678901234"_s;
        for (int bodyLength : {7, 11, 12, 13}) {
            for (int shift = 0; shift + bodyLength <= digits.size(); ++shift) {
                const QString gtin = Gtin::withCheckDigit(QStringView(digits).sliced(shift, bodyLength));
                QCOMPARE(gtin.size(), bodyLength + 1);
                SK_VERIFY_OK(Gtin::validate(gtin));
            }
        }
    }
};

QTEST_GUILESS_MAIN(tst_Gtin)
#include "tst_gtin.moc"

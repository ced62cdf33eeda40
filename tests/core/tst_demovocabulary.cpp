#include "demo/demovocabulary.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QTest>

using namespace sk;
using V = DemoVocabulary;

// The word lists feed SKUs, handles and e-mail addresses: a typo here would break the
// generator's uniqueness and format guarantees, so the lists are checked as data.
class tst_DemoVocabulary : public QObject
{
    Q_OBJECT

private slots:
    void everyNounNamesAdjectivesOfItsCategory()
    {
        for (const V::Category &c : V::categories()) {
            QSet<QString> codes;
            for (const V::Word &w : c.adjectives)
                codes.insert(QLatin1String(w.code));
            for (const V::Noun &n : c.nouns) {
                const QStringList wanted = QString::fromLatin1(n.adjectives).split(u' ', Qt::SkipEmptyParts);
                QVERIFY2(wanted.size() >= 2, n.name);
                for (const QString &code : wanted)
                    QVERIFY2(codes.contains(code), qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(n.name), code)));
            }
        }
    }

    void codesAreSkuSafe()
    {
        static const QRegularExpression code(QStringLiteral("^[A-Z0-9]{1,5}$"));
        QSet<QString> nounCodes;
        for (const V::Category &c : V::categories()) {
            QVERIFY(c.share > 0);
            QVERIFY(!c.vendors.empty() && !c.sentences.empty());
            for (const V::Noun &n : c.nouns) {
                QVERIFY2(QRegularExpression(QStringLiteral("^[A-Z]{3}$")).match(QLatin1String(n.code)).hasMatch(), n.code);
                QVERIFY2(!nounCodes.contains(QLatin1String(n.code)), n.code);
                nounCodes.insert(QLatin1String(n.code));
                QVERIFY(n.minPrice > 0 && n.minPrice <= n.maxPrice);
            }
            for (const V::Word &w : c.adjectives)
                QVERIFY2(QRegularExpression(QStringLiteral("^[A-Z]{3}$")).match(QLatin1String(w.code)).hasMatch(), w.code);
        }
        // Option values: codes distinct within each option, so SKUs of one product differ.
        for (auto scheme : {V::Options::ApparelSize, V::Options::WaistSize, V::Options::ShoeSize, V::Options::Color,
                            V::Options::MaterialColor, V::Options::Scent, V::Options::HomeSize, V::Options::HomeSizeColor,
                            V::Options::Volume, V::Options::GiftAmount}) {
            for (int slot = 0; slot < 2; ++slot) {
                QSet<QString> seen;
                for (const V::OptionValue &v : V::optionValues(scheme, slot)) {
                    const QString c = QLatin1String(v.code);
                    QVERIFY2(code.match(c).hasMatch(), v.code);
                    QVERIFY2(!seen.contains(c), v.code);
                    seen.insert(c);
                    QVERIFY(v.weight > 0);
                }
            }
        }
    }

    void placesAndCountriesAgree()
    {
        QSet<QString> countries;
        for (const V::Country &c : V::countries())
            countries.insert(QLatin1String(c.code));
        for (const V::Place &p : V::places()) {
            QVERIFY2(countries.contains(QLatin1String(p.countryCode)), p.countryCode);
            QVERIFY(p.weight > 0);
        }
        for (const char *domain : V::emailDomains())
            QVERIFY2(QString::fromLatin1(domain).contains(QLatin1String("example.")), domain);
    }
};

QTEST_GUILESS_MAIN(tst_DemoVocabulary)
#include "tst_demovocabulary.moc"

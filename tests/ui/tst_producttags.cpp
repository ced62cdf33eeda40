#include "products/producttags.h"

#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

class tst_ProductTags : public QObject
{
    Q_OBJECT

private slots:
    void normalizesAsMerchantsType()
    {
        QCOMPARE(ProductTags::normalized(u" sale,summer ,, Sale , new"_s), u"sale, summer, new"_s);
        QCOMPARE(ProductTags::normalized(QString()), QString());
        QCOMPARE(ProductTags::split(u"a, b"_s), (QStringList{u"a"_s, u"b"_s}));
    }

    void addsWithoutRepeating()
    {
        QCOMPARE(ProductTags::withAdded(u"sale, summer"_s, {u"SUMMER"_s, u"new"_s}), u"sale, summer, new"_s);
        QCOMPARE(ProductTags::withAdded(QString(), {u"new"_s}), u"new"_s);
    }

    void removesIgnoringCase()
    {
        QCOMPARE(ProductTags::withRemoved(u"sale, summer, new"_s, {u"Summer"_s, u"absent"_s}), u"sale, new"_s);
        QCOMPARE(ProductTags::withRemoved(u"sale"_s, {u"sale"_s}), QString());
    }
};

QTEST_GUILESS_MAIN(tst_ProductTags)
#include "tst_producttags.moc"

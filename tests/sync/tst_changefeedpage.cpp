#include "local/changefeedpage.h"
#include "localsynctestsupport.h"
#include "net/httpclient.h"

#include <QTest>

#include <variant>

using namespace sk;
using namespace sk::test;

class tst_ChangeFeedPage : public QObject
{
    Q_OBJECT

private slots:
    // The envelope is there before any change is read: a download asks for the next page with it.
    void readsTheEnvelopeFirst()
    {
        const MiniShop shop = MiniShop::make();
        const auto page = ChangeFeedPage::parse(pageJson(pageOf(shop.changes(), 42, QStringLiteral("cursor-7"))));
        SK_VERIFY_OK(page);
        QCOMPARE(page->nextCursor(), QStringLiteral("cursor-7"));
        QCOMPARE(page->lastAppliedSeq(), qint64(42));
        QVERIFY(!page->hasMore());
        QCOMPARE(page->changeCount(), qint64(shop.changes().size()));
    }

    // decode() gives the records that reading toChangesPage()'s documents gives, change by change.
    void decodesTheSameRecordsAsTheDocuments()
    {
        const MiniShop shop = MiniShop::make();
        ChangesPage source = pageOf(shop.changes());
        source.changes.append(tombstoneOf(QStringLiteral("variant"), shop.blue.id, 9));
        const auto page = ChangeFeedPage::parse(pageJson(source));
        SK_VERIFY_OK(page);
        const auto documents = page->toChangesPage();
        SK_VERIFY_OK(documents);
        const auto decoded = page->decode();
        SK_VERIFY_OK(decoded);
        QCOMPARE(decoded->changes.size(), documents->changes.size());
        QVERIFY(decoded->changes.size() >= 5);
        for (qsizetype i = 0; i < decoded->changes.size(); ++i) {
            const Change &doc = documents->changes.at(i);
            const DecodedChange &rec = decoded->changes.at(i);
            QCOMPARE(rec.entity, doc.entity);
            QCOMPARE(rec.version, doc.version);
            QCOMPARE(rec.isDelete, doc.isDelete);
            if (doc.isDelete)
                continue;
            const auto expected = EntityDocuments::decode(doc.entity, JsonReader(doc.data));
            SK_VERIFY_OK(expected);
            QCOMPARE(rec.record.index(), expected->index());
            // Written back as documents, both say the same.
            QCOMPARE(std::visit([](const auto &r) { return RecordJson::toJson(r); }, rec.record),
                     std::visit([](const auto &r) { return RecordJson::toJson(r); }, *expected));
        }
        QVERIFY(decoded->changes.constLast().isDelete);
    }

    void skipsUnknownTypes()
    {
        const MiniShop shop = MiniShop::make();
        ChangesPage source = pageOf({changeOf(shop.product)});
        source.changes.append(upsertOf(QStringLiteral("gift_card"), uuid(), QJsonObject{{QStringLiteral("x"), 1}}));
        const auto decoded = ChangeFeedPage::parse(pageJson(source))->decode();
        SK_VERIFY_OK(decoded);
        QCOMPARE(decoded->changes.size(), 1);
        QCOMPARE(decoded->changes.at(0).entity.type, QStringLiteral("product"));
    }

    // A document that breaks RecordJson's rules names the change and the field.
    void aBadDocumentNamesTheChangeAndField()
    {
        const MiniShop shop = MiniShop::make();
        QJsonObject product = RecordJson::toJson(shop.product);
        product.insert(QStringLiteral("status"), QStringLiteral("sold-out"));
        const ChangesPage source = pageOf({upsertOf(QStringLiteral("product"), shop.product.id, product)});
        const auto page = ChangeFeedPage::parse(pageJson(source));
        SK_VERIFY_OK(page); // the envelope is fine
        const auto decoded = page->decode();
        QVERIFY(!decoded.ok());
        QVERIFY2(decoded.error().detail.contains(shop.product.id), qPrintable(decoded.error().detail));
        QVERIFY2(decoded.error().detail.endsWith(QStringLiteral("status")), qPrintable(decoded.error().detail));
    }

    // A body with room after it is read in place, one without is copied: both read the same.
    void readsPaddedAndUnpaddedBodiesAlike()
    {
        const MiniShop shop = MiniShop::make();
        const QByteArray json = pageJson(pageOf(shop.changes(), 7, QStringLiteral("cursor-p")));
        QByteArray padded;
        padded.reserve(json.size() + HttpResponse::BodyPadding);
        padded.append(json);
        QVERIFY(padded.capacity() - padded.size() >= HttpResponse::BodyPadding);
        QByteArray tight = json;
        tight.squeeze();
        for (const QByteArray &body : {padded, tight}) {
            const auto page = ChangeFeedPage::parse(body);
            SK_VERIFY_OK(page);
            QCOMPARE(page->nextCursor(), QStringLiteral("cursor-p"));
            const auto decoded = page->decode();
            SK_VERIFY_OK(decoded);
            QCOMPARE(decoded->changes.size(), shop.changes().size());
        }
    }

    // Pages of one download share a parser pool: a parser goes back to it only when its page is
    // freed, so pages alive at once never share one, and a later page reuses a freed one.
    void pagesOfOnePoolNeverShareAParser()
    {
        const MiniShop shop = MiniShop::make();
        const auto pool = ChangeFeedPage::makeParserPool();
        const ChangesPage productsOnly = pageOf({changeOf(shop.product)}, 1, QStringLiteral("first"));
        const ChangesPage everything = pageOf(shop.changes(), 2, QStringLiteral("second"));
        auto first = ChangeFeedPage::parse(pageJson(productsOnly), pool);
        auto second = ChangeFeedPage::parse(pageJson(everything), pool);
        SK_VERIFY_OK(first);
        SK_VERIFY_OK(second);
        // Both still read their own documents.
        const auto firstDecoded = first->decode();
        SK_VERIFY_OK(firstDecoded);
        QCOMPARE(firstDecoded->changes.size(), 1);
        QCOMPARE(firstDecoded->changes.at(0).entity.id, shop.product.id);
        QCOMPARE(second->decode()->changes.size(), shop.changes().size());

        first = Result<ChangeFeedPage>(makeError(QStringLiteral("test.freed"), QString())); // frees page one
        auto third = ChangeFeedPage::parse(pageJson(productsOnly), pool);
        SK_VERIFY_OK(third);
        QCOMPARE(third->nextCursor(), QStringLiteral("first"));
        QCOMPARE(second->nextCursor(), QStringLiteral("second"));
        QCOMPARE(second->decode()->changes.size(), shop.changes().size());
        QCOMPARE(third->decode()->changes.size(), 1);
    }

    void refusesWhatIsNotJson()
    {
        const auto page = ChangeFeedPage::parse(QByteArray("{\"changes\": ["));
        QVERIFY(!page.ok());
        QCOMPARE(page.error().code, QStringLiteral("sync.bad_page"));
        QCOMPARE(page.error().detail, QStringLiteral("body"));
    }
};

QTEST_GUILESS_MAIN(tst_ChangeFeedPage)
#include "tst_changefeedpage.moc"

#include "storage/ftsquery.h"
#include "storage/sqlitedatabase.h"
#include "testsupport.h"

#include <QSet>
#include <QTest>

using namespace sk;

namespace {

// The terms SQLite's unicode61 tokenizer makes of `text` (case folded, diacritics kept).
QStringList sqliteTokens(SqliteDatabase &db, const QString &text)
{
    if (!db.exec("DELETE FROM t").ok())
        return {QStringLiteral("<delete failed>")};
    auto ins = db.prepare("INSERT INTO t (x) VALUES (?)");
    if (!ins.ok())
        return {QStringLiteral("<prepare failed>")};
    ins->bind(1, text);
    if (!ins->exec().ok())
        return {QStringLiteral("<insert failed>")};
    auto terms = db.prepare("SELECT term FROM tv ORDER BY term");
    QStringList out;
    while (terms.ok() && terms->step().valueOr(false))
        out.append(terms->text(0));
    return out;
}

// The terms our query asks for, without the quoting.
QStringList queryTokens(const QString &query)
{
    QStringList out;
    if (query.isEmpty())
        return out;
    for (QString part : query.split(QStringLiteral(" AND "))) {
        if (!part.startsWith(QLatin1Char('"')) || !part.endsWith(QStringLiteral("\"*")))
            return {QStringLiteral("<malformed: %1>").arg(part)};
        out.append(part.mid(1, part.size() - 3));
    }
    return out;
}

} // namespace

class tst_FtsQuery : public QObject
{
    Q_OBJECT

private slots:
    void emptyInputGivesEmptyQuery_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("null") << QString();
        QTest::newRow("empty") << QStringLiteral("");
        QTest::newRow("spaces") << QStringLiteral("   \t ");
        QTest::newRow("punctuation only") << QStringLiteral("#-_/\"*()");
    }
    void emptyInputGivesEmptyQuery()
    {
        QFETCH(QString, input);
        QCOMPARE(FtsQuery::prefixQuery(input), QString());
    }

    void wordsBecomeQuotedLowerCasePrefixesJoinedWithAnd()
    {
        QCOMPARE(FtsQuery::prefixQuery(QStringLiteral("Red")), QStringLiteral("\"red\"*"));
        QCOMPARE(FtsQuery::prefixQuery(QStringLiteral("  Red   SHIRT ")), QStringLiteral("\"red\"* AND \"shirt\"*"));
        QCOMPARE(FtsQuery::prefixQuery(QStringLiteral("TS-RED_m/XL")),
                 QStringLiteral("\"ts\"* AND \"red\"* AND \"m\"* AND \"xl\"*"));
        QCOMPARE(FtsQuery::prefixQuery(QStringLiteral("#1001")), QStringLiteral("\"1001\"*"));
        QCOMPARE(FtsQuery::prefixQuery(QStringLiteral("jane.doe@example.com")),
                 QStringLiteral("\"jane\"* AND \"doe\"* AND \"example\"* AND \"com\"*"));
        QCOMPARE(FtsQuery::prefixQuery(QStringLiteral("Crème")), QStringLiteral("\"crème\"*"));
    }

    // Whatever is typed, the query parses and matches only what the words match.
    void userSyntaxIsNeverParsed_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("quote") << QStringLiteral("say \"hi");
        QTest::newRow("operators") << QStringLiteral("red OR blue NOT green AND");
        QTest::newRow("near") << QStringLiteral("NEAR(red blue, 2)");
        QTest::newRow("column filter") << QStringLiteral("title:red");
        QTest::newRow("star and caret") << QStringLiteral("^red* +blue -x");
        QTest::newRow("braces") << QStringLiteral("{title sku}: red");
    }
    void userSyntaxIsNeverParsed()
    {
        QFETCH(QString, input);
        auto db = SqliteDatabase::open(QStringLiteral(":memory:"), SqliteDatabase::Mode::ReadWriteCreate);
        SK_VERIFY_OK(db);
        SK_VERIFY_OK((*db)->exec("CREATE VIRTUAL TABLE f USING fts5(title, sku, tokenize='unicode61 remove_diacritics 2');"
                                 "INSERT INTO f VALUES ('red blue green hi say near 2 title or not and x', 'sku');"
                                 "INSERT INTO f VALUES ('nothing here', 'other');"));
        const QString query = FtsQuery::prefixQuery(input);
        auto stmt = (*db)->prepare("SELECT count(*) FROM f WHERE f MATCH ?");
        SK_VERIFY_OK(stmt);
        stmt->bind(1, query);
        auto row = stmt->step();
        SK_VERIFY_OK(row);
        QVERIFY(*row);
        // Every word of every input above is in the first row only.
        QCOMPARE(stmt->int64(0), qint64(1));
    }

    // Tokens must split where SQLite's unicode61 tokenizer splits, or a prefix term would
    // span two index terms and never match.
    void tokensMatchTheUnicode61Tokenizer_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("ascii separators") << QStringLiteral("a_b c-d e/f g.h i:j k+l m'n o\"p q*r (s) t,u");
        QTest::newRow("digits") << QStringLiteral("SKU-0042/7 12.5 #1001");
        QTest::newRow("accents") << QStringLiteral("Crème brûlée Ærø Straße");
        QTest::newRow("combining mark") << QStringLiteral("cafe\u0301 au lait");
        QTest::newRow("cjk and cyrillic") << QStringLiteral("東京 タワー Москва");
        QTest::newRow("astral letters") << QStringLiteral("\U0001D400bc x\U0001F600y");
        QTest::newRow("typographic punctuation") << QStringLiteral("it\u2019s \u201Cquoted\u201D \u2014 dash\u00A0nbsp");
        QTest::newRow("other numbers") << QStringLiteral("x\u00B2 \u2167 \u0663k");
    }
    void tokensMatchTheUnicode61Tokenizer()
    {
        QFETCH(QString, input);
        auto db = SqliteDatabase::open(QStringLiteral(":memory:"), SqliteDatabase::Mode::ReadWriteCreate);
        SK_VERIFY_OK(db);
        SK_VERIFY_OK((*db)->exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 0');"
                                 "CREATE VIRTUAL TABLE tv USING fts5vocab(t, 'row');"));
        QStringList expected = sqliteTokens(**db, input);
        QStringList actual = queryTokens(FtsQuery::prefixQuery(input));
        // SQLite folds case itself; compare folded, as sets (the vocabulary is deduplicated).
        for (QString &t : actual)
            t = t.toCaseFolded();
        for (QString &t : expected)
            t = t.toCaseFolded();
        const QSet<QString> a(actual.cbegin(), actual.cend());
        const QSet<QString> e(expected.cbegin(), expected.cend());
        QCOMPARE(a, e);
    }

    void prefixesFindWordsWhateverTheirAccentsOrCase()
    {
        auto db = SqliteDatabase::open(QStringLiteral(":memory:"), SqliteDatabase::Mode::ReadWriteCreate);
        SK_VERIFY_OK(db);
        SK_VERIFY_OK((*db)->exec("CREATE VIRTUAL TABLE f USING fts5(x, tokenize='unicode61 remove_diacritics 2');"
                                 "INSERT INTO f (rowid, x) VALUES (1, 'Crème Brûlée Deluxe');"
                                 "INSERT INTO f (rowid, x) VALUES (2, 'creme caramel');"));
        auto stmt = (*db)->prepare("SELECT group_concat(rowid) FROM (SELECT rowid FROM f WHERE f MATCH ? ORDER BY rowid)");
        SK_VERIFY_OK(stmt);
        const auto hits = [&](const QString &text) {
            stmt->reset();
            stmt->bind(1, FtsQuery::prefixQuery(text));
            return stmt->step().valueOr(false) ? stmt->text(0) : QStringLiteral("<error>");
        };
        QCOMPARE(hits(QStringLiteral("CREM")), QStringLiteral("1,2"));
        QCOMPARE(hits(QStringLiteral("crè bru")), QStringLiteral("1"));
        QCOMPARE(hits(QStringLiteral("brulee-deluxe")), QStringLiteral("1"));
        QCOMPARE(hits(QStringLiteral("caramel")), QStringLiteral("2"));
        QCOMPARE(hits(QStringLiteral("cr xyz")), QString());
    }
};

QTEST_GUILESS_MAIN(tst_FtsQuery)
#include "tst_ftsquery.moc"

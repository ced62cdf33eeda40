#include "storage/sqlitedatabase.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace sk;

class tst_SqliteDatabase : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SqliteDatabase> m_db;

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto db = SqliteDatabase::open(m_dir.filePath(QStringLiteral("t.sqlite")), SqliteDatabase::Mode::ReadWriteCreate);
        SK_VERIFY_OK(db);
        m_db = std::move(db).value();
        SK_VERIFY_OK(m_db->exec("DROP TABLE IF EXISTS t; CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB)"));
    }
    void cleanup() { m_db.reset(); }

    void typedBindsRoundTrip()
    {
        const QString utf8 = QStringLiteral("Zoë 東京 👕 \"quoted\" 'single'");
        const QByteArray blob = QByteArray("\x00\x01\xff\x00zz", 6);
        auto ins = m_db->prepare("INSERT INTO t (i, r, s, b) VALUES (?, ?, ?, ?)");
        SK_VERIFY_OK(ins);
        ins->bind(1, std::numeric_limits<qint64>::min()).bind(2, 0.1).bind(3, utf8).bindBlob(4, blob);
        SK_VERIFY_OK(ins->exec());
        ins->bind(1, std::numeric_limits<qint64>::max()).bind(2, -1e300).bind(3, "plain utf-8 \xc3\xa9").bindNull(4);
        SK_VERIFY_OK(ins->exec());
        ins->bind(1, true).bind(2, std::optional<double>()).bind(3, QString()).bind(4, std::optional<qint64>(7));
        SK_VERIFY_OK(ins->exec());
        ins->bind(1, 42).bind(2, std::optional<double>(2.5)).bindUtf8(3, QByteArray("bytes")).bindBlob(4, QByteArray());
        SK_VERIFY_OK(ins->exec());
        ins->bindAll(qint64(5), 1.5, QStringLiteral(""), QStringLiteral("x"));
        SK_VERIFY_OK(ins->exec());

        auto sel = m_db->prepare("SELECT i, r, s, b, typeof(i), typeof(r), typeof(s), typeof(b) FROM t ORDER BY rowid");
        SK_VERIFY_OK(sel);
        QVERIFY(sel->step().value());
        QCOMPARE(sel->columnCount(), 8);
        QCOMPARE(sel->int64(0), std::numeric_limits<qint64>::min());
        QCOMPARE(sel->real(1), 0.1);
        QCOMPARE(sel->text(2), utf8);
        QCOMPARE(sel->blob(3), blob);
        QCOMPARE(sel->text(7), QStringLiteral("blob"));

        QVERIFY(sel->step().value());
        QCOMPARE(sel->int64(0), std::numeric_limits<qint64>::max());
        QCOMPARE(sel->real(1), -1e300);
        QCOMPARE(sel->text(2), QStringLiteral("plain utf-8 é"));
        QVERIFY(sel->isNull(3));
        QCOMPARE(sel->optionalInt64(3), std::nullopt);

        QVERIFY(sel->step().value());
        QCOMPARE(sel->int32(0), 1); // bool
        QVERIFY(sel->isNull(1));    // empty optional
        QVERIFY(sel->isNull(2));    // null QString
        QVERIFY(sel->text(2).isNull());
        QCOMPARE(sel->optionalInt64(3), std::optional<qint64>(7));

        QVERIFY(sel->step().value());
        QCOMPARE(sel->int32(0), 42);
        QCOMPARE(sel->real(1), 2.5);
        QCOMPARE(sel->utf8(2), QByteArray("bytes"));
        QCOMPARE(sel->text(6), QStringLiteral("text"));
        QCOMPARE(sel->blob(3), QByteArray());
        QCOMPARE(sel->text(7), QStringLiteral("blob"));

        QVERIFY(sel->step().value());
        QCOMPARE(sel->int64(0), qint64(5));
        QVERIFY(!sel->isNull(2)); // an empty, non-null string stays a string
        QCOMPARE(sel->text(6), QStringLiteral("text"));
        QCOMPARE(sel->text(2), QString());

        QVERIFY(!sel->step().value());
    }

    void errorsCarryTheSqliteMessageAndTheStatement()
    {
        const QByteArray bad = "SELECT nope FROM missing_table";
        auto prepared = m_db->prepare(bad);
        QVERIFY(!prepared.ok());
        QCOMPARE(prepared.error().code, QStringLiteral("sqlite.error"));
        QVERIFY2(prepared.error().message.contains(QLatin1String("no such table: missing_table")),
                 qPrintable(prepared.error().message));
        QCOMPARE(prepared.error().detail, QString::fromUtf8(bad));

        auto exec = m_db->exec("CREATE TABLE t (x)");
        QVERIFY(!exec.ok());
        QVERIFY(exec.error().message.contains(QLatin1String("already exists")));
        QCOMPARE(exec.error().detail, QStringLiteral("CREATE TABLE t (x)"));

        auto none = m_db->queryInt64("SELECT i FROM t WHERE 0");
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code, QStringLiteral("sqlite.no_row"));
    }

    void constraintViolationsHaveTheirOwnCode()
    {
        SK_VERIFY_OK(m_db->exec("CREATE TABLE u (k TEXT NOT NULL UNIQUE, n INTEGER CHECK (n > 0))"));
        auto ins = m_db->prepare("INSERT INTO u (k, n) VALUES (?, ?)");
        SK_VERIFY_OK(ins);
        ins->bind(1, "a").bind(2, 1);
        SK_VERIFY_OK(ins->exec());
        for (const auto &[key, n, fragment] :
             {std::tuple{"a", 1, "UNIQUE constraint failed: u.k"}, std::tuple{"b", 0, "CHECK constraint failed"},
              std::tuple{static_cast<const char *>(nullptr), 1, "NOT NULL constraint failed: u.k"}}) {
            ins->bind(1, key).bind(2, n);
            auto r = ins->exec();
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, QStringLiteral("sqlite.constraint"));
            QVERIFY2(r.error().message.contains(QLatin1String(fragment)), qPrintable(r.error().message));
            QCOMPARE(r.error().detail, QStringLiteral("INSERT INTO u (k, n) VALUES (?, ?)"));
            ins->reset();
        }
        // The failed statement is usable again.
        ins->bind(1, "c").bind(2, 3);
        SK_VERIFY_OK(ins->exec());
        QCOMPARE(m_db->queryInt64("SELECT count(*) FROM u").value(), qint64(2));
    }

    void cachedStatementsComeBackResetAndUnbound()
    {
        SK_VERIFY_OK(m_db->exec("INSERT INTO t (i) VALUES (1), (2), (3)"));
        const char *sql = "SELECT i, ?1 FROM t ORDER BY i";
        auto first = m_db->cached(sql);
        SK_VERIFY_OK(first);
        (*first)->bind(1, 99);
        QVERIFY((*first)->step().value());
        QVERIFY((*first)->step().value());
        QCOMPARE((*first)->int64(0), qint64(2)); // left mid-iteration

        auto again = m_db->cached(sql);
        SK_VERIFY_OK(again);
        QCOMPARE(*again, *first); // the same prepared statement
        QVERIFY((*again)->step().value());
        QCOMPARE((*again)->int64(0), qint64(1)); // from the start
        QVERIFY((*again)->isNull(1));            // bindings cleared

        // A different text is a different statement; the key is the text, not the pointer.
        const QByteArray copy(sql);
        auto same = m_db->cached(copy.constData());
        SK_VERIFY_OK(same);
        QCOMPARE(*same, *first);
        auto other = m_db->cached("SELECT 1");
        SK_VERIFY_OK(other);
        QVERIFY(*other != *first);

        // A cached statement that failed is reset too.
        auto failing = m_db->cached("INSERT INTO t (rowid) VALUES (?1)");
        SK_VERIFY_OK(failing);
        (*failing)->bind(1, 1);
        QVERIFY(!(*failing)->exec().ok()); // rowid 1 exists
        auto reused = m_db->cached("INSERT INTO t (rowid) VALUES (?1)");
        SK_VERIFY_OK(reused);
        (*reused)->bind(1, 100);
        SK_VERIFY_OK((*reused)->exec());
    }

    void userVersionAndChangesAreReported()
    {
        QCOMPARE(m_db->userVersion().value(), 0);
        SK_VERIFY_OK(m_db->setUserVersion(17));
        QCOMPARE(m_db->userVersion().value(), 17);
        SK_VERIFY_OK(m_db->exec("INSERT INTO t (i) VALUES (1), (2)"));
        QCOMPARE(m_db->changes(), 2);
        QCOMPARE(m_db->lastInsertRowId(), qint64(2));
        QVERIFY(!m_db->inTransaction());
        SK_VERIFY_OK(m_db->exec("BEGIN"));
        QVERIFY(m_db->inTransaction());
        SK_VERIFY_OK(m_db->exec("ROLLBACK"));
    }

    void foreignKeysAndBusyTimeoutAreOnForEveryConnection()
    {
        QCOMPARE(m_db->queryInt64("PRAGMA foreign_keys").value(), qint64(1));
        QCOMPARE(m_db->queryInt64("PRAGMA busy_timeout").value(), qint64(SqliteDatabase::BusyTimeoutMs));
        auto ro = SqliteDatabase::open(m_db->path(), SqliteDatabase::Mode::ReadOnly);
        SK_VERIFY_OK(ro);
        QCOMPARE((*ro)->queryInt64("PRAGMA foreign_keys").value(), qint64(1));
        QCOMPARE((*ro)->queryInt64("PRAGMA busy_timeout").value(), qint64(SqliteDatabase::BusyTimeoutMs));
    }

    void readOnlyConnectionsRefuseWrites()
    {
        auto ro = SqliteDatabase::open(m_db->path(), SqliteDatabase::Mode::ReadOnly);
        SK_VERIFY_OK(ro);
        QVERIFY((*ro)->isReadOnly());
        auto r = (*ro)->exec("INSERT INTO t (i) VALUES (1)");
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("sqlite.readonly"));
    }

    void openingAMissingFileWithoutCreateFails()
    {
        const QString path = m_dir.filePath(QStringLiteral("missing/nothing.sqlite"));
        auto r = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWrite);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("sqlite.cant_open"));
        QVERIFY(r.error().message.contains(path));
        QVERIFY(!QFile::exists(path));
    }

    void renameTablesChangesNamesOnly_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("bare, any case") << QByteArray("SELECT t.i FROM T JOIN u ON u.i = t.i")
                                        << QByteArray("SELECT s_t.i FROM s_t JOIN u ON u.i = s_t.i");
        QTest::newRow("qualified") << QByteArray("INSERT INTO main.t (i) VALUES (1)")
                                   << QByteArray("INSERT INTO main.s_t (i) VALUES (1)");
        QTest::newRow("quoted names") << QByteArray("SELECT * FROM \"t\", `t`, [t]")
                                      << QByteArray("SELECT * FROM \"s_t\", \"s_t\", \"s_t\"");
        QTest::newRow("string literals stay") << QByteArray("SELECT 't', 'it''s t' FROM t WHERE s = 't'")
                                              << QByteArray("SELECT 't', 'it''s t' FROM s_t WHERE s = 't'");
        QTest::newRow("comments stay") << QByteArray("SELECT 1 -- from t\nFROM t /* t */")
                                       << QByteArray("SELECT 1 -- from t\nFROM s_t /* t */");
        QTest::newRow("longer words stay") << QByteArray("SELECT ti, t_i, t2 FROM t") << QByteArray("SELECT ti, t_i, t2 FROM s_t");
        QTest::newRow("references") << QByteArray("CREATE TABLE c (t_id TEXT REFERENCES t (i))")
                                    << QByteArray("CREATE TABLE c (t_id TEXT REFERENCES s_t (i))");
    }

    void renameTablesChangesNamesOnly()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QByteArray, expected);
        QCOMPARE(SqliteDatabase::renameTables(sql, {{"t", "s_t"}}), expected);
    }

    // The connection the first sync writes its staging tables with: the same SQL reaches
    // another table, and other connections are untouched.
    void aConnectionWithTableNamesUsesTheOtherTables()
    {
        SK_VERIFY_OK(m_db->exec("CREATE TABLE staged_t (i INTEGER, r REAL, s TEXT, b BLOB)"));
        auto other = SqliteDatabase::open(m_dir.filePath(QStringLiteral("t.sqlite")), SqliteDatabase::Mode::ReadWrite);
        SK_VERIFY_OK(other);
        (*other)->setTableNames({{"t", "staged_t"}});
        SK_VERIFY_OK((*other)->exec("INSERT INTO t (i) VALUES (7)"));
        auto cached = (*other)->cached("INSERT INTO t (i) VALUES (?)");
        SK_VERIFY_OK(cached);
        (*cached)->bind(1, 8);
        SK_VERIFY_OK((*cached)->exec());
        QCOMPARE((*other)->queryInt64("SELECT sum(i) FROM t").valueOr(-1), 15);
        QCOMPARE(m_db->queryInt64("SELECT count(*) FROM t").valueOr(-1), 0);
        QCOMPARE(m_db->queryInt64("SELECT sum(i) FROM staged_t").valueOr(-1), 15);
    }
};

QTEST_GUILESS_MAIN(tst_SqliteDatabase)
#include "tst_sqlitedatabase.moc"

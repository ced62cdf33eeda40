#include "storage/sqlitedatabase.h"
#include "storage/sqlitetransaction.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sk;

class tst_SqliteTransaction : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SqliteDatabase> m_db;

    qint64 count() { return m_db->queryInt64("SELECT count(*) FROM t").valueOr(-1); }
    // What another connection sees: only committed rows.
    qint64 committedCount()
    {
        auto other = SqliteDatabase::open(m_db->path(), SqliteDatabase::Mode::ReadOnly);
        return other.ok() ? (*other)->queryInt64("SELECT count(*) FROM t").valueOr(-1) : -1;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto db = SqliteDatabase::open(m_dir.filePath(QStringLiteral("t.sqlite")), SqliteDatabase::Mode::ReadWriteCreate);
        SK_VERIFY_OK(db);
        m_db = std::move(db).value();
        SK_VERIFY_OK(m_db->exec("PRAGMA journal_mode=WAL; DROP TABLE IF EXISTS t; CREATE TABLE t (x)"));
    }
    void cleanup() { m_db.reset(); }

    void rollsBackOnScopeExit()
    {
        {
            auto tx = SqliteTransaction::begin(*m_db);
            SK_VERIFY_OK(tx);
            SK_VERIFY_OK(m_db->exec("INSERT INTO t VALUES (1)"));
            QCOMPARE(count(), qint64(1));
            QVERIFY(m_db->inTransaction());
        }
        QVERIFY(!m_db->inTransaction());
        QCOMPARE(count(), qint64(0));
    }

    void commitKeepsTheWork()
    {
        {
            auto tx = SqliteTransaction::begin(*m_db, SqliteTransaction::Kind::Deferred);
            SK_VERIFY_OK(tx);
            SK_VERIFY_OK(m_db->exec("INSERT INTO t VALUES (1), (2)"));
            QCOMPARE(committedCount(), qint64(0)); // not visible before commit
            SK_VERIFY_OK(tx->commit());
        }
        QCOMPARE(count(), qint64(2));
        QCOMPARE(committedCount(), qint64(2));
    }

    void explicitRollbackAndMovedGuards()
    {
        auto tx = SqliteTransaction::begin(*m_db);
        SK_VERIFY_OK(tx);
        SK_VERIFY_OK(m_db->exec("INSERT INTO t VALUES (1)"));
        SqliteTransaction moved(std::move(*tx)); // the moved-from guard must not roll back
        QVERIFY(m_db->inTransaction());
        moved.rollback();
        QVERIFY(!m_db->inTransaction());
        QCOMPARE(count(), qint64(0));
    }

    void immediateTransactionsFindABusyWriterAtBegin()
    {
        auto other = SqliteDatabase::open(m_db->path(), SqliteDatabase::Mode::ReadWrite);
        SK_VERIFY_OK(other);
        SK_VERIFY_OK((*other)->exec("PRAGMA busy_timeout=0"));
        auto tx = SqliteTransaction::begin(*m_db);
        SK_VERIFY_OK(tx);
        auto second = SqliteTransaction::begin(**other);
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, QStringLiteral("sqlite.busy"));
    }

    void savepointRollbackKeepsTheOuterWork()
    {
        auto tx = SqliteTransaction::begin(*m_db);
        SK_VERIFY_OK(tx);
        SK_VERIFY_OK(m_db->exec("INSERT INTO t VALUES ('outer')"));
        {
            auto sp = SqliteSavepoint::begin(*m_db, "inner");
            SK_VERIFY_OK(sp);
            SK_VERIFY_OK(m_db->exec("INSERT INTO t VALUES ('inner 1'), ('inner 2')"));
            QCOMPARE(count(), qint64(3));
        } // rolled back
        QVERIFY(m_db->inTransaction());
        QCOMPARE(count(), qint64(1));
        {
            auto sp = SqliteSavepoint::begin(*m_db, "kept");
            SK_VERIFY_OK(sp);
            SK_VERIFY_OK(m_db->exec("INSERT INTO t VALUES ('kept')"));
            SK_VERIFY_OK(sp->release());
        }
        {
            auto sp = SqliteSavepoint::begin(*m_db, "explicit");
            SK_VERIFY_OK(sp);
            SK_VERIFY_OK(m_db->exec("INSERT INTO t VALUES ('dropped')"));
            sp->rollback();
        }
        SK_VERIFY_OK(tx->commit());
        QCOMPARE(committedCount(), qint64(2));
        QCOMPARE(m_db->queryInt64("SELECT count(*) FROM t WHERE x IN ('outer', 'kept')").value(), qint64(2));
    }

    void savepointWithoutOuterTransactionCommitsOnRelease()
    {
        {
            auto sp = SqliteSavepoint::begin(*m_db, "alone");
            SK_VERIFY_OK(sp);
            SK_VERIFY_OK(m_db->exec("INSERT INTO t VALUES (1)"));
            SK_VERIFY_OK(sp->release());
        }
        QVERIFY(!m_db->inTransaction());
        QCOMPARE(committedCount(), qint64(1));
        {
            auto sp = SqliteSavepoint::begin(*m_db, "alone");
            SK_VERIFY_OK(sp);
            SK_VERIFY_OK(m_db->exec("INSERT INTO t VALUES (2)"));
        }
        QVERIFY(!m_db->inTransaction());
        QCOMPARE(count(), qint64(1));
    }
};

QTEST_GUILESS_MAIN(tst_SqliteTransaction)
#include "tst_sqlitetransaction.moc"

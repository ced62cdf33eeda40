// MemorySecretStore: the in-memory SecretStore the auth tests use; it must behave like the
// keychain one (not_found, idempotent remove, unavailable when switched off).

#include "auth/secretstore.h"
#include "testsupport.h"

#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

class tst_MemorySecretStore : public QObject
{
    Q_OBJECT

private slots:
    void writeReadOverwriteRemove()
    {
        MemorySecretStore store;
        SK_VERIFY_OK(store.checkAvailable());
        QCOMPARE(store.read(u"k"_s).error().code, u"secret.not_found"_s);

        SK_VERIFY_OK(store.write(u"k"_s, QByteArray("one\0two", 7)));
        QCOMPARE(*store.read(u"k"_s), QByteArray("one\0two", 7));
        SK_VERIFY_OK(store.write(u"other"_s, "B"));
        SK_VERIFY_OK(store.write(u"k"_s, "three"));
        QCOMPARE(*store.read(u"k"_s), QByteArray("three"));
        QCOMPARE(*store.read(u"other"_s), QByteArray("B"));
        QCOMPARE(store.size(), 2);

        SK_VERIFY_OK(store.remove(u"k"_s));
        QCOMPARE(store.read(u"k"_s).error().code, u"secret.not_found"_s);
        SK_VERIFY_OK(store.remove(u"k"_s)); // removing a missing entry succeeds
        QCOMPARE(store.size(), 1);
    }

    void unavailableStoreRefusesEverything()
    {
        MemorySecretStore store;
        SK_VERIFY_OK(store.write(u"k"_s, "v"));
        store.setAvailable(false);
        for (const Error &error : {store.checkAvailable().error(), store.read(u"k"_s).error(),
                                   store.write(u"k"_s, "w").error(), store.remove(u"k"_s).error()}) {
            QCOMPARE(error.code, u"secret.unavailable"_s);
            QVERIFY(!error.message.isEmpty());
        }
        store.setAvailable(true);
        QCOMPARE(*store.read(u"k"_s), QByteArray("v")); // nothing changed while it was off
    }
};

QTEST_GUILESS_MAIN(tst_MemorySecretStore)
#include "tst_memorysecretstore.moc"

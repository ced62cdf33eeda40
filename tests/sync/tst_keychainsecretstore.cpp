// KeychainSecretStore against the REAL Secret Service (gnome-keyring under ./scripts/test's
// dbus-run-session): write, read, overwrite, remove, binary data, separate keys, calls from
// worker threads without an event loop, and a clear "secret.unavailable" when there is no bus.
//
// To run it by hand:
//   dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null;
//                              ./build/tests/tst_keychainsecretstore'
// Without a usable keychain it skips, except under CI=true, where it fails.

#include "auth/secretstore.h"
#include "testsupport.h"
#include "util/uuidv7.h"

#include <QCoreApplication>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>
#include <QThread>

#include <cstdio>
#include <memory>
#include <vector>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

// The child mode: probe the keychain with whatever environment we were given, print the result.
constexpr const char *ProbeArgument = "--probe-keychain";

QString uniqueName(const QString &prefix)
{
    return prefix + UuidV7::toText(UuidV7::create());
}

QByteArray allByteValues()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    return bytes;
}

} // namespace

class tst_KeychainSecretStore : public QObject
{
    Q_OBJECT

private:
    // A service of our own, so that no real Storekeep entry is ever touched.
    const QString m_service = uniqueName(u"Storekeep test "_s);
    QStringList m_keys; // removed at the end

    QString newKey()
    {
        m_keys.append(uniqueName(u"http://127.0.0.1:1|user-"_s));
        return m_keys.last();
    }

private slots:
    void initTestCase()
    {
        const bool ci = qEnvironmentVariable("CI") == u"true";
        QString problem;
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            problem = u"no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is empty); run under ./scripts/test, or "
                      u"dbus-run-session with an unlocked gnome-keyring-daemon"_s;
        } else if (const Result<void> available = KeychainSecretStore(m_service).checkAvailable(); !available.ok()) {
            problem = u"the keychain is not usable: "_s + available.error().message;
        }
        if (problem.isEmpty())
            return;
        if (ci)
            QFAIL(qPrintable(u"CI=true needs a real keychain: "_s + problem));
        QSKIP(qPrintable(problem));
    }

    void cleanupTestCase()
    {
        KeychainSecretStore store(m_service);
        for (const QString &key : std::as_const(m_keys))
            (void)store.remove(key);
    }

    void writeReadOverwriteRemove()
    {
        KeychainSecretStore store(m_service);
        const QString key = newKey();
        QCOMPARE(store.read(key).error().code, u"secret.not_found"_s);

        SK_VERIFY_OK(store.write(key, R"({"access_token":"a1","refresh_token":"r1"})"));
        const Result<QByteArray> first = store.read(key);
        SK_VERIFY_OK(first);
        QCOMPARE(*first, QByteArray(R"({"access_token":"a1","refresh_token":"r1"})"));

        SK_VERIFY_OK(store.write(key, "second"));
        QCOMPARE(*store.read(key), QByteArray("second"));

        // Another store object over the same service sees the same entry: it is in the keychain.
        QCOMPARE(*KeychainSecretStore(m_service).read(key), QByteArray("second"));

        SK_VERIFY_OK(store.remove(key));
        const Result<QByteArray> gone = store.read(key);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code, u"secret.not_found"_s);
        QVERIFY(!gone.error().message.isEmpty());
    }

    void removingAMissingEntrySucceeds()
    {
        KeychainSecretStore store(m_service);
        SK_VERIFY_OK(store.remove(newKey()));
    }

    void keepsBinaryDataIntact()
    {
        KeychainSecretStore store(m_service);
        const QString key = newKey();
        const QByteArray bytes = allByteValues() + QByteArray(3, '\0') + "end";
        SK_VERIFY_OK(store.write(key, bytes));
        const Result<QByteArray> back = store.read(key);
        SK_VERIFY_OK(back);
        QCOMPARE(back->size(), bytes.size());
        QCOMPARE(*back, bytes);
    }

    void keysAndServicesAreDistinct()
    {
        KeychainSecretStore store(m_service);
        const QString a = newKey();
        const QString b = newKey();
        SK_VERIFY_OK(store.write(a, "secret A"));
        SK_VERIFY_OK(store.write(b, "secret B"));
        QCOMPARE(*store.read(a), QByteArray("secret A"));
        QCOMPARE(*store.read(b), QByteArray("secret B"));
        SK_VERIFY_OK(store.remove(a));
        QCOMPARE(store.read(a).error().code, u"secret.not_found"_s);
        QCOMPARE(*store.read(b), QByteArray("secret B"));

        // The same key under another service is another entry.
        KeychainSecretStore other(uniqueName(u"Storekeep other test "_s));
        QCOMPARE(other.read(b).error().code, u"secret.not_found"_s);
    }

    void checkAvailableCanBeRepeated()
    {
        KeychainSecretStore store(m_service);
        SK_VERIFY_OK(store.checkAvailable());
        SK_VERIFY_OK(store.checkAvailable());
    }

    // A sync worker: a plain thread with no event loop running, that ends before the next call.
    void worksFromWorkerThreadsWithoutAnEventLoop()
    {
        const QString key = newKey();
        Result<QByteArray> readInThread = makeError(u"not_run"_s, u"the thread did not run"_s);
        std::unique_ptr<QThread> worker(QThread::create([&] {
            KeychainSecretStore store(m_service);
            if (const auto written = store.write(key, "from a worker"); !written.ok()) {
                readInThread = written.error();
                return;
            }
            readInThread = store.read(key);
        }));
        worker->start();
        QVERIFY(worker->wait(60000));
        SK_VERIFY_OK(readInThread);
        QCOMPARE(*readInThread, QByteArray("from a worker"));

        // The worker is gone; the main thread (blocked in wait() above) still gets answers.
        KeychainSecretStore store(m_service);
        QCOMPARE(*store.read(key), QByteArray("from a worker"));

        // Several workers at once, each with its own key.
        constexpr int Workers = 4;
        std::vector<QString> keys;
        std::vector<Result<QByteArray>> results(Workers, Result<QByteArray>(makeError(u"not_run"_s, u"-"_s)));
        std::vector<std::unique_ptr<QThread>> threads;
        for (int i = 0; i < Workers; ++i) {
            keys.push_back(newKey());
            threads.emplace_back(QThread::create([&, i] {
                KeychainSecretStore own(m_service);
                const QByteArray value = "worker " + QByteArray::number(i);
                if (const auto written = own.write(keys[size_t(i)], value); !written.ok()) {
                    results[size_t(i)] = written.error();
                    return;
                }
                results[size_t(i)] = own.read(keys[size_t(i)]);
            }));
        }
        for (auto &thread : threads)
            thread->start();
        for (auto &thread : threads)
            QVERIFY(thread->wait(60000));
        for (int i = 0; i < Workers; ++i) {
            SK_VERIFY_OK(results[size_t(i)]);
            QCOMPARE(*results[size_t(i)], "worker " + QByteArray::number(i));
        }
    }

    // Runs this binary again with a D-Bus address that leads nowhere: QtKeychain picks its
    // backend once per process, so only a fresh process shows what a user without a keychain sees.
    void noKeychainMeansSecretUnavailable()
    {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/storekeep-test-bus"_s);
        env.remove(u"DISPLAY"_s); // no X11 autolaunch of a bus either
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(ProbeArgument)});
        QVERIFY(child.waitForStarted(10000));
        QVERIFY2(child.waitForFinished(150000), "the probe did not finish");
        const QString out = QString::fromUtf8(child.readAllStandardOutput()).trimmed();
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        QVERIFY2(child.exitCode() == 3, qPrintable(u"exit %1: %2"_s.arg(child.exitCode()).arg(out)));
        const QStringList lines = out.split(u'\n');
        QCOMPARE(lines.value(0), u"secret.unavailable"_s);
        QVERIFY2(lines.value(1).contains(u"keychain"_s), qPrintable(out));
    }
};

// The child of noKeychainMeansSecretUnavailable(): exit 0 when usable, 3 with code and message.
static int probeKeychain(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    KeychainSecretStore store(u"Storekeep test probe"_s);
    const Result<void> available = store.checkAvailable();
    if (available.ok()) {
        std::puts("ok");
        return 0;
    }
    std::printf("%s\n%s\n", qPrintable(available.error().code), qPrintable(available.error().message));
    return 3;
}

int main(int argc, char *argv[])
{
    if (argc == 2 && qstrcmp(argv[1], ProbeArgument) == 0)
        return probeKeychain(argc, argv);
    QCoreApplication app(argc, argv);
    tst_KeychainSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychainsecretstore.moc"

// SignInDialog against the REAL storekeep-server over loopback: a good and a wrong password, an
// unreachable server, the demo button, a keychain that cannot be used, and the checks made before
// anything is sent. Most cases keep the tokens in a MemorySecretStore (the keychain is not their
// subject, and it lets them check that nothing was stored); one uses the real keychain, which
// ./scripts/test provides (dbus-run-session + gnome-keyring); without one it skips, except under
// CI=true.

#include "../server/synctestsupport.h"
#include "auth/secretstore.h"
#include "auth/signindialog.h"
#include "testsupport.h"
#include "util/uuidv7.h"

#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

const QString Password = QString::fromLatin1(sk::test::SyncTestWorld::Password);

// A loopback port nobody listens on.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 1;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

int distinctColours(const QImage &source)
{
    const QImage image = source.convertToFormat(QImage::Format_RGB32);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            colours.insert(line[x]);
    }
    return int(colours.size());
}

} // namespace

class tst_SignInDialog : public QObject
{
    Q_OBJECT

private:
    sk::test::SyncTestWorld m_world;
    QString m_shopName = u"Corner Books"_s;

    QString url() const { return m_world.server.baseUrl(); }

    // Sign-in requests the server has logged. A request of our own goes first, and its log line
    // is awaited: the server handles requests one at a time, so every earlier line is there too.
    int loginRequestsSoFar()
    {
        const auto count = [this](const char *path) {
            return int(m_world.server.serverStderr().count(QByteArray("\"path\":\"") + path + '"'));
        };
        const int barriers = count("/v1/me");
        if (m_world.http->get(u"/v1/me"_s).status != 401)
            return -1;
        if (!QTest::qWaitFor([&] { return count("/v1/me") > barriers; }, 10000))
            return -2;
        return count("/v1/auth/login");
    }

    struct Fixture
    {
        MemorySecretStore secrets;
        AuthSession auth{secrets};
        SignInDialog dialog{auth};
        QLineEdit *server = nullptr;
        QLineEdit *email = nullptr;
        QLineEdit *password = nullptr;

        bool show()
        {
            server = dialog.findChild<QLineEdit *>(u"serverEdit"_s);
            email = dialog.findChild<QLineEdit *>(u"emailEdit"_s);
            password = dialog.findChild<QLineEdit *>(u"passwordEdit"_s);
            dialog.show();
            return server && email && password && QTest::qWaitForWindowExposed(&dialog);
        }

        void fill(const QString &serverUrl, const QString &mail, const QString &pass)
        {
            server->setText(serverUrl);
            email->setText(mail);
            password->setText(pass);
        }

        // Presses Enter in the password field, as a person would, and waits for the answer.
        bool submitAndWait()
        {
            QSignalSpy finished(&dialog, &SignInDialog::signInFinished);
            password->setFocus();
            QTest::keyClick(password, Qt::Key_Return);
            return finished.wait(60000);
        }
    };

    void saveScreenshot(QWidget &widget, const QString &name)
    {
        const QString dir = sk::test::binaryDir() + u"/screenshots"_s;
        QVERIFY(QDir().mkpath(dir));
        const QImage image = widget.grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.save(dir + u'/' + name));
        // Text, a field frame and buttons give dozens of colours; a blank grab gives one or two.
        const int colours = distinctColours(image);
        QVERIFY2(colours > 20, qPrintable(u"%1: only %2 distinct colours"_s.arg(name).arg(colours)));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_world.start(), qPrintable(m_world.error));
        const QString shop = m_world.createShop(m_shopName, u"EUR"_s, u"allow"_s);
        QVERIFY2(!shop.isEmpty(), qPrintable(m_world.error));
        for (const QString &email : {u"ana@signin.test"_s, u"ben@signin.test"_s, u"cara@signin.test"_s}) {
            QVERIFY2(m_world.createUser(email, email.section(u'@', 0, 0)), qPrintable(m_world.error));
            QVERIFY2(m_world.addMember(shop, email, u"staff"_s), qPrintable(m_world.error));
        }
        QVERIFY2(m_world.createUser(u"nobody@signin.test"_s, u"Nobody"_s), qPrintable(m_world.error));
        // The demo login, as seed-demo makes it (without the slow demo data).
        const QString demoShop = m_world.createShop(u"Demo Outfitters"_s, u"EUR"_s, u"allow"_s);
        QVERIFY2(m_world.admin({u"create-user"_s, u"--email"_s, SignInDialog::demoEmail(), u"--name"_s, u"Demo Owner"_s},
                               SignInDialog::demoPassword().toUtf8() + '\n'),
                 qPrintable(m_world.error));
        QVERIFY2(m_world.addMember(demoShop, SignInDialog::demoEmail(), u"owner"_s), qPrintable(m_world.error));
    }

    void rightPasswordSignsInOffTheUiThread()
    {
        Fixture f;
        QVERIFY(f.show());
        f.fill(url(), u"ana@signin.test"_s, Password);
        QSignalSpy finished(&f.dialog, &SignInDialog::signInFinished);
        f.password->setFocus();
        QTest::keyClick(f.password, Qt::Key_Return);
        // The click returned before the server answered: the UI thread is free, and busy is shown.
        QVERIFY(f.dialog.isBusy());
        QVERIFY(f.dialog.findChild<QProgressBar *>(u"signInBusy"_s)->isVisible());
        QVERIFY(!f.dialog.findChild<QPushButton *>(u"signInButton"_s)->isEnabled());
        QVERIFY(f.password->isReadOnly());

        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(f.dialog.result(), int(QDialog::Accepted));
        QVERIFY(!f.dialog.isBusy());
        QCOMPARE(f.dialog.errorText(), QString());
        const SessionInfo session = f.dialog.session();
        QCOMPARE(session.email, u"ana@signin.test"_s);
        QCOMPARE(session.serverUrl, url());
        QCOMPARE(session.shops.size(), 1);
        QCOMPARE(session.shops.first().name, m_shopName);
        QCOMPARE(session.shops.first().role, u"staff"_s);
        QVERIFY(f.auth.isSignedIn());
        QCOMPARE(f.secrets.size(), 1); // the tokens, in the secret store only
        QVERIFY(f.password->text().isEmpty());
    }

    void wrongPasswordIsShownAndNothingIsStored()
    {
        Fixture f;
        QVERIFY(f.show());
        f.fill(url(), u"ben@signin.test"_s, u"not-the-password"_s);
        QVERIFY(f.submitAndWait());
        QVERIFY2(f.dialog.errorText().contains(u"password is wrong"_s), qPrintable(f.dialog.errorText()));
        QCOMPARE(f.dialog.errorCode(), u"auth.invalid_credentials"_s);
        QVERIFY(f.dialog.findChild<QLabel *>(u"signInError"_s)->isVisible());
        QVERIFY(f.dialog.isVisible()); // still there, to correct the password
        QVERIFY(f.dialog.result() != QDialog::Accepted);
        QVERIFY(!f.auth.isSignedIn());
        QCOMPARE(f.secrets.size(), 0);
        // Ready to retype the password: focused and selected.
        QCOMPARE(f.dialog.focusWidget(), f.password);
        QCOMPARE(f.password->selectedText(), u"not-the-password"_s);
        saveScreenshot(f.dialog, u"signin-wrong-password.png"_s);

        // The corrected password then signs in from the same dialog.
        f.password->setText(Password);
        QVERIFY(f.submitAndWait());
        QCOMPARE(f.dialog.result(), int(QDialog::Accepted));
        QCOMPARE(f.secrets.size(), 1);
    }

    void unreachableServerIsNamed()
    {
        Fixture f;
        QVERIFY(f.show());
        const QString dead = u"http://127.0.0.1:%1"_s.arg(closedPort());
        f.fill(dead, u"ana@signin.test"_s, Password);
        QVERIFY(f.submitAndWait());
        QVERIFY2(f.dialog.errorCode().startsWith(u"net."_s), qPrintable(f.dialog.errorCode()));
        QVERIFY2(f.dialog.errorText().contains(u"Cannot reach the server at "_s + dead), qPrintable(f.dialog.errorText()));
        QCOMPARE(f.dialog.focusWidget(), f.server);
        QVERIFY(!f.auth.isSignedIn());
        QCOMPARE(f.secrets.size(), 0);
    }

    void unavailableKeychainKeepsYouSignedOut()
    {
        Fixture f;
        f.secrets.setAvailable(false);
        QVERIFY(f.show());
        const int loginsBefore = loginRequestsSoFar();
        QVERIFY(loginsBefore >= 0);
        f.fill(url(), u"cara@signin.test"_s, Password);
        QVERIFY(f.submitAndWait());
        QVERIFY2(f.dialog.errorText().startsWith(u"Storekeep cannot store your sign-in securely"_s),
                 qPrintable(f.dialog.errorText()));
        QVERIFY(f.dialog.errorText().contains(u"still signed out"_s));
        QCOMPARE(f.dialog.errorCode(), u"secret.unavailable"_s);
        QVERIFY(!f.auth.isSignedIn());
        QVERIFY(f.dialog.result() != QDialog::Accepted);
        // Checked before the password left this computer: the server saw no sign-in.
        QCOMPARE(loginRequestsSoFar(), loginsBefore);
        saveScreenshot(f.dialog, u"signin-keychain-unavailable.png"_s);

        f.secrets.setAvailable(true);
        QVERIFY(f.submitAndWait());
        QCOMPARE(f.dialog.result(), int(QDialog::Accepted));
    }

    void accountWithoutShopStaysSignedOut()
    {
        Fixture f;
        QVERIFY(f.show());
        f.fill(url(), u"nobody@signin.test"_s, Password);
        QVERIFY(f.submitAndWait());
        QCOMPARE(f.dialog.errorCode(), u"auth.no_shops"_s);
        QVERIFY2(f.dialog.errorText().contains(u"not a member of any shop"_s), qPrintable(f.dialog.errorText()));
        QVERIFY(!f.auth.isSignedIn());
        QCOMPARE(f.secrets.size(), 0); // signed out again, the tokens removed
    }

    void demoButtonSignsInToTheDemoServer()
    {
        Fixture f;
        f.dialog.setDemoServerUrl(url());
        QVERIFY(f.show());
        saveScreenshot(f.dialog, u"signin.png"_s);
        auto *demo = f.dialog.findChild<QPushButton *>(u"demoButton"_s);
        QVERIFY(demo);
        QSignalSpy finished(&f.dialog, &SignInDialog::signInFinished);
        QTest::mouseClick(demo, Qt::LeftButton);
        QCOMPARE(f.server->text(), url());
        QCOMPARE(f.email->text(), SignInDialog::demoEmail());
        QCOMPARE(f.password->text(), SignInDialog::demoPassword());
        QVERIFY(f.dialog.isBusy());
        QVERIFY(finished.wait(60000));
        QCOMPARE(f.dialog.result(), int(QDialog::Accepted));
        QCOMPARE(f.dialog.session().email, SignInDialog::demoEmail());
        QCOMPARE(f.dialog.session().shops.value(0).name, u"Demo Outfitters"_s);
        QCOMPARE(f.dialog.session().shops.value(0).role, u"owner"_s);
    }

    void demoServerNotRunningSaysHowToStartIt()
    {
        Fixture f;
        f.dialog.setDemoServerUrl(u"http://127.0.0.1:%1"_s.arg(closedPort()));
        QVERIFY(f.show());
        QSignalSpy finished(&f.dialog, &SignInDialog::signInFinished);
        f.dialog.tryDemo();
        QVERIFY(finished.wait(60000));
        QVERIFY2(f.dialog.errorText().contains(u"demo server"_s), qPrintable(f.dialog.errorText()));
        QVERIFY2(f.dialog.errorText().contains(u"./scripts/run"_s), qPrintable(f.dialog.errorText()));
    }

    void missingFieldsAreCaughtBeforeAnyRequest()
    {
        Fixture f;
        QVERIFY(f.show());
        const int loginsBefore = loginRequestsSoFar();
        QVERIFY(loginsBefore >= 0);
        f.fill(QString(), u"ana@signin.test"_s, Password);
        f.dialog.signIn();
        QVERIFY(!f.dialog.isBusy());
        QCOMPARE(f.dialog.errorCode(), u"input.server"_s);
        QCOMPARE(f.dialog.focusWidget(), f.server);

        f.fill(url(), u"ana"_s, Password);
        f.dialog.signIn();
        QCOMPARE(f.dialog.errorCode(), u"input.email"_s);
        QCOMPARE(f.dialog.focusWidget(), f.email);

        f.fill(url(), u"ana@signin.test"_s, QString());
        f.dialog.signIn();
        QCOMPARE(f.dialog.errorCode(), u"input.password"_s);
        QCOMPARE(f.dialog.focusWidget(), f.password);
        QCOMPARE(loginRequestsSoFar(), loginsBefore);
        QVERIFY(!f.dialog.errorText().isEmpty());
    }

    void serverInputIsNormalized_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected");
        QTest::newRow("full") << u"https://shop.example.com/"_s << u"https://shop.example.com"_s;
        QTest::newRow("bare host gets https") << u"shop.example.com"_s << u"https://shop.example.com"_s;
        QTest::newRow("loopback gets http") << u"127.0.0.1:7311"_s << u"http://127.0.0.1:7311"_s;
        QTest::newRow("localhost gets http") << u"localhost:8080"_s << u"http://localhost:8080"_s;
        QTest::newRow("spaces") << u"  http://10.0.0.2:80  "_s << u"http://10.0.0.2:80"_s;
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("other scheme") << u"ftp://shop.example.com"_s << QString();
        QTest::newRow("no host") << u"https://"_s << QString();
    }

    void serverInputIsNormalized()
    {
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        QCOMPARE(SignInDialog::normalizedServerInput(typed), expected);
    }

    // The real keychain: the sign-in is there after a good password, and not after a wrong one.
    void realKeychainHoldsOnlyAGoodSignIn()
    {
        KeychainSecretStore secrets(u"Storekeep test "_s + UuidV7::toText(UuidV7::create()));
        if (const Result<void> usable = secrets.checkAvailable(); !usable.ok()) {
            if (qEnvironmentVariable("CI") == "true"_L1)
                QFAIL(qPrintable(u"no usable keychain under CI: "_s + usable.error().message));
            QSKIP("No usable keychain here (run under ./scripts/test, which starts one).");
        }
        // The user's id, to name the keychain entry: from a login of our own.
        const sk::test::HttpResult login =
            m_world.http->post(u"/v1/auth/login"_s, {{u"email"_s, u"ana@signin.test"_s}, {u"password"_s, Password}});
        QCOMPARE(login.status, 200);
        const QString userId = login.json.value(u"user"_s).toObject().value(u"id"_s).toString();
        QVERIFY(!userId.isEmpty());
        const QString key = AuthSession::secretKey(url(), userId);

        AuthSession auth(secrets);
        SignInDialog dialog(auth);
        dialog.setServerUrl(url());
        dialog.setEmail(u"ana@signin.test"_s);
        dialog.setPassword(u"wrong-password"_s);
        QSignalSpy finished(&dialog, &SignInDialog::signInFinished);
        dialog.signIn();
        QVERIFY(finished.wait(60000));
        QCOMPARE(dialog.errorCode(), u"auth.invalid_credentials"_s);
        QCOMPARE(secrets.read(key).error().code, u"secret.not_found"_s);

        dialog.setPassword(Password);
        dialog.signIn();
        QVERIFY(finished.wait(60000));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.session().userId, userId);
        SK_VERIFY_OK(secrets.read(key));
        SK_VERIFY_OK(secrets.remove(key));
    }
};

QTEST_MAIN(tst_SignInDialog)
#include "tst_signindialog.moc"

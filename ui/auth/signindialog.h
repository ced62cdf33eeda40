#pragma once

#include "auth/authsession.h"
#include "util/result.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QThread;

namespace sk {

// Sign-in to a Storekeep server: server address, e-mail and password, plus "Try the demo shop",
// which signs in to the local reference server that ./scripts/run starts. The sign-in runs on a
// worker thread (a login hashes the password on the server for a noticeable moment); a problem is
// shown inline, saying what went wrong. Accepted once signed in: the tokens are then in the
// session's keychain and session() holds who signed in and their shops. Saving that (Profile)
// is the caller's job.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    // What "Try the demo shop" uses unless told otherwise (scripts/run serves it there).
    static QString defaultDemoServerUrl();
    static QString demoEmail();    // the demo world's owner of "Demo Outfitters"
    static QString demoPassword(); // every demo login's password

    // The session must outlive the dialog (a sign-in in progress is waited for on destruction).
    explicit SignInDialog(AuthSession &auth, QWidget *parent = nullptr);
    ~SignInDialog() override;

    void setServerUrl(const QString &url);
    QString serverUrl() const;
    void setEmail(const QString &email);
    QString email() const;
    void setPassword(const QString &password);
    void setDemoServerUrl(const QString &url);
    QString demoServerUrl() const { return m_demoServerUrl; }
    // Shows a message before any attempt (e.g. why the saved sign-in ended).
    void showMessage(const QString &message);

    bool isBusy() const { return m_worker != nullptr; }
    // The problem shown inline, empty when none; its error code for tests and logs.
    QString errorText() const;
    QString errorCode() const { return m_errorCode; }
    // Who signed in; valid once the dialog is accepted.
    SessionInfo session() const { return m_session; }

    // "shop.example.com" -> "https://shop.example.com"; loopback hosts get http://. Empty when
    // the text is not a usable http(s) address.
    static QString normalizedServerInput(const QString &text);
    // What to tell a person about a failed sign-in to `serverUrl`.
    static QString messageFor(const Error &error, const QString &serverUrl, bool isDemoServer);

public slots:
    void signIn();
    // Fills in the demo server and login, then signs in.
    void tryDemo();

signals:
    // After every attempt, successful or not (accepted() follows a success).
    void signInFinished(bool ok);

private:
    void setBusy(bool busy);
    void fitHeight();
    void showError(const QString &message, const QString &code);
    void finishSignIn(const Result<SessionInfo> &result, const QString &serverUrl);

    AuthSession &m_auth;
    QString m_demoServerUrl;
    QLineEdit *m_server = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_busyLabel = nullptr;
    QProgressBar *m_busy = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_signIn = nullptr;
    QPushButton *m_demo = nullptr;
    QThread *m_worker = nullptr;
    QString m_errorCode;
    SessionInfo m_session;
};

} // namespace sk

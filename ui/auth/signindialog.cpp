#include "auth/signindialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QThread>
#include <QUrl>
#include <QVBoxLayout>

#include <atomic>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

// Shared by the dialog and its worker thread, which may outlive a cancelled attempt.
struct Attempt
{
    std::optional<Result<SessionInfo>> result;
    std::atomic_bool cancelled = false;
};

bool isLoopbackHost(const QString &host)
{
    return host == "localhost"_L1 || host.startsWith("127."_L1) || host == "::1"_L1 || host == "[::1]"_L1;
}

} // namespace

QString SignInDialog::defaultDemoServerUrl()
{
    return u"http://127.0.0.1:7311"_s;
}

QString SignInDialog::demoEmail()
{
    return u"owner@outfitters.test"_s;
}

QString SignInDialog::demoPassword()
{
    return u"storekeep-demo"_s;
}

SignInDialog::SignInDialog(AuthSession &auth, QWidget *parent)
    : QDialog(parent), m_auth(auth), m_demoServerUrl(defaultDemoServerUrl())
{
    setObjectName(u"SignInDialog"_s);
    setWindowTitle(tr("Sign In — Storekeep"));

    auto *title = new QLabel(tr("Sign in to your shop"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *intro = new QLabel(tr("Use your shop server's address and your own login. Your password goes only to "
                                "that server; the sign-in is kept in your system keychain."));
    intro->setWordWrap(true);

    m_server = new QLineEdit;
    m_server->setObjectName(u"serverEdit"_s);
    m_server->setPlaceholderText(tr("https://shop.example.com"));
    m_server->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_email = new QLineEdit;
    m_email->setObjectName(u"emailEdit"_s);
    m_email->setPlaceholderText(tr("you@example.com"));
    m_email->setInputMethodHints(Qt::ImhEmailCharactersOnly | Qt::ImhNoAutoUppercase);
    m_password = new QLineEdit;
    m_password->setObjectName(u"passwordEdit"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("&E-mail:"), m_email);
    form->addRow(tr("&Password:"), m_password);

    // The problem, inline and selectable: a message box would hide the fields being corrected.
    auto *errorIcon = new QLabel;
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    errorIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));
    errorIcon->setAlignment(Qt::AlignTop);
    m_error = new QLabel;
    m_error->setObjectName(u"signInError"_s);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *errorRow = new QWidget;
    errorRow->setObjectName(u"signInErrorRow"_s);
    auto *errorLayout = new QHBoxLayout(errorRow);
    errorLayout->setContentsMargins(0, 0, 0, 0);
    errorLayout->addWidget(errorIcon);
    errorLayout->addWidget(m_error, 1);
    errorRow->setVisible(false);

    m_busyLabel = new QLabel;
    m_busyLabel->setObjectName(u"signInBusyLabel"_s);
    m_busy = new QProgressBar;
    m_busy->setObjectName(u"signInBusy"_s);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(fontMetrics().height() / 2 + 2);
    m_busyLabel->setVisible(false);
    m_busy->setVisible(false);

    m_buttons = new QDialogButtonBox;
    m_demo = m_buttons->addButton(tr("Try the &Demo Shop"), QDialogButtonBox::ActionRole);
    m_demo->setObjectName(u"demoButton"_s);
    m_demo->setToolTip(tr("Sign in to the demo server that ./scripts/run starts, as the owner of “Demo Outfitters”."));
    m_signIn = m_buttons->addButton(tr("Sign &In"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(u"signInButton"_s);
    m_signIn->setDefault(true);
    m_buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::signIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
    connect(m_demo, &QPushButton::clicked, this, &SignInDialog::tryDemo);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addLayout(form);
    layout->addWidget(errorRow);
    layout->addWidget(m_busyLabel);
    layout->addWidget(m_busy);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    setTabOrder(m_server, m_email);
    setTabOrder(m_email, m_password);
    setTabOrder(m_password, m_signIn);
    setTabOrder(m_signIn, m_demo);

    m_server->setFocus();
    setMinimumWidth(fontMetrics().horizontalAdvance(u'M') * 38);
    resize(minimumWidth(), layout->totalHeightForWidth(minimumWidth()));
}

void SignInDialog::fitHeight()
{
    // Wrapped labels need the height for the current width; a layout's minimum size ignores it.
    if (QLayout *box = layout(); box && box->hasHeightForWidth()) {
        const int needed = box->totalHeightForWidth(width());
        if (needed > height())
            resize(width(), needed);
    }
}

SignInDialog::~SignInDialog()
{
    // The worker uses the session: it must end before anyone may destroy that.
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
}

void SignInDialog::setServerUrl(const QString &url)
{
    m_server->setText(url);
}

QString SignInDialog::serverUrl() const
{
    return m_server->text().trimmed();
}

void SignInDialog::setEmail(const QString &email)
{
    m_email->setText(email);
    if (!email.isEmpty() && !m_server->text().isEmpty())
        m_password->setFocus();
}

QString SignInDialog::email() const
{
    return m_email->text().trimmed();
}

void SignInDialog::setPassword(const QString &password)
{
    m_password->setText(password);
}

void SignInDialog::setDemoServerUrl(const QString &url)
{
    m_demoServerUrl = AuthSession::normalizedServerUrl(url);
}

void SignInDialog::showMessage(const QString &message)
{
    showError(message, QString());
}

QString SignInDialog::errorText() const
{
    return m_error->parentWidget()->isVisibleTo(this) ? m_error->text() : QString();
}

QString SignInDialog::normalizedServerInput(const QString &text)
{
    QString input = text.trimmed();
    if (input.isEmpty())
        return {};
    if (!input.contains("://"_L1)) {
        const QString host = input.section(u'/', 0, 0);
        const QString bareHost = host.startsWith(u'[') ? host.section(u']', 0, 0) + u']' : host.section(u':', 0, 0);
        input.prepend(isLoopbackHost(bareHost) ? u"http://"_s : u"https://"_s);
    }
    const QUrl url(input, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1) || url.host().isEmpty())
        return {};
    return AuthSession::normalizedServerUrl(input);
}

QString SignInDialog::messageFor(const Error &error, const QString &serverUrl, bool isDemoServer)
{
    const QString &code = error.code;
    if (code == "auth.invalid_credentials"_L1)
        return tr("The e-mail address or password is wrong. Check both and try again.");
    if (code == "secret.unavailable"_L1) {
        return tr("Storekeep cannot store your sign-in securely: the system keychain is not available. Start or "
                  "unlock your keychain (for example GNOME Keyring or KWallet), then sign in again. You are still "
                  "signed out.");
    }
    if (code == "net.resolve"_L1 || code == "net.connect"_L1 || code == "net.timeout"_L1 || code == "net.reset"_L1) {
        if (isDemoServer) {
            return tr("Cannot reach the demo server at %1. It runs while ./scripts/run is running: start Storekeep "
                      "with ./scripts/run, then try again.")
                .arg(serverUrl);
        }
        if (code == "net.resolve"_L1)
            return tr("There is no server called %1. Check the address for typing mistakes.").arg(QUrl(serverUrl).host());
        return tr("Cannot reach the server at %1. Check the address and your network connection, then try again.")
            .arg(serverUrl);
    }
    if (code == "net.tls"_L1)
        return tr("The secure connection to %1 failed: %2").arg(serverUrl, error.message);
    if (code == "net.invalid_url"_L1)
        return tr("“%1” is not a server address. Type it like https://shop.example.com.").arg(serverUrl);
    if (code == "server.bad_response"_L1 || code == "server.unexpected_status"_L1 || code == "not_found"_L1)
        return tr("%1 did not answer like a Storekeep server. Check the address.").arg(serverUrl);
    return error.message; // rate limits, no shops, server errors: the message says what to do
}

void SignInDialog::signIn()
{
    if (m_worker)
        return;
    const QString server = normalizedServerInput(m_server->text());
    if (server.isEmpty()) {
        showError(tr("Type your shop server's address, for example https://shop.example.com."), u"input.server"_s);
        m_server->setFocus();
        return;
    }
    const QString email = m_email->text().trimmed();
    if (email.isEmpty() || !email.contains(u'@')) {
        showError(tr("Type the e-mail address you sign in with."), u"input.email"_s);
        m_email->setFocus();
        return;
    }
    const QString password = m_password->text();
    if (password.isEmpty()) {
        showError(tr("Type your password."), u"input.password"_s);
        m_password->setFocus();
        return;
    }
    m_server->setText(server);
    showError(QString(), QString());
    setBusy(true);

    auto attempt = std::make_shared<Attempt>();
    AuthSession *auth = &m_auth;
    m_worker = QThread::create([auth, server, email, password, attempt] {
        Result<SessionInfo> result = auth->login(server, email, password);
        if (result.ok() && attempt->cancelled) {
            // Nobody wants this session any more: do not leave it in the keychain.
            (void)auth->logout();
            result = makeError(u"auth.cancelled"_s, tr("The sign-in was cancelled."));
        } else if (result.ok() && result->shops.isEmpty()) {
            (void)auth->logout();
            result = makeError(u"auth.no_shops"_s,
                               tr("You signed in as %1, but your account is not a member of any shop on this "
                                  "server yet. Ask a shop owner to add you, then sign in again.")
                                   .arg(email));
        }
        attempt->result = std::move(result);
    });
    m_worker->setObjectName(u"sign-in"_s);
    connect(m_worker, &QThread::finished, this, [this, attempt, server] {
        m_worker->wait();
        m_worker->deleteLater();
        m_worker = nullptr;
        if (attempt->result && !attempt->cancelled)
            finishSignIn(*attempt->result, server);
    });
    // A cancelled dialog keeps the attempt's flag so a late success is undone.
    connect(this, &QDialog::rejected, m_worker, [attempt] { attempt->cancelled = true; });
    m_worker->start();
}

void SignInDialog::tryDemo()
{
    if (m_worker)
        return;
    m_server->setText(m_demoServerUrl);
    m_email->setText(demoEmail());
    m_password->setText(demoPassword());
    signIn();
}

void SignInDialog::finishSignIn(const Result<SessionInfo> &result, const QString &serverUrl)
{
    setBusy(false);
    if (result.ok()) {
        m_session = *result;
        m_password->clear();
        emit signInFinished(true);
        accept();
        return;
    }
    const Error &error = result.error();
    const bool demo = serverUrl == m_demoServerUrl;
    showError(messageFor(error, serverUrl, demo), error.code);
    if (error.code == "auth.invalid_credentials"_L1) {
        m_password->setFocus();
        m_password->selectAll();
    } else if (error.code.startsWith("net."_L1) || error.code.startsWith("server."_L1)) {
        m_server->setFocus();
        m_server->selectAll();
    }
    emit signInFinished(false);
}

void SignInDialog::setBusy(bool busy)
{
    // Read-only rather than disabled: the focus stays where it was, so Enter cannot reach Cancel.
    m_server->setReadOnly(busy);
    m_email->setReadOnly(busy);
    m_password->setReadOnly(busy);
    if (busy && (m_demo->hasFocus() || m_signIn->hasFocus()))
        m_password->setFocus();
    m_signIn->setEnabled(!busy);
    m_demo->setEnabled(!busy);
    m_busyLabel->setText(busy ? tr("Signing in to %1…").arg(m_server->text()) : QString());
    m_busyLabel->setVisible(busy);
    m_busy->setVisible(busy);
    fitHeight();
}

void SignInDialog::showError(const QString &message, const QString &code)
{
    m_errorCode = code;
    m_error->setText(message);
    m_error->parentWidget()->setVisible(!message.isEmpty());
    fitHeight();
}

} // namespace sk

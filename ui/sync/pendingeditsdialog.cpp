#include "pendingeditsdialog.h"

#include <QEventLoop>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

int plural(qint64 n)
{
    return int(std::clamp<qint64>(n, 0, 1'000'000'000));
}

QString actionText(const QString &action)
{
    if (action == "sign out"_L1)
        return PendingEditsDialog::tr("sign out");
    if (action == "switch shop"_L1)
        return PendingEditsDialog::tr("switch shop");
    return action;
}

} // namespace

PendingEditsDialog::PendingEditsDialog(qint64 pending, const QString &shopName, const QString &action,
                                       QWidget *parent)
    : QDialog(parent)
    , m_pending(pending)
    , m_shopName(shopName)
{
    setObjectName(u"pendingEditsDialog"_s);
    setWindowTitle(tr("Changes not sent"));

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);

    m_headline = new QLabel(headlineText(), this);
    m_headline->setObjectName(u"headline"_s);
    m_headline->setWordWrap(true);
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);

    const QString where = shopName.isEmpty() ? tr("They are stored on this computer only.")
                                             : tr("They were made in %1 and are stored on this computer only.")
                                                   .arg(shopName.toHtmlEscaped());
    auto *body = new QLabel(
        tr("%1 Before you %2, choose what happens to them:"
           "<ul>"
           "<li><b>Sync now</b> sends them to the server first (this needs a connection).</li>"
           "<li><b>Keep for later</b> leaves them on this computer; they are sent the next time you open this "
           "shop here.</li>"
           "<li><b>Discard</b> throws them away; the shop shows the server's data again.</li>"
           "</ul>")
            .arg(where, actionText(action).toHtmlEscaped()),
        this);
    body->setTextFormat(Qt::RichText);
    body->setWordWrap(true);

    m_error = new QLabel(this);
    m_error->setObjectName(u"error"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b3261e;"_s);
    m_error->hide();

    // Laid out by hand, so the destructive choice sits apart from the default on every platform.
    m_syncNow = new QPushButton(tr("&Sync now"), this);
    m_keep = new QPushButton(tr("&Keep for later"), this);
    m_discard = new QPushButton(tr("&Discard %n change(s)…", nullptr, plural(pending)), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_discard);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_keep);
    buttons->addWidget(m_syncNow);
    m_syncNow->setObjectName(u"syncNow"_s);
    m_keep->setObjectName(u"keepForLater"_s);
    m_discard->setObjectName(u"discard"_s);
    m_discard->setProperty("destructive", true);
    m_discard->setStyleSheet(u"QPushButton { color: #b3261e; }"_s);
    m_syncNow->setToolTip(tr("Send the changes to the server now, then %1.").arg(actionText(action)));
    m_keep->setToolTip(tr("Keep the changes on this computer and send them next time."));
    m_discard->setToolTip(tr("Throw the changes away. This cannot be undone."));
    m_syncNow->setDefault(true);
    m_syncNow->setAutoDefault(true);
    m_keep->setAutoDefault(false);
    m_discard->setAutoDefault(false);
    m_cancel->setAutoDefault(false);
    connect(m_syncNow, &QPushButton::clicked, this, [this] { choose(Choice::SyncNow); });
    connect(m_keep, &QPushButton::clicked, this, [this] { choose(Choice::KeepForLater); });
    connect(m_discard, &QPushButton::clicked, this, &PendingEditsDialog::confirmDiscard);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(m_headline);
    text->addWidget(body);
    text->addWidget(m_error);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 75);

    setTabOrder(m_syncNow, m_keep);
    setTabOrder(m_keep, m_cancel);
    setTabOrder(m_cancel, m_discard);
    m_syncNow->setFocus();
}

QString PendingEditsDialog::headlineText() const
{
    return tr("You have %n change(s) that have not reached the server yet.", nullptr, plural(m_pending));
}

void PendingEditsDialog::setErrorText(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void PendingEditsDialog::choose(Choice choice)
{
    m_choice = choice;
    done(choice == Choice::Cancel ? QDialog::Rejected : QDialog::Accepted);
}

void PendingEditsDialog::confirmDiscard()
{
    QMessageBox box(QMessageBox::Warning, tr("Discard changes?"),
                    m_shopName.isEmpty()
                        ? tr("Discard %n change(s)? They never reach the server and cannot be brought back.", nullptr,
                             plural(m_pending))
                        : tr("Discard %n change(s) made in %1? They never reach the server and cannot be brought "
                             "back.",
                             nullptr, plural(m_pending))
                              .arg(m_shopName),
                    QMessageBox::NoButton, this);
    box.setObjectName(u"confirmDiscard"_s);
    QPushButton *discard = box.addButton(tr("&Discard %n change(s)", nullptr, plural(m_pending)),
                                         QMessageBox::DestructiveRole);
    discard->setObjectName(u"confirmDiscardButton"_s);
    discard->setStyleSheet(u"QPushButton { color: #b3261e; }"_s);
    QPushButton *keep = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(keep); // Enter must not destroy anything
    box.setEscapeButton(keep);
    box.exec();
    if (box.clickedButton() == discard)
        choose(Choice::Discard);
}

PendingEditsDialog::Choice PendingEditsDialog::ask(QWidget *parent, qint64 pending, const QString &shopName,
                                                   const QString &action)
{
    PendingEditsDialog dialog(pending, shopName, action, parent);
    dialog.exec();
    return dialog.choice();
}

PendingEditsDialog::Outcome PendingEditsDialog::carryOut(QWidget *parent, Choice choice, ShopStore &store,
                                                         SyncWorker *worker)
{
    PendingEdits edits(store, worker);
    Outcome outcome;
    bool done = false;
    QEventLoop loop;
    connect(&edits, &PendingEdits::finished, &loop, [&](const Outcome &result) {
        outcome = result;
        done = true;
        loop.quit();
    });

    std::unique_ptr<QProgressDialog> progress;
    if (choice == Choice::SyncNow || choice == Choice::Discard) {
        progress = std::make_unique<QProgressDialog>(parent);
        progress->setObjectName(u"pendingEditsProgress"_s);
        progress->setWindowModality(Qt::WindowModal);
        progress->setWindowTitle(tr("Changes not sent"));
        progress->setRange(0, 0); // busy: the engine's progress is not known here
        progress->setMinimumDuration(0);
        progress->setAutoClose(false);
        progress->setAutoReset(false);
        if (choice == Choice::SyncNow) {
            progress->setLabelText(tr("Sending your changes to the server…"));
            progress->setCancelButtonText(tr("&Stop waiting"));
            connect(progress.get(), &QProgressDialog::canceled, &edits, &PendingEdits::cancel);
        } else {
            progress->setLabelText(tr("Discarding your changes…"));
            progress->setCancelButton(nullptr);
        }
    }
    edits.carryOut(choice);
    if (progress)
        progress->show();
    if (!done)
        loop.exec();
    return outcome;
}

PendingEditsDialog::Outcome PendingEditsDialog::settle(QWidget *parent, ShopStore &store, SyncWorker *worker,
                                                       const QString &shopName, const QString &action)
{
    Outcome outcome;
    auto pending = PendingEdits::pendingCount(store);
    if (!pending.ok()) {
        outcome.error = tr("Could not read the changes waiting to be sent: %1").arg(pending.error().message);
        return outcome;
    }
    if (*pending == 0) {
        outcome.choice = Choice::KeepForLater;
        outcome.proceed = true;
        outcome.remaining = 0;
        return outcome;
    }
    qint64 left = *pending;
    QString error;
    for (;;) {
        PendingEditsDialog dialog(left, shopName, action, parent);
        dialog.setErrorText(error);
        dialog.exec();
        if (dialog.choice() == Choice::Cancel) {
            outcome = Outcome{};
            outcome.remaining = left;
            return outcome;
        }
        outcome = carryOut(parent, dialog.choice(), store, worker);
        if (outcome.proceed)
            return outcome;
        // Failed, or the user stopped waiting: ask again, saying why.
        error = outcome.error;
        if (outcome.remaining >= 0)
            left = outcome.remaining;
        if (left == 0) {
            outcome.proceed = true; // nothing is left to lose
            return outcome;
        }
    }
}

} // namespace sk

#include "syncstatuswidget.h"

#include "engine/syncworker.h"
#include "storage/shoprepository.h"
#include "storage/shopstore.h"
#include "util/clock.h"

#include <QDateTime>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QTimer>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

constexpr int kTickMs = 30'000;
constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;

// For tr()'s %n, which takes an int.
int plural(qint64 n)
{
    return int(std::clamp<qint64>(n, 0, std::numeric_limits<int>::max()));
}

QIcon dotIcon(const QColor &color, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1.5, 1.5, size - 3, size - 3));
    return QIcon(pixmap);
}

} // namespace

SyncStatusWidget::SyncStatusWidget(const ShopStore &store, SyncWorker *worker, QWidget *parent)
    : QToolButton(parent)
    , m_store(store)
    , m_clock(&Clock::system())
    , m_zone(QTimeZone::systemTimeZone())
{
    setObjectName(u"syncStatus"_s);
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setFocusPolicy(Qt::StrongFocus);
    const int dot = fontMetrics().height() * 2 / 3;
    setIconSize(QSize(dot, dot));
    setCursor(Qt::PointingHandCursor);
    connect(this, &QToolButton::clicked, this, &SyncStatusWidget::onClicked);

    // Only the relative time moves between statuses; no database read on this tick.
    m_tick = new QTimer(this);
    m_tick->setInterval(kTickMs);
    connect(m_tick, &QTimer::timeout, this, &SyncStatusWidget::refresh);
    m_tick->start();

    readTimeZone();
    setWorker(worker);
    refresh();
}

SyncStatusWidget::~SyncStatusWidget() = default;

void SyncStatusWidget::setWorker(SyncWorker *worker)
{
    if (m_worker)
        disconnect(m_worker, nullptr, this, nullptr);
    m_worker = worker;
    if (worker)
        connect(worker, &SyncWorker::statusChanged, this, &SyncStatusWidget::setStatus);
}

void SyncStatusWidget::setClock(const Clock &clock)
{
    m_clock = &clock;
    refresh();
}

void SyncStatusWidget::setStatus(const SyncStatus &status)
{
    m_status = status;
    m_hasStatus = true;
    // A new shop file has no settings until the first download brought them.
    if (!m_zoneFromShop && status.initialSyncDone && status.state != SyncStatus::State::Syncing)
        readTimeZone();
    refresh();
}

void SyncStatusWidget::readTimeZone()
{
    auto reader = m_store.openReader();
    if (!reader.ok())
        return;
    auto settings = ShopRepository(**reader).settings();
    if (!settings.ok() || !*settings)
        return;
    const QTimeZone zone((*settings)->timeZone.toUtf8());
    if (!zone.isValid())
        return;
    m_zone = zone;
    m_zoneFromShop = true;
}

void SyncStatusWidget::refresh()
{
    const QString summary = summaryText();
    setText(summary);
    setToolTip(detailText());
    setIcon(dotIcon(dotColor(), iconSize().width()));
    setAccessibleName(tr("Sync status"));
    setAccessibleDescription(summary);
}

QColor SyncStatusWidget::dotColor() const
{
    using State = SyncStatus::State;
    if (!m_hasStatus)
        return QColor(0x9e, 0x9e, 0x9e);
    switch (m_status.state) {
    case State::Syncing:
        return QColor(0x1e, 0x88, 0xe5);
    case State::Offline:
    case State::Passive:
        return QColor(0x9e, 0x9e, 0x9e);
    case State::SignedOut:
    case State::Forbidden:
    case State::UpgradeRequired:
    case State::AccessLost:
        return QColor(0xd3, 0x2f, 0x2f);
    case State::Idle:
        break;
    }
    if (m_status.issues > 0)
        return QColor(0xf5, 0x7c, 0x00);
    if (m_status.pending > 0)
        return QColor(0xfb, 0xc0, 0x2d);
    return QColor(0x43, 0xa0, 0x47);
}

QString SyncStatusWidget::relativeSyncText() const
{
    if (!m_status.lastSyncedAt)
        return tr("never synced");
    // Server time against the local clock: a clock a little ahead must not read "in 1 min".
    const qint64 age = qMax<qint64>(0, m_clock->nowMs() - *m_status.lastSyncedAt);
    if (age < kMinuteMs)
        return tr("synced just now");
    if (age < kHourMs)
        return tr("synced %n min ago", nullptr, int(age / kMinuteMs));
    if (age < kDayMs)
        return tr("synced %n h ago", nullptr, int(age / kHourMs));
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(*m_status.lastSyncedAt, m_zone);
    return tr("synced on %1").arg(QLocale().toString(when.date(), QLocale::ShortFormat));
}

QString SyncStatusWidget::stateText() const
{
    using State = SyncStatus::State;
    if (!m_hasStatus)
        return tr("Connecting…");
    switch (m_status.state) {
    case State::Idle:
        return m_status.initialSyncDone ? tr("Online · %1").arg(relativeSyncText()) : tr("Online · not downloaded yet");
    case State::Syncing:
        return m_status.initialSyncDone ? tr("Syncing…") : tr("Downloading the shop…");
    case State::Offline:
        return tr("Offline · %1").arg(relativeSyncText());
    case State::SignedOut:
        return tr("Signed out");
    case State::Forbidden:
        return tr("No access to this shop");
    case State::UpgradeRequired:
        return tr("Update Storekeep to sync");
    case State::AccessLost:
        return tr("Shop access lost");
    case State::Passive:
        return tr("Synced by another Storekeep window");
    }
    return {};
}

QString SyncStatusWidget::summaryText() const
{
    QString text = stateText();
    if (m_hasStatus && m_status.pending > 0)
        text += u" · "_s + tr("%n change(s) waiting", nullptr, plural(m_status.pending));
    if (m_hasStatus && m_status.issues > 0)
        text += u" · "_s + tr("%n sync issue(s)", nullptr, plural(m_status.issues));
    return text;
}

QString SyncStatusWidget::detailText() const
{
    QStringList lines;
    lines << summaryText();
    if (m_hasStatus) {
        if (m_status.lastSyncedAt) {
            const QDateTime when = QDateTime::fromMSecsSinceEpoch(*m_status.lastSyncedAt, m_zone);
            lines << tr("Last synced: %1 (%2)")
                         .arg(QLocale().toString(when, QLocale::LongFormat), QString::fromUtf8(m_zone.id()));
        } else {
            lines << tr("Not synced with the server yet.");
        }
        if (m_status.pending > 0)
            lines << tr("%n change(s) on this computer have not reached the server yet.", nullptr,
                        plural(m_status.pending));
        if (m_status.issues > 0)
            lines << tr("%n change(s) the server refused need your decision (Sync issues).", nullptr,
                        plural(m_status.issues));
        if (!m_status.lastError.isEmpty())
            lines << m_status.lastError;
    }
    if (m_worker)
        lines << tr("Click to sync now.");
    return lines.join(u'\n');
}

void SyncStatusWidget::onClicked()
{
    emit syncRequested();
    if (m_worker)
        m_worker->syncNow();
}

void SyncStatusWidget::keyPressEvent(QKeyEvent *event)
{
    // QToolButton takes Space; Enter is what people press on a focused status item too.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        click();
        event->accept();
        return;
    }
    QToolButton::keyPressEvent(event);
}

} // namespace sk

#include "lowstocknotifier.h"

#include "inventory/inventorylevelmodel.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"

#include <QGuiApplication>
#include <QPromise>
#include <QStringList>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QThreadPool>

using namespace Qt::StringLiterals;

namespace sk {

namespace {
constexpr int kFirstScanDelayMs = 1500;
} // namespace

LowStockNotifier::LowStockNotifier(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Scan>::finished, this, &LowStockNotifier::onScanFinished);
}

LowStockNotifier::~LowStockNotifier() = default;

void LowStockNotifier::setShop(ShopStore *store)
{
    ++m_generation;
    m_store = store;
    m_db.reset();
    m_low.clear();
    m_seenDuringScan.clear();
    m_ready = false;
    m_scanning = false;
    m_rescan = false;
    if (!store)
        return;
    auto reader = store->openReader();
    if (!reader.ok()) {
        emit errorOccurred(tr("Low-stock alerts are off: %1").arg(reader.error().toString()));
        return;
    }
    m_db = std::move(reader).value();
    // Not while the window opens: the first scan reads every low level of a large shop, and
    // start-up has better use for the disk and the second core. Alerts are about changes.
    QTimer::singleShot(kFirstScanDelayMs, this, [this, generation = m_generation] {
        if (generation == m_generation && m_store)
            startScan();
    });
}

bool LowStockNotifier::showsDesktopNotifications() const
{
    return m_desktopEnabled && QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages();
}

void LowStockNotifier::checkAll()
{
    if (m_store)
        startScan();
}

void LowStockNotifier::startScan()
{
    if (m_scanning) {
        m_rescan = true; // once this one is done, so edits made meanwhile are seen
        return;
    }
    auto reader = m_store->openReader();
    if (!reader.ok()) {
        emit errorOccurred(tr("Could not check for low stock: %1").arg(reader.error().toString()));
        return;
    }
    std::shared_ptr<SqliteDatabase> db(std::move(reader).value().release());
    m_scanning = true;
    auto promise = std::make_shared<QPromise<Scan>>();
    m_watcher.setFuture(promise->future());
    const int generation = m_generation;
    QThreadPool::globalInstance()->start([promise, db, generation] {
        promise->start();
        Scan scan = scanLowLevels(*db);
        scan.generation = generation;
        promise->addResult(scan);
        promise->finish();
    });
}

LowStockNotifier::Scan LowStockNotifier::scanLowLevels(SqliteDatabase &db)
{
    Scan scan;
    // One range of the low-stock index per location.
    auto read = [&]() -> Result<void> {
        SK_TRY_ASSIGN(locations, db.prepare("SELECT id FROM locations"));
        InventoryListFilter filter;
        filter.locationId = u"?"_s; // any id: the query takes the location as ?1
        filter.lowStockOnly = true;
        SK_TRY_ASSIGN(low, db.prepare(InventoryLevelModel::keysSql(filter, false, SortOrder::Ascending)));
        for (;;) {
            SK_TRY_ASSIGN(hasLocation, locations.step());
            if (!hasLocation)
                return {};
            low.reset();
            low.bind(1, locations.text(0));
            for (;;) {
                SK_TRY_ASSIGN(hasRow, low.step());
                if (!hasRow)
                    break;
                scan.lowRids.insert(low.int64(0));
            }
        }
    };
    auto done = read();
    if (!done.ok())
        scan.error = done.error().toString();
    return scan;
}

void LowStockNotifier::onScanFinished()
{
    const Scan scan = m_watcher.future().resultCount() > 0 ? m_watcher.result() : Scan();
    if (scan.generation != m_generation || !m_db)
        return; // the shop changed meanwhile; its own scan is on the way
    m_scanning = false;
    if (!scan.error.isEmpty()) {
        emit errorOccurred(tr("Could not check for low stock: %1").arg(scan.error));
    } else {
        QSet<qint64> low = scan.lowRids;
        for (auto it = m_seenDuringScan.cbegin(); it != m_seenDuringScan.cend(); ++it) {
            if (it.value())
                low.insert(it.key());
            else
                low.remove(it.key());
        }
        QList<qint64> crossed;
        if (m_ready) {
            for (qint64 rid : std::as_const(low)) {
                if (!m_low.contains(rid))
                    crossed << rid;
            }
        }
        m_low = low;
        m_ready = true;
        if (!crossed.isEmpty()) {
            auto alerts = alertsFor(crossed);
            if (alerts.ok())
                announce(*alerts);
            else
                emit errorOccurred(tr("Could not check for low stock: %1").arg(alerts.error().toString()));
        }
    }
    m_seenDuringScan.clear();
    emit scanFinished();
    if (m_rescan) {
        m_rescan = false;
        startScan();
    }
}

QList<LowStockNotifier::Alert> LowStockNotifier::checkLevels(const QList<LevelKey> &levels)
{
    if (!m_db)
        return {};
    QList<qint64> crossed;
    auto read = [&]() -> Result<void> {
        SK_TRY_ASSIGN(stmt, m_db->cached("SELECT rid, low_stock_threshold IS NOT NULL AND "
                                         "on_hand - committed <= low_stock_threshold FROM inventory_levels "
                                         "WHERE variant_id = ?1 AND location_id = ?2"));
        for (const LevelKey &key : levels) {
            stmt->bind(1, key.first).bind(2, key.second);
            SK_TRY_ASSIGN(hasRow, stmt->step());
            if (hasRow) {
                const qint64 rid = stmt->int64(0);
                const bool low = stmt->int64(1) != 0;
                if (low && m_ready && !m_low.contains(rid))
                    crossed << rid;
                if (low)
                    m_low.insert(rid);
                else
                    m_low.remove(rid);
                if (m_scanning)
                    m_seenDuringScan.insert(rid, low);
            }
            stmt->reset();
        }
        return {};
    };
    auto done = read();
    if (!done.ok()) {
        emit errorOccurred(tr("Could not check for low stock: %1").arg(done.error().toString()));
        return {};
    }
    if (crossed.isEmpty())
        return {};
    auto alerts = alertsFor(crossed);
    if (!alerts.ok()) {
        emit errorOccurred(tr("Could not check for low stock: %1").arg(alerts.error().toString()));
        return {};
    }
    announce(*alerts);
    return *alerts;
}

Result<QList<LowStockNotifier::Alert>> LowStockNotifier::alertsFor(const QList<qint64> &rids)
{
    SK_TRY_ASSIGN(rows, InventoryLevelModel::readRows(*m_db, rids));
    QList<Alert> alerts;
    for (qint64 rid : rids) {
        auto it = rows.constFind(rid);
        if (it == rows.constEnd() || !it->lowStockThreshold)
            continue;
        alerts << Alert{it->variantId, it->locationId,   it->label(),
                        it->locationName, it->available, *it->lowStockThreshold};
    }
    return alerts;
}

QString LowStockNotifier::messageFor(const QList<Alert> &alerts)
{
    if (alerts.isEmpty())
        return {};
    if (alerts.size() == 1) {
        const Alert &a = alerts.constFirst();
        return tr("%1 at %2 is low: %3 available (low at %4).")
            .arg(a.label, a.locationName)
            .arg(a.available)
            .arg(a.threshold);
    }
    QStringList names;
    for (qsizetype i = 0; i < alerts.size() && i < 3; ++i)
        names << tr("%1 at %2").arg(alerts.at(i).label, alerts.at(i).locationName);
    if (alerts.size() > 3)
        names << u"\u2026"_s;
    return tr("%n items fell to their low-stock level: %1", nullptr, int(alerts.size())).arg(names.join(u"; "_s));
}

void LowStockNotifier::announce(const QList<Alert> &alerts)
{
    if (alerts.isEmpty())
        return;
    const QString message = messageFor(alerts);
    const bool desktop = showsDesktopNotifications();
    if (desktop) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(QGuiApplication::windowIcon(), this);
            m_tray->setToolTip(tr("Storekeep"));
        }
        m_tray->show();
        m_tray->showMessage(tr("Low stock"), message, QSystemTrayIcon::Warning);
    }
    emit lowStock(message, desktop);
}

} // namespace sk

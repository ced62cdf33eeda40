#include "productlistmodel.h"

#include "common/shopformat.h"
#include "money/currency.h"
#include "money/money.h"
#include "storage/shopstore.h"
#include "common/unsyncedsql.h"
#include "storage/sqlitedatabase.h"
#include "util/logging.h"

#include <QApplication>
#include <QDateTime>
#include <QFont>
#include <QPalette>
#include <QPromise>
#include <QSet>
#include <QStyle>
#include <QThreadPool>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace sk {

ProductListModel::ProductListModel(QObject *parent)
    : QAbstractTableModel(parent), m_timeZone(QTimeZone::utc()), m_ridLoader(new QTimer(this))
{
    // The rest of the rid list, a slice per turn of the event loop (a millisecond or two).
    connect(m_ridLoader, &QTimer::timeout, this, [this] {
        if (const Result<void> loaded = loadRids(m_rids.size() + 16384); !loaded.ok())
            reportError(loaded.error());
    });
    connect(&m_filteredRead, &QFutureWatcher<FilteredRids>::finished, this, &ProductListModel::onFilteredRead);
}

ProductListModel::~ProductListModel()
{
    endRidSnapshot();
    if (m_runningDb)
        sqlite3_interrupt(m_runningDb->handle()); // its rids have nowhere to go
}

Result<void> ProductListModel::open(const ShopStore &store)
{
    SK_TRY_ASSIGN(db, store.openReader());
    SK_TRY_ASSIGN(worker, store.openReader());
    beginResetModel();
    endRidSnapshot();
    m_db = std::move(db);
    m_workerDb = std::move(worker);
    m_rids.clear();
    m_pages.clear();
    m_lru.clear();
    endResetModel();

    SK_TRY_ASSIGN(settings, readShopSettings());
    m_settings = settings;
    m_locale = ShopFormat::localeFromTag(m_settings.locale);
    const QTimeZone zone(m_settings.timeZone.toUtf8());
    m_timeZone = zone.isValid() ? zone : QTimeZone::utc();
    return reload();
}

Result<ShopSettings> ProductListModel::readShopSettings()
{
    ShopSettings settings;
    // A fresh store has no settings row until the first pull or the demo generator writes it.
    settings.currency = u"USD"_s;
    settings.timeZone = u"UTC"_s;
    SK_TRY_ASSIGN(stmt, m_db->cached("SELECT shop_id, name, currency, time_zone, locale FROM shop_settings "
                                     "WHERE singleton = 1"));
    SK_TRY_ASSIGN(hasRow, stmt->step());
    if (hasRow) {
        settings.shopId = stmt->text(0);
        settings.name = stmt->text(1);
        settings.currency = stmt->text(2);
        settings.timeZone = stmt->text(3);
        settings.locale = stmt->text(4);
    }
    stmt->reset();
    return settings;
}

Result<void> ProductListModel::reload()
{
    const bool wasLoading = m_loading;
    beginResetModel();
    auto applied = applyQuery();
    endResetModel();
    if (!applied.ok())
        reportError(applied.error());
    if (m_loading != wasLoading)
        emit loadingChanged(m_loading);
    if (!m_loading)
        emit loaded();
    return applied;
}

void ProductListModel::startFilteredRead()
{
    auto promise = std::make_shared<QPromise<FilteredRids>>();
    m_filteredRead.setFuture(promise->future());
    m_runningDb = m_workerDb;
    QThreadPool::globalInstance()->start([promise, db = m_runningDb, filter = m_filter, sort = m_sort,
                                          order = m_order, generation = m_generation] {
        promise->start();
        FilteredRids read;
        read.generation = generation;
        auto rids = ProductRepository(*db).productRids(filter, sort, order);
        if (rids.ok())
            read.rids = std::move(rids).value();
        else
            read.error = rids.error();
        promise->addResult(std::move(read));
        promise->finish();
    });
}

void ProductListModel::onFilteredRead()
{
    m_runningDb.reset();
    FilteredRids done = m_filteredRead.future().resultCount() > 0 ? m_filteredRead.result() : FilteredRids();
    if (done.generation != m_generation) {
        // Interrupted, or the filter changed meanwhile: read the newest one, if still filtered.
        if (m_loading && m_workerDb)
            startFilteredRead();
        return;
    }
    beginResetModel();
    m_rids = done.error ? QList<qint64>() : std::move(done.rids);
    m_total = int(m_rids.size());
    m_pages.clear();
    m_lru.clear();
    endResetModel();
    setLoading(false);
    if (done.error)
        reportError(*done.error);
    emit loaded();
}

void ProductListModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

Result<void> ProductListModel::applyQuery()
{
    ++m_generation;
    m_loading = false; // a read still running is stale now
    endRidSnapshot();
    m_rids.clear();
    m_total = 0;
    m_pages.clear();
    m_lru.clear();
    m_pageFetches = 0;
    m_lastError.clear();
    if (!m_db) {
        return makeError(u"ui.products.not_open"_s, tr("The product list has no shop file open."));
    }
    const bool unfiltered = !m_filter.status && m_filter.vendor.isEmpty() && m_filter.tag.trimmed().isEmpty();
    if (!unfiltered) {
        // A filtered count costs as much as reading the rids: all of them, on a worker. The
        // caller announces the loading state once the reset this runs in is over.
        m_loading = true;
        if (m_runningDb)
            sqlite3_interrupt(m_runningDb->handle()); // onFilteredRead() starts the newest
        else
            startFilteredRead();
        return {};
    }
    // The whole list: SQLite counts a table without reading it, so the rids can come in as
    // they are needed (the first window now, the rest between events) instead of all before
    // the first paint, 20 ms for 300,000 products. One read transaction keeps the count and
    // the rids the same snapshot.
    SK_TRY(m_db->exec("BEGIN"));
    m_inRidSnapshot = true;
    SK_TRY_ASSIGN(count, m_db->queryInt64("SELECT count(*) FROM products"));
    SK_TRY_ASSIGN(cursor, m_db->prepare(ProductRepository::productRidsSql(m_filter, m_sort, m_order)));
    m_ridCursor = std::make_unique<SqliteStatement>(std::move(cursor));
    m_total = int(count);
    SK_TRY(loadRids(2 * PageSize));
    if (m_ridCursor)
        m_ridLoader->start();
    return {};
}

Result<void> ProductListModel::loadRids(qsizetype count) const
{
    while (m_ridCursor && m_rids.size() < count) {
        SK_TRY_ASSIGN(hasRow, m_ridCursor->step());
        if (!hasRow) {
            endRidSnapshot();
            break;
        }
        m_rids.append(m_ridCursor->int64(0));
        if (m_rids.size() >= m_total)
            endRidSnapshot(); // all in: no need to wait for the end of the cursor
    }
    if (!m_ridCursor && m_rids.size() != m_total) {
        // Cannot happen in one snapshot; should it, the list is read again rather than shown wrong.
        qCWarning(lcStore) << "product list: counted" << m_total << "rows, read" << m_rids.size();
        QTimer::singleShot(0, const_cast<ProductListModel *>(this), [this] { (void)const_cast<ProductListModel *>(this)->reload(); });
    }
    return {};
}

void ProductListModel::endRidSnapshot() const
{
    if (m_ridLoader)
        m_ridLoader->stop();
    m_ridCursor.reset();
    if (m_inRidSnapshot && m_db)
        (void)m_db->exec("COMMIT");
    m_inRidSnapshot = false;
}

bool ProductListModel::ensureRids(qsizetype row) const
{
    if (row < m_rids.size())
        return true;
    if (const Result<void> loaded = loadRids(row + 1); !loaded.ok())
        reportError(loaded.error());
    return row < m_rids.size();
}

void ProductListModel::setStatusFilter(std::optional<ProductStatus> status)
{
    ProductFilter f = m_filter;
    f.status = status;
    setFilter(f);
}

void ProductListModel::setVendorFilter(const QString &vendor)
{
    ProductFilter f = m_filter;
    f.vendor = vendor.trimmed();
    setFilter(f);
}

void ProductListModel::setTagFilter(const QString &tag)
{
    ProductFilter f = m_filter;
    f.tag = tag.trimmed();
    setFilter(f);
}

void ProductListModel::setFilter(const ProductFilter &filter)
{
    if (filter.status == m_filter.status && filter.vendor == m_filter.vendor && filter.tag == m_filter.tag)
        return;
    m_filter = filter;
    if (m_db)
        (void)reload(); // errors are reported through errorOccurred
}

bool ProductListModel::isSortableColumn(int column)
{
    return column == TitleColumn || column == UpdatedColumn;
}

int ProductListModel::sortColumn() const
{
    return m_sort == ProductSort::Title ? TitleColumn : UpdatedColumn;
}

Qt::SortOrder ProductListModel::sortOrder() const
{
    return m_order == SortOrder::Ascending ? Qt::AscendingOrder : Qt::DescendingOrder;
}

void ProductListModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortableColumn(column))
        return;
    const ProductSort sortBy = column == TitleColumn ? ProductSort::Title : ProductSort::UpdatedAt;
    const SortOrder sortOrder = order == Qt::AscendingOrder ? SortOrder::Ascending : SortOrder::Descending;
    if (sortBy == m_sort && sortOrder == m_order)
        return;
    m_sort = sortBy;
    m_order = sortOrder;
    if (m_db)
        (void)reload();
}

qint64 ProductListModel::ridAt(int row) const
{
    return row >= 0 && row < m_total && ensureRids(row) ? m_rids.at(row) : 0;
}

int ProductListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_total;
}

int ProductListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ProductListModel::statusText(ProductStatus status)
{
    switch (status) {
    case ProductStatus::Active:
        return tr("Active");
    case ProductStatus::Draft:
        return tr("Draft");
    case ProductStatus::Archived:
        return tr("Archived");
    }
    return {};
}

QVariant ProductListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole) {
        const bool numeric = section == VariantsColumn || section == PriceColumn || section == OnHandColumn;
        return QVariant::fromValue(Qt::Alignment((numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    }
    if (role == Qt::ToolTipRole && !isSortableColumn(section))
        return tr("Sorting by this column is not available yet.");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case StatusColumn:
        return tr("Status");
    case VendorColumn:
        return tr("Vendor");
    case VariantsColumn:
        return tr("Variants");
    case PriceColumn:
        return tr("Price");
    case OnHandColumn:
        return tr("On hand");
    case UpdatedColumn:
        return tr("Updated");
    default:
        return {};
    }
}

QVariant ProductListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int column = index.column();
    if (role == Qt::TextAlignmentRole) {
        const bool numeric = column == VariantsColumn || column == PriceColumn || column == OnHandColumn;
        return QVariant::fromValue(Qt::Alignment((numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    }
    if (role == RidRole)
        return ridAt(index.row());
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != IdRole && role != Qt::ForegroundRole
        && role != Qt::FontRole && role != Qt::DecorationRole && role != UnsyncedRole)
        return {};

    const CachedRow *cached = rowAt(index.row());
    if (!cached || !cached->found)
        return {};
    const ProductListRow &r = cached->row;
    if (role == IdRole)
        return r.id;
    if (role == UnsyncedRole)
        return cached->unsynced;
    if (role == Qt::FontRole) {
        if (!cached->unsynced)
            return {};
        QFont italic;
        italic.setItalic(true);
        return italic;
    }
    if (role == Qt::DecorationRole) {
        if (cached->unsynced && column == TitleColumn)
            return QApplication::style()->standardIcon(QStyle::SP_BrowserReload);
        return {};
    }
    if (role == Qt::ForegroundRole) {
        if (r.status == ProductStatus::Archived)
            return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (cached->unsynced)
            return tr("Not synced yet: this product has a change the server has not confirmed.");
        if (column == TitleColumn && !r.category.isEmpty())
            return tr("%1 (category: %2)").arg(r.title, r.category);
        return {};
    }
    switch (column) {
    case TitleColumn:
        return r.title;
    case StatusColumn:
        return cached->status;
    case VendorColumn:
        return r.vendor;
    case VariantsColumn:
        return m_locale.toString(r.variantCount);
    case PriceColumn:
        return cached->price;
    case OnHandColumn:
        return cached->onHand;
    case UpdatedColumn:
        return cached->updated;
    default:
        return {};
    }
}

const ProductListModel::CachedRow *ProductListModel::rowAt(int row) const
{
    if (row < 0 || row >= m_total)
        return nullptr;
    const Page *p = page(row / PageSize);
    if (!p)
        return nullptr;
    const int offset = row % PageSize;
    return offset < p->size() ? &p->at(offset) : nullptr;
}

const ProductListModel::Page *ProductListModel::page(int pageIndex) const
{
    auto it = m_pages.constFind(pageIndex);
    if (it != m_pages.constEnd()) {
        if (m_lru.constLast() != pageIndex) {
            m_lru.removeOne(pageIndex);
            m_lru.append(pageIndex);
        }
        return &it.value();
    }
    auto fetched = fetchPage(pageIndex);
    if (!fetched.ok()) {
        reportError(fetched.error());
        return nullptr;
    }
    while (m_lru.size() >= MaxCachedPages)
        m_pages.remove(m_lru.takeFirst());
    m_lru.append(pageIndex);
    return &m_pages.insert(pageIndex, std::move(fetched).value()).value();
}

Result<QSet<qint64>> ProductListModel::unsyncedRids(const QList<qint64> &rids) const
{
    // Edits not confirmed yet, on the product or any of its variants (outbox_entities' key).
    static const QByteArray sql = "SELECT p.rid FROM products p WHERE p.rid IN (SELECT value FROM json_each(?1)) AND ("
        + unsyncedsql::exists("product", "p.id") + " OR EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id AND "
        + unsyncedsql::exists("variant", "v.id") + "))";
    SK_TRY_ASSIGN(stmt, m_db->cached(sql.constData()));
    QByteArray list = "[";
    for (qint64 rid : rids)
        list += (list.size() > 1 ? "," : "") + QByteArray::number(rid);
    stmt->bindUtf8(1, list + ']');
    QSet<qint64> unsynced;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, stmt->step());
        if (!hasRow)
            break;
        unsynced.insert(stmt->int64(0));
    }
    stmt->reset();
    return unsynced;
}

Result<ProductListModel::Page> ProductListModel::fetchPage(int pageIndex) const
{
    const qsizetype first = qsizetype(pageIndex) * PageSize;
    ensureRids(std::min<qsizetype>(first + PageSize, m_total) - 1);
    const QList<qint64> rids = m_rids.mid(first, PageSize);
    ++m_pageFetches;
    ProductRepository repo(*m_db);
    SK_TRY_ASSIGN(rows, repo.productRowsByRid(rids));

    SK_TRY_ASSIGN(unsynced, unsyncedRids(rids));

    // Rows come back in rid order, but one deleted since the rid list was read is missing:
    // match by rid so every other row stays on its own line.
    Page result(rids.size());
    qsizetype next = 0;
    for (qsizetype i = 0; i < rids.size(); ++i) {
        CachedRow &cached = result[i];
        cached.row.rid = rids.at(i);
        if (next >= rows.size() || rows.at(next).rid != rids.at(i))
            continue;
        cached.row = std::move(rows[next++]);
        cached.found = true;
        cached.unsynced = unsynced.contains(cached.row.rid);
        const ProductListRow &r = cached.row;
        cached.status = statusText(r.status);
        if (r.variantCount > 0) {
            cached.price = r.minPrice == r.maxPrice ? formatMoney(r.minPrice)
                                                    : tr("%1 – %2").arg(formatMoney(r.minPrice), formatMoney(r.maxPrice));
        }
        cached.onHand = m_locale.toString(r.totalOnHand);
        cached.updated = m_locale.toString(QDateTime::fromMSecsSinceEpoch(r.updatedAt, m_timeZone), QLocale::ShortFormat);
    }
    return result;
}

QString ProductListModel::formatMoney(qint64 minor) const
{
    auto currency = Currency::fromCode(m_settings.currency);
    if (!currency.ok())
        return m_locale.toString(minor) + u' ' + m_settings.currency;
    return Money(minor, *currency).format(m_locale);
}

void ProductListModel::reportError(const Error &error) const
{
    const QString message = tr("Could not read the product list: %1").arg(error.toString());
    if (message == m_lastError)
        return; // one report per distinct problem, not one per painted cell
    m_lastError = message;
    // Queued: data() may be running inside a paint event.
    QMetaObject::invokeMethod(const_cast<ProductListModel *>(this),
                              [this, message] { emit const_cast<ProductListModel *>(this)->errorOccurred(message); },
                              Qt::QueuedConnection);
}

} // namespace sk

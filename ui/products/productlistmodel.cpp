#include "productlistmodel.h"

#include "money/currency.h"
#include "money/money.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"

#include <QApplication>
#include <QDateTime>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

// BCP 47 ("fr-FR") to the form QLocale parses everywhere ("fr_FR").
QLocale localeFromTag(const QString &tag)
{
    if (tag.isEmpty())
        return QLocale();
    QString name = tag;
    name.replace(u'-', u'_');
    return QLocale(name);
}

} // namespace

ProductListModel::ProductListModel(QObject *parent) : QAbstractTableModel(parent), m_timeZone(QTimeZone::utc()) {}

ProductListModel::~ProductListModel() = default;

Result<void> ProductListModel::open(const ShopStore &store)
{
    SK_TRY_ASSIGN(db, store.openReader());
    beginResetModel();
    m_db = std::move(db);
    m_rids.clear();
    m_pages.clear();
    m_lru.clear();
    endResetModel();

    SK_TRY_ASSIGN(settings, readShopSettings());
    m_settings = settings;
    m_locale = localeFromTag(m_settings.locale);
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
    beginResetModel();
    auto applied = applyQuery();
    endResetModel();
    if (!applied.ok())
        reportError(applied.error());
    return applied;
}

Result<void> ProductListModel::applyQuery()
{
    m_rids.clear();
    m_pages.clear();
    m_lru.clear();
    m_pageFetches = 0;
    m_lastError.clear();
    if (!m_db) {
        return makeError(u"ui.products.not_open"_s, tr("The product list has no shop file open."));
    }
    ProductRepository repo(*m_db);
    SK_TRY_ASSIGN(rids, repo.productRids(m_filter, m_sort, m_order));
    m_rids = std::move(rids);
    return {};
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
    return row >= 0 && row < m_rids.size() ? m_rids.at(row) : 0;
}

int ProductListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rids.size());
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
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != IdRole && role != Qt::ForegroundRole)
        return {};

    const CachedRow *cached = rowAt(index.row());
    if (!cached || !cached->found)
        return {};
    const ProductListRow &r = cached->row;
    if (role == IdRole)
        return r.id;
    if (role == Qt::ForegroundRole) {
        if (r.status == ProductStatus::Archived)
            return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    }
    if (role == Qt::ToolTipRole) {
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
    if (row < 0 || row >= m_rids.size())
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

Result<ProductListModel::Page> ProductListModel::fetchPage(int pageIndex) const
{
    const qsizetype first = qsizetype(pageIndex) * PageSize;
    const QList<qint64> rids = m_rids.mid(first, PageSize);
    ++m_pageFetches;
    ProductRepository repo(*m_db);
    SK_TRY_ASSIGN(rows, repo.productRowsByRid(rids));

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

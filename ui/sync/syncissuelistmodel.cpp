#include "syncissuelistmodel.h"

#include "common/shopformat.h"
#include "money/currency.h"
#include "money/money.h"
#include "storage/customerrepository.h"
#include "storage/orderrepository.h"
#include "storage/productrepository.h"
#include "storage/shoprepository.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

bool isPatch(const QString &name)
{
    return name == "product.patch"_L1 || name == "variant.patch"_L1 || name == "location.patch"_L1
           || name == "customer.patch"_L1;
}

bool isMoneyField(const QString &field)
{
    return field == "price"_L1 || field == "compare_at_price"_L1 || field == "cost"_L1;
}

QString elided(const QString &text, int max = 40)
{
    return text.size() <= max ? text : text.left(max - 1) + u'…';
}

} // namespace

SyncIssueListModel::SyncIssueListModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_zone(QTimeZone::systemTimeZone())
{
}

SyncIssueListModel::~SyncIssueListModel() = default;

Result<void> SyncIssueListModel::open(const ShopStore &store)
{
    SK_TRY_ASSIGN(db, store.openReader());
    beginResetModel();
    m_db = std::move(db);
    m_rows.clear();
    endResetModel();

    SK_TRY(readSettings());
    SK_TRY_ASSIGN(rows, readRows());
    applyRows(std::move(rows));
    m_lastError.clear();
    emit reloaded(int(m_rows.size()));
    return {};
}

Result<void> SyncIssueListModel::readSettings()
{
    SK_TRY_ASSIGN(settings, ShopRepository(*m_db).settings());
    if (!settings)
        return {}; // a file not downloaded yet: local time until the first sync brings them
    m_locale = ShopFormat::localeFromTag(settings->locale);
    const QTimeZone zone(settings->timeZone.toUtf8());
    if (zone.isValid())
        m_zone = zone;
    m_currency = settings->currency;
    m_hasSettings = true;
    return {};
}

void SyncIssueListModel::reload()
{
    if (!m_db)
        return;
    if (!m_hasSettings)
        (void)readSettings();
    auto rows = readRows();
    if (!rows.ok()) {
        m_lastError = tr("Could not read the sync issues: %1").arg(rows.error().toString());
        emit errorOccurred(m_lastError);
        return;
    }
    applyRows(std::move(*rows));
    m_lastError.clear();
    emit reloaded(int(m_rows.size()));
}

Result<QList<SyncIssueListModel::Row>> SyncIssueListModel::readRows()
{
    SK_TRY_ASSIGN(issues, SyncIssues::open(*m_db));
    QList<Row> rows;
    rows.reserve(issues.size());
    for (const SyncIssue &issue : std::as_const(issues)) {
        SK_TRY_ASSIGN(row, makeRow(*m_db, issue));
        rows.append(std::move(row));
    }
    return rows;
}

Result<SyncIssueListModel::Row> SyncIssueListModel::makeRow(SqliteDatabase &db, const SyncIssue &issue)
{
    Row row;
    row.issue = issue;
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(issue.createdAt, m_zone);
    row.when = m_locale.toString(when, QLocale::ShortFormat);
    row.whenExact = m_locale.toString(when, QLocale::LongFormat);
    if (issue.entity.type.isEmpty()) {
        row.record = tr("(no record)");
    } else {
        SK_TRY_ASSIGN(label, recordLabel(db, issue.entity));
        row.record = tr("%1: %2").arg(entityTypeText(issue.entity.type), label.first);
        row.exists = label.second;
    }
    row.tried = describeMutation(issue);
    row.reason = issue.code.isEmpty() ? issue.message : tr("%1 (%2)").arg(issue.message, issue.code);

    QStringList detail{issue.message};
    if (issue.code == "conflict.field"_L1 && issue.details.contains(u"field"_s)) {
        const QString field = issue.details.value(u"field"_s).toString();
        detail << tr("On the server, %1 is now %2.")
                      .arg(field, valueText(field, issue.details.value(u"server_value"_s)));
    } else if (issue.code == "inventory_stale"_L1 && issue.details.contains(u"current"_s)) {
        detail << tr("On hand on the server: %1.").arg(m_locale.toString(issue.details.value(u"current"_s).toInteger()));
    }
    detail << tr("Server code: %1").arg(issue.code);
    row.reasonDetail = detail.join(u'\n');
    return row;
}

QString SyncIssueListModel::entityTypeText(const QString &type)
{
    if (type == "product"_L1)
        return tr("Product");
    if (type == "variant"_L1)
        return tr("Variant");
    if (type == "inventory_level"_L1)
        return tr("Stock");
    if (type == "customer"_L1)
        return tr("Customer");
    if (type == "order"_L1)
        return tr("Order");
    if (type == "location"_L1)
        return tr("Location");
    if (type == "shop_settings"_L1)
        return tr("Shop settings");
    return type;
}

// A label people recognise, and whether the record is in the local file.
Result<std::pair<QString, bool>> SyncIssueListModel::recordLabel(SqliteDatabase &db, const EntityRef &ref)
{
    using Label = std::pair<QString, bool>;
    const Label missing{ref.id, false};
    if (ref.type == "product"_L1) {
        SK_TRY_ASSIGN(product, ProductRepository(db).product(ref.id));
        return product ? Label{product->title, true} : missing;
    }
    if (ref.type == "variant"_L1 || ref.type == "inventory_level"_L1) {
        const QString variantId = ref.id.section(u':', 0, 0);
        ProductRepository products(db);
        SK_TRY_ASSIGN(variant, products.variant(variantId));
        if (!variant)
            return missing;
        SK_TRY_ASSIGN(product, products.product(variant->productId));
        QString text = product ? product->title : QString();
        const QString which = !variant->sku.isEmpty() ? variant->sku : variant->option1;
        if (!which.isEmpty())
            text = text.isEmpty() ? which : tr("%1 · %2").arg(text, which);
        if (ref.type == "inventory_level"_L1) {
            const QString locationId = ref.id.section(u':', 1);
            SK_TRY_ASSIGN(location, ShopRepository(db).location(locationId));
            text = tr("%1 at %2").arg(text, location ? location->name : locationId);
        }
        return Label{text, true};
    }
    if (ref.type == "customer"_L1) {
        SK_TRY_ASSIGN(customer, CustomerRepository(db).customer(ref.id));
        if (!customer)
            return missing;
        const QString name = customer->displayName();
        return Label{name.isEmpty() ? customer->email : name, true};
    }
    if (ref.type == "order"_L1) {
        SK_TRY_ASSIGN(order, OrderRepository(db).order(ref.id));
        return order ? Label{tr("#%1").arg(order->number), true} : missing;
    }
    if (ref.type == "location"_L1) {
        SK_TRY_ASSIGN(location, ShopRepository(db).location(ref.id));
        return location ? Label{location->name, true} : missing;
    }
    if (ref.type == "shop_settings"_L1) {
        SK_TRY_ASSIGN(settings, ShopRepository(db).settings());
        return settings ? Label{settings->name, true} : missing;
    }
    return missing;
}

QString SyncIssueListModel::formatMoney(qint64 minor) const
{
    auto currency = Currency::fromCode(m_currency);
    if (!currency.ok())
        return m_locale.toString(minor);
    return Money(minor, *currency).format(m_locale);
}

QString SyncIssueListModel::valueText(const QString &field, const QJsonValue &value) const
{
    if (isMoneyField(field) && value.isDouble())
        return formatMoney(value.toInteger());
    if (field == "addresses"_L1 && value.isArray()) // a customer's whole list: its JSON says little
        return tr("%n address(es)", nullptr, int(value.toArray().size()));
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return tr("(empty)");
    case QJsonValue::Bool:
        return value.toBool() ? tr("yes") : tr("no");
    case QJsonValue::Double:
        return m_locale.toString(value.toInteger());
    case QJsonValue::String:
        return tr("“%1”").arg(elided(value.toString()));
    case QJsonValue::Array:
    case QJsonValue::Object:
        break;
    }
    return elided(QString::fromUtf8(value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                                    : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)));
}

QString SyncIssueListModel::describeMutation(const SyncIssue &issue) const
{
    const QString &name = issue.mutationName;
    const QJsonObject &args = issue.args;
    if (name == "inventory.adjust"_L1) {
        const qint64 delta = args.value(u"delta"_s).toInteger();
        const QString signedDelta = delta > 0 ? u"+"_s + m_locale.toString(delta) : m_locale.toString(delta);
        const QString reason = args.value(u"reason"_s).toString();
        return reason.isEmpty() ? tr("Adjust stock by %1").arg(signedDelta)
                                : tr("Adjust stock by %1 (%2)").arg(signedDelta, reason);
    }
    if (name == "inventory.set"_L1)
        return tr("Count stock as %1").arg(m_locale.toString(args.value(u"quantity"_s).toInteger()));
    if (name == "inventory.transfer"_L1)
        return tr("Move %1 to another location").arg(m_locale.toString(args.value(u"quantity"_s).toInteger()));
    if (isPatch(name)) {
        const QJsonObject fields = args.value(u"fields"_s).toObject();
        QStringList parts;
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            QString field = it.key();
            field.replace(u'_', u' ');
            parts << tr("%1 to %2").arg(field, valueText(it.key(), it.value()));
        }
        return parts.isEmpty() ? tr("Change the record") : tr("Change %1").arg(parts.join(u", "_s));
    }
    if (name == "product.create"_L1) {
        return tr("Create the product %1")
            .arg(valueText(u"title"_s, args.value(u"product"_s).toObject().value(u"title"_s)));
    }
    if (name == "product.archive"_L1)
        return tr("Archive the product");
    if (name == "product.delete"_L1)
        return tr("Delete the product");
    if (name == "variant.create"_L1)
        return tr("Add a variant");
    if (name == "variant.delete"_L1)
        return tr("Delete the variant");
    if (name == "location.create"_L1)
        return tr("Create a location");
    if (name == "customer.create"_L1)
        return tr("Create a customer");
    if (name == "order.set_status"_L1)
        return tr("Set the order's status to %1").arg(args.value(u"status"_s).toString());
    if (name == "order.fulfil"_L1)
        return tr("Fulfil the order");
    if (name == "order.refund"_L1)
        return tr("Refund the order");
    if (name == "order.add_note"_L1)
        return tr("Add a note to the order");
    return name;
}

bool SyncIssueListModel::canKeepMine(int row) const
{
    // Mirrors SyncIssues::keepMine's refusals, so the button is not offered when it cannot work.
    const Row &r = m_rows.at(row);
    const SyncIssue &issue = r.issue;
    if (issue.kind == "access_lost"_L1 || issue.code.startsWith("validation."_L1) || issue.code == "seq_reused"_L1
        || issue.code.startsWith("forbidden."_L1))
        return false;
    const bool onCurrentRecord = isPatch(issue.mutationName) || issue.mutationName == "inventory.set"_L1
                                 || (issue.mutationName == "inventory.adjust"_L1
                                     && issue.args.contains(u"change_from"_s));
    if (onCurrentRecord)
        return r.exists;
    return !issue.code.startsWith("not_found."_L1);
}

int SyncIssueListModel::rowOfIssue(const QString &issueId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).issue.id == issueId)
            return i;
    }
    return -1;
}

// Removes the rows that are gone and inserts the new ones in place, so views keep their
// selection; a reset only if the order of the remaining rows changed (it never should).
void SyncIssueListModel::applyRows(QList<Row> rows)
{
    QSet<QString> ids;
    for (const Row &r : std::as_const(rows))
        ids.insert(r.issue.id);
    for (qsizetype i = m_rows.size() - 1; i >= 0;) {
        if (ids.contains(m_rows.at(i).issue.id)) {
            --i;
            continue;
        }
        const qsizetype last = i;
        while (i >= 0 && !ids.contains(m_rows.at(i).issue.id))
            --i;
        beginRemoveRows({}, int(i + 1), int(last));
        m_rows.remove(i + 1, last - i);
        endRemoveRows();
    }

    QHash<QString, qsizetype> position;
    for (qsizetype i = 0; i < rows.size(); ++i)
        position.insert(rows.at(i).issue.id, i);
    qsizetype previous = -1;
    for (const Row &r : std::as_const(m_rows)) {
        const qsizetype p = position.value(r.issue.id);
        if (p < previous) {
            beginResetModel();
            m_rows = std::move(rows);
            endResetModel();
            return;
        }
        previous = p;
    }

    // m_rows is now a subsequence of rows: walk rows, inserting what m_rows lacks.
    for (qsizetype i = 0; i < rows.size();) {
        if (i < m_rows.size() && m_rows.at(i).issue.id == rows.at(i).issue.id) {
            m_rows[i] = rows.at(i);
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < rows.size() && (i >= m_rows.size() || rows.at(end).issue.id != m_rows.at(i).issue.id))
            ++end;
        beginInsertRows({}, int(i), int(end - 1));
        for (qsizetype k = i; k < end; ++k)
            m_rows.insert(k, rows.at(k));
        endInsertRows();
        i = end;
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int SyncIssueListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SyncIssueListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SyncIssueListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case WhenColumn:
            return r.when;
        case RecordColumn:
            return r.record;
        case TriedColumn:
            return r.tried;
        case ReasonColumn:
            return r.reason;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case WhenColumn:
            return r.whenExact;
        case RecordColumn:
            return r.exists ? tr("%1 %2").arg(entityTypeText(r.issue.entity.type), r.issue.entity.id)
                            : tr("%1 %2 is no longer in this shop.").arg(entityTypeText(r.issue.entity.type),
                                                                         r.issue.entity.id);
        case TriedColumn:
            return tr("%1 %2").arg(r.issue.mutationName,
                                   QString::fromUtf8(QJsonDocument(r.issue.args).toJson(QJsonDocument::Compact)));
        case ReasonColumn:
            return r.reasonDetail;
        default:
            return {};
        }
    case IssueIdRole:
        return r.issue.id;
    case KindRole:
        return r.issue.kind;
    case CodeRole:
        return r.issue.code;
    case EntityTypeRole:
        return r.issue.entity.type;
    case EntityIdRole:
        return r.issue.entity.id;
    case CreatedAtRole:
        return r.issue.createdAt;
    case RecordExistsRole:
        return r.exists;
    case CanKeepMineRole:
        return canKeepMine(index.row());
    default:
        return {};
    }
}

QVariant SyncIssueListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case WhenColumn:
        return tr("When");
    case RecordColumn:
        return tr("Record");
    case TriedColumn:
        return tr("What you tried");
    case ReasonColumn:
        return tr("The server's reason");
    default:
        return {};
    }
}

} // namespace sk

#include "variantgridmodel.h"

#include "money/money.h"
#include "util/uuidv7.h"

#include <QFont>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

constexpr qsizetype kCodeLength = 64;    // sku, barcode (VariantPatchArgs)
constexpr qsizetype kOptionLength = 255; // option1..3

Error invalidCell(int row, int column, const QString &message)
{
    return makeError(u"validation.invalid_field"_s, message,
                     u"variants[%1].%2"_s.arg(row).arg(VariantGridModel::fieldName(column)));
}

} // namespace

VariantGridModel::VariantGridModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_currency = *Currency::fromCode(u"USD");
}

void VariantGridModel::setMoneyFormat(const Currency &currency, const QLocale &locale)
{
    // Before setVariants(): cells already typed keep their text.
    m_currency = currency;
    m_locale = locale;
    emit headerDataChanged(Qt::Horizontal, PriceColumn, CostColumn);
}

VariantGridModel::Row VariantGridModel::rowOf(const Variant &variant, bool isNew) const
{
    Row row;
    row.original = variant;
    row.isNew = isNew;
    row.text[SkuColumn] = variant.sku;
    row.text[BarcodeColumn] = variant.barcode;
    row.text[Option1Column] = variant.option1;
    row.text[Option2Column] = variant.option2;
    row.text[Option3Column] = variant.option3;
    row.text[PriceColumn] = moneyText(variant.price);
    if (variant.compareAtPrice)
        row.text[CompareAtColumn] = moneyText(*variant.compareAtPrice);
    if (variant.cost)
        row.text[CostColumn] = moneyText(*variant.cost);
    if (variant.weight)
        row.text[WeightColumn] = m_locale.toString(*variant.weight, 'g', 12);
    return row;
}

void VariantGridModel::setVariants(const QList<Variant> &variants, bool asNew)
{
    beginResetModel();
    m_rows.clear();
    m_removed.clear();
    for (const Variant &variant : variants)
        m_rows.append(rowOf(variant, asNew));
    endResetModel();
}

int VariantGridModel::addVariant()
{
    Variant variant;
    variant.id = UuidV7::toText(UuidV7::create());
    Row row;
    row.original = variant;
    row.isNew = true; // every cell empty: the price must be typed
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(row);
    endInsertRows();
    return at;
}

void VariantGridModel::removeVariant(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    beginRemoveRows({}, row, row);
    const Row removed = m_rows.takeAt(row);
    endRemoveRows();
    if (!removed.isNew)
        m_removed.append(removed.original.id);
}

bool VariantGridModel::isNewRow(int row) const
{
    return row >= 0 && row < m_rows.size() && m_rows.at(row).isNew;
}

Variant VariantGridModel::originalVariant(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).original : Variant();
}

void VariantGridModel::setReadOnly(bool readOnly)
{
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {});
}

QString VariantGridModel::moneyText(qint64 minor) const
{
    QString text = Money(minor, m_currency).toDecimalString();
    return text.replace(u'.', m_locale.decimalPoint());
}

Result<std::optional<qint64>> VariantGridModel::parseMoney(int row, int column) const
{
    const QString text = m_rows.at(row).text[column].trimmed();
    if (text.isEmpty()) {
        if (column == PriceColumn)
            return invalidCell(row, column, tr("Variant %1: enter a price.").arg(row + 1));
        return std::optional<qint64>();
    }
    auto parsed = Money::parse(text, m_currency, m_locale);
    if (!parsed.ok() && parsed.error().code == u"money.too_many_decimals") {
        return invalidCell(row, column, tr("Variant %1: %2 \u201C%3\u201D has more decimals than %4 allows.")
                                            .arg(row + 1)
                                            .arg(fieldLabel(column), text, m_currency.code()));
    }
    if (!parsed.ok()) {
        return invalidCell(row, column,
                           tr("Variant %1: %2 \u201C%3\u201D is not an amount.").arg(row + 1).arg(fieldLabel(column), text));
    }
    if (parsed->isNegative()) {
        return invalidCell(row, column,
                           tr("Variant %1: %2 \u201C%3\u201D is below zero.").arg(row + 1).arg(fieldLabel(column), text));
    }
    return std::optional<qint64>(parsed->minorUnits());
}

Result<std::optional<double>> VariantGridModel::parseWeight(int row) const
{
    const QString text = m_rows.at(row).text[WeightColumn].trimmed();
    if (text.isEmpty())
        return std::optional<double>();
    bool ok = false;
    double weight = m_locale.toDouble(text, &ok);
    if (!ok)
        weight = QLocale::c().toDouble(text, &ok);
    if (!ok || weight < 0) {
        return invalidCell(row, WeightColumn,
                           tr("Variant %1: weight \u201C%2\u201D is not a weight (a number, 0 or more).")
                               .arg(row + 1)
                               .arg(text));
    }
    return std::optional<double>(weight);
}

Result<QList<Variant>> VariantGridModel::variants() const
{
    QList<Variant> out;
    for (int row = 0; row < m_rows.size(); ++row) {
        const Row &r = m_rows.at(row);
        Variant v = r.original;
        if (r.isNew)
            v.position = row + 1; // stored rows keep theirs: the grid does not reorder
        v.sku = r.text[SkuColumn].trimmed();
        v.barcode = r.text[BarcodeColumn].trimmed();
        v.option1 = r.text[Option1Column].trimmed();
        v.option2 = r.text[Option2Column].trimmed();
        v.option3 = r.text[Option3Column].trimmed();
        for (int column = SkuColumn; column <= Option3Column; ++column) {
            const qsizetype limit = column <= BarcodeColumn ? kCodeLength : kOptionLength;
            if (r.text[column].trimmed().size() > limit) {
                return invalidCell(row, column, tr("Variant %1: %2 has at most %3 characters.")
                                                    .arg(row + 1)
                                                    .arg(fieldLabel(column))
                                                    .arg(limit));
            }
        }
        SK_TRY_ASSIGN(price, parseMoney(row, PriceColumn));
        v.price = *price;
        SK_TRY_ASSIGN(compareAt, parseMoney(row, CompareAtColumn));
        v.compareAtPrice = compareAt;
        SK_TRY_ASSIGN(cost, parseMoney(row, CostColumn));
        v.cost = cost;
        SK_TRY_ASSIGN(weight, parseWeight(row));
        v.weight = weight;
        for (int earlier = 0; earlier < out.size() && !v.sku.isEmpty(); ++earlier) {
            if (out.at(earlier).sku.compare(v.sku, Qt::CaseInsensitive) == 0) {
                return invalidCell(row, SkuColumn, tr("Variant %1: SKU \u201C%2\u201D is also used by variant %3.")
                                                       .arg(row + 1)
                                                       .arg(v.sku)
                                                       .arg(earlier + 1));
            }
        }
        out.append(v);
    }
    return out;
}

QString VariantGridModel::fieldLabel(int column)
{
    switch (column) {
    case SkuColumn: return tr("SKU");
    case BarcodeColumn: return tr("barcode");
    case Option1Column: return tr("option 1");
    case Option2Column: return tr("option 2");
    case Option3Column: return tr("option 3");
    case PriceColumn: return tr("price");
    case CompareAtColumn: return tr("compare-at price");
    case CostColumn: return tr("cost");
    case WeightColumn: return tr("weight");
    default: return {};
    }
}

QString VariantGridModel::fieldName(int column)
{
    static const char16_t *const names[ColumnCount] = {u"sku",     u"barcode", u"option1",          u"option2", u"option3",
                                                       u"price",   u"compare_at_price", u"cost", u"weight"};
    return column >= 0 && column < ColumnCount ? QString::fromUtf16(names[column]) : QString();
}

int VariantGridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VariantGridModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VariantGridModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return row.text[index.column()];
    case Qt::TextAlignmentRole:
        if (index.column() >= PriceColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        if (row.isNew) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (row.isNew)
            return tr("New variant: created when you save.");
        if (index.column() == WeightColumn)
            return tr("Weight in %1").arg(row.original.weightUnit);
        return {};
    default:
        return {};
    }
}

bool VariantGridModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (m_readOnly || role != Qt::EditRole
        || !index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return false;
    QString &text = m_rows[index.row()].text[index.column()];
    const QString typed = value.toString();
    if (text == typed)
        return true;
    text = typed;
    emit dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    return true;
}

Qt::ItemFlags VariantGridModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (!m_readOnly)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant VariantGridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case SkuColumn: return tr("SKU");
    case BarcodeColumn: return tr("Barcode");
    case Option1Column: return tr("Option 1");
    case Option2Column: return tr("Option 2");
    case Option3Column: return tr("Option 3");
    case PriceColumn: return tr("Price (%1)").arg(m_currency.code());
    case CompareAtColumn: return tr("Compare-at (%1)").arg(m_currency.code());
    case CostColumn: return tr("Cost (%1)").arg(m_currency.code());
    case WeightColumn: return tr("Weight");
    default: return {};
    }
}

} // namespace sk

#include "bulkeditpreviewmodel.h"

#include "products/productbulkedit.h"
#include "products/productlistmodel.h"

#include <QFont>

using namespace Qt::StringLiterals;

namespace sk {

BulkEditPreviewModel::BulkEditPreviewModel(ProductBulkEdit *edit, QObject *parent)
    : QAbstractTableModel(parent), m_edit(edit)
{
    connect(m_edit, &ProductBulkEdit::changed, this, &BulkEditPreviewModel::refresh);
    refresh();
}

void BulkEditPreviewModel::refresh()
{
    QList<RowRef> rows;
    const auto &items = m_edit->after();
    for (int i = 0; i < items.size(); ++i) {
        if (items.at(i).variants.isEmpty())
            rows.append(RowRef{i, -1});
        for (int v = 0; v < items.at(i).variants.size(); ++v)
            rows.append(RowRef{i, v});
    }
    if (rows.size() == m_rows.size()) {
        // Undo, redo and new commands change values only.
        m_rows = rows;
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int BulkEditPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BulkEditPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BulkEditPreviewModel::text(const RowRef &ref, int column) const
{
    const bool after = column == NewStatusColumn || column == NewTagsColumn || column == NewPriceColumn;
    const ProductBulkEdit::Item &item = (after ? m_edit->after() : m_edit->before()).at(ref.item);
    switch (column) {
    case ProductColumn: return item.product.title;
    case VariantColumn: {
        if (ref.variant < 0)
            return tr("(no variants)");
        const Variant &v = item.variants.at(ref.variant);
        QStringList options;
        for (const QString &option : {v.option1, v.option2, v.option3}) {
            if (!option.isEmpty())
                options << option;
        }
        const QString title = options.join(u" / "_s);
        return v.sku.isEmpty() ? title : (title.isEmpty() ? v.sku : u"%1 (%2)"_s.arg(title, v.sku));
    }
    case StatusColumn:
    case NewStatusColumn: return ProductListModel::statusText(item.product.status);
    case TagsColumn:
    case NewTagsColumn: return item.product.tags;
    case PriceColumn:
    case NewPriceColumn: return ref.variant < 0 ? QString() : m_edit->format().money(item.variants.at(ref.variant).price);
    default: return {};
    }
}

bool BulkEditPreviewModel::isChanged(const RowRef &ref, int column) const
{
    if (column != NewStatusColumn && column != NewTagsColumn && column != NewPriceColumn)
        return false;
    return text(ref, column) != text(ref, column - 1);
}

QVariant BulkEditPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const RowRef &ref = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return text(ref, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() >= PriceColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        if (isChanged(ref, index.column())) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (isChanged(ref, index.column()))
            return tr("Changes from %1").arg(text(ref, index.column() - 1));
        return {};
    default: return {};
    }
}

QVariant BulkEditPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case ProductColumn: return tr("Product");
    case VariantColumn: return tr("Variant");
    case StatusColumn: return tr("Status");
    case NewStatusColumn: return tr("New status");
    case TagsColumn: return tr("Tags");
    case NewTagsColumn: return tr("New tags");
    case PriceColumn: return tr("Price");
    case NewPriceColumn: return tr("New price");
    default: return {};
    }
}

} // namespace sk

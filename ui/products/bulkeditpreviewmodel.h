#pragma once

#include <QAbstractTableModel>
#include <QList>

namespace sk {

class ProductBulkEdit;

// The preview of a bulk edit: one row per variant (one per product without variants), each
// field before and after the commands on the undo stack so far; changed "after" cells are bold.
// The selection is what the user picked, so it is small and read from ProductBulkEdit's copy.
class BulkEditPreviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ProductColumn, VariantColumn, StatusColumn, NewStatusColumn, TagsColumn, NewTagsColumn,
                  PriceColumn, NewPriceColumn, ColumnCount };

    explicit BulkEditPreviewModel(ProductBulkEdit *edit, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct RowRef
    {
        int item = 0;
        int variant = -1; // -1: a product without variants
    };

    void refresh();
    QString text(const RowRef &ref, int column) const;
    bool isChanged(const RowRef &ref, int column) const;

    ProductBulkEdit *m_edit = nullptr;
    QList<RowRef> m_rows;
};

} // namespace sk

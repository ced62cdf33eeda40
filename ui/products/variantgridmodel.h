#pragma once

#include "domain/records.h"
#include "money/currency.h"
#include "util/result.h"

#include <QAbstractTableModel>
#include <QList>
#include <QLocale>
#include <QStringList>

#include <array>

namespace sk {

// The editable variants of one product, as the product editor shows them. Cells hold the text
// the user typed; variants() parses it (money as decimal text of the shop currency, to minor
// units), so a half-typed amount stays visible until the user fixes it and the error names the
// row and the field. Rows added here are new variants (their id is chosen when added, so a
// retried save creates the same record); removed existing rows are remembered for deletion.
class VariantGridModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SkuColumn, BarcodeColumn, Option1Column, Option2Column, Option3Column, PriceColumn,
                  CompareAtColumn, CostColumn, WeightColumn, ColumnCount };

    explicit VariantGridModel(QObject *parent = nullptr);

    // How amounts are shown and read: the shop's currency and locale (set before setVariants).
    void setMoneyFormat(const Currency &currency, const QLocale &locale);
    // Replaces every row. asNew: the rows are new variants (a copy), not the stored ones.
    void setVariants(const QList<Variant> &variants, bool asNew = false);
    // Appends an empty new variant and returns its row.
    int addVariant();
    void removeVariant(int row);
    bool isNewRow(int row) const;
    // Stored variants whose rows were removed.
    QStringList removedVariantIds() const { return m_removed; }
    // The variant a row started from (an empty one with its new id for new rows).
    Variant originalVariant(int row) const;

    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    // Every row parsed, in row order (new rows get position row + 1). The first problem is an error whose
    // message names the row and field ("Variant 2: price “12,3x” is not an amount.") and whose
    // detail is the contract path ("variants[1].price").
    Result<QList<Variant>> variants() const;

    // An amount as it is typed back: "12,30" in fr-FR (no grouping, no symbol).
    QString moneyText(qint64 minor) const;
    // The column's name in messages ("price", "compare-at price"...).
    static QString fieldLabel(int column);
    // The contract's field name of a column ("price", "compare_at_price"...).
    static QString fieldName(int column);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        Variant original;
        bool isNew = false;
        std::array<QString, ColumnCount> text;
    };

    Row rowOf(const Variant &variant, bool isNew) const;
    Result<std::optional<qint64>> parseMoney(int row, int column) const;
    Result<std::optional<double>> parseWeight(int row) const;

    QList<Row> m_rows;
    QStringList m_removed;
    Currency m_currency;
    QLocale m_locale;
    bool m_readOnly = false;
};

} // namespace sk

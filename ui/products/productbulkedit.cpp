#include "productbulkedit.h"

#include "local/shopeditor.h"
#include "money/money.h"
#include "products/producttags.h"
#include "storage/productrepository.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"

#include <QJsonObject>
#include <QUndoCommand>
#include <QUndoStack>

#include <functional>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

using Items = QList<ProductBulkEdit::Item>;

// One bulk change: the whole selection before and after it (a few fields per row, so cheap).
class BulkEditCommand : public QUndoCommand
{
public:
    using Setter = std::function<void(const Items &)>;

    BulkEditCommand(const QString &text, Items before, Items after, Setter set)
        : QUndoCommand(text), m_before(std::move(before)), m_after(std::move(after)), m_set(std::move(set))
    {
    }

    void undo() override { m_set(m_before); }
    void redo() override { m_set(m_after); }

private:
    Items m_before;
    Items m_after;
    Setter m_set;
};

bool productEdited(const Product &a, const Product &b)
{
    return a.status != b.status || a.tags != b.tags;
}

bool sameEdits(const Items &a, const Items &b)
{
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (productEdited(a.at(i).product, b.at(i).product))
            return false;
        for (qsizetype v = 0; v < a.at(i).variants.size(); ++v) {
            if (a.at(i).variants.at(v).price != b.at(i).variants.at(v).price)
                return false;
        }
    }
    return true;
}

} // namespace

ProductBulkEdit::ProductBulkEdit(ShopStore &store, QObject *parent)
    : QObject(parent), m_store(store), m_stack(new QUndoStack(this))
{
}

ProductBulkEdit::~ProductBulkEdit() = default;

Result<void> ProductBulkEdit::load(const QStringList &productIds)
{
    SK_TRY_ASSIGN(db, m_store.openReader());
    SK_TRY_ASSIGN(format, ShopFormat::read(*db));
    ProductRepository repo(*db);
    Items items;
    for (const QString &id : productIds) {
        SK_TRY_ASSIGN(product, repo.product(id));
        if (!product)
            continue;
        SK_TRY_ASSIGN(variants, repo.variantsOf(id));
        items.append(Item{*product, variants});
    }
    m_stack->clear();
    m_format = format;
    m_before = items;
    m_after = items;
    m_applied = false;
    emit changed();
    return {};
}

void ProductBulkEdit::setAfter(const Items &items)
{
    m_after = items;
    emit changed();
}

void ProductBulkEdit::push(const QString &text, const Items &next)
{
    if (m_applied || sameEdits(m_after, next))
        return;
    m_stack->push(new BulkEditCommand(text, m_after, next, [this](const Items &items) { setAfter(items); }));
}

void ProductBulkEdit::setStatus(ProductStatus status)
{
    Items next = m_after;
    for (Item &item : next)
        item.product.status = status;
    push(tr("Set status"), next);
}

void ProductBulkEdit::addTags(const QString &tags)
{
    editTags(ProductTags::split(tags), true);
}

void ProductBulkEdit::removeTags(const QString &tags)
{
    editTags(ProductTags::split(tags), false);
}

void ProductBulkEdit::editTags(const QStringList &tags, bool add)
{
    Items next = m_after;
    for (Item &item : next) {
        const QString &was = item.product.tags;
        item.product.tags = add ? ProductTags::withAdded(was, tags) : ProductTags::withRemoved(was, tags);
    }
    const QString names = tags.join(u", "_s);
    push(add ? tr("Add tags %1").arg(names) : tr("Remove tags %1").arg(names), next);
}

template <typename PriceFn>
Result<void> ProductBulkEdit::changePrices(const QString &text, PriceFn newPrice)
{
    SK_TRY_ASSIGN(currency, Currency::fromCode(m_format.settings().currency));
    Items next = m_after;
    for (Item &item : next) {
        for (Variant &variant : item.variants) {
            SK_TRY_ASSIGN(price, newPrice(Money(variant.price, currency)));
            variant.price = qMax<qint64>(0, price.minorUnits()); // never below zero
        }
    }
    push(text, next);
    return {};
}

Result<void> ProductBulkEdit::changePriceBy(qint64 minorUnits)
{
    return changePrices(tr("Change prices by %1").arg(m_format.money(minorUnits)), [&](const Money &price) {
        return price.add(Money(minorUnits, price.currency()));
    });
}

Result<void> ProductBulkEdit::changePriceByPercent(qint64 basisPoints)
{
    const QString percent = m_format.locale().toString(double(basisPoints) / 100.0, 'f', basisPoints % 100 ? 2 : 0);
    return changePrices(tr("Change prices by %1 %").arg(percent),
                        [&](const Money &price) { return price.applyPercent(basisPoints); });
}

int ProductBulkEdit::pendingEditCount() const
{
    if (m_applied)
        return 0;
    int count = 0;
    for (qsizetype i = 0; i < m_after.size(); ++i) {
        count += productEdited(m_before.at(i).product, m_after.at(i).product) ? 1 : 0;
        for (qsizetype v = 0; v < m_after.at(i).variants.size(); ++v)
            count += m_before.at(i).variants.at(v).price != m_after.at(i).variants.at(v).price ? 1 : 0;
    }
    return count;
}

Result<int> ProductBulkEdit::apply()
{
    if (m_applied)
        return makeError(u"ui.already_applied"_s, tr("These changes were applied already."));
    ShopEditor editor(m_store);
    int queued = 0;
    QString failing; // the product whose change was refused
    // All of it or none: a refused change leaves nothing queued, and the preview as it was.
    const Result<void> saved = editor.allOrNothing([&]() -> Result<void> {
        for (qsizetype i = 0; i < m_after.size(); ++i) {
            const Item &was = m_before.at(i);
            const Item &now = m_after.at(i);
            failing = now.product.title;
            QJsonObject fields;
            if (was.product.status != now.product.status)
                fields.insert(u"status", toString(now.product.status));
            if (was.product.tags != now.product.tags)
                fields.insert(u"tags", now.product.tags);
            if (!fields.isEmpty()) {
                SK_TRY(editor.patchProduct(now.product.id, fields));
                ++queued;
            }
            for (qsizetype v = 0; v < now.variants.size(); ++v) {
                if (was.variants.at(v).price == now.variants.at(v).price)
                    continue;
                SK_TRY(editor.setVariantPrice(now.variants.at(v).id, now.variants.at(v).price));
                ++queued;
            }
        }
        return {};
    });
    if (!saved.ok()) {
        Error error = saved.error();
        error.message = tr("\u201C%1\u201D: %2 Nothing was saved.").arg(failing, error.message);
        return error;
    }
    m_before = m_after;
    m_applied = true;
    m_stack->clear();
    return queued;
}

} // namespace sk

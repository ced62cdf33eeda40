#include "producteditordialog.h"

#include "common/messagelabel.h"
#include "common/shopformat.h"
#include "domain/mutationlimits.h"
#include "local/shopeditor.h"
#include "products/productlistmodel.h"
#include "products/productrights.h"
#include "products/producttags.h"
#include "products/variantgridmodel.h"
#include "storage/productrepository.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"
#include "storage/sqlitestatement.h"
#include "util/uuidv7.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

constexpr qsizetype kTagsLength = 1024;
constexpr qsizetype kDescriptionLength = 65536;
constexpr qsizetype kSkuLength = 64;

QString newId()
{
    return UuidV7::toText(UuidV7::create());
}

Error invalid(const QString &field, const QString &message)
{
    return makeError(u"validation.invalid_field"_s, message, field);
}

QJsonValue nullable(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

template <typename T>
QJsonValue nullable(const std::optional<T> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

// A patch field when the text changed; an emptied nullable field is sent as null.
void insertChangedText(QJsonObject &fields, const char16_t *name, const QString &before, const QString &after,
                       bool isNullable = false)
{
    if (before != after)
        fields.insert(QStringView(name), isNullable ? nullable(after) : QJsonValue(after));
}

// The fields of a variant.patch: only what the grid changed.
QJsonObject variantChanges(const Variant &before, const Variant &after)
{
    QJsonObject fields;
    insertChangedText(fields, u"sku", before.sku, after.sku, true);
    insertChangedText(fields, u"barcode", before.barcode, after.barcode, true);
    insertChangedText(fields, u"option1", before.option1, after.option1, true);
    insertChangedText(fields, u"option2", before.option2, after.option2, true);
    insertChangedText(fields, u"option3", before.option3, after.option3, true);
    if (before.price != after.price)
        fields.insert(u"price", after.price);
    if (before.compareAtPrice != after.compareAtPrice)
        fields.insert(u"compare_at_price", nullable(after.compareAtPrice));
    if (before.cost != after.cost)
        fields.insert(u"cost", nullable(after.cost));
    if (before.weight != after.weight)
        fields.insert(u"weight", nullable(after.weight));
    return fields;
}

Result<bool> rowExists(SqliteDatabase &db, const char *sql, const QString &value)
{
    SK_TRY_ASSIGN(stmt, db.prepare(sql));
    stmt.bind(1, value);
    return stmt.step();
}

// "Linen Tote — Blue!" -> "linen-tote-blue", then "-2", "-3"... until no product has it.
Result<QString> uniqueHandle(SqliteDatabase &db, const QString &title)
{
    QString base = title.toLower();
    base.replace(QRegularExpression(u"[^a-z0-9]+"_s), u"-"_s);
    base = base.left(200);
    while (base.startsWith(u'-'))
        base.remove(0, 1);
    while (base.endsWith(u'-'))
        base.chop(1);
    if (base.isEmpty())
        base = u"product"_s;
    QString handle = base;
    for (int n = 2;; ++n) {
        SK_TRY_ASSIGN(taken, rowExists(db, "SELECT 1 FROM products WHERE handle = ?", handle));
        if (!taken)
            return handle;
        handle = base + u'-' + QString::number(n);
    }
}

// "TS-RED" -> "TS-RED-copy", or "TS-RED-copy-2"... when a variant (or an earlier copy) has it.
Result<QString> copySku(SqliteDatabase &db, const QString &sku, const QStringList &taken)
{
    if (sku.isEmpty())
        return QString();
    for (int n = 1;; ++n) {
        const QString suffix = n == 1 ? u"-copy"_s : u"-copy-%1"_s.arg(n);
        const QString candidate = sku.left(kSkuLength - suffix.size()) + suffix;
        SK_TRY_ASSIGN(stored, rowExists(db, "SELECT 1 FROM variants WHERE sku = ?", candidate));
        if (!stored && !taken.contains(candidate, Qt::CaseInsensitive))
            return candidate;
    }
}

} // namespace

ProductEditorDialog::ProductEditorDialog(ShopStore &store, QWidget *parent)
    : ProductEditorDialog(store, QString(), Mode::Create, parent)
{
}

ProductEditorDialog::ProductEditorDialog(ShopStore &store, const QString &productId, QWidget *parent)
    : ProductEditorDialog(store, productId, Mode::Edit, parent)
{
}

ProductEditorDialog::ProductEditorDialog(ShopStore &store, const QString &productId, Mode mode, QWidget *parent)
    : QDialog(parent), m_store(store)
{
    build();
    readShopFormat();
    switch (mode) {
    case Mode::Create:
        setWindowTitle(tr("New Product"));
        m_productId = newId();
        m_status->setCurrentIndex(int(ProductStatus::Draft));
        m_variants->addVariant();
        break;
    case Mode::Edit:
        setWindowTitle(tr("Edit Product"));
        m_productId = productId;
        load(productId, mode);
        break;
    case Mode::Duplicate:
        setWindowTitle(tr("Duplicate Product"));
        m_productId = newId();
        load(productId, mode);
        break;
    }
    m_title->setFocus(Qt::OtherFocusReason);
}

ProductEditorDialog *ProductEditorDialog::duplicate(ShopStore &store, const QString &productId, QWidget *parent)
{
    return new ProductEditorDialog(store, productId, Mode::Duplicate, parent);
}

bool ProductEditorDialog::confirmArchive(QWidget *parent, const QString &title)
{
    const auto answer = QMessageBox::question(
        parent, tr("Archive Product"),
        tr("Archive \u201C%1\u201D? It stays in past orders but is no longer offered for sale.").arg(title),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    return answer == QMessageBox::Yes;
}

Result<OutboxEntry> ProductEditorDialog::archive(ShopStore &store, const QString &productId)
{
    return ShopEditor(store).archiveProduct(productId);
}

void ProductEditorDialog::build()
{
    setObjectName(u"productEditorDialog"_s);
    auto line = [this](const QString &name, qsizetype maxLength) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(name);
        edit->setMaxLength(int(maxLength));
        return edit;
    };
    m_title = line(u"title"_s, MutationLimits::NameLength);
    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(u"description"_s);
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(fontMetrics().lineSpacing() * 4 + 12);
    m_status = new QComboBox(this);
    m_status->setObjectName(u"status"_s);
    for (int i = 0; i < enumCount<ProductStatus>(); ++i)
        m_status->addItem(ProductListModel::statusText(ProductStatus(i)));
    m_vendor = line(u"vendor"_s, MutationLimits::NameLength);
    m_category = line(u"category"_s, MutationLimits::NameLength);
    m_tags = line(u"tags"_s, kTagsLength);
    m_tags->setPlaceholderText(tr("Comma-separated, e.g. summer, sale"));

    m_variants = new VariantGridModel(this);
    m_variantView = new QTableView(this);
    m_variantView->setObjectName(u"variants"_s);
    m_variantView->setModel(m_variants);
    m_variantView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_variantView->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_variantView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_variantView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                   | QAbstractItemView::AnyKeyPressed);
    m_variantView->setTabKeyNavigation(false); // Tab leaves the grid; arrows move inside it
    m_addVariant = new QPushButton(tr("Add var&iant"), this);
    m_addVariant->setObjectName(u"addVariant"_s);
    m_addVariant->setAutoDefault(false);
    m_removeVariant = new QPushButton(tr("Re&move variant"), this);
    m_removeVariant->setObjectName(u"removeVariant"_s);
    m_removeVariant->setAutoDefault(false);
    connect(m_addVariant, &QPushButton::clicked, this, &ProductEditorDialog::addVariant);
    connect(m_removeVariant, &QPushButton::clicked, this, &ProductEditorDialog::removeVariant);
    auto *variantButtons = new QHBoxLayout;
    variantButtons->addWidget(new QLabel(tr("Amounts in the shop currency; F2 or typing edits a cell."), this), 1);
    variantButtons->addWidget(m_addVariant);
    variantButtons->addWidget(m_removeVariant);

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("Stat&us:"), m_status);
    form->addRow(tr("&Vendor:"), m_vendor);
    form->addRow(tr("Cate&gory:"), m_category);
    form->addRow(tr("T&ags:"), m_tags);
    auto *variantsLabel = new QLabel(tr("Varia&nts:"), this);
    variantsLabel->setBuddy(m_variantView);

    m_error = new MessageLabel(this);
    m_error->setObjectName(u"errorLabel"_s);
    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(QDialogButtonBox::Save);
    m_save->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &ProductEditorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ProductEditorDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(variantsLabel);
    layout->addWidget(m_variantView, 1);
    layout->addLayout(variantButtons);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 120, sizeHint().height() + fontMetrics().lineSpacing() * 6);
}

void ProductEditorDialog::readShopFormat()
{
    auto format = [&]() -> Result<ShopFormat> {
        SK_TRY_ASSIGN(db, m_store.openReader());
        return ShopFormat::read(*db);
    }();
    if (!format.ok()) {
        showError(format.error());
        return;
    }
    auto currency = Currency::fromCode(format->settings().currency);
    if (currency.ok())
        m_variants->setMoneyFormat(*currency, format->locale());
}

void ProductEditorDialog::load(const QString &productId, Mode mode)
{
    struct Loaded
    {
        std::optional<Product> product;
        QList<Variant> variants;
    };
    auto read = [&]() -> Result<Loaded> {
        SK_TRY_ASSIGN(db, m_store.openReader());
        ProductRepository repo(*db);
        Loaded loaded;
        SK_TRY_ASSIGN(product, repo.product(productId));
        loaded.product = product;
        if (!product)
            return loaded;
        SK_TRY_ASSIGN(variants, repo.variantsOf(productId));
        loaded.variants = variants;
        if (mode != Mode::Duplicate)
            return loaded;
        QStringList skus;
        for (Variant &v : loaded.variants) {
            v.id = newId();
            v.productId.clear();
            v.barcode.clear(); // a barcode names one physical item
            v.createdAt = v.updatedAt = v.version = 0;
            SK_TRY_ASSIGN(sku, copySku(*db, v.sku, skus));
            v.sku = sku;
            skus << sku;
        }
        return loaded;
    }();
    if (!read.ok() || !read->product) {
        m_loaded = false;
        m_save->setEnabled(false);
        showError(read.ok() ? makeError(u"sync.unknown_record"_s,
                                        tr("This product is no longer in the shop (it may have been deleted by a "
                                           "sync)."))
                            : makeError(read.error().code,
                                        tr("Could not read this product: %1").arg(read.error().toString())));
        return;
    }
    Product product = *read->product;
    if (mode == Mode::Duplicate) {
        product.title = tr("%1 (copy)").arg(product.title).left(int(MutationLimits::NameLength));
        product.status = ProductStatus::Draft;
    } else {
        m_original = product;
    }
    fill(product);
    m_variants->setVariants(read->variants, mode == Mode::Duplicate);
}

void ProductEditorDialog::fill(const Product &product)
{
    m_title->setText(product.title);
    m_description->setPlainText(product.description);
    m_status->setCurrentIndex(int(product.status));
    m_vendor->setText(product.vendor);
    m_category->setText(product.category);
    m_tags->setText(product.tags);
}

void ProductEditorDialog::setRole(const QString &role)
{
    const QString reason = ProductRights::editDeniedReason(role);
    m_readOnly = !reason.isEmpty();
    for (QLineEdit *edit : {m_title, m_vendor, m_category, m_tags})
        edit->setReadOnly(m_readOnly);
    m_description->setReadOnly(m_readOnly);
    m_status->setEnabled(!m_readOnly);
    m_variants->setReadOnly(m_readOnly);
    for (QPushButton *button : {m_addVariant, m_removeVariant, m_save}) {
        button->setEnabled(!m_readOnly && m_loaded);
        button->setToolTip(reason);
    }
    if (m_readOnly)
        m_error->showInfo(reason);
}

void ProductEditorDialog::keyPressEvent(QKeyEvent *event)
{
    // Enter in the grid commits the cell (queued by the delegate); it must not also press
    // Save, which would save before the typed value is in the model.
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && m_variantView->isAncestorOf(focusWidget())) {
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void ProductEditorDialog::addVariant()
{
    if (m_readOnly)
        return;
    const int row = m_variants->addVariant();
    const QModelIndex cell = m_variants->index(row, VariantGridModel::SkuColumn);
    m_variantView->setCurrentIndex(cell);
    m_variantView->setFocus(Qt::OtherFocusReason);
    m_variantView->edit(cell);
}

void ProductEditorDialog::removeVariant()
{
    if (m_readOnly)
        return;
    const QModelIndex current = m_variantView->currentIndex();
    if (current.isValid())
        m_variants->removeVariant(current.row());
}

QString ProductEditorDialog::errorText() const
{
    return m_error->isError() ? m_error->message() : QString();
}

Product ProductEditorDialog::productFromForm() const
{
    Product p = m_original.value_or(Product());
    p.id = m_productId;
    p.title = m_title->text().trimmed();
    p.description = m_description->toPlainText().trimmed();
    p.status = ProductStatus(qMax(0, m_status->currentIndex()));
    p.vendor = m_vendor->text().trimmed();
    p.category = m_category->text().trimmed();
    p.tags = ProductTags::normalized(m_tags->text());
    return p;
}

Result<QList<Variant>> ProductEditorDialog::checkedVariants() const
{
    SK_TRY_ASSIGN(variants, m_variants->variants());
    // SKUs are unique in the shop: name the variant that already has one.
    SK_TRY_ASSIGN(db, m_store.openReader());
    ProductRepository repo(*db);
    const QStringList removed = m_variants->removedVariantIds();
    for (qsizetype row = 0; row < variants.size(); ++row) {
        const Variant &v = variants.at(row);
        if (v.sku.isEmpty())
            continue;
        SK_TRY_ASSIGN(owner, repo.variantBySku(v.sku));
        if (owner && owner->id != v.id && !removed.contains(owner->id)) {
            SK_TRY_ASSIGN(product, repo.product(owner->productId));
            return invalid(u"variants[%1].sku"_s.arg(row),
                           tr("Variant %1: SKU \u201C%2\u201D is already used by \u201C%3\u201D.")
                               .arg(row + 1)
                               .arg(v.sku, product ? product->title : owner->productId));
        }
    }
    return variants;
}

void ProductEditorDialog::accept()
{
    if (!m_save->isEnabled() || m_readOnly)
        return;
    m_error->clearMessage();
    const Product product = productFromForm();
    if (product.title.isEmpty()) {
        showError(invalid(u"title"_s, tr("Title: enter the product's name.")));
        return;
    }
    if (product.tags.size() > kTagsLength) {
        showError(invalid(u"tags"_s, tr("Tags: at most %1 characters in all.").arg(kTagsLength)));
        return;
    }
    if (product.description.size() > kDescriptionLength) {
        showError(invalid(u"description"_s, tr("Description: at most %1 characters.").arg(kDescriptionLength)));
        return;
    }
    auto variants = checkedVariants();
    if (!variants.ok()) {
        showError(variants.error());
        return;
    }
    // Either call queues everything or nothing, so Save can simply be pressed again.
    auto saved = isEditing() ? saveChanges(product, *variants) : saveNew(product, *variants);
    if (!saved.ok()) {
        showError(saved.error());
        return;
    }
    QDialog::accept();
}

Result<void> ProductEditorDialog::saveNew(const Product &product, const QList<Variant> &variants)
{
    Product created = product;
    {
        SK_TRY_ASSIGN(db, m_store.openReader());
        SK_TRY_ASSIGN(handle, uniqueHandle(*db, created.title));
        created.handle = handle;
    }
    SK_TRY_ASSIGN(entry, ShopEditor(m_store).createProduct(created, variants));
    m_queued.append(entry);
    return {};
}

Result<void> ProductEditorDialog::saveChanges(const Product &product, const QList<Variant> &variants)
{
    ShopEditor editor(m_store);
    QList<OutboxEntry> queued;
    // One transaction for the product and its variants: a refused part leaves none queued.
    SK_TRY(editor.allOrNothing([&]() -> Result<void> { return queueChanges(editor, product, variants, queued); }));
    m_queued.append(queued);
    return {};
}

Result<void> ProductEditorDialog::queueChanges(ShopEditor &editor, const Product &product,
                                               const QList<Variant> &variants, QList<OutboxEntry> &queued)
{
    const Product &o = *m_original;
    QJsonObject fields;
    insertChangedText(fields, u"title", o.title, product.title);
    insertChangedText(fields, u"description", o.description, product.description);
    insertChangedText(fields, u"vendor", o.vendor, product.vendor);
    insertChangedText(fields, u"category", o.category, product.category);
    insertChangedText(fields, u"tags", o.tags, product.tags);
    if (o.status != product.status)
        fields.insert(u"status", toString(product.status));
    if (!fields.isEmpty()) {
        SK_TRY_ASSIGN(entry, editor.patchProduct(o.id, fields));
        queued.append(entry);
    }
    for (const QString &id : m_variants->removedVariantIds()) {
        SK_TRY_ASSIGN(entry, editor.deleteVariant(id));
        queued.append(entry);
    }
    for (int row = 0; row < variants.size(); ++row) {
        Variant v = variants.at(row);
        auto entry = [&]() -> Result<std::optional<OutboxEntry>> {
            if (m_variants->isNewRow(row)) {
                v.productId = o.id;
                SK_TRY_ASSIGN(created, editor.createVariant(v));
                return std::optional<OutboxEntry>(created);
            }
            const QJsonObject changes = variantChanges(m_variants->originalVariant(row), v);
            if (changes.isEmpty())
                return std::optional<OutboxEntry>();
            SK_TRY_ASSIGN(patched, editor.patchVariant(v.id, changes));
            return std::optional<OutboxEntry>(patched);
        }();
        if (!entry.ok()) {
            Error error = entry.error();
            error.message = tr("Variant %1: %2").arg(row + 1).arg(error.message);
            return error;
        }
        if (*entry)
            queued.append(**entry);
    }
    return {};
}

void ProductEditorDialog::showError(const Error &error)
{
    m_error->showError(error.message);
    // The contract names fields by path ("product.title", "fields.tags", "variants[1].price").
    static const QRegularExpression variantPath(u"variants\\[(\\d+)\\]\\.(\\w+)"_s);
    const auto match = variantPath.match(error.detail);
    if (match.hasMatch()) {
        for (int column = 0; column < VariantGridModel::ColumnCount; ++column) {
            if (VariantGridModel::fieldName(column) == match.captured(2)) {
                m_variantView->setCurrentIndex(m_variants->index(match.captured(1).toInt(), column));
                m_variantView->setFocus(Qt::OtherFocusReason);
            }
        }
        return;
    }
    const QString field = error.detail.section(u'.', -1);
    QWidget *widgets[] = {m_title, m_description, m_status, m_vendor, m_category, m_tags};
    const char16_t *names[] = {u"title", u"description", u"status", u"vendor", u"category", u"tags"};
    for (int i = 0; i < 6; ++i) {
        if (field == QStringView(names[i]))
            widgets[i]->setFocus(Qt::OtherFocusReason);
    }
}

} // namespace sk

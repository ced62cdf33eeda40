#include "stockcountmode.h"

#include "common/listtable.h"
#include "common/messagelabel.h"
#include "common/titlelabel.h"
#include "local/shopeditor.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

enum ListColumn { ItemColumn, ExpectedColumn, CountedColumn, VarianceColumn };

} // namespace

StockCountMode::StockCountMode(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"stockCountMode"_s);
    auto *title = new TitleLabel(tr("Stock count"), TitleLabel::Size::Page, this);
    auto *hint = new QLabel(tr("Scan a barcode or type a SKU and press Enter, then type the quantity you counted "
                               "and press Enter. Escape skips the item; Escape again leaves count mode."),
                            this);
    hint->setWordWrap(true);

    m_location = new QComboBox(this);
    m_location->setObjectName(u"countLocation"_s);
    m_scan = new QLineEdit(this);
    m_scan->setObjectName(u"scanField"_s);
    m_scan->setPlaceholderText(tr("Barcode or SKU"));
    m_scan->setClearButtonEnabled(true);
    m_itemLabel = new TitleLabel({}, TitleLabel::Size::Section, this);
    m_itemLabel->setObjectName(u"countItem"_s);
    m_expectedLabel = new QLabel(this);
    m_expectedLabel->setObjectName(u"countExpected"_s);
    m_count = new QLineEdit(this);
    m_count->setObjectName(u"countField"_s);
    m_count->setPlaceholderText(tr("Quantity counted"));
    m_count->setEnabled(false);
    m_message = new MessageLabel(this);
    m_message->setObjectName(u"countMessage"_s);

    auto *form = new QFormLayout;
    form->addRow(tr("&Location:"), m_location);
    form->addRow(tr("&Scan:"), m_scan);
    form->addRow(tr("Item:"), m_itemLabel);
    form->addRow(tr("Expected:"), m_expectedLabel);
    form->addRow(tr("C&ounted:"), m_count);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"countedList"_s);
    ListTable::setUp(m_list, {tr("Item"), tr("Expected"), tr("Counted"), tr("Variance")}, ItemColumn);
    m_list->setFocusPolicy(Qt::ClickFocus); // Tab cycles scan and count, not the history

    auto *finish = new QPushButton(tr("&Finish count"), this);
    finish->setObjectName(u"finishCount"_s);
    finish->setAutoDefault(false);
    connect(finish, &QPushButton::clicked, this, &StockCountMode::finished);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(finish);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(hint);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(new QLabel(tr("Counted in this session:"), this));
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    setFocusProxy(m_scan);

    connect(m_scan, &QLineEdit::returnPressed, this, [this] { scan(m_scan->text()); });
    connect(m_count, &QLineEdit::returnPressed, this, [this] { enterCount(m_count->text()); });
    connect(m_location, &QComboBox::currentIndexChanged, this, [this] {
        if (m_item)
            cancelItem();
    });
    setShop(nullptr);
}

StockCountMode::~StockCountMode() = default;

void StockCountMode::setShop(ShopStore *store)
{
    m_store = store;
    m_db.reset();
    m_format = ShopFormat();
    m_item.reset();
    m_counted.clear();
    m_list->clear();
    m_message->clearMessage();
    if (store) {
        auto opened = [&]() -> Result<void> {
            SK_TRY_ASSIGN(reader, store->openReader());
            SK_TRY_ASSIGN(format, ShopFormat::read(*reader));
            m_format = format;
            m_db = std::move(reader);
            return {};
        }();
        if (!opened.ok())
            m_message->showError(tr("Could not open the shop file: %1").arg(opened.error().toString()));
    }
    loadLocations();
    showItem();
}

void StockCountMode::setAllowed(bool allowed, const QString &reason)
{
    m_allowed = allowed;
    m_scan->setToolTip(allowed ? QString() : reason);
    m_count->setToolTip(allowed ? QString() : reason);
    if (!allowed)
        cancelItem();
    showItem();
}

void StockCountMode::loadLocations()
{
    const QString current = locationId();
    const QSignalBlocker blocker(m_location);
    m_location->clear();
    if (!m_db)
        return;
    auto locations = StockLookup(*m_db).locations();
    if (!locations.ok()) {
        m_message->showError(tr("Could not read the locations: %1").arg(locations.error().toString()));
        return;
    }
    for (const Location &location : std::as_const(*locations)) {
        if (location.active || location.id == current)
            m_location->addItem(location.name, location.id);
    }
    const int index = m_location->findData(current);
    m_location->setCurrentIndex(index >= 0 ? index : 0);
}

void StockCountMode::setLocation(const QString &locationId)
{
    const int index = m_location->findData(locationId);
    if (index >= 0)
        m_location->setCurrentIndex(index);
}

QString StockCountMode::locationId() const
{
    return m_location->currentData().toString();
}

QString StockCountMode::messageText() const
{
    return m_message->message();
}

bool StockCountMode::isShowingError() const
{
    return m_message->isError() && !m_message->message().isEmpty();
}

void StockCountMode::focusScan()
{
    m_scan->setFocus(Qt::OtherFocusReason);
    m_scan->selectAll();
}

void StockCountMode::scan(const QString &code)
{
    const QString wanted = code.trimmed();
    if (!m_db || !m_allowed || wanted.isEmpty())
        return;
    if (locationId().isEmpty()) {
        m_message->showError(tr("Location: choose where you are counting first."));
        m_location->setFocus(Qt::OtherFocusReason);
        return;
    }
    auto found = StockLookup(*m_db).byCode(wanted);
    if (!found.ok()) {
        m_message->showError(tr("Could not look up \u201C%1\u201D: %2").arg(wanted, found.error().toString()));
        focusScan();
        return;
    }
    if (!*found) {
        m_item.reset();
        showItem();
        m_message->showError(tr("No variant has the barcode or SKU \u201C%1\u201D. Check the code and scan again.")
                                 .arg(wanted));
        focusScan();
        return;
    }
    m_item = std::move(*found);
    m_expected = m_item->onHandAt(locationId());
    m_message->clearMessage();
    showItem();
    m_count->clear();
    m_count->setFocus(Qt::OtherFocusReason);
}

void StockCountMode::enterCount(const QString &text)
{
    if (!m_item || !m_store)
        return;
    bool ok = false;
    qint64 counted = text.trimmed().toLongLong(&ok);
    if (!ok)
        counted = m_format.locale().toLongLong(text.trimmed(), &ok); // "1 200" in the shop's locale
    if (!ok || counted < 0) {
        m_message->showError(tr("Counted: type the number of units you counted (0 or more), not \u201C%1\u201D.")
                                 .arg(text.trimmed()));
        m_count->setFocus(Qt::OtherFocusReason);
        m_count->selectAll();
        return;
    }
    auto queued = ShopEditor(*m_store).countInventoryFrom(m_item->variantId, locationId(), counted, m_expected);
    if (!queued.ok()) {
        m_message->showError(tr("The count of %1 was not saved: %2").arg(m_item->label(), queued.error().message));
        m_count->setFocus(Qt::OtherFocusReason);
        return;
    }
    CountedItem item{m_item->variantId, locationId(), m_item->label(), m_expected, counted, queued->seq};
    addCounted(item);
    m_message->showInfo(tr("%1: counted %2, expected %3, variance %4. Scan the next item.")
                            .arg(item.label, m_format.number(counted), m_format.number(m_expected),
                                 m_format.signedNumber(item.variance())));
    m_item.reset();
    showItem();
    m_scan->clear();
    focusScan();
    emit edited();
}

void StockCountMode::cancelItem()
{
    m_item.reset();
    showItem();
    m_message->clearMessage();
    focusScan();
}

void StockCountMode::showItem()
{
    const bool usable = m_db && m_allowed;
    m_scan->setEnabled(usable);
    m_location->setEnabled(usable);
    m_count->setEnabled(usable && m_item.has_value());
    if (!m_item) {
        m_itemLabel->clear();
        m_expectedLabel->clear();
        m_count->clear();
        return;
    }
    m_itemLabel->setText(m_item->label());
    m_expectedLabel->setText(tr("%1 at %2").arg(m_format.number(m_expected), m_location->currentText()));
}

void StockCountMode::addCounted(const CountedItem &item)
{
    m_counted.append(item);
    auto *row = new QTreeWidgetItem;
    row->setText(ItemColumn, item.label);
    row->setText(ExpectedColumn, m_format.number(item.expected));
    row->setText(CountedColumn, m_format.number(item.counted));
    row->setText(VarianceColumn, m_format.signedNumber(item.variance()));
    for (int column : {ExpectedColumn, CountedColumn, VarianceColumn})
        row->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    if (item.variance() != 0) {
        QFont font = row->font(VarianceColumn);
        font.setBold(true);
        row->setFont(VarianceColumn, font);
    }
    m_list->insertTopLevelItem(0, row); // newest first
}

void StockCountMode::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        if (m_item)
            cancelItem();
        else
            emit finished();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace sk

#include "search/globalsearchdialog.h"

#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace sk {

namespace {

QString kindLabel(GlobalSearchHit::Kind kind)
{
    switch (kind) {
    case GlobalSearchHit::Kind::Product: return GlobalSearchDialog::tr("Product");
    case GlobalSearchHit::Kind::Customer: return GlobalSearchDialog::tr("Customer");
    case GlobalSearchHit::Kind::Order: return GlobalSearchDialog::tr("Order");
    }
    return {};
}

} // namespace

GlobalSearchDialog::GlobalSearchDialog(ShopStore &store, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Search the shop"));
    setObjectName(QStringLiteral("globalSearch"));
    resize(560, 420);

    m_field = new QLineEdit(this);
    m_field->setPlaceholderText(tr("Products, SKUs, barcodes, customers, order numbers"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    m_results = new QListWidget(this);
    m_results->setUniformItemSizes(false);
    m_results->setAlternatingRowColors(true);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_field);
    layout->addWidget(m_message);
    layout->addWidget(m_results, 1);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(80);
    connect(m_debounce, &QTimer::timeout, this, &GlobalSearchDialog::runSearch);
    connect(m_field, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_field, &QLineEdit::returnPressed, this, [this] {
        if (m_debounce->isActive()) { // Enter right after typing (a scanner): search first
            m_debounce->stop();
            runSearch();
        }
        choose(m_results->currentRow());
    });
    connect(m_results, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { choose(m_results->row(item)); });

    auto reader = store.openReader();
    if (reader.ok()) {
        m_db = std::move(*reader);
    } else {
        m_message->setText(reader.error().message);
        m_message->show();
        m_field->setEnabled(false);
    }
}

GlobalSearchDialog::~GlobalSearchDialog() = default;

bool GlobalSearchDialog::eventFilter(QObject *watched, QEvent *event)
{
    // The focus stays in the field; Up and Down move through the hits from there.
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Down || key == Qt::Key_Up) && m_results->count() > 0) {
            const int step = key == Qt::Key_Down ? 1 : -1;
            const int row = std::clamp(m_results->currentRow() + step, 0, m_results->count() - 1);
            m_results->setCurrentRow(row);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void GlobalSearchDialog::runSearch()
{
    if (!m_db)
        return;
    m_results->clear();
    m_hits.clear();
    const QString text = m_field->text();
    auto found = GlobalSearch(*m_db).find(text);
    if (!found.ok()) {
        m_message->setText(found.error().message);
        m_message->show();
        return;
    }
    m_hits = std::move(*found);
    for (const GlobalSearchHit &hit : std::as_const(m_hits)) {
        auto *item = new QListWidgetItem(tr("%1: %2").arg(kindLabel(hit.kind), hit.title)
                                         + (hit.subtitle.isEmpty() ? QString() : u'\n' + hit.subtitle));
        item->setToolTip(hit.subtitle);
        m_results->addItem(item);
    }
    const bool none = m_hits.isEmpty() && !text.trimmed().isEmpty();
    m_message->setText(none ? tr("Nothing in this shop matches \u201C%1\u201D.").arg(text.trimmed()) : QString());
    m_message->setVisible(none);
    if (!m_hits.isEmpty())
        m_results->setCurrentRow(0);
}

void GlobalSearchDialog::choose(int row)
{
    if (row < 0 || row >= m_hits.size())
        return;
    const GlobalSearchHit hit = m_hits.at(row);
    accept();
    emit chosen(hit);
}

} // namespace sk

#include "orderfilterbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

constexpr int kSearchPauseMs = 250;

// "Any …" first (no data), then every value of the enum with its int as data.
template <typename E>
QComboBox *enumBox(QWidget *parent, const QString &objectName, const QString &any)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(objectName);
    box->addItem(any);
    for (int i = 0; i < enumCount<E>(); ++i)
        box->addItem(OrderFormat::text(E(i)), i);
    return box;
}

template <typename E>
std::optional<E> selected(const QComboBox *box)
{
    const QVariant data = box->currentData();
    return data.isValid() ? std::optional<E>(E(data.toInt())) : std::nullopt;
}

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

OrderFilterBar::OrderFilterBar(QWidget *parent) : QWidget(parent)
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"orderSearch"_s);
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Order number, customer or email"));
    m_searchPause = new QTimer(this);
    m_searchPause->setSingleShot(true);
    m_searchPause->setInterval(kSearchPauseMs);
    m_status = enumBox<OrderStatus>(this, u"statusFilter"_s, tr("Any status"));
    m_financial = enumBox<FinancialStatus>(this, u"financialFilter"_s, tr("Any payment"));
    m_fulfillment = enumBox<FulfillmentStatus>(this, u"fulfillmentFilter"_s, tr("Any fulfilment"));
    m_channel = enumBox<OrderChannel>(this, u"channelFilter"_s, tr("Any channel"));
    m_useDates = new QCheckBox(tr("&Placed from"), this);
    m_from = new QDateEdit(this);
    m_to = new QDateEdit(this);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDate(QDate::currentDate());
        edit->setEnabled(false);
    }
    m_from->setAccessibleName(tr("Placed from"));
    m_to->setAccessibleName(tr("Placed until"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buddyLabel(tr("&Search:"), m_search, this));
    layout->addWidget(m_search, 2);
    layout->addWidget(m_status);
    layout->addWidget(m_financial);
    layout->addWidget(m_fulfillment);
    layout->addWidget(m_channel);
    layout->addWidget(m_useDates);
    layout->addWidget(m_from);
    layout->addWidget(buddyLabel(tr("&until"), m_to, this));
    layout->addWidget(m_to);

    connect(m_search, &QLineEdit::textEdited, m_searchPause, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &OrderFilterBar::emitIfChanged);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty()) // the clear button
            emitIfChanged();
    });
    connect(m_searchPause, &QTimer::timeout, this, &OrderFilterBar::emitIfChanged);
    for (QComboBox *box : {m_status, m_financial, m_fulfillment, m_channel})
        connect(box, &QComboBox::currentIndexChanged, this, &OrderFilterBar::emitIfChanged);
    connect(m_useDates, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        emitIfChanged();
    });
    connect(m_from, &QDateEdit::dateChanged, this, &OrderFilterBar::emitIfChanged);
    connect(m_to, &QDateEdit::dateChanged, this, &OrderFilterBar::emitIfChanged);
}

void OrderFilterBar::setFormat(const OrderFormat &format)
{
    m_format = format;
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(format.shop().timeZone()).date();
    m_from->setDate(today.addDays(-30));
    m_to->setDate(today);
}

OrderListFilter OrderFilterBar::filter() const
{
    OrderListFilter f;
    f.search = m_search->text().trimmed();
    f.status = selected<OrderStatus>(m_status);
    f.financialStatus = selected<FinancialStatus>(m_financial);
    f.fulfillmentStatus = selected<FulfillmentStatus>(m_fulfillment);
    f.channel = selected<OrderChannel>(m_channel);
    if (m_useDates->isChecked()) {
        // Whole days of the shop's calendar: from the start of "from" to the end of "until".
        f.placedFrom = m_format.shop().startOfDay(m_from->date());
        f.placedTo = m_format.shop().startOfDay(m_to->date().addDays(1));
    }
    return f;
}

void OrderFilterBar::clear()
{
    const QSignalBlocker blockers[] = {QSignalBlocker(m_search),    QSignalBlocker(m_status),
                                       QSignalBlocker(m_financial), QSignalBlocker(m_fulfillment),
                                       QSignalBlocker(m_channel),   QSignalBlocker(m_useDates)};
    m_search->clear();
    for (QComboBox *box : {m_status, m_financial, m_fulfillment, m_channel})
        box->setCurrentIndex(0);
    m_useDates->setChecked(false);
    m_from->setEnabled(false);
    m_to->setEnabled(false);
    emitIfChanged();
}

void OrderFilterBar::emitIfChanged()
{
    m_searchPause->stop();
    const OrderListFilter now = filter();
    if (now == m_last)
        return;
    m_last = now;
    emit filterChanged(now);
}

} // namespace sk

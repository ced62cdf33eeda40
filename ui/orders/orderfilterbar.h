#pragma once

#include "orders/orderformat.h"
#include "orders/orderlistquery.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QTimer;

namespace sk {

// The filters above the order list: a search (number, customer name or email), status,
// payment, fulfilment and channel, and a range of days placed in the shop's time zone.
// Typing in the search waits for a pause (or Enter) before it filters.
class OrderFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit OrderFilterBar(QWidget *parent = nullptr);

    // The shop's calendar, for the date range.
    void setFormat(const OrderFormat &format);
    OrderListFilter filter() const;
    // Back to every order (emits filterChanged once when something was set).
    void clear();

    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *statusBox() const { return m_status; }
    QComboBox *financialBox() const { return m_financial; }
    QComboBox *fulfillmentBox() const { return m_fulfillment; }
    QComboBox *channelBox() const { return m_channel; }
    QCheckBox *dateRangeBox() const { return m_useDates; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }

signals:
    void filterChanged(const sk::OrderListFilter &filter);

private:
    void emitIfChanged();

    OrderFormat m_format;
    OrderListFilter m_last;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchPause = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_financial = nullptr;
    QComboBox *m_fulfillment = nullptr;
    QComboBox *m_channel = nullptr;
    QCheckBox *m_useDates = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
};

} // namespace sk

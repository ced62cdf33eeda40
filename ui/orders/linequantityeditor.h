#pragma once

#include "domain/records.h"

#include <QList>
#include <QString>
#include <QWidget>

#include <utility>

class QGridLayout;
class QSpinBox;

namespace sk {

// A quantity box per order line, as the fulfil and refund dialogs ask for them: the line,
// a hint ("2 of 3 left") and a spin box from 0 to what is available. Tab walks the boxes in
// line order.
class LineQuantityEditor : public QWidget
{
    Q_OBJECT

public:
    explicit LineQuantityEditor(QWidget *parent = nullptr);

    void addLine(const OrderLine &line, qint64 available, qint64 initial, const QString &hint);
    bool isEmpty() const { return m_boxes.isEmpty(); }
    // Order line id and quantity of every box above zero, in line order.
    QList<std::pair<QString, qint64>> quantities() const;
    QSpinBox *box(const QString &orderLineId) const;
    QSpinBox *firstBox() const { return m_boxes.isEmpty() ? nullptr : m_boxes.constFirst().second; }

signals:
    void quantitiesChanged();

private:
    QGridLayout *m_grid = nullptr;
    QList<std::pair<QString, QSpinBox *>> m_boxes;
};

} // namespace sk

#include "linequantityeditor.h"

#include "orders/orderformat.h"

#include <QGridLayout>
#include <QLabel>
#include <QSpinBox>

#include <limits>

namespace sk {

LineQuantityEditor::LineQuantityEditor(QWidget *parent) : QWidget(parent), m_grid(new QGridLayout(this))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setColumnStretch(0, 1);
}

void LineQuantityEditor::addLine(const OrderLine &line, qint64 available, qint64 initial, const QString &hint)
{
    constexpr qint64 kMaxBox = std::numeric_limits<int>::max();
    const int row = int(m_boxes.size());
    auto *label = new QLabel(OrderFormat::lineLabel(line), this);
    label->setWordWrap(true);
    auto *box = new QSpinBox(this);
    box->setRange(0, int(qMin(available, kMaxBox)));
    box->setValue(int(qBound<qint64>(0, initial, available)));
    box->setAccessibleName(OrderFormat::lineLabel(line));
    label->setBuddy(box);
    m_grid->addWidget(label, row, 0);
    m_grid->addWidget(new QLabel(hint, this), row, 1);
    m_grid->addWidget(box, row, 2);
    if (!m_boxes.isEmpty())
        setTabOrder(m_boxes.constLast().second, box);
    m_boxes.append({line.id, box});
    connect(box, &QSpinBox::valueChanged, this, &LineQuantityEditor::quantitiesChanged);
}

QList<std::pair<QString, qint64>> LineQuantityEditor::quantities() const
{
    QList<std::pair<QString, qint64>> out;
    for (const auto &[lineId, box] : m_boxes) {
        if (box->value() > 0)
            out.append({lineId, box->value()});
    }
    return out;
}

QSpinBox *LineQuantityEditor::box(const QString &orderLineId) const
{
    for (const auto &[lineId, box] : m_boxes) {
        if (lineId == orderLineId)
            return box;
    }
    return nullptr;
}

} // namespace sk

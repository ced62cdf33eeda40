#include "orderlinesdialog.h"

#include "common/messagelabel.h"
#include "orders/linequantityeditor.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace sk {

OrderLinesDialog::OrderLinesDialog(const OrderDetail &detail, QWidget *parent)
    : QDialog(parent), m_detail(detail), m_error(new MessageLabel(this))
{
    // In the window before the subclass adds its lines and fields, so they follow in Tab order.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("orderLines"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);
    m_quantities = new LineQuantityEditor;
    scroll->setWidget(m_quantities);
    connect(m_quantities, &LineQuantityEditor::quantitiesChanged, m_error, &MessageLabel::clearMessage);
}

void OrderLinesDialog::setUp(const QString &title, const QString &intro, QFormLayout *form, const QString &okText)
{
    setWindowTitle(title);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(okText);
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &OrderLinesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &OrderLinesDialog::reject);

    auto *scroll = findChild<QScrollArea *>(QStringLiteral("orderLines"));
    scroll->setVisible(!m_quantities->isEmpty());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(intro, this));
    layout->addWidget(scroll, 1);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

void OrderLinesDialog::accept()
{
    const auto checked = check();
    if (!checked.ok()) {
        m_error->showError(checked.error().message);
        return;
    }
    QDialog::accept();
}

} // namespace sk

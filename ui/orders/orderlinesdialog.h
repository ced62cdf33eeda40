#pragma once

#include "domain/records.h"
#include "util/result.h"

#include <QDialog>

class QFormLayout;

namespace sk {

class LineQuantityEditor;
class MessageLabel;

// The frame of the order command dialogs (fulfil, refund): a quantity per order line, a form
// for the rest, the reason OK was refused, and OK (named for the command) and Cancel. OK runs
// check() first and keeps the dialog open, showing the reason, when the command would be
// refused; Enter presses OK from any field.
class OrderLinesDialog : public QDialog
{
    Q_OBJECT

public:
    const OrderDetail &detail() const { return m_detail; }
    LineQuantityEditor *quantities() const { return m_quantities; }
    MessageLabel *errorLabel() const { return m_error; }

public slots:
    void accept() override;

protected:
    OrderLinesDialog(const OrderDetail &detail, QWidget *parent);

    // Lays the dialog out. Call once the lines were added and the form's fields made: Tab
    // follows creation, from the quantity boxes into the form.
    void setUp(const QString &title, const QString &intro, QFormLayout *form, const QString &okText);
    // Why the command would be refused now, or nothing.
    virtual Result<void> check() const = 0;

private:
    OrderDetail m_detail;
    LineQuantityEditor *m_quantities = nullptr;
    MessageLabel *m_error = nullptr;
};

} // namespace sk

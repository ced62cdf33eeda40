#include "messagelabel.h"

#include <QAccessible>

namespace sk {

MessageLabel::MessageLabel(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void MessageLabel::showError(const QString &text)
{
    showText(text, true);
}

void MessageLabel::showInfo(const QString &text)
{
    showText(text, false);
}

void MessageLabel::clearMessage()
{
    showText({}, false);
}

void MessageLabel::showText(const QString &text, bool error)
{
    m_error = error;
    QPalette p = palette();
    p.setColor(QPalette::WindowText, error ? QColor(0xb3, 0x26, 0x1e) : QPalette().color(QPalette::WindowText));
    setPalette(p);
    setText(text);
    setVisible(!text.isEmpty());
    if (error && !text.isEmpty()) {
        QAccessibleEvent event(this, QAccessible::Alert);
        QAccessible::updateAccessibility(&event);
    }
}

} // namespace sk

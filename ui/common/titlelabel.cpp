#include "titlelabel.h"

namespace sk {

TitleLabel::TitleLabel(const QString &text, Size size, QWidget *parent) : QLabel(text, parent)
{
    QFont titleFont = font();
    titleFont.setBold(true);
    if (size == Size::Page)
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    setFont(titleFont);
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
}

} // namespace sk

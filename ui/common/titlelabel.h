#pragma once

#include <QLabel>

namespace sk {

// The heading of a page, panel or dialog: bold, and larger when it titles a whole page.
class TitleLabel : public QLabel
{
    Q_OBJECT

public:
    enum class Size { Section, Page };

    explicit TitleLabel(const QString &text = {}, Size size = Size::Section, QWidget *parent = nullptr);
};

} // namespace sk

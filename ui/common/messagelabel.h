#pragma once

#include <QLabel>

namespace sk {

// The inline message line of a page or dialog: an error (in an error colour) or a note of
// what just happened; hidden when empty. Errors are also announced to screen readers.
class MessageLabel : public QLabel
{
    Q_OBJECT

public:
    explicit MessageLabel(QWidget *parent = nullptr);

    void showError(const QString &text);
    void showInfo(const QString &text);
    void clearMessage();

    bool isError() const { return m_error; }
    // The message shown, or an empty string.
    QString message() const { return isHidden() ? QString() : text(); }

private:
    void showText(const QString &text, bool error);

    bool m_error = false;
};

} // namespace sk

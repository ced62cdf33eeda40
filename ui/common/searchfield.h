#pragma once

#include <QLineEdit>

class QAction;
class QTimer;

namespace sk {

// The type-ahead search box of a list: asks for a search when the user pauses typing (one
// query per pause, not per key) or presses Enter.
class SearchField : public QLineEdit
{
    Q_OBJECT

public:
    static constexpr int PauseMs = 250;

    explicit SearchField(const QString &placeholder, QWidget *parent = nullptr);

    // Find (Ctrl+F) anywhere inside `scope` puts the focus here with the text selected.
    QAction *addFindShortcut(QWidget *scope);
    void focusForSearch();

signals:
    void searchRequested(const QString &text);

private:
    QTimer *m_pause = nullptr;
};

} // namespace sk

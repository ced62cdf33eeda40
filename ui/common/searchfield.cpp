#include "searchfield.h"

#include <QAction>
#include <QTimer>

namespace sk {

SearchField::SearchField(const QString &placeholder, QWidget *parent) : QLineEdit(parent)
{
    setPlaceholderText(placeholder);
    setClearButtonEnabled(true);
    m_pause = new QTimer(this);
    m_pause->setSingleShot(true);
    m_pause->setInterval(PauseMs);
    connect(this, &QLineEdit::textEdited, m_pause, qOverload<>(&QTimer::start));
    auto request = [this] {
        m_pause->stop();
        emit searchRequested(text());
    };
    connect(m_pause, &QTimer::timeout, this, request);
    connect(this, &QLineEdit::returnPressed, this, request);
}

QAction *SearchField::addFindShortcut(QWidget *scope)
{
    auto *find = new QAction(tr("Find"), scope);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    scope->addAction(find);
    connect(find, &QAction::triggered, this, &SearchField::focusForSearch);
    return find;
}

void SearchField::focusForSearch()
{
    setFocus(Qt::ShortcutFocusReason);
    selectAll();
}

} // namespace sk

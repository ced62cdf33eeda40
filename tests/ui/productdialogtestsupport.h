#pragma once

// Shared by the product dialog tests (tst_producteditordialog, tst_productbulkedit).

#include "demoshop.h"
#include "demo/demogenerator.h"
#include "demo/storedemosink.h"
#include "testsupport.h"

#include <QDialog>
#include <QWindow>
#include <QTest>

namespace sk::test {

// The small demo world (EUR, fr-FR) in a temporary shop file; null on failure.
inline std::unique_ptr<TempStore> makeDemoProductStore()
{
    return makeDemoShop();
}

// Shows a dialog and waits until it has the keyboard (mnemonics and focus need it).
inline void showActive(QDialog &dialog)
{
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
}

// A key pressed as the user does, through the window: the focus widget gets it, and
// shortcuts and mnemonics (Alt+letter) apply.
inline void pressKey(QWidget &window, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(window.windowHandle(), key, modifiers);
}

} // namespace sk::test

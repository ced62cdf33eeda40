// storekeep-bench-hello: the bare Qt baseline of storekeep-bench-app. A QMainWindow with a menu,
// a table and a status bar, started the way the app is, that quits after its first paint
// (--print-rss: prints its peak resident memory first).

#include "firstpaint.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableWidget>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.menuBar()->addMenu(QStringLiteral("&File"))->addAction(QStringLiteral("&Quit"), &app, &QApplication::quit);
    auto *table = new QTableWidget(3, 3);
    window.setCentralWidget(table);
    window.statusBar()->addWidget(new QLabel(QStringLiteral("Hello")));
    window.resize(1200, 800);
    window.show();
    sk::bench::quitAfterFirstPaint(table->viewport());
    const int code = app.exec();
    if (app.arguments().contains(QStringLiteral("--print-rss")))
        std::printf("%lld\n", static_cast<long long>(sk::bench::peakResidentBytes()));
    return code;
}

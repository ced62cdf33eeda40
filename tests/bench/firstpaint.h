#pragma once

// For the start-up benchmark: prints "painted" and quits the application once `widget` has
// painted for the first time, the same moment as `storekeep --quit-after-paint`.

#include <QCoreApplication>
#include <QEvent>
#include <QObject>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace sk::bench {

inline void quitAfterFirstPaint(QWidget *widget)
{
    struct FirstPaint : QObject
    {
        bool eventFilter(QObject *watched, QEvent *event) override
        {
            if (event->type() == QEvent::Paint) {
                watched->removeEventFilter(this);
                QTimer::singleShot(0, qApp, [] {
                    std::fputs("painted\n", stdout); // what the benchmark times
                    std::fflush(stdout);
                    QCoreApplication::exit(0);
                });
            }
            return false;
        }
    };
    widget->installEventFilter(new FirstPaint);
}

// Peak resident memory of this process so far (VmHWM), in bytes; 0 where /proc is missing.
qint64 peakResidentBytes();
qint64 residentBytes();

} // namespace sk::bench

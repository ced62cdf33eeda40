#pragma once

// For the start-up benchmark: quits the application once `widget` has painted for the first
// time, the same moment for the app and for the bare Qt baseline.

#include <QCoreApplication>
#include <QEvent>
#include <QObject>
#include <QTimer>
#include <QWidget>

namespace sk::bench {

inline void quitAfterFirstPaint(QWidget *widget)
{
    struct FirstPaint : QObject
    {
        bool eventFilter(QObject *watched, QEvent *event) override
        {
            if (event->type() == QEvent::Paint) {
                watched->removeEventFilter(this);
                QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(0); });
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

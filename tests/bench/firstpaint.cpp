#include "firstpaint.h"

#include <QFile>

namespace sk::bench {

namespace {
qint64 statusKilobytes(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}
} // namespace

qint64 peakResidentBytes()
{
    return statusKilobytes("VmHWM") * 1024;
}

qint64 residentBytes()
{
    return statusKilobytes("VmRSS") * 1024;
}

} // namespace sk::bench

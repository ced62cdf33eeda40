#include "uuidv7.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace sk {

QUuid UuidV7::create()
{
    auto *rng = QRandomGenerator::system();
    return fromParts(QDateTime::currentMSecsSinceEpoch(), rng->generate64(), rng->generate64());
}

QUuid UuidV7::fromParts(qint64 unixMs, quint64 randA, quint64 randB)
{
    const quint64 ms = quint64(unixMs) & 0xFFFFFFFFFFFFull;
    const quint32 l = quint32(ms >> 16);
    const quint16 w1 = quint16(ms & 0xFFFF);
    const quint16 w2 = quint16(0x7000 | (randA & 0x0FFF));
    uchar b[8];
    b[0] = uchar(0x80 | ((randB >> 56) & 0x3F)); // RFC 4122 variant
    for (int i = 1; i < 8; ++i)
        b[i] = uchar(randB >> (56 - 8 * i));
    return QUuid(l, w1, w2, b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]);
}

QString UuidV7::toText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

qint64 UuidV7::timestampMs(const QUuid &id)
{
    return (qint64(id.data1) << 16) | qint64(id.data2);
}

} // namespace sk

#pragma once

#include <QString>
#include <QUuid>

namespace sk {

// Time-ordered UUIDs (RFC 9562 version 7). Ids made offline sort by creation time,
// so they append to B-tree indexes instead of scattering writes across them.
class UuidV7
{
public:
    // A fresh id from the system clock and a cryptographic random source.
    static QUuid create();
    // A deterministic id from a time and 74 bits of caller-chosen entropy (the demo generator's).
    static QUuid fromParts(qint64 unixMs, quint64 randA, quint64 randB);
    // The canonical text form stored in SQLite: lower case, no braces.
    static QString toText(const QUuid &id);
    static qint64 timestampMs(const QUuid &id);
};

} // namespace sk

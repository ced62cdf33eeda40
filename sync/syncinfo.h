#pragma once

#include <QString>

namespace sk {

// Versions of the libraries the sync layer talks through, for "About" and bug reports.
class SyncInfo
{
public:
    static QString curlVersion();
    static QString tlsLibraryVersion();
    static bool curlSupportsHttp2();
    static QString summary();
};

} // namespace sk

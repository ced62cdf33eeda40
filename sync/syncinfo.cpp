#include "syncinfo.h"

#include "net/curllibrary.h"

namespace sk {

// Asking loads libcurl (see CurlLibrary); only the About box and the CLI ask.
QString SyncInfo::curlVersion()
{
    const auto curl = CurlLibrary::get();
    return curl.ok() ? QString::fromLatin1((*curl)->version_info(CURLVERSION_NOW)->version) : QStringLiteral("not loaded");
}

QString SyncInfo::tlsLibraryVersion()
{
    // The TLS library curl was built with and talks through (OpenSSL on Debian).
    const auto curl = CurlLibrary::get();
    const char *ssl = curl.ok() ? (*curl)->version_info(CURLVERSION_NOW)->ssl_version : nullptr;
    return ssl ? QString::fromLatin1(ssl) : QStringLiteral("none");
}

bool SyncInfo::curlSupportsHttp2()
{
    const auto curl = CurlLibrary::get();
    return curl.ok() && ((*curl)->version_info(CURLVERSION_NOW)->features & CURL_VERSION_HTTP2) != 0;
}

QString SyncInfo::summary()
{
    return QStringLiteral("libcurl %1 (HTTP/2: %2), %3")
        .arg(curlVersion(), curlSupportsHttp2() ? QStringLiteral("yes") : QStringLiteral("no"), tlsLibraryVersion());
}

} // namespace sk

#include "syncinfo.h"

#include <curl/curl.h>
#include <openssl/crypto.h>

namespace sk {

QString SyncInfo::curlVersion()
{
    return QString::fromLatin1(curl_version_info(CURLVERSION_NOW)->version);
}

QString SyncInfo::tlsLibraryVersion()
{
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
}

bool SyncInfo::curlSupportsHttp2()
{
    return (curl_version_info(CURLVERSION_NOW)->features & CURL_VERSION_HTTP2) != 0;
}

QString SyncInfo::summary()
{
    return QStringLiteral("libcurl %1 (HTTP/2: %2), %3")
        .arg(curlVersion(), curlSupportsHttp2() ? QStringLiteral("yes") : QStringLiteral("no"), tlsLibraryVersion());
}

} // namespace sk

#include "curllibrary.h"

#include "synclogging.h"

#include <QCoreApplication>
#include <QLibrary>

#include <atomic>
#include <mutex>

using namespace Qt::StringLiterals;

namespace sk {

namespace {

std::atomic<bool> g_loaded{false};

// Resolves `name` into `target`; false when the library lacks it.
template <typename Fn>
bool resolve(QLibrary &library, const char *name, Fn &target)
{
    target = reinterpret_cast<Fn>(library.resolve(name));
    return target != nullptr;
}

Result<const CurlLibrary *> load()
{
#if defined(Q_OS_WIN)
    static QLibrary library(u"libcurl"_s);
#else
    static QLibrary library(u"curl"_s, 4); // libcurl.so.4, libcurl.4.dylib: the ABI since 2006
#endif
    const auto failed = [](const QString &why) -> Result<const CurlLibrary *> {
        qCCritical(lcSyncNet).noquote() << "libcurl could not be loaded:" << why;
        return makeError(u"net.no_curl"_s,
                         QCoreApplication::translate("sk::HttpClient",
                                                     "The network library (libcurl) could not be loaded, so "
                                                     "Storekeep cannot reach the server: %1")
                             .arg(why),
                         library.fileName());
    };
    if (!library.load())
        return failed(library.errorString());
    static CurlLibrary api;
    const char *missing = nullptr;
    const auto need = [&](const char *name, auto &target) {
        if (!missing && !resolve(library, name, target))
            missing = name;
    };
    CURLcode (*globalInit)(long) = nullptr;
    need("curl_global_init", globalInit);
    need("curl_easy_init", api.easy_init);
    need("curl_easy_cleanup", api.easy_cleanup);
    need("curl_easy_reset", api.easy_reset);
    need("curl_easy_setopt", api.easy_setopt);
    need("curl_easy_getinfo", api.easy_getinfo);
    need("curl_easy_strerror", api.easy_strerror);
    need("curl_multi_init", api.multi_init);
    need("curl_multi_cleanup", api.multi_cleanup);
    need("curl_multi_add_handle", api.multi_add_handle);
    need("curl_multi_remove_handle", api.multi_remove_handle);
    need("curl_multi_perform", api.multi_perform);
    need("curl_multi_poll", api.multi_poll);
    need("curl_multi_info_read", api.multi_info_read);
    need("curl_multi_strerror", api.multi_strerror);
    need("curl_slist_append", api.slist_append);
    need("curl_slist_free_all", api.slist_free_all);
    need("curl_version_info", api.version_info);
    need("curl_getdate", api.getdate);
    if (missing)
        return failed(QCoreApplication::translate("sk::HttpClient", "%1 has no %2 (too old?)")
                          .arg(library.fileName(), QString::fromLatin1(missing)));
    if (const CURLcode code = globalInit(CURL_GLOBAL_DEFAULT); code != CURLE_OK)
        return failed(u"curl_global_init: "_s + QString::fromLatin1(api.easy_strerror(code)));
    qCDebug(lcSyncNet).noquote() << "loaded" << library.fileName() << api.version_info(CURLVERSION_NOW)->version;
    g_loaded.store(true);
    return &api;
}

} // namespace

Result<const CurlLibrary *> CurlLibrary::get()
{
    // Loaded once, by whichever thread asks first; a failure is the answer from then on.
    static std::once_flag once;
    static Result<const CurlLibrary *> loaded = makeError(u"net.no_curl"_s, QString());
    std::call_once(once, [] { loaded = load(); });
    return loaded;
}

bool CurlLibrary::isLoaded()
{
    return g_loaded.load();
}

} // namespace sk

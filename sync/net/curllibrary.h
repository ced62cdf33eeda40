#pragma once

#include "util/result.h"

#include <curl/curl.h>

namespace sk {

// libcurl, loaded the first time something asks for it instead of when the program starts.
// With the thirty-odd libraries it brings (TLS, Kerberos, LDAP, SSH, IDN...) it cost every
// start of the app about 7 ms to map and relocate, a tenth of the time to the first painted
// window, though no request is made before the window is up. Only the functions Storekeep
// calls are resolved; the headers still give the types and constants, and the build no longer
// links libcurl, so a direct call to a curl_ function fails to link.
struct CurlLibrary
{
    decltype(&::curl_easy_init) easy_init = nullptr;
    decltype(&::curl_easy_cleanup) easy_cleanup = nullptr;
    decltype(&::curl_easy_reset) easy_reset = nullptr;
    decltype(&::curl_easy_setopt) easy_setopt = nullptr;
    decltype(&::curl_easy_getinfo) easy_getinfo = nullptr;
    decltype(&::curl_easy_strerror) easy_strerror = nullptr;
    decltype(&::curl_multi_init) multi_init = nullptr;
    decltype(&::curl_multi_cleanup) multi_cleanup = nullptr;
    decltype(&::curl_multi_add_handle) multi_add_handle = nullptr;
    decltype(&::curl_multi_remove_handle) multi_remove_handle = nullptr;
    decltype(&::curl_multi_perform) multi_perform = nullptr;
    decltype(&::curl_multi_poll) multi_poll = nullptr;
    decltype(&::curl_multi_info_read) multi_info_read = nullptr;
    decltype(&::curl_multi_strerror) multi_strerror = nullptr;
    decltype(&::curl_slist_append) slist_append = nullptr;
    decltype(&::curl_slist_free_all) slist_free_all = nullptr;
    decltype(&::curl_version_info) version_info = nullptr;
    decltype(&::curl_getdate) getdate = nullptr;

    // The library, loaded and curl_global_init()ed once for the process (thread-safe), or why
    // it could not be ("net.no_curl", naming the library and the loader's reason).
    static Result<const CurlLibrary *> get();
    // Whether get() has loaded it yet.
    static bool isLoaded();
};

} // namespace sk

// sk::CurlLibrary: libcurl is mapped only once something asks for it, then once for good.

#include "net/curllibrary.h"
#include "net/httpclient.h"
#include "testsupport.h"

#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QTest>

#include <optional>

using namespace sk;

namespace {

// Whether the process has a libcurl mapped, as the kernel sees it; nullopt where it cannot tell.
std::optional<bool> curlMapped()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return std::nullopt;
    return maps.readAll().contains("/libcurl");
}

} // namespace

class tst_CurlLibrary : public QObject
{
    Q_OBJECT

private slots:
    // Runs first: nothing in this process has asked for the network yet.
    void notLoadedUntilAsked()
    {
        QVERIFY(!CurlLibrary::isLoaded());
        const auto mapped = curlMapped();
        if (!mapped)
            QSKIP("no /proc/self/maps here to look at the process's libraries");
        QVERIFY2(!*mapped, "libcurl is mapped though nothing asked for it: is something linking it again?");
    }

    void anHttpClientLoadsItOnce()
    {
        HttpClient client;
        QVERIFY(CurlLibrary::isLoaded());
        const auto first = CurlLibrary::get();
        SK_VERIFY_OK(first);
        const auto second = CurlLibrary::get();
        SK_VERIFY_OK(second);
        QCOMPARE(*first, *second);
        const curl_version_info_data *info = (*first)->version_info(CURLVERSION_NOW);
        QVERIFY(info);
        QVERIFY(info->version_num >= 0x074400); // 7.68, the oldest this code was tried with
        QVERIFY2(info->ssl_version && *info->ssl_version, "libcurl without TLS cannot reach a hosted server");
        if (const auto mapped = curlMapped())
            QVERIFY(*mapped);
    }

    // HTTP dates in Retry-After go through curl_getdate(), resolved like the rest.
    void retryAfterReadsAnHttpDate()
    {
        HttpResponse response;
        const QDateTime inAMinute = QDateTime::currentDateTimeUtc().addSecs(60);
        response.headers.append({"retry-after", QLocale::c().toString(inAMinute, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1()});
        const qint64 ms = response.retryAfterMs();
        QVERIFY2(ms > 50'000 && ms <= 60'000, qPrintable(QString::number(ms)));
    }
};

QTEST_GUILESS_MAIN(tst_CurlLibrary)
#include "tst_curllibrary.moc"

// LoginRateLimiter with a fixed clock: per-account and per-address windows, Retry-After,
// and a successful login clearing its account.

#include "auth/loginratelimiter.h"

#include <QTest>

using namespace sk;
using namespace sk::server;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 Start = 1'780'000'000'000;
const QString Alice = u"alice@shop.test"_s;
const QString Home = u"192.0.2.1"_s;
const QString Office = u"198.51.100.7"_s;

} // namespace

class tst_LoginRateLimiter : public QObject
{
    Q_OBJECT

private slots:
    void blocksAnAccountAfterFiveFailures()
    {
        FixedClock clock(Start);
        LoginRateLimiter limiter(clock);
        for (int i = 0; i < LoginRateLimiter::MaxAccountFailures; ++i) {
            QVERIFY2(!limiter.retryAfterSeconds(Alice, Home), qPrintable(u"attempt %1"_s.arg(i + 1)));
            limiter.recordFailure(Alice, Home);
            clock.advance(1000);
        }
        QCOMPARE(LoginRateLimiter::MaxAccountFailures, 5);
        const auto wait = limiter.retryAfterSeconds(Alice, Home);
        QVERIFY(wait.has_value());
        // The first failure was 5 s ago; it leaves the 15-minute window in 895 s.
        QCOMPARE(*wait, 15 * 60 - 5);
        // The account is blocked from anywhere, and the e-mail's case does not matter.
        QVERIFY(limiter.retryAfterSeconds(Alice, Office));
        QVERIFY(limiter.retryAfterSeconds(u"  ALICE@shop.test"_s, Office));
        // Other accounts are not.
        QVERIFY(!limiter.retryAfterSeconds(u"bob@shop.test"_s, Home));
    }

    void theWindowSlides()
    {
        FixedClock clock(Start);
        LoginRateLimiter limiter(clock);
        for (int i = 0; i < 5; ++i) {
            limiter.recordFailure(Alice, Home);
            clock.advance(60 * 1000); // one a minute
        }
        // Now: 5 min after the first failure.
        QCOMPARE(*limiter.retryAfterSeconds(Alice, Home), 10 * 60);
        clock.advance(10 * 60 * 1000 - 1);
        QCOMPARE(*limiter.retryAfterSeconds(Alice, Home), 1); // rounds up, never 0
        clock.advance(1);
        QVERIFY(!limiter.retryAfterSeconds(Alice, Home)); // the first failure left the window
        limiter.recordFailure(Alice, Home);
        QVERIFY(limiter.retryAfterSeconds(Alice, Home)); // five inside the window again
    }

    void successClearsTheAccount()
    {
        FixedClock clock(Start);
        LoginRateLimiter limiter(clock);
        for (int i = 0; i < 4; ++i)
            limiter.recordFailure(Alice, Home);
        limiter.recordSuccess(u"Alice@Shop.test"_s);
        for (int i = 0; i < 4; ++i)
            limiter.recordFailure(Alice, Home);
        QVERIFY2(!limiter.retryAfterSeconds(Alice, Home), "4 failures since the success are under the limit");
        limiter.recordFailure(Alice, Home);
        QVERIFY(limiter.retryAfterSeconds(Alice, Home));
    }

    void blocksAnAddressAcrossAccounts()
    {
        FixedClock clock(Start);
        LoginRateLimiter limiter(clock);
        QCOMPARE(LoginRateLimiter::MaxAddressFailures, 20);
        for (int i = 0; i < 20; ++i) {
            const QString account = u"user%1@shop.test"_s.arg(i);
            QVERIFY(!limiter.retryAfterSeconds(account, Home));
            limiter.recordFailure(account, Home);
        }
        const auto wait = limiter.retryAfterSeconds(u"fresh@shop.test"_s, Home);
        QVERIFY(wait.has_value());
        QCOMPARE(*wait, 15 * 60);
        // The same fresh account from another address may try.
        QVERIFY(!limiter.retryAfterSeconds(u"fresh@shop.test"_s, Office));
        // A success does not clear the address.
        limiter.recordSuccess(u"user0@shop.test"_s);
        QVERIFY(limiter.retryAfterSeconds(u"fresh@shop.test"_s, Home));
        clock.advance(LoginRateLimiter::WindowMs);
        QVERIFY(!limiter.retryAfterSeconds(u"fresh@shop.test"_s, Home));
    }

    void forgetsExpiredKeys()
    {
        FixedClock clock(Start);
        LoginRateLimiter limiter(clock);
        for (qsizetype i = 0; i < LoginRateLimiter::PruneThreshold; ++i)
            limiter.recordFailure(u"u%1@x.test"_s.arg(i), QString());
        QCOMPARE(limiter.trackedKeys(), LoginRateLimiter::PruneThreshold);
        clock.advance(LoginRateLimiter::WindowMs + 1);
        limiter.recordFailure(u"late@x.test"_s, QString());
        QCOMPARE(limiter.trackedKeys(), qsizetype(1));
    }
};

QTEST_GUILESS_MAIN(tst_LoginRateLimiter)
#include "tst_loginratelimiter.moc"

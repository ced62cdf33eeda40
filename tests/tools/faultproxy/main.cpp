// storekeep-faultproxy: see faultproxy.h. Prints "listening on http://HOST:PORT" once it listens,
// like storekeep-server, so a test can read the port from its stdout.

#include "faultproxy.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;
using sk::test::FaultProxy;

namespace {

int usageError(const QString &message)
{
    std::fprintf(stderr, "storekeep-faultproxy: %s\n", qPrintable(message));
    return 2;
}

bool parseHostPort(const QString &text, QString *host, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    bool ok = false;
    const uint value = text.mid(colon + 1).toUInt(&ok);
    if (!ok || value > 65535)
        return false;
    *host = text.left(colon);
    *port = quint16(value);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"storekeep-faultproxy"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"A loopback HTTP/1.1 proxy that injects faults between a sync client and storekeep-server."_s);
    parser.addHelpOption();
    const QCommandLineOption listen(u"listen"_s, u"Address to listen on (127.0.0.1:0 picks a free port)."_s,
                                    u"host:port"_s, u"127.0.0.1:0"_s);
    const QCommandLineOption upstream(u"upstream"_s, u"The server to forward to."_s, u"host:port"_s);
    const QCommandLineOption seed(u"seed"_s, u"Seed of the fault sequence."_s, u"n"_s, u"0"_s);
    const QCommandLineOption dropRequest(u"drop-request"_s, u"Probability of closing before forwarding."_s, u"p"_s, u"0"_s);
    const QCommandLineOption dropResponse(u"drop-response"_s, u"Probability of losing the answer after forwarding."_s,
                                          u"p"_s, u"0"_s);
    const QCommandLineOption error5xx(u"error-5xx"_s, u"Probability of answering 503 instead of forwarding."_s, u"p"_s,
                                      u"0"_s);
    const QCommandLineOption error429(u"error-429"_s, u"Probability of answering 429 instead of forwarding."_s, u"p"_s,
                                      u"0"_s);
    const QCommandLineOption reset(u"reset"_s, u"Probability of aborting halfway through the answer."_s, u"p"_s, u"0"_s);
    const QCommandLineOption delay(u"delay"_s, u"Probability of delaying before forwarding."_s, u"p"_s, u"0"_s);
    const QCommandLineOption delayMs(u"delay-ms"_s, u"Longest delay."_s, u"ms"_s, u"0"_s);
    const QCommandLineOption onlyPrefix(u"only-path-prefix"_s, u"Fault only requests whose path starts with this."_s,
                                        u"prefix"_s);
    parser.addOptions({listen, upstream, seed, dropRequest, dropResponse, error5xx, error429, reset, delay, delayMs,
                       onlyPrefix});
    parser.process(app);

    FaultProxy::Options options;
    QString listenHost;
    if (!parseHostPort(parser.value(listen), &listenHost, &options.listenPort)
        || !options.listenAddress.setAddress(listenHost))
        return usageError(u"--listen needs HOST:PORT with a numeric address"_s);
    if (!parser.isSet(upstream) || !parseHostPort(parser.value(upstream), &options.upstreamHost, &options.upstreamPort)
        || options.upstreamPort == 0)
        return usageError(u"--upstream HOST:PORT is required"_s);
    bool ok = false;
    options.seed = parser.value(seed).toUInt(&ok);
    if (!ok)
        return usageError(u"--seed needs an unsigned 32-bit number"_s);
    options.onlyPathPrefix = parser.value(onlyPrefix).toUtf8();

    // The command line goes through the same checks as POST /__proxy/faults.
    QJsonObject settings;
    const std::pair<const QCommandLineOption *, QString> probabilities[] = {
        {&dropRequest, u"drop_request"_s}, {&dropResponse, u"drop_response"_s}, {&error5xx, u"error_5xx"_s},
        {&error429, u"error_429"_s},       {&reset, u"reset"_s},                {&delay, u"delay"_s},
        {&delayMs, u"delay_ms"_s}};
    for (const auto &[option, key] : probabilities) {
        const double value = parser.value(*option).toDouble(&ok);
        if (!ok)
            return usageError(u"--%1 needs a number"_s.arg(option->names().constFirst()));
        settings.insert(key, value);
    }
    QString error;
    if (!options.faults.apply(settings, &error))
        return usageError(error);

    FaultProxy proxy(options);
    if (!proxy.listen())
        return usageError(u"cannot listen on %1: %2"_s.arg(parser.value(listen), proxy.errorString()));
    std::printf("listening on http://%s:%u\n", qPrintable(options.listenAddress.toString()), unsigned(proxy.port()));
    std::fflush(stdout);
    return app.exec();
}

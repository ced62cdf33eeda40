#pragma once

// What every storekeep-cli command shares: output, exit codes and option parsing.

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <cstdio>

namespace sk::cli {

using namespace Qt::StringLiterals;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(StorekeepCli)
};

enum ExitCode { ExitOk = 0, ExitError = 1, ExitUsage = 2 };

inline void write(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

inline void out(const QString &line)
{
    write(stdout, line + u'\n');
}

inline void err(const QString &line)
{
    write(stderr, u"storekeep-cli: "_s + line + u'\n');
}

// Splits "--name value" and "--name=value" options from positional arguments.
struct Arguments
{
    QStringList positional;
    QHash<QString, QString> options;
    QSet<QString> flags;
    QString problem;

    static Arguments parse(const QStringList &args, const QSet<QString> &valueOptions, const QSet<QString> &flagOptions)
    {
        Arguments a;
        for (qsizetype i = 0; i < args.size(); ++i) {
            const QString &arg = args.at(i);
            if (!arg.startsWith(u"--"_s) || arg == u"--"_s) {
                a.positional << arg;
                continue;
            }
            const qsizetype eq = arg.indexOf(u'=');
            const QString name = eq > 0 ? arg.left(eq) : arg;
            if (flagOptions.contains(name) && eq < 0) {
                a.flags.insert(name);
            } else if (valueOptions.contains(name)) {
                if (eq > 0) {
                    a.options.insert(name, arg.mid(eq + 1));
                } else if (i + 1 < args.size()) {
                    a.options.insert(name, args.at(++i));
                } else {
                    a.problem = Tr::tr("%1 needs a value.").arg(name);
                    return a;
                }
            } else {
                a.problem = Tr::tr("Unknown option %1.").arg(arg);
                return a;
            }
        }
        return a;
    }
};

QString usageText();
int usageError(const QString &problem);

} // namespace sk::cli

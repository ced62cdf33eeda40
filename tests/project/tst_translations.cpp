// Every user-visible string has a French translation: lupdate runs over the sources of every
// layer into a copy of translations/storekeep_fr.ts, and any message left unfinished, empty
// or no longer in the sources fails the test with its context and text.

#include "testsupport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

struct TsReport
{
    QString language;
    int messages = 0;
    QStringList unfinished;
    QStringList empty;
    QStringList vanished;
    QString parseError;
};

QString label(const QString &context, const QString &source)
{
    QString text = source;
    text.replace(u'\n', u"\\n"_s);
    if (text.size() > 100)
        text = text.left(97) + u"..."_s;
    return u"%1: \"%2\""_s.arg(context, text);
}

TsReport readTs(QIODevice *device, bool pluralsOnly = false)
{
    TsReport report;
    QXmlStreamReader xml(device);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == "TS"_L1) {
            report.language = xml.attributes().value("language"_L1).toString();
        } else if (xml.name() == "name"_L1) {
            context = xml.readElementText();
        } else if (xml.name() == "message"_L1) {
            const bool numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
            QString source;
            QString type;
            QStringList texts;
            bool hasTranslation = false;
            while (!(xml.isEndElement() && xml.name() == "message"_L1) && !xml.atEnd()) {
                xml.readNext();
                if (!xml.isStartElement())
                    continue;
                if (xml.name() == "source"_L1) {
                    source = xml.readElementText();
                } else if (xml.name() == "translation"_L1) {
                    hasTranslation = true;
                    type = xml.attributes().value("type"_L1).toString();
                    if (!numerus) {
                        texts << xml.readElementText();
                    }
                } else if (xml.name() == "numerusform"_L1) {
                    texts << xml.readElementText();
                }
            }
            if (pluralsOnly && !numerus)
                continue; // the source text serves as is
            ++report.messages;
            const QString what = label(context, source);
            if (type == "vanished"_L1 || type == "obsolete"_L1)
                report.vanished << what;
            else if (type == "unfinished"_L1)
                report.unfinished << what;
            else if (!hasTranslation || texts.isEmpty()
                     || std::any_of(texts.cbegin(), texts.cend(), [](const QString &t) { return t.trimmed().isEmpty(); }))
                report.empty << what;
        }
    }
    if (xml.hasError())
        report.parseError = u"line %1: %2"_s.arg(xml.lineNumber()).arg(xml.errorString());
    return report;
}

QString findLupdate()
{
    const QStringList candidates = {
        QLibraryInfo::path(QLibraryInfo::BinariesPath) + u"/lupdate"_s,
        QLibraryInfo::path(QLibraryInfo::LibraryExecutablesPath) + u"/lupdate"_s,
        u"/usr/lib/qt6/bin/lupdate"_s,
    };
    for (const QString &c : candidates) {
        if (QFileInfo(c).isExecutable())
            return c;
    }
    // On PATH, "lupdate" may be Qt 5's through qtchooser; prefer an explicit Qt 6 name.
    for (const QString &name : {u"lupdate-qt6"_s, u"lupdate6"_s, u"lupdate"_s}) {
        const QString found = QStandardPaths::findExecutable(name);
        if (!found.isEmpty())
            return found;
    }
    return {};
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private slots:
    void readerFindsUntranslatedMessages()
    {
        // The real check below would pass vacuously if the reader missed these.
        QByteArray ts = R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context><name>Ctx</name>
  <message><source>Done</source><translation>Fait</translation></message>
  <message><source>New</source><translation type="unfinished"></translation></message>
  <message><source>Blank</source><translation></translation></message>
  <message><source>Gone</source><translation type="vanished">Parti</translation></message>
  <message numerus="yes"><source>%n item(s)</source><translation><numerusform>%n article</numerusform><numerusform></numerusform></translation></message>
  <message numerus="yes"><source>%n row(s)</source><translation><numerusform>%n ligne</numerusform><numerusform>%n lignes</numerusform></translation></message>
</context>
</TS>)";
        QBuffer buffer(&ts);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        const TsReport report = readTs(&buffer);
        QVERIFY2(report.parseError.isEmpty(), qPrintable(report.parseError));
        QCOMPARE(report.language, u"fr_FR"_s);
        QCOMPARE(report.messages, 6);
        QCOMPARE(report.unfinished, QStringList{u"Ctx: \"New\""_s});
        QCOMPARE(report.empty, (QStringList{u"Ctx: \"Blank\""_s, u"Ctx: \"%n item(s)\""_s}));
        QCOMPARE(report.vanished, QStringList{u"Ctx: \"Gone\""_s});

        buffer.seek(0);
        const TsReport plurals = readTs(&buffer, true);
        QCOMPARE(plurals.messages, 2);
        QCOMPARE(plurals.empty, QStringList{u"Ctx: \"%n item(s)\""_s});
        QVERIFY(plurals.unfinished.isEmpty());
    }

    void everyStringIsTranslated_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("pluralsOnly");
        QTest::newRow("French") << u"storekeep_fr.ts"_s << false;
        // English needs only its plural forms ("1 product", "2 products").
        QTest::newRow("English plurals") << u"storekeep_en.ts"_s << true;
    }

    void everyStringIsTranslated()
    {
        QFETCH(QString, file);
        QFETCH(bool, pluralsOnly);
        const QString lupdate = findLupdate();
        if (lupdate.isEmpty())
            QSKIP("lupdate is not installed (Debian: qt6-l10n-tools); cannot check the translations.");

        const QString source = test::sourceDir() + u"/translations/"_s + file;
        QVERIFY2(QFileInfo::exists(source), qPrintable(source + u" is missing"_s));
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QString copy = temp.filePath(file);
        QVERIFY(QFile::copy(source, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

        QStringList args = {u"-silent"_s, u"-locations"_s, u"none"_s, u"-no-ui-lines"_s, u"-extensions"_s,
                            u"h,cpp"_s};
        if (pluralsOnly)
            args << u"-pluralonly"_s;
        // The layers whose text reaches people through storekeep and storekeep-cli.
        for (const char *layer : {"core", "sync", "ui", "app"}) {
            const QString dir = test::sourceDir() + u'/' + QString::fromLatin1(layer);
            if (QFileInfo(dir).isDir())
                args << dir;
        }
        args << u"-ts"_s << copy;
        QProcess process;
        process.start(lupdate, args);
        QVERIFY2(process.waitForFinished(300000), qPrintable(u"lupdate did not finish: "_s + process.errorString()));
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
                 qPrintable(u"lupdate failed:\n"_s + QString::fromLocal8Bit(process.readAllStandardError())));

        QFile ts(copy);
        QVERIFY(ts.open(QIODevice::ReadOnly));
        const TsReport report = readTs(&ts, pluralsOnly);
        QVERIFY2(report.parseError.isEmpty(), qPrintable(report.parseError));
        QVERIFY2(report.language.startsWith(file.mid(10, 2)), qPrintable(u"language is "_s + report.language));
        QVERIFY2(report.messages > (pluralsOnly ? 0 : 20), "lupdate found almost no strings: is it scanning the sources?");

        QStringList problems;
        if (!report.unfinished.isEmpty())
            problems << u"Not translated yet:\n  "_s + report.unfinished.join(u"\n  "_s);
        if (!report.empty.isEmpty())
            problems << u"Empty translation:\n  "_s + report.empty.join(u"\n  "_s);
        if (!report.vanished.isEmpty())
            problems << u"No longer in the sources (run lupdate with -no-obsolete):\n  "_s
                            + report.vanished.join(u"\n  "_s);
        if (!problems.isEmpty()) {
            problems << u"Update translations/%1: %2 -locations relative -no-obsolete %3core sync ui app "
                        u"-ts translations/%1, then translate the new entries in Qt Linguist."_s
                            .arg(file, lupdate, pluralsOnly ? u"-pluralonly "_s : QString());
            // QTest cuts long failure messages; the full list goes to the log first.
            qWarning().noquote() << problems.join(u"\n"_s);
            QFAIL(qPrintable(u"%1 untranslated, %2 empty and %3 stale messages in %4 (listed above)"_s
                                 .arg(report.unfinished.size())
                                 .arg(report.empty.size())
                                 .arg(report.vanished.size())
                                 .arg(file)));
        }
    }
};

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"

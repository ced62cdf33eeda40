// The layer rule, checked on the sources and on the built binaries:
// app → ui → sync → core, and server → core. core never includes Widgets, Gui, Charts,
// PrintSupport or Network; sync never includes Widgets, Gui or Charts. The command-line
// tool and the server link neither Widgets nor Gui; the server does not link curl.

#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

struct Violation
{
    QString file;
    int line = 0;
    QString header;
};

// Class headers of the forbidden modules that are used often enough to name, for systems
// where the Qt headers are not where QLibraryInfo says.
const QStringList kKnownHeaders = {
    // QtWidgets
    u"QWidget"_s, u"QApplication"_s, u"QMainWindow"_s, u"QDialog"_s, u"QMessageBox"_s, u"QLabel"_s,
    u"QPushButton"_s, u"QTableView"_s, u"QTreeView"_s, u"QListWidget"_s, u"QLineEdit"_s, u"QComboBox"_s,
    u"QProgressDialog"_s, u"QFileDialog"_s, u"QStyle"_s, u"QAction"_s,
    // QtGui
    u"QGuiApplication"_s, u"QPainter"_s, u"QImage"_s, u"QPixmap"_s, u"QIcon"_s, u"QColor"_s, u"QFont"_s,
    u"QFontMetrics"_s, u"QPalette"_s, u"QBrush"_s, u"QPen"_s, u"QClipboard"_s, u"QDesktopServices"_s,
    u"QValidator"_s, u"QStandardItemModel"_s, u"QTextDocument"_s, u"QPdfWriter"_s,
    // QtCharts
    u"QChart"_s, u"QChartView"_s, u"QLineSeries"_s, u"QBarSeries"_s,
    // QtPrintSupport
    u"QPrinter"_s, u"QPrintDialog"_s, u"QPrintPreviewDialog"_s,
    // QtNetwork
    u"QNetworkAccessManager"_s, u"QNetworkRequest"_s, u"QNetworkReply"_s, u"QTcpSocket"_s, u"QTcpServer"_s,
    u"QSslSocket"_s, u"QHostAddress"_s, u"QUdpSocket"_s,
};

bool headerInModule(const QString &header, const QString &module)
{
    if (header.startsWith(module + u'/'))
        return true; // <QtWidgets/QWidget>, <QtGui/qimage.h>
    if (header == module)
        return true; // <QtWidgets>, the whole module
    if (header.contains(u'/'))
        return false;
    const QString dir = QLibraryInfo::path(QLibraryInfo::HeadersPath) + u'/' + module;
    return QFileInfo::exists(dir + u'/' + header);
}

bool isForbidden(const QString &header, const QStringList &modules)
{
    for (const QString &module : modules) {
        if (headerInModule(header, module))
            return true;
    }
    // Names known to belong to any of these modules, in case the header tree is elsewhere.
    if (kKnownHeaders.contains(header)) {
        const bool networkOnly = header.startsWith(u"QNetwork"_s) || header.startsWith(u"QTcp"_s)
                                 || header.startsWith(u"QSsl"_s) || header == u"QHostAddress"_s
                                 || header == u"QUdpSocket"_s;
        return networkOnly ? modules.contains(u"QtNetwork"_s) : true;
    }
    return false;
}

QList<Violation> scan(const QString &root, const QStringList &modules)
{
    static const QRegularExpression include(u"^\\s*#\\s*include\\s*[<\"]([^>\"]+)[>\"]"_s);
    QList<Violation> found;
    QDirIterator it(root, {u"*.h"_s, u"*.cpp"_s, u"*.hpp"_s, u"*.cc"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            continue;
        int lineNo = 0;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine());
            ++lineNo;
            const auto m = include.match(line);
            if (m.hasMatch() && isForbidden(m.captured(1), modules))
                found.append({QDir(root).relativeFilePath(path), lineNo, m.captured(1)});
        }
    }
    return found;
}

QString describe(const QString &layer, const QList<Violation> &violations)
{
    QStringList lines;
    for (const Violation &v : violations)
        lines << u"  %1/%2:%3 includes <%4>"_s.arg(layer, v.file).arg(v.line).arg(v.header);
    return u"%1/ must not include these headers:\n%2"_s.arg(layer, lines.join(u'\n'));
}

const QStringList kCoreForbidden = {u"QtWidgets"_s, u"QtGui"_s, u"QtCharts"_s, u"QtPrintSupport"_s, u"QtNetwork"_s};
const QStringList kSyncForbidden = {u"QtWidgets"_s, u"QtGui"_s, u"QtCharts"_s};

QString binDir()
{
    const QString env = qEnvironmentVariable("STOREKEEP_BIN_DIR");
    return env.isEmpty() ? test::binaryDir() + u"/bin"_s : env;
}

// The shared libraries a binary loads, as ldd lists them.
QString linkedLibraries(const QString &binary, QString *error)
{
    QProcess ldd;
    ldd.start(u"ldd"_s, {binary});
    if (!ldd.waitForFinished(30000) || ldd.exitStatus() != QProcess::NormalExit || ldd.exitCode() != 0) {
        *error = u"ldd %1 failed: %2 %3"_s.arg(binary, ldd.errorString(),
                                              QString::fromLocal8Bit(ldd.readAllStandardError()));
        return {};
    }
    return QString::fromLocal8Bit(ldd.readAllStandardOutput());
}

QStringList linkedForbidden(const QString &lddOutput, const QStringList &libraries)
{
    QStringList found;
    for (const QString &lib : libraries) {
        if (lddOutput.contains(lib + u".so"_s))
            found << lib;
    }
    return found;
}

} // namespace

class tst_LayerRule : public QObject
{
    Q_OBJECT

private slots:
    void scannerCatchesForbiddenIncludes()
    {
        // The checks below pass vacuously if the scanner is blind: prove it sees these.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QDir(dir.path()).mkpath(u"storage"_s);
        QFile bad(dir.filePath(u"storage/bad.cpp"_s));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("#include <QString>\n#include \"util/result.h\"\n#include <QWidget>\n"
                  "  #  include <QtGui/QImage>\n#include <QPixmap>\n#include <QNetworkAccessManager>\n");
        bad.close();

        const QList<Violation> core = scan(dir.path(), kCoreForbidden);
        QStringList headers;
        for (const Violation &v : core)
            headers << v.header;
        QCOMPARE(headers, (QStringList{u"QWidget"_s, u"QtGui/QImage"_s, u"QPixmap"_s, u"QNetworkAccessManager"_s}));
        QCOMPARE(core.first().file, u"storage/bad.cpp"_s);
        QCOMPARE(core.first().line, 3);
        // Network is allowed in sync.
        QCOMPARE(scan(dir.path(), kSyncForbidden).size(), 3);
    }

    void coreIncludesNoGuiWidgetsChartsPrintOrNetwork()
    {
        const QString root = test::sourceDir() + u"/core"_s;
        QVERIFY2(QFileInfo(root).isDir(), qPrintable(root));
        const QList<Violation> violations = scan(root, kCoreForbidden);
        QVERIFY2(violations.isEmpty(), qPrintable(describe(u"core"_s, violations)));
    }

    void syncIncludesNoGuiWidgetsOrCharts()
    {
        const QString root = test::sourceDir() + u"/sync"_s;
        QVERIFY2(QFileInfo(root).isDir(), qPrintable(root));
        const QList<Violation> violations = scan(root, kSyncForbidden);
        QVERIFY2(violations.isEmpty(), qPrintable(describe(u"sync"_s, violations)));
    }

    void binariesLinkOnlyTheirLayers_data()
    {
        QTest::addColumn<QString>("binary");
        QTest::addColumn<QStringList>("forbidden");
        QTest::newRow("storekeep-server")
            << binDir() + u"/storekeep-server"_s
            << QStringList{u"libQt6Widgets"_s, u"libQt6Gui"_s, u"libcurl"_s, u"libqt6keychain"_s};
        QTest::newRow("storekeep-cli") << binDir() + u"/storekeep-cli"_s
                                       << QStringList{u"libQt6Widgets"_s, u"libQt6Gui"_s};
        // This very program links only core: it must pull in no Gui, Network or curl.
        QTest::newRow("core-only test") << QCoreApplication::applicationFilePath()
                                        << QStringList{u"libQt6Gui"_s, u"libQt6Widgets"_s, u"libQt6Network"_s,
                                                       u"libcurl"_s};
    }

    void binariesLinkOnlyTheirLayers()
    {
#ifndef Q_OS_LINUX
        QSKIP("The link check uses ldd, which is Linux-only.");
#endif
        QFETCH(QString, binary);
        QFETCH(QStringList, forbidden);
        QVERIFY2(QFileInfo(binary).isExecutable(),
                 qPrintable(u"%1 is missing: build all targets first (ninja -C build)"_s.arg(binary)));
        QString error;
        const QString libs = linkedLibraries(binary, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(libs.contains(u"libQt6Core.so"_s), qPrintable(u"unexpected ldd output:\n"_s + libs));
        const QStringList found = linkedForbidden(libs, forbidden);
        QVERIFY2(found.isEmpty(),
                 qPrintable(u"%1 links %2, which its layer must not use"_s.arg(binary, found.join(u", "_s))));
    }

    void everyTopLevelFolderHasAReadme_data()
    {
        QTest::addColumn<QString>("folder");
        for (const char *folder : {"core", "sync", "ui", "app", "server", "resources", "translations", "installer",
                                   "tests", "scripts"})
            QTest::newRow(folder) << QString::fromLatin1(folder);
    }

    void everyTopLevelFolderHasAReadme()
    {
        QFETCH(QString, folder);
        QFile readme(test::sourceDir() + u'/' + folder + u"/README.md"_s);
        QVERIFY2(readme.open(QIODevice::ReadOnly), qPrintable(folder + u"/README.md is missing"_s));
        QVERIFY2(readme.readAll().trimmed().size() > 40, qPrintable(folder + u"/README.md says next to nothing"_s));
    }
};

QTEST_GUILESS_MAIN(tst_LayerRule)
#include "tst_layerrule.moc"

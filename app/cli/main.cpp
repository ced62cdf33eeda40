// storekeep-cli: the command-line tool. Links sync and core only (no Widgets, no Gui), so
// it runs on a server or in CI. Exit codes: 0 ok, 1 error, 2 usage (see app/README.md).

#include "demo/demogenerator.h"
#include "demo/storedemosink.h"
#include "money/currency.h"
#include "money/money.h"
#include "storage/productrepository.h"
#include "storage/schemamigrator.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"
#include "syncinfo.h"
#include "cliio.h"
#include "synccommands.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTranslator>

#include <sqlite3.h>

#include <cstdio>
#include <optional>

using namespace sk;
using namespace Qt::StringLiterals;

namespace sk::cli {

QString usageText()
{
    return Tr::tr("Usage:\n"
                  "  storekeep-cli version\n"
                  "  storekeep-cli demo generate --scale small|medium|large --out FILE [--seed N] "
                  "[--end-date YYYY-MM-DD]\n"
                  "  storekeep-cli info FILE [--json]\n"
                  "  storekeep-cli search FILE TEXT [--limit N] [--json]\n"
                  "  storekeep-cli help\n")
           + syncUsageText()
           + Tr::tr("\n"
                    "Exit codes: 0 success, 1 error, 2 wrong usage, 3 server unreachable (edits kept), "
                    "4 not signed in, 5 refused by the server, 6 synced but some edits became sync issues.");
}

int usageError(const QString &problem)
{
    err(problem);
    write(stderr, usageText() + u'\n');
    return ExitUsage;
}

} // namespace sk::cli

namespace {

using namespace sk::cli;

StoreIdentity demoIdentity()
{
    // The same identity the desktop app uses for its local demo shop.
    return StoreIdentity{u"local-demo"_s, u"demo-outfitters"_s, u"demo"_s};
}

int runVersion()
{
    out(u"storekeep-cli %1"_s.arg(QStringLiteral(STOREKEEP_VERSION)));
    out(u"Qt %1"_s.arg(QString::fromLatin1(qVersion())));
    out(u"SQLite %1"_s.arg(QString::fromLatin1(sqlite3_libversion())));
    out(Tr::tr("Shop file schema %1").arg(SchemaMigrator::latestVersion()));
    out(SyncInfo::summary());
    return ExitOk;
}

int runDemo(const QStringList &args)
{
    if (args.isEmpty() || args.first() != "generate"_L1)
        return usageError(Tr::tr("Unknown demo command; use: demo generate."));
    const Arguments a =
        Arguments::parse(args.mid(1), {u"--scale"_s, u"--out"_s, u"--seed"_s, u"--end-date"_s}, {});
    if (!a.problem.isEmpty())
        return usageError(a.problem);
    if (!a.positional.isEmpty())
        return usageError(Tr::tr("Unexpected argument %1.").arg(a.positional.first()));

    const QString scaleText = a.options.value(u"--scale"_s, u"small"_s);
    const auto scale = demoScaleFromString(scaleText);
    if (!scale)
        return usageError(Tr::tr("Unknown scale \"%1\"; use small, medium or large.").arg(scaleText));
    const QString outPath = a.options.value(u"--out"_s);
    if (outPath.isEmpty())
        return usageError(Tr::tr("Say where to write the demo shop with --out FILE."));

    DemoOptions options;
    options.scale = *scale;
    if (a.options.contains(u"--seed"_s)) {
        bool ok = false;
        options.seed = a.options.value(u"--seed"_s).toULongLong(&ok);
        if (!ok)
            return usageError(Tr::tr("--seed needs a whole number, not \"%1\".").arg(a.options.value(u"--seed"_s)));
    }
    if (a.options.contains(u"--end-date"_s)) {
        const QDate end = QDate::fromString(a.options.value(u"--end-date"_s), Qt::ISODate);
        if (!end.isValid())
            return usageError(
                Tr::tr("--end-date needs a date as YYYY-MM-DD, not \"%1\".").arg(a.options.value(u"--end-date"_s)));
        options.endDate = end;
    }

    if (QFileInfo::exists(outPath)) {
        err(Tr::tr("%1 already exists; choose another --out file or delete it first.").arg(outPath));
        return ExitError;
    }
    const QString dir = QFileInfo(outPath).absolutePath();
    if (!QDir().mkpath(dir)) {
        err(Tr::tr("Cannot create the folder %1.").arg(dir));
        return ExitError;
    }
    auto store = ShopStore::open(outPath, demoIdentity());
    if (!store.ok()) {
        err(store.error().toString());
        return ExitError;
    }
    int lastPercent = -1;
    auto stats = generateDemoInto(**store, options, [&lastPercent](int percent) {
        if (percent / 10 != lastPercent / 10)
            write(stderr, Tr::tr("generating… %1%").arg(percent) + u'\n');
        lastPercent = percent;
        return true;
    });
    if (!stats.ok()) {
        // The file did not exist before: leave nothing half-made behind.
        store->reset();
        for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s})
            QFile::remove(outPath + suffix);
        err(Tr::tr("Generating the demo shop failed: %1").arg(stats.error().toString()));
        return ExitError;
    }
    const DemoStats &s = *stats;
    out(Tr::tr("Demo shop written to %1").arg(QFileInfo(outPath).absoluteFilePath()));
    const QList<std::pair<QString, qint64>> rows = {
        {Tr::tr("products"), s.products},   {Tr::tr("variants"), s.variants},
        {Tr::tr("locations"), s.locations}, {Tr::tr("customers"), s.customers},
        {Tr::tr("orders"), s.orders},       {Tr::tr("order lines"), s.orderLines},
        {Tr::tr("ledger entries"), s.ledgerEntries},
    };
    for (const auto &[name, count] : rows)
        out(u"  %1 %2"_s.arg(name + u':', -16).arg(count));
    out(Tr::tr("  took %1 ms").arg(s.elapsedMs));
    return ExitOk;
}

// Opens a shop file read-only, without migrating or claiming it.
Result<std::unique_ptr<SqliteDatabase>> openExisting(const QString &path)
{
    if (!QFileInfo(path).isFile())
        return makeError(u"cli.no_file"_s, Tr::tr("No shop file at %1.").arg(path));
    SK_TRY_ASSIGN(db, SqliteDatabase::open(path, SqliteDatabase::Mode::ReadOnly));
    SK_TRY(SchemaMigrator::checkVersion(*db));
    return db;
}

Result<QString> singleText(SqliteDatabase &db, const QByteArray &sql)
{
    SK_TRY_ASSIGN(stmt, db.prepare(sql));
    SK_TRY_ASSIGN(hasRow, stmt.step());
    return hasRow ? stmt.text(0) : QString();
}

int runInfo(const QStringList &args)
{
    const Arguments a = Arguments::parse(args, {}, {u"--json"_s});
    if (!a.problem.isEmpty())
        return usageError(a.problem);
    if (a.positional.size() != 1)
        return usageError(Tr::tr("info needs exactly one shop file."));
    const QString path = a.positional.first();
    auto opened = openExisting(path);
    if (!opened.ok()) {
        err(opened.error().toString());
        return ExitError;
    }
    SqliteDatabase &db = **opened;

    auto work = [&]() -> Result<QJsonObject> {
        SK_TRY_ASSIGN(version, db.userVersion());
        QJsonObject info{{u"file"_s, QFileInfo(path).absoluteFilePath()},
                         {u"schemaVersion"_s, version},
                         {u"latestSchemaVersion"_s, SchemaMigrator::latestVersion()}};
        SK_TRY_ASSIGN(hasMeta, db.queryInt64("SELECT count(*) FROM sqlite_schema WHERE name = 'store_meta'"));
        if (hasMeta) {
            QJsonObject identity;
            SK_TRY_ASSIGN(meta, db.prepare("SELECT key, value FROM store_meta ORDER BY key"));
            while (true) {
                SK_TRY_ASSIGN(row, meta.step());
                if (!row)
                    break;
                identity.insert(meta.text(0), meta.text(1));
            }
            info.insert(u"store"_s, identity);
        }
        SK_TRY_ASSIGN(hasShop, db.queryInt64("SELECT count(*) FROM sqlite_schema WHERE name = 'shop_settings'"));
        if (hasShop) {
            SK_TRY_ASSIGN(shop, db.prepare("SELECT name, currency, time_zone, locale FROM shop_settings"));
            SK_TRY_ASSIGN(row, shop.step());
            if (row) {
                info.insert(u"shop"_s, QJsonObject{{u"name"_s, shop.text(0)},
                                                   {u"currency"_s, shop.text(1)},
                                                   {u"timeZone"_s, shop.text(2)},
                                                   {u"locale"_s, shop.text(3)}});
            }
        }
        // Real tables only: not the FTS index's shadow tables or SQLite's own.
        SK_TRY_ASSIGN(tables, db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' "
                                         "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"));
        QStringList names;
        while (true) {
            SK_TRY_ASSIGN(row, tables.step());
            if (!row)
                break;
            names << tables.text(0);
        }
        QJsonObject counts;
        for (const QString &name : names) {
            QString quoted = name;
            quoted.replace(u'"', u"\"\""_s);
            SK_TRY_ASSIGN(count, db.queryInt64("SELECT count(*) FROM \"" + quoted.toUtf8() + '"'));
            counts.insert(name, count);
        }
        info.insert(u"tables"_s, counts);
        return info;
    };
    auto info = work();
    if (!info.ok()) {
        err(info.error().toString());
        return ExitError;
    }
    const QJsonObject &o = *info;
    if (a.flags.contains(u"--json"_s)) {
        write(stdout, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    out(Tr::tr("File:    %1").arg(o.value(u"file"_s).toString()));
    out(Tr::tr("Schema:  %1 (this build reads up to %2)")
            .arg(o.value(u"schemaVersion"_s).toInt())
            .arg(o.value(u"latestSchemaVersion"_s).toInt()));
    const QJsonObject store = o.value(u"store"_s).toObject();
    if (!store.isEmpty()) {
        out(Tr::tr("Store:   shop %1, user %2, server %3")
                .arg(store.value(u"shop_id"_s).toString(), store.value(u"user_id"_s).toString(),
                     store.value(u"server_url"_s).toString()));
    }
    const QJsonObject shop = o.value(u"shop"_s).toObject();
    if (!shop.isEmpty()) {
        out(Tr::tr("Shop:    %1 (%2, %3, %4)")
                .arg(shop.value(u"name"_s).toString(), shop.value(u"currency"_s).toString(),
                     shop.value(u"timeZone"_s).toString(), shop.value(u"locale"_s).toString()));
    }
    out(Tr::tr("Rows per table:"));
    const QJsonObject counts = o.value(u"tables"_s).toObject();
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        out(u"  %1 %2"_s.arg(it.key(), -24).arg(qint64(it.value().toDouble()), 10));
    return ExitOk;
}

int runSearch(const QStringList &args)
{
    const Arguments a = Arguments::parse(args, {u"--limit"_s}, {u"--json"_s});
    if (!a.problem.isEmpty())
        return usageError(a.problem);
    if (a.positional.size() != 2)
        return usageError(Tr::tr("search needs a shop file and the text to look for."));
    int limit = 50;
    if (a.options.contains(u"--limit"_s)) {
        bool ok = false;
        limit = a.options.value(u"--limit"_s).toInt(&ok);
        if (!ok || limit <= 0)
            return usageError(Tr::tr("--limit needs a positive whole number."));
    }
    auto opened = openExisting(a.positional.at(0));
    if (!opened.ok()) {
        err(opened.error().toString());
        return ExitError;
    }
    SqliteDatabase &db = **opened;
    ProductRepository repo(db);
    auto hits = repo.search(a.positional.at(1), limit);
    if (!hits.ok()) {
        err(hits.error().toString());
        return ExitError;
    }
    const QString currencyCode = singleText(db, "SELECT currency FROM shop_settings").valueOr(QString());
    const auto currency = Currency::fromCode(currencyCode);
    auto price = [&](qint64 minor) {
        return currency.ok() ? Money(minor, *currency).toDecimalString() + u' ' + currencyCode : QString::number(minor);
    };

    if (a.flags.contains(u"--json"_s)) {
        QJsonArray array;
        for (const VariantSearchHit &h : *hits) {
            array.append(QJsonObject{{u"sku"_s, h.sku},
                                     {u"barcode"_s, h.barcode},
                                     {u"title"_s, h.productTitle},
                                     {u"options"_s, h.optionsTitle},
                                     {u"price"_s, h.price},
                                     {u"currency"_s, currencyCode},
                                     {u"variantId"_s, h.variantId},
                                     {u"productId"_s, h.productId}});
        }
        write(stdout, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    if (hits->isEmpty()) {
        out(Tr::tr("No variant matches \"%1\".").arg(a.positional.at(1)));
        return ExitOk;
    }
    for (const VariantSearchHit &h : *hits) {
        const QString title = h.optionsTitle.isEmpty() ? h.productTitle : h.productTitle + u" — "_s + h.optionsTitle;
        out(u"%1  %2  %3"_s.arg(h.sku.isEmpty() ? u"-"_s : h.sku, -20).arg(title).arg(price(h.price)));
    }
    return ExitOk;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"storekeep-cli"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(STOREKEEP_VERSION));
    QTranslator translator;
    if (translator.load(QLocale(), u"storekeep"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(&translator);

    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty())
        return usageError(Tr::tr("Say what to do."));
    const QString command = args.first();
    const QStringList rest = args.mid(1);
    if (command == "version"_L1 || command == "--version"_L1)
        return runVersion();
    if (command == "help"_L1 || command == "--help"_L1 || command == "-h"_L1) {
        out(usageText());
        return ExitOk;
    }
    if (command == "demo"_L1)
        return runDemo(rest);
    if (command == "info"_L1)
        return runInfo(rest);
    if (command == "search"_L1)
        return runSearch(rest);
    if (const auto code = runSyncCommand(command, rest))
        return *code;
    return usageError(Tr::tr("Unknown command \"%1\".").arg(command));
}

#include "synccommands.h"

#include "auth/authsession.h"
#include "auth/profile.h"
#include "auth/secretstore.h"
#include "cliio.h"
#include "engine/syncengine.h"
#include "local/outbox.h"
#include "local/shopeditor.h"
#include "local/syncissues.h"
#include "money/currency.h"
#include "money/money.h"
#include "storage/inventoryrepository.h"
#include "storage/orderrepository.h"
#include "storage/productrepository.h"
#include "storage/shoprepository.h"
#include "storage/shopstore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLockFile>
#include <QTextStream>
#include <QThread>
#include <QTimeZone>

#include <csignal>
#include <memory>

namespace sk::cli {

namespace {

// Exit codes beyond 0/1/2 (documented in app/README.md): scripts branch on them.
enum SyncExit {
    ExitOffline = 3,      // the server could not be reached; the edits are kept
    ExitSignedOut = 4,    // not signed in, or the session ended
    ExitRefused = 5,      // the server refused: no access, or the app is too old
    ExitIssues = 6,       // synced, but some edits became sync issues
};

int failWith(const Error &error)
{
    err(error.toString());
    const QString &code = error.code;
    if (code == "sync.offline"_L1 || (code.startsWith("net."_L1) && code != "net.invalid_url"_L1))
        return ExitOffline;
    if (code.startsWith("auth."_L1) || code == "secret.unavailable"_L1)
        return ExitSignedOut;
    if (code == "sync.forbidden"_L1 || code == "sync.upgrade_required"_L1 || code == "sync.shop_access_lost"_L1)
        return ExitRefused;
    return ExitError;
}

void printJson(const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    write(stdout, QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
}

QString profileDir(const Arguments &a)
{
    return a.options.value(u"--profile"_s, Profile::defaultDirectory());
}

// A signed-in session and, when asked, the chosen shop's file.
struct Context
{
    std::unique_ptr<Profile> profile;
    std::unique_ptr<SecretStore> secrets;
    std::unique_ptr<AuthSession> auth;
    SessionInfo session;
    ShopMembership shop;
    std::unique_ptr<ShopStore> store;
};

Result<Context> openSession(const Arguments &a)
{
    Context c;
    c.profile = std::make_unique<Profile>(profileDir(a));
    SK_TRY(c.profile->load());
    c.secrets = std::make_unique<KeychainSecretStore>();
    c.auth = std::make_unique<AuthSession>(*c.secrets);
    if (const auto token = AuthSession::tokenFromEnvironment()) {
        const QString server = a.options.value(u"--server"_s, qEnvironmentVariable("STOREKEEP_SERVER",
                                                                                   c.profile->session().serverUrl));
        if (server.isEmpty())
            return makeError(u"cli.no_server"_s, Tr::tr("STOREKEEP_TOKEN is set: say which server with --server URL "
                                                        "or STOREKEEP_SERVER."));
        SK_TRY_ASSIGN(info, c.auth->useApiToken(server, *token));
        c.session = info;
        return c;
    }
    c.session = c.profile->session();
    if (c.session.serverUrl.isEmpty() || c.session.userId.isEmpty())
        return makeError(u"auth.signed_out"_s, Tr::tr("Not signed in. Run: storekeep-cli login --server URL --email "
                                                     "EMAIL"));
    SK_TRY(c.auth->resume(c.session));
    return c;
}

Result<void> chooseShop(Context &c, const Arguments &a)
{
    QString wanted = a.options.value(u"--shop"_s, qEnvironmentVariable("STOREKEEP_SHOP"));
    if (wanted.isEmpty())
        wanted = c.profile->currentShopId();
    if (wanted.isEmpty() && c.session.shops.size() == 1)
        wanted = c.session.shops.first().id;
    if (wanted.isEmpty()) {
        return makeError(u"cli.no_shop"_s, Tr::tr("Say which shop with --shop ID, or choose one with: storekeep-cli "
                                                 "shops --use ID"));
    }
    for (const ShopMembership &s : std::as_const(c.session.shops)) {
        if (s.id == wanted || s.name.compare(wanted, Qt::CaseInsensitive) == 0) {
            c.shop = s;
            break;
        }
    }
    if (c.shop.id.isEmpty()) {
        if (!c.session.apiTokenMode)
            return makeError(u"cli.unknown_shop"_s, Tr::tr("You are not a member of a shop \"%1\".").arg(wanted));
        c.shop.id = wanted; // an API token names its one shop only through --shop
    }
    QString userId = c.session.userId;
    if (c.session.apiTokenMode) {
        // One file per token, named by a hash prefix (never the token).
        userId = u"api-"_s + QString::fromLatin1(QCryptographicHash::hash(c.auth->accessToken().toUtf8(),
                                                                           QCryptographicHash::Sha256)
                                                      .toHex()
                                                      .left(16));
    }
    const QString path = c.session.apiTokenMode
                             ? QDir(c.profile->directory() + u"/shops"_s)
                                   .filePath(ShopStore::fileNameFor(StoreIdentity{c.session.serverUrl, c.shop.id, userId}))
                             : c.profile->storePathFor(c.shop.id);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return makeError(u"cli.profile"_s, Tr::tr("Cannot create the folder %1.").arg(QFileInfo(path).absolutePath()));
    SK_TRY_ASSIGN(store, ShopStore::open(path, StoreIdentity{c.session.serverUrl, c.shop.id, userId}));
    c.store = std::move(store);
    return {};
}

Result<Context> openShop(const Arguments &a)
{
    SK_TRY_ASSIGN(c, openSession(a));
    SK_TRY(chooseShop(c, a));
    return c;
}

Result<void> requireSynced(ShopStore &store)
{
    SK_TRY_ASSIGN(state, store.write([](SqliteDatabase &db) { return Outbox::state(db); }));
    if (!state.initialSyncDone)
        return makeError(u"cli.not_synced"_s, Tr::tr("This shop has not been downloaded yet. Run: storekeep-cli sync "
                                                    "--once"));
    return {};
}

const QSet<QString> kCommon = {u"--profile"_s, u"--shop"_s, u"--server"_s};

QSet<QString> options(QSet<QString> extra)
{
    return extra.unite(kCommon);
}

QString timeText(std::optional<qint64> ms)
{
    if (!ms)
        return Tr::tr("never");
    return QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// ---- login, logout, shops ------------------------------------------------------------------

int runLogin(const QStringList &args)
{
    const Arguments a = Arguments::parse(args, {u"--server"_s, u"--email"_s, u"--profile"_s},
                                         {u"--password-stdin"_s, u"--json"_s});
    if (!a.problem.isEmpty())
        return usageError(a.problem);
    QString server = a.options.value(u"--server"_s);
    const QString email = a.options.value(u"--email"_s);
    if (server.isEmpty() || email.isEmpty())
        return usageError(Tr::tr("login needs --server URL and --email EMAIL."));
    while (server.endsWith(u'/'))
        server.chop(1);
    QString password = qEnvironmentVariable("STOREKEEP_PASSWORD");
    if (a.flags.contains(u"--password-stdin"_s) || password.isEmpty()) {
        QTextStream in(stdin);
        password = in.readLine();
    }
    if (password.isEmpty())
        return usageError(Tr::tr("No password: pass it on standard input (--password-stdin) or in "
                                 "STOREKEEP_PASSWORD."));
    Profile profile(profileDir(a));
    if (auto loaded = profile.load(); !loaded.ok())
        return failWith(loaded.error());
    KeychainSecretStore secrets;
    AuthSession auth(secrets);
    auto info = auth.login(server, email, password);
    if (!info.ok())
        return failWith(info.error());
    profile.setSession(*info);
    if (info->shops.size() == 1)
        profile.setCurrentShopId(info->shops.first().id);
    if (auto saved = profile.save(); !saved.ok())
        return failWith(saved.error());
    if (a.flags.contains(u"--json"_s)) {
        QJsonArray shops;
        for (const ShopMembership &s : std::as_const(info->shops))
            shops.append(QJsonObject{{u"id"_s, s.id}, {u"name"_s, s.name}, {u"role"_s, s.role}});
        printJson(QJsonObject{{u"user"_s, info->email}, {u"server"_s, server}, {u"shops"_s, shops}});
        return ExitOk;
    }
    out(Tr::tr("Signed in to %1 as %2.").arg(server, info->email));
    for (const ShopMembership &s : std::as_const(info->shops))
        out(u"  %1  %2 (%3)"_s.arg(s.id, s.name, s.role));
    return ExitOk;
}

int runShops(const QStringList &args)
{
    const Arguments a = Arguments::parse(args, options({u"--use"_s}), {u"--json"_s});
    if (!a.problem.isEmpty())
        return usageError(a.problem);
    auto c = openSession(a);
    if (!c.ok())
        return failWith(c.error());
    if (!c->session.apiTokenMode) {
        // Refresh the list when the server is reachable; offline, the saved list is shown.
        if (auto me = c->auth->fetchMe(); me.ok()) {
            c->session = *me;
            c->profile->setSession(*me);
        }
    }
    if (a.options.contains(u"--use"_s)) {
        const QString wanted = a.options.value(u"--use"_s);
        QString found;
        for (const ShopMembership &s : std::as_const(c->session.shops)) {
            if (s.id == wanted || s.name.compare(wanted, Qt::CaseInsensitive) == 0)
                found = s.id;
        }
        if (found.isEmpty()) {
            err(Tr::tr("You are not a member of a shop \"%1\".").arg(wanted));
            return ExitError;
        }
        c->profile->setCurrentShopId(found);
    }
    if (auto saved = c->profile->save(); !saved.ok())
        return failWith(saved.error());
    const QString current = c->profile->currentShopId();
    if (a.flags.contains(u"--json"_s)) {
        QJsonArray shops;
        for (const ShopMembership &s : std::as_const(c->session.shops)) {
            shops.append(QJsonObject{{u"id"_s, s.id}, {u"name"_s, s.name}, {u"role"_s, s.role},
                                     {u"currency"_s, s.currency}, {u"current"_s, s.id == current}});
        }
        printJson(shops);
        return ExitOk;
    }
    for (const ShopMembership &s : std::as_const(c->session.shops))
        out(u"%1 %2  %3 (%4, %5)"_s.arg(s.id == current ? u"*"_s : u" "_s, s.id, s.name, s.role, s.currency));
    return ExitOk;
}

Result<qint64> pendingIn(Context &c, const ShopMembership &shop)
{
    const QString path = c.profile->storePathFor(shop.id);
    if (!QFileInfo::exists(path))
        return qint64(0);
    SK_TRY_ASSIGN(store, ShopStore::open(path, StoreIdentity{c.session.serverUrl, shop.id, c.session.userId}));
    return store->write([](SqliteDatabase &db) { return Outbox::pendingCount(db); });
}

int runLogout(const QStringList &args)
{
    const Arguments a =
        Arguments::parse(args, {u"--profile"_s}, {u"--sync"_s, u"--keep"_s, u"--discard"_s});
    if (!a.problem.isEmpty())
        return usageError(a.problem);
    const int choices = int(a.flags.contains(u"--sync"_s)) + int(a.flags.contains(u"--keep"_s))
                        + int(a.flags.contains(u"--discard"_s));
    if (choices > 1)
        return usageError(Tr::tr("Choose one of --sync, --keep and --discard."));
    auto c = openSession(a);
    if (!c.ok()) {
        if (c.error().code == "auth.signed_out"_L1) {
            out(Tr::tr("Not signed in."));
            return ExitOk;
        }
        return failWith(c.error());
    }
    qint64 total = 0;
    for (const ShopMembership &shop : std::as_const(c->session.shops)) {
        auto pending = pendingIn(*c, shop);
        if (!pending.ok())
            return failWith(pending.error());
        if (*pending == 0)
            continue;
        total += *pending;
        Arguments shopArgs = a;
        shopArgs.options.insert(u"--shop"_s, shop.id);
        if (a.flags.contains(u"--sync"_s)) {
            if (auto chosen = chooseShop(*c, shopArgs); !chosen.ok())
                return failWith(chosen.error());
            SyncEngine engine(*c->store, *c->auth, shop.id);
            if (auto synced = engine.pushOnly(); !synced.ok()) {
                err(Tr::tr("Could not send the edits of %1; still signed in.").arg(shop.name));
                return failWith(synced.error());
            }
            c->store.reset();
        } else if (a.flags.contains(u"--discard"_s)) {
            if (auto chosen = chooseShop(*c, shopArgs); !chosen.ok())
                return failWith(chosen.error());
            ShopEditor editor(*c->store);
            if (auto dropped = editor.discardPending(); !dropped.ok())
                return failWith(dropped.error());
            c->store.reset();
        } else if (!a.flags.contains(u"--keep"_s)) {
            err(Tr::tr("%n edit(s) in %1 are not synced yet.", nullptr, int(*pending)).arg(shop.name));
        }
    }
    if (total > 0 && choices == 0) {
        err(Tr::tr("Choose: --sync (send them now), --keep (keep them on this computer for the next sign-in) "
                   "or --discard (drop them)."));
        return ExitError;
    }
    if (auto loggedOut = c->auth->logout(); !loggedOut.ok())
        err(Tr::tr("The server was not told (%1); the session is removed from this computer.")
                .arg(loggedOut.error().message));
    if (auto cleared = c->profile->clear(); !cleared.ok())
        return failWith(cleared.error());
    out(Tr::tr("Signed out."));
    return ExitOk;
}

// ---- sync, status, issues ------------------------------------------------------------------

volatile std::sig_atomic_t g_stop = 0;

QJsonObject reportJson(const SyncReport &r)
{
    return QJsonObject{{u"pushed"_s, r.pushed},           {u"applied"_s, r.applied},
                       {u"duplicates"_s, r.duplicates},   {u"rejected"_s, r.rejected},
                       {u"conflicts"_s, r.conflicts},     {u"pulledChanges"_s, r.pulledChanges},
                       {u"pages"_s, r.pages},             {u"retries"_s, r.retries},
                       {u"initialSync"_s, r.initialSync}, {u"resync"_s, r.resync}};
}

QJsonObject statusJson(const SyncStatus &s)
{
    QJsonObject o{{u"state"_s, SyncStatus::stateName(s.state)},
                  {u"pending"_s, s.pending},
                  {u"issues"_s, s.issues},
                  {u"initialSyncDone"_s, s.initialSyncDone}};
    o.insert(u"lastSyncedAt"_s, s.lastSyncedAt ? QJsonValue(timeText(s.lastSyncedAt)) : QJsonValue());
    if (!s.lastError.isEmpty())
        o.insert(u"error"_s, s.lastError);
    return o;
}

int runSync(const QStringList &args)
{
    const Arguments a = Arguments::parse(args, options({u"--interval"_s, u"--page-limit"_s}),
                                         {u"--once"_s, u"--json"_s, u"--pull-only"_s});
    if (!a.problem.isEmpty())
        return usageError(a.problem);
    int intervalSeconds = 60;
    if (a.options.contains(u"--interval"_s)) {
        bool ok = false;
        intervalSeconds = a.options.value(u"--interval"_s).toInt(&ok);
        if (!ok || intervalSeconds < 1)
            return usageError(Tr::tr("--interval needs a whole number of seconds, at least 1."));
    }
    auto c = openShop(a);
    if (!c.ok())
        return failWith(c.error());
    // One pusher per shop file, shared with the desktop app's sync worker.
    QLockFile lock(c->store->path() + u".sync-lock"_s);
    lock.setStaleLockTime(0);
    if (!lock.tryLock(30'000)) {
        err(Tr::tr("Another Storekeep is syncing this shop right now; try again when it is done."));
        return ExitError;
    }
    SyncEngine::Options engineOptions;
    if (a.options.contains(u"--page-limit"_s)) {
        bool ok = false;
        engineOptions.pageLimit = a.options.value(u"--page-limit"_s).toInt(&ok);
        if (!ok || engineOptions.pageLimit < 1 || engineOptions.pageLimit > 5000)
            return usageError(Tr::tr("--page-limit needs a whole number from 1 to 5000."));
    }
    if (const QByteArray attempts = qgetenv("STOREKEEP_SYNC_ATTEMPTS"); !attempts.isEmpty())
        engineOptions.maxAttempts = qMax(1, attempts.toInt());
    SyncEngine engine(*c->store, *c->auth, c->shop.id, engineOptions);
    const bool json = a.flags.contains(u"--json"_s);
    if (!json) {
        engine.setProgressCallback([](const SyncProgress &p) {
            if (p.phase == SyncProgress::Phase::InitialSync && p.done > 0 && p.done % 10000 < 1000)
                write(stderr, Tr::tr("downloading… %1 records").arg(p.done) + u'\n');
        });
    }
    std::signal(SIGINT, [](int) { g_stop = 1; });
    std::signal(SIGTERM, [](int) { g_stop = 1; });
    while (true) {
        const qint64 issuesBefore = engine.status().valueOr(SyncStatus{}).issues;
        auto report = a.flags.contains(u"--pull-only"_s) ? engine.pullOnly() : engine.syncOnce();
        auto status = engine.status();
        if (!report.ok()) {
            if (json && status.ok())
                printJson(statusJson(*status));
            const bool retryLater = report.error().code == "sync.offline"_L1 || SyncEngine::isTransient(report.error());
            if (a.flags.contains(u"--once"_s) || !retryLater)
                return failWith(report.error());
            err(report.error().toString()); // keep running: the next round tries again
        } else if (json) {
            QJsonObject o = reportJson(*report);
            if (status.ok())
                o.insert(u"status"_s, statusJson(*status));
            printJson(o);
        } else {
            const SyncReport &r = *report;
            out(Tr::tr("Synced %1: sent %2 edit(s) (%3 applied, %4 already applied, %5 refused), received %6 "
                       "change(s).")
                    .arg(c->shop.name.isEmpty() ? c->shop.id : c->shop.name)
                    .arg(r.pushed)
                    .arg(r.applied)
                    .arg(r.duplicates)
                    .arg(r.rejected + r.conflicts)
                    .arg(r.pulledChanges));
            if (status.ok() && status->issues > 0)
                out(Tr::tr("%1 sync issue(s) need a decision: storekeep-cli issues").arg(status->issues));
        }
        if (a.flags.contains(u"--once"_s) || g_stop) {
            if (status.ok() && status->issues > issuesBefore)
                return ExitIssues;
            return report.ok() ? ExitOk : failWith(report.error());
        }
        for (int i = 0; i < intervalSeconds * 10 && !g_stop; ++i)
            QThread::msleep(100);
        if (g_stop)
            return ExitOk;
    }
}

int runStatus(const QStringList &args)
{
    const Arguments a = Arguments::parse(args, options({}), {u"--json"_s});
    if (!a.problem.isEmpty())
        return usageError(a.problem);
    auto c = openShop(a);
    if (!c.ok())
        return failWith(c.error());
    SyncEngine engine(*c->store, *c->auth, c->shop.id);
    auto status = engine.status();
    if (!status.ok())
        return failWith(status.error());
    if (a.flags.contains(u"--json"_s)) {
        QJsonObject o = statusJson(*status);
        o.insert(u"shop"_s, c->shop.id);
        o.insert(u"server"_s, c->session.serverUrl);
        printJson(o);
        return ExitOk;
    }
    out(Tr::tr("Shop:          %1 (%2)").arg(c->shop.name, c->shop.id));
    out(Tr::tr("Server:        %1").arg(c->session.serverUrl));
    out(Tr::tr("Pending edits: %1").arg(status->pending));
    out(Tr::tr("Sync issues:   %1").arg(status->issues));
    out(Tr::tr("Last sync:     %1").arg(timeText(status->lastSyncedAt)));
    if (!status->initialSyncDone)
        out(Tr::tr("Not downloaded yet: run storekeep-cli sync --once"));
    return ExitOk;
}

int runIssues(const QStringList &args)
{
    const Arguments a = Arguments::parse(args, options({u"--keep-mine"_s, u"--take-theirs"_s, u"--dismiss"_s}),
                                         {u"--json"_s});
    if (!a.problem.isEmpty())
        return usageError(a.problem);
    auto c = openShop(a);
    if (!c.ok())
        return failWith(c.error());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QString &option : {u"--keep-mine"_s, u"--take-theirs"_s, u"--dismiss"_s}) {
        if (!a.options.contains(option))
            continue;
        const QString id = a.options.value(option);
        auto done = c->store->write([&](SqliteDatabase &db) -> Result<void> {
            if (option == "--keep-mine"_L1) {
                SK_TRY(SyncIssues::keepMine(db, id, now));
                return {};
            }
            if (option == "--take-theirs"_L1)
                return SyncIssues::takeTheirs(db, id, now);
            return SyncIssues::dismiss(db, id, now);
        });
        if (!done.ok())
            return failWith(done.error());
        out(Tr::tr("Issue %1 resolved.").arg(id));
        return ExitOk;
    }
    auto issues = c->store->write([](SqliteDatabase &db) { return SyncIssues::open(db); });
    if (!issues.ok())
        return failWith(issues.error());
    if (a.flags.contains(u"--json"_s)) {
        QJsonArray array;
        for (const SyncIssue &i : std::as_const(*issues)) {
            array.append(QJsonObject{{u"id"_s, i.id},           {u"kind"_s, i.kind},
                                     {u"code"_s, i.code},       {u"message"_s, i.message},
                                     {u"mutation"_s, i.mutationName}, {u"args"_s, i.args},
                                     {u"details"_s, i.details}, {u"entityType"_s, i.entity.type},
                                     {u"entityId"_s, i.entity.id}});
        }
        printJson(array);
        return ExitOk;
    }
    if (issues->isEmpty())
        out(Tr::tr("No sync issues."));
    for (const SyncIssue &i : std::as_const(*issues))
        out(u"%1  %2  %3: %4"_s.arg(i.id, i.kind, i.mutationName, i.message));
    return ExitOk;
}

// ---- edits ------------------------------------------------------------------------------

int printQueued(const Result<OutboxEntry> &entry, const QString &what)
{
    if (!entry.ok())
        return failWith(entry.error());
    out(Tr::tr("Queued edit #%1: %2. Run storekeep-cli sync to send it.").arg(entry->seq).arg(what));
    return ExitOk;
}

Result<qint64> wholeNumber(const Arguments &a, const QString &option)
{
    bool ok = false;
    const qint64 value = a.options.value(option).toLongLong(&ok);
    if (!ok)
        return makeError(u"cli.usage"_s, Tr::tr("%1 needs a whole number, not \"%2\".").arg(option, a.options.value(option)));
    return value;
}

int runInventory(const QStringList &args)
{
    if (args.isEmpty())
        return usageError(Tr::tr("inventory needs adjust, count or show."));
    const QString sub = args.first();
    const Arguments a = Arguments::parse(
        args.mid(1),
        options({u"--sku"_s, u"--location"_s, u"--delta"_s, u"--reason"_s, u"--reference"_s, u"--note"_s,
                 u"--quantity"_s}),
        {u"--json"_s});
    if (!a.problem.isEmpty())
        return usageError(a.problem);
    if (!a.options.contains(u"--sku"_s))
        return usageError(Tr::tr("inventory %1 needs --sku SKU.").arg(sub));
    auto c = openShop(a);
    if (!c.ok())
        return failWith(c.error());
    if (auto synced = requireSynced(*c->store); !synced.ok())
        return failWith(synced.error());
    ShopEditor editor(*c->store);
    const QString sku = a.options.value(u"--sku"_s);
    auto variantId = editor.variantIdForSku(sku);
    if (!variantId.ok())
        return failWith(variantId.error());

    if (sub == "show"_L1) {
        auto levels = c->store->write([&](SqliteDatabase &db) -> Result<QList<std::pair<InventoryLevel, QString>>> {
            InventoryRepository inventory(db);
            ShopRepository shop(db);
            SK_TRY_ASSIGN(list, inventory.levelsOfVariant(*variantId));
            QList<std::pair<InventoryLevel, QString>> rows;
            for (const InventoryLevel &level : std::as_const(list)) {
                SK_TRY_ASSIGN(location, shop.location(level.locationId));
                rows.append({level, location ? location->name : level.locationId});
            }
            return rows;
        });
        if (!levels.ok())
            return failWith(levels.error());
        if (a.flags.contains(u"--json"_s)) {
            QJsonArray array;
            for (const auto &[level, name] : std::as_const(*levels)) {
                array.append(QJsonObject{{u"sku"_s, sku},
                                         {u"locationId"_s, level.locationId},
                                         {u"location"_s, name},
                                         {u"onHand"_s, level.onHand},
                                         {u"committed"_s, level.committed},
                                         {u"available"_s, level.available()}});
            }
            printJson(array);
            return ExitOk;
        }
        out(Tr::tr("%1  %2  %3  %4").arg(Tr::tr("Location"), -24).arg(Tr::tr("On hand"), 8)
                .arg(Tr::tr("Committed"), 9).arg(Tr::tr("Available"), 9));
        for (const auto &[level, name] : std::as_const(*levels))
            out(u"%1  %2  %3  %4"_s.arg(name, -24).arg(level.onHand, 8).arg(level.committed, 9).arg(level.available(), 9));
        return ExitOk;
    }

    if (!a.options.contains(u"--location"_s))
        return usageError(Tr::tr("inventory %1 needs --location LOCATION (its name, code or id).").arg(sub));
    auto locationId = editor.locationIdFor(a.options.value(u"--location"_s));
    if (!locationId.ok())
        return failWith(locationId.error());
    if (sub == "adjust"_L1) {
        if (!a.options.contains(u"--delta"_s) || !a.options.contains(u"--reason"_s))
            return usageError(Tr::tr("inventory adjust needs --delta N and --reason REASON."));
        auto delta = wholeNumber(a, u"--delta"_s);
        if (!delta.ok())
            return usageError(delta.error().message);
        const auto reason = fromString<InventoryReason>(a.options.value(u"--reason"_s));
        if (!reason)
            return usageError(Tr::tr("Unknown reason \"%1\".").arg(a.options.value(u"--reason"_s)));
        return printQueued(editor.adjustInventory(*variantId, *locationId, *delta, *reason,
                                                  a.options.value(u"--reference"_s), a.options.value(u"--note"_s)),
                           Tr::tr("%1 %2 at %3").arg(sku).arg(*delta > 0 ? u"+"_s + QString::number(*delta)
                                                                         : QString::number(*delta))
                               .arg(a.options.value(u"--location"_s)));
    }
    if (sub == "count"_L1) {
        if (!a.options.contains(u"--quantity"_s))
            return usageError(Tr::tr("inventory count needs --quantity N."));
        auto quantity = wholeNumber(a, u"--quantity"_s);
        if (!quantity.ok() || *quantity < 0)
            return usageError(Tr::tr("--quantity needs a whole number of 0 or more."));
        return printQueued(editor.countInventory(*variantId, *locationId, *quantity, a.options.value(u"--note"_s)),
                           Tr::tr("%1 counted %2 at %3").arg(sku).arg(*quantity).arg(a.options.value(u"--location"_s)));
    }
    return usageError(Tr::tr("Unknown inventory command \"%1\"; use adjust, count or show.").arg(sub));
}

int runProduct(const QStringList &args)
{
    if (args.isEmpty() || args.first() != "set-price"_L1)
        return usageError(Tr::tr("product needs set-price."));
    const Arguments a = Arguments::parse(args.mid(1), options({u"--sku"_s, u"--price"_s}), {});
    if (!a.problem.isEmpty())
        return usageError(a.problem);
    if (!a.options.contains(u"--sku"_s) || !a.options.contains(u"--price"_s))
        return usageError(Tr::tr("product set-price needs --sku SKU and --price PRICE."));
    auto c = openShop(a);
    if (!c.ok())
        return failWith(c.error());
    if (auto synced = requireSynced(*c->store); !synced.ok())
        return failWith(synced.error());
    auto settings = c->store->write([](SqliteDatabase &db) { return ShopRepository(db).settings(); });
    if (!settings.ok() || !*settings)
        return failWith(settings.ok() ? makeError(u"cli.no_settings"_s, Tr::tr("The shop's settings are missing."))
                                      : settings.error());
    auto currency = Currency::fromCode((*settings)->currency);
    if (!currency.ok())
        return failWith(currency.error());
    // Prices are typed with a dot as in scripts ("12.50"), whatever the machine's locale.
    auto price = Money::parse(a.options.value(u"--price"_s), *currency, QLocale::c());
    if (!price.ok())
        return usageError(price.error().message);
    ShopEditor editor(*c->store);
    auto variantId = editor.variantIdForSku(a.options.value(u"--sku"_s));
    if (!variantId.ok())
        return failWith(variantId.error());
    return printQueued(editor.setVariantPrice(*variantId, price->minorUnits()),
                       Tr::tr("%1 price %2 %3")
                           .arg(a.options.value(u"--sku"_s), price->toDecimalString(), (*settings)->currency));
}

int runOrder(const QStringList &args)
{
    if (args.isEmpty() || args.first() != "set-status"_L1)
        return usageError(Tr::tr("order needs set-status."));
    const Arguments a = Arguments::parse(args.mid(1), options({u"--order"_s, u"--status"_s, u"--reason"_s}), {});
    if (!a.problem.isEmpty())
        return usageError(a.problem);
    if (!a.options.contains(u"--order"_s) || !a.options.contains(u"--status"_s))
        return usageError(Tr::tr("order set-status needs --order NUMBER and --status STATUS."));
    const auto status = fromString<OrderStatus>(a.options.value(u"--status"_s));
    if (!status)
        return usageError(Tr::tr("Unknown order status \"%1\".").arg(a.options.value(u"--status"_s)));
    auto c = openShop(a);
    if (!c.ok())
        return failWith(c.error());
    if (auto synced = requireSynced(*c->store); !synced.ok())
        return failWith(synced.error());
    QString text = a.options.value(u"--order"_s);
    if (text.startsWith(u'#'))
        text.remove(0, 1);
    auto order = c->store->write([&](SqliteDatabase &db) -> Result<std::optional<Order>> {
        OrderRepository orders(db);
        bool isNumber = false;
        const qint64 number = text.toLongLong(&isNumber);
        return isNumber ? orders.orderByNumber(number) : orders.order(text);
    });
    if (!order.ok())
        return failWith(order.error());
    if (!*order) {
        err(Tr::tr("No order %1 in this shop.").arg(a.options.value(u"--order"_s)));
        return ExitError;
    }
    ShopEditor editor(*c->store);
    return printQueued(editor.setOrderStatus((*order)->id, *status, a.options.value(u"--reason"_s)),
                       Tr::tr("order #%1 → %2").arg((*order)->number).arg(toString(*status)));
}

} // namespace

QString syncUsageText()
{
    return Tr::tr("  storekeep-cli login --server URL --email EMAIL [--password-stdin] [--json]\n"
                  "  storekeep-cli logout [--sync | --keep | --discard]\n"
                  "  storekeep-cli shops [--use SHOP] [--json]\n"
                  "  storekeep-cli sync [--once] [--interval SECONDS] [--pull-only] [--page-limit N] [--json]\n"
                  "  storekeep-cli status [--json]\n"
                  "  storekeep-cli issues [--keep-mine ID | --take-theirs ID | --dismiss ID] [--json]\n"
                  "  storekeep-cli inventory adjust --sku SKU --location LOCATION --delta N --reason REASON "
                  "[--reference TEXT] [--note TEXT]\n"
                  "  storekeep-cli inventory count --sku SKU --location LOCATION --quantity N [--note TEXT]\n"
                  "  storekeep-cli inventory show --sku SKU [--json]\n"
                  "  storekeep-cli product set-price --sku SKU --price PRICE\n"
                  "  storekeep-cli order set-status --order NUMBER --status STATUS [--reason TEXT]\n"
                  "  (each also takes --profile DIR and --shop SHOP; STOREKEEP_TOKEN selects an API token)\n");
}

std::optional<int> runSyncCommand(const QString &command, const QStringList &args)
{
    if (command == "login"_L1)
        return runLogin(args);
    if (command == "logout"_L1)
        return runLogout(args);
    if (command == "shops"_L1)
        return runShops(args);
    if (command == "sync"_L1)
        return runSync(args);
    if (command == "status"_L1)
        return runStatus(args);
    if (command == "issues"_L1)
        return runIssues(args);
    if (command == "inventory"_L1)
        return runInventory(args);
    if (command == "product"_L1)
        return runProduct(args);
    if (command == "order"_L1)
        return runOrder(args);
    return std::nullopt;
}

} // namespace sk::cli

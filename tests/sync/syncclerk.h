#pragma once

// A Storekeep client for the sync tests: its own shop file, its own (in-memory) keychain, its own
// signed-in session and sync engine, against a real storekeep-server over loopback TCP.

#include "auth/authsession.h"
#include "auth/secretstore.h"
#include "engine/syncengine.h"
#include "local/outbox.h"
#include "local/shopeditor.h"
#include "local/syncissues.h"
#include "storage/inventoryrepository.h"
#include "storage/productrepository.h"
#include "storage/shopstore.h"

#include <QTemporaryDir>

#include <memory>

namespace sk::test {

class SyncClerk
{
public:
    static SyncEngine::Options fastOptions()
    {
        SyncEngine::Options o;
        o.maxAttempts = 3;
        o.backoffBaseMs = 20;
        o.backoffCapMs = 200;
        o.backoffSeed = 7;
        o.http.connectTimeoutMs = 2000;
        o.http.totalTimeoutMs = 20000;
        return o;
    }

    QTemporaryDir dir;
    MemorySecretStore secrets;
    std::unique_ptr<AuthSession> auth;
    std::unique_ptr<ShopStore> store;
    std::unique_ptr<SyncEngine> engine;
    std::unique_ptr<ShopEditor> editor;
    QString shopId;
    QString error;

    // Signs in and opens the shop file; does not sync.
    bool open(const QString &serverUrl, const QString &email, const QString &password, const QString &shop,
              const SyncEngine::Options &options = fastOptions())
    {
        shopId = shop;
        auth = std::make_unique<AuthSession>(secrets);
        auto info = auth->login(serverUrl, email, password);
        if (!info.ok())
            return fail(info.error().toString());
        return openStore(serverUrl, info->userId, options);
    }

    bool openStore(const QString &serverUrl, const QString &userId, const SyncEngine::Options &options = fastOptions())
    {
        engine.reset();
        editor.reset();
        store.reset();
        const StoreIdentity identity{serverUrl, shopId, userId};
        auto opened = ShopStore::open(dir.filePath(ShopStore::fileNameFor(identity)), identity);
        if (!opened.ok())
            return fail(opened.error().toString());
        store = std::move(*opened);
        engine = std::make_unique<SyncEngine>(*store, *auth, shopId, options);
        editor = std::make_unique<ShopEditor>(*store);
        return true;
    }

    bool sync()
    {
        auto report = engine->syncOnce();
        if (!report.ok())
            return fail(report.error().toString());
        last = *report;
        return true;
    }

    SyncReport last;

    qint64 pending()
    {
        return engine->status().valueOr(SyncStatus{}).pending;
    }

    qint64 openIssues()
    {
        return engine->status().valueOr(SyncStatus{}).issues;
    }

    QList<SyncIssue> issues()
    {
        auto reader = store->openReader();
        if (!reader.ok())
            return {};
        return SyncIssues::open(**reader).valueOr({});
    }

    // The visible level (-1 when there is none).
    qint64 onHand(const QString &variant, const QString &location)
    {
        auto reader = store->openReader();
        if (!reader.ok())
            return -1;
        InventoryRepository inventory(**reader);
        auto level = inventory.level(variant, location);
        return level.ok() && *level ? (*level)->onHand : -1;
    }

    bool fail(const QString &why)
    {
        if (error.isEmpty())
            error = why;
        return false;
    }
};

} // namespace sk::test

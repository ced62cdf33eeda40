#pragma once

#include "auth/authsession.h"
#include "engine/syncengine.h"
#include "engine/syncworker.h"
#include "util/result.h"

#include <QList>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace sk {

class Profile;
class ShopStore;

// The signed-in side of the desktop app: who is signed in (an AuthSession whose tokens are in
// the keychain, its non-secret part saved in the Profile) and the shop in use, with its own
// cache file (Profile::storePathFor: one per server, shop and user) and its own SyncWorker.
// Switching shop closes one file and opens the other, so each shop keeps its cache and its
// unsent edits. Network calls made from here (refreshing the shop list, signing out) run on a
// worker thread and report back through signals; the sync itself runs in the SyncWorker.
class ShopSession : public QObject
{
    Q_OBJECT

public:
    // Profile and session must outlive this object.
    ShopSession(Profile &profile, AuthSession &auth, QObject *parent = nullptr);
    ~ShopSession() override;

    Profile &profile() const { return m_profile; }
    AuthSession &auth() const { return m_auth; }

    // Who is signed in and their shops, as last saved or fetched.
    SessionInfo info() const;
    QList<ShopMembership> shops() const;
    // The shop in use (empty id when none is open) and the user's role in it.
    ShopMembership shop() const { return m_shop; }
    QString role() const { return m_shop.role; }
    ShopStore *store() const { return m_store.get(); }
    SyncWorker *syncWorker() const { return m_worker.get(); }
    // The last status the sync worker published for the open shop; nullopt before the first.
    std::optional<SyncStatus> lastSyncStatus() const { return m_lastStatus; }

    // For the next shop opened (tests shorten or lengthen the schedule).
    void setSyncOptions(const SyncWorker::Options &options) { m_syncOptions = options; }

    // Resumes the profile's saved session from the keychain (a blocking keychain read, done once
    // at start). Errors as AuthSession::resume: "auth.signed_out", "secret.unavailable".
    Result<void> resume();
    // Saves a new sign-in in the profile (nothing secret). The saved shop stays current when the
    // user is still a member of it.
    Result<void> adopt(const SessionInfo &info);
    // The shop to open without asking: the saved current one while still a member, else the only
    // one; empty when the user must choose.
    QString preferredShopId() const;

    // Opens the shop's own cache file (creating it), starts its sync and saves it as the current
    // shop. The shop open before stays open if this fails. Errors: "shop.unknown" (not one of
    // the user's shops), "profile.unwritable", store errors.
    Result<void> openShop(const QString &shopId);
    // Stops the sync and closes the shop's file.
    void closeShop();

    // Edits in the open shop the server has not acknowledged yet (0 when no shop is open).
    Result<qint64> pendingEdits() const;

    // Asks the server for the user's shops again, in the background: shopsChanged() when it
    // answers, sessionEnded() when the sign-in is no longer valid, nothing when offline.
    void refreshShops();

    // Signs out: stops the sync, closes the shop and forgets the session in the profile at once
    // (signedOut()); the shop caches and their unsent edits stay for the next sign-in. Telling
    // the server and removing the keychain entry happen in the background (logoutFinished()).
    void signOut();

    // Background work still running (refresh, sign-out).
    bool hasBackgroundWork() const { return !m_threads.isEmpty(); }

signals:
    // Before the open shop's file is closed, and after the new one is open.
    void shopAboutToChange();
    void shopChanged();
    void shopsChanged();
    // Forwarded from the open shop's SyncWorker.
    void syncStatusChanged(const sk::SyncStatus &status);
    void syncFinished(const sk::SyncReport &report, const QString &errorMessage);
    // The server ended the sign-in (refresh refused, revoked elsewhere): sign in again.
    void sessionEnded(const QString &message);
    void signedOut();
    void logoutFinished();

private:
    // Runs work() on a new thread, then done() on this object's thread.
    void runInBackground(std::function<void()> work, std::function<void()> done);
    void onSyncStatus(const SyncStatus &status);

    Profile &m_profile;
    AuthSession &m_auth;
    ShopMembership m_shop;
    std::unique_ptr<ShopStore> m_store;
    std::unique_ptr<SyncWorker> m_worker;
    SyncWorker::Options m_syncOptions;
    std::optional<SyncStatus> m_lastStatus;
    QList<QThread *> m_threads;
    int m_generation = 0; // bumped by every sign-in and sign-out: late answers of an older one are dropped
    bool m_endedReported = false;
};

} // namespace sk

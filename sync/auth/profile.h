#pragma once

#include "auth/authsession.h"
#include "util/result.h"

#include <QString>

namespace sk {

// The non-secret state of one profile directory (the app's local data folder by default, or
// --profile DIR): who is signed in on which server, their shops with role, currency, time zone
// and locale, and the shop in use, in DIR/profile.json; each shop's local cache in DIR/shops/.
// Never a token or a password: those live only in the SecretStore (AuthSession), so this
// folder can be backed up or copied without leaking a credential.
class Profile
{
public:
    static constexpr int FormatVersion = 1;

    // QStandardPaths::AppLocalDataLocation.
    static QString defaultDirectory();

    explicit Profile(QString directory = defaultDirectory());

    QString directory() const { return m_directory; }
    QString filePath() const; // DIR/profile.json

    // Reads profile.json. No file is an empty profile, not an error. Errors: "profile.unreadable",
    // "profile.corrupt", "profile.newer" (written by a newer Storekeep; left untouched).
    Result<void> load();
    // Writes profile.json atomically (QSaveFile), creating the directory (owner-only) if needed.
    // Error: "profile.unwritable".
    Result<void> save() const;
    // Forgets the session and the current shop and removes profile.json. The shop caches stay,
    // unsent edits included: they are sent when the same user signs in again.
    Result<void> clear();

    // A session was saved (a user's, or an API-token one, which names only the server).
    bool hasSession() const;
    const SessionInfo &session() const { return m_session; }
    void setSession(const SessionInfo &session);

    QString currentShopId() const { return m_currentShopId; }
    void setCurrentShopId(const QString &shopId) { m_currentShopId = shopId; }

    // DIR/shops/<ShopStore::fileNameFor({server, shop, user})>: one file per server, shop and user.
    QString storePathFor(const QString &shopId) const;
    // storePathFor(), after creating DIR/shops (owner-only). Error: "profile.unwritable".
    Result<QString> prepareStorePath(const QString &shopId) const;

private:
    QString m_directory;
    SessionInfo m_session;
    QString m_currentShopId;
};

} // namespace sk

#include "auth/shopsession.h"

#include "auth/profile.h"
#include "local/outbox.h"
#include "storage/shopstore.h"

#include <QCoreApplication>
#include <QDebug>
#include <QThread>

#include <optional>

using namespace Qt::StringLiterals;

namespace sk {

ShopSession::ShopSession(Profile &profile, AuthSession &auth, QObject *parent)
    : QObject(parent), m_profile(profile), m_auth(auth)
{
}

ShopSession::~ShopSession()
{
    closeShop();
    // Background calls use the AuthSession, which the caller destroys after us.
    for (QThread *thread : std::as_const(m_threads)) {
        thread->wait();
        delete thread;
    }
}

SessionInfo ShopSession::info() const
{
    return m_profile.session();
}

QList<ShopMembership> ShopSession::shops() const
{
    return m_profile.session().shops;
}

Result<void> ShopSession::resume()
{
    ++m_generation;
    m_endedReported = false;
    return m_auth.resume(m_profile.session());
}

Result<void> ShopSession::adopt(const SessionInfo &info)
{
    ++m_generation;
    m_endedReported = false;
    const QString current = m_profile.currentShopId();
    const bool sameUser = m_profile.session().serverUrl == info.serverUrl && m_profile.session().userId == info.userId;
    m_profile.setSession(info);
    bool stillMember = false;
    for (const ShopMembership &shop : info.shops)
        stillMember = stillMember || shop.id == current;
    if (!sameUser || !stillMember)
        m_profile.setCurrentShopId(info.shops.size() == 1 ? info.shops.first().id : QString());
    return m_profile.save();
}

QString ShopSession::preferredShopId() const
{
    const QList<ShopMembership> list = shops();
    const QString current = m_profile.currentShopId();
    for (const ShopMembership &shop : list) {
        if (shop.id == current)
            return current;
    }
    return list.size() == 1 ? list.first().id : QString();
}

Result<void> ShopSession::openShop(const QString &shopId)
{
    const SessionInfo session = m_profile.session();
    std::optional<ShopMembership> membership;
    for (const ShopMembership &shop : session.shops) {
        if (shop.id == shopId)
            membership = shop;
    }
    if (!membership) {
        return makeError(u"shop.unknown"_s,
                         tr("You are not a member of the shop %1 on %2.").arg(shopId, session.serverUrl));
    }
    SK_TRY_ASSIGN(path, m_profile.prepareStorePath(shopId));
    // Open the new file before closing the old one: a failure leaves the user where they were.
    SK_TRY_ASSIGN(store, ShopStore::open(path, StoreIdentity{session.serverUrl, shopId, session.userId}));

    emit shopAboutToChange();
    closeShop();
    m_store = std::move(store);
    m_shop = *membership;
    m_lastStatus.reset();
    m_worker = std::make_unique<SyncWorker>(*m_store, m_auth, shopId, m_syncOptions);
    connect(m_worker.get(), &SyncWorker::statusChanged, this, &ShopSession::onSyncStatus);
    connect(m_worker.get(), &SyncWorker::syncFinished, this, &ShopSession::syncFinished);
    m_worker->start();

    m_profile.setCurrentShopId(shopId);
    if (const Result<void> saved = m_profile.save(); !saved.ok())
        qWarning().noquote() << "could not remember the current shop:" << saved.error().toString();
    emit shopChanged();
    return {};
}

void ShopSession::closeShop()
{
    if (m_worker) {
        m_worker->stop();
        m_worker.reset();
    }
    m_store.reset();
    m_shop = ShopMembership{};
}

Result<qint64> ShopSession::pendingEdits() const
{
    if (!m_store)
        return qint64(0);
    // A reader of its own: the writer may be busy with a sync transaction.
    SK_TRY_ASSIGN(reader, m_store->openReader());
    return Outbox::pendingCount(*reader);
}

void ShopSession::onSyncStatus(const SyncStatus &status)
{
    m_lastStatus = status;
    emit syncStatusChanged(status);
    if (status.state == SyncStatus::State::SignedOut && !m_endedReported) {
        m_endedReported = true;
        emit sessionEnded(status.lastError.isEmpty() ? tr("Your sign-in has ended; sign in again. Unsent changes are "
                                                          "kept.")
                                                     : status.lastError);
    }
}

void ShopSession::refreshShops()
{
    if (!m_auth.isSignedIn() || m_profile.session().apiTokenMode)
        return;
    const int generation = m_generation;
    auto result = std::make_shared<std::optional<Result<SessionInfo>>>();
    AuthSession *auth = &m_auth;
    runInBackground([auth, result] { *result = auth->fetchMe(); },
                    [this, result, generation] {
                        if (generation != m_generation || !*result)
                            return; // signed out or in again meanwhile
                        const Result<SessionInfo> &me = **result;
                        if (!me.ok()) {
                            if (me.error().code == "auth.signed_out"_L1 && !m_endedReported) {
                                m_endedReported = true;
                                emit sessionEnded(me.error().message);
                            }
                            return; // offline: the saved list stays
                        }
                        SessionInfo saved = m_profile.session();
                        if (saved.userId != me->userId)
                            return;
                        saved.email = me->email;
                        saved.name = me->name;
                        saved.shops = me->shops;
                        m_profile.setSession(saved);
                        if (const Result<void> written = m_profile.save(); !written.ok())
                            qWarning().noquote() << "could not save the shop list:" << written.error().toString();
                        for (const ShopMembership &shop : std::as_const(saved.shops)) {
                            if (shop.id == m_shop.id)
                                m_shop = shop; // the role may have changed
                        }
                        emit shopsChanged();
                    });
}

void ShopSession::signOut()
{
    ++m_generation;
    emit shopAboutToChange();
    closeShop();
    if (const Result<void> cleared = m_profile.clear(); !cleared.ok())
        qWarning().noquote() << "could not clear the profile:" << cleared.error().toString();
    AuthSession *auth = &m_auth;
    runInBackground(
        [auth] {
            // Best effort: offline, the server's session simply runs out; the keychain entry
            // goes either way.
            if (const Result<void> done = auth->logout(); !done.ok())
                qWarning().noquote() << "sign-out:" << done.error().toString();
        },
        [this] { emit logoutFinished(); });
    emit signedOut();
}

void ShopSession::runInBackground(std::function<void()> work, std::function<void()> done)
{
    QThread *thread = QThread::create(std::move(work));
    thread->setObjectName(u"session"_s);
    m_threads.append(thread);
    connect(thread, &QThread::finished, this, [this, thread, done = std::move(done)] {
        thread->wait();
        m_threads.removeOne(thread);
        thread->deleteLater();
        done();
    });
    thread->start();
}

} // namespace sk

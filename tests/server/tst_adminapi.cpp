// AdminApi over real TCP: shop settings, members (with last-owner protection) and API tokens
// (shown once, stored hashed, scoped to one shop and one role, revocable), across two shops.

#include "serverfixture.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace sk;
using namespace Qt::StringLiterals;

namespace {

const QString Password = u"admin-test-pw-1"_s;

QStringList emailsOf(const test::HttpResult &list)
{
    QStringList emails;
    for (const QJsonValue &item : list.json.value(u"items"_s).toArray())
        emails.append(item[u"email"_s].toString() + u':' + item[u"role"_s].toString());
    return emails;
}

QByteArray allFiles(const QString &dir)
{
    QByteArray all;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

} // namespace

class tst_AdminApi : public QObject
{
    Q_OBJECT

private:
    test::ServerProcess m_server;
    QString m_shopA;
    QString m_shopB;
    QString m_ownerA;  // access tokens
    QString m_staffA;
    QString m_ownerB;
    QString m_ownerAId;
    QString m_ownerBId;
    QString m_warehouseId;

    test::HttpClient http() const { return test::HttpClient(m_server.port()); }
    QString shopPath(const QString &shop, const QString &rest = {}) const { return u"/v1/shops/"_s + shop + rest; }

    QString createShop(const QString &name)
    {
        const auto [code, out] = m_server.admin({u"create-shop"_s, u"--name"_s, name, u"--currency"_s, u"USD"_s,
                                                 u"--time-zone"_s, u"America/New_York"_s});
        return code == 0 ? QString::fromLatin1(out.trimmed()) : QString();
    }

    QString createUser(const QString &email, const QString &name)
    {
        const auto [code, out] = m_server.admin({u"create-user"_s, u"--email"_s, email, u"--name"_s, name},
                                                Password.toUtf8() + '\n');
        return code == 0 ? QString::fromLatin1(out.trimmed()) : QString();
    }

    bool addMember(const QString &shop, const QString &email, const QString &role)
    {
        return m_server.admin({u"add-member"_s, u"--shop"_s, shop, u"--email"_s, email, u"--role"_s, role}).first == 0;
    }

    QString login(const QString &email)
    {
        const test::HttpResult result =
            http().post(u"/v1/auth/login"_s, {{u"email"_s, email}, {u"password"_s, Password}});
        return result.json.value(u"access_token"_s).toString();
    }

private slots:
    void initTestCase()
    {
        m_shopA = createShop(u"Admin A"_s);
        m_shopB = createShop(u"Admin B"_s);
        QVERIFY(!m_shopA.isEmpty() && !m_shopB.isEmpty());
        m_ownerAId = createUser(u"owner@a.test"_s, u"Owner A"_s);
        QVERIFY(!createUser(u"staff@a.test"_s, u"Staff A"_s).isEmpty());
        m_warehouseId = createUser(u"ware@a.test"_s, u"Ware House"_s);
        m_ownerBId = createUser(u"owner@b.test"_s, u"Owner B"_s);
        QVERIFY(!m_ownerAId.isEmpty() && !m_warehouseId.isEmpty() && !m_ownerBId.isEmpty());
        QVERIFY(addMember(m_shopA, u"owner@a.test"_s, u"owner"_s));
        QVERIFY(addMember(m_shopA, u"staff@a.test"_s, u"staff"_s));
        QVERIFY(addMember(m_shopB, u"owner@b.test"_s, u"owner"_s));
        QVERIFY(m_server.start());
        m_ownerA = login(u"owner@a.test"_s);
        m_staffA = login(u"staff@a.test"_s);
        m_ownerB = login(u"owner@b.test"_s);
        QVERIFY(!m_ownerA.isEmpty() && !m_staffA.isEmpty() && !m_ownerB.isEmpty());
    }

    void shopSettingsForAnyMember()
    {
        const test::HttpResult owner = http().get(shopPath(m_shopA), m_ownerA);
        QCOMPARE(owner.status, 200);
        QCOMPARE(owner.json.value(u"shop_id"_s).toString(), m_shopA);
        QCOMPARE(owner.json.value(u"name"_s).toString(), u"Admin A"_s);
        QCOMPARE(owner.json.value(u"currency"_s).toString(), u"USD"_s);
        QCOMPARE(owner.json.value(u"time_zone"_s).toString(), u"America/New_York"_s);
        QCOMPARE(http().get(shopPath(m_shopA), m_staffA).status, 200);

        // Another shop's owner, and a shop that does not exist, get the same 404.
        const test::HttpResult foreign = http().get(shopPath(m_shopA), m_ownerB);
        const test::HttpResult missing = http().get(shopPath(u"0190a4c2-7b1e-7c3d-8e4f-5a6b7c8d9e0f"_s), m_ownerB);
        QCOMPARE(foreign.status, 404);
        QCOMPARE(foreign.errorCode(), u"not_found.shop"_s);
        QCOMPARE(missing.body, foreign.body);
        QCOMPARE(http().get(shopPath(m_shopA)).status, 401);
    }

    void membersNeedManageStaff()
    {
        const test::HttpResult list = http().get(shopPath(m_shopA, u"/members"_s), m_ownerA);
        QCOMPARE(list.status, 200);
        QCOMPARE(emailsOf(list), QStringList({u"owner@a.test:owner"_s, u"staff@a.test:staff"_s}));
        const QJsonObject first = list.json[u"items"_s][0].toObject();
        QCOMPARE(first.value(u"user_id"_s).toString(), m_ownerAId);
        QCOMPARE(first.value(u"name"_s).toString(), u"Owner A"_s);

        const test::HttpResult staff = http().get(shopPath(m_shopA, u"/members"_s), m_staffA);
        QCOMPARE(staff.status, 403);
        QCOMPARE(staff.errorCode(), u"forbidden.role"_s);
        QCOMPARE(http().get(shopPath(m_shopA, u"/members"_s), m_ownerB).status, 404);
    }

    void addAndRemoveMembers()
    {
        const QString members = shopPath(m_shopA, u"/members"_s);
        const test::HttpResult added =
            http().post(members, {{u"email"_s, u"ware@a.test"_s}, {u"role"_s, u"warehouse"_s}}, m_ownerA);
        QCOMPARE(added.status, 201);
        QCOMPARE(added.json.value(u"user_id"_s).toString(), m_warehouseId);
        QCOMPARE(added.json.value(u"email"_s).toString(), u"ware@a.test"_s);
        QCOMPARE(added.json.value(u"name"_s).toString(), u"Ware House"_s);
        QCOMPARE(added.json.value(u"role"_s).toString(), u"warehouse"_s);
        QVERIFY(emailsOf(http().get(members, m_ownerA)).contains(u"ware@a.test:warehouse"_s));

        const test::HttpResult unknown =
            http().post(members, {{u"email"_s, u"ghost@a.test"_s}, {u"role"_s, u"staff"_s}}, m_ownerA);
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.errorCode(), u"not_found.user"_s);
        const test::HttpResult badRole =
            http().post(members, {{u"email"_s, u"ware@a.test"_s}, {u"role"_s, u"admin"_s}}, m_ownerA);
        QCOMPARE(badRole.status, 400);
        QCOMPARE(badRole.errorCode(), u"validation.invalid_field"_s);
        QCOMPARE(badRole.json[u"error"_s][u"field"_s].toString(), u"role"_s);
        QCOMPARE(http().post(members, {{u"role"_s, u"staff"_s}}, m_ownerA).errorCode(),
                 u"validation.missing_field"_s);
        QCOMPARE(http().post(members, {{u"email"_s, u"ware@a.test"_s}, {u"role"_s, u"owner"_s}}, m_staffA).status,
                 403);

        const QString wareMember = members + u'/' + m_warehouseId;
        QCOMPARE(http().request("DELETE", wareMember, {}, m_ownerA).status, 204);
        const test::HttpResult again = http().request("DELETE", wareMember, {}, m_ownerA);
        QCOMPARE(again.status, 404);
        QCOMPARE(again.errorCode(), u"not_found.member"_s);
        QVERIFY(!emailsOf(http().get(members, m_ownerA)).join(u' ').contains(u"ware@"_s));
    }

    void theLastOwnerStays()
    {
        const QString members = shopPath(m_shopA, u"/members"_s);
        const test::HttpResult removeSelf = http().request("DELETE", members + u'/' + m_ownerAId, {}, m_ownerA);
        QCOMPARE(removeSelf.status, 409);
        QCOMPARE(removeSelf.errorCode(), u"conflict.last_owner"_s);
        const test::HttpResult demote =
            http().post(members, {{u"email"_s, u"owner@a.test"_s}, {u"role"_s, u"staff"_s}}, m_ownerA);
        QCOMPARE(demote.status, 409);
        QCOMPARE(demote.errorCode(), u"conflict.last_owner"_s);
        QCOMPARE(emailsOf(http().get(members, m_ownerA)).first(), u"owner@a.test:owner"_s);

        // With a second owner, one of them may go.
        QCOMPARE(http().post(members, {{u"email"_s, u"owner@b.test"_s}, {u"role"_s, u"owner"_s}}, m_ownerA).status,
                 201);
        QCOMPARE(http().get(shopPath(m_shopA), m_ownerB).status, 200);
        QCOMPARE(http().request("DELETE", members + u'/' + m_ownerBId, {}, m_ownerA).status, 204);
        QCOMPARE(http().get(shopPath(m_shopA), m_ownerB).status, 404);
    }

    void apiTokensAreScopedShownOnceAndRevocable()
    {
        const QString tokens = shopPath(m_shopA, u"/api-tokens"_s);
        const test::HttpResult created =
            http().post(tokens, {{u"name"_s, u"Scanner"_s}, {u"role"_s, u"warehouse"_s}}, m_ownerA);
        QCOMPARE(created.status, 201);
        const QString token = created.json.value(u"token"_s).toString();
        const QString tokenId = created.json.value(u"id"_s).toString();
        QVERIFY2(token.startsWith(u"skapi_"_s), qPrintable(token));
        QCOMPARE(created.json.value(u"name"_s).toString(), u"Scanner"_s);
        QCOMPARE(created.json.value(u"role"_s).toString(), u"warehouse"_s);

        // Listed without the token itself.
        const test::HttpResult list = http().get(tokens, m_ownerA);
        QCOMPARE(list.status, 200);
        QVERIFY(!list.body.contains(token.toUtf8()));
        const QJsonArray items = list.json.value(u"items"_s).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first()[u"id"_s].toString(), tokenId);
        QCOMPARE(items.first()[u"role"_s].toString(), u"warehouse"_s);
        QVERIFY(items.first()[u"created_at"_s].isDouble());
        QVERIFY(items.first()[u"revoked_at"_s].isNull());
        QVERIFY(!items.first().toObject().contains(u"token"_s));
        QVERIFY2(!allFiles(m_server.dataDir()).contains(token.toUtf8()), "API tokens are stored hashed");

        // It acts in its shop with its role...
        QCOMPARE(http().get(shopPath(m_shopA), token).status, 200);
        const test::HttpResult members = http().get(shopPath(m_shopA, u"/members"_s), token);
        QCOMPARE(members.status, 403);
        QCOMPARE(members.errorCode(), u"forbidden.role"_s);
        QCOMPARE(http().get(shopPath(m_shopA, u"/customers"_s), token).errorCode(), u"forbidden.role"_s);
        // ... and nowhere else: another shop is "not found", and it has no user.
        const test::HttpResult otherShop = http().get(shopPath(m_shopB), token);
        QCOMPARE(otherShop.status, 404);
        QCOMPARE(otherShop.errorCode(), u"not_found.shop"_s);
        QCOMPARE(http().get(shopPath(m_shopB, u"/members"_s), token).status, 404);
        QCOMPARE(http().get(u"/v1/me"_s, token).errorCode(), u"forbidden.api_token"_s);

        // Staff cannot manage tokens; shop B cannot touch shop A's.
        QCOMPARE(http().get(tokens, m_staffA).status, 403);
        QCOMPARE(http().post(tokens, {{u"name"_s, u"x"_s}, {u"role"_s, u"owner"_s}}, m_staffA).status, 403);
        QCOMPARE(http().request("DELETE", shopPath(m_shopB, u"/api-tokens/"_s + tokenId), {}, m_ownerB).status, 404);
        QCOMPARE(http().get(shopPath(m_shopA), token).status, 200);

        QCOMPARE(http().post(tokens, {{u"name"_s, u"x"_s}, {u"role"_s, u"root"_s}}, m_ownerA).status, 400);
        QCOMPARE(http().post(tokens, {{u"role"_s, u"staff"_s}}, m_ownerA).errorCode(), u"validation.missing_field"_s);

        // Revoked: refused from then on, and listed as revoked.
        QCOMPARE(http().request("DELETE", tokens + u'/' + tokenId, {}, m_ownerA).status, 204);
        const test::HttpResult revoked = http().get(shopPath(m_shopA), token);
        QCOMPARE(revoked.status, 401);
        QCOMPARE(revoked.errorCode(), u"auth.token_revoked"_s);
        QVERIFY(http().get(tokens, m_ownerA).json[u"items"_s][0][u"revoked_at"_s].isDouble());
        const test::HttpResult unknown =
            http().request("DELETE", tokens + u"/0190a4c2-7b1e-7c3d-8e4f-5a6b7c8d9e0f"_s, {}, m_ownerA);
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.errorCode(), u"not_found.api_token"_s);

        const test::HttpResult forged = http().get(shopPath(m_shopA), u"skapi_not-a-real-token"_s);
        QCOMPARE(forged.status, 401);
        QCOMPARE(forged.errorCode(), u"auth.invalid_token"_s);
    }

    void cliTokensWork()
    {
        const auto [code, out] = m_server.admin({u"create-api-token"_s, u"--shop"_s, m_shopB, u"--role"_s,
                                                 u"staff"_s, u"--name"_s, u"Storefront"_s});
        QCOMPARE(code, 0);
        const QString token = QString::fromLatin1(out.trimmed());
        QVERIFY2(token.startsWith(u"skapi_"_s) && !token.contains(u'\n'), out.constData());
        QCOMPARE(http().get(shopPath(m_shopB), token).status, 200);
        QCOMPARE(http().get(shopPath(m_shopA), token).status, 404);
        QCOMPARE(http().get(shopPath(m_shopB, u"/api-tokens"_s), token).status, 403); // staff role
        const test::HttpResult list = http().get(shopPath(m_shopB, u"/api-tokens"_s), m_ownerB);
        QCOMPARE(list.json[u"items"_s][0][u"name"_s].toString(), u"Storefront"_s);
    }
};

QTEST_GUILESS_MAIN(tst_AdminApi)
#include "tst_adminapi.moc"

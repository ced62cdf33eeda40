#pragma once

// Row-by-row comparison of a client's shop file with the server: every record in the server's
// full change feed (the latest document per id, tombstones removed) must be in the client's file
// with the same document, and the client must hold no synced record the server does not.

#include "../server/synctestsupport.h"

#include "local/entitydocuments.h"
#include "storage/shopstore.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>

namespace sk::test {

inline QJsonValue normalizedJson(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it) {
            if (it.key() == QLatin1String("available") || it.value().isNull())
                continue; // derived, or the same as absent
            out.insert(it.key(), normalizedJson(it.value()));
        }
        return out;
    }
    if (value.isArray()) {
        QList<QJsonValue> items;
        for (const QJsonValue &v : value.toArray())
            items.append(normalizedJson(v));
        std::sort(items.begin(), items.end(), [](const QJsonValue &a, const QJsonValue &b) {
            const QString ka = a.toObject().value(QLatin1String("id")).toString()
                               + a.toObject().value(QLatin1String("order_line_id")).toString();
            const QString kb = b.toObject().value(QLatin1String("id")).toString()
                               + b.toObject().value(QLatin1String("order_line_id")).toString();
            return ka < kb;
        });
        QJsonArray out;
        for (const QJsonValue &v : items)
            out.append(v);
        return out;
    }
    if (value.isDouble())
        return QJsonValue(value.toDouble()); // 5 and 5.0 are the same number
    return value;
}

inline QString compactJson(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

// The differences, one line each (empty when the client equals the server).
inline QStringList differencesFromServer(ShopStore &store, SyncTestWorld &world, const QString &shop,
                                         const QString &token)
{
    QStringList problems;
    QString cursor;
    const QJsonArray feed = world.pullAll(shop, token, &cursor, 5000);
    if (!world.error.isEmpty())
        return {world.error};
    QHash<EntityRef, QJsonObject> latest;
    for (const QJsonValue &v : feed) {
        const QJsonObject c = v.toObject();
        const EntityRef ref{c.value(QLatin1String("type")).toString(), c.value(QLatin1String("id")).toString()};
        if (c.value(QLatin1String("op")).toString() == QLatin1String("delete"))
            latest.remove(ref);
        else
            latest.insert(ref, c.value(QLatin1String("data")).toObject());
    }
    auto reader = store.openReader();
    if (!reader.ok())
        return {reader.error().toString()};
    SqliteDatabase &db = **reader;
    QHash<QString, qint64> serverCounts;
    for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
        ++serverCounts[it.key().type];
        const auto local = EntityDocuments::read(db, it.key());
        if (!local.ok()) {
            problems << QStringLiteral("%1 %2: %3").arg(it.key().type, it.key().id, local.error().toString());
            continue;
        }
        if (!local->has_value()) {
            problems << QStringLiteral("%1 %2 is on the server but not in the client").arg(it.key().type, it.key().id);
            continue;
        }
        const QJsonValue mine = normalizedJson(**local);
        const QJsonValue theirs = normalizedJson(it.value());
        if (mine != theirs) {
            problems << QStringLiteral("%1 %2 differs:\n  client %3\n  server %4")
                            .arg(it.key().type, it.key().id, compactJson(mine), compactJson(theirs));
        }
    }
    const QList<std::pair<QString, QByteArray>> tables = {
        {QStringLiteral("location"), "SELECT count(*) FROM locations"},
        {QStringLiteral("product"), "SELECT count(*) FROM products"},
        {QStringLiteral("variant"), "SELECT count(*) FROM variants"},
        {QStringLiteral("inventory_level"), "SELECT count(*) FROM inventory_levels"},
        {QStringLiteral("ledger_entry"), "SELECT count(*) FROM inventory_ledger"},
        {QStringLiteral("customer"), "SELECT count(*) FROM customers"},
        {QStringLiteral("order"), "SELECT count(*) FROM orders"},
    };
    for (const auto &[type, sql] : tables) {
        const auto count = db.queryInt64(sql);
        if (!count.ok())
            problems << count.error().toString();
        else if (*count != serverCounts.value(type))
            problems << QStringLiteral("%1: the client has %2 rows, the server %3").arg(type).arg(*count).arg(serverCounts.value(type));
    }
    return problems;
}

// Every stock level equals the sum of its ledger, in the client's file.
inline QStringList ledgerMismatches(ShopStore &store)
{
    auto reader = store.openReader();
    if (!reader.ok())
        return {reader.error().toString()};
    auto stmt = (*reader)->prepare(
        "SELECT l.variant_id, l.location_id, l.on_hand, coalesce((SELECT sum(delta) FROM inventory_ledger g "
        "WHERE g.variant_id = l.variant_id AND g.location_id = l.location_id), 0) FROM inventory_levels l");
    if (!stmt.ok())
        return {stmt.error().toString()};
    QStringList problems;
    while (true) {
        auto row = stmt->step();
        if (!row.ok())
            return {row.error().toString()};
        if (!*row)
            break;
        if (stmt->int64(2) != stmt->int64(3)) {
            problems << QStringLiteral("level %1:%2 on_hand %3 but its ledger sums to %4")
                            .arg(stmt->text(0), stmt->text(1))
                            .arg(stmt->int64(2))
                            .arg(stmt->int64(3));
        }
    }
    return problems;
}

} // namespace sk::test

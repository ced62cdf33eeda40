#include "shoprepository.h"

#include "storage/repositorysql.h"
#include "storage/sqlitedatabase.h"

namespace sk {

using namespace repositorysql;

namespace {

#define SK_LOCATION_COLUMNS "id, name, code, address, active, version, updated_at"

Location readLocation(const SqliteStatement &s)
{
    Location l;
    l.id = s.text(0);
    l.name = s.text(1);
    l.code = s.text(2);
    l.address = s.text(3);
    l.active = s.int64(4) != 0;
    l.version = s.int64(5);
    l.updatedAt = s.int64(6);
    return l;
}

} // namespace

Result<std::optional<ShopSettings>> ShopRepository::settings()
{
    SK_TRY_ASSIGN(s, m_db.cached("SELECT shop_id, name, currency, time_zone, locale, oversell_policy, version, "
                                 "updated_at FROM shop_settings WHERE singleton = 1"));
    return readOne(*s, [](const SqliteStatement &r) {
        ShopSettings st;
        st.shopId = r.text(0);
        st.name = r.text(1);
        st.currency = r.text(2);
        st.timeZone = r.text(3);
        st.locale = r.text(4);
        st.oversellPolicy = enumFrom(r, 5, OversellPolicy::Allow);
        st.version = r.int64(6);
        st.updatedAt = r.int64(7);
        return st;
    });
}

Result<void> ShopRepository::saveSettings(const ShopSettings &st)
{
    SK_TRY_ASSIGN(s, m_db.cached("INSERT INTO shop_settings (singleton, shop_id, name, currency, time_zone, locale, "
                                 "oversell_policy, version, updated_at) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                                 "ON CONFLICT (singleton) DO UPDATE SET shop_id = excluded.shop_id, name = excluded.name, "
                                 "currency = excluded.currency, time_zone = excluded.time_zone, locale = excluded.locale, "
                                 "oversell_policy = excluded.oversell_policy, version = excluded.version, "
                                 "updated_at = excluded.updated_at"));
    bindText(*s, 1, st.shopId);
    bindText(*s, 2, st.name);
    bindText(*s, 3, st.currency);
    bindText(*s, 4, st.timeZone);
    bindText(*s, 5, st.locale);
    s->bind(6, toString(st.oversellPolicy)).bind(7, st.version).bind(8, st.updatedAt);
    return s->exec();
}

Result<QList<Location>> ShopRepository::locations()
{
    SK_TRY_ASSIGN(s, m_db.cached("SELECT " SK_LOCATION_COLUMNS " FROM locations ORDER BY name COLLATE NOCASE, rid"));
    QList<Location> out;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, s->step());
        if (!hasRow)
            break;
        out.append(readLocation(*s));
    }
    return out;
}

Result<std::optional<Location>> ShopRepository::location(const QString &id)
{
    SK_TRY_ASSIGN(s, m_db.cached("SELECT " SK_LOCATION_COLUMNS " FROM locations WHERE id = ?1"));
    s->bind(1, id);
    return readOne(*s, readLocation);
}

Result<void> ShopRepository::upsertLocation(const Location &l)
{
    SK_TRY_ASSIGN(s, m_db.cached("INSERT INTO locations (id, name, code, address, active, version, updated_at) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO UPDATE SET "
                                 "name = excluded.name, code = excluded.code, address = excluded.address, "
                                 "active = excluded.active, version = excluded.version, updated_at = excluded.updated_at"));
    s->bind(1, l.id);
    bindText(*s, 2, l.name);
    bindOptionalText(*s, 3, l.code);
    bindOptionalText(*s, 4, l.address);
    s->bind(5, l.active).bind(6, l.version).bind(7, l.updatedAt);
    return s->exec();
}

} // namespace sk

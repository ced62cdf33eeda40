#include "shopformat.h"

#include "money/currency.h"
#include "money/money.h"
#include "storage/sqlitedatabase.h"

using namespace Qt::StringLiterals;

namespace sk {

QLocale ShopFormat::localeFromTag(const QString &tag)
{
    if (tag.isEmpty())
        return QLocale();
    QString name = tag;
    name.replace(u'-', u'_');
    return QLocale(name);
}

ShopFormat::ShopFormat() : m_timeZone(QTimeZone::utc())
{
    m_settings.currency = u"USD"_s;
    m_settings.timeZone = u"UTC"_s;
}

Result<ShopFormat> ShopFormat::read(SqliteDatabase &db)
{
    ShopFormat format;
    SK_TRY_ASSIGN(stmt, db.cached("SELECT shop_id, name, currency, time_zone, locale FROM shop_settings "
                                  "WHERE singleton = 1"));
    SK_TRY_ASSIGN(hasRow, stmt->step());
    if (hasRow) {
        format.m_settings.shopId = stmt->text(0);
        format.m_settings.name = stmt->text(1);
        format.m_settings.currency = stmt->text(2);
        format.m_settings.timeZone = stmt->text(3);
        format.m_settings.locale = stmt->text(4);
    }
    stmt->reset();
    format.m_locale = localeFromTag(format.m_settings.locale);
    const QTimeZone zone(format.m_settings.timeZone.toUtf8());
    format.m_timeZone = zone.isValid() ? zone : QTimeZone::utc();
    return format;
}

QString ShopFormat::money(qint64 minor) const
{
    auto currency = Currency::fromCode(m_settings.currency);
    if (!currency.ok())
        return m_locale.toString(minor) + u' ' + m_settings.currency;
    return Money(minor, *currency).format(m_locale);
}

QString ShopFormat::signedNumber(qint64 value) const
{
    return value > 0 ? u'+' + m_locale.toString(value) : m_locale.toString(value);
}

QString ShopFormat::dateTime(qint64 utcMs) const
{
    return m_locale.toString(shopTime(utcMs), QLocale::ShortFormat);
}

QString ShopFormat::date(qint64 utcMs) const
{
    return m_locale.toString(shopTime(utcMs).date(), QLocale::ShortFormat);
}

qint64 ShopFormat::startOfDay(QDate day) const
{
    return day.startOfDay(m_timeZone).toMSecsSinceEpoch();
}

} // namespace sk

#pragma once

#include "domain/records.h"
#include "util/result.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace sk {

class SqliteDatabase;

// How the open shop shows money and times: its currency, locale and time zone from
// shop_settings. A file with no settings row yet (before the first pull) reads as USD, UTC
// and the system locale, so lists still render.
class ShopFormat
{
public:
    ShopFormat();

    static Result<ShopFormat> read(SqliteDatabase &db);
    // A BCP 47 tag ("fr-FR") as the QLocale it names; empty: the system's.
    static QLocale localeFromTag(const QString &tag);

    const ShopSettings &settings() const { return m_settings; }
    QLocale locale() const { return m_locale; }
    QTimeZone timeZone() const { return m_timeZone; }

    // An amount of the shop's currency (minor units) in the shop's locale.
    QString money(qint64 minor) const;
    QString number(qint64 value) const { return m_locale.toString(value); }
    // "+3", "0", "-2": a change of a quantity.
    QString signedNumber(qint64 value) const;
    // A UTC time as a short date and time, or a date, in the shop's time zone.
    QString dateTime(qint64 utcMs) const;
    QString date(qint64 utcMs) const;
    QDateTime shopTime(qint64 utcMs) const { return QDateTime::fromMSecsSinceEpoch(utcMs, m_timeZone); }
    // Midnight of a day in the shop's time zone, as UTC ms (for date-range filters).
    qint64 startOfDay(QDate day) const;

private:
    ShopSettings m_settings;
    QLocale m_locale;
    QTimeZone m_timeZone;
};

} // namespace sk

#include "repositorysql.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sk::repositorysql {

QByteArray jsonTextArray(const QStringList &values)
{
    return QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact);
}

QByteArray jsonIntArray(const QList<qint64> &values)
{
    QByteArray out = "[";
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            out += ',';
        out += QByteArray::number(values[i]);
    }
    return out + ']';
}

QString asciiLower(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            c = QChar(c.unicode() + ('a' - 'A'));
    }
    return out;
}

QByteArray tagCondition(const QByteArray &tagsColumn, int param)
{
    // Two passes on each side strip up to two spaces around every comma.
    return "instr(',' || lower(trim(replace(replace(replace(replace(" + tagsColumn
        + ", ' ,', ','), ' ,', ','), ', ', ','), ', ', ','))) || ',', ?" + QByteArray::number(param) + ") > 0";
}

QString tagParameter(const QString &tag)
{
    return QLatin1Char(',') + asciiLower(tag.trimmed()) + QLatin1Char(',');
}

} // namespace sk::repositorysql

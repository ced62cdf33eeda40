#pragma once

#include <QString>
#include <QStringList>

namespace sk {

// Product tags as merchants type them: one comma-separated string ("sale, summer"), compared
// without regard to case or the spaces around each tag.
class ProductTags
{
public:
    static QStringList split(const QString &tags);
    // "a,b ,  c" -> "a, b, c", dropping empty and repeated tags.
    static QString normalized(const QString &tags);
    static QString withAdded(const QString &tags, const QStringList &added);
    static QString withRemoved(const QString &tags, const QStringList &removed);
};

} // namespace sk

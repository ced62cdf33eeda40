#include "producttags.h"

using namespace Qt::StringLiterals;

namespace sk {

QStringList ProductTags::split(const QString &tags)
{
    QStringList out;
    for (const QString &tag : tags.split(u',')) {
        const QString trimmed = tag.trimmed();
        if (!trimmed.isEmpty() && !out.contains(trimmed, Qt::CaseInsensitive))
            out << trimmed;
    }
    return out;
}

QString ProductTags::normalized(const QString &tags)
{
    return split(tags).join(u", "_s);
}

QString ProductTags::withAdded(const QString &tags, const QStringList &added)
{
    return normalized(tags + u',' + added.join(u','));
}

QString ProductTags::withRemoved(const QString &tags, const QStringList &removed)
{
    QStringList kept = split(tags);
    for (const QString &tag : removed)
        kept.removeIf([&](const QString &t) { return t.compare(tag.trimmed(), Qt::CaseInsensitive) == 0; });
    return kept.join(u", "_s);
}

} // namespace sk

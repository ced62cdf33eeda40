#pragma once

#include <QString>

namespace sk {

// Turns what a person types into a safe FTS5 prefix query: every word becomes a quoted
// prefix term ("red"* AND "shi"*), so quotes, operators and column filters typed by the
// user are matched as text, never parsed as FTS syntax. Empty input gives an empty string.
class FtsQuery
{
public:
    static QString prefixQuery(const QString &userText);
};

} // namespace sk

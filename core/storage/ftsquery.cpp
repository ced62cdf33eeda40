#include "ftsquery.h"

#include <QStringList>

namespace sk {

namespace {

// The characters SQLite's unicode61 tokenizer keeps inside a token: letters, numbers,
// private-use characters and non-spacing marks (the diacritics it then folds away).
// Everything else, including '_', '-', '/', '#', '"' and '*', separates tokens.
bool isTokenChar(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Other_PrivateUse:
    case QChar::Mark_NonSpacing:
        return true;
    default:
        return false;
    }
}

} // namespace

QString FtsQuery::prefixQuery(const QString &userText)
{
    QStringList terms;
    QString token;
    const auto flush = [&] {
        if (!token.isEmpty())
            terms.append(QLatin1Char('"') + token.toLower() + QStringLiteral("\"*"));
        token.clear();
    };
    for (const char32_t c : userText.toUcs4()) {
        if (isTokenChar(c))
            token.append(QChar::fromUcs4(c));
        else
            flush();
    }
    flush();
    return terms.join(QStringLiteral(" AND "));
}

} // namespace sk

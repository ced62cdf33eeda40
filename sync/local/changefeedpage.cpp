#include "changefeedpage.h"

#include "domain/jsonreader.h"
#include "net/httpclient.h"

#include <QCoreApplication>

#include <simdjson.h>

#include <cmath>
#include <memory>
#include <mutex>
#include <vector>
#include <limits>
#include <optional>
#include <string_view>

using namespace Qt::StringLiterals;

namespace sk {

static_assert(HttpResponse::BodyPadding >= qsizetype(simdjson::SIMDJSON_PADDING), "a feed body must be readable in place");

namespace {

Error badPage(const QString &field, const QString &why)
{
    return makeError(u"sync.bad_page"_s,
                     QCoreApplication::translate("ChangeApplier",
                                                 "The server sent a page of changes this version cannot read: "
                                                 "\u201C%1\u201D %2.")
                         .arg(field, why),
                     field);
}

QString mustBe(const char *what)
{
    return QCoreApplication::translate("ChangeApplier", "must be %1").arg(QString::fromLatin1(what));
}

QString missing()
{
    return QCoreApplication::translate("ChangeApplier", "is missing");
}

QString fromUtf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

std::optional<simdjson::dom::element> member(const simdjson::dom::object &object, std::string_view key)
{
    simdjson::dom::element value;
    if (object.at_key(key).get(value) != simdjson::SUCCESS)
        return std::nullopt;
    return value;
}

// A whole JSON number, as QJsonValue::toInteger() reads one: an integer, or a double with
// no fraction inside qint64.
std::optional<qint64> wholeNumber(const simdjson::dom::element &value)
{
    switch (value.type()) {
    case simdjson::dom::element_type::INT64:
        return qint64(value.get_int64().value_unsafe());
    case simdjson::dom::element_type::DOUBLE: {
        const double d = value.get_double().value_unsafe();
        if (std::trunc(d) != d || d < -9.2e18 || d > 9.2e18)
            return std::nullopt;
        return qint64(d);
    }
    default:
        return std::nullopt; // beyond qint64 (UINT64), or not a number
    }
}

Result<qint64> requiredCount(const simdjson::dom::object &object, std::string_view key, const QString &path)
{
    const QString field = path.isEmpty() ? QString::fromLatin1(key) : path + u'.' + QString::fromLatin1(key);
    const auto value = member(object, key);
    if (!value)
        return badPage(field, missing());
    const auto number = wholeNumber(*value);
    if (!number || *number < 0)
        return badPage(field, mustBe("a whole number of at least 0"));
    return *number;
}

// The feed's type name as the shared QString of EntityDocuments::types() (no copy per change),
// or null for a type this client does not store (a newer server's: skipped).
QString knownType(std::string_view type)
{
    for (const QString &known : EntityDocuments::types()) {
        if (type.size() != size_t(known.size()))
            continue;
        bool same = true;
        for (size_t i = 0; i < type.size() && same; ++i)
            same = char16_t(static_cast<unsigned char>(type[i])) == known.at(qsizetype(i)).unicode();
        if (same)
            return known;
    }
    return {};
}

struct ChangeHeader
{
    EntityRef entity;
    qint64 version = 0;
    bool isDelete = false;
    simdjson::dom::element data; // an object, for an upsert
};

// Calls fn(header) for each change of a known type, in order; checks what parsePage checks.
template <typename Fn>
Result<void> forEachChange(const simdjson::dom::array &changes, Fn fn)
{
    qsizetype i = -1;
    for (const simdjson::dom::element value : changes) {
        ++i;
        // Only an error names the change: its path is built then, not for every change.
        const auto path = [i] { return QStringLiteral("changes[%1]").arg(i); };
        simdjson::dom::object object;
        if (value.get_object().get(object) != simdjson::SUCCESS)
            return badPage(path(), mustBe("an object"));

        ChangeHeader change;
        std::string_view type;
        const auto typeValue = member(object, "type");
        if (!typeValue || typeValue->get_string().get(type) != simdjson::SUCCESS || type.empty())
            return badPage(path() + u".type"_s, mustBe("a non-empty string"));
        change.entity.type = knownType(type);
        if (change.entity.type.isNull())
            continue;

        std::string_view id;
        const auto idValue = member(object, "id");
        if (!idValue || idValue->get_string().get(id) != simdjson::SUCCESS || id.empty())
            return badPage(path() + u".id"_s, mustBe("a non-empty string"));
        change.entity.id = fromUtf8(id);

        SK_TRY_ASSIGN(version, requiredCount(object, "version", path()));
        change.version = version;

        std::string_view op;
        const auto opValue = member(object, "op");
        if (opValue && opValue->get_string().get(op) != simdjson::SUCCESS)
            op = {};
        if (op == "delete") {
            change.isDelete = true;
        } else if (op == "upsert") {
            const auto data = member(object, "data");
            if (!data || !data->is_object())
                return badPage(path() + u".data"_s, mustBe("an object"));
            change.data = *data;
        } else {
            return badPage(path() + u".op"_s, mustBe("\u201Cupsert\u201D or \u201Cdelete\u201D"));
        }
        SK_TRY(fn(change));
    }
    return {};
}

} // namespace

class ChangeFeedPage::ParserPool
{
public:
    std::unique_ptr<simdjson::dom::parser> take()
    {
        std::lock_guard lock(m_mutex);
        if (m_free.empty())
            return std::make_unique<simdjson::dom::parser>();
        auto parser = std::move(m_free.back());
        m_free.pop_back();
        return parser;
    }
    void giveBack(std::unique_ptr<simdjson::dom::parser> parser)
    {
        std::lock_guard lock(m_mutex);
        if (m_free.size() < MaxKept)
            m_free.push_back(std::move(parser));
    }

private:
    // A download holds a few pages at once (fetched, queued, being decoded).
    static constexpr size_t MaxKept = 4;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<simdjson::dom::parser>> m_free;
};

std::shared_ptr<ChangeFeedPage::ParserPool> ChangeFeedPage::makeParserPool()
{
    return std::make_shared<ParserPool>();
}

struct ChangeFeedPage::Data
{
    ~Data()
    {
        if (pool && parser)
            pool->giveBack(std::move(parser));
    }

    QByteArray body;                 // read in place: it has the padding simdjson reads past the end
    simdjson::padded_string padded;  // or a padded copy
    std::shared_ptr<ParserPool> pool;
    std::unique_ptr<simdjson::dom::parser> parser;
    simdjson::dom::array changes;
    QString nextCursor;
    bool hasMore = false;
    qint64 lastAppliedSeq = 0;
    qint64 serverTime = 0;
};

ChangeFeedPage::ChangeFeedPage(std::shared_ptr<Data> data) : d(std::move(data)) {}

Result<ChangeFeedPage> ChangeFeedPage::parse(const QByteArray &body, const std::shared_ptr<ParserPool> &pool)
{
    auto data = std::make_shared<Data>();
    data->pool = pool;
    data->parser = pool ? pool->take() : std::make_unique<simdjson::dom::parser>();
    simdjson::dom::element root;
    simdjson::error_code error;
    if (body.capacity() - body.size() >= qsizetype(simdjson::SIMDJSON_PADDING)) {
        data->body = body; // shared, not copied
        error = data->parser->parse(data->body.constData(), size_t(data->body.size()), false).get(root);
    } else {
        data->padded = simdjson::padded_string(body.constData(), size_t(body.size()));
        error = data->parser->parse(data->padded).get(root);
    }
    if (error != simdjson::SUCCESS) {
        return badPage(u"body"_s, QCoreApplication::translate("ChangeApplier", "is not JSON (%1)")
                                      .arg(QString::fromUtf8(simdjson::error_message(error))));
    }
    simdjson::dom::object object;
    if (root.get_object().get(object) != simdjson::SUCCESS)
        return badPage(u"body"_s, mustBe("an object"));

    std::string_view cursor;
    const auto cursorValue = member(object, "next_cursor");
    if (!cursorValue || cursorValue->get_string().get(cursor) != simdjson::SUCCESS || cursor.empty())
        return badPage(u"next_cursor"_s, mustBe("a non-empty string"));
    data->nextCursor = fromUtf8(cursor);

    const auto hasMore = member(object, "has_more");
    if (!hasMore || hasMore->get_bool().get(data->hasMore) != simdjson::SUCCESS)
        return badPage(u"has_more"_s, mustBe("true or false"));

    SK_TRY_ASSIGN(lastApplied, requiredCount(object, "last_applied_seq", {}));
    data->lastAppliedSeq = lastApplied;
    SK_TRY_ASSIGN(serverTime, requiredCount(object, "server_time", {}));
    data->serverTime = serverTime;

    const auto changes = member(object, "changes");
    if (!changes || changes->get_array().get(data->changes) != simdjson::SUCCESS)
        return badPage(u"changes"_s, mustBe("an array"));
    return ChangeFeedPage(std::move(data));
}

const QString &ChangeFeedPage::nextCursor() const
{
    return d->nextCursor;
}

bool ChangeFeedPage::hasMore() const
{
    return d->hasMore;
}

qint64 ChangeFeedPage::lastAppliedSeq() const
{
    return d->lastAppliedSeq;
}

qint64 ChangeFeedPage::serverTime() const
{
    return d->serverTime;
}

qint64 ChangeFeedPage::changeCount() const
{
    return qint64(d->changes.size());
}

Result<ChangesPage> ChangeFeedPage::toChangesPage() const
{
    ChangesPage page;
    page.nextCursor = d->nextCursor;
    page.hasMore = d->hasMore;
    page.lastAppliedSeq = d->lastAppliedSeq;
    page.serverTime = d->serverTime;
    page.changes.reserve(qsizetype(d->changes.size()));
    SK_TRY(forEachChange(d->changes, [&page](const ChangeHeader &header) -> Result<void> {
        Change change;
        change.entity = header.entity;
        change.version = header.version;
        change.isDelete = header.isDelete;
        if (!header.isDelete)
            change.data = JsonReader::toJsonValue(header.data).toObject();
        page.changes.append(std::move(change));
        return {};
    }));
    return page;
}

Result<DecodedPage> ChangeFeedPage::decode() const
{
    DecodedPage page;
    page.nextCursor = d->nextCursor;
    page.hasMore = d->hasMore;
    page.lastAppliedSeq = d->lastAppliedSeq;
    page.serverTime = d->serverTime;
    page.changes.reserve(qsizetype(d->changes.size()));
    SK_TRY(forEachChange(d->changes, [&page](const ChangeHeader &header) -> Result<void> {
        DecodedChange change;
        change.entity = header.entity;
        change.version = header.version;
        change.isDelete = header.isDelete;
        if (!header.isDelete) {
            auto record = EntityDocuments::decode(header.entity, JsonReader(header.data));
            if (!record.ok())
                return withEntity(record.error(), header.entity);
            change.record = std::move(record).value();
        }
        page.changes.append(std::move(change));
        return {};
    }));
    return page;
}

} // namespace sk

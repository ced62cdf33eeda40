#pragma once

#include "local/changeapplier.h"
#include "local/entitydocuments.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace sk {

// One change with its document already read into records (EntityDocuments::decode).
struct DecodedChange
{
    EntityRef entity;
    qint64 version = 0;
    bool isDelete = false;
    EntityDocuments::Record record; // meaningless for a delete
};

struct DecodedPage
{
    QList<DecodedChange> changes;
    QString nextCursor;
    bool hasMore = false;
    qint64 lastAppliedSeq = 0;
    qint64 serverTime = 0;
};

// A page of the change feed (GET /v1/shops/{id}/sync/changes) parsed with simdjson, in two
// steps so a download can ask for the next page as soon as this one's cursor is known:
// parse() reads and checks the envelope (cursor, has_more, last_applied_seq, server_time and
// that "changes" is an array); toChangesPage() and decode() then read the changes, as
// QJsonObject documents (the incremental pull, which keeps documents as sync bases) or
// straight into records (the staging download, which only inserts them). Either way the
// rules are ChangeApplier::parsePage's: unknown keys and entity types are skipped, anything
// else not of the documented shape is "sync.bad_page" naming the field ("changes[3].version"),
// and a document that breaks RecordJson's rules fails naming the change.
//
// Cheap to copy (the parsed document is shared); safe to read from one thread at a time.
class ChangeFeedPage
{
public:
    // Parsers kept for the next pages of a download. A parser's buffers are several times the
    // size of the page it read; allocating them afresh for every page of megabytes left the
    // fetcher mostly waiting for the kernel to clear new memory. Shared by the pages that use
    // it (each holds it until freed); thread-safe.
    class ParserPool;
    static std::shared_ptr<ParserPool> makeParserPool();

    // A body with at least 64 bytes of spare capacity after its end (HttpResponse::BodyPadding)
    // is read where it is; any other is copied first.
    static Result<ChangeFeedPage> parse(const QByteArray &body, const std::shared_ptr<ParserPool> &pool = {});

    const QString &nextCursor() const;
    bool hasMore() const;
    qint64 lastAppliedSeq() const;
    qint64 serverTime() const;
    qint64 changeCount() const; // entries of "changes", known types or not

    Result<ChangesPage> toChangesPage() const;
    Result<DecodedPage> decode() const;

private:
    struct Data;
    explicit ChangeFeedPage(std::shared_ptr<Data> data);
    std::shared_ptr<Data> d;
};

} // namespace sk

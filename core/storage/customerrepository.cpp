#include "customerrepository.h"

#include "storage/ftsquery.h"
#include "storage/repositorysql.h"
#include "storage/sqlitedatabase.h"
#include "storage/sqlitetransaction.h"
#include "util/uuidv7.h"

#include <QCoreApplication>

namespace sk {

using namespace repositorysql;

namespace {

#define SK_CUSTOMER_COLUMNS                                                                                   \
    "c.id, c.first_name, c.last_name, c.email, c.phone, c.note, c.tags, c.email_marketing, c.sms_marketing, "   \
    "c.consent_updated_at, c.created_at, c.version, c.updated_at"

// Orders that count as spending: everything but cancelled and failed ones. Each subquery is
// a lookup on orders_customer (customer_id = ... implies the index's IS NOT NULL).
#define SK_COUNTED_ORDERS "o.customer_id = c.id AND o.status NOT IN ('cancelled', 'failed')"

constexpr const char *kRowSelect =
    "SELECT c.rid, c.id, c.first_name, c.last_name, c.email, c.phone, c.tags, c.email_marketing, c.created_at, "
    "c.updated_at, "
    "(SELECT count(*) FROM orders o WHERE " SK_COUNTED_ORDERS "), "
    "(SELECT coalesce(sum(o.total - o.refunded_total), 0) FROM orders o WHERE " SK_COUNTED_ORDERS ") "
    "FROM customers c";

// Separates last and first name inside the Name sort key's text.
constexpr char16_t kNameKeySeparator = 0x1f;

CustomerListRow readRow(const SqliteStatement &s)
{
    CustomerListRow r;
    r.rid = s.int64(0);
    r.id = s.text(1);
    r.firstName = s.text(2);
    r.lastName = s.text(3);
    r.email = s.text(4);
    r.phone = s.text(5);
    r.tags = s.text(6);
    r.emailMarketing = enumFrom(s, 7, MarketingConsent::NotSubscribed);
    r.createdAt = s.int64(8);
    r.updatedAt = s.int64(9);
    r.ordersCount = s.int64(10);
    r.totalSpent = s.int64(11);
    Customer c;
    c.firstName = r.firstName;
    c.lastName = r.lastName;
    c.email = r.email;
    r.displayName = c.displayName();
    return r;
}

QByteArray nameKeyset(SortOrder order)
{
    const bool asc = order == SortOrder::Ascending;
    const QByteArray ge = asc ? ">=" : "<=";
    const QByteArray gt = asc ? ">" : "<";
    const QByteArray last = "c.last_name COLLATE NOCASE";
    const QByteArray first = "c.first_name COLLATE NOCASE";
    // (last, first, rid) beyond (?4, ?5, ?6), with the range on last_name for the index.
    return last + " " + ge + " ?4 AND (" + last + " " + gt + " ?4 OR (" + first + " " + ge + " ?5 AND (" + first + " "
        + gt + " ?5 OR c.rid " + gt + " ?6)))";
}

Customer readCustomer(const SqliteStatement &s)
{
    Customer c;
    c.id = s.text(0);
    c.firstName = s.text(1);
    c.lastName = s.text(2);
    c.email = s.text(3);
    c.phone = s.text(4);
    c.note = s.text(5);
    c.tags = s.text(6);
    c.emailMarketing = enumFrom(s, 7, MarketingConsent::NotSubscribed);
    c.smsMarketing = enumFrom(s, 8, MarketingConsent::NotSubscribed);
    c.consentUpdatedAt = s.optionalInt64(9);
    c.createdAt = s.int64(10);
    c.version = s.int64(11);
    c.updatedAt = s.int64(12);
    return c;
}

Error translateCustomerError(const Error &e, const Customer &c)
{
    if (e.code == QLatin1String("sqlite.constraint") && e.message.contains(QLatin1String("customers.email"))) {
        return makeError(QStringLiteral("customer.duplicate_email"),
                         QCoreApplication::translate("CustomerRepository",
                                                     "The email address %1 already belongs to another customer.")
                             .arg(c.email),
                         e.message);
    }
    return e;
}

} // namespace

Result<std::optional<Customer>> CustomerRepository::customer(const QString &id)
{
    SK_TRY_ASSIGN(s, m_db.cached("SELECT " SK_CUSTOMER_COLUMNS " FROM customers c WHERE c.id = ?1"));
    s->bind(1, id);
    SK_TRY_ASSIGN(found, readOne(*s, readCustomer));
    if (!found)
        return std::optional<Customer>();
    Customer c = std::move(*found);

    SK_TRY_ASSIGN(a, m_db.cached("SELECT id, customer_id, is_default, name, company, line1, line2, city, province, "
                                 "postal_code, country_code, phone FROM customer_addresses WHERE customer_id = ?1 "
                                 "ORDER BY is_default DESC, rid"));
    a->bind(1, id);
    for (;;) {
        SK_TRY_ASSIGN(more, a->step());
        if (!more)
            break;
        CustomerAddress ad;
        ad.id = a->text(0);
        ad.customerId = a->text(1);
        ad.isDefault = a->int64(2) != 0;
        ad.name = a->text(3);
        ad.company = a->text(4);
        ad.line1 = a->text(5);
        ad.line2 = a->text(6);
        ad.city = a->text(7);
        ad.province = a->text(8);
        ad.postalCode = a->text(9);
        ad.countryCode = a->text(10);
        ad.phone = a->text(11);
        c.addresses.append(std::move(ad));
    }
    return std::optional<Customer>(std::move(c));
}

// Parameters: ?1 tag, ?2 email consent, ?4.. keyset, ?7 limit.
QByteArray CustomerRepository::listSql(const CustomerQuery &query)
{
    QByteArray index;
    QByteArray orderBy;
    const QByteArray dir = direction(query.order);
    switch (query.sort) {
    case CustomerSort::Name:
        index = "customers_name";
        orderBy = "c.last_name COLLATE NOCASE" + dir + ", c.first_name COLLATE NOCASE" + dir + ", c.rid" + dir;
        break;
    case CustomerSort::CreatedAt:
        index = "customers_created";
        orderBy = "c.created_at" + dir + ", c.rid" + dir;
        break;
    case CustomerSort::UpdatedAt:
        index = "customers_updated";
        orderBy = "c.updated_at" + dir + ", c.rid" + dir;
        break;
    }
    QByteArrayList conds;
    if (!query.filter.tag.trimmed().isEmpty())
        conds.append(hasTagCondition(1));
    if (query.filter.emailMarketing)
        conds.append("c.email_marketing = ?2");
    if (query.after) {
        if (query.sort == CustomerSort::Name)
            conds.append(nameKeyset(query.order));
        else
            conds.append(keysetCondition(query.sort == CustomerSort::CreatedAt ? "c.created_at" : "c.updated_at",
                                         "c.rid", query.order, 4, 6));
    }
    return QByteArray(kRowSelect) + " INDEXED BY " + index
        + (conds.isEmpty() ? QByteArray() : " WHERE " + conds.join(" AND ")) + " ORDER BY " + orderBy + " LIMIT ?7";
}

QString CustomerRepository::tagKey(const QString &tag)
{
    return asciiLower(tag.trimmed());
}

QByteArray CustomerRepository::hasTagCondition(int param)
{
    return "EXISTS (SELECT 1 FROM customer_tags t WHERE t.tag = ?" + QByteArray::number(param)
        + " AND t.customer_rid = c.rid)";
}

Result<KeysetPage<CustomerListRow>> CustomerRepository::list(const CustomerQuery &query)
{
    const int limit = clampLimit(query.limit);
    SK_TRY_ASSIGN(s, m_db.cached(listSql(query).constData()));
    if (!query.filter.tag.trimmed().isEmpty())
        s->bind(1, tagKey(query.filter.tag));
    if (query.filter.emailMarketing)
        s->bind(2, toString(*query.filter.emailMarketing));
    if (query.after) {
        if (query.sort == CustomerSort::Name) {
            const QString key = std::holds_alternative<QString>(query.after->value)
                ? std::get<QString>(query.after->value)
                : QString();
            const qsizetype sep = key.indexOf(QChar(kNameKeySeparator));
            s->bind(4, sep < 0 ? key : key.left(sep));
            s->bind(5, sep < 0 ? QStringLiteral("") : key.mid(sep + 1));
        } else {
            bindSortValue(*s, 4, *query.after);
        }
        s->bind(6, query.after->rid);
    }
    s->bind(7, limit + 1);
    QList<CustomerListRow> rows;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, s->step());
        if (!hasRow)
            break;
        rows.append(readRow(*s));
    }
    const CustomerSort sort = query.sort;
    return finishPage(std::move(rows), limit, [sort](const CustomerListRow &r) {
        SortKey key;
        switch (sort) {
        case CustomerSort::Name: key.value = r.lastName + QChar(kNameKeySeparator) + r.firstName; break;
        case CustomerSort::CreatedAt: key.value = r.createdAt; break;
        case CustomerSort::UpdatedAt: key.value = r.updatedAt; break;
        }
        key.rid = r.rid;
        return key;
    });
}

Result<CustomerStats> CustomerRepository::stats(const QString &customerId)
{
    SK_TRY_ASSIGN(s, m_db.cached("SELECT count(*), coalesce(sum(o.total - o.refunded_total), 0), min(o.placed_at), "
                                 "max(o.placed_at) FROM orders o "
                                 "WHERE o.customer_id = ?1 AND o.status NOT IN ('cancelled', 'failed')"));
    s->bind(1, customerId);
    SK_TRY_ASSIGN(row, readOne(*s, [](const SqliteStatement &r) {
        CustomerStats st;
        st.ordersCount = r.int64(0);
        st.totalSpent = r.int64(1);
        st.firstOrderAt = r.optionalInt64(2);
        st.lastOrderAt = r.optionalInt64(3);
        st.averageOrderValue = st.ordersCount > 0 ? st.totalSpent / st.ordersCount : 0;
        return st;
    }));
    return row.value_or(CustomerStats());
}

Result<QList<CustomerListRow>> CustomerRepository::search(const QString &text, int limit)
{
    const QString match = FtsQuery::prefixQuery(text);
    if (match.isEmpty())
        return QList<CustomerListRow>();
    SK_TRY_ASSIGN(s, m_db.cached((QByteArray(kRowSelect)
                                  + " JOIN (SELECT rowid AS r FROM customer_search WHERE customer_search MATCH ?1 "
                                    "LIMIT ?2) m ON m.r = c.rid")
                                     .constData()));
    s->bind(1, match).bind(2, clampLimit(limit));
    QList<CustomerListRow> rows;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, s->step());
        if (!hasRow)
            break;
        rows.append(readRow(*s));
    }
    return rows;
}

Result<QStringList> CustomerRepository::tags(int limit)
{
    // A skip-scan of the tag index: each step seeks the next tag instead of reading the rows
    // of every customer who has the current one.
    SK_TRY_ASSIGN(s, m_db.cached("WITH RECURSIVE next(tag) AS ("
                                 "SELECT (SELECT min(tag) FROM customer_tags) "
                                 "UNION ALL SELECT (SELECT min(t.tag) FROM customer_tags t WHERE t.tag > next.tag) "
                                 "FROM next WHERE next.tag IS NOT NULL) "
                                 "SELECT tag FROM next WHERE tag IS NOT NULL LIMIT ?1"));
    s->bind(1, clampLimit(limit));
    QStringList tags;
    for (;;) {
        SK_TRY_ASSIGN(hasRow, s->step());
        if (!hasRow)
            break;
        tags.append(s->text(0));
    }
    return tags;
}

Result<void> CustomerRepository::upsertCustomer(const Customer &customer)
{
    SK_TRY_ASSIGN(savepoint, SqliteSavepoint::begin(m_db, "upsert_customer"));
    SK_TRY(writeCustomerRow(customer));
    SK_TRY_ASSIGN(del, m_db.cached("DELETE FROM customer_addresses WHERE customer_id = ?1"));
    del->bind(1, customer.id);
    SK_TRY(del->exec());
    SK_TRY(insertAddresses(customer));
    return savepoint.release();
}

Result<void> CustomerRepository::insertNewCustomer(const Customer &customer)
{
    SK_TRY(writeCustomerRow(customer));
    return insertAddresses(customer);
}

Result<void> CustomerRepository::writeCustomerRow(const Customer &customer)
{
    SK_TRY_ASSIGN(s, m_db.cached(
                         "INSERT INTO customers (id, first_name, last_name, email, phone, note, tags, email_marketing, "
                         "sms_marketing, consent_updated_at, created_at, version, updated_at) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
                         "ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name, "
                         "last_name = excluded.last_name, email = excluded.email, phone = excluded.phone, "
                         "note = excluded.note, tags = excluded.tags, email_marketing = excluded.email_marketing, "
                         "sms_marketing = excluded.sms_marketing, consent_updated_at = excluded.consent_updated_at, "
                         "created_at = excluded.created_at, version = excluded.version, updated_at = excluded.updated_at"));
    s->bind(1, customer.id);
    bindText(*s, 2, customer.firstName);
    bindText(*s, 3, customer.lastName);
    bindOptionalText(*s, 4, customer.email);
    bindOptionalText(*s, 5, customer.phone);
    bindText(*s, 6, customer.note);
    bindText(*s, 7, customer.tags);
    s->bind(8, toString(customer.emailMarketing)).bind(9, toString(customer.smsMarketing));
    s->bind(10, customer.consentUpdatedAt).bind(11, customer.createdAt).bind(12, customer.version);
    s->bind(13, customer.updatedAt);
    auto done = s->exec();
    if (!done.ok())
        return translateCustomerError(done.error(), customer);
    return {};
}

Result<void> CustomerRepository::insertAddresses(const Customer &customer)
{
    SK_TRY_ASSIGN(ins, m_db.cached("INSERT INTO customer_addresses (id, customer_id, is_default, name, company, line1, "
                                   "line2, city, province, postal_code, country_code, phone) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"));
    for (const CustomerAddress &a : customer.addresses) {
        ins->bind(1, a.id.isEmpty() ? UuidV7::toText(UuidV7::create()) : a.id);
        ins->bind(2, customer.id).bind(3, a.isDefault);
        bindText(*ins, 4, a.name);
        bindText(*ins, 5, a.company);
        bindText(*ins, 6, a.line1);
        bindText(*ins, 7, a.line2);
        bindText(*ins, 8, a.city);
        bindText(*ins, 9, a.province);
        bindText(*ins, 10, a.postalCode);
        bindText(*ins, 11, a.countryCode);
        bindText(*ins, 12, a.phone);
        SK_TRY(ins->exec());
    }
    return {};
}

Result<void> CustomerRepository::deleteCustomer(const QString &id)
{
    SK_TRY_ASSIGN(s, m_db.cached("DELETE FROM customers WHERE id = ?1"));
    s->bind(1, id);
    return s->exec();
}

} // namespace sk

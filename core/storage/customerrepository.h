#pragma once

#include "domain/records.h"
#include "storage/keysetpage.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace sk {

class SqliteDatabase;

enum class CustomerSort { Name, CreatedAt, UpdatedAt };

struct CustomerFilter
{
    QString tag; // one tag, exact, case-insensitive (customer_tags); empty = any
    std::optional<MarketingConsent> emailMarketing; // e.g. Subscribed; empty = any
};

struct CustomerQuery
{
    CustomerFilter filter;
    // Name sorts by last name, then first name (case-insensitive). Its SortKey value is an
    // opaque text: pass `next` back unchanged.
    CustomerSort sort = CustomerSort::Name;
    SortOrder order = SortOrder::Ascending;
    std::optional<SortKey> after;
    int limit = 200;
};

// One line of the customer list. ordersCount and totalSpent count orders that are not
// cancelled or failed; totalSpent is sum(total - refunded_total) in minor units, summed
// across currencies as stored.
struct CustomerListRow
{
    qint64 rid = 0;
    QString id;
    QString firstName;
    QString lastName;
    QString displayName;
    QString email;
    QString phone;
    QString tags;
    MarketingConsent emailMarketing = MarketingConsent::NotSubscribed;
    qint64 ordersCount = 0;
    qint64 totalSpent = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

// Same order set as CustomerListRow; averageOrderValue is totalSpent / ordersCount, rounded
// toward zero (0 without orders).
struct CustomerStats
{
    qint64 ordersCount = 0;
    qint64 totalSpent = 0;
    qint64 averageOrderValue = 0;
    std::optional<qint64> firstOrderAt;
    std::optional<qint64> lastOrderAt;
};

// Customers and their addresses in one shop file. Reads work on any connection; writes
// must run inside ShopStore::write() on the writer connection.
class CustomerRepository
{
public:
    explicit CustomerRepository(SqliteDatabase &db) : m_db(db) {}

    Result<std::optional<Customer>> customer(const QString &id); // with addresses, default first
    Result<KeysetPage<CustomerListRow>> list(const CustomerQuery &query);
    Result<CustomerStats> stats(const QString &customerId);
    // Type-ahead over name, email and phone; at most `limit` customers, no ranking.
    Result<QList<CustomerListRow>> search(const QString &text, int limit = 50);
    // The shop's distinct customer tags as tagKey() keeps them, sorted; at most `limit`. One
    // index seek per tag, however many customers carry it.
    Result<QStringList> tags(int limit = 500);

    // Inserts or updates by id and replaces the customer's addresses with customer.addresses
    // (an address without id gets a fresh one). A taken email fails with customer.duplicate_email.
    Result<void> upsertCustomer(const Customer &customer);
    // upsertCustomer() for a customer not in the file yet (a first download), so it has no
    // addresses to replace; no savepoint of its own: on a failure the caller rolls back.
    Result<void> insertNewCustomer(const Customer &customer);
    // Orders keep their customer_name; their customer_id becomes NULL.
    Result<void> deleteCustomer(const QString &id);

    // The SQL behind list(), for query-plan tests (EXPLAIN QUERY PLAN).
    static QByteArray listSql(const CustomerQuery &query);

    // A tag as customer_tags keeps it and a filter looks it up: trimmed, ASCII lower case.
    static QString tagKey(const QString &tag);
    // True for the customer `c` holding the tag bound to ?param (as tagKey()): one lookup in
    // customer_tags' primary key, not a read of the customer's tags text.
    static QByteArray hasTagCondition(int param);

private:
    Result<void> writeCustomerRow(const Customer &customer);
    Result<void> insertAddresses(const Customer &customer);
    SqliteDatabase &m_db;
};

} // namespace sk

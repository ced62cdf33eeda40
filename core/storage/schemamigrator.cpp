#include "schemamigrator.h"

#include "sqlitedatabase.h"
#include "sqlitetransaction.h"
#include "util/logging.h"

#include <QCoreApplication>

namespace sk {

namespace {

// Times are UTC milliseconds since the epoch. Money is integer minor units.
// Ids are UUID text; every table that FTS or paging refers to declares its rowid (rid)
// so VACUUM cannot renumber it.
const char *const kCatalog = R"SQL(
CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE shop_settings (
    singleton        INTEGER PRIMARY KEY CHECK (singleton = 1),
    shop_id          TEXT NOT NULL,
    name             TEXT NOT NULL,
    currency         TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
    time_zone        TEXT NOT NULL,
    locale           TEXT NOT NULL,
    oversell_policy  TEXT NOT NULL CHECK (oversell_policy IN ('allow', 'reject')),
    version          INTEGER NOT NULL DEFAULT 0,
    updated_at       INTEGER NOT NULL
);

CREATE TABLE locations (
    rid         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL CHECK (length(name) > 0),
    code        TEXT,
    address     TEXT,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version     INTEGER NOT NULL DEFAULT 0,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE products (
    rid          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL CHECK (length(title) > 0),
    handle       TEXT NOT NULL UNIQUE CHECK (length(handle) > 0),
    description  TEXT NOT NULL DEFAULT '',
    vendor       TEXT NOT NULL DEFAULT '',
    category     TEXT NOT NULL DEFAULT '',
    tags         TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL CHECK (status IN ('draft', 'active', 'archived')),
    created_at   INTEGER NOT NULL,
    version      INTEGER NOT NULL DEFAULT 0,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX products_title ON products (title COLLATE NOCASE);
CREATE INDEX products_updated ON products (updated_at);
CREATE INDEX products_status_title ON products (status, title COLLATE NOCASE);
CREATE INDEX products_status_updated ON products (status, updated_at);
CREATE INDEX products_vendor ON products (vendor COLLATE NOCASE, title COLLATE NOCASE);

CREATE TABLE variants (
    rid               INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    product_id        TEXT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL DEFAULT 1,
    sku               TEXT UNIQUE CHECK (sku IS NULL OR length(sku) > 0),
    barcode           TEXT,
    option1           TEXT,
    option2           TEXT,
    option3           TEXT,
    price             INTEGER NOT NULL CHECK (price >= 0),
    compare_at_price  INTEGER CHECK (compare_at_price IS NULL OR compare_at_price >= 0),
    cost              INTEGER CHECK (cost IS NULL OR cost >= 0),
    weight            REAL CHECK (weight IS NULL OR weight >= 0),
    weight_unit       TEXT NOT NULL DEFAULT 'g' CHECK (weight_unit IN ('g', 'kg', 'lb', 'oz')),
    track_inventory   INTEGER NOT NULL DEFAULT 1 CHECK (track_inventory IN (0, 1)),
    created_at        INTEGER NOT NULL,
    version           INTEGER NOT NULL DEFAULT 0,
    updated_at        INTEGER NOT NULL
);
CREATE INDEX variants_product ON variants (product_id, position);
CREATE INDEX variants_barcode ON variants (barcode) WHERE barcode IS NOT NULL;
CREATE INDEX variants_price ON variants (price);
CREATE INDEX variants_updated ON variants (updated_at);

CREATE TABLE inventory_levels (
    rid                  INTEGER PRIMARY KEY,
    variant_id           TEXT NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
    location_id          TEXT NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
    on_hand              INTEGER NOT NULL DEFAULT 0,
    committed            INTEGER NOT NULL DEFAULT 0 CHECK (committed >= 0),
    available            INTEGER GENERATED ALWAYS AS (on_hand - committed) VIRTUAL,
    low_stock_threshold  INTEGER CHECK (low_stock_threshold IS NULL OR low_stock_threshold >= 0),
    version              INTEGER NOT NULL DEFAULT 0,
    updated_at           INTEGER NOT NULL,
    UNIQUE (variant_id, location_id)
);
-- (location_id) alone: its implicit rid suffix pages one location's levels in rid order.
CREATE INDEX inventory_levels_location ON inventory_levels (location_id);
CREATE INDEX inventory_levels_available ON inventory_levels (location_id, on_hand - committed);
CREATE INDEX inventory_levels_available_any ON inventory_levels (on_hand - committed);
CREATE INDEX inventory_levels_low ON inventory_levels (location_id, on_hand - committed - low_stock_threshold)
    WHERE low_stock_threshold IS NOT NULL;

-- Append-only: history is never rewritten or deleted.
CREATE TABLE inventory_ledger (
    rid             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    variant_id      TEXT NOT NULL,
    location_id     TEXT NOT NULL,
    delta           INTEGER NOT NULL,
    quantity_after  INTEGER NOT NULL,
    reason          TEXT NOT NULL CHECK (reason IN ('received', 'sold', 'returned', 'damaged', 'shrinkage',
                        'cycle_count', 'correction', 'transfer_in', 'transfer_out', 'import')),
    reference       TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    user_id         TEXT,
    user_name       TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    version         INTEGER NOT NULL DEFAULT 0,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX inventory_ledger_variant ON inventory_ledger (variant_id, created_at);
CREATE INDEX inventory_ledger_location ON inventory_ledger (location_id, created_at);
CREATE INDEX inventory_ledger_created ON inventory_ledger (created_at);
CREATE TRIGGER inventory_ledger_no_update BEFORE UPDATE ON inventory_ledger
BEGIN SELECT RAISE(ABORT, 'inventory_ledger is append-only'); END;
CREATE TRIGGER inventory_ledger_no_delete BEFORE DELETE ON inventory_ledger
BEGIN SELECT RAISE(ABORT, 'inventory_ledger is append-only'); END;

CREATE TABLE customers (
    rid                INTEGER PRIMARY KEY,
    id                 TEXT NOT NULL UNIQUE,
    first_name         TEXT NOT NULL DEFAULT '',
    last_name          TEXT NOT NULL DEFAULT '',
    email              TEXT,
    phone              TEXT,
    note               TEXT NOT NULL DEFAULT '',
    tags               TEXT NOT NULL DEFAULT '',
    email_marketing    TEXT NOT NULL DEFAULT 'not_subscribed'
                       CHECK (email_marketing IN ('subscribed', 'not_subscribed', 'unsubscribed', 'pending')),
    sms_marketing      TEXT NOT NULL DEFAULT 'not_subscribed'
                       CHECK (sms_marketing IN ('subscribed', 'not_subscribed', 'unsubscribed', 'pending')),
    consent_updated_at INTEGER,
    created_at         INTEGER NOT NULL,
    version            INTEGER NOT NULL DEFAULT 0,
    updated_at         INTEGER NOT NULL
);
CREATE UNIQUE INDEX customers_email ON customers (email COLLATE NOCASE) WHERE email IS NOT NULL;
CREATE INDEX customers_name ON customers (last_name COLLATE NOCASE, first_name COLLATE NOCASE);
CREATE INDEX customers_updated ON customers (updated_at);
CREATE INDEX customers_created ON customers (created_at);

CREATE TABLE customer_addresses (
    rid           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    customer_id   TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    is_default    INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    name          TEXT NOT NULL DEFAULT '',
    company       TEXT NOT NULL DEFAULT '',
    line1         TEXT NOT NULL DEFAULT '',
    line2         TEXT NOT NULL DEFAULT '',
    city          TEXT NOT NULL DEFAULT '',
    province      TEXT NOT NULL DEFAULT '',
    postal_code   TEXT NOT NULL DEFAULT '',
    country_code  TEXT NOT NULL DEFAULT '' CHECK (country_code = '' OR length(country_code) = 2),
    phone         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX customer_addresses_customer ON customer_addresses (customer_id);

CREATE TABLE orders (
    rid                 INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE,
    number              INTEGER NOT NULL UNIQUE CHECK (number > 0),
    customer_id         TEXT REFERENCES customers (id) ON DELETE SET NULL,
    customer_name       TEXT NOT NULL DEFAULT '',
    email               TEXT,
    channel             TEXT NOT NULL CHECK (channel IN ('web', 'pos', 'draft', 'marketplace', 'phone')),
    currency            TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
    subtotal            INTEGER NOT NULL CHECK (subtotal >= 0),
    discount_total      INTEGER NOT NULL DEFAULT 0 CHECK (discount_total >= 0),
    shipping_total      INTEGER NOT NULL DEFAULT 0 CHECK (shipping_total >= 0),
    tax_total           INTEGER NOT NULL DEFAULT 0 CHECK (tax_total >= 0),
    total               INTEGER NOT NULL CHECK (total >= 0),
    refunded_total      INTEGER NOT NULL DEFAULT 0 CHECK (refunded_total >= 0 AND refunded_total <= total),
    status              TEXT NOT NULL CHECK (status IN ('pending', 'processing', 'on_hold', 'completed',
                            'cancelled', 'refunded', 'failed')),
    financial_status    TEXT NOT NULL CHECK (financial_status IN ('pending', 'authorized', 'paid',
                            'partially_refunded', 'refunded', 'voided')),
    fulfillment_status  TEXT NOT NULL CHECK (fulfillment_status IN ('unfulfilled', 'partial', 'fulfilled')),
    gateway             TEXT NOT NULL DEFAULT '',
    location_id         TEXT,
    placed_at           INTEGER NOT NULL,
    paid_at             INTEGER,
    cancelled_at        INTEGER,
    cancel_reason       TEXT NOT NULL DEFAULT '',
    billing_address     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(billing_address)),
    shipping_address    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(shipping_address)),
    note                TEXT NOT NULL DEFAULT '',
    tags                TEXT NOT NULL DEFAULT '',
    version             INTEGER NOT NULL DEFAULT 0,
    updated_at          INTEGER NOT NULL
);
CREATE INDEX orders_placed ON orders (placed_at);
CREATE INDEX orders_customer ON orders (customer_id, placed_at, total) WHERE customer_id IS NOT NULL;
CREATE INDEX orders_status_placed ON orders (status, placed_at);
CREATE INDEX orders_financial_placed ON orders (financial_status, placed_at);
CREATE INDEX orders_fulfillment_placed ON orders (fulfillment_status, placed_at);
CREATE INDEX orders_total ON orders (total);
CREATE INDEX orders_updated ON orders (updated_at);

CREATE TABLE order_lines (
    rid            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    order_id       TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    variant_id     TEXT,
    sku            TEXT NOT NULL DEFAULT '',
    title          TEXT NOT NULL,
    variant_title  TEXT NOT NULL DEFAULT '',
    quantity       INTEGER NOT NULL CHECK (quantity > 0),
    unit_price     INTEGER NOT NULL CHECK (unit_price >= 0),
    discount       INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),
    tax            INTEGER NOT NULL DEFAULT 0 CHECK (tax >= 0),
    total          INTEGER NOT NULL CHECK (total >= 0)
);
CREATE INDEX order_lines_order ON order_lines (order_id);
CREATE INDEX order_lines_variant ON order_lines (variant_id) WHERE variant_id IS NOT NULL;

CREATE TABLE fulfillments (
    rid              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    order_id         TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    location_id      TEXT,
    tracking_number  TEXT NOT NULL DEFAULT '',
    carrier          TEXT NOT NULL DEFAULT '',
    created_at       INTEGER NOT NULL,
    version          INTEGER NOT NULL DEFAULT 0,
    updated_at       INTEGER NOT NULL
);
CREATE INDEX fulfillments_order ON fulfillments (order_id);

CREATE TABLE fulfillment_lines (
    fulfillment_id  TEXT NOT NULL REFERENCES fulfillments (id) ON DELETE CASCADE,
    order_line_id   TEXT NOT NULL REFERENCES order_lines (id) ON DELETE CASCADE,
    quantity        INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (fulfillment_id, order_line_id)
) WITHOUT ROWID;
CREATE INDEX fulfillment_lines_line ON fulfillment_lines (order_line_id);

CREATE TABLE refunds (
    rid          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    order_id     TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    amount       INTEGER NOT NULL CHECK (amount > 0),
    reason       TEXT NOT NULL DEFAULT '',
    restock      INTEGER NOT NULL DEFAULT 0 CHECK (restock IN (0, 1)),
    created_at   INTEGER NOT NULL,
    version      INTEGER NOT NULL DEFAULT 0,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX refunds_order ON refunds (order_id);
CREATE INDEX refunds_created ON refunds (created_at);

CREATE TABLE refund_lines (
    refund_id      TEXT NOT NULL REFERENCES refunds (id) ON DELETE CASCADE,
    order_line_id  TEXT NOT NULL REFERENCES order_lines (id) ON DELETE CASCADE,
    quantity       INTEGER NOT NULL CHECK (quantity > 0),
    amount         INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),
    PRIMARY KEY (refund_id, order_line_id)
) WITHOUT ROWID;
CREATE INDEX refund_lines_line ON refund_lines (order_line_id);

CREATE TABLE order_events (
    rid         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    order_id    TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('note', 'status_changed', 'paid', 'fulfilled', 'refunded',
                    'cancelled', 'email_sent', 'system')),
    message     TEXT NOT NULL DEFAULT '',
    author      TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    version     INTEGER NOT NULL DEFAULT 0,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX order_events_order ON order_events (order_id, created_at);
)SQL";

// Search: contentless FTS5 indexes kept in step by triggers. A contentless index needs the
// old values to delete a row, which the triggers read from the row being replaced.
// prefix='2 3' keeps type-ahead on short prefixes fast (see shared/docs/performance-facts.md).
// Update triggers fire only when an indexed value changed, so a sync re-pull that rewrites
// identical rows does not churn the index.
const char *const kSearch = R"SQL(
CREATE VIRTUAL TABLE variant_search USING fts5(
    title, sku, barcode, content='', prefix='2 3', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE customer_search USING fts5(
    name, email, phone, content='', prefix='2 3', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE order_search USING fts5(
    number, customer_name, content='', prefix='2 3', tokenize='unicode61 remove_diacritics 2');

INSERT INTO variant_search (rowid, title, sku, barcode)
    SELECT v.rid, p.title, coalesce(v.sku, ''), coalesce(v.barcode, '')
    FROM variants v JOIN products p ON p.id = v.product_id;
INSERT INTO customer_search (rowid, name, email, phone)
    SELECT rid, first_name || ' ' || last_name, coalesce(email, ''), coalesce(phone, '') FROM customers;
INSERT INTO order_search (rowid, number, customer_name)
    SELECT rid, CAST(number AS TEXT), customer_name FROM orders;

CREATE TRIGGER variants_search_ai AFTER INSERT ON variants BEGIN
    INSERT INTO variant_search (rowid, title, sku, barcode)
    SELECT new.rid, p.title, coalesce(new.sku, ''), coalesce(new.barcode, '') FROM products p WHERE p.id = new.product_id;
END;
CREATE TRIGGER variants_search_ad AFTER DELETE ON variants BEGIN
    INSERT INTO variant_search (variant_search, rowid, title, sku, barcode)
    SELECT 'delete', old.rid, p.title, coalesce(old.sku, ''), coalesce(old.barcode, '') FROM products p WHERE p.id = old.product_id;
END;
CREATE TRIGGER variants_search_au AFTER UPDATE OF sku, barcode, product_id ON variants
WHEN old.sku IS NOT new.sku OR old.barcode IS NOT new.barcode OR old.product_id IS NOT new.product_id BEGIN
    INSERT INTO variant_search (variant_search, rowid, title, sku, barcode)
    SELECT 'delete', old.rid, p.title, coalesce(old.sku, ''), coalesce(old.barcode, '') FROM products p WHERE p.id = old.product_id;
    INSERT INTO variant_search (rowid, title, sku, barcode)
    SELECT new.rid, p.title, coalesce(new.sku, ''), coalesce(new.barcode, '') FROM products p WHERE p.id = new.product_id;
END;
-- A product delete removes its variants here, while the product row (and so the title the
-- variants were indexed under) still exists; the FK cascade then finds nothing left to do.
CREATE TRIGGER products_search_bd BEFORE DELETE ON products BEGIN
    DELETE FROM variants WHERE product_id = old.id;
END;
CREATE TRIGGER products_search_au AFTER UPDATE OF title ON products WHEN old.title IS NOT new.title BEGIN
    INSERT INTO variant_search (variant_search, rowid, title, sku, barcode)
    SELECT 'delete', v.rid, old.title, coalesce(v.sku, ''), coalesce(v.barcode, '') FROM variants v WHERE v.product_id = old.id;
    INSERT INTO variant_search (rowid, title, sku, barcode)
    SELECT v.rid, new.title, coalesce(v.sku, ''), coalesce(v.barcode, '') FROM variants v WHERE v.product_id = new.id;
END;

CREATE TRIGGER customers_search_ai AFTER INSERT ON customers BEGIN
    INSERT INTO customer_search (rowid, name, email, phone)
    VALUES (new.rid, new.first_name || ' ' || new.last_name, coalesce(new.email, ''), coalesce(new.phone, ''));
END;
CREATE TRIGGER customers_search_ad AFTER DELETE ON customers BEGIN
    INSERT INTO customer_search (customer_search, rowid, name, email, phone)
    VALUES ('delete', old.rid, old.first_name || ' ' || old.last_name, coalesce(old.email, ''), coalesce(old.phone, ''));
END;
CREATE TRIGGER customers_search_au AFTER UPDATE OF first_name, last_name, email, phone ON customers
WHEN old.first_name IS NOT new.first_name OR old.last_name IS NOT new.last_name OR old.email IS NOT new.email
    OR old.phone IS NOT new.phone BEGIN
    INSERT INTO customer_search (customer_search, rowid, name, email, phone)
    VALUES ('delete', old.rid, old.first_name || ' ' || old.last_name, coalesce(old.email, ''), coalesce(old.phone, ''));
    INSERT INTO customer_search (rowid, name, email, phone)
    VALUES (new.rid, new.first_name || ' ' || new.last_name, coalesce(new.email, ''), coalesce(new.phone, ''));
END;

CREATE TRIGGER orders_search_ai AFTER INSERT ON orders BEGIN
    INSERT INTO order_search (rowid, number, customer_name) VALUES (new.rid, CAST(new.number AS TEXT), new.customer_name);
END;
CREATE TRIGGER orders_search_ad AFTER DELETE ON orders BEGIN
    INSERT INTO order_search (order_search, rowid, number, customer_name)
    VALUES ('delete', old.rid, CAST(old.number AS TEXT), old.customer_name);
END;
CREATE TRIGGER orders_search_au AFTER UPDATE OF number, customer_name ON orders
WHEN old.number IS NOT new.number OR old.customer_name IS NOT new.customer_name BEGIN
    INSERT INTO order_search (order_search, rowid, number, customer_name)
    VALUES ('delete', old.rid, CAST(old.number AS TEXT), old.customer_name);
    INSERT INTO order_search (rowid, number, customer_name) VALUES (new.rid, CAST(new.number AS TEXT), new.customer_name);
END;
)SQL";

// Sync bookkeeping. The outbox row is written in the same transaction as the local edit.
const char *const kSyncBookkeeping = R"SQL(
CREATE TABLE outbox (
    seq          INTEGER PRIMARY KEY CHECK (seq > 0),
    mutation_id  TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL CHECK (length(name) > 0),
    args         TEXT NOT NULL CHECK (json_valid(args)),
    entity_type  TEXT NOT NULL DEFAULT '',
    entity_id    TEXT NOT NULL DEFAULT '',
    state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'in_flight', 'failed')),
    attempts     INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error   TEXT NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL
);
CREATE INDEX outbox_entity ON outbox (entity_type, entity_id);

CREATE TABLE sync_state (
    singleton         INTEGER PRIMARY KEY CHECK (singleton = 1),
    client_id         TEXT,
    cursor            TEXT NOT NULL DEFAULT '',
    last_applied_seq  INTEGER NOT NULL DEFAULT 0 CHECK (last_applied_seq >= 0),
    next_seq          INTEGER NOT NULL DEFAULT 1 CHECK (next_seq > 0),
    last_synced_at    INTEGER
);
INSERT INTO sync_state (singleton) VALUES (1);

CREATE TABLE sync_issues (
    rid            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    seq            INTEGER,
    mutation_id    TEXT,
    mutation_name  TEXT NOT NULL DEFAULT '',
    args           TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(args)),
    kind           TEXT NOT NULL CHECK (kind IN ('rejected', 'conflict', 'inventory_stale', 'access_lost')),
    code           TEXT NOT NULL DEFAULT '',
    message        TEXT NOT NULL DEFAULT '',
    details        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details)),
    entity_type    TEXT NOT NULL DEFAULT '',
    entity_id      TEXT NOT NULL DEFAULT '',
    created_at     INTEGER NOT NULL,
    resolved_at    INTEGER,
    resolution     TEXT CHECK (resolution IS NULL OR resolution IN ('kept_mine', 'took_theirs', 'dismissed'))
);
CREATE INDEX sync_issues_open ON sync_issues (created_at) WHERE resolved_at IS NULL;
)SQL";


// Rebase bookkeeping. A mutation the server acknowledged stays in the outbox (acked_at set,
// never sent again) until a pull's last_applied_seq covers it, so the visible row is always
// the server's document plus every mutation the pulled data does not yet contain.
// sync_base keeps the server document of each entity that pending mutations touch (NULL doc:
// not on the server yet), so a rejected mutation can be reverted and a pulled row rebased.
const char *const kRebase = R"SQL(
ALTER TABLE outbox ADD COLUMN acked_at INTEGER;
CREATE INDEX outbox_unacked ON outbox (seq) WHERE acked_at IS NULL;
CREATE TABLE outbox_entities (
    seq          INTEGER NOT NULL REFERENCES outbox (seq) ON DELETE CASCADE,
    entity_type  TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    PRIMARY KEY (entity_type, entity_id, seq)
) WITHOUT ROWID;
CREATE INDEX outbox_entities_seq ON outbox_entities (seq);
CREATE TABLE sync_base (
    entity_type  TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 0,
    doc          TEXT CHECK (doc IS NULL OR json_valid(doc)),
    PRIMARY KEY (entity_type, entity_id)
) WITHOUT ROWID;
ALTER TABLE sync_state ADD COLUMN server_time INTEGER;
ALTER TABLE sync_state ADD COLUMN initial_sync_done INTEGER NOT NULL DEFAULT 0;
)SQL";

// Orders without a customer record are found by the e-mail on the order too: a guest's e-mail
// is nowhere else (a customer's orders are found through customer_search). Only guests' e-mails
// are indexed, so the index grows by the guest orders alone. FTS5 cannot add a column: the
// index is made again, from the orders, and so are its triggers (IF EXISTS: an interrupted
// demo bulk load leaves them dropped, and puts back only what does not exist).
const char *const kOrderGuestEmail = R"SQL(
DROP TRIGGER IF EXISTS orders_search_ai;
DROP TRIGGER IF EXISTS orders_search_ad;
DROP TRIGGER IF EXISTS orders_search_au;
DROP TABLE order_search;
CREATE VIRTUAL TABLE order_search USING fts5(
    number, customer_name, guest_email, content='', prefix='2 3', tokenize='unicode61 remove_diacritics 2');
INSERT INTO order_search (rowid, number, customer_name, guest_email)
    SELECT rid, CAST(number AS TEXT), customer_name, CASE WHEN customer_id IS NULL THEN coalesce(email, '') ELSE '' END
    FROM orders;

CREATE TRIGGER orders_search_ai AFTER INSERT ON orders BEGIN
    INSERT INTO order_search (rowid, number, customer_name, guest_email)
    VALUES (new.rid, CAST(new.number AS TEXT), new.customer_name,
            CASE WHEN new.customer_id IS NULL THEN coalesce(new.email, '') ELSE '' END);
END;
CREATE TRIGGER orders_search_ad AFTER DELETE ON orders BEGIN
    INSERT INTO order_search (order_search, rowid, number, customer_name, guest_email)
    VALUES ('delete', old.rid, CAST(old.number AS TEXT), old.customer_name,
            CASE WHEN old.customer_id IS NULL THEN coalesce(old.email, '') ELSE '' END);
END;
CREATE TRIGGER orders_search_au AFTER UPDATE OF number, customer_name, customer_id, email ON orders
WHEN old.number IS NOT new.number OR old.customer_name IS NOT new.customer_name
    OR (old.customer_id IS NULL) IS NOT (new.customer_id IS NULL) OR old.email IS NOT new.email BEGIN
    INSERT INTO order_search (order_search, rowid, number, customer_name, guest_email)
    VALUES ('delete', old.rid, CAST(old.number AS TEXT), old.customer_name,
            CASE WHEN old.customer_id IS NULL THEN coalesce(old.email, '') ELSE '' END);
    INSERT INTO order_search (rowid, number, customer_name, guest_email)
    VALUES (new.rid, CAST(new.number AS TEXT), new.customer_name,
            CASE WHEN new.customer_id IS NULL THEN coalesce(new.email, '') ELSE '' END);
END;
)SQL";

// One row per tag of each customer, so a list filters by tag through an index instead of
// reading every customer's tags. A tag is kept as the filter compares it: trimmed, in ASCII
// lower case (SQLite's lower()). A tags text is split on its commas as a JSON array:
// json_quote() escapes whatever would break the array and never writes a comma of its own.
// The triggers are named like the search ones, so a bulk load that suspends search
// maintenance suspends them too, and SearchIndex::rebuild() refills the table.
const char *const kCustomerTags = R"SQL(
CREATE TABLE customer_tags (
    tag           TEXT NOT NULL,
    customer_rid  INTEGER NOT NULL,
    PRIMARY KEY (tag, customer_rid)
) WITHOUT ROWID;

INSERT OR IGNORE INTO customer_tags (tag, customer_rid)
    SELECT lower(trim(j.value, ' ' || char(9, 10, 13))), c.rid
    FROM customers c, json_each('[' || replace(json_quote(c.tags), ',', '","') || ']') j
    WHERE trim(j.value, ' ' || char(9, 10, 13)) <> '';

CREATE TRIGGER customers_tag_search_ai AFTER INSERT ON customers WHEN new.tags <> '' BEGIN
    INSERT OR IGNORE INTO customer_tags (tag, customer_rid)
    SELECT lower(trim(value, ' ' || char(9, 10, 13))), new.rid
    FROM json_each('[' || replace(json_quote(new.tags), ',', '","') || ']')
    WHERE trim(value, ' ' || char(9, 10, 13)) <> '';
END;
CREATE TRIGGER customers_tag_search_ad AFTER DELETE ON customers WHEN old.tags <> '' BEGIN
    DELETE FROM customer_tags WHERE customer_rid = old.rid AND tag IN (
        SELECT lower(trim(value, ' ' || char(9, 10, 13)))
        FROM json_each('[' || replace(json_quote(old.tags), ',', '","') || ']'));
END;
CREATE TRIGGER customers_tag_search_au AFTER UPDATE OF tags ON customers WHEN old.tags IS NOT new.tags BEGIN
    DELETE FROM customer_tags WHERE customer_rid = old.rid AND tag IN (
        SELECT lower(trim(value, ' ' || char(9, 10, 13)))
        FROM json_each('[' || replace(json_quote(old.tags), ',', '","') || ']'));
    INSERT OR IGNORE INTO customer_tags (tag, customer_rid)
    SELECT lower(trim(value, ' ' || char(9, 10, 13))), new.rid
    FROM json_each('[' || replace(json_quote(new.tags), ',', '","') || ']')
    WHERE trim(value, ' ' || char(9, 10, 13)) <> '';
END;
)SQL";

} // namespace

const QList<SchemaMigrator::Migration> &SchemaMigrator::migrations()
{
    static const QList<Migration> list = {
        {1, "catalog, inventory, customers and orders", QByteArray(kCatalog)},
        {2, "full-text search", QByteArray(kSearch)},
        {3, "sync bookkeeping", QByteArray(kSyncBookkeeping)},
        {4, "rebase bookkeeping", QByteArray(kRebase)},
        {5, "order search by a guest's e-mail", QByteArray(kOrderGuestEmail)},
        {6, "customer tags", QByteArray(kCustomerTags)},
    };
    return list;
}

int SchemaMigrator::latestVersion()
{
    return migrations().constLast().version;
}

Result<int> SchemaMigrator::checkVersion(SqliteDatabase &db)
{
    return checkVersion(db, migrations());
}

Result<int> SchemaMigrator::checkVersion(SqliteDatabase &db, const QList<Migration> &steps)
{
    const int latest = steps.isEmpty() ? 0 : steps.constLast().version;
    SK_TRY_ASSIGN(version, db.userVersion());
    if (version > latest) {
        return makeError(QStringLiteral("schema.too_new"),
                         QCoreApplication::translate("SchemaMigrator",
                                                     "This shop file was written by a newer version of Storekeep "
                                                     "(schema %1; this version reads up to %2). Update Storekeep "
                                                     "to open it. The file was not changed.")
                             .arg(version)
                             .arg(latest),
                         db.path());
    }
    return version;
}

Result<void> SchemaMigrator::migrate(SqliteDatabase &db, int targetVersion)
{
    return migrate(db, migrations(), targetVersion);
}

Result<void> SchemaMigrator::migrate(SqliteDatabase &db, const QList<Migration> &steps, int targetVersion)
{
    if (targetVersion < 0)
        targetVersion = steps.isEmpty() ? 0 : steps.constLast().version;
    SK_TRY_ASSIGN(current, checkVersion(db, steps));
    for (const Migration &m : steps) {
        if (m.version <= current || m.version > targetVersion)
            continue;
        qCInfo(lcMigrations) << "migrating" << db.path() << "to version" << m.version << m.name;
        SK_TRY_ASSIGN(tx, SqliteTransaction::begin(db));
        auto applied = db.exec(m.sql);
        if (!applied.ok()) {
            Error e = applied.error();
            e.message = QCoreApplication::translate("SchemaMigrator", "Upgrading the shop file to schema %1 (%2) failed: %3")
                            .arg(m.version)
                            .arg(QString::fromLatin1(m.name), e.message);
            return e;
        }
        SK_TRY(db.setUserVersion(m.version));
        SK_TRY(tx.commit());
        current = m.version;
    }
    return {};
}

} // namespace sk

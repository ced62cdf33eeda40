#pragma once

// The shop the inventory and customer UI tests run on: a real shop file filled by the demo
// generator (Small: ~1.5k variants at 2 locations, ~1k customers, ~5k orders), plus SQL
// helpers for the expected answers and checks of what a model or a widget shows.
// Header-only: every tests/ui program is one .cpp.

#include "common/storelistmodel.h"
#include "demo/demogenerator.h"
#include "demo/storedemosink.h"
#include "storage/shopstore.h"
#include "storage/sqlitedatabase.h"
#include "testsupport.h"

#include <QAbstractItemModel>
#include <QDate>
#include <QImage>
#include <QSemaphore>
#include <QSet>
#include <QStringList>
#include <QTest>
#include <QThreadPool>
#include <QWidget>

#include <memory>

namespace sk::test {

inline std::unique_ptr<TempStore> makeDemoShop()
{
    auto temp = makeTempStore();
    if (!temp)
        return nullptr;
    DemoOptions options;
    options.scale = DemoScale::Small;
    options.endDate = QDate(2026, 6, 30);
    DemoGenerator generator(options);
    StoreDemoSink sink(*temp->store);
    auto generated = generator.generate(sink);
    if (!generated.ok()) {
        qWarning("makeDemoShop: %s", qPrintable(generated.error().toString()));
        return nullptr;
    }
    return temp;
}

// The first column of every row of a query, as text ("SQL error: ..." when it fails, so a
// comparison shows the problem).
inline QStringList sqlColumn(const ShopStore &store, const QByteArray &sql)
{
    auto db = store.openReader();
    if (!db.ok())
        return {QStringLiteral("SQL error: ") + db.error().toString()};
    auto stmt = (*db)->prepare(sql);
    if (!stmt.ok())
        return {QStringLiteral("SQL error: ") + stmt.error().toString()};
    QStringList out;
    while (stmt->step().valueOr(false))
        out << stmt->text(0);
    return out;
}

inline qint64 sqlInt(const ShopStore &store, const QByteArray &sql)
{
    const QStringList column = sqlColumn(store, sql);
    return column.isEmpty() ? -1 : column.constFirst().toLongLong();
}

inline QString sqlText(const ShopStore &store, const QByteArray &sql)
{
    const QStringList column = sqlColumn(store, sql);
    return column.isEmpty() ? QString() : column.constFirst();
}

// The query plan of a statement, one detail per line.
inline QString queryPlan(const ShopStore &store, const QByteArray &sql)
{
    auto db = store.openReader();
    if (!db.ok())
        return db.error().toString();
    auto stmt = (*db)->prepare("EXPLAIN QUERY PLAN " + sql);
    if (!stmt.ok())
        return stmt.error().toString();
    QStringList details;
    while (stmt->step().valueOr(false))
        details << stmt->text(3);
    return details.join(u'\n');
}

// Shows a page at a desktop size and waits until it has the focus (keyboard tests need it).
inline bool showActive(QWidget &widget)
{
    widget.resize(1100, 700);
    widget.show();
    widget.activateWindow();
    return QTest::qWaitForWindowActive(&widget);
}

// Waits until a list model shows the rows of its latest filter and sort (a model with a
// loadJob() reads them on a worker). False when it still reads after the timeout.
inline bool waitForRows(const StoreListModel &model, int timeoutMs = 10'000)
{
    return QTest::qWaitFor([&] { return !model.isLoading(); }, timeoutMs);
}

// Keeps every thread of the global pool busy while it lives (or until release()), as on a
// machine busy with other work: a read a model queued on the pool waits, so a test can see
// what the UI thread does meanwhile.
class BusyPool
{
public:
    BusyPool() : m_state(std::make_shared<State>())
    {
        QThreadPool *pool = QThreadPool::globalInstance();
        m_threads = pool->maxThreadCount();
        for (int i = 0; i < m_threads; ++i) {
            pool->start([state = m_state] {
                state->started.release();
                state->release.acquire();
            });
        }
        m_busy = m_state->started.tryAcquire(m_threads, 10'000);
    }
    ~BusyPool() { release(); }
    BusyPool(const BusyPool &) = delete;
    BusyPool &operator=(const BusyPool &) = delete;

    // Every pool thread is taken.
    bool isBusy() const { return m_busy; }
    void release()
    {
        if (m_threads > 0)
            m_state->release.release(m_threads);
        m_threads = 0;
    }

private:
    struct State
    {
        QSemaphore started;
        QSemaphore release;
    };
    std::shared_ptr<State> m_state;
    int m_threads = 0;
    bool m_busy = false;
};

// Every row's data of one column, as text.
inline QStringList modelColumn(const QAbstractItemModel &model, int column, int role = Qt::DisplayRole)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.data(model.index(row, column), role).toString();
    return out;
}

// True when a grabbed widget shows more than a handful of colours (it is not blank).
inline bool looksPainted(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    }
    return colours.size() > 8;
}

} // namespace sk::test

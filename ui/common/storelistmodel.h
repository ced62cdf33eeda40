#pragma once

#include "common/shopformat.h"
#include "common/windowedrows.h"
#include "storage/keysetpage.h"
#include "util/result.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>

#include <functional>
#include <memory>
#include <optional>

namespace sk {

class ShopStore;
class SqliteDatabase;

// What the list models over a shop file share: their own read-only connection (the writer
// never blocks it), the shop's formats, reloading inside a model reset, the header, sorting
// on the columns SQL can sort by an index, and read errors reported once each through
// errorOccurred so a view can show them inline.
//
// A list whose rows take long to find (ordering every key of a million-row filter) reads them
// off the UI thread: its loadJob() runs on a pool thread with a second read-only connection,
// and the rows it found replace the shown ones, inside a model reset, when it is done. The
// previous rows stay until then (isLoading() is true); a reload asked for meanwhile interrupts
// the running read, whose result is dropped, and reads again with the newest filter.
class StoreListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    ~StoreListModel() override;

    // Opens a read-only connection to the store's file, reads the shop settings and loads the
    // rows. The model stays empty until this succeeds.
    Result<void> open(const ShopStore &store);
    // Drops the connection and every row (no shop open).
    void close();
    bool isOpen() const { return m_db != nullptr; }
    // Re-reads the rows with the current filter and sort (after edits or a sync). With a
    // loadJob() it returns at once: loaded() follows, and read errors go to errorOccurred.
    Result<void> reload();
    // A reload is under way: the rows shown are those of the previous filter (or none).
    bool isLoading() const { return m_loading; }

    const ShopFormat &format() const { return m_format; }
    // The last read error, or an empty string.
    QString lastError() const { return m_lastError; }

    // The column the rows are sorted by (-1: the model's natural order) and the direction.
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Re-reads the rows in the new order; a column without an index is ignored.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    // A read failed; the message says what and can be shown inline.
    void errorOccurred(const QString &message);
    // The rows of the latest reload are in (after a failure: none, and errorOccurred follows).
    void loaded();
    void loadingChanged(bool loading);

protected:
    // A model that overrides columnCount(), headerData() and sort() itself.
    explicit StoreListModel(QObject *parent = nullptr);
    // A model whose header and sorting come from columnTitle(), isNumericColumn() and isSortable().
    StoreListModel(int columnCount, int sortColumn, QObject *parent);

    // Reads the rows of the current filter and sort on the UI thread, inside a model reset; for
    // lists that read a page at a time. A list that may read many keys has a loadJob() instead.
    virtual Result<void> load(SqliteDatabase &db);
    // What a reload reads off the UI thread: a job run on a pool thread with the model's worker
    // connection. It may use only what it captured by value (the filter and sort), never the
    // model, which may be gone or changed by then. The Apply it returns runs on the UI thread,
    // inside the model reset that shows the new rows, unless a newer reload made it stale.
    using Apply = std::function<void()>;
    using LoadJob = std::function<Result<Apply>(SqliteDatabase &db)>;
    // Null (the default): the rows are read by load().
    virtual LoadJob loadJob() { return {}; }
    // A loadJob() from its two halves: `read` (pool thread, captures values only) gives a T,
    // which `apply` (UI thread, may use the model) shows.
    template <typename T, typename Read, typename ApplyRows>
    static LoadJob makeLoadJob(Read read, ApplyRows apply)
    {
        return [read = std::move(read), apply = std::move(apply)](SqliteDatabase &db) -> Result<Apply> {
            Result<T> rows = read(db);
            if (!rows.ok())
                return rows.error();
            return Apply([apply, value = std::move(rows).value()]() mutable { apply(std::move(value)); });
        };
    }
    // Forgets every row; runs inside a model reset.
    virtual void clearRows() = 0;
    // "Could not read …: %1", naming the list.
    virtual QString errorText(const QString &reason) const = 0;
    virtual QString columnTitle(int) const { return {}; }
    // Numbers are right-aligned.
    virtual bool isNumericColumn(int) const { return false; }
    virtual bool isSortable(int) const { return false; }
    // The tooltip of the headers sort() ignores.
    virtual QString unsortableTip() const { return {}; }
    SortOrder sortDirection() const;

    SqliteDatabase *db() const { return m_db.get(); }
    // True while a reload is announced: fetchMore() must wait, or rows would be inserted
    // inside the reset (a view or the model tester reacting to modelReset asks for more).
    bool isResetting() const { return m_resetting; }
    // Reloads when open (a filter or sort changed); errors go to errorOccurred.
    void reloadIfOpen();
    // Reports a failed read once per distinct problem, queued (data() may run inside a paint).
    void reportError(const Error &error) const;
    // A windowed row, or null when it is gone or unreadable (reported).
    template <typename Row>
    const Row *rowOrNull(const WindowedRows<Row> &rows, int row) const
    {
        auto found = rows.at(row);
        if (!found.ok()) {
            reportError(found.error());
            return nullptr;
        }
        return *found;
    }
    // Numbers right-aligned, text left-aligned, for TextAlignmentRole.
    static QVariant alignment(bool numeric);

private:
    struct Loaded
    {
        int generation = 0;
        Apply apply;
        std::optional<Error> error;
    };
    void startJob();
    void onJobFinished();
    void setLoading(bool loading);

    std::unique_ptr<SqliteDatabase> m_db;
    // The loadJob() connection: used by one job at a time, on the pool thread running it.
    std::shared_ptr<SqliteDatabase> m_workerDb;
    std::shared_ptr<SqliteDatabase> m_runningDb; // the running job's, to interrupt it
    QFutureWatcher<Loaded> m_job;
    int m_generation = 0; // bumped per reload and close: a job of an older one is stale
    bool m_loading = false;
    ShopFormat m_format;
    bool m_resetting = false;
    int m_columnCount = 0;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    mutable QString m_lastError;
};

} // namespace sk

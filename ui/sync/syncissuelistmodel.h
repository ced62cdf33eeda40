#pragma once

#include "local/syncissues.h"
#include "util/result.h"

#include <QAbstractTableModel>
#include <QList>
#include <QLocale>
#include <QTimeZone>

#include <memory>

namespace sk {

class ShopStore;
class SqliteDatabase;

// The open sync issues of a shop file (SyncIssues::open), oldest first, over the model's own
// read-only connection. reload() re-reads the list and updates it row by row (removals and
// insertions, not a reset), so a view keeps its selection and scroll position; connect it to
// SyncWorker::syncFinished or call it after resolving an issue. The list is short by nature
// (edits the server refused), so every row is read at once, labels included.
class SyncIssueListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { WhenColumn, RecordColumn, TriedColumn, ReasonColumn, ColumnCount };
    enum Role {
        IssueIdRole = Qt::UserRole + 1,
        KindRole,
        CodeRole,
        EntityTypeRole,
        EntityIdRole,
        CreatedAtRole,     // qint64 UTC ms
        RecordExistsRole,  // bool: the record is in the local file (it can be opened)
        CanKeepMineRole,   // bool: "Keep mine" may succeed
    };

    explicit SyncIssueListModel(QObject *parent = nullptr);
    ~SyncIssueListModel() override;

    // Opens a read-only connection to the store's file, reads the shop's time zone, locale and
    // currency, and loads the issues.
    Result<void> open(const ShopStore &store);

    const SyncIssue &issueAt(int row) const { return m_rows.at(row).issue; }
    bool recordExists(int row) const { return m_rows.at(row).exists; }
    // A prediction of SyncIssues::keepMine: false for refusals the server would repeat
    // (validation, access lost) and for records that are gone.
    bool canKeepMine(int row) const;
    int rowOfIssue(const QString &issueId) const;
    // The last read error, or an empty string.
    QString lastError() const { return m_lastError; }

    // "Adjust stock by -3", "Change price to €14.00": the refused mutation in words.
    QString describeMutation(const SyncIssue &issue) const;
    static QString entityTypeText(const QString &type);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public slots:
    // Re-reads the open issues; on failure keeps the rows and emits errorOccurred.
    void reload();

signals:
    void errorOccurred(const QString &message);
    // After every successful reload, with the new row count.
    void reloaded(int rows);

private:
    struct Row
    {
        SyncIssue issue;
        bool exists = false;
        QString when;
        QString whenExact;
        QString record;
        QString tried;
        QString reason;
        QString reasonDetail;
    };

    Result<void> readSettings();
    Result<QList<Row>> readRows();
    Result<Row> makeRow(SqliteDatabase &db, const SyncIssue &issue);
    Result<std::pair<QString, bool>> recordLabel(SqliteDatabase &db, const EntityRef &ref);
    QString valueText(const QString &field, const QJsonValue &value) const;
    QString formatMoney(qint64 minor) const;
    void applyRows(QList<Row> rows);

    std::unique_ptr<SqliteDatabase> m_db;
    QList<Row> m_rows;
    QLocale m_locale;
    QTimeZone m_zone;
    QString m_currency;
    bool m_hasSettings = false;
    QString m_lastError;
};

} // namespace sk

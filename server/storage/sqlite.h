// A thin RAII layer over the SQLite C API. We use SQLite directly, not Qt SQL, because the
// durability rules (WAL, synchronous=FULL, one fsync per grouped transaction) and the schema
// version checks need the exact pragmas and error codes.
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QString>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace chamber::storage {

class Statement
{
public:
    Statement() = default;
    Statement(sqlite3 *db, sqlite3_stmt *statement)
        : m_db(db)
        , m_statement(statement)
    { }
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, const QString &value);
    Statement &bind(int index, const QByteArray &value); // as a blob
    Statement &bindText(int index, const QByteArray &utf8);

    // Runs one step. Returns true while rows come, false when done; errors go to *error.
    bool next(Error *error = nullptr);
    // Runs to completion, for statements without results.
    Status run();
    void reset();

    qint64 integer(int column) const;
    QString text(int column) const;
    QByteArray textBytes(int column) const;
    QByteArray blob(int column) const;
    bool isNull(int column) const;
    bool isPrepared() const { return m_statement != nullptr; }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
};

class Database
{
public:
    enum class Mode { ReadWrite, ReadOnly };

    // Opens (and for ReadWrite creates) the file and applies the durability pragmas.
    static Result<std::unique_ptr<Database>> open(const QString &path, Mode mode = Mode::ReadWrite);
    // For unit tests only: nothing here is durable.
    static Result<std::unique_ptr<Database>> openInMemory();
    ~Database();

    Status exec(const QByteArray &sql);
    Result<Statement> prepare(const QByteArray &sql);
    Result<qint64> queryInteger(const QByteArray &sql);
    QString lastError() const;
    QString path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }

private:
    Database(sqlite3 *db, QString path)
        : m_db(db)
        , m_path(std::move(path))
    { }
    sqlite3 *m_db;
    QString m_path;
};

// BEGIN IMMEDIATE on construction (take the write lock up front, so a transaction never fails
// half-way for lock reasons), ROLLBACK on destruction unless commit() succeeded.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    const Status &begun() const { return m_begun; }
    Status commit();

private:
    Database &m_db;
    Status m_begun;
    bool m_open = false;
};

Error storageError(const QString &what, const QString &detail);
// The error of a failed SQLite call that returned `rc`: Unavailable with "the server's disk is
// full; nothing was stored" when the disk (or max_page_count) is full, else storageError.
Error sqliteError(sqlite3 *db, int rc, const QString &what);

} // namespace chamber::storage

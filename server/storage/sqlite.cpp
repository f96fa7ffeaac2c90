#include "storage/sqlite.h"

#include "support/durablefile.h"

#include <sqlite3.h>

#include <utility>

namespace chamber::storage {

Error storageError(const QString &what, const QString &detail)
{
    return makeError(ErrorCode::Internal, QStringLiteral("storage: %1: %2").arg(what, detail));
}

namespace {

// SQLITE_FULL is a full disk (SQLite's unix layer reports ENOSPC so) or max_page_count
// reached; a sync or write failing with ENOSPC or EDQUOT comes as an I/O error whose errno
// says so. Either way the transaction is rolled back: nothing was stored.
Error sqliteError(sqlite3 *db, int rc, const QString &what, const QString &detail)
{
    const int primary = rc & 0xff;
    if (primary == SQLITE_FULL
        || (primary == SQLITE_IOERR && support::isDiskFullErrno(sqlite3_system_errno(db))))
        return support::diskFull(QStringLiteral("storage: %1: %2").arg(what, detail));
    return storageError(what, detail);
}

} // namespace

Error sqliteError(sqlite3 *db, int rc, const QString &what)
{
    return sqliteError(db, rc, what, QString::fromUtf8(sqlite3_errmsg(db)));
}

Statement::Statement(Statement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_statement(std::exchange(other.m_statement, nullptr))
{ }

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_db = std::exchange(other.m_db, nullptr);
        m_statement = std::exchange(other.m_statement, nullptr);
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_statement);
}

Statement &Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    return bindText(index, value.toUtf8());
}

Statement &Statement::bindText(int index, const QByteArray &utf8)
{
    sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &value)
{
    sqlite3_bind_blob(m_statement, index, value.constData(), int(value.size()), SQLITE_TRANSIENT);
    return *this;
}

bool Statement::next(Error *error)
{
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE && error)
        *error = sqliteError(m_db, rc, QStringLiteral("step"));
    return false;
}

Status Statement::run()
{
    Error error;
    bool failed = false;
    for (;;) {
        const int rc = sqlite3_step(m_statement);
        if (rc == SQLITE_ROW)
            continue;
        if (rc != SQLITE_DONE) {
            error = sqliteError(m_db, rc, QStringLiteral("step"));
            failed = true;
        }
        break;
    }
    reset();
    if (failed)
        return error;
    return success();
}

void Statement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

qint64 Statement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QByteArray Statement::textBytes(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QByteArray(data, sqlite3_column_bytes(m_statement, column));
}

QString Statement::text(int column) const
{
    return QString::fromUtf8(textBytes(column));
}

QByteArray Statement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
    return QByteArray(data, sqlite3_column_bytes(m_statement, column));
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, Mode mode)
{
    sqlite3 *db = nullptr;
    const int flags = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY
                                             : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    const int rc
        = sqlite3_open_v2(path.toUtf8().constData(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const QString detail
            = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close(db);
        return storageError(QStringLiteral("cannot open %1").arg(path), detail);
    }
    std::unique_ptr<Database> database(new Database(db, path));
    sqlite3_extended_result_codes(db, 1);
    // A writer holds the lock only for one short transaction; wait rather than fail.
    sqlite3_busy_timeout(db, 5000);
    if (mode == Mode::ReadWrite) {
        // WAL lets readers (chamberctl verify, backups) run beside the server; synchronous=FULL
        // makes every commit durable before we acknowledge it.
        // secure_delete: pages freed or rewritten (a changed secret ballot) are zeroed, not
        // left behind in the file.
        for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                 "PRAGMA foreign_keys=ON", "PRAGMA secure_delete=ON"}) {
            if (auto status = database->exec(pragma); !status)
                return status.error();
        }
        auto journal = database->prepare("PRAGMA journal_mode");
        if (!journal || !journal->next() || journal->text(0) != QLatin1String("wal"))
            return storageError(QStringLiteral("cannot enable WAL on %1").arg(path),
                QStringLiteral("the file system may not support it"));
    }
    return database;
}

Result<std::unique_ptr<Database>> Database::openInMemory()
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
        sqlite3_close(db);
        return storageError(QStringLiteral("cannot open memory database"), QString());
    }
    return std::unique_ptr<Database>(new Database(db, QStringLiteral(":memory:")));
}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

Status Database::exec(const QByteArray &sql)
{
    char *message = nullptr;
    if (const int rc = sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, &message);
        rc != SQLITE_OK) {
        const QString detail = QString::fromUtf8(message ? message : "unknown error");
        sqlite3_free(message);
        return sqliteError(m_db, rc, QString::fromUtf8(sql.left(60)), detail);
    }
    return success();
}

Result<Statement> Database::prepare(const QByteArray &sql)
{
    sqlite3_stmt *statement = nullptr;
    if (const int rc = sqlite3_prepare_v3(
            m_db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
        rc != SQLITE_OK) {
        return sqliteError(m_db, rc, QStringLiteral("prepare"));
    }
    return Statement(m_db, statement);
}

Result<qint64> Database::queryInteger(const QByteArray &sql)
{
    auto statement = prepare(sql);
    if (!statement)
        return statement.error();
    Error error;
    if (!statement->next(&error))
        return error.message.isEmpty()
            ? storageError(QString::fromUtf8(sql), QStringLiteral("no row"))
            : error;
    return statement->integer(0);
}

QString Database::lastError() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

Transaction::Transaction(Database &db)
    : m_db(db)
    , m_begun(db.exec("BEGIN IMMEDIATE"))
{
    m_open = m_begun.ok();
}

Transaction::~Transaction()
{
    if (m_open)
        (void)m_db.exec("ROLLBACK");
}

Status Transaction::commit()
{
    if (!m_open)
        return m_begun.ok() ? storageError(QStringLiteral("commit"), QStringLiteral("not open"))
                            : m_begun;
    Status status = m_db.exec("COMMIT");
    if (status)
        m_open = false;
    return status;
}

} // namespace chamber::storage

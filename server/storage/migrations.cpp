#include "storage/migrations.h"

#include <array>

namespace chamber::storage {

namespace {

// Never edit a migration that has shipped: add a new one. Tests migrate from every version.
constexpr std::array kMigrations {
    Migration {1, "event log",
        // One row per event; (meeting, seq) is the natural key and the order of replay.
        "CREATE TABLE events ("
        "  meeting INTEGER NOT NULL,"
        "  seq INTEGER NOT NULL CHECK (seq >= 1),"
        "  kind TEXT NOT NULL,"
        "  time TEXT NOT NULL,"
        "  actor TEXT NOT NULL,"
        "  data TEXT NOT NULL,"
        "  prev BLOB NOT NULL CHECK (length(prev) = 32),"
        "  hash BLOB NOT NULL CHECK (length(hash) = 32),"
        "  PRIMARY KEY (meeting, seq)"
        ") WITHOUT ROWID;"},
    Migration {2, "append-only event log",
        // The hash chain detects tampering after the fact; these triggers stop the server
        // itself (or a careless sqlite3 session) from rewriting history in the first place.
        "CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
        "BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;"
        "CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
        "BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;"},
    Migration {3, "idempotent command results",
        // The answer to every successful command, keyed by who sent it and its request id,
        // written in the same transaction as the command's events.
        "CREATE TABLE command_results ("
        "  principal TEXT NOT NULL,"
        "  request_id TEXT NOT NULL,"
        "  fingerprint BLOB NOT NULL,"
        "  response TEXT NOT NULL,"
        "  created TEXT NOT NULL,"
        "  PRIMARY KEY (principal, request_id)"
        ") WITHOUT ROWID;"},
    Migration {4, "join codes and device credentials",
        // Secrets are stored only as SHA-256 hashes: a copy of the database enrolls nothing
        // and impersonates no device. What a device is (role, seat) is also in the event log.
        "CREATE TABLE join_codes ("
        "  id INTEGER PRIMARY KEY,"
        "  meeting INTEGER NOT NULL,"
        "  role TEXT NOT NULL,"
        "  delegate INTEGER,"
        "  label TEXT NOT NULL,"
        "  token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),"
        "  created TEXT NOT NULL,"
        "  expires TEXT NOT NULL,"
        "  redeemed TEXT,"
        "  device INTEGER"
        ");"
        "CREATE TABLE devices ("
        "  id INTEGER PRIMARY KEY,"
        "  meeting INTEGER NOT NULL,"
        "  role TEXT NOT NULL,"
        "  delegate INTEGER,"
        "  credential_hash BLOB NOT NULL UNIQUE CHECK (length(credential_hash) = 32),"
        "  enrolled TEXT NOT NULL,"
        "  revoked TEXT"
        ");"},
    Migration {5, "ballots",
        // Named ballots: who voted what, as the roll call will show. One row per delegate and
        // poll; the key digest lets a changed vote find its row.
        "CREATE TABLE named_ballots ("
        "  meeting INTEGER NOT NULL,"
        "  poll INTEGER NOT NULL,"
        "  delegate INTEGER NOT NULL,"
        "  ballot BLOB NOT NULL CHECK (length(ballot) = 32),"
        "  choice TEXT NOT NULL,"
        "  weight INTEGER NOT NULL,"
        "  proxy_holder INTEGER NOT NULL,"
        "  PRIMARY KEY (meeting, poll, delegate)"
        ") WITHOUT ROWID;"
        // Secret ballots: two tables that share no key. Who voted, to refuse a second ballot;
        // and the ballots, ordered by a digest of the voter's random key, with no delegate, no
        // time and no insertion order.
        "CREATE TABLE secret_voters ("
        "  meeting INTEGER NOT NULL,"
        "  poll INTEGER NOT NULL,"
        "  delegate INTEGER NOT NULL,"
        "  PRIMARY KEY (meeting, poll, delegate)"
        ") WITHOUT ROWID;"
        "CREATE TABLE secret_ballots ("
        "  meeting INTEGER NOT NULL,"
        "  poll INTEGER NOT NULL,"
        "  ballot BLOB NOT NULL CHECK (length(ballot) = 32),"
        "  receipt TEXT NOT NULL,"
        "  choice TEXT NOT NULL,"
        "  weight INTEGER NOT NULL,"
        "  PRIMARY KEY (meeting, poll, ballot)"
        ") WITHOUT ROWID;"},
    Migration {6, "phone reader links",
        // A delegate's phone reads the meeting's documents with a token from a QR code; like
        // join codes, only its SHA-256 is kept. Reusable until it expires or is revoked (by
        // DELETE, or when one of the delegate's tablets is revoked).
        "CREATE TABLE reader_links ("
        "  id INTEGER PRIMARY KEY,"
        "  meeting INTEGER NOT NULL,"
        "  delegate INTEGER NOT NULL,"
        "  token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),"
        "  created TEXT NOT NULL,"
        "  created_by TEXT NOT NULL,"
        "  expires TEXT NOT NULL,"
        "  revoked TEXT"
        ");"
        "CREATE INDEX reader_links_delegate ON reader_links (meeting, delegate);"},
    Migration {7, "chain checkpoints",
        // Where each meeting's chain was last verified, so chamberd's start checks only the
        // events after it. Signed with the result key: rewriting the chain and then the
        // checkpoint to match needs that key, not just write access to this file.
        "CREATE TABLE chain_checkpoints ("
        "  meeting INTEGER PRIMARY KEY,"
        "  seq INTEGER NOT NULL CHECK (seq >= 1),"
        "  hash BLOB NOT NULL CHECK (length(hash) = 32),"
        "  signature BLOB NOT NULL CHECK (length(signature) = 64),"
        "  verified TEXT NOT NULL"
        ") WITHOUT ROWID;"},
    Migration {8, "ballot answers without time",
        // The stored answers to ballot.cast leave command_results: there each carried the time
        // it was written and sat in insertion order, which dated every device's secret ballot.
        // Here they have no time, and the server rewrites this table in key order whenever a
        // secret poll closes. Only ballot answers say "recorded". command_results is copied
        // in key order without them, so no gap where they were dates them either.
        "CREATE TABLE ballot_answers ("
        "  principal TEXT NOT NULL,"
        "  request_id TEXT NOT NULL,"
        "  fingerprint BLOB NOT NULL,"
        "  response TEXT NOT NULL,"
        "  PRIMARY KEY (principal, request_id)"
        ") WITHOUT ROWID;"
        "INSERT INTO ballot_answers (principal, request_id, fingerprint, response)"
        "  SELECT principal, request_id, fingerprint, response FROM command_results"
        "  WHERE json_valid(response) AND json_extract(response, '$.result.recorded') IS 1"
        "  ORDER BY principal, request_id;"
        "CREATE TABLE command_results_sorted ("
        "  principal TEXT NOT NULL,"
        "  request_id TEXT NOT NULL,"
        "  fingerprint BLOB NOT NULL,"
        "  response TEXT NOT NULL,"
        "  created TEXT NOT NULL,"
        "  PRIMARY KEY (principal, request_id)"
        ") WITHOUT ROWID;"
        "INSERT INTO command_results_sorted"
        "  SELECT * FROM command_results WHERE (principal, request_id) NOT IN"
        "  (SELECT principal, request_id FROM ballot_answers) ORDER BY principal, request_id;"
        "DROP TABLE command_results;"
        "ALTER TABLE command_results_sorted RENAME TO command_results;"},
    Migration {9, "named accounts and their sessions",
        // People at browsers: a name (unique without regard to case: name_key is its case
        // fold), a role and a scrypt hash of the password (services/passwordhash.h).
        "CREATE TABLE accounts ("
        "  id INTEGER PRIMARY KEY,"
        "  name TEXT NOT NULL,"
        "  name_key TEXT NOT NULL UNIQUE,"
        "  display_name TEXT NOT NULL,"
        "  role TEXT NOT NULL CHECK (role IN ('admin', 'secretary', 'observer')),"
        "  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),"
        "  password_hash TEXT NOT NULL,"
        "  created TEXT NOT NULL"
        ");"
        // Like join codes, only the SHA-256 of a session's cookie: a copy of this file logs
        // nobody in. Times are milliseconds since the epoch.
        "CREATE TABLE account_sessions ("
        "  token_hash BLOB PRIMARY KEY CHECK (length(token_hash) = 32),"
        "  account INTEGER NOT NULL REFERENCES accounts (id),"
        "  created INTEGER NOT NULL,"
        "  last_used INTEGER NOT NULL,"
        "  expires INTEGER NOT NULL"
        ") WITHOUT ROWID;"
        "CREATE INDEX account_sessions_account ON account_sessions (account);"},
    Migration {10, "councils",
        // Each council's own hash-chained log, like a meeting's (same columns, council for
        // meeting), append-only like it.
        "CREATE TABLE council_events ("
        "  council INTEGER NOT NULL,"
        "  seq INTEGER NOT NULL CHECK (seq >= 1),"
        "  kind TEXT NOT NULL,"
        "  time TEXT NOT NULL,"
        "  actor TEXT NOT NULL,"
        "  data TEXT NOT NULL,"
        "  prev BLOB NOT NULL CHECK (length(prev) = 32),"
        "  hash BLOB NOT NULL CHECK (length(hash) = 32),"
        "  PRIMARY KEY (council, seq)"
        ") WITHOUT ROWID;"
        "CREATE TRIGGER council_events_no_update BEFORE UPDATE ON council_events "
        "BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;"
        "CREATE TRIGGER council_events_no_delete BEFORE DELETE ON council_events "
        "BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;"
        // The meetings that existed before councils: at the next start each one with delegates
        // becomes a council of its own (CouncilService::load), and leaves this list in the
        // same transaction. Meetings created later are never adopted.
        "CREATE TABLE council_adoption (meeting INTEGER PRIMARY KEY) WITHOUT ROWID;"
        "INSERT INTO council_adoption (meeting) SELECT DISTINCT meeting FROM events;"},
    Migration {11, "liaison accounts",
        // An organisation's liaison reports on its own tasks in one council: the role joins
        // the CHECK and the account names its council and organisation (0 for other roles).
        // SQLite changes a CHECK only by copying the table; the sessions are copied too, so
        // that their foreign key names the new table and nobody is logged out.
        "CREATE TABLE accounts_v11 ("
        "  id INTEGER PRIMARY KEY,"
        "  name TEXT NOT NULL,"
        "  name_key TEXT NOT NULL UNIQUE,"
        "  display_name TEXT NOT NULL,"
        "  role TEXT NOT NULL CHECK (role IN ('admin', 'secretary', 'observer', 'liaison')),"
        "  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),"
        "  password_hash TEXT NOT NULL,"
        "  created TEXT NOT NULL,"
        "  council INTEGER NOT NULL DEFAULT 0 CHECK (council >= 0),"
        "  organisation INTEGER NOT NULL DEFAULT 0 CHECK (organisation >= 0),"
        "  CHECK ((role = 'liaison') = (council > 0 AND organisation > 0)),"
        "  CHECK (role = 'liaison' OR (council = 0 AND organisation = 0))"
        ");"
        "INSERT INTO accounts_v11 (id, name, name_key, display_name, role, disabled, "
        "  password_hash, created) SELECT id, name, name_key, display_name, role, disabled, "
        "  password_hash, created FROM accounts;"
        "CREATE TABLE account_sessions_v11 ("
        "  token_hash BLOB PRIMARY KEY CHECK (length(token_hash) = 32),"
        "  account INTEGER NOT NULL REFERENCES accounts_v11 (id),"
        "  created INTEGER NOT NULL,"
        "  last_used INTEGER NOT NULL,"
        "  expires INTEGER NOT NULL"
        ") WITHOUT ROWID;"
        "INSERT INTO account_sessions_v11 SELECT token_hash, account, created, last_used, "
        "  expires FROM account_sessions;"
        "DROP TABLE account_sessions;"
        "DROP TABLE accounts;"
        "ALTER TABLE accounts_v11 RENAME TO accounts;"
        "ALTER TABLE account_sessions_v11 RENAME TO account_sessions;"
        "CREATE INDEX account_sessions_account ON account_sessions (account);"},
};

} // namespace

std::span<const Migration> migrations()
{
    return kMigrations;
}

int latestSchemaVersion()
{
    return kMigrations.back().version;
}

Result<int> schemaVersion(Database &db)
{
    auto version = db.queryInteger("PRAGMA user_version");
    if (!version)
        return version.error();
    return int(version.value());
}

Status migrate(Database &db, int target)
{
    if (target < 0)
        target = latestSchemaVersion();

    auto applicationId = db.queryInteger("PRAGMA application_id");
    if (!applicationId)
        return applicationId.error();
    auto current = schemaVersion(db);
    if (!current)
        return current.error();

    if (applicationId.value() != 0 && applicationId.value() != kApplicationId) {
        return makeError(ErrorCode::Invalid,
            QStringLiteral("%1 is not a Chamber database (application id %2)")
                .arg(db.path())
                .arg(applicationId.value()));
    }
    if (applicationId.value() == 0 && current.value() != 0) {
        return makeError(ErrorCode::Invalid,
            QStringLiteral("%1 is not a Chamber database (it has schema version %2 "
                           "but no Chamber mark)")
                .arg(db.path())
                .arg(current.value()));
    }
    if (current.value() > latestSchemaVersion()) {
        return makeError(ErrorCode::Invalid,
            QStringLiteral("%1 has schema version %2, newer than this chamberd "
                           "understands (%3). Run a newer chamberd, or restore a "
                           "backup made by this version; nothing was changed.")
                .arg(db.path())
                .arg(current.value())
                .arg(latestSchemaVersion()));
    }

    for (const Migration &migration : kMigrations) {
        if (migration.version <= current.value() || migration.version > target)
            continue;
        Transaction transaction(db);
        if (!transaction.begun())
            return transaction.begun();
        if (auto status = db.exec(migration.sql); !status) {
            return storageError(QStringLiteral("migration %1 (%2)")
                                    .arg(migration.version)
                                    .arg(QString::fromLatin1(migration.description)),
                status.error().message);
        }
        // PRAGMAs do not take bound parameters; both values are our own integers.
        const QByteArray mark = "PRAGMA application_id=" + QByteArray::number(kApplicationId)
            + ";PRAGMA user_version=" + QByteArray::number(migration.version);
        if (auto status = db.exec(mark); !status)
            return status;
        if (auto status = transaction.commit(); !status)
            return status;
    }
    return success();
}

} // namespace chamber::storage

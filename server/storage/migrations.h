// Numbered schema migrations on PRAGMA user_version, each applied in its own transaction.
#pragma once

#include "storage/sqlite.h"

#include <span>

namespace chamber::storage {

// Marks the file as a Chamber database ("CHMB"), so we never migrate somebody else's file.
constexpr qint64 kApplicationId = 0x43484d42;

struct Migration
{
    int version; // the user_version after this migration
    const char *description;
    const char *sql;
};

std::span<const Migration> migrations();
int latestSchemaVersion();

// Brings the database up to `target` (default: latest). Refuses, changing nothing, a database
// whose version is newer than this program knows, or that belongs to another application.
Status migrate(Database &db, int target = -1);
Result<int> schemaVersion(Database &db);

} // namespace chamber::storage

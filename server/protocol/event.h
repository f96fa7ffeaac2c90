// One entry of a meeting's event log, as stored, sent to clients and exported.
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace chamber::protocol {

constexpr int kHashBytes = 32; // SHA-256

struct Event
{
    qint64 meeting = 0;
    qint64 seq = 0; // 1-based, dense within a meeting
    QString kind; // e.g. "agenda.added"
    QString time; // UTC, ISO 8601 with milliseconds
    QString actor; // "admin", "device:12", ...
    QJsonObject data;
    QByteArray prevHash; // raw 32 bytes; all zero for seq 1
    QByteArray hash; // raw 32 bytes

    // The bytes the hash covers: everything but the hash itself, as compact JSON with sorted
    // keys (QJsonObject keeps keys sorted, so the encoding is canonical).
    QByteArray canonicalBytes() const;
    QByteArray computeHash() const;
    // Fills hash from the other fields.
    void seal() { hash = computeHash(); }

    // The "event" wire message, which is also one line of a JSON Lines export.
    QJsonObject toJson() const;
    static Result<Event> fromJson(const QJsonObject &json);
};

QByteArray genesisHash();

// 64 lower-case hex digits: a SHA-256 digest as events and the document store name them.
bool isSha256Hex(const QString &text);

} // namespace chamber::protocol

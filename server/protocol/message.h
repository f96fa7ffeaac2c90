// Parsing and building of wire messages, validated against the schema in schema.h.
#pragma once

#include "protocol/error.h"
#include "protocol/schema.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace chamber::protocol {

// Frames above this size are refused before parsing (the server also tells QWebSocket).
constexpr qsizetype kMaxFrameBytes = 2 * 1024 * 1024;

// A message that passed validation: every required field is present with the right type and
// range, and no unknown field is present. Accessors therefore never need to re-check.
struct Message
{
    const MessageSpec *spec = nullptr;
    QString id; // request id; empty for pushes
    QJsonObject body;

    QString type() const { return QString::fromLatin1(spec->type); }
    bool has(QLatin1String field) const { return body.contains(field); }
    QString string(QLatin1String field, const QString &fallback = {}) const;
    qint64 integer(QLatin1String field, qint64 fallback = 0) const;
    // For NullableInteger fields: nullopt when absent or null.
    std::optional<qint64> optionalInteger(QLatin1String field) const;
    bool boolean(QLatin1String field, bool fallback = false) const;
    QJsonObject object(QLatin1String field) const;
};

// Parses one frame. On failure, *requestId receives the frame's "id" when one could be read,
// so the error reply can still be matched to its request.
Result<Message> parseMessage(
    QByteArrayView frame, Direction direction, QString *requestId = nullptr);
// Validates an already-decoded object (used by the REST API, which builds commands itself).
Result<Message> validateMessage(
    const QJsonObject &object, Direction direction, QString *requestId = nullptr);

bool isValidRequestId(const QString &id);
// A JSON number without a fractional part, in qint64's range (toInteger() gives it exactly):
// what the fields of stored events and request bodies read outside the schema must be.
bool isJsonInteger(const QJsonValue &value);

// Builders for server messages. The results validate against the schema (tested).
QJsonObject okReply(const QString &id, const QJsonValue &result = {}, qint64 seq = -1);
QJsonObject errorReply(const QString &id, const Error &error);
QJsonObject snapshotMessage(qint64 meeting, qint64 seq, const QJsonObject &state);
QJsonObject byeMessage(const QString &reason);
// A council's board changed: sessions showing it refetch with board.read.
QJsonObject boardChangedMessage(qint64 council, qint64 seq);

QByteArray toFrame(const QJsonObject &message);

} // namespace chamber::protocol

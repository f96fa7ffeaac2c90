#include "protocol/message.h"

#include "protocol/text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>
#include <cstring>

namespace chamber::protocol {

namespace {

const QLatin1String kTypeField("type");
const QLatin1String kIdField("id");

QString joinPath(const QString &prefix, const char *name)
{
    return prefix.isEmpty() ? QString::fromLatin1(name) : prefix + u'.' + QLatin1String(name);
}

bool hasLoneSurrogate(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate()) {
            if (i + 1 >= text.size() || !text.at(i + 1).isLowSurrogate())
                return true;
            ++i;
        } else if (c.isLowSurrogate()) {
            return true;
        }
    }
    return false;
}

// Control characters other than tab and line breaks have no business in any text we store or
// show; refusing them early keeps logs, CSV exports and terminals safe.
bool isControlFree(const QString &text)
{
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') || u == 0x7f)
            return false;
    }
    return !hasLoneSurrogate(text);
}

std::optional<Error> validateFields(const QJsonObject &object, std::span<const FieldSpec> fields,
    const QString &path, bool allowEnvelope);

std::optional<Error> validateValue(
    const QJsonValue &value, const FieldSpec &spec, const QString &name)
{
    auto bad = [&](const QString &what) {
        return makeError(ErrorCode::BadField, name + u' ' + what, name);
    };
    switch (spec.kind) {
    case FieldKind::String: {
        if (!value.isString())
            return bad(QStringLiteral("must be a string"));
        // A label is checked in the form it is kept in (validateMessage() stores that form).
        const QString text = spec.label ? normalizedLabel(value.toString()) : value.toString();
        const qint64 length = text.size();
        if (length < spec.min || (spec.max > 0 && length > spec.max)) {
            return bad(QStringLiteral("must be %1 to %2 characters long, not %3")
                           .arg(spec.min)
                           .arg(spec.max)
                           .arg(length));
        }
        if (spec.label) {
            if (auto problem = labelProblem(text))
                return bad(*problem); // names the character
        }
        if (!isControlFree(text))
            return bad(QStringLiteral("contains control characters"));
        if (spec.choices) {
            for (auto choice = spec.choices; *choice; ++choice) {
                if (text == QLatin1String(*choice))
                    return std::nullopt;
            }
            QStringList allowed;
            for (auto choice = spec.choices; *choice; ++choice)
                allowed << QString::fromLatin1(*choice);
            return bad(QStringLiteral("must be one of: ") + allowed.join(QStringLiteral(", ")));
        }
        return std::nullopt;
    }
    case FieldKind::NullableInteger:
        if (value.isNull())
            return std::nullopt;
        [[fallthrough]];
    case FieldKind::Integer: {
        if (!value.isDouble())
            return bad(spec.kind == FieldKind::Integer
                    ? QStringLiteral("must be an integer")
                    : QStringLiteral("must be an integer or null"));
        const double number = value.toDouble();
        if (!std::isfinite(number) || std::floor(number) != number)
            return bad(QStringLiteral("must be a whole number"));
        if (number < double(spec.min) || number > double(spec.max)) {
            return bad(QStringLiteral("must be between %1 and %2").arg(spec.min).arg(spec.max));
        }
        return std::nullopt;
    }
    case FieldKind::Boolean:
        return value.isBool() ? std::nullopt
                              : std::optional(bad(QStringLiteral("must be true or false")));
    case FieldKind::Object:
        if (!value.isObject())
            return bad(QStringLiteral("must be an object"));
        if (!spec.fields.empty())
            return validateFields(value.toObject(), spec.fields, name, false);
        return std::nullopt;
    case FieldKind::Array:
        return value.isArray() ? std::nullopt
                               : std::optional(bad(QStringLiteral("must be an array")));
    case FieldKind::Any:
        return value.isUndefined() ? std::optional(bad(QStringLiteral("is undefined")))
                                   : std::nullopt;
    }
    return bad(QStringLiteral("has an unsupported kind"));
}

std::optional<Error> validateFields(const QJsonObject &object, std::span<const FieldSpec> fields,
    const QString &path, bool allowEnvelope)
{
    // Unknown fields are refused: a typo ("titel") must not be silently ignored.
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (allowEnvelope && (it.key() == kTypeField || it.key() == kIdField))
            continue;
        bool known = false;
        for (const auto &field : fields) {
            if (it.key() == QLatin1String(field.name)) {
                known = true;
                break;
            }
        }
        if (!known) {
            const QString name = path.isEmpty() ? it.key() : path + u'.' + it.key();
            return makeError(ErrorCode::BadField, QStringLiteral("unknown field ") + name, name);
        }
    }
    for (const auto &field : fields) {
        const QString name = joinPath(path, field.name);
        const QJsonValue value = object.value(QLatin1String(field.name));
        if (value.isUndefined()) {
            if (field.required)
                return makeError(
                    ErrorCode::MissingField, QStringLiteral("missing field ") + name, name);
            continue;
        }
        if (auto error = validateValue(value, field, name))
            return error;
    }
    return std::nullopt;
}

} // namespace

bool isValidRequestId(const QString &id)
{
    if (id.isEmpty() || id.size() > kMaxRequestIdLength)
        return false;
    for (QChar c : id) {
        const char16_t u = c.unicode();
        const bool allowed = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
            || (u >= u'0' && u <= u'9') || u == u'-' || u == u'_' || u == u'.' || u == u':';
        if (!allowed)
            return false;
    }
    return true;
}

Result<Message> validateMessage(const QJsonObject &object, Direction direction, QString *requestId)
{
    const QJsonValue idValue = object.value(kIdField);
    if (idValue.isString() && isValidRequestId(idValue.toString()) && requestId)
        *requestId = idValue.toString();

    const QJsonValue typeValue = object.value(kTypeField);
    if (!typeValue.isString())
        return makeError(
            ErrorCode::MissingField, QStringLiteral("missing field type"), QStringLiteral("type"));
    const MessageSpec *spec = findMessage(typeValue.toString(), direction);
    if (!spec) {
        return makeError(ErrorCode::UnknownType,
            QStringLiteral("unknown message type ") + typeValue.toString().left(64),
            QStringLiteral("type"));
    }

    // Requests and replies carry an id; pushes never do.
    // An error may answer a frame whose id could not be read, so its id is optional.
    const bool needsId = spec->kind != MessageKind::Push && std::strcmp(spec->type, "error") != 0;
    if (spec->kind == MessageKind::Push && object.contains(kIdField))
        return makeError(
            ErrorCode::BadField, QStringLiteral("unknown field id"), QStringLiteral("id"));
    if (needsId && idValue.isUndefined())
        return makeError(
            ErrorCode::MissingField, QStringLiteral("missing field id"), QStringLiteral("id"));
    if (!idValue.isUndefined() && !(idValue.isString() && isValidRequestId(idValue.toString()))) {
        return makeError(ErrorCode::BadField,
            QStringLiteral("id must be 1 to 64 characters of A-Z a-z 0-9 - _ . :"),
            QStringLiteral("id"));
    }

    if (auto error = validateFields(object, spec->fields, {}, true))
        return *error;

    Message message;
    message.spec = spec;
    message.id = idValue.toString();
    message.body = object;
    // Labels are kept in one form, whatever the client's keyboard or OS composed.
    for (const auto &field : spec->fields) {
        const QLatin1String name(field.name);
        if (field.label && object.value(name).isString())
            message.body.insert(name, normalizedLabel(object.value(name).toString()));
    }
    return message;
}

Result<Message> parseMessage(QByteArrayView frame, Direction direction, QString *requestId)
{
    if (frame.size() > kMaxFrameBytes) {
        return makeError(ErrorCode::TooLarge,
            QStringLiteral("frame of %1 bytes is above the limit of %2")
                .arg(frame.size())
                .arg(kMaxFrameBytes));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(frame.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return makeError(ErrorCode::BadJson,
            QStringLiteral("not valid JSON at offset %1: %2")
                .arg(parseError.offset)
                .arg(parseError.errorString()));
    }
    if (!document.isObject())
        return makeError(ErrorCode::NotAnObject, QStringLiteral("a message must be a JSON object"));
    return validateMessage(document.object(), direction, requestId);
}

QString Message::string(QLatin1String field, const QString &fallback) const
{
    const QJsonValue value = body.value(field);
    return value.isString() ? value.toString() : fallback;
}

qint64 Message::integer(QLatin1String field, qint64 fallback) const
{
    const QJsonValue value = body.value(field);
    return value.isDouble() ? value.toInteger(fallback) : fallback;
}

std::optional<qint64> Message::optionalInteger(QLatin1String field) const
{
    const QJsonValue value = body.value(field);
    if (!value.isDouble())
        return std::nullopt;
    return value.toInteger();
}

bool Message::boolean(QLatin1String field, bool fallback) const
{
    const QJsonValue value = body.value(field);
    return value.isBool() ? value.toBool() : fallback;
}

QJsonObject Message::object(QLatin1String field) const
{
    return body.value(field).toObject();
}

QJsonObject okReply(const QString &id, const QJsonValue &result, qint64 seq)
{
    QJsonObject reply {{kTypeField, QStringLiteral("ok")}, {kIdField, id}};
    if (!result.isUndefined() && !result.isNull())
        reply.insert(QStringLiteral("result"), result);
    if (seq >= 0)
        reply.insert(QStringLiteral("seq"), seq);
    return reply;
}

QJsonObject errorReply(const QString &id, const Error &error)
{
    QJsonObject reply = error.toJson();
    reply.insert(kTypeField, QStringLiteral("error"));
    if (!id.isEmpty())
        reply.insert(kIdField, id);
    return reply;
}

QJsonObject snapshotMessage(qint64 meeting, qint64 seq, const QJsonObject &state)
{
    return QJsonObject {{kTypeField, QStringLiteral("snapshot")},
        {QStringLiteral("meeting"), meeting}, {QStringLiteral("seq"), seq},
        {QStringLiteral("state"), state}};
}

QJsonObject byeMessage(const QString &reason)
{
    return QJsonObject {{kTypeField, QStringLiteral("bye")}, {QStringLiteral("reason"), reason}};
}

QJsonObject boardChangedMessage(qint64 council, qint64 seq)
{
    return QJsonObject {{kTypeField, QStringLiteral("board.changed")},
        {QStringLiteral("council"), council}, {QStringLiteral("seq"), seq}};
}

bool isJsonInteger(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() == double(value.toInteger());
}

QByteArray toFrame(const QJsonObject &message)
{
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

} // namespace chamber::protocol

#include "media/janusmessage.h"

#include "media/signaling.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace chamber::media {

namespace {

struct KindName
{
    JanusKind kind;
    const char *name;
};
constexpr KindName kKinds[] = {
    {JanusKind::Success, "success"},
    {JanusKind::Error, "error"},
    {JanusKind::Ack, "ack"},
    {JanusKind::Event, "event"},
    {JanusKind::Trickle, "trickle"},
    {JanusKind::WebrtcUp, "webrtcup"},
    {JanusKind::Media, "media"},
    {JanusKind::SlowLink, "slowlink"},
    {JanusKind::Hangup, "hangup"},
    {JanusKind::Detached, "detached"},
    {JanusKind::Timeout, "timeout"},
};

Error badField(const QString &field, const QString &what)
{
    return makeError(
        ErrorCode::BadField, QStringLiteral("Janus sent a bad \"%1\": %2").arg(field, what), field);
}

// Janus ids are 53-bit positive integers (JSON numbers); 0 means "absent" here.
Result<qint64> idField(const QJsonObject &object, const QString &name, const QString &path)
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined())
        return qint64(0);
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < 1 || number > 9007199254740991.0
        || std::floor(number) != number)
        return badField(path, QStringLiteral("not a positive whole number"));
    return qint64(number);
}

Result<QString> stringField(const QJsonObject &object, const QString &name, const QString &path,
    qsizetype maxLength, bool required = false)
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined()) {
        if (required)
            return makeError(
                ErrorCode::MissingField, QStringLiteral("Janus sent no \"%1\"").arg(path), path);
        return QString();
    }
    if (!value.isString())
        return badField(path, QStringLiteral("not a string"));
    const QString text = value.toString();
    if (text.size() > maxLength)
        return badField(path, QStringLiteral("longer than %1 characters").arg(maxLength));
    return text;
}

Result<QJsonObject> objectField(
    const QJsonObject &object, const QString &name, const QString &path, bool required)
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined()) {
        if (required)
            return makeError(
                ErrorCode::MissingField, QStringLiteral("Janus sent no \"%1\"").arg(path), path);
        return QJsonObject();
    }
    if (!value.isObject())
        return badField(path, QStringLiteral("not an object"));
    return value.toObject();
}

Result<int> smallIntField(const QJsonObject &object, const QString &name, const QString &path,
    int min, int max, bool required)
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined()) {
        if (required)
            return makeError(
                ErrorCode::MissingField, QStringLiteral("Janus sent no \"%1\"").arg(path), path);
        return min - 1;
    }
    const double number = value.toDouble(min - 1.0);
    if (!value.isDouble() || number < min || number > max || std::floor(number) != number)
        return badField(path, QStringLiteral("not a whole number from %1 to %2").arg(min).arg(max));
    return int(number);
}

// The SDP and candidates go on to a bridge as signaling: the same rules apply before they do.
Status checkRelayable(const SignalMessage &message, const QString &path)
{
    auto parsed = parseSignal(toJson(message));
    if (!parsed)
        return badField(path, parsed.error().message);
    return success();
}

Status readJsep(const QJsonObject &root, JanusMessage *message)
{
    auto jsep = objectField(root, QStringLiteral("jsep"), QStringLiteral("jsep"), false);
    if (!jsep)
        return jsep.error();
    if (jsep->isEmpty())
        return success();
    auto type = stringField(*jsep, QStringLiteral("type"), QStringLiteral("jsep.type"), 16, true);
    if (!type)
        return type.error();
    if (*type != QLatin1String("offer") && *type != QLatin1String("answer"))
        return badField(QStringLiteral("jsep.type"), QStringLiteral("neither offer nor answer"));
    auto sdp
        = stringField(*jsep, QStringLiteral("sdp"), QStringLiteral("jsep.sdp"), kMaxSdpBytes, true);
    if (!sdp)
        return sdp.error();
    if (auto valid = checkRelayable(
            SignalMessage::offer(QStringLiteral("janus"), *sdp), QStringLiteral("jsep.sdp"));
        !valid)
        return valid;
    message->jsepType = *type;
    message->jsepSdp = *sdp;
    return success();
}

Status readTrickle(const QJsonObject &root, JanusMessage *message)
{
    auto candidate
        = objectField(root, QStringLiteral("candidate"), QStringLiteral("candidate"), true);
    if (!candidate)
        return candidate.error();
    const QJsonValue completed = candidate->value(QStringLiteral("completed"));
    if (!completed.isUndefined()) {
        if (!completed.isBool())
            return badField(QStringLiteral("candidate.completed"), QStringLiteral("not a boolean"));
        message->candidatesCompleted = completed.toBool();
        return success();
    }
    auto mline = smallIntField(*candidate, QStringLiteral("sdpMLineIndex"),
        QStringLiteral("candidate.sdpMLineIndex"), 0, kMaxMlineIndex, true);
    if (!mline)
        return mline.error();
    auto text = stringField(*candidate, QStringLiteral("candidate"),
        QStringLiteral("candidate.candidate"), kMaxCandidateBytes, true);
    if (!text)
        return text.error();
    if (auto valid
        = checkRelayable(SignalMessage::iceCandidate(QStringLiteral("janus"), *mline, *text),
            QStringLiteral("candidate.candidate"));
        !valid)
        return valid;
    message->mline = *mline;
    message->candidate = *text;
    return success();
}

Status readError(const QJsonObject &root, JanusMessage *message)
{
    auto error = objectField(root, QStringLiteral("error"), QStringLiteral("error"), true);
    if (!error)
        return error.error();
    auto code = smallIntField(
        *error, QStringLiteral("code"), QStringLiteral("error.code"), 0, 100000, true);
    if (!code)
        return code.error();
    auto reason
        = stringField(*error, QStringLiteral("reason"), QStringLiteral("error.reason"), 1024, true);
    if (!reason)
        return reason.error();
    message->error = makeError(
        ErrorCode::Unavailable, QStringLiteral("Janus refused: %1 (%2)").arg(*reason).arg(*code));
    message->error.details.append(*code);
    return success();
}

} // namespace

QString janusKindName(JanusKind kind)
{
    for (const KindName &entry : kKinds) {
        if (entry.kind == kind)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

Result<JanusMessage> parseJanusMessage(QByteArrayView json)
{
    if (json.size() > kMaxJanusMessageBytes)
        return makeError(ErrorCode::TooLarge,
            QStringLiteral("Janus sent %1 bytes in one message (at most %2)")
                .arg(json.size())
                .arg(kMaxJanusMessageBytes));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ErrorCode::BadJson,
            QStringLiteral("Janus sent no JSON: %1 at offset %2")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    if (!document.isObject())
        return makeError(ErrorCode::NotAnObject, QStringLiteral("Janus sent no JSON object"));
    const QJsonObject root = document.object();

    JanusMessage message;
    auto kind = stringField(root, QStringLiteral("janus"), QStringLiteral("janus"), 32, true);
    if (!kind)
        return kind.error();
    bool known = false;
    for (const KindName &entry : kKinds) {
        if (*kind == QLatin1String(entry.name)) {
            message.kind = entry.kind;
            known = true;
        }
    }
    if (!known)
        return makeError(ErrorCode::UnknownType,
            QStringLiteral("Janus sent an unknown message \"%1\"").arg(kind->left(32)),
            QStringLiteral("janus"));

    auto transaction
        = stringField(root, QStringLiteral("transaction"), QStringLiteral("transaction"), 64);
    if (!transaction)
        return transaction.error();
    message.transaction = *transaction;
    auto session = idField(root, QStringLiteral("session_id"), QStringLiteral("session_id"));
    if (!session)
        return session.error();
    message.sessionId = *session;
    auto sender = idField(root, QStringLiteral("sender"), QStringLiteral("sender"));
    if (!sender)
        return sender.error();
    message.sender = *sender;

    if (auto jsep = readJsep(root, &message); !jsep)
        return jsep.error();
    auto pluginData
        = objectField(root, QStringLiteral("plugindata"), QStringLiteral("plugindata"), false);
    if (!pluginData)
        return pluginData.error();
    if (!pluginData->isEmpty()) {
        auto plugin = stringField(
            *pluginData, QStringLiteral("plugin"), QStringLiteral("plugindata.plugin"), 64, true);
        if (!plugin)
            return plugin.error();
        auto data = objectField(
            *pluginData, QStringLiteral("data"), QStringLiteral("plugindata.data"), true);
        if (!data)
            return data.error();
        message.plugin = *plugin;
        message.pluginData = *data;
    }

    switch (message.kind) {
    case JanusKind::Success: {
        auto data = objectField(root, QStringLiteral("data"), QStringLiteral("data"), false);
        if (!data)
            return data.error();
        auto id = idField(*data, QStringLiteral("id"), QStringLiteral("data.id"));
        if (!id)
            return id.error();
        message.dataId = *id;
        break;
    }
    case JanusKind::Error:
        if (auto read = readError(root, &message); !read)
            return read.error();
        break;
    case JanusKind::Event:
        if (message.sender == 0)
            return makeError(ErrorCode::MissingField,
                QStringLiteral("Janus sent an event without \"sender\""), QStringLiteral("sender"));
        break;
    case JanusKind::Trickle:
        if (auto read = readTrickle(root, &message); !read)
            return read.error();
        [[fallthrough]];
    case JanusKind::WebrtcUp:
    case JanusKind::SlowLink:
    case JanusKind::Detached:
        if (message.sender == 0)
            return makeError(ErrorCode::MissingField,
                QStringLiteral("Janus sent \"%1\" without \"sender\"").arg(*kind),
                QStringLiteral("sender"));
        break;
    case JanusKind::Media: {
        auto type = stringField(root, QStringLiteral("type"), QStringLiteral("type"), 16, true);
        if (!type)
            return type.error();
        const QJsonValue receiving = root.value(QStringLiteral("receiving"));
        if (!receiving.isBool())
            return badField(QStringLiteral("receiving"), QStringLiteral("not a boolean"));
        message.mediaType = *type;
        message.receiving = receiving.toBool();
        break;
    }
    case JanusKind::Hangup: {
        auto reason = stringField(root, QStringLiteral("reason"), QStringLiteral("reason"), 1024);
        if (!reason)
            return reason.error();
        message.reason = *reason;
        if (message.sender == 0)
            return makeError(ErrorCode::MissingField,
                QStringLiteral("Janus sent \"hangup\" without \"sender\""),
                QStringLiteral("sender"));
        break;
    }
    case JanusKind::Ack:
    case JanusKind::Timeout:
        break;
    }
    return message;
}

Result<StreamingReply> parseStreamingReply(const JanusMessage &message)
{
    if (message.plugin != QLatin1String("janus.plugin.streaming"))
        return makeError(ErrorCode::BadField,
            QStringLiteral("expected a reply of the streaming plugin, got \"%1\"")
                .arg(message.plugin.left(64)),
            QStringLiteral("plugindata.plugin"));
    const QJsonObject &data = message.pluginData;
    StreamingReply reply;
    auto what = stringField(
        data, QStringLiteral("streaming"), QStringLiteral("plugindata.data.streaming"), 32, true);
    if (!what)
        return what.error();
    reply.what = *what;
    if (data.contains(QStringLiteral("error_code")) || data.contains(QStringLiteral("error"))) {
        auto code = smallIntField(data, QStringLiteral("error_code"),
            QStringLiteral("plugindata.data.error_code"), 0, 100000, true);
        if (!code)
            return code.error();
        auto text = stringField(
            data, QStringLiteral("error"), QStringLiteral("plugindata.data.error"), 1024, true);
        if (!text)
            return text.error();
        Error error = makeError(ErrorCode::Unavailable,
            QStringLiteral("the streaming plugin refused: %1 (%2)").arg(*text).arg(*code));
        error.details.append(*code);
        return error;
    }
    if (reply.what == QLatin1String("created")) {
        auto stream = objectField(
            data, QStringLiteral("stream"), QStringLiteral("plugindata.data.stream"), true);
        if (!stream)
            return stream.error();
        auto id
            = idField(*stream, QStringLiteral("id"), QStringLiteral("plugindata.data.stream.id"));
        if (!id)
            return id.error();
        if (*id == 0)
            return makeError(ErrorCode::MissingField,
                QStringLiteral("Janus created a mountpoint without an id"),
                QStringLiteral("plugindata.data.stream.id"));
        reply.mountpointId = *id;
        const QJsonValue ports = stream->value(QStringLiteral("ports"));
        if (!ports.isArray())
            return badField(
                QStringLiteral("plugindata.data.stream.ports"), QStringLiteral("not an array"));
        for (const QJsonValue &entry : ports.toArray()) {
            const QString path = QStringLiteral("plugindata.data.stream.ports[]");
            if (!entry.isObject())
                return badField(path, QStringLiteral("not an object"));
            auto type
                = stringField(entry.toObject(), QStringLiteral("type"), path + u".type", 16, true);
            if (!type)
                return type.error();
            auto port = smallIntField(
                entry.toObject(), QStringLiteral("port"), path + u".port", 1, 65535, true);
            if (!port)
                return port.error();
            if (*type == QLatin1String("video"))
                reply.videoPort = *port;
            else if (*type == QLatin1String("audio"))
                reply.audioPort = *port;
        }
        if (reply.videoPort == 0 || reply.audioPort == 0)
            return makeError(ErrorCode::MissingField,
                QStringLiteral("Janus created a mountpoint without a video and an audio port"),
                QStringLiteral("plugindata.data.stream.ports"));
    } else if (reply.what == QLatin1String("info")) {
        auto info = objectField(
            data, QStringLiteral("info"), QStringLiteral("plugindata.data.info"), true);
        if (!info)
            return info.error();
        auto id = idField(*info, QStringLiteral("id"), QStringLiteral("plugindata.data.info.id"));
        if (!id)
            return id.error();
        reply.mountpointId = *id;
        auto viewers = smallIntField(*info, QStringLiteral("viewers"),
            QStringLiteral("plugindata.data.info.viewers"), 0, 1000000, false);
        if (!viewers)
            return viewers.error();
        reply.viewers = *viewers;
    } else if (reply.what == QLatin1String("event")) {
        auto result = objectField(
            data, QStringLiteral("result"), QStringLiteral("plugindata.data.result"), false);
        if (!result)
            return result.error();
        auto status = stringField(
            *result, QStringLiteral("status"), QStringLiteral("plugindata.data.result.status"), 32);
        if (!status)
            return status.error();
        reply.status = *status;
    }
    return reply;
}

QByteArray janusRequest(const QString &kind, const QString &transaction, qint64 session,
    qint64 handle, const QJsonObject &extra)
{
    QJsonObject request = extra;
    request.insert(QStringLiteral("janus"), kind);
    request.insert(QStringLiteral("transaction"), transaction);
    if (session)
        request.insert(QStringLiteral("session_id"), double(session));
    if (handle)
        request.insert(QStringLiteral("handle_id"), double(handle));
    return QJsonDocument(request).toJson(QJsonDocument::Compact);
}

} // namespace chamber::media

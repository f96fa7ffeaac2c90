#include "media/signaling.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <cmath>
#include <initializer_list>

namespace chamber::media {

namespace {

struct TypeName
{
    SignalType type;
    const char *name;
};
constexpr std::array kTypeNames {
    TypeName {SignalType::Ready, "ready"},
    TypeName {SignalType::AddPeer, "add-peer"},
    TypeName {SignalType::RemovePeer, "remove-peer"},
    TypeName {SignalType::Offer, "offer"},
    TypeName {SignalType::Answer, "answer"},
    TypeName {SignalType::Candidate, "candidate"},
    TypeName {SignalType::PeerState, "peer-state"},
    TypeName {SignalType::PeerRemoved, "peer-removed"},
    TypeName {SignalType::Error, "error"},
    TypeName {SignalType::ReturnOffer, "return-offer"},
    TypeName {SignalType::ReturnAnswer, "return-answer"},
    TypeName {SignalType::ReturnCandidate, "return-candidate"},
    TypeName {SignalType::ReturnState, "return-state"},
    TypeName {SignalType::Floor, "floor"},
    TypeName {SignalType::RecordStart, "record-start"},
    TypeName {SignalType::RecordStop, "record-stop"},
    TypeName {SignalType::Recorded, "recorded"},
    TypeName {SignalType::RecordError, "record-error"},
};

constexpr std::array kPeerStates {
    "new", "connecting", "connected", "disconnected", "failed", "closed"};

// Which fields each type carries; "type" is implied. Anything else is refused.
QStringList allowedFields(SignalType type)
{
    switch (type) {
    case SignalType::Ready:
        return {QStringLiteral("version")};
    case SignalType::AddPeer:
    case SignalType::RemovePeer:
    case SignalType::PeerRemoved:
        return {QStringLiteral("peer")};
    case SignalType::Offer:
    case SignalType::Answer:
    case SignalType::ReturnOffer:
    case SignalType::ReturnAnswer:
        return {QStringLiteral("peer"), QStringLiteral("sdp")};
    case SignalType::Candidate:
    case SignalType::ReturnCandidate:
        return {QStringLiteral("peer"), QStringLiteral("mline"), QStringLiteral("candidate")};
    case SignalType::PeerState:
    case SignalType::ReturnState:
        return {QStringLiteral("peer"), QStringLiteral("state")};
    case SignalType::Floor:
        return {QStringLiteral("peer"), QStringLiteral("chamberAudio")};
    case SignalType::Error:
        return {QStringLiteral("peer"), QStringLiteral("code"), QStringLiteral("message"),
            QStringLiteral("field")};
    case SignalType::RecordStart:
    case SignalType::RecordStop:
        return {QStringLiteral("recording")};
    case SignalType::Recorded:
        return {QStringLiteral("recording"), QStringLiteral("sha256"), QStringLiteral("bytes"),
            QStringLiteral("durationMs"), QStringLiteral("partial"), QStringLiteral("note")};
    case SignalType::RecordError:
        return {QStringLiteral("recording"), QStringLiteral("code"), QStringLiteral("message")};
    }
    return {};
}

Error bad(ErrorCode code, const QString &message, const QString &field = {})
{
    return makeError(code, message, field);
}

Result<QString> requiredString(const QJsonObject &object, const QString &field)
{
    const auto value = object.value(field);
    if (value.isUndefined())
        return bad(ErrorCode::MissingField, field + QStringLiteral(" is required"), field);
    if (!value.isString())
        return bad(ErrorCode::BadField, field + QStringLiteral(" must be a string"), field);
    return value.toString();
}

Result<int> requiredInteger(const QJsonObject &object, const QString &field, int min, int max)
{
    const auto value = object.value(field);
    if (value.isUndefined())
        return bad(ErrorCode::MissingField, field + QStringLiteral(" is required"), field);
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || std::floor(number) != number || number < min || number > max)
        return bad(ErrorCode::BadField,
            QStringLiteral("%1 must be an integer from %2 to %3").arg(field).arg(min).arg(max),
            field);
    return int(number);
}

Result<qint64> requiredCount(const QJsonObject &object, const QString &field)
{
    const auto value = object.value(field);
    if (value.isUndefined())
        return bad(ErrorCode::MissingField, field + QStringLiteral(" is required"), field);
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || std::floor(number) != number || number < 0
        || number > double(kMaxSignalInteger))
        return bad(ErrorCode::BadField,
            QStringLiteral("%1 must be a whole number from 0 to 2^53-1").arg(field), field);
    return qint64(number);
}

bool hasControlCharacters(QStringView text, bool allowLineBreaks)
{
    for (QChar c : text) {
        if (c.unicode() < 0x20 && !(allowLineBreaks && (c == u'\r' || c == u'\n')))
            return true;
        if (c.unicode() == 0x7f)
            return true;
    }
    return false;
}

// Structural checks only (webrtcbin parses it for real): "v=0" first, "<letter>=" lines, at
// least one m-line, no control characters but line breaks.
Status checkSdp(const QString &sdp)
{
    const QString field = QStringLiteral("sdp");
    if (sdp.toUtf8().size() > kMaxSdpBytes)
        return bad(ErrorCode::TooLarge,
            QStringLiteral("sdp is larger than %1 bytes").arg(kMaxSdpBytes), field);
    if (!sdp.startsWith(QLatin1String("v=0\r\n")) && !sdp.startsWith(QLatin1String("v=0\n")))
        return bad(ErrorCode::BadField, QStringLiteral("sdp must start with \"v=0\""), field);
    if (hasControlCharacters(sdp, true))
        return bad(ErrorCode::BadField, QStringLiteral("sdp has control characters"), field);
    bool media = false;
    int number = 0;
    for (QStringView line : QStringView(sdp).split(u'\n')) {
        ++number;
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.isEmpty())
            continue; // the final line break, or a lenient peer's blank line
        if (line.size() < 2 || line[1] != u'=' || line[0] < u'a' || line[0] > u'z')
            return bad(ErrorCode::BadField,
                QStringLiteral("sdp line %1 is not \"<letter>=<value>\"").arg(number), field);
        media = media || line[0] == u'm';
    }
    if (!media)
        return bad(ErrorCode::BadField, QStringLiteral("sdp has no m= line"), field);
    return success();
}

Status checkCandidate(const QString &candidate)
{
    const QString field = QStringLiteral("candidate");
    if (candidate.toUtf8().size() > kMaxCandidateBytes)
        return bad(ErrorCode::TooLarge,
            QStringLiteral("candidate is longer than %1 bytes").arg(kMaxCandidateBytes), field);
    if (!candidate.startsWith(QLatin1String("candidate:")))
        return bad(
            ErrorCode::BadField, QStringLiteral("candidate must start with \"candidate:\""), field);
    for (QChar c : candidate) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return bad(ErrorCode::BadField,
                QStringLiteral("candidate must be printable ASCII on one line"), field);
    }
    return success();
}

Result<QString> peerField(const QJsonObject &object)
{
    auto peer = requiredString(object, QStringLiteral("peer"));
    if (!peer)
        return peer;
    if (!isValidPeerId(*peer))
        return bad(ErrorCode::BadField,
            QStringLiteral("peer must be 1 to %1 characters of A-Z a-z 0-9 . _ : -")
                .arg(kMaxPeerIdLength),
            QStringLiteral("peer"));
    return peer;
}

Result<QString> recordingField(const QJsonObject &object)
{
    auto recording = requiredString(object, QStringLiteral("recording"));
    if (!recording)
        return recording;
    if (!isValidRecordingId(*recording))
        return bad(ErrorCode::BadField,
            QStringLiteral("recording must be <meeting>-<speech>-<segment> in digits"),
            QStringLiteral("recording"));
    return recording;
}

// The code and one-line message of error and record-error.
Status readError(const QJsonObject &object, chamber::Error *error)
{
    auto code = requiredString(object, QStringLiteral("code"));
    if (!code)
        return code.error();
    if (!errorCodeFromName(*code, &error->code))
        return bad(ErrorCode::BadField, QStringLiteral("code names no known error"),
            QStringLiteral("code"));
    auto text = requiredString(object, QStringLiteral("message"));
    if (!text)
        return text.error();
    if (text->size() > 1024 || hasControlCharacters(*text, false))
        return bad(ErrorCode::BadField,
            QStringLiteral("message must be one line of at most 1024 characters"),
            QStringLiteral("message"));
    error->message = *text;
    return success();
}

Status readRecorded(const QJsonObject &object, SignalMessage *message)
{
    auto sha256 = requiredString(object, QStringLiteral("sha256"));
    if (!sha256)
        return sha256.error();
    if (!isLowerHexSha256(*sha256))
        return bad(ErrorCode::BadField, QStringLiteral("sha256 must be 64 lower-case hex digits"),
            QStringLiteral("sha256"));
    auto bytes = requiredCount(object, QStringLiteral("bytes"));
    if (!bytes)
        return bytes.error();
    auto duration = requiredCount(object, QStringLiteral("durationMs"));
    if (!duration)
        return duration.error();
    const auto partial = object.value(QStringLiteral("partial"));
    if (partial.isUndefined())
        return bad(ErrorCode::MissingField, QStringLiteral("partial is required"),
            QStringLiteral("partial"));
    if (!partial.isBool())
        return bad(ErrorCode::BadField, QStringLiteral("partial must be true or false"),
            QStringLiteral("partial"));
    if (object.contains(QStringLiteral("note"))) {
        auto note = requiredString(object, QStringLiteral("note"));
        if (!note)
            return note.error();
        if (note->size() > kMaxRecordingNoteLength || hasControlCharacters(*note, false))
            return bad(ErrorCode::BadField,
                QStringLiteral("note must be one line of at most %1 characters")
                    .arg(kMaxRecordingNoteLength),
                QStringLiteral("note"));
        message->note = *note;
    }
    message->sha256 = *sha256;
    message->bytes = *bytes;
    message->durationMs = *duration;
    message->partial = partial.toBool();
    return success();
}

Result<SignalMessage> parseObject(const QJsonObject &object)
{
    const auto typeValue = object.value(QStringLiteral("type"));
    if (typeValue.isUndefined())
        return bad(
            ErrorCode::MissingField, QStringLiteral("type is required"), QStringLiteral("type"));
    if (!typeValue.isString())
        return bad(
            ErrorCode::BadField, QStringLiteral("type must be a string"), QStringLiteral("type"));
    SignalMessage message;
    bool known = false;
    for (const auto &entry : kTypeNames) {
        if (typeValue.toString() == QLatin1String(entry.name)) {
            message.type = entry.type;
            known = true;
        }
    }
    if (!known)
        return bad(ErrorCode::UnknownType,
            QStringLiteral("unknown signaling message type \"%1\"")
                .arg(typeValue.toString().left(64)),
            QStringLiteral("type"));

    const QStringList allowed = allowedFields(message.type);
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != QLatin1String("type") && !allowed.contains(it.key()))
            return bad(ErrorCode::BadField,
                QStringLiteral("unknown field \"%1\" in %2")
                    .arg(it.key().left(64), typeValue.toString()),
                it.key().left(64));
    }

    // A floor without a peer gives the programme back to the chamber's own sources.
    const bool recording = message.type == SignalType::RecordStart
        || message.type == SignalType::RecordStop || message.type == SignalType::Recorded
        || message.type == SignalType::RecordError;
    const bool needsPeer = message.type != SignalType::Ready && message.type != SignalType::Error
        && message.type != SignalType::Floor && !recording;
    if (needsPeer || object.contains(QStringLiteral("peer"))) {
        auto peer = peerField(object);
        if (!peer)
            return peer.error();
        message.peer = *peer;
    }

    switch (message.type) {
    case SignalType::Ready: {
        auto version = requiredInteger(object, QStringLiteral("version"), 1, 1000);
        if (!version)
            return version.error();
        message.version = *version;
        break;
    }
    case SignalType::Offer:
    case SignalType::Answer:
    case SignalType::ReturnOffer:
    case SignalType::ReturnAnswer: {
        auto sdp = requiredString(object, QStringLiteral("sdp"));
        if (!sdp)
            return sdp.error();
        if (auto checked = checkSdp(*sdp); !checked)
            return checked.error();
        message.sdp = *sdp;
        break;
    }
    case SignalType::Candidate:
    case SignalType::ReturnCandidate: {
        auto mline = requiredInteger(object, QStringLiteral("mline"), 0, kMaxMlineIndex);
        if (!mline)
            return mline.error();
        auto candidate = requiredString(object, QStringLiteral("candidate"));
        if (!candidate)
            return candidate.error();
        if (auto checked = checkCandidate(*candidate); !checked)
            return checked.error();
        message.mline = *mline;
        message.candidate = *candidate;
        break;
    }
    case SignalType::PeerState:
    case SignalType::ReturnState: {
        auto state = requiredString(object, QStringLiteral("state"));
        if (!state)
            return state.error();
        if (!isValidPeerState(*state))
            return bad(ErrorCode::BadField,
                QStringLiteral("state must be new, connecting, connected, disconnected, failed "
                               "or closed"),
                QStringLiteral("state"));
        message.state = *state;
        break;
    }
    case SignalType::Error: {
        if (auto read = readError(object, &message.error); !read)
            return read.error();
        if (object.contains(QStringLiteral("field"))) {
            auto field = requiredString(object, QStringLiteral("field"));
            if (!field)
                return field.error();
            if (field->size() > 64 || hasControlCharacters(*field, false))
                return bad(ErrorCode::BadField,
                    QStringLiteral("field must be one line of at most 64 characters"),
                    QStringLiteral("field"));
            message.error.field = *field;
        }
        break;
    }
    case SignalType::Floor:
        if (object.contains(QStringLiteral("chamberAudio"))) {
            auto level = requiredInteger(object, QStringLiteral("chamberAudio"), 0, 100);
            if (!level)
                return level.error();
            message.chamberAudio = *level;
        }
        break;
    case SignalType::RecordStart:
    case SignalType::RecordStop:
    case SignalType::Recorded:
    case SignalType::RecordError: {
        auto id = recordingField(object);
        if (!id)
            return id.error();
        message.recording = *id;
        if (message.type == SignalType::Recorded) {
            if (auto read = readRecorded(object, &message); !read)
                return read.error();
        } else if (message.type == SignalType::RecordError) {
            if (auto read = readError(object, &message.error); !read)
                return read.error();
        }
        break;
    }
    case SignalType::AddPeer:
    case SignalType::RemovePeer:
    case SignalType::PeerRemoved:
        break;
    }
    return message;
}

} // namespace

QString signalTypeName(SignalType type)
{
    for (const auto &entry : kTypeNames) {
        if (entry.type == type)
            return QString::fromLatin1(entry.name);
    }
    return QStringLiteral("error");
}

bool isValidPeerId(QStringView peer)
{
    if (peer.isEmpty() || peer.size() > kMaxPeerIdLength)
        return false;
    for (QChar c : peer) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
            || (u >= u'0' && u <= u'9') || u == u'.' || u == u'_' || u == u':' || u == u'-';
        if (!ok)
            return false;
    }
    return true;
}

bool isValidPeerState(QStringView state)
{
    for (const char *name : kPeerStates) {
        if (state == QLatin1String(name))
            return true;
    }
    return false;
}

bool isBridgeSignal(SignalType type)
{
    switch (type) {
    case SignalType::Answer:
    case SignalType::Candidate:
    case SignalType::ReturnOffer:
    case SignalType::ReturnCandidate:
    case SignalType::Error:
        return true;
    default:
        return false;
    }
}

bool isForBridge(SignalType type)
{
    switch (type) {
    case SignalType::Offer:
    case SignalType::Candidate:
    case SignalType::ReturnAnswer:
    case SignalType::ReturnCandidate:
    case SignalType::PeerState:
    case SignalType::ReturnState:
    case SignalType::PeerRemoved:
    case SignalType::Error:
        return true;
    default:
        return false;
    }
}

bool isForBridge(const SignalMessage &message)
{
    // A process-wide error (no peer) is the controller's, not any one bridge's.
    if (message.type == SignalType::Error)
        return !message.peer.isEmpty();
    return isForBridge(message.type);
}

Result<SignalMessage> parseSignal(QByteArrayView json)
{
    if (json.size() > kMaxSignalBytes)
        return bad(ErrorCode::TooLarge,
            QStringLiteral("signaling message larger than %1 bytes").arg(kMaxSignalBytes));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return bad(ErrorCode::BadJson,
            QStringLiteral("not JSON: %1 at offset %2")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    if (!document.isObject())
        return bad(ErrorCode::NotAnObject, QStringLiteral("a signaling message is a JSON object"));
    return parseObject(document.object());
}

QByteArray toJson(const SignalMessage &message)
{
    QJsonObject object {{QStringLiteral("type"), signalTypeName(message.type)}};
    if (!message.peer.isEmpty())
        object.insert(QStringLiteral("peer"), message.peer);
    switch (message.type) {
    case SignalType::Ready:
        object.insert(QStringLiteral("version"), message.version);
        break;
    case SignalType::Offer:
    case SignalType::Answer:
    case SignalType::ReturnOffer:
    case SignalType::ReturnAnswer:
        object.insert(QStringLiteral("sdp"), message.sdp);
        break;
    case SignalType::Candidate:
    case SignalType::ReturnCandidate:
        object.insert(QStringLiteral("mline"), message.mline);
        object.insert(QStringLiteral("candidate"), message.candidate);
        break;
    case SignalType::PeerState:
    case SignalType::ReturnState:
        object.insert(QStringLiteral("state"), message.state);
        break;
    case SignalType::Floor:
        object.insert(QStringLiteral("chamberAudio"), message.chamberAudio);
        break;
    case SignalType::Error:
        object.insert(QStringLiteral("code"), errorCodeName(message.error.code));
        object.insert(QStringLiteral("message"), message.error.message);
        if (!message.error.field.isEmpty())
            object.insert(QStringLiteral("field"), message.error.field);
        break;
    case SignalType::RecordStart:
    case SignalType::RecordStop:
        object.insert(QStringLiteral("recording"), message.recording);
        break;
    case SignalType::Recorded:
        object.insert(QStringLiteral("recording"), message.recording);
        object.insert(QStringLiteral("sha256"), message.sha256);
        object.insert(QStringLiteral("bytes"), message.bytes);
        object.insert(QStringLiteral("durationMs"), message.durationMs);
        object.insert(QStringLiteral("partial"), message.partial);
        if (!message.note.isEmpty())
            object.insert(QStringLiteral("note"), message.note);
        break;
    case SignalType::RecordError:
        object.insert(QStringLiteral("recording"), message.recording);
        object.insert(QStringLiteral("code"), errorCodeName(message.error.code));
        object.insert(QStringLiteral("message"), message.error.message);
        break;
    case SignalType::AddPeer:
    case SignalType::RemovePeer:
    case SignalType::PeerRemoved:
        break;
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

SignalMessage SignalMessage::ready()
{
    return SignalMessage {.type = SignalType::Ready};
}
SignalMessage SignalMessage::addPeer(QString peer)
{
    return SignalMessage {.type = SignalType::AddPeer, .peer = std::move(peer)};
}
SignalMessage SignalMessage::removePeer(QString peer)
{
    return SignalMessage {.type = SignalType::RemovePeer, .peer = std::move(peer)};
}
SignalMessage SignalMessage::offer(QString peer, QString sdp)
{
    return SignalMessage {
        .type = SignalType::Offer, .peer = std::move(peer), .sdp = std::move(sdp)};
}
SignalMessage SignalMessage::answer(QString peer, QString sdp)
{
    return SignalMessage {
        .type = SignalType::Answer, .peer = std::move(peer), .sdp = std::move(sdp)};
}
SignalMessage SignalMessage::iceCandidate(QString peer, int mline, QString candidate)
{
    return SignalMessage {.type = SignalType::Candidate,
        .peer = std::move(peer),
        .mline = mline,
        .candidate = std::move(candidate)};
}
SignalMessage SignalMessage::peerState(QString peer, QString state)
{
    return SignalMessage {
        .type = SignalType::PeerState, .peer = std::move(peer), .state = std::move(state)};
}
SignalMessage SignalMessage::peerRemoved(QString peer)
{
    return SignalMessage {.type = SignalType::PeerRemoved, .peer = std::move(peer)};
}
QString signalLine(const QString &text, qsizetype limit)
{
    QString line = text.simplified();
    line.removeIf([](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
    return line.left(limit);
}

SignalMessage SignalMessage::failure(QString peer, chamber::Error error)
{
    error.message = signalLine(error.message, 1024);
    error.field = signalLine(error.field, 64);
    return SignalMessage {
        .type = SignalType::Error, .peer = std::move(peer), .error = std::move(error)};
}

SignalMessage SignalMessage::returnOffer(QString peer, QString sdp)
{
    return SignalMessage {
        .type = SignalType::ReturnOffer, .peer = std::move(peer), .sdp = std::move(sdp)};
}
SignalMessage SignalMessage::returnAnswer(QString peer, QString sdp)
{
    return SignalMessage {
        .type = SignalType::ReturnAnswer, .peer = std::move(peer), .sdp = std::move(sdp)};
}
SignalMessage SignalMessage::returnCandidate(QString peer, int mline, QString candidate)
{
    return SignalMessage {.type = SignalType::ReturnCandidate,
        .peer = std::move(peer),
        .mline = mline,
        .candidate = std::move(candidate)};
}
SignalMessage SignalMessage::returnState(QString peer, QString state)
{
    return SignalMessage {
        .type = SignalType::ReturnState, .peer = std::move(peer), .state = std::move(state)};
}
SignalMessage SignalMessage::floor(QString peer, int chamberAudio)
{
    return SignalMessage {
        .type = SignalType::Floor, .peer = std::move(peer), .chamberAudio = chamberAudio};
}

} // namespace chamber::media

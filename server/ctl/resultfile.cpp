#include "ctl/resultfile.h"

#include "protocol/ed25519.h"

#include <QJsonDocument>
#include <QSet>

namespace chamber::ctl {

namespace {

constexpr qint64 kMaxResultBytes = 64 * 1024 * 1024; // far above a 500-seat roll call

Error invalid(const QString &message, const QString &field = {})
{
    return makeError(ErrorCode::Invalid, message, field);
}

// Readers of the fields verification relies on; the rest of the document is compared as JSON.
std::optional<Error> readObject(
    const QJsonObject &parent, const QString &path, const char *name, QJsonObject *out)
{
    const QJsonValue value = parent.value(QLatin1String(name));
    if (!value.isObject())
        return invalid(QStringLiteral("%1.%2 must be an object").arg(path, QLatin1String(name)),
            path + u'.' + QLatin1String(name));
    *out = value.toObject();
    return std::nullopt;
}

std::optional<Error> readId(
    const QJsonObject &parent, const QString &path, const char *name, qint64 *out)
{
    const QJsonValue value = parent.value(QLatin1String(name));
    const double number = value.toDouble();
    if (!value.isDouble() || number < 1 || number > 9007199254740992.0
        || number != double(value.toInteger()))
        return invalid(
            QStringLiteral("%1.%2 must be a positive integer").arg(path, QLatin1String(name)),
            path + u'.' + QLatin1String(name));
    *out = value.toInteger();
    return std::nullopt;
}

std::optional<Error> readText(const QJsonObject &parent, const QString &path, const char *name,
    QString *out, bool required = true)
{
    const QJsonValue value = parent.value(QLatin1String(name));
    if (!required && value.isUndefined())
        return std::nullopt;
    if (!value.isString())
        return invalid(QStringLiteral("%1.%2 must be a string").arg(path, QLatin1String(name)),
            path + u'.' + QLatin1String(name));
    *out = value.toString();
    return std::nullopt;
}

std::optional<Error> readDocument(SignedResult &result)
{
    const QJsonObject &document = result.document;
    const QString root = QStringLiteral("document");
    if (document.value(QLatin1String("type")).toString() != QLatin1String("chamber.poll-result"))
        return invalid(QStringLiteral("document.type must be \"chamber.poll-result\""),
            QStringLiteral("document.type"));
    if (document.value(QLatin1String("version")) != QJsonValue(1))
        return invalid(QStringLiteral("document.version must be 1 (this chamberctl reads "
                                      "version 1 results)"),
            QStringLiteral("document.version"));
    QJsonObject meeting;
    QJsonObject poll;
    QJsonObject outcome;
    QJsonObject last;
    QString hash;
    if (auto error = readObject(document, root, "meeting", &meeting))
        return error;
    if (auto error = readId(meeting, root + QStringLiteral(".meeting"), "id", &result.meeting))
        return error;
    if (auto error = readObject(document, root, "poll", &poll))
        return error;
    if (auto error = readId(poll, root + QStringLiteral(".poll"), "id", &result.poll))
        return error;
    if (auto error = readText(poll, root + QStringLiteral(".poll"), "title", &result.pollTitle))
        return error;
    if (auto error = readObject(document, root, "outcome", &outcome))
        return error;
    if (auto error
        = readText(outcome, root + QStringLiteral(".outcome"), "verdict", &result.verdict))
        return error;
    if (auto error = readText(
            outcome, root + QStringLiteral(".outcome"), "explanation", &result.explanation, false))
        return error;
    if (auto error = readObject(document, root, "lastEvent", &last))
        return error;
    if (auto error
        = readId(last, root + QStringLiteral(".lastEvent"), "seq", &result.lastEvent.seq))
        return error;
    if (auto error = readText(last, root + QStringLiteral(".lastEvent"), "hash", &hash))
        return error;
    if (!protocol::isSha256Hex(hash))
        return invalid(QStringLiteral("document.lastEvent.hash must be 64 lower-case "
                                      "hexadecimal digits"),
            QStringLiteral("document.lastEvent.hash"));
    result.lastEvent.hash = QByteArray::fromHex(hash.toLatin1());
    return std::nullopt;
}

Result<QByteArray> base64Field(const QJsonObject &object, const char *name, qsizetype bytes)
{
    const QJsonValue value = object.value(QLatin1String(name));
    const auto decoded = QByteArray::fromBase64Encoding(
        value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!value.isString() || !decoded || decoded.decoded.size() != bytes)
        return invalid(
            QStringLiteral("%1 must be %2 bytes in base64").arg(QLatin1String(name)).arg(bytes),
            QLatin1String(name));
    return decoded.decoded;
}

} // namespace

bool SignedResult::signatureHolds() const
{
    return protocol::verifyEd25519(publicKey, protocol::resultSigningBytes(document), signature);
}

Result<SignedResult> parseSignedResult(const QByteArray &bytes)
{
    if (bytes.size() > kMaxResultBytes)
        return invalid(QStringLiteral("not a signed result: larger than %1 MiB")
                           .arg(kMaxResultBytes / (1024 * 1024)));
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("not a signed result: not JSON (%1 at byte %2)")
                           .arg(parseError.errorString())
                           .arg(parseError.offset));
    if (!json.isObject())
        return invalid(QStringLiteral("not a signed result: not a JSON object"));
    const QJsonObject object = json.object();
    static const QSet<QString> kFields {
        QStringLiteral("document"), QStringLiteral("signature"), QStringLiteral("publicKey")};
    for (const QString &key : object.keys()) {
        if (!kFields.contains(key))
            return invalid(QStringLiteral("not a signed result: unexpected field \"%1\" (a "
                                          "signed result has document, signature and publicKey)")
                               .arg(key.left(40)),
                key.left(40));
    }
    SignedResult result;
    if (!object.value(QLatin1String("document")).isObject())
        return invalid(QStringLiteral("not a signed result: document must be an object"),
            QStringLiteral("document"));
    result.document = object.value(QLatin1String("document")).toObject();
    auto signature = base64Field(object, "signature", 64);
    if (!signature)
        return signature.error();
    auto key = base64Field(object, "publicKey", 32);
    if (!key)
        return key.error();
    result.signature = signature.value();
    result.publicKey = key.value();
    if (auto error = readDocument(result))
        return *error;
    return result;
}

} // namespace chamber::ctl

#include "protocol/event.h"

#include "protocol/message.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <algorithm>

namespace chamber::protocol {

namespace {

QJsonObject hashedFields(const Event &event)
{
    return QJsonObject {
        {QStringLiteral("meeting"), event.meeting},
        {QStringLiteral("seq"), event.seq},
        {QStringLiteral("kind"), event.kind},
        {QStringLiteral("time"), event.time},
        {QStringLiteral("actor"), event.actor},
        {QStringLiteral("data"), event.data},
        {QStringLiteral("prev"), QString::fromLatin1(event.prevHash.toHex())},
    };
}

Result<QByteArray> decodeHash(const QJsonObject &json, QLatin1String field)
{
    const QString text = json.value(field).toString();
    const QByteArray raw = QByteArray::fromHex(text.toLatin1());
    if (text.size() != kHashBytes * 2 || raw.size() != kHashBytes
        || raw.toHex() != text.toLatin1().toLower()) {
        return makeError(ErrorCode::BadField,
            QString(field) + QStringLiteral(" must be 64 hexadecimal digits"), QString(field));
    }
    return raw;
}

} // namespace

QByteArray genesisHash()
{
    return QByteArray(kHashBytes, '\0');
}

bool isSha256Hex(const QString &text)
{
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
}

QByteArray Event::canonicalBytes() const
{
    return QJsonDocument(hashedFields(*this)).toJson(QJsonDocument::Compact);
}

QByteArray Event::computeHash() const
{
    return QCryptographicHash::hash(canonicalBytes(), QCryptographicHash::Sha256);
}

QJsonObject Event::toJson() const
{
    QJsonObject json = hashedFields(*this);
    json.insert(QStringLiteral("type"), QStringLiteral("event"));
    json.insert(QStringLiteral("hash"), QString::fromLatin1(hash.toHex()));
    return json;
}

Result<Event> Event::fromJson(const QJsonObject &json)
{
    Event event;
    const auto integer = [&](QLatin1String field, qint64 *out) -> std::optional<Error> {
        const QJsonValue value = json.value(field);
        if (!isJsonInteger(value))
            return makeError(ErrorCode::BadField,
                QString(field) + QStringLiteral(" must be an integer"), QString(field));
        *out = value.toInteger();
        return std::nullopt;
    };
    const auto text = [&](QLatin1String field, QString *out) -> std::optional<Error> {
        const QJsonValue value = json.value(field);
        if (!value.isString())
            return makeError(ErrorCode::BadField,
                QString(field) + QStringLiteral(" must be a string"), QString(field));
        *out = value.toString();
        return std::nullopt;
    };
    if (auto error = integer(QLatin1String("meeting"), &event.meeting))
        return *error;
    if (auto error = integer(QLatin1String("seq"), &event.seq))
        return *error;
    if (auto error = text(QLatin1String("kind"), &event.kind))
        return *error;
    if (auto error = text(QLatin1String("time"), &event.time))
        return *error;
    if (auto error = text(QLatin1String("actor"), &event.actor))
        return *error;
    if (!json.value(QLatin1String("data")).isObject())
        return makeError(
            ErrorCode::BadField, QStringLiteral("data must be an object"), QStringLiteral("data"));
    event.data = json.value(QLatin1String("data")).toObject();
    auto prev = decodeHash(json, QLatin1String("prev"));
    if (!prev)
        return prev.error();
    auto hash = decodeHash(json, QLatin1String("hash"));
    if (!hash)
        return hash.error();
    event.prevHash = prev.value();
    event.hash = hash.value();
    return event;
}

} // namespace chamber::protocol

// Typed errors shared by the wire protocol, the domain core and the REST API.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace chamber {

// Every failure a client can see has one of these codes. They are part of the protocol
// (PROTOCOL.md lists them); add new ones at the end and never reuse a name.
enum class ErrorCode {
    BadJson, // frame is not valid JSON
    NotAnObject, // frame is JSON but not an object
    UnknownType, // "type" names no message this side accepts
    MissingField, // a required field is absent
    BadField, // a field has the wrong JSON type, range or length, or is unknown
    TooLarge, // frame or upload above the configured limit
    UnsupportedVersion, // hello names a protocol version this server does not speak
    Unauthenticated, // no or wrong credential
    Forbidden, // authenticated, but this principal may not do that
    NotFound, // meeting, item or delegate does not exist
    Conflict, // valid request that contradicts the current state
    Invalid, // semantically invalid input (e.g. a CSV line)
    IdReused, // a request id was sent again with a different body
    Internal, // a server fault; the request changed nothing
    Unavailable, // the server is shutting down or overloaded; retry later
    RateLimited, // this device, connection or address sent more than its budget; retry later
};

QString errorCodeName(ErrorCode code);
// Inverse of errorCodeName; returns false for a name this version does not know.
bool errorCodeFromName(const QString &name, ErrorCode *code);

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message; // human readable, English; clients translate by code
    QString field; // the offending field or input location, if any
    QJsonArray details; // itemised problems, e.g. one {line, message} per bad CSV line
    // rate_limited: milliseconds after which the same request may be let through.
    std::optional<qint64> retryAfterMs;

    QJsonObject toJson() const;
    bool operator==(const Error &) const = default;
};

inline Error makeError(ErrorCode code, QString message, QString field = {})
{
    return Error {code, std::move(message), std::move(field)};
}

// rate_limited, saying when to try again.
inline Error rateLimited(QString message, qint64 retryAfterMs)
{
    Error error = makeError(ErrorCode::RateLimited, std::move(message));
    error.retryAfterMs = retryAfterMs;
    return error;
}

// A value or an Error. Small on purpose: C++20 has no std::expected.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    { }
    Result(Error error)
        : m_value(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_value); }
    T &value() & { return std::get<T>(m_value); }
    T &&value() && { return std::get<T>(std::move(m_value)); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<Error>(m_value); }

private:
    std::variant<T, Error> m_value;
};

// For operations that return nothing but may fail.
struct Done
{
};
using Status = Result<Done>;
inline Status success()
{
    return Done {};
}

} // namespace chamber

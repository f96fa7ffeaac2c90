#include "protocol/error.h"

#include <array>

namespace chamber {

namespace {
struct CodeName
{
    ErrorCode code;
    const char *name;
};
constexpr std::array kCodeNames {
    CodeName {ErrorCode::BadJson, "bad_json"},
    CodeName {ErrorCode::NotAnObject, "not_an_object"},
    CodeName {ErrorCode::UnknownType, "unknown_type"},
    CodeName {ErrorCode::MissingField, "missing_field"},
    CodeName {ErrorCode::BadField, "bad_field"},
    CodeName {ErrorCode::TooLarge, "too_large"},
    CodeName {ErrorCode::UnsupportedVersion, "unsupported_version"},
    CodeName {ErrorCode::Unauthenticated, "unauthenticated"},
    CodeName {ErrorCode::Forbidden, "forbidden"},
    CodeName {ErrorCode::NotFound, "not_found"},
    CodeName {ErrorCode::Conflict, "conflict"},
    CodeName {ErrorCode::Invalid, "invalid"},
    CodeName {ErrorCode::IdReused, "id_reused"},
    CodeName {ErrorCode::Internal, "internal"},
    CodeName {ErrorCode::Unavailable, "unavailable"},
    CodeName {ErrorCode::RateLimited, "rate_limited"},
};
} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const auto &entry : kCodeNames) {
        if (entry.code == code)
            return QString::fromLatin1(entry.name);
    }
    return QStringLiteral("internal");
}

bool errorCodeFromName(const QString &name, ErrorCode *code)
{
    for (const auto &entry : kCodeNames) {
        if (name == QLatin1String(entry.name)) {
            *code = entry.code;
            return true;
        }
    }
    return false;
}

QJsonObject Error::toJson() const
{
    QJsonObject json {
        {QStringLiteral("code"), errorCodeName(code)}, {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        json.insert(QStringLiteral("field"), field);
    if (!details.isEmpty())
        json.insert(QStringLiteral("details"), details);
    if (retryAfterMs)
        json.insert(QStringLiteral("retryAfterMs"), *retryAfterMs);
    return json;
}

} // namespace chamber

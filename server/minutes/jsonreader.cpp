#include "minutes/jsonreader.h"

#include <cmath>

namespace chamber::minutes {

QString JsonReader::pathOf(const char *field) const
{
    return m_path.isEmpty() ? QString::fromLatin1(field)
                            : QString(m_path + u'.' + QString::fromLatin1(field));
}

QString JsonReader::at(const char *field, qsizetype index) const
{
    return QStringLiteral("%1[%2]").arg(pathOf(field)).arg(index);
}

void JsonReader::fail(const Error &error)
{
    if (!m_error)
        m_error = error;
}

void JsonReader::fail(const char *field, const QString &why)
{
    fail(makeError(ErrorCode::BadField,
        QStringLiteral("minutes model: %1 %2").arg(pathOf(field), why), pathOf(field)));
}

std::optional<QJsonValue> JsonReader::take(
    const char *field, QJsonValue::Type type, const char *what)
{
    if (m_error)
        return std::nullopt;
    const QJsonValue value = m_json.value(QLatin1String(field));
    if (value.isUndefined()) {
        fail(field, QStringLiteral("is missing"));
        return std::nullopt;
    }
    if (value.type() != type) {
        fail(field, QStringLiteral("must be %1").arg(QLatin1String(what)));
        return std::nullopt;
    }
    return value;
}

QString JsonReader::string(const char *field)
{
    const auto value = take(field, QJsonValue::String, "a string");
    return value ? value->toString() : QString();
}

qint64 JsonReader::integer(const char *field, qint64 low)
{
    const auto value = take(field, QJsonValue::Double, "an integer");
    if (!value)
        return 0;
    const double number = value->toDouble();
    // Beyond 2^53 a double no longer holds every integer: nothing toJson() writes is that big.
    constexpr double kLargest = 9007199254740991.0;
    if (std::trunc(number) != number || number < double(low) || number > kLargest) {
        fail(field, QStringLiteral("must be an integer of at least %1").arg(low));
        return 0;
    }
    return qint64(number);
}

bool JsonReader::boolean(const char *field)
{
    const auto value = take(field, QJsonValue::Bool, "true or false");
    return value && value->toBool();
}

QJsonArray JsonReader::array(const char *field)
{
    const auto value = take(field, QJsonValue::Array, "an array");
    return value ? value->toArray() : QJsonArray();
}

QJsonObject JsonReader::object(const char *field)
{
    const auto value = take(field, QJsonValue::Object, "an object");
    return value ? value->toObject() : QJsonObject();
}

QStringList JsonReader::strings(const char *field)
{
    QStringList list;
    const QJsonArray values = array(field);
    for (qsizetype i = 0; i < values.size() && ok(); ++i) {
        if (!values.at(i).isString())
            fail(makeError(ErrorCode::BadField,
                QStringLiteral("minutes model: %1 must be a string").arg(at(field, i)),
                at(field, i)));
        list << values.at(i).toString();
    }
    return list;
}

} // namespace chamber::minutes

// Reading a JSON object written by the minutes model's own toJson() back, strictly: every
// field must be there with its type, or the first one that is not is named in a BadField error
// ("items[2].speeches[0].start"). The render child and verify read models this way.
#pragma once

#include "protocol/error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace chamber::minutes {

class JsonReader
{
public:
    JsonReader(const QJsonObject &json, QString path)
        : m_json(json)
        , m_path(std::move(path))
    { }

    QString string(const char *field);
    qint64 integer(const char *field, qint64 low = 0);
    bool boolean(const char *field);
    QJsonArray array(const char *field);
    QJsonObject object(const char *field);
    QStringList strings(const char *field);

    // The path of an element of an array field: "items[2]".
    QString at(const char *field, qsizetype index) const;
    QString pathOf(const char *field) const;

    // The first problem, if any; later reads after a problem return defaults.
    bool ok() const { return !m_error.has_value(); }
    const std::optional<Error> &error() const { return m_error; }
    // Keeps the first problem of a nested reader or parser.
    void fail(const Error &error);
    void fail(const char *field, const QString &why);

private:
    std::optional<QJsonValue> take(const char *field, QJsonValue::Type type, const char *what);

    QJsonObject m_json;
    QString m_path;
    std::optional<Error> m_error;
};

} // namespace chamber::minutes

#include "commands.h"

#include <QtTest>

namespace chamber::testing {

QString nextRequestId()
{
    static int counter = 0;
    return QStringLiteral("t-%1").arg(++counter);
}

protocol::Message command(const QString &type, QJsonObject fields)
{
    fields.insert(QStringLiteral("type"), type);
    if (!fields.contains(QLatin1String("id")))
        fields.insert(QStringLiteral("id"), nextRequestId());
    auto message = protocol::validateMessage(fields, protocol::Direction::ToServer);
    if (!message)
        qFatal(
            "test built an invalid %s: %s", qPrintable(type), qPrintable(message.error().message));
    return message.value();
}

} // namespace chamber::testing

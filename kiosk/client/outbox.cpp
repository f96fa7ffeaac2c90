#include "outbox.h"

#include "support/privatefile.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace chamber::kiosk {

Outbox::Outbox(QString path)
    : m_path(std::move(path))
{ }

Status Outbox::load()
{
    m_entries.clear();
    auto stored = support::readJsonFile(m_path);
    if (!stored)
        return stored.error();
    if (!stored.value())
        return success();
    if (!stored.value()->isArray())
        return makeError(ErrorCode::Invalid, QStringLiteral("%1 is damaged").arg(m_path));
    for (const QJsonValue &value : stored.value()->array()) {
        const QJsonObject entry = value.toObject();
        const QJsonObject command = entry.value(QLatin1String("command")).toObject();
        const QString id = command.value(QLatin1String("id")).toString();
        if (id.isEmpty())
            continue;
        m_entries.append(Entry {id, command, entry.value(QLatin1String("queuedAt")).toString()});
    }
    return success();
}

Result<QString> Outbox::enqueue(QJsonObject command)
{
    QString id = command.value(QLatin1String("id")).toString();
    if (id.isEmpty()) {
        // Unique across restarts and devices; the server scopes ids per device anyway.
        id = QStringLiteral("k-") + QUuid::createUuid().toString(QUuid::Id128).left(24);
        command.insert(QStringLiteral("id"), id);
    }
    if (contains(id))
        return id;
    m_entries.append(
        Entry {id, command, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
    if (auto status = persist(); !status) {
        m_entries.removeLast();
        return status.error();
    }
    return id;
}

Status Outbox::acknowledge(const QString &id)
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).id == id) {
            m_entries.removeAt(i);
            return persist();
        }
    }
    return success();
}

bool Outbox::contains(const QString &id) const
{
    for (const Entry &entry : m_entries) {
        if (entry.id == id)
            return true;
    }
    return false;
}

Status Outbox::persist() const
{
    if (m_path.isEmpty())
        return success();
    QJsonArray list;
    for (const Entry &entry : m_entries)
        list.append(QJsonObject {{QStringLiteral("command"), entry.command},
            {QStringLiteral("queuedAt"), entry.queuedAt}});
    return support::writePrivateFile(m_path, QJsonDocument(list).toJson(QJsonDocument::Compact));
}

} // namespace chamber::kiosk

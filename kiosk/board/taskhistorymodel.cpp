#include "taskhistorymodel.h"

#include <QJsonArray>
#include <QLocale>

namespace chamber::kiosk {

namespace {

QString ownerText(const QJsonValue &value, const Board &board)
{
    const QJsonObject owner = value.toObject();
    const OwnerKind kind = owner.value(QLatin1String("kind")).toString() == QLatin1String("member")
        ? OwnerKind::Member
        : OwnerKind::Organisation;
    const qint64 id = owner.value(QLatin1String("id")).toInteger();
    const QString name = board.ownerName(kind, id);
    return name.isEmpty() ? QStringLiteral("#%1").arg(id) : name;
}

QString deadlineText(const QJsonValue &value)
{
    const QDateTime deadline = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return deadline.isValid()
        ? QLocale().toString(deadline.toLocalTime().date(), QLocale::ShortFormat)
        : value.toString();
}

} // namespace

int TaskHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TaskHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    switch (Role(role)) {
    case TimeRole:
        return row.time.toLocalTime();
    case KindRole:
        return row.kind;
    case ActorRole:
        return row.actor;
    case SummaryRole:
        return row.summary;
    case ReasonRole:
        return row.reason;
    }
    return {};
}

QHash<int, QByteArray> TaskHistoryModel::roleNames() const
{
    return {{TimeRole, "time"}, {KindRole, "kind"}, {ActorRole, "actor"}, {SummaryRole, "summary"},
        {ReasonRole, "reason"}};
}

void TaskHistoryModel::setHistory(const QJsonObject &result, const Board &board)
{
    beginResetModel();
    m_rows.clear();
    for (const QJsonValue &value : result.value(QLatin1String("events")).toArray()) {
        const QJsonObject event = value.toObject();
        Row row;
        row.time = QDateTime::fromString(
            event.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
        row.kind = event.value(QLatin1String("kind")).toString();
        if (row.kind.isEmpty() || !row.time.isValid())
            continue;
        row.actorId = event.value(QLatin1String("actor")).toString();
        row.actor = actorText(row.actorId);
        row.data = event.value(QLatin1String("data")).toObject();
        row.reason = row.data.value(QLatin1String("reason")).toString();
        row.summary = summarise(row, board);
        m_rows.push_back(std::move(row));
    }
    endResetModel();
    emit countChanged();
}

void TaskHistoryModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    emit countChanged();
}

void TaskHistoryModel::retranslate(const Board &board)
{
    for (Row &row : m_rows) {
        row.summary = summarise(row, board);
        row.actor = actorText(row.actorId);
    }
    if (!m_rows.empty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1));
}

QString TaskHistoryModel::statusText(const QString &status)
{
    if (status == QLatin1String("open"))
        return tr("not started");
    if (status == QLatin1String("inProgress"))
        return tr("in progress");
    if (status == QLatin1String("done"))
        return tr("done");
    if (status == QLatin1String("cancelled"))
        return tr("cancelled");
    return status;
}

QString TaskHistoryModel::actorText(const QString &actor)
{
    if (actor == QLatin1String("admin"))
        return tr("Administrator");
    if (actor == QLatin1String("migration"))
        return tr("Data migration");
    if (actor.startsWith(QLatin1String("account:")))
        return actor.mid(8);
    if (actor.startsWith(QLatin1String("device:")))
        return tr("Device %1").arg(actor.mid(7));
    return actor;
}

QString TaskHistoryModel::summarise(const Row &row, const Board &board)
{
    const QJsonObject &data = row.data;
    if (row.kind == QLatin1String("task.created"))
        return tr("Created for %1, due %2")
            .arg(ownerText(data.value(QLatin1String("owner")), board),
                deadlineText(data.value(QLatin1String("deadline"))));
    if (row.kind == QLatin1String("task.statusChanged"))
        return tr("Status: %1 → %2")
            .arg(statusText(data.value(QLatin1String("from")).toString()),
                statusText(data.value(QLatin1String("to")).toString()));
    if (row.kind == QLatin1String("task.noted")) {
        const QString name = data.value(QLatin1String("attachment"))
                                 .toObject()
                                 .value(QLatin1String("name"))
                                 .toString();
        const QString text = data.value(QLatin1String("text")).toString();
        return name.isEmpty() ? tr("Note: %1").arg(text)
                              : tr("Note: %1 (attached: %2)").arg(text, name);
    }
    if (row.kind == QLatin1String("task.reassigned"))
        return tr("Reassigned from %1 to %2")
            .arg(ownerText(data.value(QLatin1String("from")), board),
                ownerText(data.value(QLatin1String("owner")), board));
    if (row.kind == QLatin1String("task.deadlineChanged"))
        return tr("Deadline moved from %1 to %2")
            .arg(deadlineText(data.value(QLatin1String("from"))),
                deadlineText(data.value(QLatin1String("deadline"))));
    return row.kind;
}

} // namespace chamber::kiosk

// A task's history for QML: one row per event of the council's log that concerns the task
// (`task.history`), oldest first, each told in a sentence in the screen's language.
#pragma once

#include "boarddata.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QJsonObject>
#include <QtQml/qqmlregistration.h>

namespace chamber::kiosk {

class TaskHistoryModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Board")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        TimeRole = Qt::UserRole + 1, // date-time (local time)
        KindRole, // string: task.created, task.statusChanged, task.noted, ...
        ActorRole, // string: who did it, readable ("thuky", "Device 12", "Secretary")
        SummaryRole, // string: what happened
        ReasonRole, // string: the reason given, if any
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The `task.history` answer's result ({task, events}); `board` names the owners. Events
    // that do not parse are left out (a newer server's kinds are shown by their name).
    void setHistory(const QJsonObject &result, const Board &board);
    void clear();
    // Texts in the language now installed (after a switch).
    void retranslate(const Board &board);

    static QString statusText(const QString &status);
    static QString actorText(const QString &actor);

Q_SIGNALS:
    void countChanged();

private:
    struct Row
    {
        QDateTime time;
        QString kind;
        QString actorId; // as in the log: admin, account:NAME, device:N, migration
        QString actor;
        QJsonObject data;
        QString summary;
        QString reason;
    };
    static QString summarise(const Row &row, const Board &board);
    std::vector<Row> m_rows;
};

} // namespace chamber::kiosk

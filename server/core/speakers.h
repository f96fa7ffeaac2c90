// The speaker list: who asked for the floor, in what order, who has it, for how long, and
// how long each delegate has spoken in all.
#pragma once

#include "protocol/error.h"

#include <QJsonObject>
#include <QString>

#include <map>
#include <vector>

namespace chamber::core {

struct SpeakerState
{
    std::vector<qint64> queue; // waiting, in the order they will be called
    std::map<qint64, QString> requestedAt;
    qint64 current = 0; // has the floor; 0: nobody
    QString since; // when the floor was given
    qint64 limitSeconds = 0; // for the current speech; 0: no limit
    qint64 defaultLimitSeconds = 0;
    std::map<qint64, qint64> totalMs; // speaking time so far, per delegate

    qint64 positionOf(qint64 delegate) const; // 0-based; -1 when not waiting
    QJsonObject toJson() const;
    static Result<SpeakerState> fromJson(const QJsonObject &json);
};

// Milliseconds between two ISO 8601 times (0 if either does not parse or b is before a).
qint64 millisecondsBetween(const QString &from, const QString &to);

} // namespace chamber::core

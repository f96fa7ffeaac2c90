// The speaker list: who asked for the floor, in what order, who has it, for how long, and
// how long each has spoken in all. Those who speak are delegates in the chamber and bridge
// points (remote sites, enrolled devices of role "bridge", named by their device label).
#pragma once

#include "protocol/error.h"

#include <QJsonObject>
#include <QString>

#include <compare>
#include <map>
#include <vector>

namespace chamber::core {

// Someone on the speaker list: a delegate (by delegate id) or a bridge point (by device id).
// The kinds have separate id spaces, so an entry is always both together.
struct Speaker
{
    enum class Kind { Delegate, Bridge };
    Kind kind = Kind::Delegate;
    qint64 id = 0; // 0: nobody

    static Speaker delegate(qint64 id) { return {Kind::Delegate, id}; }
    static Speaker bridge(qint64 id) { return {Kind::Bridge, id}; }
    bool isNobody() const { return id == 0; }
    bool isDelegate() const { return id != 0 && kind == Kind::Delegate; }
    bool isBridge() const { return id != 0 && kind == Kind::Bridge; }
    // The field naming it in commands, events and the snapshot: "delegate" or "bridge".
    QString field() const;
    auto operator<=>(const Speaker &) const = default;
};

struct SpeakerState
{
    std::vector<Speaker> queue; // waiting, in the order they will be called
    std::map<Speaker, QString> requestedAt;
    Speaker current; // has the floor; isNobody(): nobody
    QString since; // when the floor was given
    qint64 limitSeconds = 0; // for the current speech; 0: no limit
    qint64 defaultLimitSeconds = 0;
    std::map<qint64, qint64> totalMs; // speaking time so far, per delegate
    std::map<qint64, qint64> bridgeTotalMs; // speaking time so far, per bridge device

    qint64 positionOf(const Speaker &speaker) const; // 0-based; -1 when not waiting
    qint64 positionOf(qint64 delegate) const { return positionOf(Speaker::delegate(delegate)); }
    // Who has the floor, by kind: 0 when nobody of that kind has it. currentBridge() is what
    // the media controller follows: a bridge with the floor is the programme.
    qint64 currentDelegate() const { return current.isDelegate() ? current.id : 0; }
    qint64 currentBridge() const { return current.isBridge() ? current.id : 0; }
    // The delegates waiting, in order (bridges left out): what the list was before sites.
    std::vector<qint64> waitingDelegates() const;

    // The floor and the queue lose `speaker`: it leaves the queue, and a speech it holds ends
    // at `time` with its duration added to its total. For a revoked bridge device.
    void remove(const Speaker &speaker, const QString &time);

    // Delegates are written as they always were (`delegate` in queue entries, `current`,
    // `totals`); bridges add `bridge` queue entries, `currentBridge` and `bridgeTotals`.
    QJsonObject toJson() const;
    static Result<SpeakerState> fromJson(const QJsonObject &json);
};

// Milliseconds between two ISO 8601 times (0 if either does not parse or b is before a).
qint64 millisecondsBetween(const QString &from, const QString &to);

} // namespace chamber::core

// Conclusions of a meeting: numbered text on an agenda item, optionally resting on a passed,
// published poll (a resolution). In the meeting's log; tasks of its council may name them.
#pragma once

#include <QJsonObject>
#include <QString>

#include <map>

namespace chamber::core {

constexpr int kMaxConclusionLength = 4000;

struct Conclusion
{
    qint64 id = 0; // also its number: 1, 2, … in order of adding, never reused
    qint64 item = 0;
    QString text;
    qint64 poll = 0; // 0: none
    bool removed = false; // removed conclusions keep their number
    QString addedAt, updatedAt;

    QJsonObject toJson() const;
    static Conclusion fromJson(const QJsonObject &json);
};

// What tally screens show besides the meeting: its tally ("tally") or its council's board.
constexpr const char *kScreenViews[] = {"tally", "board", nullptr};

} // namespace chamber::core

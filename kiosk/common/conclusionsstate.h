// The conclusions of the meeting's current agenda item, for the chair console: numbered text,
// and the passed, published poll each rests on; adding, editing and removing them through the
// outbox, with the server's refusal shown beside them.
#pragma once

#include "core/meeting.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace chamber::kiosk {

class ConclusionsState : public QObject
{
    Q_OBJECT
    QML_ANONYMOUS

    // [{conclusion, number, text, poll, pollTitle}] of the current item, by number.
    Q_PROPERTY(QVariantList current READ current NOTIFY changed)
    // [{poll, title}]: the current item's published polls that passed (or elected someone).
    Q_PROPERTY(QVariantList resolutions READ resolutions NOTIFY changed)
    // The server's last refusal of a conclusion command; empty once one succeeds.
    Q_PROPERTY(QString problem READ problem NOTIFY problemChanged)

public:
    using Sender = std::function<QString(QJsonObject)>; // returns the request id, or empty

    explicit ConclusionsState(QObject *parent = nullptr)
        : QObject(parent)
    { }
    void attach(const core::MeetingState *meeting, Sender sender);
    // Rebuilds the lists from the meeting state (after a snapshot or an event).
    void refresh();
    // Answers to this state's commands; true when `id` was one of them.
    bool handleAnswer(const QString &id, const QJsonObject &reply);

    QVariantList current() const { return m_current; }
    QVariantList resolutions() const { return m_resolutions; }
    QString problem() const { return m_problem; }

    // poll 0: none. Line breaks in `text` become spaces (the server takes one paragraph).
    Q_INVOKABLE void add(const QString &text, int poll);
    Q_INVOKABLE void update(int conclusion, const QString &text, int poll);
    Q_INVOKABLE void remove(int conclusion);
    Q_INVOKABLE void clearProblem();

Q_SIGNALS:
    void changed();
    void problemChanged();

private:
    void send(QJsonObject command);
    QString pollTitle(qint64 poll) const;

    const core::MeetingState *m_meeting = nullptr;
    Sender m_send;
    QSet<QString> m_pending;
    QVariantList m_current;
    QVariantList m_resolutions;
    QString m_problem;
};

} // namespace chamber::kiosk

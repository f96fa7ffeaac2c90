// The kiosk's link to its meeting: connects (pinned TLS), says hello with the device
// credential, keeps the meeting's state by applying events through the same reducer as the
// server, verifies every event links to the one before, reconnects with back-off and resumes
// from the last sequence number, and drains the outbox after every (re)connect.
#pragma once

#include "core/meeting.h"
#include "deviceidentity.h"
#include "outbox.h"
#include "protocol/event.h"

#include <QDateTime>
#include <QJsonArray>
#include <QObject>
#include <QTimer>
#include <QWebSocket>

#include <QHash>
#include <QList>

#include <functional>
#include <map>
#include <optional>

namespace chamber::kiosk {

struct ConnectionOptions
{
    int minRetryMs = 500;
    int maxRetryMs = 30000;
    // A Wi-Fi drop can leave a TCP connection that looks alive for minutes; without an answer
    // to our ping within the timeout, the connection is treated as dead.
    int pingIntervalMs = 5000;
    int pongTimeoutMs = 12000;
};

// The latest `progress` push for a poll: how many ballots are in, counts only.
struct PollProgress
{
    qint64 poll = 0;
    int cast = 0;
    int eligible = 0;
    bool hasPending = false; // the server sends `pending` to the chair console only
    QList<qint64> pending; // delegates who can vote and have no recorded ballot
};

class Connection : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Offline, // not connected; a retry is scheduled (unless stopped or rejected)
        Connecting, // TCP/TLS/hello/subscribe under way
        Online, // subscribed and in step
    };
    Q_ENUM(State)

    Connection(DeviceIdentity identity, Outbox &outbox, ConnectionOptions options = {},
        QObject *parent = nullptr);
    ~Connection() override;

    // Starts from a state kept on disk by an earlier run (before start()): screens show it at
    // once, offline too, and the first subscribe asks only for what came after it.
    void resumeFrom(core::MeetingState state);
    void start();
    void stop();

    State state() const { return m_state; }
    // When the connection was last lost (invalid while online or before the first attempt).
    QDateTime offlineSince() const { return m_offlineSince; }
    QDateTime nextAttemptAt() const { return m_nextAttemptAt; }
    QString lastProblem() const { return m_lastProblem; }
    const DeviceIdentity &identity() const { return m_identity; }

    bool hasMeeting() const { return m_meeting.has_value(); }
    const core::MeetingState &meeting() const { return *m_meeting; }
    QJsonArray presence() const { return m_presence; }
    // The latest progress of a poll, if the server sent one since this connection started.
    std::optional<PollProgress> progress(qint64 poll) const;
    // Server time minus this device's time, from the hello answer (0 until known, or if the
    // server does not say). Countdowns use it so every screen shows the same seconds.
    qint64 clockOffsetMs() const { return m_clockOffsetMs; }
    // Server time minus local time, from a question sent at `sentAt`, answered at `receivedAt`
    // with the server's `serverTime` (ISO 8601); the server is taken to have read its clock
    // halfway through the round trip. Empty when the time does not parse.
    static std::optional<qint64> clockOffset(
        const QDateTime &sentAt, const QDateTime &receivedAt, const QString &serverTime);

    // Queues a command: stored in the outbox first, then sent when online (now or after the
    // next reconnect). Returns the request id the answer will carry.
    Result<QString> send(QJsonObject command);
    // A question that changes nothing (e.g. joinCode.nextSeat): sent only while online, never
    // stored; `onReply` gets the answer, or is dropped if the connection goes first.
    bool request(QJsonObject message, std::function<void(const QJsonObject &reply)> onReply);

Q_SIGNALS:
    void stateChanged();
    void meetingChanged();
    void presenceChanged();
    void progressChanged(qint64 poll);
    void clockOffsetChanged();
    void commandAnswered(const QString &id, const QJsonObject &reply);
    // The server refused this device's credential (revoked): the kiosk must join again.
    void credentialRejected(const QString &reason);
    // A bridge device's media pushes for its meeting (media.signal, media.floor, media.status),
    // as received; their requests (media.join, media.signal, media.leave) go through request().
    void mediaPush(const QString &type, const QJsonObject &body);
    // The follow-up board of `council` changed (its log grew, or a deadline or an amber
    // threshold passed on the server's clock): screens showing it ask for it again.
    void boardChanged(qint64 council, qint64 seq);

private:
    void connectNow();
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void handleReply(const QJsonObject &reply);
    void handleEvent(const QJsonObject &json);
    void handleProgress(const QJsonObject &json);
    void learnClockOffset(const QJsonObject &helloResult);
    void subscribe();
    void drainOutbox();
    void setState(State state);
    void scheduleRetry();
    void resync(const QString &why);

    DeviceIdentity m_identity;
    Outbox &m_outbox;
    ConnectionOptions m_options;
    QWebSocket m_socket;
    QTimer m_retryTimer;
    QTimer m_pingTimer;
    // A command answered rate_limited stays in the outbox; the outbox is sent again after
    // the wait the server named.
    QTimer m_resendTimer;
    QDateTime m_lastPong;
    State m_state = State::Offline;
    QDateTime m_offlineSince;
    QDateTime m_nextAttemptAt;
    QString m_lastProblem;
    int m_attempt = 0;
    bool m_running = false;
    bool m_rejected = false;
    std::optional<core::MeetingState> m_meeting;
    QJsonArray m_presence;
    std::map<qint64, PollProgress> m_progress;
    QDateTime m_helloSentAt;
    qint64 m_clockOffsetMs = 0;
    qint64 m_requestCounter = 0;
    QHash<QString, std::function<void(const QJsonObject &)>> m_requests;
};

} // namespace chamber::kiosk

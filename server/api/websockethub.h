// The WebSocket side of chamberd: sessions, hello, subscriptions, commands, and fan-out of
// committed events to every subscriber of a meeting.
#pragma once

#include "protocol/event.h"
#include "protocol/message.h"
#include "services/principal.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

class QWebSocket;

namespace chamber::services {
class Authenticator;
class MeetingService;
} // namespace chamber::services

namespace chamber::api {

struct HubOptions
{
    // A client further behind than this gets a snapshot instead of the missed events.
    qint64 resumeWindow = 1000;
    // Time a new connection has to say hello.
    int helloTimeoutMs = 10000;
    // A client that lets this much unsent data pile up is disconnected (it resumes on
    // reconnect), so one stalled tablet cannot make the server buffer without bound.
    qint64 maxBacklogBytes = 8 * 1024 * 1024;
};

class WebSocketHub;

class WebSocketSession : public QObject
{
    Q_OBJECT

public:
    WebSocketSession(std::unique_ptr<QWebSocket> socket, WebSocketHub &hub);
    ~WebSocketSession() override;

    // Frames are text (JSON); QWebSocket takes QString, so callers convert once per frame.
    void sendText(const QString &frame);
    void closeWithReason(const QString &reason);
    bool isSubscribed(qint64 meeting) const { return m_subscriptions.contains(meeting); }

private:
    void onText(const QString &text);
    void onBinary(const QByteArray &data);
    void reply(const QJsonObject &message);
    void handleHello(const protocol::Message &message);
    void handleSubscribe(const protocol::Message &message);

    std::unique_ptr<QWebSocket> m_socket;
    WebSocketHub &m_hub;
    std::optional<services::Principal> m_principal;
    QSet<qint64> m_subscriptions;
    QTimer m_helloTimer;
    bool m_closing = false;
};

class WebSocketHub : public QObject
{
    Q_OBJECT

public:
    WebSocketHub(services::MeetingService &service, const services::Authenticator &authenticator,
        HubOptions options, QObject *parent = nullptr);
    ~WebSocketHub() override;

    void accept(std::unique_ptr<QWebSocket> socket);
    qsizetype sessionCount() const { return m_sessions.size(); }
    // Says bye to every client and closes the connections (server shutdown).
    void closeAll(const QString &reason);

    const HubOptions &options() const { return m_options; }
    services::MeetingService &service() { return m_service; }
    const services::Authenticator &authenticator() const { return m_authenticator; }

    void subscribe(WebSocketSession *session, qint64 meeting);
    void unsubscribe(WebSocketSession *session, qint64 meeting);
    void forget(WebSocketSession *session);

private:
    void broadcast(qint64 meeting, const std::vector<protocol::Event> &events);

    services::MeetingService &m_service;
    const services::Authenticator &m_authenticator;
    HubOptions m_options;
    QSet<WebSocketSession *> m_sessions;
    QHash<qint64, QSet<WebSocketSession *>> m_subscribers;
};

} // namespace chamber::api

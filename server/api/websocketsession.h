// One WebSocket connection: hello (or enroll first), subscriptions, requests and replies.
#pragma once

#include "protocol/message.h"
#include "services/principal.h"

#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

class QWebSocket;

namespace chamber::api {

class WebSocketHub;

class WebSocketSession : public QObject
{
    Q_OBJECT

public:
    WebSocketSession(std::unique_ptr<QWebSocket> socket, WebSocketHub &hub);
    ~WebSocketSession() override;

    // Frames are text (JSON); QWebSocket takes QString, so callers convert once per frame.
    void sendText(const QString &frame);
    void sendJson(const QJsonObject &message);
    void closeWithReason(const QString &reason);

    bool isSubscribed(qint64 meeting) const { return m_subscriptions.contains(meeting); }
    const std::optional<services::Principal> &principal() const { return m_principal; }

private:
    // The client's address: the one place the session asks its connection for it.
    QHostAddress peerAddress() const;
    void onText(const QString &text);
    void handleHello(const protocol::Message &message);
    void handleEnroll(const protocol::Message &message);
    void handleSubscribe(const protocol::Message &message);
    void handleNextSeatCode(const protocol::Message &message);
    void handleReaderLink(const protocol::Message &message);
    void handleMedia(QLatin1String type, const protocol::Message &message);

    std::unique_ptr<QWebSocket> m_socket;
    WebSocketHub &m_hub;
    std::optional<services::Principal> m_principal;
    QSet<qint64> m_subscriptions;
    QTimer m_helloTimer;
    bool m_closing = false;
};

} // namespace chamber::api

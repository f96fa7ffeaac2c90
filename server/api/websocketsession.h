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

namespace chamber::edge {
class WsPeer;
}

namespace chamber::api {

class WebSocketHub;

class WebSocketSession : public QObject
{
    Q_OBJECT

public:
    // Takes `socket` (the edge's peer object of an upgraded connection).
    WebSocketSession(edge::WsPeer *socket, WebSocketHub &hub);
    ~WebSocketSession() override;

    // Frames are text (JSON), UTF-8.
    void sendText(const QByteArray &frame);
    void sendJson(const QJsonObject &message);
    void closeWithReason(const QString &reason);

    bool isSubscribed(qint64 meeting) const { return m_subscriptions.contains(meeting); }
    const std::optional<services::Principal> &principal() const { return m_principal; }

private:
    // The client's address: the one place the session asks its connection for it.
    QHostAddress peerAddress() const;
    void onText(const QByteArray &text);
    void handleHello(const protocol::Message &message);
    void handleEnroll(const protocol::Message &message);
    void handleSubscribe(const protocol::Message &message);
    void handleNextSeatCode(const protocol::Message &message);
    void handleReaderLink(const protocol::Message &message);
    void handleMedia(QLatin1String type, const protocol::Message &message);

    std::unique_ptr<edge::WsPeer> m_socket;
    WebSocketHub &m_hub;
    std::optional<services::Principal> m_principal;
    QSet<qint64> m_subscriptions;
    QTimer m_helloTimer;
    bool m_closing = false;
};

} // namespace chamber::api

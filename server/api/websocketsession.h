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

// What the session keeps of its upgrade request: the browser's cookie (for hello with the
// credential "session") and whether the page that opened it is this server's own.
struct UpgradeRequest
{
    QByteArray cookie; // the Cookie header
    bool sameOrigin = true; // no Origin header, or this server's
};

class WebSocketSession : public QObject
{
    Q_OBJECT

public:
    // Takes `socket` (the edge's peer object of an upgraded connection).
    WebSocketSession(edge::WsPeer *socket, WebSocketHub &hub, UpgradeRequest upgrade = {});
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
    // hello's credential: a device's or the admin token, or "session" (the upgrade's cookie).
    std::optional<services::Principal> authenticateHello(
        const protocol::Message &message, Error *refusal);
    void handleEnroll(const protocol::Message &message);
    void handleSubscribe(const protocol::Message &message);
    void handleNextSeatCode(const protocol::Message &message);
    void handleReaderLink(const protocol::Message &message);
    void handleMedia(QLatin1String type, const protocol::Message &message);

    std::unique_ptr<edge::WsPeer> m_socket;
    WebSocketHub &m_hub;
    std::optional<services::Principal> m_principal;
    UpgradeRequest m_upgrade;
    QSet<qint64> m_subscriptions;
    QTimer m_helloTimer;
    bool m_closing = false;
};

} // namespace chamber::api

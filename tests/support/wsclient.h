// A WebSocket client for tests: pinned TLS, hello, and waiting for specific messages.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QWebSocket>

namespace chamber::testing {

class WsClient
{
public:
    explicit WsClient(QByteArray pin);

    bool open(const QString &url, int timeoutMs = 10000);
    // Headers of the upgrade request of the next open() (a browser's Cookie and Origin).
    void setUpgradeHeaders(QList<QPair<QByteArray, QByteArray>> headers)
    {
        m_upgradeHeaders = std::move(headers);
    }
    // Opens and says hello; true when the server answered ok.
    bool connectAndHello(const QString &url, const QByteArray &credential);
    void close();
    void abort();

    void sendJson(const QJsonObject &message);
    void sendText(const QString &text);
    // Sends a request (id added if missing) and waits for the ok/error with that id.
    QJsonObject request(QJsonObject message, int timeoutMs = 10000);
    // Waits until a received message satisfies `predicate`; returns it (or an empty object).
    // Only messages received at index `from` or later are considered.
    QJsonObject waitFor(const std::function<bool(const QJsonObject &)> &predicate,
        int timeoutMs = 10000, qsizetype from = 0);
    // Waits until `count` event messages have arrived since the last takeEvents().
    bool waitForEvents(int count, int timeoutMs = 10000);
    QList<QJsonObject> takeEvents();

    QList<QJsonObject> received() const { return m_received; }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    bool pinRejected() const { return m_pinRejected; }

private:
    QWebSocket m_socket;
    QByteArray m_pin;
    QList<QPair<QByteArray, QByteArray>> m_upgradeHeaders;
    QList<QJsonObject> m_received;
    qsizetype m_eventsTaken = 0;
    bool m_pinRejected = false;
};

} // namespace chamber::testing

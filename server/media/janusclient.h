// One session on one Janus server over its WebSocket API ("janus-protocol"): creates the
// session, keeps it alive, matches replies to requests by transaction and hands everything
// Janus says on its own (events, trickle, webrtcup, hangup, …) to its owner by handle.
//
// Whatever Janus sends is read with parseJanusMessage: a malformed message fails the request
// it answers (when its transaction can be told) and is reported, never acted on. The socket
// closing, the session timing out or no answer within the request timeout: down() with the
// reason, and every pending request fails with it.
#pragma once

#include "media/janusmessage.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <functional>

namespace chamber::media {

class JanusClient : public QObject
{
    Q_OBJECT
public:
    using Reply = std::function<void(const Result<JanusMessage> &)>;

    explicit JanusClient(QUrl url, QObject *parent = nullptr);
    ~JanusClient() override;

    const QUrl &url() const { return m_url; }
    // Connects and creates a session: sessionReady() or down().
    void open();
    // Destroys the session and closes the socket, without down().
    void close();
    bool isReady() const { return m_session != 0; }
    qint64 session() const { return m_session; }

    void attach(const QString &plugin, Reply reply);
    // A plugin message; `reply` gets its result: "success" for synchronous requests, the
    // plugin's "event" (maybe with a jsep) for asynchronous ones, or the error.
    void message(qint64 handle, const QJsonObject &body, const QJsonObject &jsep, Reply reply);
    void trickle(qint64 handle, int mline, const QString &candidate, Reply reply = {});
    void detach(qint64 handle, Reply reply);

    // How long a request may wait for its answer before the server counts as gone.
    void setRequestTimeoutMs(int ms) { m_requestTimeoutMs = ms; }

signals:
    void sessionReady();
    void down(const chamber::Error &error);
    // An event about one handle that answers no request of ours.
    void handleEvent(const chamber::media::JanusMessage &message);
    // A message that did not parse (already logged); nothing was done with it.
    void refused(const chamber::Error &error);

private:
    struct Pending
    {
        Reply reply;
        bool ackIsFinal = false;
        qint64 deadlineMs = 0;
    };
    void send(
        const QString &kind, qint64 handle, const QJsonObject &extra, Reply reply, bool ackIsFinal);
    void onText(const QString &text);
    void onDisconnected();
    void goDown(const chamber::Error &error);
    void checkDeadlines();
    void failAll(const chamber::Error &error);

    QUrl m_url;
    QWebSocket m_socket;
    QTimer m_keepalive;
    QTimer m_deadlines;
    qint64 m_session = 0;
    bool m_closing = false;
    bool m_down = false;
    QString m_socketError;
    QHash<QString, Pending> m_pending;
    quint64 m_serial = 0;
    int m_requestTimeoutMs = 10000;
};

} // namespace chamber::media

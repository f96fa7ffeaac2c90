// A stand-in for chamberd's media relay, for test_watch_browser: serves the watch page and its
// files (the same bytes and headers chamberd serves: api::WebAssets, over plain HTTP on
// loopback) and answers enroll,
// hello, ping and media.* for one device of a chosen role, passing signaling between the page
// and a real chamber-media's stdin/stdout. With it the page's own logic runs against a real
// programme in situations the real server is slow or awkward to put it in: a dropped
// WebSocket, chamber-media restarting or unavailable, the floor moving.
#pragma once

#include "api/webassets.h"
#include "edge/httprequest.h"
#include "serverprocess.h"

#include "childprocess.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QTest>
#include <QWebSocket>

namespace chamber::testing {

inline QByteArray line(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Stands in for chamberd: serves /watch, answers enroll/hello/ping/media.* for one device of
// `role`, and relays between the page and chamber-media's stdin/stdout.
class StandInRelay : public QAbstractHttpServer
{
public:
    QString token = QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    QString role = QStringLiteral("bridge");
    bool revoked = false;
    QString joinRefusal; // when set, media.join is refused with this as its error code
    int joins = 0;
    int enrolls = 0;
    QStringList pageSent; // every type the page sent, in order
    QProcess media;

    bool startMedia()
    {
        chamber::testing::dieWithTest(media);
        media.setProcessChannelMode(QProcess::SeparateChannels);
        media.setProgram(binaryPath(QStringLiteral("chamber-media")));
        media.setArguments({QStringLiteral("--video"), QStringLiteral("test"),
            QStringLiteral("--audio"), QStringLiteral("test"), QStringLiteral("--ice-address"),
            QStringLiteral("127.0.0.1")});
        m_ready = false;
        m_joined = false;
        QObject::connect(&media, &QProcess::readyReadStandardOutput, &media, [this] {
            while (media.canReadLine())
                fromMedia(QJsonDocument::fromJson(media.readLine()).object());
        });
        media.start();
        return media.waitForStarted(10000) && QTest::qWaitFor([this] { return m_ready; }, 20000);
    }
    void stopMedia()
    {
        media.disconnect();
        media.closeWriteChannel();
        if (!media.waitForFinished(5000)) {
            media.kill();
            media.waitForFinished(5000);
        }
    }
    // What chamberd does when chamber-media dies: status restarting, a new process, and once it
    // is ready the joined peer added again (a fresh offer for the page).
    void restartMedia()
    {
        push(status(QStringLiteral("restarting")));
        stopMedia();
        bringMediaBack();
    }
    // chamber-media keeps failing: chamberd gives up for a while and says so.
    void mediaUnavailable()
    {
        push(status(QStringLiteral("unavailable")));
        stopMedia();
    }
    void bringMediaBack()
    {
        QVERIFY(startMedia());
        push(status(QStringLiteral("running")));
        if (m_session) {
            m_joined = true;
            toMedia({{QStringLiteral("type"), QStringLiteral("add-peer")},
                {QStringLiteral("peer"), m_peer}});
        }
    }
    void pushFloor(const QString &peer)
    {
        push({{QStringLiteral("type"), QStringLiteral("media.floor")},
            {QStringLiteral("meeting"), 1},
            {QStringLiteral("peer"), peer.isEmpty() ? QJsonValue() : QJsonValue(peer)}});
    }
    int offers = 0;
    // Drops the page's WebSocket as a network failure would.
    void dropSession()
    {
        if (m_session)
            m_session->abort();
    }
    // The device is revoked: bye, close, and its credential refused from now on.
    void revoke()
    {
        revoked = true;
        if (m_session) {
            m_session->sendTextMessage(
                QString::fromUtf8(line({{QStringLiteral("type"), QStringLiteral("bye")},
                    {QStringLiteral("reason"), QStringLiteral("revoked")}})));
            m_session->close();
        }
    }
    quint16 port() { return serverPorts().value(0); }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        if (request.url().path() == QLatin1String("/ws"))
            return true; // Qt upgrades it
        const QString path = request.url().path();
        if (path != QLatin1String("/watch") && !path.startsWith(api::WebAssets::kPrefix))
            return false;
        edge::HttpHead head;
        head.method = "GET";
        head.target = request.url().toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
        const api::HttpReply reply = m_web.serve(edge::HttpRequest(head, QHostAddress()));
        QHttpServerResponder responder = makeResponder(request, socket);
        responder.writeStatusLine(QHttpServerResponder::StatusCode(reply.status));
        if (!reply.contentType.isEmpty())
            responder.writeHeader("Content-Type", reply.contentType);
        responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
        for (const auto &[name, value] : reply.headers)
            responder.writeHeader(name, value);
        responder.writeBody(reply.body);
        return true;
    }
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
    }

public:
    ~StandInRelay() override
    {
        // Before the members go: a closing socket would still write to chamber-media.
        const auto sockets = findChildren<QWebSocket *>();
        for (QWebSocket *socket : sockets) {
            socket->disconnect();
            delete socket;
        }
    }
    StandInRelay()
    {
        QObject::connect(this, &QAbstractHttpServer::newWebSocketConnection, this, [this] {
            while (hasPendingWebSocketConnections())
                accept(nextPendingWebSocketConnection().release());
        });
    }

private:
    api::WebAssets m_web; // the compiled-in files, as chamberd serves them
    QPointer<QWebSocket> m_session;
    bool m_ready = false;
    bool m_joined = false;
    bool m_rejoin = false;
    const QString m_peer = QStringLiteral("d7");

    static QJsonObject status(const QString &state)
    {
        return {{QStringLiteral("type"), QStringLiteral("media.status")},
            {QStringLiteral("meeting"), 1}, {QStringLiteral("state"), state}};
    }
    void toMedia(const QJsonObject &message) { media.write(line(message) + '\n'); }
    void push(const QJsonObject &message)
    {
        if (m_session)
            m_session->sendTextMessage(QString::fromUtf8(line(message)));
    }
    void answer(QWebSocket *socket, const QJsonObject &request, const QJsonObject &result)
    {
        socket->sendTextMessage(
            QString::fromUtf8(line({{QStringLiteral("type"), QStringLiteral("ok")},
                {QStringLiteral("id"), request.value(QLatin1String("id"))},
                {QStringLiteral("result"), result}})));
    }
    void refuse(QWebSocket *socket, const QJsonObject &request, const QString &code)
    {
        socket->sendTextMessage(
            QString::fromUtf8(line({{QStringLiteral("type"), QStringLiteral("error")},
                {QStringLiteral("id"), request.value(QLatin1String("id"))},
                {QStringLiteral("code"), code}, {QStringLiteral("message"), code}})));
    }

    void accept(QWebSocket *socket)
    {
        socket->setParent(this);
        QObject::connect(
            socket, &QWebSocket::textMessageReceived, socket, [this, socket](const QString &text) {
                fromPage(socket, QJsonDocument::fromJson(text.toUtf8()).object());
            });
        QObject::connect(socket, &QWebSocket::disconnected, socket, [this, socket] {
            if (socket == m_session && m_joined) {
                toMedia({{QStringLiteral("type"), QStringLiteral("remove-peer")},
                    {QStringLiteral("peer"), m_peer}});
                m_joined = false;
            }
            socket->deleteLater();
        });
    }

    void fromPage(QWebSocket *socket, const QJsonObject &message)
    {
        const QString type = message.value(QLatin1String("type")).toString();
        pageSent.append(type);
        if (type == QLatin1String("enroll")) {
            ++enrolls;
            if (message.value(QLatin1String("token")).toString() != token)
                return refuse(socket, message, QStringLiteral("unauthenticated"));
            token.clear(); // single use
            return answer(socket, message,
                {{QStringLiteral("device"), 7},
                    {QStringLiteral("credential"), QStringLiteral("d7.secret")},
                    {QStringLiteral("meeting"), 1}, {QStringLiteral("role"), role},
                    {QStringLiteral("label"), QStringLiteral("Bridge")}});
        }
        if (type == QLatin1String("hello")) {
            if (revoked
                || message.value(QLatin1String("credential")).toString()
                    != QLatin1String("d7.secret")) {
                refuse(socket, message, QStringLiteral("unauthenticated"));
                socket->close();
                return;
            }
            m_session = socket;
            return answer(socket, message, {});
        }
        if (type == QLatin1String("ping"))
            return answer(socket, message, {});
        if (type == QLatin1String("media.join")) {
            if (role != QLatin1String("bridge"))
                return refuse(socket, message, QStringLiteral("forbidden"));
            if (!joinRefusal.isEmpty())
                return refuse(socket, message, joinRefusal);
            ++joins;
            answer(socket, message,
                {{QStringLiteral("peer"), m_peer},
                    {QStringLiteral("state"), QStringLiteral("running")}});
            if (m_joined) { // a fresh programme connection: remove, then add when it is gone
                m_rejoin = true;
                toMedia({{QStringLiteral("type"), QStringLiteral("remove-peer")},
                    {QStringLiteral("peer"), m_peer}});
                return;
            }
            m_joined = true;
            toMedia({{QStringLiteral("type"), QStringLiteral("add-peer")},
                {QStringLiteral("peer"), m_peer}});
            return;
        }
        if (type == QLatin1String("media.signal")) {
            const QJsonObject signal = message.value(QLatin1String("signal")).toObject();
            pageSent.append(signal.value(QLatin1String("type")).toString());
            if (qEnvironmentVariableIsSet("WATCH_DEBUG"))
                qInfo("page: %s", line(signal).left(300).constData());
            toMedia(signal);
            return answer(socket, message, {});
        }
        refuse(socket, message, QStringLiteral("unknown_type"));
    }

    void fromMedia(const QJsonObject &message)
    {
        const QString type = message.value(QLatin1String("type")).toString();
        if (type == QLatin1String("ready")) {
            m_ready = true;
            return;
        }
        if (message.value(QLatin1String("peer")).toString() != m_peer)
            return;
        if (qEnvironmentVariableIsSet("WATCH_DEBUG"))
            qInfo("media: %s", line(message).constData());
        if (type == QLatin1String("offer"))
            ++offers;
        if (type == QLatin1String("peer-removed") && m_rejoin) {
            m_rejoin = false;
            toMedia({{QStringLiteral("type"), QStringLiteral("add-peer")},
                {QStringLiteral("peer"), m_peer}});
            return;
        }
        push({{QStringLiteral("type"), QStringLiteral("media.signal")},
            {QStringLiteral("meeting"), 1}, {QStringLiteral("signal"), message}});
    }
};

} // namespace chamber::testing

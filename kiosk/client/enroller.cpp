#include "enroller.h"

#include "pinning.h"
#include "protocol/message.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace chamber::kiosk {

Enroller::Enroller(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this,
        [this] { finish(tr("The server did not answer. Check the network and try again.")); });
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        const QJsonObject enroll {{QStringLiteral("type"), QStringLiteral("enroll")},
            {QStringLiteral("id"), QStringLiteral("enroll-1")},
            {QStringLiteral("token"), m_link.token},
            {QStringLiteral("name"), m_deviceName.left(100)},
            {QStringLiteral("platform"), m_platform.left(100)}};
        m_socket.sendTextMessage(QString::fromUtf8(protocol::toFrame(enroll)));
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        auto reply = protocol::parseMessage(text.toUtf8(), protocol::Direction::ToClient);
        if (!reply || reply->id != QLatin1String("enroll-1"))
            return;
        if (reply->type() == QLatin1String("error")) {
            const QString reason = reply->body.value(QLatin1String("details"))
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(QLatin1String("reason"))
                                       .toString();
            finish(reason == QLatin1String("used")
                    ? tr("This join code was already used. Ask the secretary for a new one.")
                    : reason == QLatin1String("expired")
                    ? tr("This join code has expired. Ask the secretary for a new one.")
                    : reason == QLatin1String("unknown")
                    ? tr("This join code is not valid for this server.")
                    : reply->string(QLatin1String("message")));
            return;
        }
        const QJsonObject result = reply->object(QLatin1String("result"));
        DeviceIdentity identity;
        identity.host = m_link.host;
        identity.port = m_link.port;
        identity.pin = m_link.pin;
        identity.device = result.value(QLatin1String("device")).toInteger();
        identity.credential = result.value(QLatin1String("credential")).toString();
        identity.meeting = result.value(QLatin1String("meeting")).toInteger();
        identity.role = result.value(QLatin1String("role")).toString();
        identity.delegate = result.value(QLatin1String("delegate")).toInteger();
        identity.label = result.value(QLatin1String("label")).toString();
        if (!identity.isValid()) {
            finish(tr("The server's answer was incomplete."));
            return;
        }
        m_done = true;
        m_timeout.stop();
        m_socket.close();
        emit enrolled(identity);
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        finish(
            m_pinMismatch ? tr(
                "The server's key does not match the QR code. It may not be the meeting's server.")
                          : tr("Could not reach the meeting server (%1).")
                                .arg(m_socket.errorString()));
    });
}

void Enroller::start(const protocol::JoinLink &link, const QString &deviceName,
    const QString &platform, int timeoutMs)
{
    m_link = link;
    m_deviceName = deviceName;
    m_platform = platform;
    m_pinMismatch = false;
    m_done = false;
    // A new pin per attempt: drop the previous attempt's check.
    QObject::disconnect(&m_socket, &QWebSocket::sslErrors, nullptr, nullptr);
    pinWebSocket(m_socket, link.pin, [this] { m_pinMismatch = true; });
    m_timeout.start(timeoutMs);
    m_socket.open(link.webSocketUrl());
}

void Enroller::finish(const QString &failure)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    m_socket.abort();
    emit failed(failure);
}

} // namespace chamber::kiosk

// Joining: turns a scanned join link into a stored device identity by redeeming its token.
#pragma once

#include "deviceidentity.h"
#include "protocol/joinlink.h"

#include <QObject>
#include <QTimer>
#include <QWebSocket>

namespace chamber::kiosk {

class Enroller : public QObject
{
    Q_OBJECT

public:
    explicit Enroller(QObject *parent = nullptr);

    // Connects to the link's server (pinned to the link's key), redeems the token, and emits
    // enrolled() or failed() exactly once.
    void start(const protocol::JoinLink &link, const QString &deviceName, const QString &platform,
        int timeoutMs = 15000);

Q_SIGNALS:
    void enrolled(const chamber::kiosk::DeviceIdentity &identity);
    void failed(const QString &reason);

private:
    void finish(const QString &failure);

    QWebSocket m_socket;
    QTimer m_timeout;
    protocol::JoinLink m_link;
    QString m_deviceName;
    QString m_platform;
    bool m_pinMismatch = false;
    bool m_done = true;
};

} // namespace chamber::kiosk

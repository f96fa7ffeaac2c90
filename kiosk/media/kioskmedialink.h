// MediaLink over the kiosk's own connection to chamberd (Kiosk singleton): requests sent only
// while online and never kept (media is live; a rejoin after a reconnect replaces it all).
#pragma once

#include "medialink.h"

#include <QMetaObject>
#include <QPointer>

#include <functional>

namespace chamber::kiosk {

class Connection;
class KioskState;

class KioskMediaLink : public MediaLink
{
    Q_OBJECT
public:
    explicit KioskMediaLink(KioskState *kiosk, QObject *parent = nullptr);

    bool isOnline() const override;
    QString peer() const override;
    void join() override;
    void leave() override;
    void send(const media::SignalMessage &message) override;

    // One push from chamberd (media.signal, media.floor, media.status); public for tests.
    void handlePush(const QString &type, const QJsonObject &body);

private:
    void bind();
    void request(const QString &type, QJsonObject fields = {},
        std::function<void(const QJsonObject &result)> onOk = {});

    QPointer<KioskState> m_kiosk;
    QPointer<Connection> m_connection;
    QList<QMetaObject::Connection> m_bindings;
};

} // namespace chamber::kiosk

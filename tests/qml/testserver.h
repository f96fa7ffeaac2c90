// The in-process server the Qt Quick tests run the kiosk against: a real chamberd
// (ChamberServer on a free loopback port, temporary data, demo meeting), with invokables the
// QML tests use to act as the secretary and to look at the server's side.
#pragma once

#include "app/chamberserver.h"

#include <QJsonObject>
#include <QObject>
#include <QTemporaryDir>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace chamber::testing {

class TestServer : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(TestServer)
    QML_SINGLETON

public:
    explicit TestServer(QObject *parent);
    ~TestServer() override;
    static void setInstance(TestServer *server);
    static TestServer *create(QQmlEngine *, QJSEngine *);

    bool start();

    // Forgets the kiosk's device: it starts over at the join page, as a new device.
    Q_INVOKABLE void resetDevice();
    // resetDevice(), then joins with a fresh code for `role` (and seat).
    Q_INVOKABLE void joinAs(const QString &role, int delegate = 0);
    Q_INVOKABLE QString joinLink(const QString &role, int delegate = 0);
    Q_INVOKABLE QVariantMap meeting();
    Q_INVOKABLE bool isPresent(int delegate);
    Q_INVOKABLE int currentItem();
    Q_INVOKABLE void selectItem(int item);
    Q_INVOKABLE void setPresent(int delegate, bool present);
    Q_INVOKABLE int devicesOnline();

private:
    QJsonObject call(const QByteArray &method, const QString &path, const QByteArray &body = {});

    QTemporaryDir m_data;
    std::unique_ptr<app::ChamberServer> m_server;
    QString m_kioskDir;
    int m_joins = 0;
};

} // namespace chamber::testing

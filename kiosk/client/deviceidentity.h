// What a kiosk keeps after joining: where its server is, the server's key pin, and its own
// device credential. Stored owner-only; without it the kiosk shows the scanner again.
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace chamber::kiosk {

struct DeviceIdentity
{
    QString host;
    quint16 port = 0;
    QByteArray pin; // SHA-256 of the server's SubjectPublicKeyInfo
    qint64 device = 0;
    QString credential;
    qint64 meeting = 0;
    QString role; // delegate, chair, tally, bridge, board
    qint64 delegate = 0;
    QString label;

    bool isValid() const;
    QUrl webSocketUrl() const;
    QJsonObject toJson() const;
    static Result<DeviceIdentity> fromJson(const QJsonObject &json);

    static Result<DeviceIdentity> load(const QString &path);
    Status save(const QString &path) const;
};

} // namespace chamber::kiosk

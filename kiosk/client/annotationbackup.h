// The delegate's optional backup of their annotations: sealed on the tablet with the
// delegate's passphrase (sealedbox.h) and kept by the server as an opaque blob per document
// (PUT/GET /api/v1/annotations/<sha256>, device credential, pinned TLS), so another tablet of
// the same delegate can restore them and nobody else can read them.
#pragma once

#include "annotations.h"
#include "deviceidentity.h"

#include <QNetworkAccessManager>
#include <QObject>

namespace chamber::kiosk {

class AnnotationBackup : public QObject
{
    Q_OBJECT

public:
    explicit AnnotationBackup(QObject *parent = nullptr);

    void setServer(const DeviceIdentity &identity) { m_identity = identity; }
    bool isReady() const
    {
        return m_identity.isValid() && m_identity.role == QLatin1String("delegate");
    }

    // Seals and stores; `backedUp` or `failed` follows. A resend of the same box is harmless.
    void backUp(const QString &sha256, const Annotations &annotations, const QString &passphrase);
    // Fetches and opens; `restored` or `failed` follows (a missing backup is a failure too).
    void restore(const QString &sha256, const QString &passphrase);

Q_SIGNALS:
    void backedUp(const QString &sha256);
    void restored(const QString &sha256, const chamber::kiosk::Annotations &annotations);
    void failed(const QString &sha256, const QString &problem);

private:
    QNetworkRequest requestFor(const QString &sha256) const;

    DeviceIdentity m_identity;
    QNetworkAccessManager m_network;
};

} // namespace chamber::kiosk

#include "annotationbackup.h"

#include "protocol/tlspin.h"
#include "sealedbox.h"

#include <QJsonDocument>
#include <QNetworkReply>

namespace chamber::kiosk {

namespace {

// Accepts the server only with the pinned key, like every connection of the kiosk.
void pin(QNetworkReply *reply, const QByteArray &expected)
{
    QObject::connect(
        reply, &QNetworkReply::sslErrors, reply, [reply, expected](const QList<QSslError> &errors) {
            if (protocol::peerMatchesPin(reply->sslConfiguration().peerCertificate(), expected))
                reply->ignoreSslErrors(errors);
        });
}

} // namespace

AnnotationBackup::AnnotationBackup(QObject *parent)
    : QObject(parent)
{ }

QNetworkRequest AnnotationBackup::requestFor(const QString &sha256) const
{
    QNetworkRequest request(QUrl(QStringLiteral("https://%1:%2/api/v1/annotations/%3")
                                     .arg(m_identity.host)
                                     .arg(m_identity.port)
                                     .arg(sha256)));
    request.setSslConfiguration(protocol::pinnedClientConfiguration());
    request.setRawHeader("Authorization", "Bearer " + m_identity.credential.toLatin1());
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    return request;
}

void AnnotationBackup::backUp(
    const QString &sha256, const Annotations &annotations, const QString &passphrase)
{
    if (!isReady()) {
        emit failed(sha256, tr("Only a delegate's tablet that has joined can back up notes."));
        return;
    }
    const auto box = seal(QJsonDocument(annotations.toJson()).toJson(QJsonDocument::Compact),
        passphrase, {sha256, m_identity.meeting, m_identity.delegate});
    if (!box) {
        emit failed(sha256,
            box.error().code == ErrorCode::Invalid
                ? tr("Choose a passphrase of at least 6 characters.")
                : box.error().message);
        return;
    }
    QNetworkRequest request = requestFor(sha256);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/octet-stream"));
    QNetworkReply *reply = m_network.put(request, box.value());
    pin(reply, m_identity.pin);
    connect(reply, &QNetworkReply::finished, this, [this, reply, sha256] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200 || status == 201)
            emit backedUp(sha256);
        else
            emit failed(sha256,
                status ? tr("The server did not keep the backup (%1).").arg(status)
                       : tr("The server cannot be reached; try again later."));
    });
}

void AnnotationBackup::restore(const QString &sha256, const QString &passphrase)
{
    if (!isReady()) {
        emit failed(sha256, tr("Only a delegate's tablet that has joined can restore notes."));
        return;
    }
    QNetworkReply *reply = m_network.get(requestFor(sha256));
    pin(reply, m_identity.pin);
    connect(reply, &QNetworkReply::finished, this, [this, reply, sha256, passphrase] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 404) {
            emit failed(sha256, tr("There is no backup of your notes on this document."));
            return;
        }
        if (status != 200) {
            emit failed(sha256,
                status ? tr("The server did not give the backup (%1).").arg(status)
                       : tr("The server cannot be reached; try again later."));
            return;
        }
        const auto plain
            = open(reply->readAll(), passphrase, {sha256, m_identity.meeting, m_identity.delegate});
        if (!plain) {
            emit failed(sha256, tr("Wrong passphrase, or the backup is damaged."));
            return;
        }
        const auto annotations
            = Annotations::fromJson(QJsonDocument::fromJson(plain.value()).object());
        if (!annotations) {
            emit failed(sha256, tr("The backup could not be read."));
            return;
        }
        emit restored(sha256, annotations.value());
    });
}

} // namespace chamber::kiosk

#include "serverfetch.h"

#include "protocol/tlspin.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace chamber::kiosk {

ServerFetch::ServerFetch(QObject *parent)
    : QObject(parent)
{
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ServerFetch::~ServerFetch()
{
    cancelAll();
}

void ServerFetch::cancelAll()
{
    for (auto &[key, job] : m_jobs) {
        if (job.reply) {
            job.reply->disconnect(this);
            job.reply->abort();
            job.reply->deleteLater();
        }
        if (job.part) {
            job.part->remove();
            delete job.part;
        }
        delete job.hash;
    }
    m_jobs.clear();
}

void ServerFetch::fetch(const QString &key, const ServerFetchRequest &request)
{
    if (m_jobs.count(key))
        return;
    auto failLater = [this, key](const QString &problem) {
        QTimer::singleShot(0, this, [this, key, problem] { emit failed(key, 0, problem); });
    };
    if (!m_identity.isValid()) {
        failLater(tr("This screen has not joined a meeting."));
        return;
    }
    if (!QDir().mkpath(QFileInfo(request.target).absolutePath())) {
        failLater(tr("The kiosk cannot write its cache (%1).").arg(request.target));
        return;
    }
    Job &job = m_jobs[key];
    job.request = request;
    job.part = new QFile(request.target + QStringLiteral(".part"));
    if (!job.part->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        const QString problem = job.part->errorString();
        delete job.part;
        m_jobs.erase(key);
        failLater(tr("The kiosk cannot write its cache (%1).").arg(problem));
        return;
    }
    job.hash = new QCryptographicHash(QCryptographicHash::Sha256);

    QNetworkRequest http(QUrl(QStringLiteral("https://%1:%2%3")
                                  .arg(m_identity.host)
                                  .arg(m_identity.port)
                                  .arg(request.path)));
    http.setSslConfiguration(protocol::pinnedClientConfiguration());
    http.setRawHeader("Authorization", "Bearer " + m_identity.credential.toLatin1());
    http.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // Rendering the minutes takes a while on a large meeting; the server allows 120 s.
    http.setTransferTimeout(150000);
    QNetworkReply *reply = m_network.get(http);
    job.reply = reply;
    const QByteArray pin = m_identity.pin;
    connect(reply, &QNetworkReply::sslErrors, reply, [reply, pin](const QList<QSslError> &errors) {
        if (protocol::peerMatchesPin(reply->sslConfiguration().peerCertificate(), pin))
            reply->ignoreSslErrors(errors);
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, key] { onData(key); });
    connect(reply, &QNetworkReply::finished, this, [this, key] { onFinished(key); });
}

void ServerFetch::onData(const QString &key)
{
    auto it = m_jobs.find(key);
    if (it == m_jobs.end() || !it->second.reply)
        return;
    Job &job = it->second;
    const QByteArray chunk = job.reply->readAll();
    const int status = job.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200 || job.refused)
        return; // an error body: read, not kept
    job.received += chunk.size();
    if (job.received > job.request.maxBytes) {
        job.refused = true;
        job.reply->abort();
        return;
    }
    job.hash->addData(chunk);
    if (job.part->write(chunk) != chunk.size()) {
        job.refused = true;
        job.reply->abort();
    }
}

void ServerFetch::onFinished(const QString &key)
{
    auto it = m_jobs.find(key);
    if (it == m_jobs.end())
        return;
    Job &job = it->second;
    QNetworkReply *reply = job.reply;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 200 && !job.refused)
        onData(key);
    if (job.refused) {
        finish(key, status,
            job.received > job.request.maxBytes
                ? tr("The server sent more than %1 MB.").arg(job.request.maxBytes >> 20)
                : tr("The kiosk cannot write its cache (%1).").arg(job.part->errorString()));
        return;
    }
    if (status == 0) {
        finish(key, 0, tr("The server cannot be reached (%1).").arg(reply->errorString()));
        return;
    }
    if (status != 200) {
        finish(key, status, tr("The server refused (HTTP %1).").arg(status));
        return;
    }
    const QString digest = QString::fromLatin1(job.hash->result().toHex());
    if (!job.request.expectedSha256.isEmpty() && digest != job.request.expectedSha256) {
        finish(key, status, tr("The file arrived damaged (its SHA-256 does not match)."));
        return;
    }
    if (!job.part->flush()) {
        finish(
            key, status, tr("The kiosk cannot write its cache (%1).").arg(job.part->errorString()));
        return;
    }
    job.part->close();
    QFile::remove(job.request.target);
    if (!job.part->rename(job.request.target)) {
        finish(
            key, status, tr("The kiosk cannot write its cache (%1).").arg(job.part->errorString()));
        return;
    }
    finish(key, status, {});
}

void ServerFetch::finish(const QString &key, int status, const QString &problem)
{
    auto it = m_jobs.find(key);
    if (it == m_jobs.end())
        return;
    Job job = std::move(it->second);
    m_jobs.erase(it);
    delete job.hash;
    const QString target = job.request.target;
    if (!problem.isEmpty() && job.part)
        job.part->remove();
    delete job.part;
    if (problem.isEmpty())
        emit fetched(key, target);
    else
        emit failed(key, status, problem);
}

} // namespace chamber::kiosk

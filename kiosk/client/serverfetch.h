// One file from the kiosk's server, fetched the way every request of the kiosk is made: over
// TLS accepted only with the pinned server key, with the device credential as Bearer token.
// The body is written to a part file beside the target and moved into place once complete
// (and, when the caller names the SHA-256 the file must have, only if it matches), so a reader
// of the target never sees half a file. For the chair console's minutes PDF and recordings.
#pragma once

#include "deviceidentity.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QString>

#include <map>

class QFile;
class QNetworkReply;
class QCryptographicHash;

namespace chamber::kiosk {

struct ServerFetchRequest
{
    QString path; // under the server, e.g. "/api/v1/meetings/3/minutes.pdf?lang=vi"
    QString target; // the local file it becomes
    QString expectedSha256; // lower-case hex; empty: whatever the server sends
    qint64 maxBytes = 256LL * 1024 * 1024; // a larger answer is refused, nothing kept
};

class ServerFetch : public QObject
{
    Q_OBJECT

public:
    explicit ServerFetch(QObject *parent = nullptr);
    ~ServerFetch() override;

    void setServer(const DeviceIdentity &identity) { m_identity = identity; }
    bool hasServer() const { return m_identity.isValid(); }

    // Starts a fetch named `key` (a second fetch of a key that runs is ignored: the first one's
    // signal answers both). `fetched` or `failed` follows, always asynchronously.
    void fetch(const QString &key, const ServerFetchRequest &request);
    bool isRunning(const QString &key) const { return m_jobs.count(key) > 0; }
    void cancelAll();

Q_SIGNALS:
    void fetched(const QString &key, const QString &file);
    // `status`: the HTTP status when the server answered (0: it could not be reached).
    void failed(const QString &key, int status, const QString &problem);

private:
    struct Job
    {
        ServerFetchRequest request;
        QPointer<QNetworkReply> reply;
        QFile *part = nullptr;
        QCryptographicHash *hash = nullptr;
        qint64 received = 0;
        bool refused = false;
    };

    void onData(const QString &key);
    void onFinished(const QString &key);
    void finish(const QString &key, int status, const QString &problem);

    DeviceIdentity m_identity;
    QNetworkAccessManager m_network;
    std::map<QString, Job> m_jobs;
};

} // namespace chamber::kiosk

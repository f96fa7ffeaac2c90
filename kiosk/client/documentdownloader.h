// Brings every document of the meeting into the kiosk's cache in the background: a few at a
// time, over the pinned TLS connection with the device credential, resuming an interrupted
// download with a Range request, verifying the SHA-256 the document is named by before keeping
// it (a mismatch throws the copy away and fetches it again), and retrying with back-off while
// the server cannot be reached. Documents added later are fetched as they appear.
#pragma once

#include "deviceidentity.h"
#include "documentcache.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <map>
#include <memory>

class QNetworkReply;

namespace chamber::kiosk {

struct DownloadOptions
{
    int parallel = 3; // a few at a time: the room's Wi-Fi is shared with the votes
    int minRetryMs = 1000;
    int maxRetryMs = 30000;
    // A copy whose digest does not match is fetched again at most this often in a row.
    int maxCorruptAttempts = 3;
};

class DocumentDownloader : public QObject
{
    Q_OBJECT

public:
    enum class Status {
        Queued, // waiting for a free download slot
        Downloading,
        Ready, // verified and in the cache
        Waiting, // the last attempt failed; another one is scheduled
        Failed, // the server refuses it or keeps sending wrong bytes; not retried by itself
    };
    Q_ENUM(Status)

    struct Wanted
    {
        QString sha256;
        qint64 bytes = 0;
    };

    struct Progress
    {
        Status status = Status::Queued;
        qint64 bytes = 0; // size as the meeting's log gives it
        qint64 received = 0; // bytes in the part file so far (all of them once ready)
        int attempts = 0;
        QString problem; // why the last attempt failed
    };

    // What a download cost: tests and the benchmark read these.
    struct Stats
    {
        int completed = 0;
        int resumed = 0; // downloads that continued a part file with a Range request
        int corrupted = 0; // copies thrown away because their digest did not match
        qint64 fetchedBytes = 0; // body bytes received from the server
    };

    DocumentDownloader(
        DocumentCache &cache, DownloadOptions options = {}, QObject *parent = nullptr);
    ~DocumentDownloader() override;

    // Where to download from and as whom; cancels nothing already in the cache.
    void setServer(const DeviceIdentity &identity);
    // The documents the meeting has now. Missing ones are queued; ones no longer wanted stop.
    void setWanted(const QList<Wanted> &wanted);
    // The network is back (the meeting connection came online): retry what waits, now.
    void retryNow();
    // Stops every download (part files stay for a later resume).
    void stop();

    const Progress *progress(const QString &sha256) const;
    qint64 wantedBytes() const;
    qint64 receivedBytes() const;
    int readyCount() const;
    int wantedCount() const { return int(m_jobs.size()); }
    const Stats &stats() const { return m_stats; }

Q_SIGNALS:
    void progressChanged(const QString &sha256);
    void documentReady(const QString &sha256);

private:
    struct Job
    {
        Progress progress;
        QPointer<QNetworkReply> reply;
        std::unique_ptr<QFile> part;
        std::unique_ptr<QCryptographicHash> hash;
        qint64 offset = 0; // where this attempt started
        int corruptInARow = 0;
        bool answerChecked = false;
        std::unique_ptr<QTimer> retry;
    };

    void schedule();
    void start(const QString &sha256, Job &job);
    void onData(const QString &sha256);
    void onFinished(const QString &sha256);
    bool checkAnswer(Job &job);
    void finishVerified(const QString &sha256, Job &job);
    void fail(const QString &sha256, Job &job, const QString &problem, bool retry);
    void abortJob(Job &job);
    void setStatus(const QString &sha256, Job &job, Status status);

    DocumentCache &m_cache;
    DownloadOptions m_options;
    QNetworkAccessManager m_network;
    DeviceIdentity m_identity;
    std::map<QString, Job> m_jobs;
    Stats m_stats;
};

} // namespace chamber::kiosk

#include "documentdownloader.h"

#include "protocol/tlspin.h"

#include <QLoggingCategory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSet>

namespace chamber::kiosk {

Q_LOGGING_CATEGORY(lcDownload, "chamber.kiosk.documents")

namespace {

// Matches the server's ETag for /docs/<sha256>: the digest in quotes.
QByteArray etagOf(const QString &sha256)
{
    return '"' + sha256.toLatin1() + '"';
}

// "bytes 100-199/1000" → 100; -1 when it does not parse.
qint64 rangeStart(const QByteArray &contentRange)
{
    if (!contentRange.startsWith("bytes "))
        return -1;
    const qsizetype dash = contentRange.indexOf('-');
    if (dash < 0)
        return -1;
    bool ok = false;
    const qint64 start = contentRange.mid(6, dash - 6).toLongLong(&ok);
    return ok ? start : -1;
}

} // namespace

DocumentDownloader::DocumentDownloader(
    DocumentCache &cache, DownloadOptions options, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_options(options)
{
    // Nothing here is worth a disk cache of its own: the document cache is the cache.
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

DocumentDownloader::~DocumentDownloader()
{
    stop();
}

void DocumentDownloader::setServer(const DeviceIdentity &identity)
{
    m_identity = identity;
}

void DocumentDownloader::setWanted(const QList<Wanted> &wanted)
{
    QSet<QString> names;
    for (const Wanted &document : wanted) {
        names.insert(document.sha256);
        auto [it, inserted] = m_jobs.try_emplace(document.sha256);
        Job &job = it->second;
        if (!inserted)
            continue;
        job.progress.bytes = document.bytes;
        if (m_cache.has(document.sha256)) {
            m_cache.touch(document.sha256, m_identity.meeting);
            job.progress.status = Status::Ready;
            job.progress.received = document.bytes;
        } else {
            job.progress.received = m_cache.partSize(document.sha256);
        }
        emit progressChanged(document.sha256);
    }
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        if (names.contains(it->first)) {
            ++it;
            continue;
        }
        abortJob(it->second);
        const QString gone = it->first;
        it = m_jobs.erase(it);
        emit progressChanged(gone);
    }
    schedule();
}

void DocumentDownloader::retryNow()
{
    for (auto &[sha256, job] : m_jobs) {
        if (job.progress.status == Status::Waiting || job.progress.status == Status::Failed) {
            if (job.retry)
                job.retry->stop();
            job.corruptInARow = 0;
            setStatus(sha256, job, Status::Queued);
        }
    }
    schedule();
}

void DocumentDownloader::stop()
{
    for (auto &[sha256, job] : m_jobs) {
        abortJob(job);
        if (job.progress.status == Status::Downloading)
            job.progress.status = Status::Queued;
    }
}

const DocumentDownloader::Progress *DocumentDownloader::progress(const QString &sha256) const
{
    auto it = m_jobs.find(sha256);
    return it == m_jobs.end() ? nullptr : &it->second.progress;
}

qint64 DocumentDownloader::wantedBytes() const
{
    qint64 total = 0;
    for (const auto &[sha256, job] : m_jobs)
        total += job.progress.bytes;
    return total;
}

qint64 DocumentDownloader::receivedBytes() const
{
    qint64 total = 0;
    for (const auto &[sha256, job] : m_jobs)
        total += std::min(job.progress.received, job.progress.bytes);
    return total;
}

int DocumentDownloader::readyCount() const
{
    int ready = 0;
    for (const auto &[sha256, job] : m_jobs)
        ready += job.progress.status == Status::Ready ? 1 : 0;
    return ready;
}

void DocumentDownloader::setStatus(const QString &sha256, Job &job, Status status)
{
    job.progress.status = status;
    emit progressChanged(sha256);
}

void DocumentDownloader::schedule()
{
    if (!m_identity.isValid())
        return;
    int running = 0;
    for (const auto &[sha256, job] : m_jobs)
        running += job.progress.status == Status::Downloading ? 1 : 0;
    // Smallest first: the agenda's short papers are readable early, the 200-page annex later.
    std::vector<std::pair<qint64, QString>> queued;
    for (const auto &[sha256, job] : m_jobs) {
        if (job.progress.status == Status::Queued)
            queued.emplace_back(job.progress.bytes, sha256);
    }
    std::sort(queued.begin(), queued.end());
    for (const auto &[bytes, sha256] : queued) {
        if (running >= m_options.parallel)
            break;
        start(sha256, m_jobs.at(sha256));
        ++running;
    }
}

void DocumentDownloader::start(const QString &sha256, Job &job)
{
    QSet<QString> keep;
    for (const auto &[name, other] : m_jobs)
        keep.insert(name);
    m_cache.evict(m_identity.meeting, keep, job.progress.bytes);

    job.offset = m_cache.partSize(sha256);
    if (job.offset > job.progress.bytes) { // not the file we want: start over
        m_cache.discardPart(sha256);
        job.offset = 0;
    }
    job.part = std::make_unique<QFile>(m_cache.partPath(sha256));
    job.hash = std::make_unique<QCryptographicHash>(QCryptographicHash::Sha256);
    if (!job.part->open(QIODevice::ReadWrite)) {
        fail(sha256, job,
            tr("The document cannot be saved on this device: %1").arg(job.part->errorString()),
            true);
        return;
    }
    // Resuming: what is already here goes into the digest first.
    if (job.offset > 0) {
        job.part->seek(0);
        while (job.part->pos() < job.offset) {
            const QByteArray block
                = job.part->read(std::min<qint64>(1 << 20, job.offset - job.part->pos()));
            if (block.isEmpty())
                break;
            job.hash->addData(block);
        }
    }
    job.part->seek(job.offset);
    job.progress.received = job.offset;
    ++job.progress.attempts;
    job.answerChecked = false;

    if (job.offset == job.progress.bytes && job.offset > 0) {
        // Everything arrived before; only the check was missing.
        finishVerified(sha256, job);
        return;
    }

    QNetworkRequest request(QUrl(QStringLiteral("https://%1:%2/docs/%3")
                                     .arg(m_identity.host)
                                     .arg(m_identity.port)
                                     .arg(sha256)));
    request.setSslConfiguration(protocol::pinnedClientConfiguration());
    request.setRawHeader("Authorization", "Bearer " + m_identity.credential.toLatin1());
    // The document never changes (it is named by its digest): no revalidation needed, and a
    // resumed download continues only if the server still has these very bytes.
    if (job.offset > 0) {
        request.setRawHeader("Range", "bytes=" + QByteArray::number(job.offset) + '-');
        request.setRawHeader("If-Range", etagOf(sha256));
    }
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    QNetworkReply *reply = m_network.get(request);
    job.reply = reply;
    const QByteArray pin = m_identity.pin;
    connect(reply, &QNetworkReply::sslErrors, reply, [reply, pin](const QList<QSslError> &errors) {
        if (protocol::peerMatchesPin(reply->sslConfiguration().peerCertificate(), pin))
            reply->ignoreSslErrors(errors);
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, sha256] { onData(sha256); });
    connect(reply, &QNetworkReply::finished, this, [this, sha256] { onFinished(sha256); });
    setStatus(sha256, job, Status::Downloading);
}

bool DocumentDownloader::checkAnswer(Job &job)
{
    if (job.answerChecked)
        return true;
    const int status = job.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 206) {
        // A range that starts elsewhere than asked would splice wrong bytes into the file.
        if (rangeStart(job.reply->rawHeader("Content-Range")) != job.offset)
            return false;
        ++m_stats.resumed;
    } else if (status == 200) {
        // The whole file (no range asked, or the server did not honour it): start the part anew.
        job.part->resize(0);
        job.part->seek(0);
        job.hash->reset();
        job.offset = 0;
        job.progress.received = 0;
    } else {
        return false;
    }
    job.answerChecked = true;
    return true;
}

void DocumentDownloader::onData(const QString &sha256)
{
    auto it = m_jobs.find(sha256);
    if (it == m_jobs.end() || !it->second.reply)
        return;
    Job &job = it->second;
    if (!checkAnswer(job)) {
        const int status = job.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 206) {
            // A range that does not continue the part cannot be trusted with it.
            m_cache.discardPart(sha256);
            job.reply->abort(); // onFinished reports it
        } else {
            job.reply->readAll(); // an error's text; onFinished reports the status
        }
        return;
    }
    const QByteArray data = job.reply->readAll();
    if (data.isEmpty())
        return;
    if (job.part->write(data) != data.size()) {
        fail(sha256, job,
            tr("The document cannot be saved on this device: %1").arg(job.part->errorString()),
            true);
        return;
    }
    job.hash->addData(data);
    job.progress.received += data.size();
    m_stats.fetchedBytes += data.size();
    emit progressChanged(sha256);
}

void DocumentDownloader::onFinished(const QString &sha256)
{
    auto it = m_jobs.find(sha256);
    if (it == m_jobs.end())
        return;
    Job &job = it->second;
    if (!job.reply)
        return;
    QNetworkReply *reply = job.reply;
    reply->deleteLater();
    if (reply->error() == QNetworkReply::NoError)
        onData(sha256); // whatever came with the end
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    job.reply.clear();
    if (job.progress.status != Status::Downloading)
        return; // failed while writing
    if (status == 401 || status == 403 || status == 404) {
        // Removed, or this device may no longer read it: trying again changes nothing until
        // the meeting says otherwise (then setWanted or retryNow asks again).
        job.part.reset();
        fail(sha256, job, tr("The server does not give this document to this device."), false);
        return;
    }
    if (status == 416) // the part is longer than the document: not ours
        m_cache.discardPart(sha256);
    if (error != QNetworkReply::NoError || (status != 200 && status != 206)) {
        job.part->flush();
        job.part.reset(); // the part stays for the next attempt
        fail(sha256, job, status ? tr("The server answered %1.").arg(status) : reply->errorString(),
            true);
        return;
    }
    if (job.progress.received != job.progress.bytes) {
        job.part->flush();
        job.part.reset();
        fail(sha256, job, tr("The download stopped early."), true);
        return;
    }
    finishVerified(sha256, job);
}

void DocumentDownloader::finishVerified(const QString &sha256, Job &job)
{
    const QString digest = QString::fromLatin1(job.hash->result().toHex());
    job.part->flush();
    job.part.reset();
    if (digest != sha256) {
        // Damaged on the way or on this device's storage: never show it, fetch it anew.
        ++m_stats.corrupted;
        ++job.corruptInARow;
        m_cache.discardPart(sha256);
        job.progress.received = 0;
        qCWarning(lcDownload).noquote()
            << "document" << sha256.left(12) << "arrived damaged; fetching it again";
        if (job.corruptInARow >= m_options.maxCorruptAttempts) {
            fail(sha256, job, tr("The copies received are damaged."), false);
            return;
        }
        setStatus(sha256, job, Status::Queued);
        schedule();
        return;
    }
    if (auto adopted = m_cache.adopt(sha256, m_identity.meeting); !adopted) {
        fail(sha256, job, adopted.error().message, true);
        return;
    }
    job.corruptInARow = 0;
    job.progress.received = job.progress.bytes;
    job.progress.problem.clear();
    ++m_stats.completed;
    setStatus(sha256, job, Status::Ready);
    emit documentReady(sha256);
    schedule();
}

void DocumentDownloader::fail(const QString &sha256, Job &job, const QString &problem, bool retry)
{
    abortJob(job);
    if (m_cache.partSize(sha256) == 0)
        m_cache.discardPart(sha256); // nothing to resume from
    job.progress.problem = problem;
    qCInfo(lcDownload).noquote() << "document" << sha256.left(12) << ":" << problem;
    if (!retry) {
        setStatus(sha256, job, Status::Failed);
        schedule();
        return;
    }
    // Back-off with jitter: forty tablets whose Wi-Fi comes back do not ask all at once.
    const int exponent = std::min(job.progress.attempts, 8);
    const int ceiling = std::min(m_options.maxRetryMs, m_options.minRetryMs << exponent);
    const int delay = m_options.minRetryMs / 2
        + int(QRandomGenerator::global()->bounded(std::max(1, ceiling / 2)));
    if (!job.retry) {
        job.retry = std::make_unique<QTimer>();
        job.retry->setSingleShot(true);
        connect(job.retry.get(), &QTimer::timeout, this, [this, sha256] {
            auto it = m_jobs.find(sha256);
            if (it != m_jobs.end() && it->second.progress.status == Status::Waiting) {
                setStatus(sha256, it->second, Status::Queued);
                schedule();
            }
        });
    }
    job.retry->start(delay);
    setStatus(sha256, job, Status::Waiting);
    schedule();
}

void DocumentDownloader::abortJob(Job &job)
{
    if (job.reply) {
        QNetworkReply *reply = job.reply;
        job.reply.clear();
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    if (job.part) {
        job.part->flush();
        job.part.reset();
    }
}

} // namespace chamber::kiosk

// Pages of stored PDFs as PNG images, for the phone reader: rendered with QtPdf on worker
// threads (chamberd's main thread counts ballots and must not wait for a 2000-pixel page),
// a few at a time, and kept in a size-bounded cache on disk so a page is rendered once per
// width, whoever asks.
#pragma once

#include "protocol/error.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <vector>

namespace chamber::services {

struct PageRenderOptions
{
    QString cacheDirectory;
    qint64 maxCacheBytes = 256LL * 1024 * 1024;
    int maxConcurrent = 2; // renders at once (QtPdf serialises inside pdfium anyway)
    int maxPending = 64; // distinct pages waiting or rendering; beyond: Unavailable
};

class PageRenderer : public QObject
{
    Q_OBJECT

public:
    explicit PageRenderer(PageRenderOptions options, QObject *parent = nullptr);
    ~PageRenderer() override;

    // Creates the cache directory and indexes what an earlier run left there.
    Status open();

    // PNG bytes of page `page` (1-based) of the PDF stored at `pdfPath` under `sha256`,
    // `width` pixels wide (the caller snaps it: protocol::snapPageWidth). `done` runs on this
    // object's thread, possibly before render() returns (a cache hit).
    using Done = std::function<void(const Result<QByteArray> &)>;
    void render(const QString &pdfPath, const QString &sha256, int page, int width, Done done);

    qint64 cachedBytes() const { return m_cachedBytes; }
    qsizetype cachedPages() const { return m_cache.size(); }
    qsizetype pending() const { return m_waiting.size() + m_fresh.size(); }
    const PageRenderOptions &options() const { return m_options; }

    // The work itself, without threads or cache (unit tests, benchmarks).
    static Result<QByteArray> renderPng(const QString &pdfPath, int page, int width);

private:
    struct Entry
    {
        qint64 bytes = 0;
        quint64 lastUse = 0;
    };
    void delivered(const QString &key, const Result<QByteArray> &result);
    void cached(const QString &key, qint64 bytes, bool stored);
    void remember(const QString &key, qint64 bytes);
    void evict();
    QString pathOf(const QString &key) const;

    PageRenderOptions m_options;
    QThreadPool m_pool;
    QHash<QString, Entry> m_cache;
    qint64 m_cachedBytes = 0;
    quint64 m_useCounter = 0;
    QHash<QString, std::vector<Done>> m_waiting; // renders in flight, and who waits for each
    QHash<QString, QByteArray> m_fresh; // rendered and answered, still being written to disk
};

} // namespace chamber::services

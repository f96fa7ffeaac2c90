#include "services/pagerenderer.h"

#include "support/log.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPdfDocument>
#include <QSaveFile>

#include <algorithm>

namespace chamber::services {

Q_LOGGING_CATEGORY(lcRenderer, "chamber.reader")

namespace {

// A page much taller than wide (a receipt roll, a banner) is capped at this many times the
// asked width in height, so one rendering cannot take hundreds of megabytes.
constexpr int kMaxHeightFactor = 3;

// PDF pages are transparent where nothing is drawn; phones show images on white or black
// backgrounds, so the page gets its paper colour here. In place: a large page is one image in
// memory, not three. Most council papers are black on white: a page without colour becomes
// a grey-scale image, a third of the PNG for the phones to fetch over the room's Wi-Fi.
void paintOnWhite(QImage &image)
{
    image.convertTo(QImage::Format_ARGB32_Premultiplied);
    bool grey = true;
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = line[x];
            const int cover = 255 - qAlpha(p);
            const int r = qRed(p) + cover, g = qGreen(p) + cover, b = qBlue(p) + cover;
            grey = grey && r == g && g == b;
            line[x] = qRgb(r, g, b);
        }
    }
    // Every pixel is opaque now: the same bytes are an RGB32 image (no alpha to encode).
    image.reinterpretAsFormat(QImage::Format_RGB32);
    if (grey)
        image.convertTo(QImage::Format_Grayscale8);
}

} // namespace

PageRenderer::PageRenderer(PageRenderOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_pool.setMaxThreadCount(std::max(1, m_options.maxConcurrent));
}

PageRenderer::~PageRenderer()
{
    // Workers post their results to this object; none may outlive it.
    m_pool.waitForDone();
}

QString PageRenderer::pathOf(const QString &key) const
{
    return m_options.cacheDirectory + u'/' + key + QStringLiteral(".png");
}

Status PageRenderer::open()
{
    QDir dir(m_options.cacheDirectory);
    if (!dir.mkpath(QStringLiteral(".")))
        return makeError(ErrorCode::Internal,
            QStringLiteral("cannot create the page cache %1").arg(m_options.cacheDirectory));
    // Oldest first, so the least recently written pages go first when the cache is full.
    const QFileInfoList files = dir.entryInfoList(QDir::Files, QDir::Time | QDir::Reversed);
    for (const QFileInfo &file : files) {
        if (file.suffix() != QLatin1String("png")) {
            QFile::remove(file.filePath()); // a temporary file of a render cut short
            continue;
        }
        remember(file.completeBaseName(), file.size());
    }
    evict();
    return success();
}

Result<QByteArray> PageRenderer::renderPng(const QString &pdfPath, int page, int width)
{
    QPdfDocument document;
    if (document.load(pdfPath) != QPdfDocument::Error::None)
        return makeError(ErrorCode::Internal, QStringLiteral("the stored PDF cannot be opened"));
    if (page < 1 || page > document.pageCount())
        return makeError(ErrorCode::NotFound,
            QStringLiteral("the document has %1 pages, not %2").arg(document.pageCount()).arg(page),
            QStringLiteral("page"));
    const QSizeF points = document.pagePointSize(page - 1);
    if (points.width() <= 0 || points.height() <= 0)
        return makeError(ErrorCode::Internal, QStringLiteral("the page has no size"));
    // The page keeps its proportions; one much taller than wide is drawn narrower instead.
    const double aspect = points.height() / points.width();
    const int height = std::clamp(int(std::lround(width * aspect)), 1, width * kMaxHeightFactor);
    const int drawnWidth = std::clamp(int(std::lround(height / aspect)), 1, width);
    QImage image = document.render(page - 1, QSize(drawnWidth, height));
    if (image.isNull())
        return makeError(ErrorCode::Internal, QStringLiteral("the page could not be rendered"));
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    paintOnWhite(image);
    if (!image.save(&buffer, "PNG"))
        return makeError(ErrorCode::Internal, QStringLiteral("the page could not be encoded"));
    return png;
}

void PageRenderer::render(
    const QString &pdfPath, const QString &sha256, int page, int width, Done done)
{
    // Only a validated hex digest and integers make up the name.
    const QString key = QStringLiteral("%1-p%2-w%3").arg(sha256).arg(page).arg(width);
    if (auto hit = m_cache.find(key); hit != m_cache.end()) {
        QFile file(pathOf(key));
        if (file.open(QIODevice::ReadOnly)) {
            hit->lastUse = ++m_useCounter;
            done(file.readAll());
            return;
        }
        m_cachedBytes -= hit->bytes; // removed behind our back: render again
        m_cache.erase(hit);
    }
    if (auto fresh = m_fresh.constFind(key); fresh != m_fresh.constEnd()) {
        done(fresh.value()); // rendered, being written to the cache
        return;
    }
    if (auto waiting = m_waiting.find(key); waiting != m_waiting.end()) {
        waiting->push_back(std::move(done));
        return;
    }
    if (m_waiting.size() + m_fresh.size() >= m_options.maxPending) {
        done(makeError(ErrorCode::Unavailable,
            QStringLiteral("the server is rendering many pages; try again in a moment")));
        return;
    }
    m_waiting[key].push_back(std::move(done));
    const QString cachePath = pathOf(key);
    m_pool.start([this, key, pdfPath, page, width, cachePath] {
        const Result<QByteArray> result = renderPng(pdfPath, page, width);
        // Answered first: the phone does not wait for the disk.
        QMetaObject::invokeMethod(
            this, [this, key, result] { delivered(key, result); }, Qt::QueuedConnection);
        if (!result)
            return;
        // Written under a temporary name, synced and renamed: a crash or a power cut leaves
        // no half page that would then be served for good.
        QSaveFile file(cachePath);
        const bool stored
            = file.open(QIODevice::WriteOnly) && file.write(result.value()) >= 0 && file.commit();
        if (!stored)
            log::warning(lcRenderer(), QStringLiteral("page not cached"),
                {{QStringLiteral("file"), cachePath},
                    {QStringLiteral("reason"), file.errorString()}});
        const qint64 bytes = result->size();
        QMetaObject::invokeMethod(
            this, [this, key, bytes, stored] { cached(key, bytes, stored); }, Qt::QueuedConnection);
    });
}

void PageRenderer::delivered(const QString &key, const Result<QByteArray> &result)
{
    if (result)
        m_fresh.insert(key, result.value());
    const std::vector<Done> waiting = m_waiting.take(key);
    for (const Done &done : waiting)
        done(result);
}

void PageRenderer::cached(const QString &key, qint64 bytes, bool stored)
{
    m_fresh.remove(key);
    if (stored) {
        remember(key, bytes);
        evict();
    }
}

void PageRenderer::remember(const QString &key, qint64 bytes)
{
    Entry &entry = m_cache[key];
    m_cachedBytes += bytes - entry.bytes;
    entry.bytes = bytes;
    entry.lastUse = ++m_useCounter;
}

void PageRenderer::evict()
{
    while (m_cachedBytes > m_options.maxCacheBytes && !m_cache.isEmpty()) {
        auto oldest = std::min_element(m_cache.begin(), m_cache.end(),
            [](const Entry &a, const Entry &b) { return a.lastUse < b.lastUse; });
        QFile::remove(pathOf(oldest.key()));
        m_cachedBytes -= oldest->bytes;
        m_cache.erase(oldest);
    }
}

} // namespace chamber::services

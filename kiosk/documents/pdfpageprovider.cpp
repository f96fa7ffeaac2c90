#include "pdfpageprovider.h"

#include <QImage>
#include <QPdfDocument>
#include <QRunnable>
#include <QUrl>

#include <algorithm>

namespace chamber::kiosk {

namespace {

class PageResponse : public QQuickImageResponse, public QRunnable
{
public:
    PageResponse(QString path, int page, QSize requestedSize)
        : m_path(std::move(path))
        , m_page(page)
        , m_requestedSize(requestedSize)
    {
        setAutoDelete(false); // the engine deletes the response
    }

    void run() override
    {
        // Opened for this page and closed after it: a document lives in one thread only, and
        // nothing outlives the provider (opening costs a few milliseconds, see bench_viewer).
        QPdfDocument pdf;
        QPdfDocument *document = pdf.load(m_path) == QPdfDocument::Error::None ? &pdf : nullptr;
        if (!document || m_page < 0 || m_page >= document->pageCount()) {
            m_error = QStringLiteral("no page %1 in %2").arg(m_page + 1).arg(m_path);
        } else {
            const QSizeF points = document->pagePointSize(m_page);
            // The width asked for, the height from the page's shape (a default width if none).
            const int width
                = std::clamp(m_requestedSize.width() > 0 ? m_requestedSize.width() : 800, 16, 6000);
            const int height = int(width * points.height() / std::max(1.0, points.width()));
            m_image = document->render(m_page, QSize(width, std::clamp(height, 16, 18000)));
            if (m_image.isNull())
                m_error
                    = QStringLiteral("page %1 of %2 did not render").arg(m_page + 1).arg(m_path);
        }
        emit finished();
    }

    QQuickTextureFactory *textureFactory() const override
    {
        return QQuickTextureFactory::textureFactoryForImage(m_image);
    }
    QString errorString() const override { return m_error; }

private:
    QString m_path;
    int m_page;
    QSize m_requestedSize;
    QImage m_image;
    QString m_error;
};

} // namespace

PdfPageProvider::PdfPageProvider()
{
    // pdfium renders one page at a time anyway (QtPdf holds a global lock); two threads keep
    // a long render from queueing the next thumbnail behind it.
    m_pool.setMaxThreadCount(2);
}

PdfPageProvider::~PdfPageProvider()
{
    m_pool.waitForDone();
}

QQuickImageResponse *PdfPageProvider::requestImageResponse(
    const QString &id, const QSize &requestedSize)
{
    const qsizetype slash = id.lastIndexOf(QLatin1Char('/'));
    const QString path = QUrl(QUrl::fromPercentEncoding(id.left(slash).toUtf8())).toLocalFile();
    bool ok = false;
    const int page = id.mid(slash + 1).toInt(&ok);
    auto *response = new PageResponse(path, ok ? page : -1, requestedSize);
    m_pool.start(response);
    return response;
}

} // namespace chamber::kiosk

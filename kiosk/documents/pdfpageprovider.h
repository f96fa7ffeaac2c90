// Pages of local PDF files as images for Qt Quick ("image://pdfpage/<file url>/<page>"),
// rendered with QtPdf on worker threads, each render with a QPdfDocument of its own.
// Instead of QtQuick.Pdf's PdfPageImage: in Qt 6.4 its image reader thread reads the shared
// document while the GUI thread uses it, and crashed in the tests and the benchmark.
#pragma once

#include <QQuickAsyncImageProvider>
#include <QThreadPool>

namespace chamber::kiosk {

class PdfPageProvider : public QQuickAsyncImageProvider
{
public:
    PdfPageProvider();
    ~PdfPageProvider() override;

    // id: the file's url, percent-encoded, then '/' and the page from 0.
    QQuickImageResponse *requestImageResponse(
        const QString &id, const QSize &requestedSize) override;

private:
    QThreadPool m_pool;
};

} // namespace chamber::kiosk

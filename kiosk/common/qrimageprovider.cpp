#include "qrimageprovider.h"

#include "qrcode/qrcode.h"

#include <QUrl>

namespace chamber::kiosk {

QrImageProvider::QrImageProvider()
    : QQuickImageProvider(QQuickImageProvider::Image)
{ }

QImage QrImageProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    const QByteArray text = QUrl::fromPercentEncoding(id.toUtf8()).toUtf8();
    auto matrix = qrcode::encode(text);
    if (!matrix)
        return {};
    // Whole pixels per module keep the code sharp; the quiet zone is part of the image.
    const int side
        = requestedSize.isValid() ? std::min(requestedSize.width(), requestedSize.height()) : 400;
    const int modules = matrix->size + 2 * 4;
    const int moduleSize = std::max(1, side / modules);
    QImage image = qrcode::toImage(matrix.value(), moduleSize, 4);
    if (size)
        *size = image.size();
    return image;
}

} // namespace chamber::kiosk

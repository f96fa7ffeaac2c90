#include "qrcode/qrcode.h"

#include <QBuffer>
#include <QTransform>

#include <qrencode.h>

#include <algorithm>
#include <cerrno>
#include <memory>

namespace chamber::qrcode {

namespace {

QRecLevel toQrencodeLevel(Correction correction)
{
    switch (correction) {
    case Correction::Low:
        return QR_ECLEVEL_L;
    case Correction::Medium:
        return QR_ECLEVEL_M;
    case Correction::Quartile:
        return QR_ECLEVEL_Q;
    case Correction::High:
        return QR_ECLEVEL_H;
    }
    return QR_ECLEVEL_M;
}

QString correctionName(Correction correction)
{
    switch (correction) {
    case Correction::Low:
        return QStringLiteral("Low");
    case Correction::Medium:
        return QStringLiteral("Medium");
    case Correction::Quartile:
        return QStringLiteral("Quartile");
    case Correction::High:
        return QStringLiteral("High");
    }
    return QStringLiteral("Medium");
}

struct QrcodeDeleter
{
    void operator()(QRcode *code) const { QRcode_free(code); }
};

// Calls visit(x, y, length) for every horizontal run of dark modules, row by row. Runs keep the
// SVG path and the seat-card vector path small: a version-6 code has ~900 dark modules but only
// ~400 runs.
template<typename Visitor>
void forEachDarkRun(const QrMatrix &matrix, Visitor visit)
{
    for (int y = 0; y < matrix.size; ++y) {
        int x = 0;
        while (x < matrix.size) {
            if (!matrix.dark(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < matrix.size && matrix.dark(x, y))
                ++x;
            visit(start, y, x - start);
        }
    }
}

} // namespace

bool QrMatrix::dark(int x, int y) const
{
    if (x < 0 || y < 0 || x >= size || y >= size)
        return false;
    return modules[static_cast<size_t>(y) * static_cast<size_t>(size) + static_cast<size_t>(x)];
}

int maximumBytes(Correction correction)
{
    // ISO/IEC 18004 table 7, version 40, byte mode.
    switch (correction) {
    case Correction::Low:
        return 2953;
    case Correction::Medium:
        return 2331;
    case Correction::Quartile:
        return 1663;
    case Correction::High:
        return 1273;
    }
    return 0;
}

Result<QrMatrix> encode(const QByteArray &utf8Text, Correction correction)
{
    if (utf8Text.isEmpty())
        return makeError(
            ErrorCode::Invalid, QStringLiteral("nothing to encode: the text is empty"));
    // Checked here and not only through libqrencode's ERANGE so the message can say the limit.
    if (utf8Text.size() > maximumBytes(correction)) {
        return makeError(ErrorCode::TooLarge,
            QStringLiteral("text of %1 bytes is too long for a QR code with %2 error correction "
                           "(at most %3 bytes)")
                .arg(utf8Text.size())
                .arg(correctionName(correction))
                .arg(maximumBytes(correction)));
    }

    // Version 0 lets libqrencode pick the smallest version that holds the data.
    errno = 0;
    std::unique_ptr<QRcode, QrcodeDeleter> code(QRcode_encodeData(static_cast<int>(utf8Text.size()),
        reinterpret_cast<const unsigned char *>(utf8Text.constData()), 0,
        toQrencodeLevel(correction)));
    if (!code) {
        const int error = errno;
        if (error == ERANGE) {
            return makeError(ErrorCode::TooLarge,
                QStringLiteral(
                    "text of %1 bytes is too long for a QR code with %2 error correction")
                    .arg(utf8Text.size())
                    .arg(correctionName(correction)));
        }
        return makeError(ErrorCode::Internal,
            QStringLiteral("libqrencode failed: %1").arg(qt_error_string(error)));
    }

    QrMatrix matrix;
    matrix.size = code->width;
    const size_t count = static_cast<size_t>(code->width) * static_cast<size_t>(code->width);
    matrix.modules.resize(count);
    // libqrencode stores one byte per module; bit 0 says dark, the other bits describe what the
    // module is for (finder, timing, data), which nothing here needs.
    for (size_t i = 0; i < count; ++i)
        matrix.modules[i] = (code->data[i] & 1) != 0;
    return matrix;
}

QByteArray toSvg(const QrMatrix &matrix, int moduleSize, int quietZone)
{
    if (matrix.size <= 0)
        return {};
    moduleSize = std::max(1, moduleSize);
    quietZone = std::max(0, quietZone);
    const int modules = matrix.size + 2 * quietZone;
    const QByteArray side = QByteArray::number(modules);
    const QByteArray pixels = QByteArray::number(modules * moduleSize);

    // Each run is "M x y h len v1 h -len z": relative moves keep the numbers short.
    QByteArray path;
    path.reserve(matrix.size * matrix.size * 2);
    forEachDarkRun(matrix, [&](int x, int y, int length) {
        path += 'M' + QByteArray::number(x + quietZone) + ' ' + QByteArray::number(y + quietZone)
            + 'h' + QByteArray::number(length) + "v1h-" + QByteArray::number(length) + 'z';
    });

    QByteArray svg;
    svg.reserve(path.size() + 400);
    svg += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + pixels
        + "\" height=\"" + pixels + "\" viewBox=\"0 0 " + side + ' ' + side
        + "\" shape-rendering=\"crispEdges\">\n";
    svg += "<rect width=\"" + side + "\" height=\"" + side + "\" fill=\"#ffffff\"/>\n";
    svg += "<path fill=\"#000000\" d=\"" + path + "\"/>\n";
    svg += "</svg>\n";
    return svg;
}

QImage toImage(const QrMatrix &matrix, int moduleSize, int quietZone)
{
    if (matrix.size <= 0)
        return {};
    moduleSize = std::max(1, moduleSize);
    quietZone = std::max(0, quietZone);
    const int side = (matrix.size + 2 * quietZone) * moduleSize;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < side; ++y) {
        const int moduleY = y / moduleSize - quietZone;
        uchar *line = image.scanLine(y);
        for (int x = 0; x < side; ++x) {
            if (matrix.dark(x / moduleSize - quietZone, moduleY))
                line[x] = 0;
        }
    }
    return image;
}

QByteArray toPng(const QrMatrix &matrix, int moduleSize, int quietZone)
{
    const QImage image = toImage(matrix, moduleSize, quietZone);
    if (image.isNull())
        return {};
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return {};
    return png;
}

QPainterPath toPath(const QrMatrix &matrix, qreal moduleSize)
{
    // Built and merged in whole modules, scaled only at the end: with fractional module sizes
    // the edges of neighbouring runs differ by rounding errors, and simplified() then turns
    // them into slivers and crossings that leave most codes unreadable.
    QPainterPath path;
    forEachDarkRun(matrix, [&](int x, int y, int length) { path.addRect(x, y, length, 1); });
    // Rows of runs touch but do not overlap; simplified() joins them into outlines.
    return QTransform::fromScale(moduleSize, moduleSize).map(path.simplified());
}

} // namespace chamber::qrcode

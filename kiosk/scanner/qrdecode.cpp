#include "scanner/qrdecode.h"

#include <QPainter>

#include <ZXing/ReadBarcode.h>

namespace chamber::kiosk {

std::optional<QString> decodeQr(const QImage &image)
{
    if (image.isNull())
        return std::nullopt;
    QImage luminance;
    if (image.format() == QImage::Format_Grayscale8) {
        luminance = image; // shared, not copied: what camera frames arrive as
    } else if (image.hasAlphaChannel()) {
        // Codes saved from web pages and PDF renderings often have a transparent background,
        // which a plain grey conversion turns black, the same as the modules. Paper is white.
        QImage onWhite(image.size(), QImage::Format_RGB32);
        onWhite.fill(Qt::white);
        QPainter painter(&onWhite);
        painter.drawImage(0, 0, image);
        painter.end();
        luminance = onWhite.convertToFormat(QImage::Format_Grayscale8);
    } else {
        luminance = image.convertToFormat(QImage::Format_Grayscale8);
    }
    const ZXing::ImageView view(luminance.constBits(), luminance.width(), luminance.height(),
        ZXing::ImageFormat::Lum, static_cast<int>(luminance.bytesPerLine()));

    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    // tryHarder makes the detector look past the first finder-pattern candidates, which is what
    // finds small or tilted codes in a busy room; tryRotate costs nothing for QR codes.
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    // Byte-mode text without an ECI header (what chamber_qrcode and most generators write) has
    // no declared character set, and ZXing 1.4 would guess among UTF-8, Shift_JIS and ISO 8859-1
    // by looking at the bytes. Chamber writes UTF-8, so say so rather than rely on the guess.
    hints.setCharacterSet("UTF-8");

    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid())
        return std::nullopt;
    return QString::fromStdString(result.text());
}

} // namespace chamber::kiosk

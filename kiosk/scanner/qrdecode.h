// Finding and reading a QR code in a picture: the part of scanning that knows nothing about
// cameras or threads. ZXing does the work.
#pragma once

#include <QImage>
#include <QString>

#include <optional>

namespace chamber::kiosk {

// Finds a QR code anywhere in the image (any rotation, perspective, dim light, noise) and
// returns its text, or nullopt when there is none. Any QImage format works: it is converted to
// 8-bit luminance first, which is free for QImage::Format_Grayscale8; transparent pixels count
// as white, like paper behind a code saved with a transparent background. Only QR codes are looked
// for; other barcodes in the picture are ignored. The content is not interpreted: checking that
// it is a Chamber join link is the caller's business. Byte-mode text without an ECI header is
// read as UTF-8, which is what chamber_qrcode writes.
//
// Pure and thread-safe: call it from any thread, several at once.
std::optional<QString> decodeQr(const QImage &image);

} // namespace chamber::kiosk

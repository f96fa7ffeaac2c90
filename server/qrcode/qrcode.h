// QR code encoding for join links: libqrencode makes the module matrix, this file turns it into
// SVG (web pages, screens), PNG and QImage.
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QImage>
#include <QPainterPath>

#include <vector>

namespace chamber::qrcode {

// How much of the symbol may be damaged and still decode: Low ~7 %, Medium ~15 %, Quartile
// ~25 %, High ~30 %. Higher levels need a larger symbol for the same text.
enum class Correction { Low, Medium, Quartile, High };

// The modules of one symbol, without quiet zone.
struct QrMatrix
{
    int size = 0; // modules per side; 0 for an empty matrix
    std::vector<bool> modules; // size * size, row-major, true = dark

    // False outside the symbol, so callers can draw a quiet zone without range checks.
    bool dark(int x, int y) const;
};

// Encodes the bytes as they are in 8-bit mode, choosing the smallest version that fits. No ECI
// header: join links are ASCII, and decodeQr() reads byte-mode text as UTF-8 anyway (tested with
// Vietnamese). Fails with TooLarge for text above the capacity of version 40 at that correction
// level, Invalid for empty text.
Result<QrMatrix> encode(const QByteArray &utf8Text, Correction correction = Correction::Medium);

// Bytes a version-40 symbol holds in 8-bit mode at that correction level.
int maximumBytes(Correction correction);

// The renderers below draw quietZone light modules around the symbol (the standard asks for 4)
// and moduleSize pixels per module. moduleSize below 1 counts as 1, quietZone below 0 as 0.
// An empty matrix gives an empty result.

// A standalone SVG 1.1 document: a white background and one <path> of all dark modules in
// module units (viewBox), so it scales without blur; shape-rendering="crispEdges".
QByteArray toSvg(const QrMatrix &matrix, int moduleSize = 8, int quietZone = 4);

// QImage::Format_Grayscale8, black modules on white.
QImage toImage(const QrMatrix &matrix, int moduleSize = 8, int quietZone = 4);

// toImage() as PNG. Needs no QGuiApplication.
QByteArray toPng(const QrMatrix &matrix, int moduleSize = 8, int quietZone = 4);

// The dark modules as one vector outline (no quiet zone), top-left corner at the origin, for
// painting onto PDFs and printers. Adjacent modules are merged into one outline so that
// anti-aliasing renderers show no hairline seams between them.
QPainterPath toPath(const QrMatrix &matrix, qreal moduleSize);

} // namespace chamber::qrcode

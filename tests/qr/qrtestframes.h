// Synthetic camera frames for the QR tests and the decode benchmark: a QR code on a white card,
// placed into a textured grey "room" and then degraded the way real cameras degrade it.
#pragma once

#include <QImage>
#include <QPolygonF>
#include <QString>
#include <QTransform>
#include <QVideoFrame>

namespace chamber::qrtest {

inline constexpr int frameWidth = 1280;
inline constexpr int frameHeight = 720;

// A join link shaped like the real ones: https://192.168.10.5:8443/join#v=1&t=<32>&p=<43>,
// token and pin drawn from base64url characters by a generator seeded with seed.
QString joinUrl(quint32 seed);

// The 1280x720 background a tablet camera sees in a meeting room: a lit wall gradient, desks
// and papers as shapes of different greys, printed lines of text and mild sensor grain.
// Format_RGB32. The same seed gives the same picture.
QImage roomBackground(quint32 seed);

// A white card with the code (and its quiet zone) on it, symbolPixels wide for the symbol alone.
QImage qrCard(const QString &text, int symbolPixels);

// Draws card into frame with its centre at the frame's centre, mapped by transform (about the
// card's own centre: rotation, scale), smoothly interpolated as a lens would.
void placeCard(QImage &frame, const QImage &card, const QTransform &transform = {});
// Draws card into frame so that its corners land on quad (top-left, top-right, bottom-right,
// bottom-left): a card held at an angle.
void placeCardInPerspective(QImage &frame, const QImage &card, const QPolygonF &quad);

// Adds zero-mean Gaussian noise of the given standard deviation (in grey levels) to every
// channel, clamped to 0..255. Deterministic for a seed.
void addNoise(QImage &frame, double sigma, quint32 seed);
// Approximates a Gaussian blur: passes box blurs of the given radius, horizontal then vertical.
void blur(QImage &frame, int radius, int passes = 3);
// Dim, low-contrast light: every channel v becomes floor + v * scale.
void dim(QImage &frame, double scale, int floor);
// Pure noise, no structure at all (uniform grey levels), Format_RGB32.
QImage noiseFrame(quint32 seed);

// A frame as a camera would hand it over. NV12: Y plane from the image's luminance, neutral
// chroma. XRGB8888: bytes X, R, G, B per pixel. Both filled by mapping the frame and writing.
QVideoFrame toNv12Frame(const QImage &image);
QVideoFrame toXrgbFrame(const QImage &image);

} // namespace chamber::qrtest

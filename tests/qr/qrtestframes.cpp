#include "qrtestframes.h"

#include "qrcode/qrcode.h"

#include <QLinearGradient>
#include <QPainter>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>
#include <vector>

namespace chamber::qrtest {

namespace {

const char base64UrlAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

QString randomBase64Url(QRandomGenerator &random, int length)
{
    QString text;
    text.reserve(length);
    for (int i = 0; i < length; ++i)
        text += QLatin1Char(base64UrlAlphabet[random.bounded(64)]);
    return text;
}

// One Gaussian sample (Box-Muller); the generator is uniform.
double gaussian(QRandomGenerator &random)
{
    const double u1 = std::max(random.generateDouble(), 1e-12);
    const double u2 = random.generateDouble();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

// Box blur of one line of 4-byte pixels, in place, with a running sum per channel.
void boxBlurLine(uchar *first, int count, int step, int radius, std::vector<uchar> &scratch)
{
    scratch.resize(size_t(count) * 4);
    for (int i = 0; i < count; ++i)
        std::memcpy(&scratch[size_t(i) * 4], first + qsizetype(i) * step, 4);
    for (int channel = 0; channel < 3; ++channel) {
        int sum = 0;
        // Edges repeat the border pixel so the frame does not darken at its sides.
        auto at = [&](int i) {
            return int(scratch[size_t(std::clamp(i, 0, count - 1)) * 4 + size_t(channel)]);
        };
        for (int i = -radius; i <= radius; ++i)
            sum += at(i);
        const int window = 2 * radius + 1;
        for (int i = 0; i < count; ++i) {
            first[qsizetype(i) * step + channel] = uchar(sum / window);
            sum += at(i + radius + 1) - at(i - radius);
        }
    }
}

} // namespace

QString joinUrl(quint32 seed)
{
    QRandomGenerator random(seed);
    return QStringLiteral("https://192.168.10.5:8443/join#v=1&t=") + randomBase64Url(random, 32)
        + QStringLiteral("&p=") + randomBase64Url(random, 43);
}

QImage roomBackground(quint32 seed)
{
    QRandomGenerator random(seed);
    QImage frame(frameWidth, frameHeight, QImage::Format_RGB32);
    QPainter painter(&frame);
    painter.setRenderHint(QPainter::Antialiasing);
    QLinearGradient wall(0, 0, frameWidth * 0.3, frameHeight);
    wall.setColorAt(0, QColor(150, 146, 140));
    wall.setColorAt(1, QColor(88, 86, 84));
    painter.fillRect(frame.rect(), wall);

    // Desks, chairs, screens: blocks and ellipses of assorted greys.
    painter.setPen(Qt::NoPen);
    for (int i = 0; i < 30; ++i) {
        const int grey = 40 + random.bounded(160);
        painter.setBrush(QColor(grey, grey, grey - std::min(grey, 8)));
        const QRectF shape(random.bounded(frameWidth), random.bounded(frameHeight),
            40 + random.bounded(300), 30 + random.bounded(200));
        painter.save();
        painter.translate(shape.center());
        painter.rotate(random.bounded(40) - 20);
        painter.translate(-shape.center());
        if (i % 3 == 0)
            painter.drawEllipse(shape);
        else
            painter.drawRect(shape);
        painter.restore();
    }
    // Sheets of paper with lines of print on them: fine dark-on-light structure, the kind that
    // gives a QR detector false finder-pattern candidates.
    for (int i = 0; i < 8; ++i) {
        const QRectF sheet(random.bounded(frameWidth - 200), random.bounded(frameHeight - 250),
            120 + random.bounded(120), 160 + random.bounded(100));
        painter.save();
        painter.translate(sheet.center());
        painter.rotate(random.bounded(30) - 15);
        painter.translate(-sheet.center());
        painter.setBrush(QColor(225, 225, 220));
        painter.drawRect(sheet);
        painter.setBrush(QColor(40, 40, 45));
        for (qreal y = sheet.top() + 12; y < sheet.bottom() - 10; y += 9) {
            qreal x = sheet.left() + 10;
            while (x < sheet.right() - 20) {
                const qreal word = 6 + random.bounded(22);
                painter.drawRect(QRectF(x, y, std::min(word, sheet.right() - 10 - x), 4));
                x += word + 4;
            }
        }
        painter.restore();
    }
    painter.end();
    addNoise(frame, 4.0, seed ^ 0x5eed);
    return frame;
}

QImage qrCard(const QString &text, int symbolPixels)
{
    const Result<qrcode::QrMatrix> matrix = qrcode::encode(text.toUtf8());
    if (!matrix)
        return {};
    const qreal module = qreal(symbolPixels) / matrix->size;
    // Quiet zone of four modules plus a little more paper.
    const qreal margin = 5 * module;
    const int side = int(std::ceil(symbolPixels + 2 * margin));
    QImage card(side, side, QImage::Format_RGB32);
    card.fill(QColor(245, 245, 240));
    QPainter painter(&card);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillPath(
        qrcode::toPath(*matrix, module).translated(margin, margin), QColor(20, 20, 20));
    return card;
}

void placeCard(QImage &frame, const QImage &card, const QTransform &transform)
{
    const QTransform placement
        = QTransform::fromTranslate(-card.width() / 2.0, -card.height() / 2.0) * transform
        * QTransform::fromTranslate(frame.width() / 2.0, frame.height() / 2.0);
    QPainter painter(&frame);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setTransform(placement);
    painter.drawImage(0, 0, card);
}

void placeCardInPerspective(QImage &frame, const QImage &card, const QPolygonF &quad)
{
    QTransform placement;
    const QPolygonF corners(QRectF(card.rect()));
    // QPolygonF(QRectF) closes the polygon with a fifth point; quadToQuad wants four.
    if (!QTransform::quadToQuad(corners.mid(0, 4), quad, placement))
        return;
    QPainter painter(&frame);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setTransform(placement);
    painter.drawImage(0, 0, card);
}

void addNoise(QImage &frame, double sigma, quint32 seed)
{
    QRandomGenerator random(seed);
    for (int y = 0; y < frame.height(); ++y) {
        uchar *line = frame.scanLine(y);
        for (int x = 0; x < frame.width(); ++x) {
            // Sensor noise at low light is mostly in luminance: one offset for all channels.
            const double offset = sigma * gaussian(random);
            for (int channel = 0; channel < 3; ++channel) {
                uchar &value = line[x * 4 + channel];
                value = uchar(std::clamp(value + offset, 0.0, 255.0));
            }
        }
    }
}

void blur(QImage &frame, int radius, int passes)
{
    std::vector<uchar> scratch;
    const int stride = int(frame.bytesPerLine());
    for (int pass = 0; pass < passes; ++pass) {
        for (int y = 0; y < frame.height(); ++y)
            boxBlurLine(frame.scanLine(y), frame.width(), 4, radius, scratch);
        for (int x = 0; x < frame.width(); ++x)
            boxBlurLine(frame.bits() + qsizetype(x) * 4, frame.height(), stride, radius, scratch);
    }
}

void dim(QImage &frame, double scale, int floor)
{
    for (int y = 0; y < frame.height(); ++y) {
        uchar *line = frame.scanLine(y);
        for (int x = 0; x < frame.width(); ++x) {
            for (int channel = 0; channel < 3; ++channel) {
                uchar &value = line[x * 4 + channel];
                value = uchar(std::clamp(floor + value * scale, 0.0, 255.0));
            }
        }
    }
}

QImage noiseFrame(quint32 seed)
{
    QRandomGenerator random(seed);
    QImage frame(frameWidth, frameHeight, QImage::Format_RGB32);
    for (int y = 0; y < frame.height(); ++y) {
        QRgb *line = reinterpret_cast<QRgb *>(frame.scanLine(y));
        for (int x = 0; x < frame.width(); ++x) {
            const int grey = random.bounded(256);
            line[x] = qRgb(grey, grey, grey);
        }
    }
    return frame;
}

QVideoFrame toNv12Frame(const QImage &image)
{
    const QImage luminance = image.convertToFormat(QImage::Format_Grayscale8);
    QVideoFrame frame(QVideoFrameFormat(image.size(), QVideoFrameFormat::Format_NV12));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    for (int y = 0; y < image.height(); ++y)
        std::memcpy(frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0),
            luminance.constScanLine(y), size_t(image.width()));
    // Interleaved U and V at half resolution; 128 is "no colour".
    for (int y = 0; y < (image.height() + 1) / 2; ++y)
        std::memset(frame.bits(1) + qsizetype(y) * frame.bytesPerLine(1), 128,
            size_t(frame.bytesPerLine(1)));
    frame.unmap();
    return frame;
}

QVideoFrame toXrgbFrame(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    QVideoFrame frame(QVideoFrameFormat(image.size(), QVideoFrameFormat::Format_XRGB8888));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    for (int y = 0; y < rgb.height(); ++y) {
        const QRgb *in = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        uchar *out = frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0);
        for (int x = 0; x < rgb.width(); ++x) {
            out[x * 4 + 0] = 0xff;
            out[x * 4 + 1] = uchar(qRed(in[x]));
            out[x * 4 + 2] = uchar(qGreen(in[x]));
            out[x * 4 + 3] = uchar(qBlue(in[x]));
        }
    }
    frame.unmap();
    return frame;
}

} // namespace chamber::qrtest

#include "scanner/frameluminance.h"

#include <cstring>

namespace chamber::kiosk {

namespace {

// Where the luminance of one pixel sits in plane 0 of a mapped frame.
struct LumaLayout
{
    enum Kind {
        None, // no direct path: convert with toImage()
        Bytes, // one luminance byte per pixel, pixelStride bytes apart
        Rgb, // 32-bit pixels; weigh red, green and blue
    };
    Kind kind = None;
    int offset = 0; // of the luminance byte (Bytes) or unused (Rgb)
    int pixelStride = 1;
    int red = 0, green = 0, blue = 0; // byte indices within an Rgb pixel
};

LumaLayout lumaLayout(QVideoFrameFormat::PixelFormat format)
{
    using F = QVideoFrameFormat;
    switch (format) {
    // Planar and semi-planar YUV with 8-bit samples: plane 0 is Y, one byte per pixel.
    case F::Format_YUV420P:
    case F::Format_YUV422P:
    case F::Format_YV12:
    case F::Format_NV12:
    case F::Format_NV21:
    case F::Format_IMC1:
    case F::Format_IMC2:
    case F::Format_IMC3:
    case F::Format_IMC4:
    case F::Format_Y8:
        return {LumaLayout::Bytes, 0, 1};
    // 16-bit samples with the value in the high bits: the high (little-endian second) byte is
    // the 8-bit luminance.
    case F::Format_Y16:
    case F::Format_P010:
    case F::Format_P016:
        return {LumaLayout::Bytes, 1, 2};
    // Packed 4:2:2: Y U Y V and U Y V Y.
    case F::Format_YUYV:
        return {LumaLayout::Bytes, 0, 2};
    case F::Format_UYVY:
        return {LumaLayout::Bytes, 1, 2};
    case F::Format_AYUV:
    case F::Format_AYUV_Premultiplied:
        return {LumaLayout::Bytes, 1, 4};
    // 32-bit RGB, named by byte order in memory.
    case F::Format_ARGB8888:
    case F::Format_ARGB8888_Premultiplied:
    case F::Format_XRGB8888:
        return {LumaLayout::Rgb, 0, 4, 1, 2, 3};
    case F::Format_BGRA8888:
    case F::Format_BGRA8888_Premultiplied:
    case F::Format_BGRX8888:
        return {LumaLayout::Rgb, 0, 4, 2, 1, 0};
    case F::Format_ABGR8888:
    case F::Format_XBGR8888:
        return {LumaLayout::Rgb, 0, 4, 3, 2, 1};
    case F::Format_RGBA8888:
    case F::Format_RGBX8888:
        return {LumaLayout::Rgb, 0, 4, 0, 1, 2};
    default:
        return {};
    }
}

QImage viaToImage(const QVideoFrame &frame)
{
    const QImage image = frame.toImage();
    if (image.isNull())
        return {};
    return image.convertToFormat(QImage::Format_Grayscale8);
}

// Unmaps on every return path; the QVideoFrame handle is shared, so the copy maps the same buffer.
class MappedFrame
{
public:
    explicit MappedFrame(const QVideoFrame &frame)
        : m_frame(frame)
        , m_mapped(m_frame.map(QVideoFrame::ReadOnly))
    { }
    ~MappedFrame()
    {
        if (m_mapped)
            m_frame.unmap();
    }
    MappedFrame(const MappedFrame &) = delete;
    MappedFrame &operator=(const MappedFrame &) = delete;

    bool isMapped() const { return m_mapped; }
    const QVideoFrame &frame() const { return m_frame; }

private:
    QVideoFrame m_frame;
    bool m_mapped;
};

} // namespace

bool hasDirectLuminance(QVideoFrameFormat::PixelFormat format)
{
    return lumaLayout(format).kind != LumaLayout::None;
}

QImage frameLuminance(const QVideoFrame &frame, QImage buffer)
{
    if (!frame.isValid())
        return {};
    const LumaLayout layout = lumaLayout(frame.pixelFormat());
    if (layout.kind == LumaLayout::None)
        return viaToImage(frame);

    const MappedFrame mapped(frame);
    // Frames that live only in GPU memory cannot be mapped; toImage() downloads them.
    if (!mapped.isMapped())
        return viaToImage(frame);

    const int width = frame.width();
    const int height = frame.height();
    const int sourceStride = mapped.frame().bytesPerLine(0);
    const uchar *source = mapped.frame().bits(0);
    const qsizetype available = mapped.frame().mappedBytes(0);
    // A plane shorter than its stated layout would be read past its end: refuse it.
    if (!source || width <= 0 || height <= 0
        || sourceStride < (width - 1) * layout.pixelStride + layout.offset + 1
        || available
            < qsizetype(sourceStride) * (height - 1) + qsizetype(width) * layout.pixelStride)
        return viaToImage(frame);

    QImage luminance = std::move(buffer);
    if (luminance.size() != QSize(width, height) || luminance.format() != QImage::Format_Grayscale8
        || !luminance.isDetached())
        luminance = QImage(width, height, QImage::Format_Grayscale8);
    if (luminance.isNull())
        return {};
    for (int y = 0; y < height; ++y) {
        const uchar *in = source + qsizetype(y) * sourceStride;
        uchar *out = luminance.scanLine(y);
        if (layout.kind == LumaLayout::Bytes && layout.pixelStride == 1) {
            std::memcpy(out, in, size_t(width));
        } else if (layout.kind == LumaLayout::Bytes) {
            for (int x = 0; x < width; ++x)
                out[x] = in[x * layout.pixelStride + layout.offset];
        } else {
            for (int x = 0; x < width; ++x) {
                const uchar *pixel = in + x * 4;
                // ITU-R BT.601 weights in 10-bit fixed point, rounded (as ZXing does).
                out[x] = uchar((306 * pixel[layout.red] + 601 * pixel[layout.green]
                                   + 117 * pixel[layout.blue] + 0x200)
                    >> 10);
            }
        }
    }
    return luminance;
}

} // namespace chamber::kiosk

#include "framestamp.h"

#include <glib.h>

namespace chamber::testing {

namespace {
uint8_t checkOf(uint32_t stamp)
{
    return uint8_t((stamp & 0xff) ^ ((stamp >> 8) & 0xff) ^ ((stamp >> 16) & 0xff)
        ^ ((stamp >> 24) & 0xff) ^ 0x5a);
}

int blockWidth(const GstVideoFrame *frame)
{
    return GST_VIDEO_FRAME_WIDTH(frame) / kStampBits;
}
} // namespace

uint32_t stampNow()
{
    return uint32_t(g_get_monotonic_time());
}

void drawStamp(GstVideoFrame *frame, uint32_t stamp)
{
    const uint64_t bits = uint64_t(stamp) << 8 | checkOf(stamp);
    auto *luma = static_cast<uint8_t *>(GST_VIDEO_FRAME_PLANE_DATA(frame, 0));
    const int stride = GST_VIDEO_FRAME_PLANE_STRIDE(frame, 0);
    const int width = blockWidth(frame);
    for (int bit = 0; bit < kStampBits; ++bit) {
        const bool one = (bits >> (kStampBits - 1 - bit)) & 1;
        for (int y = 0; y < kStampBlockHeight; ++y) {
            uint8_t *row = luma + y * stride + bit * width;
            for (int x = 0; x < width; ++x)
                row[x] = one ? 235 : 16;
        }
    }
}

std::optional<uint32_t> readStamp(const GstVideoFrame *frame)
{
    const auto *luma = static_cast<const uint8_t *>(GST_VIDEO_FRAME_PLANE_DATA(frame, 0));
    const int stride = GST_VIDEO_FRAME_PLANE_STRIDE(frame, 0);
    const int width = blockWidth(frame);
    uint64_t bits = 0;
    for (int bit = 0; bit < kStampBits; ++bit) {
        // The middle of the block: edges blur in the encoder.
        int sum = 0;
        int count = 0;
        for (int y = kStampBlockHeight / 4; y < kStampBlockHeight * 3 / 4; ++y) {
            for (int x = width / 4; x < width * 3 / 4; ++x) {
                sum += luma[y * stride + bit * width + x];
                ++count;
            }
        }
        bits = bits << 1 | (count > 0 && sum / count > 128 ? 1 : 0);
    }
    const auto stamp = uint32_t(bits >> 8);
    if (uint8_t(bits & 0xff) != checkOf(stamp))
        return std::nullopt;
    return stamp;
}

std::optional<uint32_t> readSampleStamp(GstSample *sample)
{
    GstVideoInfo info;
    GstVideoFrame frame;
    if (!gst_video_info_from_caps(&info, gst_sample_get_caps(sample))
        || !GST_VIDEO_INFO_IS_YUV(&info)
        || !gst_video_frame_map(&frame, &info, gst_sample_get_buffer(sample), GST_MAP_READ))
        return std::nullopt;
    const auto stamp = readStamp(&frame);
    gst_video_frame_unmap(&frame);
    return stamp;
}

void stampBuffersOn(GstPad *pad)
{
    gst_pad_add_probe(
        pad, GST_PAD_PROBE_TYPE_BUFFER,
        [](GstPad *pad, GstPadProbeInfo *info, gpointer) {
            GstCaps *caps = gst_pad_get_current_caps(pad);
            GstVideoInfo videoInfo;
            const bool known = caps && gst_video_info_from_caps(&videoInfo, caps);
            if (caps)
                gst_caps_unref(caps);
            if (!known || !GST_VIDEO_INFO_IS_YUV(&videoInfo))
                return GST_PAD_PROBE_OK;
            GstBuffer *buffer = gst_buffer_make_writable(GST_PAD_PROBE_INFO_BUFFER(info));
            GST_PAD_PROBE_INFO_DATA(info) = buffer;
            GstVideoFrame frame;
            if (gst_video_frame_map(&frame, &videoInfo, buffer, GST_MAP_WRITE)) {
                drawStamp(&frame, stampNow());
                gst_video_frame_unmap(&frame);
            }
            return GST_PAD_PROBE_OK;
        },
        nullptr, nullptr);
}

} // namespace chamber::testing

// A timestamp drawn into raw video as a row of black and white blocks in the luma plane, read
// back from the decoded frame, for end-to-end latency through encoder, network and decoder.
// 32 bits of the monotonic clock in microseconds, then an 8-bit check, 40 blocks across.
// Shared by bench_media (latency) and test_media_outage (age of every frame shown after an
// outage; chamber-media stamps through the tracer in framestamptracer.cpp).
#pragma once

#include <gst/video/video.h>

#include <cstdint>
#include <optional>

namespace chamber::testing {

constexpr int kStampBits = 40;
constexpr int kStampBlockHeight = 16;

// Draws `stamp` into the top rows of a mapped planar-YUV frame (plane 0 is luma).
void drawStamp(GstVideoFrame *frame, uint32_t stamp);
// Reads a stamp back; empty when the check fails (a damaged or unstamped frame).
std::optional<uint32_t> readStamp(const GstVideoFrame *frame);

// The stamp of a decoded sample (planar YUV); empty when unreadable.
std::optional<uint32_t> readSampleStamp(GstSample *sample);

// Installs a probe on `pad` (raw planar YUV video) that stamps every buffer with the
// monotonic time in microseconds.
void stampBuffersOn(GstPad *pad);

// The monotonic clock in microseconds, modulo 2^32 (as stamped).
uint32_t stampNow();

} // namespace chamber::testing

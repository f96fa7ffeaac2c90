// Turning a camera frame into the 8-bit luminance image the QR decoder works on.
#pragma once

#include <QImage>
#include <QVideoFrame>

namespace chamber::kiosk {

// The frame's luminance as a QImage::Format_Grayscale8 of the same size (a copy: the frame may be
// unmapped and recycled by the camera as soon as this returns).
//
// Pass the previous result back as buffer to have it overwritten when it fits (same size, not
// shared): a fresh 1280x720 image costs its page faults again on every frame, about 1 ms, as
// much as decoding a frame without a code (see bench_qr_decode).
//
// Cameras deliver YUV (NV12, YUV420P, YUYV, ...), where the Y plane already is the luminance, so
// this copies those bytes and skips colour conversion altogether; 32-bit RGB frames are weighted
// per pixel on the CPU. Other formats (10-bit YUV, JPEG, frames living only on the GPU) go
// through QVideoFrame::toImage(), which is much slower. A null image means the frame could not
// be read.
//
// Thread-safe for frames in CPU memory; the toImage() fallback may need the GUI thread on
// platforms where it converts on the GPU.
QImage frameLuminance(const QVideoFrame &frame, QImage buffer = {});

// Whether frameLuminance() takes the fast path (no QVideoFrame::toImage()) for this format.
bool hasDirectLuminance(QVideoFrameFormat::PixelFormat format);

} // namespace chamber::kiosk

// What the programme is made of: sources, size, codecs' rates, WebRTC tuning. Plain data with
// the pipeline description it turns into, so choices are visible in one place and testable
// without GStreamer.
#pragma once

#include "media/webrtcsupport.h"
#include "protocol/error.h"

#include <QString>

#include <array>
#include <optional>

namespace chamber::media {

enum class VideoSourceKind {
    Test, // videotestsrc is-live (tests, demos)
    V4l2, // a camera: v4l2src device=…
    Pipewire, // a PipeWire node (screen or camera through the portal): pipewiresrc path=…
};

enum class AudioSourceKind {
    Test, // audiotestsrc is-live
    Alsa, // alsasrc device=…
    Pulse, // pulsesrc device=… (PipeWire's Pulse server on desktop systems)
};

// Every source kind, for what has to cover them all: the element catalogs and their test.
constexpr std::array kVideoSourceKinds {
    VideoSourceKind::Test, VideoSourceKind::V4l2, VideoSourceKind::Pipewire};
constexpr std::array kAudioSourceKinds {
    AudioSourceKind::Test, AudioSourceKind::Alsa, AudioSourceKind::Pulse};

// RTP payload types fixed by the sender; webrtcbin picks retransmission types next to them.
constexpr int kVideoPayloadType = 96;
constexpr int kAudioPayloadType = 111;

struct ProgrammeConfig
{
    VideoSourceKind videoSource = VideoSourceKind::Test;
    QString videoDevice; // v4l2/pipewire; empty: the default
    AudioSourceKind audioSource = AudioSourceKind::Test;
    QString audioDevice;
    int width = 1280;
    int height = 720;
    int fps = 30;
    int videoKbps = 1500;
    int audioKbps = 48;
    // A keyframe at least this often, so a receiver that lost one never waits long; receivers
    // ask for one (PLI) on loss in between.
    int keyframeSeconds = 2;
    bool timeOverlay = false; // test source only: running time drawn in (needs timeoverlay)
    // Test source only: a solid colour (big-endian ARGB) instead of the moving ball, so tests
    // can tell the chamber's picture from a bridge's return by its pixels.
    std::optional<quint32> testColor;
    WebrtcSettings webrtc;

    // Width/height/fps/bitrate ranges; a clear error instead of a pipeline that will not link.
    Status validate() const;
    // The encoding part, from sources to the two tees ("video-tee", "audio-tee").
    QString pipelineDescription() const;
    // Element factories the description needs (checked before building), and those the
    // per-bridge branches add to it (senderpeer, returnpeer, rtpforward).
    QStringList requiredElements() const;
};

// Every element factory chamber-media can use, whatever its options: requiredElements() over
// every source kind and option. `chamber-media --list-elements` prints it for the dependency
// test (tests/deps), which maps each element to the Debian package of its plugin.
QStringList programmeElementCatalog();

// requiredElements() of `config` with each video and audio source kind in turn, without
// duplicates, sorted: the catalog of a pipeline whose other options `config` sets.
template<typename Config>
QStringList elementsOverSourceKinds(Config config)
{
    QStringList elements;
    for (const auto video : kVideoSourceKinds) {
        for (const auto audio : kAudioSourceKinds) {
            config.videoSource = video;
            config.audioSource = audio;
            elements << config.requiredElements();
        }
    }
    elements.removeDuplicates();
    elements.sort();
    return elements;
}

// Device names go into gst-launch descriptions: true when `device` cannot add elements or
// properties there (A-Z a-z 0-9 _ . / : , = -, at most 128).
bool isSafeDeviceName(const QString &device);

// The source element of a camera or microphone (not the test sources, which differ between
// the programme and a bridge's return), e.g. `v4l2src device="/dev/video0"`, and its factory
// name for the element check. Shared by ProgrammeConfig and ReturnSenderConfig.
QString deviceSourceDescription(VideoSourceKind kind, const QString &device);
QString deviceSourceDescription(AudioSourceKind kind, const QString &device);
QString sourceFactory(VideoSourceKind kind);
QString sourceFactory(AudioSourceKind kind);

// "test", "v4l2[:DEVICE]", "pipewire[:PATH]" / "test", "alsa[:DEVICE]", "pulse[:DEVICE]".
Status parseVideoSource(const QString &text, ProgrammeConfig *config);
Status parseAudioSource(const QString &text, ProgrammeConfig *config);

} // namespace chamber::media

// The programme's RTP, once, to one Janus mountpoint: a leaky queue ! udpsink for video and one
// for audio, branched off the programme's tees with the rule SenderPeer follows (the branch is
// linked downstream and PLAYING before the tee pad is requested and linked, last).
#pragma once

#include "media/gstref.h"
#include "protocol/error.h"

#include <QString>

namespace chamber::media {

class RtpForward
{
public:
    RtpForward(GstElement *pipeline, GstElement *videoTee, GstElement *audioTee);
    ~RtpForward();
    RtpForward(const RtpForward &) = delete;
    RtpForward &operator=(const RtpForward &) = delete;

    Status start(const QString &host, int videoPort, int audioPort);
    // Takes the branches out of the running pipeline (a no-op when not started).
    void stop();
    bool isRunning() const { return bool(m_video.sink); }

private:
    struct Branch
    {
        ElementRef queue;
        ElementRef sink;
        PadRef teePad;
    };
    Status startBranch(
        Branch *branch, GstElement *tee, const QString &host, int port, const char *kind);
    void stopBranch(Branch *branch, GstElement *tee);

    GstElement *m_pipeline; // borrowed: the programme outlives its forwards
    GstElement *m_videoTee;
    GstElement *m_audioTee;
    Branch m_video;
    Branch m_audio;
};

} // namespace chamber::media

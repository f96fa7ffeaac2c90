// What the programme's senders and a bridge's receiver share about webrtcbin: the tuning the
// issue asks for (bundle, latency, NACK), ICE on loopback-only hosts, SDP in and out, and
// promises answered on the Qt thread.
#pragma once

#include "media/gstref.h"
#include "protocol/error.h"

// GST_USE_UNSTABLE_API comes from the build (chamber_media_gst).
#include <gst/webrtc/webrtc.h>

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <utility>

namespace chamber::media {

struct WebrtcSettings
{
    // Jitter-buffer latency of the receiving side. webrtcbin's default (200 ms) alone would
    // exceed the 150 ms end-to-end goal on a LAN.
    int latencyMs = 100;
    // Addresses the ICE agent gathers host candidates on. Empty: libnice picks the host's
    // interfaces. On a loopback-only host (tests, CI) libnice finds none unless 127.0.0.1 is
    // named here.
    QStringList iceAddresses;
    // Local UDP ports the ICE agent binds (inclusive); 0-0: any, as libnice picks. A server
    // behind a firewall names a range the firewall opens.
    std::pair<quint16, quint16> icePorts {0, 0};
    // NACK-based retransmission (webrtcbin's default is off).
    bool nack = true;
};

// max-bundle, latency, no STUN, the ICE addresses and ports. Refuses settings this GStreamer cannot
// apply (a missing add-local-ip-address on the ICE agent) instead of gathering no candidates.
Status configureWebrtcbin(GstElement *webrtcbin, const WebrtcSettings &settings);

// For peer-state messages: new, connecting, connected, disconnected, failed, closed.
QString connectionStateName(GstWebRTCPeerConnectionState state);

struct SessionDescriptionFree
{
    void operator()(GstWebRTCSessionDescription *description) const
    {
        gst_webrtc_session_description_free(description);
    }
};
using SessionDescriptionPtr = std::unique_ptr<GstWebRTCSessionDescription, SessionDescriptionFree>;

// Parses SDP text; an Error (BadField "sdp") when GStreamer's SDP parser refuses it.
Result<SessionDescriptionPtr> parseSessionDescription(GstWebRTCSDPType type, const QString &sdp);
QString sdpText(const GstWebRTCSessionDescription *description);

// A promise whose reply runs `onReply` on `context`'s thread (dropped if context is gone).
// Hand it to webrtcbin's action signals, which reply from their own thread.
GstPromise *promiseOnQtThread(QObject *context, std::function<void(GstPromise *)> onReply);

// Runs `work` on `context`'s thread later; does nothing if context was destroyed meanwhile.
// For GStreamer callbacks, which arrive on streaming threads.
void postToQtThread(QObject *context, std::function<void()> work);

// The error text of a replied promise (webrtcbin puts a GError in field "error"), if any.
QString promiseError(GstPromise *promise);

} // namespace chamber::media

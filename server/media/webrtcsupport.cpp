#include "media/webrtcsupport.h"

#include "media/gstsupport.h"

#include <QMetaObject>
#include <QPointer>

#include <memory>

#include <gst/sdp/sdp.h>

namespace chamber::media {

Status configureWebrtcbin(GstElement *webrtcbin, const WebrtcSettings &settings)
{
    g_object_set(webrtcbin, "bundle-policy", GST_WEBRTC_BUNDLE_POLICY_MAX_BUNDLE, "latency",
        guint(qMax(0, settings.latencyMs)), nullptr);
    const bool portRange = settings.icePorts.first != 0;
    if (settings.iceAddresses.isEmpty() && !portRange)
        return success();
    GObject *agent = nullptr;
    g_object_get(webrtcbin, "ice-agent", &agent, nullptr);
    if (!agent)
        return makeError(ErrorCode::Unavailable, QStringLiteral("webrtcbin has no ICE agent"));
    // Released on every way out.
    const std::unique_ptr<GObject, decltype(&g_object_unref)> agentRef(agent, g_object_unref);
    if (portRange) {
        // Minimum first: the default maximum (65535) is above any minimum.
        g_object_set(agent, "min-rtp-port", guint(settings.icePorts.first), "max-rtp-port",
            guint(settings.icePorts.second), nullptr);
    }
    if (settings.iceAddresses.isEmpty())
        return success();
    if (g_signal_lookup("add-local-ip-address", G_OBJECT_TYPE(agent)) == 0) {
        return makeError(ErrorCode::Unavailable,
            QStringLiteral("this GStreamer's ICE agent cannot be given local addresses "
                           "(add-local-ip-address, GStreamer 1.22 or later)"));
    }
    for (const QString &address : settings.iceAddresses) {
        gboolean added = FALSE;
        g_signal_emit_by_name(agent, "add-local-ip-address", address.toUtf8().constData(), &added);
        if (!added) {
            return makeError(ErrorCode::Invalid,
                QStringLiteral("the ICE agent refused local address %1").arg(address),
                QStringLiteral("ice-address"));
        }
    }
    return success();
}

QString connectionStateName(GstWebRTCPeerConnectionState state)
{
    switch (state) {
    case GST_WEBRTC_PEER_CONNECTION_STATE_NEW:
        return QStringLiteral("new");
    case GST_WEBRTC_PEER_CONNECTION_STATE_CONNECTING:
        return QStringLiteral("connecting");
    case GST_WEBRTC_PEER_CONNECTION_STATE_CONNECTED:
        return QStringLiteral("connected");
    case GST_WEBRTC_PEER_CONNECTION_STATE_DISCONNECTED:
        return QStringLiteral("disconnected");
    case GST_WEBRTC_PEER_CONNECTION_STATE_FAILED:
        return QStringLiteral("failed");
    case GST_WEBRTC_PEER_CONNECTION_STATE_CLOSED:
        return QStringLiteral("closed");
    }
    return QStringLiteral("new");
}

Result<SessionDescriptionPtr> parseSessionDescription(GstWebRTCSDPType type, const QString &sdp)
{
    GstSDPMessage *message = nullptr;
    gst_sdp_message_new(&message);
    const QByteArray text = sdp.toUtf8();
    if (gst_sdp_message_parse_buffer(
            reinterpret_cast<const guint8 *>(text.constData()), guint(text.size()), message)
            != GST_SDP_OK
        || gst_sdp_message_medias_len(message) == 0) {
        gst_sdp_message_free(message);
        return makeError(ErrorCode::BadField, QStringLiteral("sdp does not parse as SDP"),
            QStringLiteral("sdp"));
    }
    return SessionDescriptionPtr(gst_webrtc_session_description_new(type, message));
}

QString sdpText(const GstWebRTCSessionDescription *description)
{
    gchar *text = gst_sdp_message_as_text(description->sdp);
    const QString result = QString::fromUtf8(text);
    g_free(text);
    return result;
}

namespace {
struct PromiseContext
{
    QPointer<QObject> context;
    std::function<void(GstPromise *)> onReply;
};
} // namespace

void postToQtThread(QObject *context, std::function<void()> work)
{
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        context,
        [guard, work = std::move(work)] {
            if (guard)
                work();
        },
        Qt::QueuedConnection);
}

GstPromise *promiseOnQtThread(QObject *context, std::function<void(GstPromise *)> onReply)
{
    auto *data = new PromiseContext {context, std::move(onReply)};
    return gst_promise_new_with_change_func(
        [](GstPromise *promise, gpointer user) {
            auto *data = static_cast<PromiseContext *>(user);
            if (!data->context)
                return;
            // Held by the posted work, so the reference goes even when the work is dropped.
            std::shared_ptr<GstPromise> held(gst_promise_ref(promise), gst_promise_unref);
            auto onReply = data->onReply;
            postToQtThread(data->context, [held, onReply] { onReply(held.get()); });
        },
        data, [](gpointer user) { delete static_cast<PromiseContext *>(user); });
}

QString promiseError(GstPromise *promise)
{
    if (gst_promise_wait(promise) != GST_PROMISE_RESULT_REPLIED)
        return QStringLiteral("no reply from webrtcbin");
    const GstStructure *reply = gst_promise_get_reply(promise);
    if (!reply)
        return {};
    GError *error = nullptr;
    if (gst_structure_has_field(reply, "error")) {
        gst_structure_get(reply, "error", G_TYPE_ERROR, &error, nullptr);
        const QString text = error ? QString::fromUtf8(error->message) : QStringLiteral("error");
        if (error)
            g_error_free(error);
        return text;
    }
    return {};
}

} // namespace chamber::media

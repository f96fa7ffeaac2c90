#include "media/floorswitch.h"

#include "media/gstsupport.h"
#include "media/returnpeer.h"

#include <gst/video/video.h>

namespace chamber::media {

namespace {
// Keeps at most this many returns (each a webrtcbin with DTLS and jitter buffers).
constexpr int kMaxReturns = 64;
constexpr int kEvaluateMs = 50;
// How long a bridge that loses the floor stays on air waiting for the next one's first frame.
constexpr qint64 kHandOverNs = 2000 * 1000000LL;

GstClockTime runningTimeNow(GstElement *pipeline)
{
    ClockRef clock = ClockRef::adopt(gst_element_get_clock(pipeline));
    if (!clock)
        return GST_CLOCK_TIME_NONE;
    const GstClockTime now = gst_clock_get_time(clock.get());
    const GstClockTime base = gst_element_get_base_time(pipeline);
    return now > base ? now - base : 0;
}
// A return is a camera first: an offer without H.264 video is refused before it can replace
// a working return.
bool offersH264Video(const GstSDPMessage *sdp)
{
    for (guint i = 0; i < gst_sdp_message_medias_len(sdp); ++i) {
        const GstSDPMedia *media = gst_sdp_message_get_media(sdp, i);
        if (g_strcmp0(gst_sdp_media_get_media(media), "video") != 0)
            continue;
        for (guint a = 0; a < gst_sdp_media_attributes_len(media); ++a) {
            const GstSDPAttribute *attribute = gst_sdp_media_get_attribute(media, a);
            if (g_strcmp0(attribute->key, "rtpmap") == 0 && attribute->value
                && QByteArray(attribute->value).toUpper().contains(" H264/"))
                return true;
        }
    }
    return false;
}
} // namespace

FloorSwitch::FloorSwitch(GstElement *pipeline, ProgrammeConfig config, QObject *parent)
    : QObject(parent)
    , m_pipeline(pipeline)
    , m_config(std::move(config))
{
    m_timer.setInterval(kEvaluateMs);
    connect(&m_timer, &QTimer::timeout, this, &FloorSwitch::evaluate);
}

FloorSwitch::~FloorSwitch()
{
    for (ReturnPeer *peer : std::as_const(m_returns))
        delete peer;
    m_returns.clear();
}

Status FloorSwitch::attach()
{
    GstBin *bin = GST_BIN(m_pipeline);
    m_selector = ElementRef::adopt(gst_bin_get_by_name(bin, "programme-video-select"));
    m_mixer = ElementRef::adopt(gst_bin_get_by_name(bin, "programme-audio-mix"));
    m_chamberVolume = ElementRef::adopt(gst_bin_get_by_name(bin, "programme-chamber-volume"));
    ElementRef encoder = ElementRef::adopt(gst_bin_get_by_name(bin, "programme-encoder"));
    if (!m_selector || !m_mixer || !m_chamberVolume || !encoder)
        return makeError(ErrorCode::Internal,
            QStringLiteral("the programme pipeline lacks its selector, mixer or encoder"));
    m_chamberPad = PadRef::adopt(gst_element_get_static_pad(m_selector.get(), "sink_0"));
    m_encoderSink = PadRef::adopt(gst_element_get_static_pad(encoder.get(), "sink"));
    if (!m_chamberPad || !m_encoderSink)
        return makeError(
            ErrorCode::Internal, QStringLiteral("the programme's selector has no input"));
    g_object_set(m_selector.get(), "active-pad", m_chamberPad.get(), nullptr);
    PadRef selected = PadRef::adopt(gst_element_get_static_pad(m_selector.get(), "src"));
    gst_pad_add_probe(selected.get(),
        GstPadProbeType(GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM),
        &FloorSwitch::onSelected, this, nullptr);
    m_timer.start();
    return success();
}

// What leaves the selector is stamped with the programme's running time as it leaves, on one
// plain segment: the chamber's camera and a bridge's decoded return (jitter-buffer time, a
// latency behind) then make one monotonic stream for the one encoder, and a keyframe
// requested for "now" lands on the first frame of the new source.
GstPadProbeReturn FloorSwitch::onSelected(GstPad *, GstPadProbeInfo *info, gpointer self)
{
    auto *floor = static_cast<FloorSwitch *>(self);
    if (GST_PAD_PROBE_INFO_TYPE(info) & GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM) {
        GstEvent *event = GST_PAD_PROBE_INFO_EVENT(info);
        if (GST_EVENT_TYPE(event) != GST_EVENT_SEGMENT)
            return GST_PAD_PROBE_OK;
        GstSegment plain;
        gst_segment_init(&plain, GST_FORMAT_TIME);
        GstEvent *replacement = gst_event_new_segment(&plain);
        gst_event_set_seqnum(replacement, gst_event_get_seqnum(event));
        gst_event_unref(event);
        GST_PAD_PROBE_INFO_DATA(info) = replacement;
        return GST_PAD_PROBE_OK;
    }
    GstClockTime now = runningTimeNow(floor->m_pipeline);
    if (now == GST_CLOCK_TIME_NONE)
        return GST_PAD_PROBE_OK;
    const quint64 last = floor->m_lastSelectedPts.load();
    if (now <= last)
        now = last + 1;
    floor->m_lastSelectedPts = now;
    GstBuffer *buffer = gst_buffer_make_writable(GST_PAD_PROBE_INFO_BUFFER(info));
    GST_BUFFER_PTS(buffer) = now;
    GST_BUFFER_DTS(buffer) = GST_CLOCK_TIME_NONE;
    GST_PAD_PROBE_INFO_DATA(info) = buffer;
    return GST_PAD_PROBE_OK;
}

Status FloorSwitch::acceptOffer(const QString &peer, const QString &sdp)
{
    auto offer = parseSessionDescription(GST_WEBRTC_SDP_TYPE_OFFER, sdp);
    if (!offer)
        return offer.error();
    if (!offersH264Video((*offer)->sdp))
        return makeError(ErrorCode::BadField,
            QStringLiteral("a return offer must send H.264 video"), QStringLiteral("sdp"));
    if (!m_returns.contains(peer) && m_returns.size() >= kMaxReturns)
        return makeError(ErrorCode::Unavailable,
            QStringLiteral("already receiving %1 returns (the limit)").arg(kMaxReturns));
    if (m_returns.contains(peer)) {
        qCInfo(lcMedia).noquote() << "return of" << peer << "replaced by a new offer";
        removeReturn(peer);
    }
    ReturnTargets targets {
        m_pipeline, m_selector.get(), m_mixer.get(), m_config.width, m_config.height, m_config.fps};
    auto *returnPeer = new ReturnPeer(peer, targets, m_config.webrtc, this);
    connect(returnPeer, &ReturnPeer::outgoing, this, &FloorSwitch::outgoing);
    m_returns.insert(peer, returnPeer);
    if (auto started = returnPeer->start(std::move(offer).value()); !started) {
        removeReturn(peer);
        return started;
    }
    evaluate();
    return success();
}

Status FloorSwitch::addCandidate(const QString &peer, int mline, const QString &candidate)
{
    ReturnPeer *returnPeer = m_returns.value(peer);
    if (!returnPeer)
        return makeError(ErrorCode::NotFound, QStringLiteral("no return from %1").arg(peer),
            QStringLiteral("peer"));
    return returnPeer->addRemoteCandidate(mline, candidate);
}

Status FloorSwitch::setFloor(const QString &peer, int chamberAudio)
{
    if (chamberAudio < 0 || chamberAudio > 100)
        return makeError(ErrorCode::BadField, QStringLiteral("chamberAudio must be from 0 to 100"),
            QStringLiteral("chamberAudio"));
    if (peer != m_floorPeer) {
        qCInfo(lcMedia).noquote() << "floor:"
                                  << (peer.isEmpty() ? QStringLiteral("the chamber") : peer);
        m_floorSinceNs = monotonicNs();
    }
    m_floorPeer = peer;
    m_chamberAudio = chamberAudio;
    evaluate();
    // A new level for the bridge already on air.
    if (!m_shown.isEmpty())
        g_object_set(m_chamberVolume.get(), "volume", m_chamberAudio / 100.0, nullptr);
    return success();
}

void FloorSwitch::evaluate()
{
    ReturnPeer *holder = m_returns.value(m_floorPeer);
    if (holder)
        holder->setDecoding(true);
    const qint64 now = monotonicNs();
    const auto flowing = [&](const ReturnPeer *peer) {
        const qint64 last = peer ? peer->lastDecodedNs() : 0;
        return last != 0 && now - last < m_stallNs;
    };
    QString wanted = flowing(holder) ? m_floorPeer : QString();
    // From one bridge to the next: the one on air stays until the next one's first frame
    // (a keyframe away), instead of a flash of the chamber in between.
    ReturnPeer *current = m_returns.value(m_shown);
    if (wanted.isEmpty() && holder && current && current != holder
        && now - m_floorSinceNs < kHandOverNs && flowing(current))
        wanted = m_shown;
    if (wanted != m_shown) {
        if (!m_shown.isEmpty() && m_shown == m_floorPeer) {
            qCWarning(lcMedia).noquote()
                << "the return of" << m_shown << "stalled or left: the programme shows the chamber";
            emit outgoing(SignalMessage::failure(m_shown,
                makeError(ErrorCode::Unavailable,
                    QStringLiteral("the return of %1 stopped; the programme shows the chamber's "
                                   "sources until it comes back")
                        .arg(m_shown),
                    QStringLiteral("floor"))));
        }
        show(wanted);
    }
    // After the switch, never before: nothing shown loses its decoder.
    ReturnPeer *onAir = m_returns.value(m_shown);
    for (ReturnPeer *peer : std::as_const(m_returns)) {
        if (peer != holder && peer != onAir)
            peer->setDecoding(false);
    }
}

void FloorSwitch::show(const QString &peer)
{
    ReturnPeer *shown = m_returns.value(peer);
    GstPad *pad = shown && shown->selectorPad() ? shown->selectorPad() : m_chamberPad.get();
    g_object_set(m_selector.get(), "active-pad", pad, nullptr);
    for (ReturnPeer *other : std::as_const(m_returns)) {
        if (GstPad *mixerPad = other->mixerPad())
            g_object_set(mixerPad, "mute", gboolean(other != shown), nullptr);
    }
    g_object_set(m_chamberVolume.get(), "volume", shown ? m_chamberAudio / 100.0 : 1.0, nullptr);
    m_shown = shown ? peer : QString();
    ++m_switches;
    requestSwitchKeyFrame();
    qCInfo(lcMedia).noquote() << "the programme shows"
                              << (m_shown.isEmpty() ? QStringLiteral("the chamber")
                                                    : QStringLiteral("the return of ") + m_shown);
    emit shownChanged(m_shown);
}

void FloorSwitch::requestSwitchKeyFrame()
{
    // Downstream, for the running time of the switch: the encoder keys the first frame stamped
    // at or after it (the new source's), not a chamber frame still queued before it.
    const GstClockTime now = runningTimeNow(m_pipeline);
    gst_pad_send_event(m_encoderSink.get(),
        gst_video_event_new_downstream_force_key_unit(
            GST_CLOCK_TIME_NONE, GST_CLOCK_TIME_NONE, now, TRUE, 0));
}

void FloorSwitch::removeReturn(const QString &peer)
{
    ReturnPeer *returnPeer = m_returns.value(peer);
    if (!returnPeer)
        return;
    if (m_shown == peer) {
        qCWarning(lcMedia).noquote()
            << "the return of" << peer << "left: the programme shows the chamber";
        show(QString());
    }
    m_returns.remove(peer);
    returnPeer->stop();
    returnPeer->deleteLater();
}

void FloorSwitch::peerRemoved(const QString &peer)
{
    removeReturn(peer);
    if (m_floorPeer == peer) {
        qCInfo(lcMedia).noquote() << "floor:" << peer << "left; the chamber";
        m_floorPeer.clear();
    }
}

bool FloorSwitch::handleError(const QStringList &elementNames, const Error &error)
{
    for (auto it = m_returns.begin(); it != m_returns.end(); ++it) {
        const QString prefix = it.value()->elementPrefix();
        const bool ours = std::any_of(elementNames.begin(), elementNames.end(),
            [&](const QString &name) { return name == prefix || name.startsWith(prefix + u'-'); });
        if (!ours)
            continue;
        const QString peer = it.key();
        qCWarning(lcMedia).noquote() << "return of" << peer << "failed:" << error.message;
        emit outgoing(SignalMessage::failure(peer, error));
        removeReturn(peer);
        return true;
    }
    return false;
}

QStringList FloorSwitch::returns() const
{
    QStringList peers = m_returns.keys();
    peers.sort();
    return peers;
}

QString FloorSwitch::returnState(const QString &peer) const
{
    const ReturnPeer *returnPeer = m_returns.value(peer);
    return returnPeer ? returnPeer->state() : QString();
}

} // namespace chamber::media

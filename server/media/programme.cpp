#include "media/programme.h"

#include "media/floorswitch.h"
#include "media/gstsupport.h"
#include "media/recorder.h"
#include "media/senderpeer.h"

#include <gst/video/video.h>

#include <QSet>

namespace chamber::media {

namespace {
// Bridges joining together, or many seeing the same loss, each send a PLI; one keyframe
// serves them all, and keyframes are expensive at this bitrate.
constexpr qint64 kKeyFrameCoalesceNs = 300 * GST_MSECOND;
} // namespace

ProgrammeSender::ProgrammeSender(ProgrammeConfig config)
    : m_config(std::move(config))
{ }

Result<std::unique_ptr<ProgrammeSender>> ProgrammeSender::create(const ProgrammeConfig &config)
{
    if (auto valid = config.validate(); !valid)
        return valid.error();
    if (auto present = requireElements(config.requiredElements()); !present)
        return present.error();
    std::unique_ptr<ProgrammeSender> sender(new ProgrammeSender(config));
    if (auto started = sender->start(); !started)
        return started.error();
    return sender;
}

ProgrammeSender::~ProgrammeSender()
{
    // The whole pipeline stops first, joining every streaming thread, so no probe or
    // webrtcbin callback (a pending removal's IDLE probe among them) can reach a deleted peer;
    // what they posted to this thread is dropped with the peers.
    m_bus.reset();
    if (m_pipeline)
        gst_element_set_state(m_pipeline.get(), GST_STATE_NULL);
    for (SenderPeer *peer : std::as_const(m_peers))
        delete peer;
    m_peers.clear();
    delete m_floor;
    m_floor = nullptr;
    delete m_recorder;
    m_recorder = nullptr;
    m_encoderSrc.reset();
}

Status ProgrammeSender::start()
{
    GError *error = nullptr;
    const QString description = m_config.pipelineDescription();
    GstElement *pipeline = gst_parse_launch(description.toUtf8().constData(), &error);
    if (error) {
        const QString text = QString::fromUtf8(error->message);
        g_error_free(error);
        if (pipeline)
            gst_object_unref(gst_object_ref_sink(pipeline));
        return makeError(ErrorCode::Invalid, QStringLiteral("programme pipeline: ") + text);
    }
    m_pipeline = ElementRef::adopt(pipeline);
    m_videoTee = ElementRef::adopt(gst_bin_get_by_name(GST_BIN(pipeline), "video-tee"));
    m_audioTee = ElementRef::adopt(gst_bin_get_by_name(GST_BIN(pipeline), "audio-tee"));
    ElementRef encoder
        = ElementRef::adopt(gst_bin_get_by_name(GST_BIN(pipeline), "programme-encoder"));
    if (!m_videoTee || !m_audioTee || !encoder)
        return makeError(ErrorCode::Internal, QStringLiteral("programme pipeline lacks its tees"));
    // Keyframe requests travel upstream from each webrtcbin (PLI/FIR from its RTCP) through the
    // tee and the payloader to the encoder's source pad, where they are counted and coalesced.
    m_encoderSrc = PadRef::adopt(gst_element_get_static_pad(encoder.get(), "src"));
    gst_pad_add_probe(m_encoderSrc.get(), GST_PAD_PROBE_TYPE_EVENT_UPSTREAM,
        &ProgrammeSender::onEncoderUpstreamEvent, this, nullptr);

    m_floor = new FloorSwitch(pipeline, m_config, this);
    connect(m_floor, &FloorSwitch::outgoing, this, &ProgrammeSender::outgoing);
    if (auto attached = m_floor->attach(); !attached)
        return attached;

    m_bus = std::make_unique<BusWatch>(pipeline);
    connect(m_bus.get(), &BusWatch::errorOccurred, this, &ProgrammeSender::onPipelineError);
    if (gst_element_set_state(pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
        return makeError(ErrorCode::Unavailable,
            QStringLiteral("the programme pipeline did not start (source busy or missing?)"));
    return success();
}

void ProgrammeSender::onPipelineError(const Error &error)
{
    // An error inside one bridge's webrtcbin (DTLS, ICE, a socket) ends that bridge only: it is
    // told and removed, the controller may add it again. Anything else is the programme's.
    // The path reads "/GstPipeline:pipeline0/GstWebRTCBin:peer-b-1/…": type:name segments.
    const QString path = error.details.isEmpty() ? QString() : error.details.first().toString();
    QStringList names;
    for (const QString &segment : path.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        names << segment.section(QLatin1Char(':'), -1);
    if (m_floor && m_floor->handleError(names, error))
        return;
    // A recording's failure is that recording's (a record-error), never the programme's.
    if (m_recorder && m_recorder->handleError(names, error))
        return;
    for (auto it = m_peers.begin(); it != m_peers.end(); ++it) {
        GstElement *webrtc = it.value()->webrtcbin();
        if (!webrtc || m_removing.contains(it.key())
            || !names.contains(QString::fromUtf8(GST_ELEMENT_NAME(webrtc))))
            continue;
        const QString id = it.key();
        qCWarning(lcMedia).noquote() << "peer" << id << "failed:" << error.message;
        emit outgoing(SignalMessage::failure(id, error));
        (void)removePeer(id);
        return;
    }
    qCWarning(lcMedia).noquote() << "programme pipeline error:" << error.message;
    emit pipelineFailed(error);
}

GstPadProbeReturn ProgrammeSender::onEncoderUpstreamEvent(
    GstPad *, GstPadProbeInfo *info, gpointer self)
{
    auto *sender = static_cast<ProgrammeSender *>(self);
    GstEvent *event = GST_PAD_PROBE_INFO_EVENT(info);
    if (!gst_video_event_is_force_key_unit(event))
        return GST_PAD_PROBE_OK;
    const qint64 now = monotonicNs();
    qint64 last = sender->m_lastKeyFrameNs.load();
    if (last != 0 && now - last < kKeyFrameCoalesceNs) {
        ++sender->m_keyFramesCoalesced;
        return GST_PAD_PROBE_DROP;
    }
    sender->m_lastKeyFrameNs = now;
    ++sender->m_keyFramesForced;
    return GST_PAD_PROBE_OK;
}

void ProgrammeSender::requestKeyFrame()
{
    gst_pad_send_event(m_encoderSrc.get(),
        gst_video_event_new_upstream_force_key_unit(GST_CLOCK_TIME_NONE, TRUE, 0));
}

Status ProgrammeSender::handle(const SignalMessage &message)
{
    switch (message.type) {
    case SignalType::AddPeer:
        return addPeer(message.peer);
    case SignalType::RemovePeer:
        return removePeer(message.peer);
    case SignalType::Answer:
    case SignalType::Candidate: {
        SenderPeer *peer = m_peers.value(message.peer);
        if (!peer || m_removing.contains(message.peer))
            return makeError(ErrorCode::NotFound, QStringLiteral("no peer %1").arg(message.peer),
                QStringLiteral("peer"));
        if (message.type == SignalType::Answer)
            return peer->applyAnswer(message.sdp);
        return peer->addRemoteCandidate(message.mline, message.candidate);
    }
    case SignalType::ReturnOffer:
    case SignalType::ReturnCandidate:
        // A return belongs to a bridge that receives the programme, so remove-peer ends both.
        if (!knowsPeer(message.peer))
            return makeError(ErrorCode::NotFound, QStringLiteral("no peer %1").arg(message.peer),
                QStringLiteral("peer"));
        if (message.type == SignalType::ReturnOffer)
            return m_floor->acceptOffer(message.peer, message.sdp);
        return m_floor->addCandidate(message.peer, message.mline, message.candidate);
    case SignalType::RecordStart:
    case SignalType::RecordStop:
        if (!m_recorder)
            return makeError(ErrorCode::Unavailable,
                QStringLiteral("recording is off (chamber-media runs without --recordings)"),
                QStringLiteral("recording"));
        if (message.type == SignalType::RecordStart)
            return m_recorder->start(message.recording);
        return m_recorder->stop(message.recording);
    case SignalType::Floor:
        if (!message.peer.isEmpty() && !knowsPeer(message.peer))
            return makeError(ErrorCode::NotFound, QStringLiteral("no peer %1").arg(message.peer),
                QStringLiteral("peer"));
        return m_floor->setFloor(message.peer, message.chamberAudio);
    default:
        return makeError(ErrorCode::UnknownType,
            QStringLiteral("the programme sender does not take %1 messages")
                .arg(signalTypeName(message.type)),
            QStringLiteral("type"));
    }
}

Status ProgrammeSender::addPeer(const QString &id)
{
    if (!isValidPeerId(id))
        return makeError(
            ErrorCode::BadField, QStringLiteral("bad peer id"), QStringLiteral("peer"));
    if (m_peers.contains(id))
        return makeError(ErrorCode::Conflict, QStringLiteral("peer %1 exists already").arg(id),
            QStringLiteral("peer"));
    if (m_peers.size() >= m_maxPeers)
        return makeError(ErrorCode::Unavailable,
            QStringLiteral("already sending to %1 peers (the limit)").arg(m_maxPeers));
    auto *peer = new SenderPeer(
        id, m_pipeline.get(), m_videoTee.get(), m_audioTee.get(), m_config.webrtc, this);
    connect(peer, &SenderPeer::outgoing, this, &ProgrammeSender::outgoing);
    m_peers.insert(id, peer);
    if (auto started = peer->start(); !started) {
        // Half-built branches leave the same way as whole ones.
        m_removing.insert(id);
        peer->remove([this, id] {
            m_removing.remove(id);
            if (SenderPeer *gone = m_peers.take(id))
                gone->deleteLater();
        });
        return started;
    }
    return success();
}

Status ProgrammeSender::removePeer(const QString &id)
{
    SenderPeer *peer = m_peers.value(id);
    if (!peer || m_removing.contains(id))
        return makeError(
            ErrorCode::NotFound, QStringLiteral("no peer %1").arg(id), QStringLiteral("peer"));
    m_removing.insert(id);
    // Its return goes with it (and the floor falls back to the chamber if it was on air).
    m_floor->peerRemoved(id);
    peer->remove([this, id] {
        m_removing.remove(id);
        if (SenderPeer *gone = m_peers.take(id))
            gone->deleteLater();
        emit outgoing(SignalMessage::peerRemoved(id));
    });
    return success();
}

Status ProgrammeSender::enableRecording(const QString &directory)
{
    if (m_recorder)
        return makeError(ErrorCode::Conflict, QStringLiteral("recording is on already"));
    ElementRef tee
        = ElementRef::adopt(gst_bin_get_by_name(GST_BIN(m_pipeline.get()), "programme-audio-raw"));
    if (!tee)
        return makeError(
            ErrorCode::Internal, QStringLiteral("the programme has no raw audio tee to record"));
    auto *recorder = new ProgrammeRecorder(m_pipeline.get(), tee.get(), directory, this);
    connect(recorder, &ProgrammeRecorder::outgoing, this, &ProgrammeSender::outgoing);
    if (auto opened = recorder->open(); !opened) {
        delete recorder;
        return opened;
    }
    m_recorder = recorder;
    return success();
}

bool ProgrammeSender::knowsPeer(const QString &peer) const
{
    if (m_peers.contains(peer) && !m_removing.contains(peer))
        return true;
    return m_servedElsewhere && m_servedElsewhere(peer);
}

QStringList ProgrammeSender::peers() const
{
    QStringList ids;
    for (auto it = m_peers.begin(); it != m_peers.end(); ++it) {
        if (!m_removing.contains(it.key()))
            ids << it.key();
    }
    ids.sort();
    return ids;
}

QString ProgrammeSender::peerState(const QString &id) const
{
    const SenderPeer *peer = m_peers.value(id);
    return peer ? peer->state() : QString();
}

} // namespace chamber::media

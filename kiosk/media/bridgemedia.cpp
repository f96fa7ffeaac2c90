#include "bridgemedia.h"

#include "kioskmedialink.h"
#include "kioskstate.h"
#include "media/gstsupport.h"

namespace chamber::kiosk {

using media::SignalMessage;
using media::SignalType;

namespace {
constexpr int kFirstRejoinMs = 1000;
constexpr int kMaxRejoinMs = 30000;
std::optional<media::ReturnSenderConfig> g_defaultReturn;
// The chamber's sound: autoaudiosink, or a fakesink where no loudspeaker works.
constexpr const char *kLoudspeaker = "autoaudiosink";
constexpr const char *kNoLoudspeaker = "fakesink";
} // namespace

void BridgeMedia::setDefaultReturnConfig(std::optional<media::ReturnSenderConfig> config)
{
    g_defaultReturn = std::move(config);
}

QStringList BridgeMedia::elementCatalog()
{
    QStringList elements = media::MediaReceiver::requiredElements() + media::returnElementCatalog()
        + VideoSurface::requiredElements();
    elements << QString::fromLatin1(kLoudspeaker) << QString::fromLatin1(kNoLoudspeaker);
    elements.removeDuplicates();
    elements.sort();
    return elements;
}

BridgeMedia::BridgeMedia(QObject *parent)
    : QObject(parent)
    , m_returnConfig(g_defaultReturn)
{
    m_rejoinTimer.setSingleShot(true);
    connect(&m_rejoinTimer, &QTimer::timeout, this, [this] {
        m_joined = false;
        update();
    });
    m_returnRetryTimer.setSingleShot(true);
    m_returnRetryTimer.setInterval(5000);
    connect(&m_returnRetryTimer, &QTimer::timeout, this, [this] {
        if (!m_return && m_receiver && m_receiver->connectionState() == QLatin1String("connected"))
            startReturn();
    });
    m_statsTimer.setInterval(500);
    connect(&m_statsTimer, &QTimer::timeout, this, &BridgeMedia::refreshStats);
}

BridgeMedia::~BridgeMedia()
{
    // The pipelines stop (and their streaming threads end) before anything they use.
    m_return.reset();
    m_receiver.reset();
}

void BridgeMedia::setReturnConfig(std::optional<media::ReturnSenderConfig> config)
{
    m_returnConfig = std::move(config);
}

void BridgeMedia::componentComplete()
{
    m_complete = true;
    if (!m_link) {
        m_ownLink = std::make_unique<KioskMediaLink>(KioskState::instance());
        setLink(m_ownLink.get());
    }
    update();
}

void BridgeMedia::setLink(MediaLink *link)
{
    if (m_link)
        m_link->disconnect(this);
    m_link = link;
    if (!m_link)
        return;
    connect(m_link, &MediaLink::onlineChanged, this, &BridgeMedia::update);
    connect(m_link, &MediaLink::received, this, &BridgeMedia::onReceived);
    connect(m_link, &MediaLink::floorChanged, this, [this](const QString &peer) {
        if (peer == m_floorPeer)
            return;
        m_floorPeer = peer;
        emit floorChanged();
    });
    connect(m_link, &MediaLink::serviceStateChanged, this, [this](const QString &state) {
        m_serviceState = state;
        // The old process and with it this bridge's connection are gone; its offer will come.
        if (state != QLatin1String("running"))
            dropReceiver();
        if (state == QLatin1String("running") && m_failed) {
            // chamber-media is back: chamberd re-adds joined peers, but a bridge that gave up
            // waiting asks again now rather than at the end of its back-off.
            m_rejoinDelayMs = 0;
            scheduleRejoin();
        }
        refreshStatus();
    });
    connect(m_link, &MediaLink::refused, this, [this](const QString &code, const QString &message) {
        // A server without media (or whose chamber-media is not there) says so on join.
        if (code == QLatin1String("unknown_type") || code == QLatin1String("unavailable"))
            m_serviceState = QStringLiteral("unavailable");
        failed(QStringLiteral("%1: %2").arg(code, message));
    });
    emit activeChanged();
    update();
}

void BridgeMedia::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    emit activeChanged();
    update();
}

void BridgeMedia::setProgrammeSurface(VideoSurface *surface)
{
    if (surface == m_programmeSurface)
        return;
    m_programmeSurface = surface;
    emit surfacesChanged();
}

void BridgeMedia::setPreviewSurface(VideoSurface *surface)
{
    if (surface == m_previewSurface)
        return;
    m_previewSurface = surface;
    emit surfacesChanged();
}

void BridgeMedia::setMuted(bool muted)
{
    if (muted == m_muted)
        return;
    m_muted = muted;
    if (m_return)
        m_return->setMicrophoneMuted(muted);
    emit sendingChanged();
}

void BridgeMedia::setCameraOff(bool off)
{
    if (off == m_cameraOff)
        return;
    m_cameraOff = off;
    if (m_return)
        m_return->setCameraOff(off);
    emit sendingChanged();
}

// Joins when active and online; leaves (and stops receiving) otherwise.
void BridgeMedia::update()
{
    const bool wanted = m_complete && m_active && m_link && m_link->isOnline();
    if (wanted && !m_joined && !m_rejoinTimer.isActive()) {
        m_joined = true;
        m_failed = false;
        m_link->join();
    } else if (!wanted && m_joined) {
        m_joined = false;
        m_rejoinTimer.stop();
        if (m_link && m_link->isOnline())
            m_link->leave();
        dropReceiver();
    }
    if (!wanted && m_receiver)
        dropReceiver();
    refreshStatus();
}

void BridgeMedia::onReceived(const SignalMessage &message)
{
    if (!m_joined || message.peer != peer())
        return;
    switch (message.type) {
    case SignalType::Offer:
        startReceiver(message);
        break;
    case SignalType::Candidate:
        if (m_receiver) {
            if (auto handled = m_receiver->handle(message); !handled)
                qCWarning(media::lcMedia).noquote()
                    << "candidate refused:" << handled.error().message;
        }
        break;
    case SignalType::PeerState:
    case SignalType::PeerRemoved:
    case SignalType::Error:
        // News of a connection this bridge no longer has (the one a rejoin replaces) is old.
        if (!m_receiver)
            break;
        if (message.type == SignalType::PeerRemoved)
            failed(QStringLiteral("chamber-media removed this bridge"));
        else if (message.type == SignalType::Error)
            onPeerError(message.error.message);
        else if (message.state == QLatin1String("failed"))
            failed(QStringLiteral("chamber-media lost this bridge's connection"));
        break;
    case SignalType::ReturnAnswer:
    case SignalType::ReturnCandidate:
    case SignalType::ReturnState:
        if (m_return) {
            if (auto handled = m_return->handle(message); !handled)
                qCWarning(media::lcMedia).noquote()
                    << "return signal refused:" << handled.error().message;
        }
        break;
    default:
        break;
    }
}

void BridgeMedia::startReceiver(const SignalMessage &offer)
{
    // A new offer (first join, rejoin, chamber-media restarted) replaces the old connection.
    dropReceiver();
    media::initGStreamer();
    media::ReceiverConfig config = m_receiverConfig;
    // The sink is made here on the Qt thread and only handed over on the streaming thread
    // where the receiver asks for it.
    media::ElementRef sink;
    if (m_programmeSurface && m_programmeSurface->available()) {
        auto made = m_programmeSurface->createSink();
        if (made)
            sink = made.value();
        else
            qCWarning(media::lcMedia).noquote() << made.error().message;
    }
    if (sink) {
        config.videoSinkFactory = [sink]() -> Result<media::ElementRef> { return sink; };
    } else {
        // No picture can be shown here: keep the connection (status, sound) without decoding.
        config.decodeVideo = false;
    }
    // The chamber's sound on this device's loudspeaker. autoaudiosink picks what works
    // (PulseAudio, ALSA) and falls back to a fakesink on a machine without sound, so a missing
    // loudspeaker never costs the picture.
    config.audioSinkFactory = []() -> Result<media::ElementRef> {
        auto sink = media::makeElement(kLoudspeaker, QStringLiteral("audio-sink"));
        if (!sink)
            sink = media::makeElement(kNoLoudspeaker, QStringLiteral("audio-sink"));
        return sink;
    };
    auto receiver = media::MediaReceiver::create(peer(), config);
    if (!receiver) {
        failed(receiver.error().message);
        return;
    }
    m_receiver = std::move(receiver).value();
    connect(m_receiver.get(), &media::MediaReceiver::outgoing, this,
        [this](const SignalMessage &message) {
            if (m_link)
                m_link->send(message);
        });
    connect(m_receiver.get(), &media::MediaReceiver::connectionStateChanged, this,
        [this](const QString &state) {
            if (state == QLatin1String("failed"))
                return failed(QStringLiteral("the programme's connection failed"));
            if (state == QLatin1String("connected")) {
                m_rejoinDelayMs = 0;
                // The return is offered once the programme's connection stands (after every
                // new one: a restarted chamber-media knows nothing of the old return).
                if (!m_return)
                    startReturn();
            }
            refreshStatus();
        });
    connect(m_receiver.get(), &media::MediaReceiver::stalled, this, &BridgeMedia::refreshStatus);
    connect(m_receiver.get(), &media::MediaReceiver::resumed, this, &BridgeMedia::refreshStatus);
    connect(m_receiver.get(), &media::MediaReceiver::failed, this,
        [this](const Error &error) { failed(error.message); });
    if (auto handled = m_receiver->handle(offer); !handled) {
        failed(handled.error().message);
        return;
    }
    m_statsTimer.start();
    refreshStatus();
}

void BridgeMedia::dropReceiver()
{
    dropReturn();
    m_statsTimer.stop();
    // Later, not inside one of the receiver's own signals.
    if (m_receiver)
        m_receiver.release()->deleteLater();
    m_frames = 0;
    m_videoSize = {};
    emit statsChanged();
}

void BridgeMedia::failed(const QString &problem)
{
    qCWarning(media::lcMedia).noquote() << "bridge media:" << problem;
    m_problem = problem;
    m_failed = true;
    dropReceiver();
    scheduleRejoin();
    refreshStatus();
}

void BridgeMedia::scheduleRejoin()
{
    if (!m_active)
        return;
    m_rejoinDelayMs
        = m_rejoinDelayMs == 0 ? kFirstRejoinMs : std::min(kMaxRejoinMs, m_rejoinDelayMs * 2);
    m_rejoinTimer.start(m_rejoinDelayMs);
}

void BridgeMedia::refreshStatus()
{
    QString status;
    if (!m_active)
        status = QStringLiteral("off");
    else if (!m_link || !m_link->isOnline())
        status = QStringLiteral("offline");
    else if (m_serviceState == QLatin1String("unavailable")
        || m_serviceState == QLatin1String("off"))
        status = QStringLiteral("unavailable");
    else if (m_serviceState == QLatin1String("restarting"))
        status = QStringLiteral("restarting");
    else if (m_failed)
        status = QStringLiteral("failed");
    else if (m_receiver && m_receiver->connectionState() == QLatin1String("connected"))
        status = m_receiver->isStalled() ? QStringLiteral("stalled") : QStringLiteral("receiving");
    else if (m_receiver && m_receiver->connectionState() == QLatin1String("disconnected"))
        status = QStringLiteral("stalled");
    else
        status = QStringLiteral("connecting");
    if (status == m_status)
        return;
    qCInfo(media::lcMedia).noquote() << "bridge media:" << m_status << "->" << status;
    m_status = status;
    emit statusChanged();
}

void BridgeMedia::refreshStats()
{
    if (!m_receiver)
        return;
    const media::ReceiverStats stats = m_receiver->stats();
    if (stats.videoFrames == m_frames && stats.videoSize == m_videoSize)
        return;
    m_frames = stats.videoFrames;
    m_videoSize = stats.videoSize;
    emit statsChanged();
    refreshStatus();
}

} // namespace chamber::kiosk

namespace chamber::kiosk {

void BridgeMedia::setSendBack(bool send)
{
    if (send == m_sendBack)
        return;
    m_sendBack = send;
    if (!send) {
        m_return.reset();
        setSendStatus(QStringLiteral("off"));
    }
    emit sendingChanged();
}

void BridgeMedia::startReturn()
{
    if (!m_sendBack)
        return setSendStatus(QStringLiteral("off"));
    if (!m_returnConfig)
        return setSendStatus(QStringLiteral("unavailable"));
    media::ReturnSenderConfig config = *m_returnConfig;
    if (m_previewSurface && m_previewSurface->available()) {
        QPointer<VideoSurface> surface = m_previewSurface;
        config.previewSinkFactory = [surface]() -> Result<media::ElementRef> {
            if (!surface)
                return makeError(ErrorCode::Unavailable, QStringLiteral("no preview surface"));
            return surface->createSink();
        };
    }
    auto sender = media::ReturnSender::create(peer(), config);
    if (!sender) {
        qCWarning(media::lcMedia).noquote() << "no return:" << sender.error().message;
        return setSendStatus(QStringLiteral("unavailable"));
    }
    m_return = std::move(sender).value();
    m_return->setMicrophoneMuted(m_muted);
    m_return->setCameraOff(m_cameraOff);
    connect(
        m_return.get(), &media::ReturnSender::outgoing, this, [this](const SignalMessage &message) {
            if (m_link)
                m_link->send(message);
        });
    connect(m_return.get(), &media::ReturnSender::connectionStateChanged, this,
        [this](const QString &state) {
            setSendStatus(state == QLatin1String("connected") ? QStringLiteral("sending")
                    : state == QLatin1String("failed")        ? QStringLiteral("failed")
                                                              : QStringLiteral("connecting"));
        });
    connect(m_return.get(), &media::ReturnSender::failed, this, [this](const Error &error) {
        qCWarning(media::lcMedia).noquote() << "return failed:" << error.message;
        // Only the return goes; the programme keeps playing; it is offered again later.
        if (m_return)
            m_return.release()->deleteLater();
        setSendStatus(QStringLiteral("failed"));
        m_returnRetryTimer.start();
    });
    setSendStatus(QStringLiteral("connecting"));
}

// chamber-media ends a failed programme branch with peer-removed, which rejoins; an error
// while the programme still plays is the return's (its branch is gone there): only the
// return goes, and is offered again a little later.
void BridgeMedia::onPeerError(const QString &message)
{
    qCWarning(media::lcMedia).noquote() << "chamber-media:" << message;
    m_problem = message;
    if (!m_return)
        return;
    m_return.release()->deleteLater();
    setSendStatus(QStringLiteral("failed"));
    m_returnRetryTimer.start();
}

void BridgeMedia::dropReturn()
{
    m_returnRetryTimer.stop();
    if (m_return)
        m_return.release()->deleteLater();
    setSendStatus(QStringLiteral("off"));
}

void BridgeMedia::setSendStatus(const QString &status)
{
    if (status == m_sendStatus)
        return;
    m_sendStatus = status;
    emit sendingChanged();
}

} // namespace chamber::kiosk

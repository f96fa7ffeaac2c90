#include "speakingstate.h"

#include <QJsonObject>

namespace chamber::kiosk {

namespace {
const QLatin1String kDelegateField("delegate");
const QLatin1String kBridgeField("bridge");
} // namespace

SpeakingState::SpeakingState(QObject *parent)
    : QObject(parent)
{
    // Four times a second: the displayed second changes within a quarter second of the true
    // one on every screen.
    m_clock.setInterval(250);
    connect(&m_clock, &QTimer::timeout, this, &SpeakingState::updateClock);
}

void SpeakingState::attach(
    const core::MeetingState *meeting, const DeviceIdentity *identity, Sender sender)
{
    m_meeting = meeting;
    m_identity = identity;
    m_send = std::move(sender);
}

void SpeakingState::setClockOffset(qint64 milliseconds)
{
    m_clockOffsetMs = milliseconds;
    updateClock();
}

void SpeakingState::setPendingCommands(const QList<Outbox::Entry> &pending)
{
    bool sending = false;
    for (const Outbox::Entry &entry : pending) {
        const QString type = entry.command.value(QLatin1String("type")).toString();
        sending = sending || type == QLatin1String("speaker.request")
            || type == QLatin1String("speaker.withdraw");
    }
    if (sending == m_ownRequestSending)
        return;
    m_ownRequestSending = sending;
    emit changed();
}

void SpeakingState::refresh()
{
    if (floorTaken())
        m_clock.start();
    else
        m_clock.stop();
    emit changed();
    // The clock's texts depend on who speaks and the limit too, not only on the seconds.
    updateClock();
    emit tick();
}

void SpeakingState::updateClock()
{
    int elapsed = 0;
    if (m_meeting && floorTaken()) {
        const QDateTime since = QDateTime::fromString(m_meeting->speakers.since, Qt::ISODateWithMs);
        const QDateTime serverNow = QDateTime::currentDateTimeUtc().addMSecs(m_clockOffsetMs);
        if (since.isValid())
            elapsed = int(std::max<qint64>(0, since.msecsTo(serverNow)) / 1000);
    }
    if (elapsed == m_elapsedSeconds)
        return;
    m_elapsedSeconds = elapsed;
    emit tick();
}

QVariantList SpeakingState::queue() const
{
    QVariantList list;
    if (!m_meeting)
        return list;
    int position = 0;
    for (const core::Speaker &speaker : m_meeting->speakers.queue) {
        const bool site = speaker.isBridge();
        const core::Delegate *delegate = site ? nullptr : m_meeting->roster.find(speaker.id);
        list.append(QVariantMap {
            {QStringLiteral("key"),
                site ? QStringLiteral("site%1").arg(speaker.id) : QString::number(speaker.id)},
            {QStringLiteral("site"), site},
            {QStringLiteral("delegateId"), site ? 0 : int(speaker.id)},
            {QStringLiteral("bridgeId"), site ? int(speaker.id) : 0},
            {QStringLiteral("name"),
                site           ? siteName(speaker.id)
                    : delegate ? delegate->name
                               : QString()},
            {QStringLiteral("seat"), delegate ? delegate->seat : QString()},
            {QStringLiteral("position"), ++position}});
    }
    return list;
}

QString SpeakingState::siteName(qint64 bridgeId) const
{
    if (m_meeting) {
        const auto device = m_meeting->devices.find(bridgeId);
        if (device != m_meeting->devices.end() && !device->second.label.isEmpty())
            return device->second.label;
        if (device != m_meeting->devices.end() && !device->second.name.isEmpty())
            return device->second.name;
    }
    return tr("Remote site %1").arg(bridgeId);
}

QString SpeakingState::speakerName() const
{
    if (speakerIsSite())
        return siteName(speakerSiteId());
    const core::Delegate *delegate = m_meeting ? m_meeting->roster.find(speakerId()) : nullptr;
    return delegate ? delegate->name : QString();
}

QString SpeakingState::speakerSeat() const
{
    const core::Delegate *delegate = m_meeting ? m_meeting->roster.find(speakerId()) : nullptr;
    return delegate ? delegate->seat : QString();
}

QString SpeakingState::speakerGroup() const
{
    const core::Delegate *delegate = m_meeting ? m_meeting->roster.find(speakerId()) : nullptr;
    return delegate ? delegate->group : QString();
}

int SpeakingState::remainingSeconds() const
{
    return limitSeconds() > 0 ? limitSeconds() - m_elapsedSeconds : 0;
}

QString SpeakingState::formatDuration(int seconds) const
{
    seconds = std::abs(seconds);
    return QStringLiteral("%1:%2")
        .arg(seconds / 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString SpeakingState::clockText() const
{
    if (!floorTaken())
        return {};
    if (limitSeconds() <= 0)
        return formatDuration(m_elapsedSeconds);
    const int remaining = remainingSeconds();
    return remaining < 0 ? QStringLiteral("+") + formatDuration(remaining)
                         : formatDuration(remaining);
}

int SpeakingState::defaultLimitSeconds() const
{
    return m_meeting ? int(m_meeting->speakers.defaultLimitSeconds) : 0;
}

core::Speaker SpeakingState::ownSpeaker() const
{
    if (!m_identity)
        return {};
    if (m_identity->role == QLatin1String("bridge"))
        return core::Speaker::bridge(m_identity->device);
    return core::Speaker::delegate(m_identity->delegate);
}

int SpeakingState::ownPosition() const
{
    const core::Speaker own = ownSpeaker();
    if (!m_meeting || own.isNobody())
        return 0;
    return int(m_meeting->speakers.positionOf(own) + 1);
}

bool SpeakingState::ownHasFloor() const
{
    const core::Speaker own = ownSpeaker();
    return m_meeting && !own.isNobody() && m_meeting->speakers.current == own;
}

void SpeakingState::send(const char *type, QJsonObject fields)
{
    if (!m_send)
        return;
    fields.insert(QStringLiteral("type"), QString::fromLatin1(type));
    m_send(fields);
}

void SpeakingState::requestToSpeak()
{
    const core::Speaker own = ownSpeaker();
    if (!own.isNobody())
        send("speaker.request", {{own.field(), own.id}});
}

void SpeakingState::withdrawRequest()
{
    const core::Speaker own = ownSpeaker();
    if (!own.isNobody())
        send("speaker.withdraw", {{own.field(), own.id}});
}

void SpeakingState::grantFloor(int delegateId, int limitSeconds)
{
    QJsonObject fields;
    if (delegateId > 0)
        fields.insert(kDelegateField, delegateId);
    if (limitSeconds >= 0)
        fields.insert(QStringLiteral("limitSeconds"), limitSeconds);
    send("speaker.grant", fields);
}

void SpeakingState::grantSite(int bridgeId, int limitSeconds)
{
    if (bridgeId <= 0)
        return;
    QJsonObject fields {{kBridgeField, bridgeId}};
    if (limitSeconds >= 0)
        fields.insert(QStringLiteral("limitSeconds"), limitSeconds);
    send("speaker.grant", fields);
}

void SpeakingState::endSpeech()
{
    send("speaker.end");
}

void SpeakingState::removeSpeaker(int delegateId)
{
    if (delegateId > 0)
        send("speaker.withdraw", {{kDelegateField, delegateId}});
}

void SpeakingState::removeSite(int bridgeId)
{
    if (bridgeId > 0)
        send("speaker.withdraw", {{kBridgeField, bridgeId}});
}

void SpeakingState::moveSite(int bridgeId, int position)
{
    if (bridgeId > 0 && position >= 0)
        send("speaker.move", {{kBridgeField, bridgeId}, {QStringLiteral("position"), position}});
}

void SpeakingState::moveSpeaker(int delegateId, int position)
{
    if (delegateId > 0 && position >= 0)
        send(
            "speaker.move", {{kDelegateField, delegateId}, {QStringLiteral("position"), position}});
}

void SpeakingState::setSpeakingLimit(int seconds)
{
    if (seconds >= 0)
        send("speaker.setLimit", {{QStringLiteral("seconds"), seconds}});
}

} // namespace chamber::kiosk

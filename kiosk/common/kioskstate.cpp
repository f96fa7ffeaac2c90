#include "kioskstate.h"

#include "protocol/joinlink.h"
#include "support/privatefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QJSEngine>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QSysInfo>

namespace chamber::kiosk {

Q_LOGGING_CATEGORY(lcKiosk, "chamber.kiosk")

namespace {
KioskState *g_instance = nullptr;
const QLatin1String kMeeting("meeting");
} // namespace

KioskState::KioskState(QObject *parent)
    : QObject(parent)
{
    connect(&m_enroller, &Enroller::enrolled, this, [this](const DeviceIdentity &identity) {
        if (!m_paths.identity.isEmpty()) {
            if (auto saved = identity.save(m_paths.identity); !saved) {
                setPhase(QStringLiteral("join"), saved.error().message);
                return;
            }
        }
        qCInfo(lcKiosk).noquote() << "joined as" << identity.role << identity.label;
        startConnection(identity);
    });
    connect(&m_enroller, &Enroller::failed, this,
        [this](const QString &reason) { setPhase(QStringLiteral("join"), reason); });
    m_seatCodeTimer.setSingleShot(true);
    connect(&m_seatCodeTimer, &QTimer::timeout, this, &KioskState::requestSeatCode);
    const auto sender = [this](QJsonObject command) { return send(std::move(command)); };
    m_voting.attach(&m_meeting, &m_identity, sender);
    m_speaking.attach(&m_meeting, &m_identity, sender);
    m_documents.attach(&m_meeting, &m_identity, sender);
    m_conclusions.attach(&m_meeting, sender);
    // The state is kept for a restart without network; a burst of events is written once.
    m_saveStateTimer.setSingleShot(true);
    m_saveStateTimer.setInterval(1000);
    connect(&m_saveStateTimer, &QTimer::timeout, this, &KioskState::saveMeetingState);
    // Texts built in C++ (rules, verdicts) follow the language too.
    connect(this, &KioskState::languageChanged, &m_voting, &VotingState::refresh);
}

KioskState::~KioskState()
{
    if (m_saveStateTimer.isActive())
        saveMeetingState();
    if (g_instance == this)
        g_instance = nullptr;
}

void KioskState::setInstance(KioskState *state)
{
    g_instance = state;
}

KioskState *KioskState::create(QQmlEngine *, QJSEngine *)
{
    // The application owns the instance; QML must not delete it.
    QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
    return g_instance;
}

KioskState *KioskState::instance()
{
    return g_instance;
}

void KioskState::startLive(const Paths &paths)
{
    m_paths = paths;
    m_connection.reset();
    m_documents.setDownloader(nullptr, nullptr);
    m_downloader.reset();
    m_documentCache.reset();
    m_meeting = {};
    m_presence = {};
    m_seatCodeUrl.clear();
    refreshMeeting();
    auto identity = DeviceIdentity::load(paths.identity);
    if (!identity) {
        setPhase(QStringLiteral("join"));
        return;
    }
    startConnection(identity.value());
}

void KioskState::showStatic(const DeviceIdentity &identity, const core::MeetingState &meeting,
    const QJsonArray &presence, const QString &seatCodeUrl, const QString &seatCodeLabel)
{
    m_identity = identity;
    m_meeting = meeting;
    m_presence = presence;
    m_seatCodeUrl = seatCodeUrl;
    m_seatCodeLabel = seatCodeLabel;
    m_outbox = std::make_unique<Outbox>();
    m_ballots = std::make_unique<BallotStore>();
    m_voting.reset();
    m_voting.setBallotStore(m_ballots.get());
    refreshMeeting();
    emit seatCodeChanged();
    setPhase(QStringLiteral("running"));
}

void KioskState::setPhase(const QString &phase, const QString &problem)
{
    m_phase = phase;
    m_joinProblem = problem;
    emit phaseChanged();
}

void KioskState::startConnection(const DeviceIdentity &identity)
{
    m_identity = identity;
    m_outbox = std::make_unique<Outbox>(m_paths.outbox);
    if (auto loaded = m_outbox->load(); !loaded)
        qCWarning(lcKiosk).noquote() << loaded.error().message;
    const QString ballotsPath = m_paths.outbox.isEmpty()
        ? QString()
        : QFileInfo(m_paths.outbox).dir().filePath(QStringLiteral("ballots.json"));
    m_ballots = std::make_unique<BallotStore>(ballotsPath);
    if (auto loaded = m_ballots->load(); !loaded)
        qCWarning(lcKiosk).noquote() << loaded.error().message;
    else if (auto pruned = m_ballots->forgetOtherMeetings(identity.meeting); !pruned)
        qCWarning(lcKiosk).noquote() << pruned.error().message;
    m_voting.reset();
    m_voting.setBallotStore(m_ballots.get());
    m_voting.setPendingCommands(m_outbox->pending());
    m_speaking.setPendingCommands(m_outbox->pending());
    m_connection = std::make_unique<Connection>(identity, *m_outbox, m_connectionOptions);
    // What this device saw last, so the agenda and documents are there before the network.
    if (auto stored = support::readJsonFile(m_paths.meetingState); stored && stored.value()) {
        auto state = core::MeetingState::fromJson(stored.value()->object());
        if (state && state->id == identity.meeting) {
            m_meeting = state.value();
            m_connection->resumeFrom(state.value());
        }
    }
    startDocuments(identity);
    refreshMeeting();
    connect(m_connection.get(), &Connection::stateChanged, this, [this] {
        emit connectionChanged();
        if (m_connection->state() == Connection::State::Online) {
            requestSeatCode();
            if (m_downloader)
                m_downloader->retryNow();
        }
    });
    connect(m_connection.get(), &Connection::meetingChanged, this, [this] {
        const size_t devicesBefore = m_meeting.devices.size();
        m_meeting = m_connection->meeting();
        if (!m_paths.meetingState.isEmpty())
            m_saveStateTimer.start();
        refreshMeeting();
        // A seat just joined with the code on the tally screen: show the next one.
        if (m_meeting.devices.size() != devicesBefore)
            requestSeatCode();
    });
    connect(m_connection.get(), &Connection::presenceChanged, this, [this] {
        m_presence = m_connection->presence();
        m_devices.update(m_meeting, m_presence);
    });
    connect(m_connection.get(), &Connection::progressChanged, this, [this](qint64 poll) {
        if (const auto progress = m_connection->progress(poll))
            m_voting.setProgress(*progress);
    });
    connect(m_connection.get(), &Connection::clockOffsetChanged, this,
        [this] { m_speaking.setClockOffset(m_connection->clockOffsetMs()); });
    connect(m_connection.get(), &Connection::commandAnswered, this,
        [this](const QString &id, const QJsonObject &reply) {
            // Ballots show their own answer (recorded, or why not) on the voting panel.
            const bool shownByVoting = m_voting.handleAnswer(id, reply);
            // So do conclusions, on the chair's conclusions panel.
            const bool shownByConclusions = m_conclusions.handleAnswer(id, reply);
            commandsChanged();
            if (!shownByVoting && !shownByConclusions
                && reply.value(QLatin1String("type")).toString() == QLatin1String("error")) {
                emit commandFailed(reply.value(QLatin1String("code")).toString(),
                    reply.value(QLatin1String("message")).toString());
            }
        });
    connect(
        m_connection.get(), &Connection::credentialRejected, this, [this](const QString &reason) {
            // The device was removed: forget it and ask for a new code.
            if (!m_paths.identity.isEmpty())
                QFile::remove(m_paths.identity);
            if (!m_paths.meetingState.isEmpty())
                QFile::remove(m_paths.meetingState);
            m_saveStateTimer.stop();
            m_connection.reset();
            m_documents.setDownloader(nullptr, nullptr);
            m_downloader.reset();
            m_meeting = {};
            refreshMeeting();
            setPhase(QStringLiteral("join"), reason);
        });
    setPhase(QStringLiteral("running"));
    m_connection->start();
}

void KioskState::startDocuments(const DeviceIdentity &identity)
{
    m_documents.setDownloader(nullptr, nullptr);
    m_downloader.reset();
    m_annotationStore = AnnotationStore(m_paths.annotations);
    m_documents.setAnnotationStore(&m_annotationStore);
    m_annotationBackup.setServer(identity);
    m_documents.setAnnotationBackup(&m_annotationBackup);
    // The minutes panel's recordings and PDFs: beside the document cache, else the user's.
    m_minutes.setServer(identity,
        m_paths.documents.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
                + QStringLiteral("/minutes")
            : QFileInfo(m_paths.documents).dir().filePath(QStringLiteral("minutes")));
    m_documentCache
        = std::make_unique<DocumentCache>(m_paths.documents, m_paths.documentCacheBytes);
    if (auto loaded = m_documentCache->load(); !loaded)
        qCWarning(lcKiosk).noquote() << loaded.error().message;
    if (!m_documentCache->isEnabled())
        return;
    m_downloader = std::make_unique<DocumentDownloader>(*m_documentCache);
    m_downloader->setServer(identity);
    m_documents.setDownloader(m_downloader.get(), m_documentCache.get());
}

void KioskState::saveMeetingState()
{
    if (m_paths.meetingState.isEmpty() || m_meeting.id == 0)
        return;
    if (auto saved = support::writePrivateFile(
            m_paths.meetingState, QJsonDocument(m_meeting.toJson()).toJson(QJsonDocument::Compact));
        !saved)
        qCWarning(lcKiosk).noquote() << saved.error().message;
}

void KioskState::refreshMeeting()
{
    m_agenda.update(m_meeting);
    m_delegates.update(m_meeting);
    m_devices.update(m_meeting, m_presence);
    m_voting.refresh();
    m_speaking.refresh();
    m_documents.refresh();
    m_conclusions.refresh();
    emit meetingChanged();
}

void KioskState::commandsChanged()
{
    if (m_outbox) {
        m_voting.setPendingCommands(m_outbox->pending());
        m_speaking.setPendingCommands(m_outbox->pending());
    }
    emit pendingChanged();
}

QString KioskState::serverAddress() const
{
    return m_identity.host.isEmpty()
        ? QString()
        : QStringLiteral("%1:%2").arg(m_identity.host).arg(m_identity.port);
}

QString KioskState::connectionState() const
{
    if (!m_connection)
        return m_phase == QLatin1String("running") ? QStringLiteral("online")
                                                   : QStringLiteral("offline");
    switch (m_connection->state()) {
    case Connection::State::Online:
        return QStringLiteral("online");
    case Connection::State::Connecting:
        return QStringLiteral("connecting");
    case Connection::State::Offline:
        return QStringLiteral("offline");
    }
    return {};
}

QDateTime KioskState::offlineSince() const
{
    return m_connection ? m_connection->offlineSince().toLocalTime() : QDateTime();
}

QDateTime KioskState::nextAttemptAt() const
{
    return m_connection ? m_connection->nextAttemptAt().toLocalTime() : QDateTime();
}

QString KioskState::connectionProblem() const
{
    return m_connection ? m_connection->lastProblem() : QString();
}

QDateTime KioskState::meetingStartsAt() const
{
    return QDateTime::fromString(m_meeting.startsAt, Qt::ISODate).toLocalTime();
}

QString KioskState::currentItemNumber() const
{
    return m_meeting.agenda.number(m_meeting.currentItem);
}

QString KioskState::currentItemTitle() const
{
    const core::AgendaItem *item = m_meeting.agenda.find(m_meeting.currentItem);
    return item ? item->title : QString();
}

QString KioskState::currentItemDescription() const
{
    const core::AgendaItem *item = m_meeting.agenda.find(m_meeting.currentItem);
    return item ? item->description : QString();
}

QString KioskState::tallyView() const
{
    return m_meeting.screenView == QLatin1String("board") ? QStringLiteral("board")
                                                          : QStringLiteral("tally");
}

const core::Delegate *KioskState::ownDelegate() const
{
    return m_identity.delegate ? m_meeting.roster.find(m_identity.delegate) : nullptr;
}

QString KioskState::ownName() const
{
    return ownDelegate() ? ownDelegate()->name : QString();
}

QString KioskState::ownSeat() const
{
    return ownDelegate() ? ownDelegate()->seat : QString();
}

QString KioskState::ownGroup() const
{
    return ownDelegate() ? ownDelegate()->group : QString();
}

bool KioskState::ownPresent() const
{
    return ownDelegate() && ownDelegate()->present;
}

void KioskState::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    if (m_switchLanguage)
        m_switchLanguage(language);
    emit languageChanged();
}

void KioskState::joinWith(const QString &scannedText)
{
    // Only from the join page: a code scanned by accident later must not re-enroll the device.
    if (m_phase != QLatin1String("join"))
        return;
    auto link = protocol::parseJoinLink(scannedText);
    if (!link) {
        setPhase(QStringLiteral("join"),
            link.error().code == ErrorCode::UnsupportedVersion
                ? tr("This code needs a newer version of Chamber.")
                : link.error().message.contains(QLatin1String("not a Chamber"))
                ? tr("This QR code is not a Chamber join code.")
                : tr("This join code is damaged. Ask the secretary for a new one."));
        return;
    }
    setPhase(QStringLiteral("joining"));
    m_enroller.start(link.value(), QHostInfo::localHostName(),
        QStringLiteral("%1; chamber-kiosk %2")
            .arg(QSysInfo::prettyProductName(), QStringLiteral(CHAMBER_VERSION)));
}

QString KioskState::send(QJsonObject command)
{
    if (!m_connection) {
        // Static (self-test) mode shows the screens, it does not act.
        qCInfo(lcKiosk).noquote() << "no connection; not sent:"
                                  << command.value(QLatin1String("type")).toString();
        return {};
    }
    command.insert(kMeeting, m_identity.meeting);
    auto id = m_connection->send(command);
    if (!id)
        emit commandFailed(QStringLiteral("internal"), id.error().message);
    commandsChanged();
    return id ? id.value() : QString();
}

void KioskState::checkIn()
{
    send({{QStringLiteral("type"), QStringLiteral("attendance.checkIn")},
        {QStringLiteral("delegate"), m_identity.delegate}});
}

void KioskState::checkOut()
{
    send({{QStringLiteral("type"), QStringLiteral("attendance.checkOut")},
        {QStringLiteral("delegate"), m_identity.delegate}});
}

void KioskState::setAttendance(int delegateId, bool present)
{
    send({{QStringLiteral("type"),
              present ? QStringLiteral("attendance.checkIn")
                      : QStringLiteral("attendance.checkOut")},
        {QStringLiteral("delegate"), delegateId}});
}

void KioskState::selectItem(int itemId)
{
    send({{QStringLiteral("type"), QStringLiteral("agenda.select")},
        {QStringLiteral("item"), itemId > 0 ? QJsonValue(itemId) : QJsonValue()}});
}

void KioskState::startMeeting()
{
    send({{QStringLiteral("type"), QStringLiteral("meeting.start")}});
}

void KioskState::endMeeting()
{
    send({{QStringLiteral("type"), QStringLiteral("meeting.end")}});
}

void KioskState::requestReaderLink()
{
    m_readerLinkUrl.clear();
    m_readerLinkProblem.clear();
    const bool sent = m_connection
        && m_connection->request(
            {{QStringLiteral("type"), QStringLiteral("readerLink.create")},
                {kMeeting, m_identity.meeting}, {QStringLiteral("delegate"), m_identity.delegate}},
            [this](const QJsonObject &reply) {
                const QJsonObject result = reply.value(QLatin1String("result")).toObject();
                m_readerLinkUrl = result.value(QLatin1String("url")).toString();
                m_readerLinkExpiresAt = QDateTime::fromString(
                    result.value(QLatin1String("expiresAt")).toString(), Qt::ISODate)
                                            .toLocalTime();
                if (m_readerLinkUrl.isEmpty())
                    m_readerLinkProblem = reply.value(QLatin1String("message")).toString();
                emit readerLinkChanged();
            });
    if (!sent)
        m_readerLinkProblem = tr("The phone link needs the connection to the server.");
    emit readerLinkChanged();
}

void KioskState::requestSeatCode()
{
    if (m_identity.role != QLatin1String("tally") || !m_connection)
        return;
    const bool sent
        = m_connection->request({{QStringLiteral("type"), QStringLiteral("joinCode.nextSeat")},
                                    {kMeeting, m_identity.meeting}},
            [this](const QJsonObject &reply) {
                const QJsonObject result = reply.value(QLatin1String("result")).toObject();
                m_seatCodeUrl = result.value(QLatin1String("url")).toString();
                m_seatCodeLabel = result.value(QLatin1String("label")).toString();
                emit seatCodeChanged();
                // A fresh code a minute before this one expires, or soon if every seat was taken.
                const QDateTime expires = QDateTime::fromString(
                    result.value(QLatin1String("expiresAt")).toString(), Qt::ISODate);
                const qint64 wait = expires.isValid()
                    ? QDateTime::currentDateTimeUtc().msecsTo(expires) - 60000
                    : 30000;
                m_seatCodeTimer.start(int(std::clamp<qint64>(wait, 5000, 600000)));
            });
    if (!sent)
        m_seatCodeTimer.start(5000);
}

} // namespace chamber::kiosk

// Everything a kiosk screen shows and every action it offers, for QML (the "Kiosk" singleton).
// Owns the device's identity, its outbox and its connection; in self-test and screenshot runs
// it shows a fixed meeting instead of a live one.
#pragma once

#include "agendamodel.h"
#include "ballotstore.h"
#include "conclusionsstate.h"
#include "connection.h"
#include "delegatemodel.h"
#include "deviceidentity.h"
#include "devicemodel.h"
#include "documentcache.h"
#include "documentdownloader.h"
#include "documentsstate.h"
#include "enroller.h"
#include "minutesstate.h"
#include "outbox.h"
#include "speakingstate.h"
#include "votingstate.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

class QQmlEngine;
class QJSEngine;

namespace chamber::kiosk {

class KioskState : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Kiosk)
    QML_SINGLETON

    // join: show the scanner; joining: redeeming a code; running: the role's screen
    Q_PROPERTY(QString phase READ phase NOTIFY phaseChanged)
    Q_PROPERTY(QString joinProblem READ joinProblem NOTIFY phaseChanged)
    Q_PROPERTY(QString role READ role NOTIFY phaseChanged)
    Q_PROPERTY(QString deviceLabel READ deviceLabel NOTIFY phaseChanged)
    Q_PROPERTY(QString serverAddress READ serverAddress NOTIFY phaseChanged)

    // online, connecting or offline
    Q_PROPERTY(QString connectionState READ connectionState NOTIFY connectionChanged)
    Q_PROPERTY(QDateTime offlineSince READ offlineSince NOTIFY connectionChanged)
    Q_PROPERTY(QDateTime nextAttemptAt READ nextAttemptAt NOTIFY connectionChanged)
    Q_PROPERTY(QString connectionProblem READ connectionProblem NOTIFY connectionChanged)
    Q_PROPERTY(int pendingCommands READ pendingCommands NOTIFY pendingChanged)

    Q_PROPERTY(bool hasMeeting READ hasMeeting NOTIFY meetingChanged)
    Q_PROPERTY(QString meetingTitle READ meetingTitle NOTIFY meetingChanged)
    Q_PROPERTY(QString meetingVenue READ meetingVenue NOTIFY meetingChanged)
    Q_PROPERTY(QDateTime meetingStartsAt READ meetingStartsAt NOTIFY meetingChanged)
    // scheduled, in_session or ended
    Q_PROPERTY(QString meetingStatus READ meetingStatus NOTIFY meetingChanged)
    Q_PROPERTY(int currentItemId READ currentItemId NOTIFY meetingChanged)
    Q_PROPERTY(QString currentItemNumber READ currentItemNumber NOTIFY meetingChanged)
    Q_PROPERTY(QString currentItemTitle READ currentItemTitle NOTIFY meetingChanged)
    Q_PROPERTY(QString currentItemDescription READ currentItemDescription NOTIFY meetingChanged)

    Q_PROPERTY(int quorumPresent READ quorumPresent NOTIFY meetingChanged)
    Q_PROPERTY(int quorumRequired READ quorumRequired NOTIFY meetingChanged)
    Q_PROPERTY(int quorumTotal READ quorumTotal NOTIFY meetingChanged)
    Q_PROPERTY(bool quorumReached READ quorumReached NOTIFY meetingChanged)
    Q_PROPERTY(int quorumNumerator READ quorumNumerator NOTIFY meetingChanged)
    Q_PROPERTY(int quorumDenominator READ quorumDenominator NOTIFY meetingChanged)
    Q_PROPERTY(bool quorumInclusive READ quorumInclusive NOTIFY meetingChanged)
    Q_PROPERTY(bool quorumByWeight READ quorumByWeight NOTIFY meetingChanged)

    // The delegate a seat's tablet belongs to.
    Q_PROPERTY(QString ownName READ ownName NOTIFY meetingChanged)
    Q_PROPERTY(QString ownSeat READ ownSeat NOTIFY meetingChanged)
    Q_PROPERTY(QString ownGroup READ ownGroup NOTIFY meetingChanged)
    Q_PROPERTY(bool ownPresent READ ownPresent NOTIFY meetingChanged)

    // The tally screen's code for the next free seat.
    Q_PROPERTY(QString seatCodeUrl READ seatCodeUrl NOTIFY seatCodeChanged)
    Q_PROPERTY(QString seatCodeLabel READ seatCodeLabel NOTIFY seatCodeChanged)

    // A seat's link for the delegate's own phone (read-only documents), once asked for; empty
    // while none was given (offline, or not asked yet).
    Q_PROPERTY(QString readerLinkUrl READ readerLinkUrl NOTIFY readerLinkChanged)
    Q_PROPERTY(QDateTime readerLinkExpiresAt READ readerLinkExpiresAt NOTIFY readerLinkChanged)
    Q_PROPERTY(QString readerLinkProblem READ readerLinkProblem NOTIFY readerLinkChanged)

    Q_PROPERTY(chamber::kiosk::AgendaModel *agenda READ agenda CONSTANT)
    Q_PROPERTY(chamber::kiosk::DelegateModel *delegates READ delegates CONSTANT)
    Q_PROPERTY(chamber::kiosk::DeviceModel *devices READ devices CONSTANT)
    Q_PROPERTY(chamber::kiosk::VotingState *voting READ voting CONSTANT)
    Q_PROPERTY(chamber::kiosk::SpeakingState *speaking READ speaking CONSTANT)
    Q_PROPERTY(chamber::kiosk::DocumentsState *documents READ documents CONSTANT)
    Q_PROPERTY(chamber::kiosk::ConclusionsState *conclusions READ conclusions CONSTANT)
    Q_PROPERTY(chamber::kiosk::MinutesState *minutes READ minutes CONSTANT)

    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)

public:
    struct Paths
    {
        QString identity; // device.json
        QString outbox; // outbox.json; the ballot keys go beside it (ballots.json)
        // The last meeting state seen (meeting.json), shown at start before (or without) the
        // network, and the document cache's directory. Empty: neither is kept.
        QString meetingState;
        QString documents;
        qint64 documentCacheBytes = 4096LL * 1024 * 1024;
        QString annotations; // the delegate's private notes, one file per document
    };

    // No default argument on purpose: Qt 6.4 constructs a default-constructible singleton
    // itself and ignores create(), which would give QML a second, empty Kiosk.
    explicit KioskState(QObject *parent);
    ~KioskState() override;

    // The singleton QML gets; the application creates it and registers it here first.
    static void setInstance(KioskState *state);
    static KioskState *create(QQmlEngine *, QJSEngine *);
    // The application's instance, for C++ parts outside this module (the bridge's media).
    static KioskState *instance();

    // Live mode: loads the stored identity (running) or asks for a QR code (join).
    void startLive(const Paths &paths);
    // Self-test and screenshots: a fixed meeting, no network.
    void showStatic(const DeviceIdentity &identity, const core::MeetingState &meeting,
        const QJsonArray &presence, const QString &seatCodeUrl, const QString &seatCodeLabel);
    // Self-test: the progress of a poll, as a `progress` push would bring it.
    void showStaticProgress(const PollProgress &progress) { m_voting.setProgress(progress); }
    // Self-test: local PDFs standing in for the meeting's documents, by sha256.
    void showStaticDocuments(const QHash<QString, QString> &files)
    {
        m_documents.setStaticFiles(files);
    }
    // Tests: timings for the live connection.
    void setConnectionOptions(const ConnectionOptions &options) { m_connectionOptions = options; }
    void setLanguageSwitcher(std::function<void(const QString &)> switcher)
    {
        m_switchLanguage = std::move(switcher);
    }

    QString phase() const { return m_phase; }
    QString joinProblem() const { return m_joinProblem; }
    QString role() const { return m_identity.role; }
    QString deviceLabel() const { return m_identity.label; }
    QString serverAddress() const;
    QString connectionState() const;
    QDateTime offlineSince() const;
    QDateTime nextAttemptAt() const;
    QString connectionProblem() const;
    int pendingCommands() const { return int(m_outbox ? m_outbox->pending().size() : 0); }

    bool hasMeeting() const { return m_meeting.id != 0; }
    QString meetingTitle() const { return m_meeting.title; }
    QString meetingVenue() const { return m_meeting.venue; }
    QDateTime meetingStartsAt() const;
    QString meetingStatus() const { return core::meetingStatusName(m_meeting.status); }
    int currentItemId() const { return int(m_meeting.currentItem); }
    QString currentItemNumber() const;
    QString currentItemTitle() const;
    QString currentItemDescription() const;
    int quorumPresent() const { return int(m_meeting.quorum().present); }
    int quorumRequired() const { return int(m_meeting.quorum().required); }
    int quorumTotal() const { return int(m_meeting.quorum().total); }
    bool quorumReached() const { return m_meeting.quorum().reached; }
    int quorumNumerator() const { return int(m_meeting.quorumRule.numerator); }
    int quorumDenominator() const { return int(m_meeting.quorumRule.denominator); }
    bool quorumInclusive() const { return m_meeting.quorumRule.inclusive; }
    bool quorumByWeight() const { return m_meeting.quorumRule.basis == core::QuorumBasis::Weight; }
    QString ownName() const;
    QString ownSeat() const;
    QString ownGroup() const;
    bool ownPresent() const;
    QString seatCodeUrl() const { return m_seatCodeUrl; }
    QString seatCodeLabel() const { return m_seatCodeLabel; }
    QString readerLinkUrl() const { return m_readerLinkUrl; }
    QDateTime readerLinkExpiresAt() const { return m_readerLinkExpiresAt; }
    QString readerLinkProblem() const { return m_readerLinkProblem; }
    AgendaModel *agenda() { return &m_agenda; }
    DelegateModel *delegates() { return &m_delegates; }
    DeviceModel *devices() { return &m_devices; }
    VotingState *voting() { return &m_voting; }
    SpeakingState *speaking() { return &m_speaking; }
    DocumentsState *documents() { return &m_documents; }
    ConclusionsState *conclusions() { return &m_conclusions; }
    MinutesState *minutes() { return &m_minutes; }
    // Tests and the benchmark: the live downloader (nullptr before joining).
    DocumentDownloader *downloader() { return m_downloader.get(); }
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    const DeviceIdentity &identity() const { return m_identity; }
    // What the meeting's tally screens show, as the chair last chose (`screen.shown`):
    // "tally" (their usual screen) or "board" (the council's follow-up board).
    QString tallyView() const;
    // The live connection (nullptr before joining, in self-tests, after a revocation); it is
    // replaced when phaseChanged() is emitted.
    Connection *connection() const { return m_connection.get(); }
    // Queues a command for this device's meeting (the meeting field is added); returns its
    // request id, empty if not sent.
    QString sendCommand(QJsonObject command) { return send(std::move(command)); }

    // Scanned text from the camera or an image: joins when it is one of our codes.
    Q_INVOKABLE void joinWith(const QString &scannedText);
    // Own attendance (seat tablets).
    Q_INVOKABLE void checkIn();
    Q_INVOKABLE void checkOut();
    // Chair console.
    Q_INVOKABLE void setAttendance(int delegateId, bool present);
    Q_INVOKABLE void selectItem(int itemId);
    Q_INVOKABLE void startMeeting();
    Q_INVOKABLE void endMeeting();
    // Seat tablets: asks the server for a reader link for this delegate's phone (a new one each
    // time; the server logs who got one). Needs the connection.
    Q_INVOKABLE void requestReaderLink();

Q_SIGNALS:
    void phaseChanged();
    void connectionChanged();
    void pendingChanged();
    void meetingChanged();
    void seatCodeChanged();
    void readerLinkChanged();
    void languageChanged();
    // An action the server refused; `code` is the protocol's error code.
    void commandFailed(const QString &code, const QString &message);

private:
    void setPhase(const QString &phase, const QString &problem = {});
    void startConnection(const DeviceIdentity &identity);
    void refreshMeeting();
    // Queues a command for this device's meeting; returns its request id (empty if not sent).
    QString send(QJsonObject command);
    void commandsChanged();
    void requestSeatCode();
    void startDocuments(const DeviceIdentity &identity);
    void saveMeetingState();
    const core::Delegate *ownDelegate() const;

    Paths m_paths;
    QString m_phase = QStringLiteral("join");
    QString m_joinProblem;
    DeviceIdentity m_identity;
    core::MeetingState m_meeting;
    QJsonArray m_presence;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<BallotStore> m_ballots;
    std::unique_ptr<Connection> m_connection;
    Enroller m_enroller;
    ConnectionOptions m_connectionOptions;
    AgendaModel m_agenda;
    DelegateModel m_delegates;
    DeviceModel m_devices;
    VotingState m_voting;
    SpeakingState m_speaking;
    DocumentsState m_documents;
    ConclusionsState m_conclusions;
    MinutesState m_minutes;
    std::unique_ptr<DocumentCache> m_documentCache;
    std::unique_ptr<DocumentDownloader> m_downloader;
    AnnotationStore m_annotationStore;
    AnnotationBackup m_annotationBackup;
    QTimer m_saveStateTimer;
    QString m_seatCodeUrl;
    QString m_seatCodeLabel;
    QString m_readerLinkUrl;
    QDateTime m_readerLinkExpiresAt;
    QString m_readerLinkProblem;
    QTimer m_seatCodeTimer;
    QString m_language = QStringLiteral("vi");
    std::function<void(const QString &)> m_switchLanguage;
};

} // namespace chamber::kiosk

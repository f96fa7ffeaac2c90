// The in-process server the Qt Quick tests run the kiosk against: a real chamberd
// (ChamberServer on a free loopback port, temporary data, demo meeting), with invokables the
// QML tests use to act as the secretary and to look at the server's side.
#pragma once

#include "app/chamberserver.h"

#include <QJsonObject>
#include <QObject>
#include <QTemporaryDir>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <map>
#include <memory>

class QQmlEngine;
class QTranslator;
class QJSEngine;

namespace chamber::testing {

class WsClient;

class TestServer : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(TestServer)
    QML_SINGLETON

public:
    explicit TestServer(QObject *parent);
    ~TestServer() override;
    static void setInstance(TestServer *server);
    static TestServer *create(QQmlEngine *, QJSEngine *);

    bool start();

    // Forgets the kiosk's device: it starts over at the join page, as a new device.
    Q_INVOKABLE void resetDevice();
    // resetDevice(), then joins with a fresh code for `role` (and seat).
    Q_INVOKABLE void joinAs(const QString &role, int delegate = 0);
    Q_INVOKABLE QString joinLink(const QString &role, int delegate = 0);
    Q_INVOKABLE QVariantMap meeting();
    Q_INVOKABLE bool isPresent(int delegate);
    Q_INVOKABLE int currentItem();
    Q_INVOKABLE void selectItem(int item);
    Q_INVOKABLE void setPresent(int delegate, bool present);
    // Renames as the secretary would (PATCH); false when the server refuses.
    Q_INVOKABLE bool renameItem(int item, const QString &title);
    Q_INVOKABLE bool renameDelegate(int delegate, const QString &name);
    // "file:line" of every Text or Label in kiosk/**/*.qml that does not say its textFormat:
    // AutoText (the default) renders a name such as "<img src=x>" as rich text.
    Q_INVOKABLE QStringList kioskTextsWithoutFormat() const;
    Q_INVOKABLE int devicesOnline();

    // Voting, as the secretary (REST). createPoll returns the new poll's id (0 on failure).
    Q_INVOKABLE int createPoll(const QString &title, const QStringList &choices, bool secret,
        bool allowChange, const QString &rulePreset = QStringLiteral("majority-of-members"),
        int item = 0);
    // step: open, close or publish; true when the server said ok.
    Q_INVOKABLE bool pollStep(int poll, const QString &step);
    Q_INVOKABLE QVariantMap poll(int poll);
    Q_INVOKABLE QVariantMap pollResult(int poll);
    // Closes every open poll, so a test starts with none.
    Q_INVOKABLE void closeOpenPolls();
    Q_INVOKABLE bool setAllowProxies(bool allow);
    Q_INVOKABLE bool giveProxy(int giver, int holder);
    Q_INVOKABLE bool revokeProxy(int giver);
    // Another seat's tablet casting its own ballot (a device enrolled for that delegate).
    Q_INVOKABLE bool castAs(int delegate, int poll, const QString &choice);
    // Speakers.
    Q_INVOKABLE bool requestToSpeak(int delegate);
    Q_INVOKABLE bool grantFloor(int delegate, int limitSeconds = -1);
    Q_INVOKABLE bool endSpeech();
    // A bridge point (remote site) enrolled with a join code labelled `label`, connected as
    // that device; returns its device id (0 on failure). siteRequestsToSpeak: the site itself
    // asks for the floor.
    Q_INVOKABLE int joinSite(const QString &label);
    Q_INVOKABLE bool siteRequestsToSpeak(int device);
    // Ends any speech and empties the speaker list (delegates and sites).
    Q_INVOKABLE void clearSpeakers();
    Q_INVOKABLE QVariantMap speakers();
    // Documents, as the secretary: one of the sample articles as a PDF of at least `minPages`
    // on an item (returns its id, 0 on failure), and the presenter's page (0: stop).
    Q_INVOKABLE int uploadDocument(int item, int article, int minPages, const QString &name);
    Q_INVOKABLE bool present(int document, int page);
    // The server goes away (the kiosk sees its connection drop) and comes back on the same
    // port with the same data.
    Q_INVOKABLE void stopServer();
    Q_INVOKABLE bool restartServer();
    // The kiosk's own data directory (device, state, documents, annotations).
    Q_INVOKABLE QString kioskDirectory() const { return m_kioskDir; }

    // The follow-up board (issue 15), as the secretary over REST. The server runs on a test
    // clock (chamberd --test-clock): real time plus an offset that only grows, so deadlines
    // pass when a test says and every other test still sees time flow.
    Q_INVOKABLE void advanceClock(int seconds);
    // Back to real time, for the tests that follow: the server's hello says the system's time
    // while meeting events carry the test clock's, so countdowns need the two to agree.
    Q_INVOKABLE void resetClock();
    // The council of the demo meeting (0: none), and its board as REST gives it.
    Q_INVOKABLE int councilOfMeeting();
    Q_INVOKABLE QVariantMap board(const QString &query = {});
    Q_INVOKABLE int addOrganisation(int council, const QString &name);
    // A task due `secondsFromNow` after the server's now; returns its id (0 on failure).
    Q_INVOKABLE int createTask(
        int council, const QString &title, const QString &ownerKind, int owner, int secondsFromNow);
    Q_INVOKABLE bool setTaskStatus(
        int council, int task, const QString &status, const QString &reason = {});
    // What the meeting's tally screens show (screen.show): "tally" or "board".
    Q_INVOKABLE bool showOnTally(const QString &view);
    // The kiosk's language for screenshots (the translations the program embeds).
    Q_INVOKABLE void setLanguage(const QString &language);
    // Where tests save screenshots ($CHAMBER_SCREENSHOTS); empty: none are taken.
    Q_INVOKABLE QString screenshotDirectory() const;

    // Recordings (issue 16), as chamber-media and the recording service would leave them: an
    // Ogg Opus file of `seconds` of a test tone (made by gst-launch-1.0) stored as
    // <data>/recordings/<sha256>.ogg, and recording.saved appended with the actor "media".
    // Returns the file's sha256 ("" on failure). failRecording appends recording.failed.
    Q_INVOKABLE QString addRecording(
        int speech, int segment, int seconds, bool partial, const QString &note = {});
    Q_INVOKABLE bool failRecording(int speech, int segment, const QString &reason);
    // The seq of the meeting's last speaker.granted event (a speech's id); 0: none.
    Q_INVOKABLE int lastSpeech();
    // Changes a byte of a stored recording (its name and the log still promise the old bytes).
    Q_INVOKABLE bool damageRecording(const QString &sha256);
    Q_INVOKABLE bool fileExists(const QString &path) const;
    // The first `count` bytes of a local file (path or file: url) as Latin-1, and a PDF's text
    // as pdftotext (poppler-utils) extracts it.
    Q_INVOKABLE QString fileStart(const QString &pathOrUrl, int count) const;
    Q_INVOKABLE QString pdfText(const QString &pathOrUrl) const;

private:
    QJsonObject call(const QByteArray &method, const QString &path, const QByteArray &body = {});
    QJsonObject callJson(const QByteArray &method, const QString &path, const QJsonObject &body);
    // A command over the WebSocket as the admin (for what REST has no route for).
    QJsonObject adminCommand(QJsonObject command);
    static bool isOk(const QJsonObject &reply);

    void writeClock();
    // The id in a command's answer, wherever the server puts it ({result: {key}} or {key}).
    static int idOf(const QJsonObject &reply, QLatin1String key);

    QTemporaryDir m_data;
    QTimer m_clockTimer;
    qint64 m_clockOffsetSeconds = 0;
    QQmlEngine *m_engine = nullptr;
    std::unique_ptr<QTranslator> m_translator;
    std::unique_ptr<app::ChamberServer> m_server;
    QString m_kioskDir;
    int m_joins = 0;
    quint16 m_port = 0;
    std::unique_ptr<WsClient> m_admin;
    std::map<int, std::shared_ptr<WsClient>> m_seatDevices; // delegate → its enrolled device
    std::map<int, std::shared_ptr<WsClient>> m_sites; // bridge device id → its connection
    // Redeems a join code like a kiosk; returns {device, credential} of the answer's result.
    QJsonObject enroll(const QString &url);
};

} // namespace chamber::testing

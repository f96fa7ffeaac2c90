#include "testserver.h"

#include "kioskstate.h"
#include "oggtone.h"
#include "pdfmaker.h"
#include "protocol/receipt.h"
#include "restcall.h"
#include "services/meetingservice.h"
#include "wsclient.h"

#include "childprocess.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJSEngine>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QProcess>
#include <QQmlEngine>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTranslator>
#include <QUrl>

namespace chamber::testing {

namespace {
TestServer *g_server = nullptr;
}

TestServer::TestServer(QObject *parent)
    : QObject(parent)
{
    // Time flows as usual on the test clock; it is written often enough that timestamps and
    // countdowns read as they would from the system clock.
    m_clockTimer.setInterval(100);
    connect(&m_clockTimer, &QTimer::timeout, this, &TestServer::writeClock);
}

TestServer::~TestServer() = default;

bool TestServer::isOk(const QJsonObject &reply)
{
    return reply.value(QLatin1String("type")).toString() == QLatin1String("ok");
}

void TestServer::setInstance(TestServer *server)
{
    g_server = server;
}

TestServer *TestServer::create(QQmlEngine *engine, QJSEngine *)
{
    QJSEngine::setObjectOwnership(g_server, QJSEngine::CppOwnership);
    if (g_server && engine)
        g_server->m_engine = engine;
    return g_server;
}

bool TestServer::start()
{
    app::ServerConfig config;
    config.dataDir = m_data.filePath(QStringLiteral("server"));
    // A restart keeps the port: the kiosk's identity names it.
    config.listen = {QStringLiteral("127.0.0.1"), m_port};
    config.publicHost = QStringLiteral("127.0.0.1");
    config.demo = true;
    config.testClockFile = m_data.filePath(QStringLiteral("clock.txt"));
    writeClock();
    m_clockTimer.start();
    m_server = std::make_unique<app::ChamberServer>(config);
    const Status started = m_server->start();
    if (!started)
        qWarning("test server: %s", qPrintable(started.error().message));
    else
        m_port = m_server->port();
    return started.ok();
}

void TestServer::stopServer()
{
    // Their connections die with the server; the next castAs() connects again.
    m_admin.reset();
    m_seatDevices.clear();
    m_sites.clear();
    if (m_server)
        m_server->stop();
    // The closed sessions are deleted later and tell the hub as they go: let them go while
    // the hub is still there (a use after free otherwise, seen as a crash in this test).
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    m_server.reset();
}

bool TestServer::restartServer()
{
    stopServer();
    return start();
}

int TestServer::uploadDocument(int item, int article, int minPages, const QString &name)
{
    const QJsonObject answer = call("POST",
        QStringLiteral("/meetings/1/items/%1/documents?name=%2")
            .arg(item)
            .arg(QString::fromLatin1(QUrl::toPercentEncoding(name))),
        makeArticlePdf(article, minPages));
    return answer.value(QLatin1String("document")).toObject().value(QLatin1String("id")).toInt();
}

bool TestServer::present(int document, int page)
{
    return !callJson("POST", QStringLiteral("/meetings/1/present"),
        {{QStringLiteral("document"), document > 0 ? QJsonValue(document) : QJsonValue()},
            {QStringLiteral("page"), page}})
                .contains(QLatin1String("code"));
}

QJsonObject TestServer::call(const QByteArray &method, const QString &path, const QByteArray &body)
{
    QFile token(m_server->dataDirectory() + QStringLiteral("/admin.token"));
    token.open(QIODevice::ReadOnly);
    return restCall(method,
        QStringLiteral("https://127.0.0.1:%1/api/v1%2").arg(m_server->port()).arg(path),
        m_server->tlsIdentity().pin, token.readAll().trimmed(), body)
        .json();
}

QString TestServer::joinLink(const QString &role, int delegate)
{
    QJsonObject body {{QStringLiteral("role"), role}};
    if (delegate)
        body.insert(QStringLiteral("delegate"), delegate);
    return call("POST", QStringLiteral("/meetings/1/join-codes"), QJsonDocument(body).toJson())
        .value(QLatin1String("url"))
        .toString();
}

void TestServer::resetDevice()
{
    // A fresh data directory: the kiosk starts as a new device.
    m_kioskDir = m_data.filePath(QStringLiteral("kiosk%1").arg(++m_joins));
    QDir().mkpath(m_kioskDir);
    kiosk::KioskState *kiosk = kiosk::KioskState::create(nullptr, nullptr);
    kiosk->setConnectionOptions({100, 800, 1000, 4000});
    kiosk->startLive(
        {m_kioskDir + QStringLiteral("/device.json"), m_kioskDir + QStringLiteral("/outbox.json"),
            m_kioskDir + QStringLiteral("/meeting.json"), m_kioskDir + QStringLiteral("/documents"),
            1LL << 30, m_kioskDir + QStringLiteral("/annotations")});
}

void TestServer::joinAs(const QString &role, int delegate)
{
    resetDevice();
    kiosk::KioskState::create(nullptr, nullptr)->joinWith(joinLink(role, delegate));
}

QVariantMap TestServer::meeting()
{
    return call("GET", QStringLiteral("/meetings/1")).toVariantMap();
}

bool TestServer::isPresent(int delegate)
{
    for (const QJsonValue &value : call("GET", QStringLiteral("/meetings/1/delegates"))
                                       .value(QLatin1String("delegates"))
                                       .toArray()) {
        if (value.toObject().value(QLatin1String("id")).toInt() == delegate)
            return value.toObject().value(QLatin1String("present")).toBool();
    }
    return false;
}

int TestServer::currentItem()
{
    return call("GET", QStringLiteral("/meetings/1")).value(QLatin1String("currentItem")).toInt();
}

void TestServer::selectItem(int item)
{
    call("PUT", QStringLiteral("/meetings/1/current-item"),
        QJsonDocument(QJsonObject {{QStringLiteral("item"), item}}).toJson());
}

void TestServer::setPresent(int delegate, bool present)
{
    call("POST",
        QStringLiteral("/meetings/1/delegates/%1/%2")
            .arg(delegate)
            .arg(present ? QStringLiteral("check-in") : QStringLiteral("check-out")));
}

bool TestServer::renameItem(int item, const QString &title)
{
    return !callJson("PATCH", QStringLiteral("/meetings/1/agenda/%1").arg(item),
        QJsonObject {{QStringLiteral("title"), title}})
                .contains(QLatin1String("error"));
}

bool TestServer::renameDelegate(int delegate, const QString &name)
{
    return !callJson("PATCH", QStringLiteral("/meetings/1/delegates/%1").arg(delegate),
        QJsonObject {{QStringLiteral("name"), name}})
                .contains(QLatin1String("error"));
}

QStringList TestServer::kioskTextsWithoutFormat() const
{
    static const QRegularExpression opening(
        QStringLiteral("^(\\s*)(?:[\\w.]+:\\s*)?(Text|Label)\\s*\\{\\s*$"));
    const QString kiosk = QStringLiteral(QUICK_TEST_SOURCE_DIR "/../../kiosk");
    QStringList missing;
    int checked = 0;
    QDirIterator files(kiosk, {QStringLiteral("*.qml")}, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (!file.open(QIODevice::ReadOnly))
            return {file.fileName() + QStringLiteral(": unreadable")};
        const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const auto match = opening.match(lines[i]);
            if (!match.hasMatch())
                continue;
            ++checked;
            const QString indent = match.captured(1);
            const QString property = indent + QStringLiteral("    textFormat:");
            bool found = false;
            for (qsizetype j = i + 1; j < lines.size() && !lines[j].startsWith(indent + u'}'); ++j)
                found = found || lines[j].startsWith(property);
            if (!found)
                missing << QStringLiteral("%1:%2")
                               .arg(QDir(kiosk).relativeFilePath(file.fileName()))
                               .arg(i + 1);
        }
    }
    if (checked == 0)
        return {QStringLiteral("no Text found under ") + kiosk};
    return missing;
}

QJsonObject TestServer::callJson(
    const QByteArray &method, const QString &path, const QJsonObject &body)
{
    return call(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QJsonObject TestServer::adminCommand(QJsonObject command)
{
    if (!m_admin || !m_admin->isConnected()) {
        QFile token(m_server->dataDirectory() + QStringLiteral("/admin.token"));
        token.open(QIODevice::ReadOnly);
        m_admin = std::make_unique<WsClient>(m_server->tlsIdentity().pin);
        if (!m_admin->connectAndHello(QStringLiteral("wss://127.0.0.1:%1/ws").arg(m_server->port()),
                token.readAll().trimmed()))
            return {};
    }
    command.insert(QStringLiteral("meeting"), 1);
    return m_admin->request(command);
}

int TestServer::createPoll(const QString &title, const QStringList &choices, bool secret,
    bool allowChange, const QString &rulePreset, int item)
{
    QJsonObject body {{QStringLiteral("title"), title}, {QStringLiteral("secret"), secret},
        {QStringLiteral("allowChange"), allowChange},
        {QStringLiteral("rule"), QJsonObject {{QStringLiteral("preset"), rulePreset}}}};
    if (!choices.isEmpty())
        body.insert(QStringLiteral("choices"), QJsonArray::fromStringList(choices));
    if (item > 0)
        body.insert(QStringLiteral("item"), item);
    const QJsonObject reply = callJson("POST", QStringLiteral("/meetings/1/polls"), body);
    if (!isOk(reply))
        qWarning("test server: poll not created: %s",
            QJsonDocument(reply).toJson(QJsonDocument::Compact).constData());
    return reply.value(QLatin1String("result")).toObject().value(QLatin1String("poll")).toInt();
}

bool TestServer::pollStep(int poll, const QString &step)
{
    const QJsonObject reply
        = call("POST", QStringLiteral("/meetings/1/polls/%1/%2").arg(poll).arg(step));
    if (!isOk(reply))
        qWarning("test server: poll %d %s: %s", poll, qPrintable(step),
            QJsonDocument(reply).toJson(QJsonDocument::Compact).constData());
    return isOk(reply);
}

QVariantMap TestServer::poll(int poll)
{
    return call("GET", QStringLiteral("/meetings/1/polls/%1").arg(poll)).toVariantMap();
}

QVariantMap TestServer::pollResult(int poll)
{
    return call("GET", QStringLiteral("/meetings/1/polls/%1/result").arg(poll)).toVariantMap();
}

void TestServer::closeOpenPolls()
{
    for (const QJsonValue &value :
        call("GET", QStringLiteral("/meetings/1")).value(QLatin1String("polls")).toArray()) {
        if (value.toObject().value(QLatin1String("state")).toString() == QLatin1String("open"))
            pollStep(value.toObject().value(QLatin1String("id")).toInt(), QStringLiteral("close"));
    }
}

bool TestServer::setAllowProxies(bool allow)
{
    return isOk(callJson(
        "PATCH", QStringLiteral("/meetings/1"), {{QStringLiteral("allowProxies"), allow}}));
}

bool TestServer::giveProxy(int giver, int holder)
{
    return isOk(callJson("POST", QStringLiteral("/meetings/1/proxies"),
        {{QStringLiteral("delegate"), giver}, {QStringLiteral("holder"), holder}}));
}

bool TestServer::revokeProxy(int giver)
{
    return isOk(call("DELETE", QStringLiteral("/meetings/1/proxies/%1").arg(giver)));
}

bool TestServer::castAs(int delegate, int poll, const QString &choice)
{
    auto &device = m_seatDevices[delegate];
    if (!device) {
        // Enrolled like a real tablet: redeem a join code, then hello with the credential.
        const QString wsUrl = QStringLiteral("wss://127.0.0.1:%1/ws").arg(m_server->port());
        const QString credential = enroll(joinLink(QStringLiteral("delegate"), delegate))
                                       .value(QLatin1String("credential"))
                                       .toString();
        auto client = std::make_shared<WsClient>(m_server->tlsIdentity().pin);
        if (credential.isEmpty() || !client->connectAndHello(wsUrl, credential.toUtf8()))
            return false;
        device = client;
    }
    const QJsonObject reply
        = device->request({{QStringLiteral("type"), QStringLiteral("ballot.cast")},
            {QStringLiteral("meeting"), 1}, {QStringLiteral("poll"), poll},
            {QStringLiteral("delegate"), delegate}, {QStringLiteral("choice"), choice},
            {QStringLiteral("key"), protocol::makeBallotKey()}});
    if (!isOk(reply))
        qWarning("test server: ballot of %d refused: %s", delegate,
            QJsonDocument(reply).toJson(QJsonDocument::Compact).constData());
    return isOk(reply);
}

QJsonObject TestServer::enroll(const QString &url)
{
    const QString token = url.section(QStringLiteral("t="), 1).section(u'&', 0, 0);
    WsClient enroller(m_server->tlsIdentity().pin);
    if (!enroller.open(QStringLiteral("wss://127.0.0.1:%1/ws").arg(m_server->port())))
        return {};
    const QJsonObject enrolled = enroller.request(
        {{QStringLiteral("type"), QStringLiteral("enroll")}, {QStringLiteral("token"), token},
            {QStringLiteral("name"), QStringLiteral("test-device")}});
    enroller.close();
    return enrolled.value(QLatin1String("result")).toObject();
}

int TestServer::joinSite(const QString &label)
{
    const QJsonObject body {
        {QStringLiteral("role"), QStringLiteral("bridge")}, {QStringLiteral("label"), label}};
    const QJsonObject enrolled = enroll(
        call("POST", QStringLiteral("/meetings/1/join-codes"), QJsonDocument(body).toJson())
            .value(QLatin1String("url"))
            .toString());
    const int device = enrolled.value(QLatin1String("device")).toInt();
    auto client = std::make_shared<WsClient>(m_server->tlsIdentity().pin);
    if (!device
        || !client->connectAndHello(QStringLiteral("wss://127.0.0.1:%1/ws").arg(m_server->port()),
            enrolled.value(QLatin1String("credential")).toString().toUtf8()))
        return 0;
    m_sites[device] = client;
    return device;
}

bool TestServer::siteRequestsToSpeak(int device)
{
    const auto site = m_sites.find(device);
    if (site == m_sites.end())
        return false;
    return isOk(site->second->request({{QStringLiteral("type"), QStringLiteral("speaker.request")},
        {QStringLiteral("meeting"), 1}, {QStringLiteral("bridge"), device}}));
}

bool TestServer::requestToSpeak(int delegate)
{
    return isOk(adminCommand({{QStringLiteral("type"), QStringLiteral("speaker.request")},
        {QStringLiteral("delegate"), delegate}}));
}

bool TestServer::grantFloor(int delegate, int limitSeconds)
{
    QJsonObject body;
    if (delegate > 0)
        body.insert(QStringLiteral("delegate"), delegate);
    if (limitSeconds >= 0)
        body.insert(QStringLiteral("limitSeconds"), limitSeconds);
    return isOk(callJson("POST", QStringLiteral("/meetings/1/speakers/grant"), body));
}

bool TestServer::endSpeech()
{
    return isOk(call("POST", QStringLiteral("/meetings/1/speakers/end")));
}

QVariantMap TestServer::speakers()
{
    return call("GET", QStringLiteral("/meetings/1"))
        .value(QLatin1String("speakers"))
        .toObject()
        .toVariantMap();
}

void TestServer::clearSpeakers()
{
    const QJsonObject state
        = call("GET", QStringLiteral("/meetings/1")).value(QLatin1String("speakers")).toObject();
    if (!state.value(QLatin1String("current")).isNull()
        || !state.value(QLatin1String("currentBridge")).isNull())
        endSpeech();
    for (const QJsonValue &waiting : state.value(QLatin1String("queue")).toArray()) {
        QJsonObject withdraw = waiting.toObject(); // {delegate} or {bridge}, and requestedAt
        withdraw.remove(QStringLiteral("requestedAt"));
        withdraw.insert(QStringLiteral("type"), QStringLiteral("speaker.withdraw"));
        adminCommand(withdraw);
    }
}

int TestServer::devicesOnline()
{
    int online = 0;
    for (const QJsonValue &value : call("GET", QStringLiteral("/meetings/1/devices"))
                                       .value(QLatin1String("devices"))
                                       .toArray())
        online += value.toObject().value(QLatin1String("online")).toBool() ? 1 : 0;
    return online;
}

} // namespace chamber::testing

namespace chamber::testing {

void TestServer::writeClock()
{
    QSaveFile file(m_data.filePath(QStringLiteral("clock.txt")));
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.write(QDateTime::currentDateTimeUtc()
                   .addSecs(m_clockOffsetSeconds)
                   .toString(Qt::ISODateWithMs)
                   .toUtf8());
    file.commit();
}

void TestServer::advanceClock(int seconds)
{
    m_clockOffsetSeconds += std::max(0, seconds);
    writeClock();
}

void TestServer::resetClock()
{
    m_clockOffsetSeconds = 0;
    writeClock();
}

int TestServer::idOf(const QJsonObject &reply, QLatin1String key)
{
    const QJsonValue inResult = reply.value(QLatin1String("result")).toObject().value(key);
    if (inResult.isDouble())
        return inResult.toInt();
    const QJsonValue direct = reply.value(key);
    if (direct.isObject())
        return direct.toObject().value(QLatin1String("id")).toInt();
    if (direct.isDouble())
        return direct.toInt();
    qWarning("test server: no %s in %s", key.data(),
        QJsonDocument(reply).toJson(QJsonDocument::Compact).constData());
    return 0;
}

int TestServer::councilOfMeeting()
{
    return call("GET", QStringLiteral("/meetings/1/board")).value(QLatin1String("council")).toInt();
}

QVariantMap TestServer::board(const QString &query)
{
    return call(
        "GET", QStringLiteral("/meetings/1/board") + (query.isEmpty() ? QString() : u'?' + query))
        .toVariantMap();
}

int TestServer::addOrganisation(int council, const QString &name)
{
    return idOf(callJson("POST", QStringLiteral("/councils/%1/organisations").arg(council),
                    {{QStringLiteral("name"), name},
                        {QStringLiteral("kind"), QStringLiteral("department")}}),
        QLatin1String("organisation"));
}

int TestServer::createTask(
    int council, const QString &title, const QString &ownerKind, int owner, int secondsFromNow)
{
    const QString deadline = QDateTime::currentDateTimeUtc()
                                 .addSecs(m_clockOffsetSeconds + secondsFromNow)
                                 .toString(Qt::ISODate);
    return idOf(callJson("POST", QStringLiteral("/councils/%1/tasks").arg(council),
                    {{QStringLiteral("title"), title}, {QStringLiteral("ownerKind"), ownerKind},
                        {QStringLiteral("owner"), owner}, {QStringLiteral("deadline"), deadline}}),
        QLatin1String("task"));
}

bool TestServer::setTaskStatus(int council, int task, const QString &status, const QString &reason)
{
    QJsonObject body {{QStringLiteral("status"), status}};
    if (!reason.isEmpty())
        body.insert(QStringLiteral("reason"), reason);
    const QJsonObject reply = callJson(
        "POST", QStringLiteral("/councils/%1/tasks/%2/status").arg(council).arg(task), body);
    if (!isOk(reply))
        qWarning("test server: task %d to %s: %s", task, qPrintable(status),
            QJsonDocument(reply).toJson(QJsonDocument::Compact).constData());
    return isOk(reply);
}

bool TestServer::showOnTally(const QString &view)
{
    return isOk(adminCommand(
        {{QStringLiteral("type"), QStringLiteral("screen.show")}, {QStringLiteral("view"), view}}));
}

void TestServer::setLanguage(const QString &language)
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    m_translator = std::make_unique<QTranslator>();
    if (m_translator->load(QStringLiteral(":/i18n/chamber_%1.qm").arg(language)))
        QCoreApplication::installTranslator(m_translator.get());
    QLocale::setDefault(
        QLocale(language == QLatin1String("vi") ? QLocale::Vietnamese : QLocale::English));
    if (m_engine)
        m_engine->retranslate();
}

QString TestServer::screenshotDirectory() const
{
    const QString directory = qEnvironmentVariable("CHAMBER_SCREENSHOTS");
    if (!directory.isEmpty())
        QDir().mkpath(directory);
    return directory;
}

} // namespace chamber::testing

namespace chamber::testing {

QString TestServer::addRecording(
    int speech, int segment, int seconds, bool partial, const QString &note)
{
    const QByteArray bytes = oggTone(m_data.path(), seconds);
    if (bytes.isEmpty()) {
        qWarning() << "gst-launch-1.0 made no Ogg file";
        return {};
    }
    const QString sha256
        = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const QString directory = m_server->dataDirectory() + QStringLiteral("/recordings");
    QDir().mkpath(directory);
    QSaveFile stored(directory + QStringLiteral("/%1.ogg").arg(sha256));
    if (!stored.open(QIODevice::WriteOnly) || stored.write(bytes) != bytes.size()
        || !stored.commit())
        return {};
    QJsonObject data {
        {QStringLiteral("recording"), QStringLiteral("1-%1-%2").arg(speech).arg(segment)},
        {QStringLiteral("speech"), speech}, {QStringLiteral("segment"), segment},
        {QStringLiteral("sha256"), sha256}, {QStringLiteral("bytes"), qint64(bytes.size())},
        {QStringLiteral("durationMs"), qint64(seconds) * 1000},
        {QStringLiteral("partial"), partial}, {QStringLiteral("note"), note}};
    auto appended = m_server->meetingService()->appendEvents(
        1, QStringLiteral("media"), {core::EventDraft {QStringLiteral("recording.saved"), data}});
    if (!appended) {
        qWarning() << "recording.saved refused:" << appended.error().message;
        return {};
    }
    return sha256;
}

bool TestServer::failRecording(int speech, int segment, const QString &reason)
{
    QJsonObject data {
        {QStringLiteral("recording"), QStringLiteral("1-%1-%2").arg(speech).arg(segment)},
        {QStringLiteral("speech"), speech}, {QStringLiteral("segment"), segment},
        {QStringLiteral("reason"), reason}};
    auto appended = m_server->meetingService()->appendEvents(
        1, QStringLiteral("media"), {core::EventDraft {QStringLiteral("recording.failed"), data}});
    if (!appended)
        qWarning() << "recording.failed refused:" << appended.error().message;
    return appended.ok();
}

int TestServer::lastSpeech()
{
    auto events = m_server->meetingService()->eventsAfter(1, 0);
    if (!events)
        return 0;
    qint64 last = 0;
    for (const protocol::Event &event : events.value()) {
        if (event.kind == QLatin1String("speaker.granted"))
            last = event.seq;
    }
    return int(last);
}

namespace {

QString localPath(const QString &pathOrUrl)
{
    const QUrl url(pathOrUrl);
    return url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
}

} // namespace

bool TestServer::damageRecording(const QString &sha256)
{
    QFile file(m_server->dataDirectory() + QStringLiteral("/recordings/%1.ogg").arg(sha256));
    if (!file.open(QIODevice::ReadWrite))
        return false;
    QByteArray bytes = file.readAll();
    if (bytes.size() < 100)
        return false;
    bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01);
    return file.seek(0) && file.write(bytes) == bytes.size();
}

bool TestServer::fileExists(const QString &path) const
{
    return QFile::exists(localPath(path));
}

QString TestServer::fileStart(const QString &pathOrUrl, int count) const
{
    QFile file(localPath(pathOrUrl));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.read(count)) : QString();
}

QString TestServer::pdfText(const QString &pathOrUrl) const
{
    QProcess pdftotext;
    chamber::testing::dieWithTest(pdftotext);
    pdftotext.start(QStringLiteral("pdftotext"),
        {QStringLiteral("-enc"), QStringLiteral("UTF-8"), localPath(pathOrUrl),
            QStringLiteral("-")});
    if (!pdftotext.waitForFinished(30000) || pdftotext.exitCode() != 0)
        return {};
    return QString::fromUtf8(pdftotext.readAllStandardOutput());
}

} // namespace chamber::testing

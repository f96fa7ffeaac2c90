// The room's devices together against the real chamberd: the speaker queue from the tablets,
// the chair console and the secretary's REST (requests, reordering, the floor with a limit every
// screen counts down from, the speaking time recorded per delegate), and a room of tablets that
// drops at once reaching the chair console as a few presence updates.
#include "votingserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace chamber;
using namespace chamber::testing;

class TestRoom : public QObject
{
    Q_OBJECT

private:
    VotingServer m_server;
    std::map<qint64, Device> m_seats; // delegates 1..6
    Device m_chair;
    Device m_tally;

private Q_SLOTS:
    void initTestCase()
    {
        auto room = m_server.startWithRoom();
        QVERIFY2(room, m_server.process.log().constData());
        m_seats = std::move(room->seats);
        m_chair = std::move(room->chair);
        m_tally = std::move(room->tally);
    }

    void speakerQueueAcrossDevices()
    {
        const auto speaker = [](const char *type, QJsonObject fields) {
            fields.insert(QStringLiteral("type"), QLatin1String(type));
            fields.insert(QStringLiteral("meeting"), 1);
            return fields;
        };
        const auto speakers = [&] {
            return m_server.call("GET", QStringLiteral("/meetings/1"))
                .json()
                .value(QLatin1String("speakers"))
                .toObject();
        };
        const auto queue = [&] {
            QList<qint64> delegates;
            for (const QJsonValue &entry : speakers().value(QLatin1String("queue")).toArray())
                delegates << entry.toObject().value(QLatin1String("delegate")).toInteger();
            return delegates;
        };
        const qint64 firstSeq = m_server.call("GET", QStringLiteral("/meetings/1"))
                                    .json()
                                    .value(QLatin1String("seq"))
                                    .toInteger();

        for (const qint64 delegate : {2, 3, 1})
            QCOMPARE(codeOf(m_seats[delegate].ws->request(
                         speaker("speaker.request", {{QStringLiteral("delegate"), delegate}}))),
                QStringLiteral("ok"));
        // A tablet speaks only for its own delegate; asking twice keeps the first place.
        QCOMPARE(codeOf(m_seats[1].ws->request(
                     speaker("speaker.request", {{QStringLiteral("delegate"), 4}}))),
            QStringLiteral("forbidden"));
        QCOMPARE(codeOf(m_seats[2].ws->request(
                     speaker("speaker.request", {{QStringLiteral("delegate"), 2}}))),
            QStringLiteral("ok"));
        QCOMPARE(queue(), (QList<qint64> {2, 3, 1}));
        // Only the chair runs the queue; the tally screen only shows it.
        QCOMPARE(codeOf(m_seats[2].ws->request(speaker("speaker.grant", {}))),
            QStringLiteral("forbidden"));
        QCOMPARE(codeOf(m_tally.ws->request(
                     speaker("speaker.request", {{QStringLiteral("delegate"), 5}}))),
            QStringLiteral("forbidden"));
        QCOMPARE(queue(), (QList<qint64> {2, 3, 1}));

        QCOMPARE(codeOf(m_chair.ws->request(speaker("speaker.move",
                     {{QStringLiteral("delegate"), 1}, {QStringLiteral("position"), 0}}))),
            QStringLiteral("ok"));
        QCOMPARE(queue(), (QList<qint64> {1, 2, 3}));
        QCOMPARE(m_server
                     .call("POST", QStringLiteral("/meetings/1/speakers/setLimit"),
                         R"({"seconds": 120})")
                     .status,
            200);
        QCOMPARE(speakers().value(QLatin1String("defaultLimitSeconds")).toInteger(), 120);

        // The first in the queue gets the floor with the default limit; every screen hears it.
        const qsizetype tallyFrom = m_tally.ws->received().size();
        QCOMPARE(codeOf(m_chair.ws->request(speaker("speaker.grant", {}))), QStringLiteral("ok"));
        const QJsonObject granted = m_tally.ws->waitFor(
            [](const QJsonObject &m) {
                return text(m, "type") == QLatin1String("event")
                    && text(m, "kind") == QLatin1String("speaker.granted");
            },
            10000, tallyFrom);
        QVERIFY(!granted.isEmpty());
        const QJsonObject grantedData = granted.value(QLatin1String("data")).toObject();
        QCOMPARE(grantedData.value(QLatin1String("delegate")).toInteger(), 1);
        QCOMPARE(grantedData.value(QLatin1String("limitSeconds")).toInteger(), 120);
        QJsonObject state = speakers();
        QCOMPARE(state.value(QLatin1String("current")).toInteger(), 1);
        QCOMPARE(state.value(QLatin1String("since")).toString(), text(granted, "time"));
        QCOMPARE(queue(), (QList<qint64> {2, 3}));

        QCOMPARE(codeOf(m_seats[3].ws->request(
                     speaker("speaker.withdraw", {{QStringLiteral("delegate"), 3}}))),
            QStringLiteral("ok"));
        QCOMPARE(queue(), (QList<qint64> {2}));
        QTest::qWait(50); // a speech that lasts
        QCOMPARE(
            m_server.call("POST", QStringLiteral("/meetings/1/speakers/end"), "{}").status, 200);
        state = speakers();
        QVERIFY(state.value(QLatin1String("current")).isNull());

        // The log tells the whole story in order, and the recorded time is the total.
        QStringList kinds;
        qint64 spokenMs = -1;
        const QByteArray events
            = m_server.call("GET", QStringLiteral("/meetings/1/events?since=%1").arg(firstSeq))
                  .body;
        for (const QByteArray &line : events.split('\n')) {
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            const QString kind = text(event, "kind");
            if (!kind.startsWith(QLatin1String("speaker.")))
                continue;
            kinds << kind;
            if (kind == QLatin1String("speaker.ended"))
                spokenMs = event.value(QLatin1String("data"))
                               .toObject()
                               .value(QLatin1String("durationMs"))
                               .toInteger();
        }
        QCOMPARE(kinds,
            (QStringList {QStringLiteral("speaker.requested"), QStringLiteral("speaker.requested"),
                QStringLiteral("speaker.requested"), QStringLiteral("speaker.moved"),
                QStringLiteral("speaker.limitSet"), QStringLiteral("speaker.granted"),
                QStringLiteral("speaker.withdrawn"), QStringLiteral("speaker.ended")}));
        QVERIFY2(spokenMs >= 50, qPrintable(QString::number(spokenMs)));
        qint64 totalMs = -1;
        for (const QJsonValue &total : state.value(QLatin1String("totals")).toArray()) {
            if (total.toObject().value(QLatin1String("delegate")).toInteger() == 1)
                totalMs = total.toObject().value(QLatin1String("ms")).toInteger();
        }
        QCOMPARE(totalMs, spokenMs);
    }

    // The room's access point restarts: every tablet drops at once. The chair console gets
    // the devices' presence as a few coalesced lists, not one full list per device (which for
    // 1000 tablets was 14 MB and had the console cut off as too slow; see bench_voting).
    void tabletsDroppingTogetherReachTheChairAsFewUpdates()
    {
        std::vector<Device> room;
        for (qint64 delegate = 11; delegate <= 40; ++delegate)
            room.push_back(m_server.join(QStringLiteral("delegate"), delegate));
        const auto presenceOf = [](const QJsonObject &message) {
            std::map<qint64, bool> online;
            for (const QJsonValue &value : message.value(QLatin1String("devices")).toArray())
                online[value.toObject().value(QLatin1String("device")).toInteger()]
                    = value.toObject().value(QLatin1String("online")).toBool();
            return online;
        };
        const auto onlineCount = [&](const QJsonObject &message) {
            int count = 0;
            for (const auto &[device, online] : presenceOf(message))
                count += online ? 1 : 0;
            return count;
        };
        const auto isPresence
            = [](const QJsonObject &m) { return text(m, "type") == QLatin1String("presence"); };
        // Everyone online as the chair sees it: the last list, once the one due after the last
        // hello has gone out.
        QTest::qWait(600);
        QJsonObject before;
        for (const QJsonObject &message : m_chair.ws->received()) {
            if (isPresence(message))
                before = message;
        }
        const int onlineBefore = onlineCount(before);
        QVERIFY2(onlineBefore >= int(room.size()) + 8,
            QJsonDocument(before).toJson(QJsonDocument::Compact).constData());
        const qsizetype from = m_chair.ws->received().size();

        for (Device &device : room)
            device.ws->abort();
        const QJsonObject after = m_chair.ws->waitFor(
            [&](const QJsonObject &m) {
                return isPresence(m) && onlineCount(m) == onlineBefore - int(room.size());
            },
            10000, from);
        QVERIFY2(!after.isEmpty(), "the chair never saw the room go offline");
        QTest::qWait(400);
        int frames = 0;
        const QList<QJsonObject> received = m_chair.ws->received();
        for (qsizetype i = from; i < received.size(); ++i)
            frames += isPresence(received[i]) ? 1 : 0;
        // One per 250 ms at most; 30 aborts take far less than a second.
        QVERIFY2(frames <= 4, qPrintable(QStringLiteral("%1 presence frames").arg(frames)));
        QVERIFY(m_chair.ws->isConnected());
    }
};

QTEST_MAIN(TestRoom)
#include "test_room.moc"

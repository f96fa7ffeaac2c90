// Remote sites on the speaker list against the real chamberd over TLS: a bridge point enrolled
// through a join code asks for the floor, the chair gives it, a subscriber sees the events and
// the snapshot says which site speaks; a bridge cannot ask for another, a seat's tablet cannot
// ask for a site, and a revoked site leaves the list and the floor.
#include "protocol/joinlink.h"
#include "restcall.h"
#include "serverprocess.h"
#include "wsclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace chamber;
using namespace chamber::testing;

namespace {

QString text(const QJsonObject &object, const char *field)
{
    return object.value(QLatin1String(field)).toString();
}

QString codeOf(const QJsonObject &reply)
{
    return text(reply, "type") == QLatin1String("ok") ? QStringLiteral("ok") : text(reply, "code");
}

QJsonObject speaker(const char *type, QJsonObject fields)
{
    fields.insert(QStringLiteral("type"), QString::fromLatin1(type));
    fields.insert(QStringLiteral("meeting"), 1);
    return fields;
}

struct Device
{
    qint64 id = 0;
    std::unique_ptr<WsClient> ws;
};

} // namespace

class TestBridgeSpeakers : public QObject
{
    Q_OBJECT

    ServerProcess m_server;
    Device m_chair, m_seat, m_siteA, m_siteB;
    std::unique_ptr<WsClient> m_watcher; // the tally screen: a subscriber that only listens

    RestResponse call(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return restCall(method, m_server.baseUrl() + QStringLiteral("/api/v1") + path,
            m_server.pin(), m_server.adminToken(), body);
    }

    // A device joined like a kiosk: a join code (with a label) redeemed over the pinned
    // WebSocket, then hello with the credential and subscribe.
    Device join(const QString &role, qint64 delegate = 0, const QString &label = {})
    {
        QJsonObject body {{QStringLiteral("role"), role}};
        if (delegate)
            body.insert(QStringLiteral("delegate"), delegate);
        if (!label.isEmpty())
            body.insert(QStringLiteral("label"), label);
        const auto link = protocol::parseJoinLink(
            call("POST", QStringLiteral("/meetings/1/join-codes"), QJsonDocument(body).toJson())
                .json()
                .value(QLatin1String("url"))
                .toString());
        if (!link)
            qFatal("no join code for %s", qPrintable(role));
        WsClient enroller(m_server.pin());
        if (!enroller.open(m_server.wsUrl()))
            qFatal("cannot connect");
        const QJsonObject enrolled
            = enroller
                  .request({{QStringLiteral("type"), QStringLiteral("enroll")},
                      {QStringLiteral("token"), link->token}})
                  .value(QLatin1String("result"))
                  .toObject();
        Device device;
        device.id = enrolled.value(QLatin1String("device")).toInteger();
        device.ws = std::make_unique<WsClient>(m_server.pin());
        if (!device.ws->connectAndHello(m_server.wsUrl(), text(enrolled, "credential").toUtf8()))
            qFatal("hello refused");
        device.ws->request({{QStringLiteral("type"), QStringLiteral("subscribe")},
            {QStringLiteral("meeting"), 1}});
        return device;
    }

    QJsonObject meeting() { return call("GET", QStringLiteral("/meetings/1")).json(); }
    QJsonObject speakers() { return meeting().value(QLatin1String("speakers")).toObject(); }
    qint64 seq() { return meeting().value(QLatin1String("seq")).toInteger(); }

    // The queue as "d<id>" / "b<id>" entries, in order.
    QStringList queue()
    {
        QStringList entries;
        for (const QJsonValue &value : speakers().value(QLatin1String("queue")).toArray()) {
            const QJsonObject entry = value.toObject();
            entries << (entry.contains(QLatin1String("bridge"))
                    ? QStringLiteral("b%1").arg(entry.value(QLatin1String("bridge")).toInteger())
                    : QStringLiteral("d%1").arg(
                        entry.value(QLatin1String("delegate")).toInteger()));
        }
        return entries;
    }

    // The next event of `kind` the tally screen receives after index `from`.
    QJsonObject watched(const char *kind, qsizetype from)
    {
        return m_watcher->waitFor(
            [kind](const QJsonObject &m) {
                return text(m, "type") == QLatin1String("event")
                    && text(m, "kind") == QLatin1String(kind);
            },
            10000, from);
    }

    void clearList()
    {
        const QJsonObject state = speakers();
        if (!state.value(QLatin1String("current")).isNull()
            || !state.value(QLatin1String("currentBridge")).isNull())
            m_chair.ws->request(speaker("speaker.end", {}));
        for (const QJsonValue &value : state.value(QLatin1String("queue")).toArray())
            m_chair.ws->request(speaker("speaker.withdraw", value.toObject()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start({QStringLiteral("--demo")}));
        m_chair = join(QStringLiteral("chair"));
        m_seat = join(QStringLiteral("delegate"), 1);
        m_siteA = join(QStringLiteral("bridge"), 0, QStringLiteral("Điểm cầu huyện Mộc Châu"));
        m_siteB = join(QStringLiteral("bridge"), 0, QStringLiteral("Điểm cầu huyện Yên Châu"));
        Device tally = join(QStringLiteral("tally"));
        m_watcher = std::move(tally.ws);
        QVERIFY(m_siteA.id > 0 && m_siteB.id > 0 && m_siteA.id != m_siteB.id);
    }

    void init() { clearList(); }

    void siteAsksChairGivesTheFloorEveryoneSees()
    {
        const qsizetype from = m_watcher->received().size();
        const QJsonObject asked = m_siteA.ws->request(
            speaker("speaker.request", {{QStringLiteral("bridge"), m_siteA.id}}));
        QCOMPARE(codeOf(asked), QStringLiteral("ok"));
        QCOMPARE(asked.value(QLatin1String("result")).toObject().value(QLatin1String("position")),
            QJsonValue(0));
        const QJsonObject requested = watched("speaker.requested", from);
        QCOMPARE(requested.value(QLatin1String("data")).toObject(),
            (QJsonObject {{QStringLiteral("bridge"), m_siteA.id}}));
        QCOMPARE(text(requested, "actor"), QStringLiteral("device:%1").arg(m_siteA.id));
        // A resend of the same request (same id) gets the first answer.
        QCOMPARE(m_siteA.ws->request(speaker("speaker.request",
                     {{QStringLiteral("bridge"), m_siteA.id},
                         {QStringLiteral("id"), text(asked, "id")}})),
            asked);

        // A delegate asks too; the chair gives the floor to the first, the site.
        QCOMPARE(codeOf(m_seat.ws->request(
                     speaker("speaker.request", {{QStringLiteral("delegate"), 1}}))),
            QStringLiteral("ok"));
        QCOMPARE(
            queue(), (QStringList {QStringLiteral("b%1").arg(m_siteA.id), QStringLiteral("d1")}));
        const QJsonObject granted = m_chair.ws->request(speaker("speaker.grant", {}));
        QCOMPARE(codeOf(granted), QStringLiteral("ok"));
        QCOMPARE(granted.value(QLatin1String("result")).toObject(),
            (QJsonObject {{QStringLiteral("bridge"), m_siteA.id}}));
        const QJsonObject grantEvent = watched("speaker.granted", from);
        QCOMPARE(grantEvent.value(QLatin1String("data")).toObject().value(QLatin1String("bridge")),
            QJsonValue(m_siteA.id));
        QJsonObject state = speakers();
        QCOMPARE(state.value(QLatin1String("currentBridge")).toInteger(), m_siteA.id);
        QVERIFY(state.value(QLatin1String("current")).isNull());
        QCOMPARE(text(state, "since"), text(grantEvent, "time"));
        QCOMPARE(queue(), (QStringList {QStringLiteral("d1")}));

        // A fresh subscriber's snapshot says the same, with the site's label among the devices.
        WsClient late(m_server.pin());
        QVERIFY(late.connectAndHello(m_server.wsUrl(), m_server.adminToken()));
        late.request({{QStringLiteral("type"), QStringLiteral("subscribe")},
            {QStringLiteral("meeting"), 1}});
        const QJsonObject snapshot = late.waitFor(
            [](const QJsonObject &m) { return text(m, "type") == QLatin1String("snapshot"); });
        const QJsonObject snapshotState = snapshot.value(QLatin1String("state")).toObject();
        QCOMPARE(snapshotState.value(QLatin1String("speakers"))
                     .toObject()
                     .value(QLatin1String("currentBridge"))
                     .toInteger(),
            m_siteA.id);
        QString label;
        for (const QJsonValue &device : snapshotState.value(QLatin1String("devices")).toArray()) {
            if (device.toObject().value(QLatin1String("id")).toInteger() == m_siteA.id)
                label = text(device.toObject(), "label");
        }
        QCOMPARE(label, QStringLiteral("Điểm cầu huyện Mộc Châu"));

        // The chair gives the floor to the delegate: the site's speech ends and is its own.
        QTest::qWait(30);
        QCOMPARE(codeOf(m_chair.ws->request(
                     speaker("speaker.grant", {{QStringLiteral("delegate"), 1}}))),
            QStringLiteral("ok"));
        const QJsonObject ended = watched("speaker.ended", from);
        const QJsonObject endedData = ended.value(QLatin1String("data")).toObject();
        QCOMPARE(endedData.value(QLatin1String("bridge")).toInteger(), m_siteA.id);
        QVERIFY(!endedData.contains(QLatin1String("delegate")));
        QVERIFY(endedData.value(QLatin1String("durationMs")).toInteger() >= 30);
        state = speakers();
        QCOMPARE(state.value(QLatin1String("current")).toInteger(), 1);
        QVERIFY(state.value(QLatin1String("currentBridge")).isNull());
        bool counted = false;
        for (const QJsonValue &total : state.value(QLatin1String("bridgeTotals")).toArray())
            counted = counted
                || (total.toObject().value(QLatin1String("bridge")).toInteger() == m_siteA.id
                    && total.toObject().value(QLatin1String("ms")).toInteger()
                        == endedData.value(QLatin1String("durationMs")).toInteger());
        QVERIFY(counted);
        for (const QJsonValue &total : state.value(QLatin1String("totals")).toArray())
            QVERIFY(total.toObject().value(QLatin1String("delegate")).toInteger() != m_siteA.id);

        // The site withdraws a new request by itself.
        QCOMPARE(codeOf(m_siteA.ws->request(
                     speaker("speaker.request", {{QStringLiteral("bridge"), m_siteA.id}}))),
            QStringLiteral("ok"));
        QCOMPARE(codeOf(m_siteA.ws->request(
                     speaker("speaker.withdraw", {{QStringLiteral("bridge"), m_siteA.id}}))),
            QStringLiteral("ok"));
        QCOMPARE(queue(), QStringList {});
    }

    void refusalsChangeNothing()
    {
        const qint64 before = seq();
        const auto refused = [](const QJsonObject &reply, const char *code, const char *field) {
            if (codeOf(reply) != QLatin1String(code))
                return false;
            return !field || text(reply, "field") == QLatin1String(field);
        };
        // A bridge for another bridge, for a delegate, for nobody; or giving the floor.
        QVERIFY(refused(m_siteA.ws->request(
                            speaker("speaker.request", {{QStringLiteral("bridge"), m_siteB.id}})),
            "forbidden", nullptr));
        QVERIFY(refused(m_siteA.ws->request(
                            speaker("speaker.withdraw", {{QStringLiteral("bridge"), m_siteB.id}})),
            "forbidden", nullptr));
        QVERIFY(refused(
            m_siteA.ws->request(speaker("speaker.request", {{QStringLiteral("delegate"), 1}})),
            "forbidden", nullptr));
        QVERIFY(refused(
            m_siteA.ws->request(speaker("speaker.grant", {{QStringLiteral("bridge"), m_siteA.id}})),
            "forbidden", nullptr));
        // A seat's tablet for a site.
        QVERIFY(refused(m_seat.ws->request(
                            speaker("speaker.request", {{QStringLiteral("bridge"), m_siteA.id}})),
            "forbidden", nullptr));
        // The chair: a seat's tablet is no bridge, device 9999 does not exist, both or neither.
        QVERIFY(refused(m_chair.ws->request(
                            speaker("speaker.request", {{QStringLiteral("bridge"), m_seat.id}})),
            "not_found", "bridge"));
        QVERIFY(refused(
            m_chair.ws->request(speaker("speaker.grant", {{QStringLiteral("bridge"), 9999}})),
            "not_found", "bridge"));
        QVERIFY(
            refused(m_chair.ws->request(speaker("speaker.request",
                        {{QStringLiteral("bridge"), m_siteA.id}, {QStringLiteral("delegate"), 1}})),
                "bad_field", "bridge"));
        QVERIFY(refused(
            m_chair.ws->request(speaker("speaker.request", {})), "missing_field", "delegate"));
        QCOMPARE(seq(), before);
        QCOMPARE(queue(), QStringList {});

        // Over REST too, the chair's work for any site.
        QCOMPARE(call("POST", QStringLiteral("/meetings/1/speakers/request"),
                     QJsonDocument(QJsonObject {{QStringLiteral("bridge"), m_siteB.id}}).toJson())
                     .status,
            200);
        QCOMPARE(queue(), (QStringList {QStringLiteral("b%1").arg(m_siteB.id)}));
    }

    // Last: it revokes a site.
    void revokedSiteLeavesTheListAndTheFloor()
    {
        QCOMPARE(codeOf(m_siteA.ws->request(
                     speaker("speaker.request", {{QStringLiteral("bridge"), m_siteA.id}}))),
            QStringLiteral("ok"));
        QCOMPARE(codeOf(m_chair.ws->request(
                     speaker("speaker.request", {{QStringLiteral("bridge"), m_siteB.id}}))),
            QStringLiteral("ok"));
        QCOMPARE(codeOf(m_chair.ws->request(
                     speaker("speaker.grant", {{QStringLiteral("bridge"), m_siteA.id}}))),
            QStringLiteral("ok"));
        QCOMPARE(queue(), (QStringList {QStringLiteral("b%1").arg(m_siteB.id)}));

        const qsizetype from = m_watcher->received().size();
        QCOMPARE(
            call("DELETE", QStringLiteral("/meetings/1/devices/%1").arg(m_siteA.id)).status, 200);
        QVERIFY(!watched("device.revoked", from).isEmpty());
        QJsonObject state = speakers();
        QVERIFY(state.value(QLatin1String("currentBridge")).isNull());
        QVERIFY(state.value(QLatin1String("current")).isNull());
        QCOMPARE(queue(), (QStringList {QStringLiteral("b%1").arg(m_siteB.id)}));
        bool counted = false;
        for (const QJsonValue &total : state.value(QLatin1String("bridgeTotals")).toArray())
            counted = counted
                || total.toObject().value(QLatin1String("bridge")).toInteger() == m_siteA.id;
        QVERIFY(counted);
        // No speaker.ended was written: the revocation itself ends it, on every replica.
        QTest::qWait(100);
        for (qsizetype i = from; i < m_watcher->received().size(); ++i)
            QVERIFY(text(m_watcher->received().at(i), "kind") != QLatin1String("speaker.ended"));
        // The revoked site is gone for the chair too.
        QCOMPARE(codeOf(m_chair.ws->request(
                     speaker("speaker.grant", {{QStringLiteral("bridge"), m_siteA.id}}))),
            QStringLiteral("not_found"));

        // After a restart the log replays to the same list.
        QCOMPARE(m_server.terminate(), 0);
        QVERIFY(m_server.start({QStringLiteral("--demo")}));
        QCOMPARE(queue(), (QStringList {QStringLiteral("b%1").arg(m_siteB.id)}));
        QVERIFY(speakers().value(QLatin1String("currentBridge")).isNull());
    }
};

QTEST_GUILESS_MAIN(TestBridgeSpeakers)
#include "test_bridge_speakers.moc"

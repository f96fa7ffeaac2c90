// The authorization of every way into chamberd, generated from a table: every route the server
// lists (GET /api/v1/routes) and every message type of the protocol's schema, asked as every
// kind of principal, must answer as authorizationtable.h says. A route or message without a
// row fails, and so does a row nothing answers to. The cases that were found broken (a tally
// screen minting a chair code, a seat's tablet enrolling as another delegate, a device of
// another meeting reading this one, the pending list for everyone) are named tests.
#include "authorizationfixture.h"
#include "protocol/schema.h"
#include "wsclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace chamber;
using namespace chamber::testing;
using namespace chamber::testing::authorization;

namespace {

const Row *findRow(std::span<const Row> rows, const QString &key)
{
    for (const Row &row : rows) {
        if (key == QLatin1String(row.key))
            return &row;
    }
    return nullptr;
}

// The ten letters a route or message must answer with ("=type" resolved).
QByteArray expectationOf(const Row &row)
{
    const QByteArray expected(row.expected);
    if (!expected.startsWith('='))
        return expected;
    const Row *shared = findRow(kMessages, QString::fromLatin1(expected.mid(1)));
    return shared ? QByteArray(shared->expected) : QByteArray();
}

QString routeKey(const QJsonObject &route)
{
    return route.value(QLatin1String("method")).toString() + u' '
        + route.value(QLatin1String("path")).toString();
}

QJsonObject result(const RestResponse &response)
{
    return response.json().value(QLatin1String("result")).toObject();
}

} // namespace

class TestAuthorization : public QObject
{
    Q_OBJECT

private:
    Fixture m_fixture;
    QJsonArray m_routes; // as the server lists them

    RestResponse asDevice(const QByteArray &credential, const QByteArray &method,
        const QString &path, const QByteArray &body = {})
    {
        return restCall(
            method, m_fixture.server.baseUrl() + path, m_fixture.server.pin(), credential, body);
    }

    QString meetingPath(const QString &rest = {}) const
    {
        return QStringLiteral("/api/v1/meetings/%1").arg(m_fixture.meeting) + rest;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_fixture.setUp(), qPrintable(m_fixture.problem));
        const RestResponse listed = m_fixture.admin("GET", QStringLiteral("/api/v1/routes"));
        QCOMPARE(listed.status, 200);
        m_routes = listed.json().value(QLatin1String("routes")).toArray();
        QVERIFY(m_routes.size() > 40);
    }

    void everyRouteAndMessageHasARow()
    {
        QStringList missing;
        QSet<QString> served;
        for (const QJsonValue &route : std::as_const(m_routes)) {
            const QString key = routeKey(route.toObject());
            served.insert(key);
            const Row *row = findRow(kRoutes, key);
            if (!row || expectationOf(*row).size() != Columns)
                missing << key;
        }
        QSet<QString> types;
        for (const protocol::MessageSpec &spec : protocol::allMessages()) {
            if (spec.direction != protocol::Direction::ToServer)
                continue;
            types.insert(QString::fromLatin1(spec.type));
            const Row *row = findRow(kMessages, QString::fromLatin1(spec.type));
            if (!row || QByteArray(row->expected).size() != Columns)
                missing << QString::fromLatin1(spec.type);
        }
        QVERIFY2(missing.isEmpty(),
            qPrintable(QStringLiteral("no row (or a malformed one) in authorizationtable.h for: ")
                + missing.join(QStringLiteral(", "))));
        // And no row for something that is not there any more.
        QStringList stale;
        for (const Row &row : kRoutes) {
            if (!served.contains(QLatin1String(row.key)))
                stale << QString::fromLatin1(row.key);
        }
        for (const Row &row : kMessages) {
            if (!types.contains(QLatin1String(row.key)))
                stale << QString::fromLatin1(row.key);
        }
        QVERIFY2(stale.isEmpty(),
            qPrintable(QStringLiteral("rows for nothing the server has: ")
                + stale.join(QStringLiteral(", "))));
    }

    void routes_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<int>("column");
        QTest::addColumn<char>("expected");
        for (const QJsonValue &value : std::as_const(m_routes)) {
            const QJsonObject route = value.toObject();
            const Row *row = findRow(kRoutes, routeKey(route));
            const QByteArray expected = row ? expectationOf(*row) : QByteArray();
            if (expected.size() != Columns)
                continue; // everyRouteAndMessageHasARow fails for it
            for (int column = 0; column < Columns; ++column)
                QTest::addRow("%s as %s", qPrintable(routeKey(route)), kColumnNames[column])
                    << route.value(QLatin1String("method")).toString()
                    << route.value(QLatin1String("path")).toString() << column
                    << expected.at(column);
        }
    }

    void routes()
    {
        QFETCH(QString, method);
        QFETCH(QString, pattern);
        QFETCH(int, column);
        QFETCH(char, expected);
        const RestResponse response
            = m_fixture.probeRoute(method, pattern, static_cast<Column>(column));
        const char actual = classifyStatus(response.status);
        QVERIFY2(actual == expected || (expected == 'A' && actual == 'N'),
            qPrintable(QStringLiteral("expected %1, got %2 %3")
                           .arg(QLatin1Char(expected))
                           .arg(response.status)
                           .arg(QString::fromUtf8(response.body.left(300)))));
    }

    void messages_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("column");
        QTest::addColumn<char>("expected");
        for (const Row &row : kMessages) {
            for (int column = 0; column < Columns; ++column)
                QTest::addRow("%s as %s", row.key, kColumnNames[column])
                    << QString::fromLatin1(row.key) << column << row.expected[column];
        }
    }

    void messages()
    {
        QFETCH(QString, type);
        QFETCH(int, column);
        QFETCH(char, expected);
        const QJsonObject reply = m_fixture.probeMessage(type, static_cast<Column>(column));
        const char actual = classifyReply(reply);
        QVERIFY2(actual == expected || (expected == 'A' && actual == 'N'),
            qPrintable(
                QStringLiteral("expected %1, got %2")
                    .arg(QLatin1Char(expected))
                    .arg(QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Compact)))));
    }

    // Found: a tally screen made itself a chair code, enrolled with it and created a poll.
    void tallyScreenCannotMintAChairCode()
    {
        for (Column column : {Tally, Seat, Bridge, Chair, Other}) {
            const RestResponse code = asDevice(m_fixture.credentials[column], "POST",
                meetingPath(QStringLiteral("/join-codes")), R"({"role":"chair"})");
            QCOMPARE(code.status, 403);
            QVERIFY(!code.body.contains("url"));
        }
    }

    // Found: delegate 1's tablet made a code for delegate 2, enrolled as delegate 2 and voted.
    void seatCannotMintACodeForAnotherDelegate()
    {
        const qint64 another = m_fixture.seatDelegate + 1;
        const RestResponse code = asDevice(m_fixture.credentials[Seat], "POST",
            meetingPath(QStringLiteral("/join-codes")),
            QJsonDocument(QJsonObject {{QStringLiteral("role"), QStringLiteral("delegate")},
                              {QStringLiteral("delegate"), another}})
                .toJson());
        QCOMPARE(code.status, 403);
        QCOMPARE(code.json().value(QLatin1String("code")).toString(), QStringLiteral("forbidden"));
        // Nor over the WebSocket by way of the next free seat (a seat's tablet is no tally).
        WsClient client(m_fixture.server.pin());
        QVERIFY(client.connectAndHello(m_fixture.server.wsUrl(), m_fixture.credentials[Seat]));
        const QJsonObject next
            = client.request({{QStringLiteral("type"), QStringLiteral("joinCode.nextSeat")},
                {QStringLiteral("meeting"), m_fixture.meeting}});
        QCOMPARE(next.value(QLatin1String("code")).toString(), QStringLiteral("forbidden"));
    }

    // Found: a tally screen of meeting 2 read meeting 1's snapshot, event log and devices.
    void deviceOfAnotherMeetingReadsNothingOfThisOne()
    {
        const QByteArray foreignTally
            = m_fixture.enroll(m_fixture.otherMeeting, QStringLiteral("tally"));
        QVERIFY(!foreignTally.isEmpty());
        for (const QString &path : {meetingPath(), meetingPath(QStringLiteral("/events")),
                 meetingPath(QStringLiteral("/devices")), meetingPath(QStringLiteral("/agenda")),
                 meetingPath(QStringLiteral("/delegates")),
                 meetingPath(QStringLiteral("/documents")),
                 meetingPath(QStringLiteral("/polls/%1").arg(m_fixture.poll))}) {
            const RestResponse read = asDevice(foreignTally, "GET", path);
            QVERIFY2(read.status == 403, qPrintable(path));
            QVERIFY2(!read.body.contains("Nguy"), qPrintable(path)); // no delegate's name
        }
        // The WebSocket says the same.
        WsClient client(m_fixture.server.pin());
        QVERIFY(client.connectAndHello(m_fixture.server.wsUrl(), foreignTally));
        const QJsonObject subscribed
            = client.request({{QStringLiteral("type"), QStringLiteral("subscribe")},
                {QStringLiteral("meeting"), m_fixture.meeting}});
        QCOMPARE(subscribed.value(QLatin1String("code")).toString(), QStringLiteral("forbidden"));
        // Its own meeting it reads.
        QCOMPARE(asDevice(foreignTally, "GET",
                     QStringLiteral("/api/v1/meetings/%1").arg(m_fixture.otherMeeting))
                     .status,
            200);
    }

    void meetingListNamesADevicesOwnMeetingOnly()
    {
        const auto listed = [this](const QByteArray &credential) {
            QList<qint64> ids;
            const QJsonArray meetings
                = asDevice(credential, "GET", QStringLiteral("/api/v1/meetings"))
                      .json()
                      .value(QLatin1String("meetings"))
                      .toArray();
            for (const QJsonValue &meeting : meetings)
                ids << meeting.toObject().value(QLatin1String("id")).toInteger();
            return ids;
        };
        QCOMPARE(listed(m_fixture.credentials[Other]), QList<qint64> {m_fixture.otherMeeting});
        QCOMPARE(listed(m_fixture.credentials[Tally]), QList<qint64> {m_fixture.meeting});
        QVERIFY(listed(m_fixture.credentials[Admin]).contains(m_fixture.otherMeeting));
        QVERIFY(listed(m_fixture.credentials[Admin]).contains(m_fixture.meeting));
    }

    // Found: any device got /polls/{p} with the pending list, documented as chair/admin only.
    void pendingListIsTheChairsAndTheSecretarys()
    {
        // A poll of its own, opened, so that there is progress to show.
        const QString base = QStringLiteral("/api/v1/meetings/%1").arg(m_fixture.otherMeeting);
        const qint64 poll = result(m_fixture.admin("POST", base + QStringLiteral("/polls"),
                                       R"({"title":"Bầu","rule":{"preset":"simple-majority"}})"))
                                .value(QLatin1String("poll"))
                                .toInteger();
        QVERIFY(poll > 0);
        QCOMPARE(
            m_fixture.admin("POST", base + QStringLiteral("/polls/%1/open").arg(poll)).status, 200);
        const QString path = base + QStringLiteral("/polls/%1").arg(poll);
        const QByteArray seat = m_fixture.enroll(m_fixture.otherMeeting, QStringLiteral("delegate"),
            m_fixture.admin("GET", base + QStringLiteral("/delegates"))
                .json()
                .value(QLatin1String("delegates"))
                .toArray()
                .first()
                .toObject()
                .value(QLatin1String("id"))
                .toInteger());
        const QByteArray tally = m_fixture.enroll(m_fixture.otherMeeting, QStringLiteral("tally"));
        const auto progress = [&](const QByteArray &credential) {
            const RestResponse read = asDevice(credential, "GET", path);
            return read.json().value(QLatin1String("progress")).toObject();
        };
        QVERIFY(progress(m_fixture.server.adminToken()).contains(QLatin1String("pending")));
        QVERIFY(progress(m_fixture.credentials[Other]).contains(QLatin1String("pending")));
        for (const QByteArray &credential : {seat, tally}) {
            const QJsonObject counts = progress(credential);
            QVERIFY(counts.contains(QLatin1String("cast")));
            QVERIFY(!counts.contains(QLatin1String("pending")));
        }
        QCOMPARE(m_fixture.admin("POST", base + QStringLiteral("/polls/%1/close").arg(poll)).status,
            200);
    }

    void seatActsOnlyForItsOwnDelegate()
    {
        const qint64 another = m_fixture.seatDelegate + 1;
        WsClient client(m_fixture.server.pin());
        QVERIFY(client.connectAndHello(m_fixture.server.wsUrl(), m_fixture.credentials[Seat]));
        for (const char *type :
            {"attendance.checkIn", "attendance.checkOut", "speaker.request", "readerLink.create"}) {
            const QJsonObject reply
                = client.request({{QStringLiteral("type"), QString::fromLatin1(type)},
                    {QStringLiteral("meeting"), m_fixture.meeting},
                    {QStringLiteral("delegate"), another}});
            QVERIFY2(
                reply.value(QLatin1String("code")).toString() == QLatin1String("forbidden"), type);
        }
        // Over REST the same.
        QCOMPARE(asDevice(m_fixture.credentials[Seat], "POST",
                     meetingPath(QStringLiteral("/delegates/%1/check-in").arg(another)))
                     .status,
            403);
    }

    void bridgeActsOnlyForItsOwnSite()
    {
        WsClient client(m_fixture.server.pin());
        QVERIFY(client.connectAndHello(m_fixture.server.wsUrl(), m_fixture.credentials[Bridge]));
        const QJsonObject reply
            = client.request({{QStringLiteral("type"), QStringLiteral("speaker.request")},
                {QStringLiteral("meeting"), m_fixture.meeting},
                {QStringLiteral("bridge"), m_fixture.bridgeDevice + 1000}});
        QCOMPARE(reply.value(QLatin1String("code")).toString(), QStringLiteral("forbidden"));
    }

    void revokedDeviceIsNobody()
    {
        for (const QString &path :
            {meetingPath(), QString(QStringLiteral("/docs/") + m_fixture.documentSha)})
            QCOMPARE(asDevice(m_fixture.credentials[Revoked], "GET", path).status, 401);
        WsClient client(m_fixture.server.pin());
        QVERIFY(!client.connectAndHello(m_fixture.server.wsUrl(), m_fixture.credentials[Revoked]));
    }
};

QTEST_MAIN(TestAuthorization)
#include "test_authorization.moc"

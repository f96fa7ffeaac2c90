// Voting against the real chamberd over TLS: ballots acknowledged and counted, double ballots,
// ballots after close, for another delegate, from devices that may not vote, resend after a
// lost acknowledgement, proxies, progress pushes, signed results, the secrecy of secret
// ballots searched for in the database, the write-ahead log, the event log and the logs, and
// a ballot repeated under a new request id (before and after a restart). The orders SQLite
// keeps on disk are the secrecy audit's (test_secrecy_audit).
#include "protocol/ballotcast.h"
#include "protocol/receipt.h"
#include "restcall.h"
#include "serverprocess.h"
#include "storage/sqlite.h"
#include "votingserver.h"
#include "wsclient.h"

#include "childprocess.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace chamber;
using namespace chamber::testing;

namespace {

QJsonObject ballot(
    qint64 poll, qint64 delegate, const QString &choice, const QString &key, const QString &id = {})
{
    QJsonObject message {{QStringLiteral("type"), QStringLiteral("ballot.cast")},
        {QStringLiteral("meeting"), 1}, {QStringLiteral("poll"), poll},
        {QStringLiteral("delegate"), delegate}, {QStringLiteral("choice"), choice},
        {QStringLiteral("key"), key}};
    if (!id.isEmpty())
        message.insert(QStringLiteral("id"), id);
    return message;
}

bool changed(const QJsonObject &reply)
{
    return reply.value(QLatin1String("result")).toObject().value(QLatin1String("changed")).toBool();
}

qint64 count(const QJsonObject &closing, const char *choice)
{
    return closing.value(QLatin1String("tally"))
        .toObject()
        .value(QLatin1String("counts"))
        .toObject()
        .value(QLatin1String(choice))
        .toInteger();
}

} // namespace

class TestVoting : public QObject
{
    Q_OBJECT

private:
    VotingServer m_server;
    std::map<qint64, Device> m_seats; // delegates 1..6
    Device m_chair;
    Device m_tally;

    // Stops chamberd and starts it again on the same data and port; every device reconnects.
    void restartServer()
    {
        const quint16 port = m_server.process.port();
        QCOMPARE(m_server.process.terminate(), 0);
        QVERIFY(m_server.process.start(
            {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)}));
        for (auto &[delegate, seat] : m_seats)
            seat.ws = m_server.connect(seat.credential);
        m_chair.ws = m_server.connect(m_chair.credential);
        m_tally.ws = m_server.connect(m_tally.credential);
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto room = m_server.startWithRoom();
        QVERIFY2(room, m_server.process.log().constData());
        m_seats = std::move(room->seats);
        m_chair = std::move(room->chair);
        m_tally = std::move(room->tally);
    }

    void namedBallotsAreAcknowledgedAndCounted()
    {
        const qint64 poll = m_server.openPoll({});
        const QStringList choices {QStringLiteral("yes"), QStringLiteral("yes"),
            QStringLiteral("no"), QStringLiteral("yes"), QStringLiteral("abstain")};
        for (qint64 delegate = 1; delegate <= 5; ++delegate) {
            const QJsonObject reply = m_seats[delegate].ws->request(
                ballot(poll, delegate, choices[delegate - 1], protocol::makeBallotKey()));
            QCOMPARE(codeOf(reply), QStringLiteral("ok"));
            QVERIFY(reply.value(QLatin1String("result"))
                        .toObject()
                        .value(QLatin1String("recorded"))
                        .toBool());
        }
        // The tally screen sees the count rise to 5 of 5; the chair sees nobody pending.
        QVERIFY(!m_tally.ws
                     ->waitFor([&](const QJsonObject &m) {
                         return text(m, "type") == QLatin1String("progress")
                             && m.value(QLatin1String("cast")).toInt() == 5;
                     })
                     .isEmpty());
        const QJsonObject chairProgress = m_chair.ws->waitFor([&](const QJsonObject &m) {
            return text(m, "type") == QLatin1String("progress")
                && m.value(QLatin1String("cast")).toInt() == 5;
        });
        QCOMPARE(chairProgress.value(QLatin1String("eligible")).toInt(), 5);
        QVERIFY(chairProgress.value(QLatin1String("pending")).toArray().isEmpty());
        QVERIFY(!m_tally.ws->received().last().contains(QLatin1String("pending"))); // counts only

        const QJsonObject closing = m_server.closePoll(poll);
        QCOMPARE(count(closing, "yes"), 3);
        QCOMPARE(count(closing, "no"), 1);
        QCOMPARE(count(closing, "abstain"), 1);
        QCOMPARE(text(closing.value(QLatin1String("outcome")).toObject(), "verdict"),
            QStringLiteral("passed"));
        QCOMPARE(closing.value(QLatin1String("ballots")).toArray().size(), 5); // the roll call
        QCOMPARE(closing.value(QLatin1String("ballots"))
                     .toArray()
                     .at(2)
                     .toObject()
                     .value(QLatin1String("choice"))
                     .toString(),
            QStringLiteral("no"));
    }

    void refusedBallotsChangeNothing()
    {
        const qint64 poll = m_server.openPoll({});
        const QString key = protocol::makeBallotKey();
        QCOMPARE(codeOf(m_seats[1].ws->request(ballot(poll, 1, QStringLiteral("yes"), key))),
            QStringLiteral("ok"));
        // Double ballot with another key; a change where changes are not allowed.
        QCOMPARE(codeOf(m_seats[1].ws->request(
                     ballot(poll, 1, QStringLiteral("no"), protocol::makeBallotKey()))),
            QStringLiteral("conflict"));
        QCOMPARE(codeOf(m_seats[1].ws->request(ballot(poll, 1, QStringLiteral("no"), key))),
            QStringLiteral("conflict"));
        // The same vote again is fine (a double tap).
        QCOMPARE(codeOf(m_seats[1].ws->request(ballot(poll, 1, QStringLiteral("yes"), key))),
            QStringLiteral("ok"));
        // For another delegate; by an absent delegate; from devices that do not vote.
        QCOMPARE(codeOf(m_seats[1].ws->request(
                     ballot(poll, 2, QStringLiteral("yes"), protocol::makeBallotKey()))),
            QStringLiteral("forbidden"));
        QCOMPARE(codeOf(m_seats[6].ws->request(
                     ballot(poll, 6, QStringLiteral("yes"), protocol::makeBallotKey()))),
            QStringLiteral("forbidden"));
        QCOMPARE(codeOf(m_chair.ws->request(
                     ballot(poll, 2, QStringLiteral("yes"), protocol::makeBallotKey()))),
            QStringLiteral("forbidden"));
        QCOMPARE(codeOf(m_tally.ws->request(
                     ballot(poll, 2, QStringLiteral("yes"), protocol::makeBallotKey()))),
            QStringLiteral("forbidden"));
        WsClient admin(m_server.process.pin());
        QVERIFY(admin.connectAndHello(m_server.process.wsUrl(), m_server.process.adminToken()));
        QCOMPARE(codeOf(admin.request(
                     ballot(poll, 2, QStringLiteral("yes"), protocol::makeBallotKey()))),
            QStringLiteral("forbidden"));
        // A choice that does not exist.
        QCOMPARE(codeOf(m_seats[2].ws->request(
                     ballot(poll, 2, QStringLiteral("maybe"), protocol::makeBallotKey()))),
            QStringLiteral("bad_field"));

        const QJsonObject closing = m_server.closePoll(poll);
        QCOMPARE(closing.value(QLatin1String("tally"))
                     .toObject()
                     .value(QLatin1String("ballots"))
                     .toInt(),
            1);
        QCOMPARE(count(closing, "yes"), 1);
        // After close.
        QCOMPARE(codeOf(m_seats[2].ws->request(
                     ballot(poll, 2, QStringLiteral("yes"), protocol::makeBallotKey()))),
            QStringLiteral("conflict"));
    }

    void changingAVoteWhereAllowed()
    {
        const qint64 poll = m_server.openPoll({{QStringLiteral("allowChange"), true}});
        const QString key = protocol::makeBallotKey();
        QCOMPARE(codeOf(m_seats[3].ws->request(ballot(poll, 3, QStringLiteral("no"), key))),
            QStringLiteral("ok"));
        const QJsonObject changed
            = m_seats[3].ws->request(ballot(poll, 3, QStringLiteral("yes"), key));
        QVERIFY(changed.value(QLatin1String("result"))
                    .toObject()
                    .value(QLatin1String("changed"))
                    .toBool());
        const QJsonObject closing = m_server.closePoll(poll);
        QCOMPARE(count(closing, "yes"), 1);
        QCOMPARE(count(closing, "no"), 0);
    }

    void resendAfterALostAcknowledgement()
    {
        const qint64 poll = m_server.openPoll({});
        const QJsonObject cast = ballot(poll, 4, QStringLiteral("yes"), protocol::makeBallotKey(),
            QStringLiteral("tablet-4-ballot"));
        // The tablet sends and loses its connection before the answer arrives.
        WsClient flaky(m_server.process.pin());
        QVERIFY(flaky.connectAndHello(m_server.process.wsUrl(), m_seats[4].credential.toUtf8()));
        flaky.sendJson(cast);
        flaky.abort();
        QTest::qWait(100);
        // It reconnects and resends the same command: no error, and one ballot.
        auto again = m_server.connect(m_seats[4].credential);
        const QJsonObject first = again->request(cast);
        QCOMPARE(codeOf(first), QStringLiteral("ok"));
        QCOMPARE(again->request(cast), first);
        const QJsonObject closing = m_server.closePoll(poll);
        QCOMPARE(closing.value(QLatin1String("tally"))
                     .toObject()
                     .value(QLatin1String("ballots"))
                     .toInt(),
            1);
        QCOMPARE(closing.value(QLatin1String("voters")).toArray(), QJsonArray {4});
    }

    void proxyVoting()
    {
        QCOMPARE(m_server.call("PATCH", QStringLiteral("/meetings/1"), R"({"allowProxies":true})")
                     .status,
            200);
        QCOMPARE(
            m_server
                .call("POST", QStringLiteral("/meetings/1/proxies"), R"({"delegate":6,"holder":5})")
                .status,
            201);
        const qint64 poll = m_server.openPoll({});
        // 6 is absent and gave the proxy to 5, who is present: 5's tablet votes for 6.
        QCOMPARE(codeOf(m_seats[5].ws->request(
                     ballot(poll, 6, QStringLiteral("no"), protocol::makeBallotKey()))),
            QStringLiteral("ok"));
        QCOMPARE(codeOf(m_seats[5].ws->request(
                     ballot(poll, 5, QStringLiteral("yes"), protocol::makeBallotKey()))),
            QStringLiteral("ok"));
        QCOMPARE(
            m_server.call("POST", QStringLiteral("/meetings/1/delegates/6/check-in")).status, 200);
        QCOMPARE(codeOf(m_seats[6].ws->request(
                     ballot(poll, 6, QStringLiteral("yes"), protocol::makeBallotKey()))),
            QStringLiteral("forbidden"));
        const QJsonObject closing = m_server.closePoll(poll);
        bool proxied = false;
        for (const QJsonValue &entry : closing.value(QLatin1String("ballots")).toArray())
            proxied = proxied
                || (entry.toObject().value(QLatin1String("delegate")).toInt() == 6
                    && entry.toObject().value(QLatin1String("proxyHolder")).toInt() == 5);
        QVERIFY(proxied);
        QCOMPARE(
            m_server.call("POST", QStringLiteral("/meetings/1/delegates/6/check-out")).status, 200);
        QCOMPARE(m_server.call("DELETE", QStringLiteral("/meetings/1/proxies/6")).status, 200);
    }

    void signedResultVerifies()
    {
        const qint64 poll
            = m_server.openPoll({{QStringLiteral("title"), QStringLiteral("Bầu Trưởng ban")},
                {QStringLiteral("choices"),
                    QJsonArray {QStringLiteral("Nguyễn An"), QStringLiteral("Trần Bình")}}});
        for (qint64 delegate = 1; delegate <= 3; ++delegate)
            m_seats[delegate].ws->request(ballot(poll, delegate,
                delegate < 3 ? QStringLiteral("Nguyễn An") : QStringLiteral("Trần Bình"),
                protocol::makeBallotKey()));
        const QJsonObject closing = m_server.closePoll(poll);
        QCOMPARE(text(closing.value(QLatin1String("outcome")).toObject(), "winner"),
            QStringLiteral("Nguyễn An"));
        QCOMPARE(
            m_server.call("POST", QStringLiteral("/meetings/1/polls/%1/publish").arg(poll)).status,
            200);

        QTemporaryDir dir;
        const QString resultFile = dir.filePath(QStringLiteral("result.json"));
        const QString logFile = dir.filePath(QStringLiteral("log.jsonl"));
        const QStringList connection {QStringLiteral("--data"), m_server.process.dataDir(),
            QStringLiteral("--server"), m_server.process.baseUrl()};
        auto ctl = [&](const QStringList &arguments) {
            QProcess process;
            chamber::testing::dieWithTest(process);
            process.start(binaryPath(QStringLiteral("chamberctl")), connection + arguments);
            process.waitForFinished(30000);
            return std::pair(process.exitCode(),
                QString::fromUtf8(
                    process.readAllStandardOutput() + process.readAllStandardError()));
        };
        QCOMPARE(ctl({QStringLiteral("result"), QStringLiteral("1"), QString::number(poll),
                         QStringLiteral("--output"), resultFile})
                     .first,
            0);
        QCOMPARE(ctl({QStringLiteral("export"), QStringLiteral("1"), QStringLiteral("--output"),
                         logFile})
                     .first,
            0);
        const QString key
            = text(m_server.call("GET", QStringLiteral("/server")).json(), "signingKey");
        const auto verified = ctl({QStringLiteral("verify"), resultFile, QStringLiteral("--key"),
            key, QStringLiteral("--log"), logFile});
        QVERIFY2(verified.first == 0, qPrintable(verified.second));
        QVERIFY(verified.second.contains(QStringLiteral("anchored at event")));

        // One changed count and the signature no longer holds.
        QFile file(resultFile);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray content = file.readAll();
        content.replace("\"Nguyễn An\": 2", "\"Nguyễn An\": 3");
        QVERIFY(content.contains("\"Nguyễn An\": 3"));
        file.resize(0);
        file.write(content);
        file.close();
        const auto tampered = ctl({QStringLiteral("verify"), resultFile});
        QCOMPARE(tampered.first, 1);
        QVERIFY(tampered.second.contains(QStringLiteral("does not match the document")));
        // Another server's key is not trusted.
        QCOMPARE(ctl({QStringLiteral("verify"), resultFile, QStringLiteral("--key"),
                         QString::fromLatin1(QByteArray(32, 'k').toBase64())})
                     .first,
            1);
    }

    void secretBallotsStaySecret()
    {
        const qint64 poll = m_server.openPoll({{QStringLiteral("secret"), true},
            {QStringLiteral("title"), QStringLiteral("Phiếu kín")}});
        // Distinct patterns per delegate so any linkage would show.
        const std::map<qint64, QString> choices {{1, QStringLiteral("yes")},
            {2, QStringLiteral("no")}, {3, QStringLiteral("yes")}, {4, QStringLiteral("abstain")},
            {5, QStringLiteral("no")}};
        std::map<qint64, QString> receipts;
        for (const auto &[delegate, choice] : choices) {
            const QString key = protocol::makeBallotKey();
            receipts[delegate] = protocol::ballotReceipt(1, poll, key);
            const QJsonObject reply
                = m_seats[delegate].ws->request(ballot(poll, delegate, choice, key));
            QCOMPARE(codeOf(reply), QStringLiteral("ok"));
            // The stored answer carries no receipt (it would link device and ballot).
            QVERIFY(!QJsonDocument(reply).toJson().contains(receipts[delegate].toUtf8()));
        }
        const QJsonObject closing = m_server.closePoll(poll);
        QCOMPARE(count(closing, "yes"), 2);
        QCOMPARE(count(closing, "no"), 2);
        QVERIFY(closing.value(QLatin1String("ballots")).toArray().isEmpty()); // no roll call
        // Every voter finds their receipt in the result; the receipts are sorted.
        QStringList published;
        for (const QJsonValue &value : closing.value(QLatin1String("receipts")).toArray())
            published << value.toString();
        QStringList sorted = published;
        sorted.sort();
        QCOMPARE(published, sorted);
        for (const auto &[delegate, receipt] : receipts)
            QVERIFY(published.contains(receipt));

        // Now search everything on disk and in the logs for a link between a delegate and a choice.
        const QString dataDir = m_server.process.dataDir();
        QCOMPARE(
            QFileInfo(dataDir + QStringLiteral("/chamber.db-wal")).size(), 0); // truncated at close
        const QByteArray events = m_server.call("GET", QStringLiteral("/meetings/1/events")).body;
        const QByteArray serverLog = m_server.process.log();
        auto db = storage::Database::open(
            dataDir + QStringLiteral("/chamber.db"), storage::Database::Mode::ReadOnly);
        QVERIFY(db);
        // The ballots table has no delegate and no row order beyond its random key.
        auto columns = db.value()->prepare(
            "SELECT group_concat(name) FROM pragma_table_info('secret_ballots')");
        QVERIFY(columns && columns->next());
        QCOMPARE(columns->text(0), QStringLiteral("meeting,poll,ballot,receipt,choice,weight"));
        QVERIFY(!db.value()->prepare(
            "SELECT rowid FROM secret_ballots")); // WITHOUT ROWID: no insertion order
        auto voters = db.value()->prepare(
            "SELECT group_concat(name) FROM pragma_table_info('secret_voters')");
        QVERIFY(voters && voters->next());
        QCOMPARE(voters->text(0), QStringLiteral("meeting,poll,delegate"));
        // Stored answers, of commands and of ballots: nothing of the ballot, and no time.
        QByteArray allAnswers;
        for (const char *table : {"command_results", "ballot_answers"}) {
            auto answers = db.value()->prepare(QByteArray("SELECT response FROM ") + table);
            QVERIFY(answers);
            while (answers->next())
                allAnswers += answers->textBytes(0);
        }
        QVERIFY(allAnswers.contains("\"recorded\":true"));
        auto answerColumns = db.value()->prepare(
            "SELECT group_concat(name) FROM pragma_table_info('ballot_answers')");
        QVERIFY(answerColumns && answerColumns->next());
        QCOMPARE(
            answerColumns->text(0), QStringLiteral("principal,request_id,fingerprint,response"));
        QCOMPARE(db.value()
                     ->queryInteger("SELECT count(*) FROM command_results WHERE "
                                    "json_extract(response, '$.result.recorded') IS 1")
                     .value(),
            0);
        for (const auto &[delegate, receipt] : receipts) {
            // Receipts appear only in the poll's closing (and published) record, never in a
            // record about a delegate or device, nor in any log line.
            QVERIFY2(!allAnswers.contains(receipt.toUtf8()), qPrintable(receipt));
            QVERIFY2(!serverLog.contains(receipt.toUtf8()), qPrintable(receipt));
            int mentions = 0;
            for (const QByteArray &line : events.split('\n')) {
                if (!line.contains(receipt.toUtf8()))
                    continue;
                ++mentions;
                QVERIFY(line.contains("\"kind\":\"poll.closed\"")
                    || line.contains("\"kind\":\"poll.published\""));
            }
            QCOMPARE(mentions, 1);
        }
        // No event about this poll lists who chose what.
        for (const QByteArray &line : events.split('\n')) {
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            if (event.value(QLatin1String("data"))
                    .toObject()
                    .value(QLatin1String("poll"))
                    .toInteger()
                != poll)
                continue;
            QVERIFY(event.value(QLatin1String("data"))
                        .toObject()
                        .value(QLatin1String("ballots"))
                        .toArray()
                        .isEmpty());
        }
        // No log line carries a choice.
        for (const QByteArray &line : serverLog.split('\n'))
            QVERIFY2(!line.contains("\"choice\""), line.constData());
    }

    // The ballot is read from the validated message once, into typed fields; what a client
    // builds from those fields is the same command.
    void ballotCastIsReadOnce()
    {
        const auto message = protocol::parseMessage(
            R"({"type":"ballot.cast","id":"b-1","meeting":1,"poll":2,"delegate":3,)"
            R"("choice":"Trần Bình","key":"AAAAAAAAAAAAAAAAAAAAAA"})",
            protocol::Direction::ToServer);
        QVERIFY(message);
        const auto cast = protocol::BallotCast::fromMessage(message.value());
        QVERIFY(cast);
        QCOMPARE(cast->meeting, 1);
        QCOMPARE(cast->poll, 2);
        QCOMPARE(cast->delegate, 3);
        QCOMPARE(cast->choice, QStringLiteral("Trần Bình"));
        QCOMPARE(cast->key, QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA"));
        QJsonObject rebuilt = cast->toJson();
        rebuilt.insert(QStringLiteral("id"), QStringLiteral("b-1"));
        const auto again = protocol::validateMessage(rebuilt, protocol::Direction::ToServer);
        QVERIFY(again);
        QCOMPARE(protocol::BallotCast::fromMessage(again.value()).value(), cast.value());
        QCOMPARE(again->body, message->body);
        // Another message is no ballot.
        const auto ping = protocol::parseMessage(
            R"({"type":"ping","id":"p-1"})", protocol::Direction::ToServer);
        QVERIFY(ping);
        QCOMPARE(
            protocol::BallotCast::fromMessage(ping.value()).error().code, ErrorCode::UnknownType);
    }

    void repeatedBallotUnderANewId_data()
    {
        QTest::addColumn<bool>("secret");
        QTest::addColumn<bool>("allowChange");
        QTest::addColumn<bool>("restart");
        QTest::newRow("named") << false << false << false;
        QTest::newRow("named, changes allowed") << false << true << false;
        QTest::newRow("secret") << true << false << false;
        QTest::newRow("secret, changes allowed") << true << true << false;
        QTest::newRow("secret, after a restart") << true << false << true;
        QTest::newRow("secret, changes allowed, after a restart") << true << true << true;
    }

    // A tablet sends its ballot again under a new request id (a new entry in its outbox, a
    // second tap): whatever the poll, and before or after a restart, nothing changed and the
    // answer says so; a real change says it changed, or is refused where changes are not
    // allowed. A resend under the first id still gets the first answer, after close too.
    void repeatedBallotUnderANewId()
    {
        QFETCH(bool, secret);
        QFETCH(bool, allowChange);
        QFETCH(bool, restart);
        const QString tag
            = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-').remove(u',');
        const qint64 poll = m_server.openPoll(
            {{QStringLiteral("secret"), secret}, {QStringLiteral("allowChange"), allowChange}});
        const QString key = protocol::makeBallotKey();
        const QJsonObject cast
            = ballot(poll, 1, QStringLiteral("yes"), key, QStringLiteral("again-%1-1").arg(tag));
        const QJsonObject first = m_seats[1].ws->request(cast);
        QCOMPARE(codeOf(first), QStringLiteral("ok"));
        QVERIFY(!changed(first));
        const QJsonObject repeated
            = m_seats[1].ws->request(ballot(poll, 1, QStringLiteral("yes"), key));
        QCOMPARE(codeOf(repeated), QStringLiteral("ok"));
        QVERIFY(!changed(repeated));
        if (restart)
            restartServer();
        const QJsonObject afterwards
            = m_seats[1].ws->request(ballot(poll, 1, QStringLiteral("yes"), key));
        QCOMPARE(codeOf(afterwards), QStringLiteral("ok"));
        QVERIFY(!changed(afterwards));

        const QJsonObject change
            = m_seats[1].ws->request(ballot(poll, 1, QStringLiteral("no"), key));
        if (allowChange) {
            QCOMPARE(codeOf(change), QStringLiteral("ok"));
            QVERIFY(changed(change));
            const QJsonObject same
                = m_seats[1].ws->request(ballot(poll, 1, QStringLiteral("no"), key));
            QCOMPARE(codeOf(same), QStringLiteral("ok"));
            QVERIFY(!changed(same));
        } else {
            QCOMPARE(codeOf(change), QStringLiteral("conflict"));
        }
        // Another key for the same delegate is still a second ballot.
        QCOMPARE(codeOf(m_seats[1].ws->request(
                     ballot(poll, 1, QStringLiteral("yes"), protocol::makeBallotKey()))),
            QStringLiteral("conflict"));
        QCOMPARE(m_seats[1].ws->request(cast), first);

        const QJsonObject closing = m_server.closePoll(poll);
        QCOMPARE(closing.value(QLatin1String("tally"))
                     .toObject()
                     .value(QLatin1String("ballots"))
                     .toInt(),
            1);
        QCOMPARE(count(closing, "yes"), allowChange ? 0 : 1);
        QCOMPARE(count(closing, "no"), allowChange ? 1 : 0);
        QCOMPARE(m_seats[1].ws->request(cast), first);
    }
};

QTEST_GUILESS_MAIN(TestVoting)
#include "test_voting.moc"

// chamberctl verify of signed poll results against a real chamberd's export: the genuine result
// passes; forged ones are refused with the field, both values and the log's event named: tally
// swapped and re-signed with another key, the right key over a wrong tally, changed receipts, a
// changed rule, another poll or meeting, a lastEvent the log does not have, a rewritten
// log-and-result pair; no trusted key is not a pass; malformed files get a clear error.
#include "chamberctlrun.h"
#include "enroll.h"
#include "protocol/ed25519.h"
#include "protocol/event.h"
#include "protocol/receipt.h"
#include "restcall.h"
#include "serverprocess.h"
#include "wsclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <optional>

using namespace chamber;
using namespace chamber::testing;

namespace {

using Run = CtlRun;

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject object(const QJsonObject &parent, const char *name)
{
    return parent.value(QLatin1String(name)).toObject();
}

// Signs `document` with `key` as chamberd does, into {document, signature, publicKey}.
QJsonObject signedWith(const QJsonObject &document, const protocol::Ed25519Key &key)
{
    return {{QStringLiteral("document"), document},
        {QStringLiteral("signature"),
            QString::fromLatin1(key.sign(protocol::resultSigningBytes(document)).toBase64())},
        {QStringLiteral("publicKey"), QString::fromLatin1(key.publicKey().toBase64())}};
}

// Swaps yes and no in a yes/no poll's tally and flips the verdict, as a forger would.
void swapYesAndNo(QJsonObject &document)
{
    QJsonObject tally = object(document, "tally");
    QJsonObject counts = object(tally, "counts");
    const QJsonValue yes = counts.value(QLatin1String("yes"));
    counts.insert(QStringLiteral("yes"), counts.value(QLatin1String("no")));
    counts.insert(QStringLiteral("no"), yes);
    tally.insert(QStringLiteral("counts"), counts);
    document.insert(QStringLiteral("tally"), tally);
    QJsonObject outcome = object(document, "outcome");
    outcome.insert(QStringLiteral("verdict"), QStringLiteral("failed"));
    document.insert(QStringLiteral("outcome"), outcome);
}

} // namespace

class TestVerify : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    QTemporaryDir m_work;
    std::optional<protocol::Ed25519Key> m_serverKey; // read from the data directory
    std::optional<protocol::Ed25519Key> m_otherKey;
    QString m_log;
    QString m_named; // result of a named yes/no poll: 3 yes, 1 no
    QString m_secret; // result of a secret poll
    qint64 m_namedPoll = 0;
    qint64 m_secretPoll = 0;
    std::vector<protocol::Event> m_events;

    RestResponse call(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return restCall(method, m_server.baseUrl() + QStringLiteral("/api/v1") + path,
            m_server.pin(), m_server.adminToken(), body);
    }

    // chamberctl with nothing found by itself: no data directory, no server, unless given.
    Run ctl(const QStringList &arguments)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"CHAMBER_SERVER", "CHAMBER_PIN", "CHAMBER_TOKEN"})
            environment.remove(QLatin1String(name));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_work.filePath(QStringLiteral("xdg")));
        return runChamberctl(arguments, environment);
    }

    QString write(const QString &name, const QByteArray &content)
    {
        return writeTestFile(m_work, name, content);
    }

    QString writeJson(const QString &name, const QJsonObject &json)
    {
        return write(name, QJsonDocument(json).toJson(QJsonDocument::Indented));
    }

    // A copy of a genuine result with its document edited and signed again with `key`.
    QString forged(const QString &name, const QString &genuine,
        const std::function<void(QJsonObject &)> &edit, const protocol::Ed25519Key &key)
    {
        QJsonObject document
            = object(QJsonDocument::fromJson(readFile(genuine)).object(), "document");
        edit(document);
        return writeJson(name, signedWith(document, key));
    }

    QString serverKeyBase64() const
    {
        return QString::fromLatin1(m_serverKey->publicKey().toBase64());
    }

    qint64 seqOf(const char *kind, qint64 poll) const
    {
        for (const protocol::Event &event : m_events) {
            if (event.kind == QLatin1String(kind)
                && event.data.value(QLatin1String("poll")).toInteger() == poll)
                return event.seq;
        }
        return 0;
    }

    Run verifyWithKey(const QString &result)
    {
        return ctl({QStringLiteral("verify"), result, QStringLiteral("--log"), m_log,
            QStringLiteral("--key"), serverKeyBase64()});
    }

    qint64 runPoll(
        QJsonObject fields, const std::map<qint64, WsClient *> &tablets, const QStringList &choices)
    {
        fields.insert(QStringLiteral("rule"),
            QJsonObject {{QStringLiteral("preset"), QStringLiteral("simple-majority")}});
        const qint64 poll
            = call("POST", QStringLiteral("/meetings/1/polls"), QJsonDocument(fields).toJson())
                  .json()
                  .value(QLatin1String("result"))
                  .toObject()
                  .value(QLatin1String("poll"))
                  .toInteger();
        call("POST", QStringLiteral("/meetings/1/polls/%1/open").arg(poll));
        for (const auto &[delegate, tablet] : tablets) {
            const QJsonObject reply
                = tablet->request({{QStringLiteral("type"), QStringLiteral("ballot.cast")},
                    {QStringLiteral("meeting"), 1}, {QStringLiteral("poll"), poll},
                    {QStringLiteral("delegate"), delegate},
                    {QStringLiteral("choice"), choices.at(delegate - 1)},
                    {QStringLiteral("key"), protocol::makeBallotKey()}});
            if (reply.value(QLatin1String("type")) != QLatin1String("ok"))
                qWarning() << "ballot refused" << reply;
        }
        call("POST", QStringLiteral("/meetings/1/polls/%1/close").arg(poll));
        call("POST", QStringLiteral("/meetings/1/polls/%1/publish").arg(poll));
        return poll;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start({QStringLiteral("--demo")}), m_server.log().constData());
        std::vector<std::unique_ptr<WsClient>> sockets;
        std::map<qint64, WsClient *> tablets;
        for (qint64 delegate = 1; delegate <= 4; ++delegate) {
            const QString credential
                = enrollDevice(m_server, 1, QStringLiteral("delegate"), delegate);
            auto ws = std::make_unique<WsClient>(m_server.pin());
            QVERIFY(ws->connectAndHello(m_server.wsUrl(), credential.toUtf8()));
            QCOMPARE(call("POST", QStringLiteral("/meetings/1/delegates/%1/check-in").arg(delegate))
                         .status,
                200);
            tablets[delegate] = ws.get();
            sockets.push_back(std::move(ws));
        }
        const QStringList yesYesYesNo {QStringLiteral("yes"), QStringLiteral("yes"),
            QStringLiteral("yes"), QStringLiteral("no")};
        m_namedPoll = runPoll(
            {{QStringLiteral("title"), QStringLiteral("Nghị quyết số 1")}}, tablets, yesYesYesNo);
        m_secretPoll = runPoll({{QStringLiteral("title"), QStringLiteral("Phiếu kín")},
                                   {QStringLiteral("secret"), true}},
            tablets,
            {QStringLiteral("no"), QStringLiteral("yes"), QStringLiteral("no"),
                QStringLiteral("abstain")});

        const QStringList connection {QStringLiteral("--data"), m_server.dataDir(),
            QStringLiteral("--server"), m_server.baseUrl()};
        m_log = m_work.filePath(QStringLiteral("log.jsonl"));
        m_named = m_work.filePath(QStringLiteral("named.json"));
        m_secret = m_work.filePath(QStringLiteral("secret.json"));
        QCOMPARE(ctl(connection
                     + QStringList {QStringLiteral("export"), QStringLiteral("1"),
                         QStringLiteral("--output"), m_log})
                     .exitCode,
            0);
        for (const auto &[poll, file] :
            {std::pair(m_namedPoll, m_named), std::pair(m_secretPoll, m_secret)}) {
            const Run run = ctl(connection
                + QStringList {QStringLiteral("result"), QStringLiteral("1"), QString::number(poll),
                    QStringLiteral("--output"), file});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        }
        for (const QByteArray &line : readFile(m_log).split('\n')) {
            if (!line.isEmpty())
                m_events.push_back(
                    protocol::Event::fromJson(QJsonDocument::fromJson(line).object()).value());
        }
        auto key = protocol::Ed25519Key::fromPem(
            readFile(m_server.dataDir() + QStringLiteral("/signing/ed25519.pem")));
        QVERIFY(key);
        m_serverKey = std::move(key.value());
        m_otherKey = std::move(protocol::Ed25519Key::generate().value());
        QVERIFY(seqOf("poll.closed", m_namedPoll) > 0);
    }

    void genuineResultVerifies()
    {
        Run run = verifyWithKey(m_named);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.startsWith(QStringLiteral("OK: poll %1").arg(m_namedPoll)),
            qPrintable(run.out));
        QVERIFY(run.out.contains(
            QStringLiteral("anchored at event %1").arg(seqOf("poll.published", m_namedPoll) - 1)));
        QVERIFY(run.out.contains(QStringLiteral("signed by the trusted key")));

        // The fingerprint people compare aloud is enough as the trusted key.
        run = ctl({QStringLiteral("verify"), m_secret, QStringLiteral("--log"), m_log,
            QStringLiteral("--key"), protocol::keyFingerprint(m_serverKey->publicKey())});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        // The key asked from the server over pinned TLS.
        run = ctl({QStringLiteral("verify"), m_named, QStringLiteral("--log"), m_log,
            QStringLiteral("--server"), m_server.baseUrl(), QStringLiteral("--pin"),
            QString::fromLatin1(m_server.pin().toHex())});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("GET /api/v1/server over pinned TLS")));

        // On the server: the key file and the database itself, no export needed.
        run = ctl(
            {QStringLiteral("verify"), m_named, QStringLiteral("--data"), m_server.dataDir()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("chamber.db: chain intact")));
        QVERIFY(run.out.contains(QStringLiteral("the server's key file")));

        // A compact, one-line result is still a result, not an export.
        const QString compact = write(QStringLiteral("compact.json"),
            QJsonDocument::fromJson(readFile(m_named)).toJson(QJsonDocument::Compact));
        QCOMPARE(verifyWithKey(compact).exitCode, 0);
    }

    void tallySwappedAndResignedWithAnotherKeyIsRefused()
    {
        const QString result
            = forged(QStringLiteral("swapped.json"), m_named, swapYesAndNo, *m_otherKey);
        const qint64 closed = seqOf("poll.closed", m_namedPoll);
        for (const QStringList &trust : {QStringList {QStringLiteral("--key"), serverKeyBase64()},
                 QStringList {QStringLiteral("--data"), m_server.dataDir()}}) {
            const Run run
                = ctl(QStringList {QStringLiteral("verify"), result, QStringLiteral("--log"), m_log}
                    + trust);
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.startsWith(QStringLiteral("FAILED: ")), qPrintable(run.err));
            QVERIFY2(run.err.contains(QStringLiteral("tally.counts.yes: 1 in the result, 3 in the "
                                                     "log's poll.closed (event %1)")
                                          .arg(closed)),
                qPrintable(run.err));
            QVERIFY(run.err.contains(QStringLiteral("tally.counts.no: 3 in the result, 1 in")));
            QVERIFY(run.err.contains(QStringLiteral("outcome.verdict: \"failed\" in the result, "
                                                    "\"passed\" in the log's poll.closed")));
            QVERIFY(run.err.contains(
                QStringLiteral("key: signed with key %1, but the trusted key is %2")
                    .arg(protocol::keyFingerprint(m_otherKey->publicKey()),
                        protocol::keyFingerprint(m_serverKey->publicKey()))));
            QVERIFY(!run.out.contains(QStringLiteral("OK")));
        }
    }

    void rightKeyOverAWrongTallyIsRefused()
    {
        // Signed with the server's own key: only the comparison with the log can catch it.
        const QString result
            = forged(QStringLiteral("rightkey.json"), m_named, swapYesAndNo, *m_serverKey);
        const Run run = verifyWithKey(result);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(
            run.err.contains(QStringLiteral("tally.counts.yes: 1 in the result, 3 in the log's "
                                            "poll.closed (event %1)")
                                 .arg(seqOf("poll.closed", m_namedPoll))),
            qPrintable(run.err));
        QVERIFY(run.err.contains(
            QStringLiteral("the log's poll.published (event %1) carries another document")
                .arg(seqOf("poll.published", m_namedPoll))));
        QVERIFY(!run.err.contains(QStringLiteral("key: ")));
        QVERIFY(!run.err.contains(QStringLiteral("signature: ")));
    }

    void changedReceiptsAreRefused()
    {
        const QJsonArray receipts
            = object(QJsonDocument::fromJson(readFile(m_secret)).object(), "document")
                  .value(QLatin1String("receipts"))
                  .toArray();
        QCOMPARE(receipts.size(), 4);
        const QString result = forged(
            QStringLiteral("receipts.json"), m_secret,
            [](QJsonObject &document) {
                QJsonArray changed = document.value(QLatin1String("receipts")).toArray();
                changed.replace(0, QStringLiteral("AAAA-AAAA"));
                document.insert(QStringLiteral("receipts"), changed);
            },
            *m_serverKey);
        const Run run = verifyWithKey(result);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("receipts[0]: \"AAAA-AAAA\" in the result, \"%1\" "
                                                 "in the log's poll.closed (event %2)")
                                      .arg(receipts.at(0).toString())
                                      .arg(seqOf("poll.closed", m_secretPoll))),
            qPrintable(run.err));
        // One receipt too many.
        const QString extra = forged(
            QStringLiteral("receipts-extra.json"), m_secret,
            [](QJsonObject &document) {
                QJsonArray changed = document.value(QLatin1String("receipts")).toArray();
                changed.append(QStringLiteral("ZZZZ-ZZZZ"));
                document.insert(QStringLiteral("receipts"), changed);
            },
            *m_serverKey);
        QVERIFY(verifyWithKey(extra).err.contains(
            QStringLiteral("receipts: 5 entries in the result, 4 in the log's poll.closed")));
    }

    void changedRuleIsRefused()
    {
        const QString result = forged(
            QStringLiteral("rule.json"), m_named,
            [](QJsonObject &document) {
                QJsonObject poll = object(document, "poll");
                QJsonObject rule = object(poll, "rule");
                rule.insert(QStringLiteral("numerator"), 1);
                rule.insert(QStringLiteral("denominator"), 4);
                poll.insert(QStringLiteral("rule"), rule);
                document.insert(QStringLiteral("poll"), poll);
            },
            *m_serverKey);
        const Run run = verifyWithKey(result);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("poll.rule.denominator: 4 in the result, 2 in the "
                                                 "log's poll.created (event %1)")
                                      .arg(seqOf("poll.created", m_namedPoll))),
            qPrintable(run.err));
    }

    void resultOfAnotherPollOrMeetingIsRefused()
    {
        const auto setId = [](const char *part, qint64 id) {
            return [part, id](QJsonObject &document) {
                QJsonObject inner = object(document, part);
                inner.insert(QStringLiteral("id"), id);
                document.insert(QLatin1String(part), inner);
            };
        };
        Run run = verifyWithKey(
            forged(QStringLiteral("poll99.json"), m_named, setId("poll", 99), *m_serverKey));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("meeting 1 of the log has no poll 99")),
            qPrintable(run.err));
        // The secret poll's number on the named poll's result: that poll did not exist yet.
        run = verifyWithKey(forged(
            QStringLiteral("otherpoll.json"), m_named, setId("poll", m_secretPoll), *m_serverKey));
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("has no poll %1 by event").arg(m_secretPoll)));
        run = verifyWithKey(
            forged(QStringLiteral("meeting7.json"), m_named, setId("meeting", 7), *m_serverKey));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("the result is of meeting 7; the log holds no "
                                                 "event of it (only of meeting 1)")),
            qPrintable(run.err));
    }

    void lastEventNotInTheLogIsRefused()
    {
        const auto setLast = [](qint64 seq, const QString &hash) {
            return [seq, hash](QJsonObject &document) {
                QJsonObject last = object(document, "lastEvent");
                if (seq)
                    last.insert(QStringLiteral("seq"), seq);
                if (!hash.isEmpty())
                    last.insert(QStringLiteral("hash"), hash);
                document.insert(QStringLiteral("lastEvent"), last);
            };
        };
        Run run = verifyWithKey(
            forged(QStringLiteral("beyond.json"), m_named, setLast(99999, {}), *m_serverKey));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("names event 99999")), qPrintable(run.err));
        QVERIFY(run.err.contains(
            QStringLiteral("meeting 1 of the log ends at event %1").arg(m_events.back().seq)));
        run = verifyWithKey(forged(QStringLiteral("otherhash.json"), m_named,
            setLast(0, QString(64, u'a')), *m_serverKey));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("lastEvent.hash: \"aaaa")), qPrintable(run.err));
        QVERIFY(run.err.contains(
            QStringLiteral("in the log's event %1").arg(seqOf("poll.published", m_namedPoll) - 1)));
        // An event before the poll was closed.
        run = verifyWithKey(forged(QStringLiteral("early.json"), m_named,
            setLast(seqOf("poll.opened", m_namedPoll), {}), *m_serverKey));
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("voting was still open")));
    }

    void rewrittenLogAndResultAreCaughtByTheKey()
    {
        // Whoever rewrites the log can recompute every hash: the chain has no secret. Here the
        // named poll's count is swapped in poll.closed and in poll.published, the chain resealed
        // from there on and every result after it signed again, with the forger's key.
        std::vector<protocol::Event> events = m_events;
        QJsonObject forgedResult;
        bool resealing = false;
        for (size_t i = 0; i < events.size(); ++i) {
            protocol::Event &event = events[i];
            const bool named = event.data.value(QLatin1String("poll")).toInteger() == m_namedPoll;
            if (event.kind == QLatin1String("poll.closed") && named) {
                swapYesAndNo(event.data);
                resealing = true;
            }
            if (!resealing)
                continue;
            event.prevHash = events[i - 1].hash;
            if (event.kind == QLatin1String("poll.published")) {
                QJsonObject document = object(event.data, "document");
                if (named)
                    swapYesAndNo(document);
                QJsonObject last = object(document, "lastEvent");
                last.insert(QStringLiteral("hash"), QString::fromLatin1(event.prevHash.toHex()));
                document.insert(QStringLiteral("lastEvent"), last);
                const QJsonObject result = signedWith(document, *m_otherKey);
                for (auto it = result.begin(); it != result.end(); ++it)
                    event.data.insert(it.key(), it.value());
                if (named)
                    forgedResult = result;
            }
            event.seal();
        }
        QByteArray lines;
        for (const protocol::Event &event : events)
            lines += QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact) + '\n';
        const QString log = write(QStringLiteral("rewritten.jsonl"), lines);
        const QString result = writeJson(QStringLiteral("rewritten.json"), forgedResult);

        // Alone, the pair agrees with itself.
        Run run = ctl({QStringLiteral("verify"), log});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("not compared with a trusted key")));
        run = ctl({QStringLiteral("verify"), result, QStringLiteral("--log"), log});
        QCOMPARE(run.exitCode, 4);
        // The key tells.
        run = ctl({QStringLiteral("verify"), result, QStringLiteral("--log"), log,
            QStringLiteral("--key"), serverKeyBase64()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("key: signed with key %1")
                                      .arg(protocol::keyFingerprint(m_otherKey->publicKey()))),
            qPrintable(run.err));
        run = ctl({QStringLiteral("verify"), log, QStringLiteral("--key"), serverKeyBase64()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("not the trusted key")));
    }

    void logAloneChecksItsPublishedResults()
    {
        Run run
            = ctl({QStringLiteral("verify"), m_log, QStringLiteral("--key"), serverKeyBase64()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(
            run.out.contains(QStringLiteral("OK, chain intact: %1 events").arg(m_events.size())));
        QVERIFY(run.out.contains(QStringLiteral("2 published result(s) equal")));
        QVERIFY(run.out.contains(QStringLiteral("the trusted key (from --key)")));

        // poll.closed edited and the chain resealed by someone without the key: the result
        // published after it no longer names the event before it, nor agrees with it.
        std::vector<protocol::Event> events = m_events;
        bool resealing = false;
        for (size_t i = 0; i < events.size(); ++i) {
            if (events[i].kind == QLatin1String("poll.closed")
                && events[i].data.value(QLatin1String("poll")).toInteger() == m_namedPoll) {
                swapYesAndNo(events[i].data);
                resealing = true;
            }
            if (resealing) {
                events[i].prevHash = events[i - 1].hash;
                events[i].seal();
            }
        }
        QByteArray lines;
        for (const protocol::Event &event : events)
            lines += QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact) + '\n';
        run = ctl({QStringLiteral("verify"), write(QStringLiteral("resealed.jsonl"), lines)});
        QCOMPARE(run.exitCode, 1);
        const qint64 published = seqOf("poll.published", m_namedPoll);
        QVERIFY2(run.err.contains(QStringLiteral("event %1: the result published in this event was "
                                                 "signed over another history")
                                      .arg(published)),
            qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("tally.counts.yes: 3 in the document of "
                                                "poll.published (event %1), 1 in the log's "
                                                "poll.closed")
                                     .arg(published)));
    }

    void noTrustedKeyIsNotAPass()
    {
        Run run = ctl({QStringLiteral("verify"), m_named, QStringLiteral("--log"), m_log});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.startsWith(QStringLiteral("NOT VERIFIED: ")), qPrintable(run.err));
        QVERIFY(run.err.contains(protocol::keyFingerprint(m_serverKey->publicKey())));
        QVERIFY(run.out.isEmpty());
        // Asked for, but the server cannot be reached.
        run = ctl({QStringLiteral("verify"), m_named, QStringLiteral("--log"), m_log,
            QStringLiteral("--server"), QStringLiteral("https://127.0.0.1:1"),
            QStringLiteral("--pin"), QString::fromLatin1(m_server.pin().toHex())});
        QCOMPARE(run.exitCode, 3);
        // Reached, but not the pinned server.
        run = ctl({QStringLiteral("verify"), m_named, QStringLiteral("--log"), m_log,
            QStringLiteral("--server"), m_server.baseUrl(), QStringLiteral("--pin"),
            QString(64, u'a')});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("does not present the pinned key")));
    }

    void malformedResultFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        const QByteArray genuine = readFile(m_named);
        const QJsonObject json = QJsonDocument::fromJson(genuine).object();
        const auto with = [&](const char *field, const QJsonValue &value) {
            QJsonObject changed = json;
            changed.insert(QLatin1String(field), value);
            return QJsonDocument(changed).toJson();
        };
        const auto inDocument = [&](const char *part, const char *field, const QJsonValue &value) {
            QJsonObject document = object(json, "document");
            QJsonObject inner = object(document, part);
            inner.insert(QLatin1String(field), value);
            document.insert(QLatin1String(part), inner);
            QJsonObject changed = json;
            changed.insert(QStringLiteral("document"), document);
            return QJsonDocument(changed).toJson();
        };
        QTest::newRow("truncated")
            << genuine.left(genuine.size() / 2) << QStringLiteral("not JSON");
        QTest::newRow("garbage") << QByteArray("\x00\xff\x13garbage", 10)
                                 << QStringLiteral("not JSON");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not JSON");
        QTest::newRow("array") << QByteArray("[1, 2]\n") << QStringLiteral("not a JSON object");
        QTest::newRow("no signature")
            << with("signature", QJsonValue()) << QStringLiteral("signature must be 64");
        QTest::newRow("short key")
            << with("publicKey", QStringLiteral("AAAA")) << QStringLiteral("publicKey must be 32");
        QTest::newRow("extra field") << with("verdict", QStringLiteral("passed"))
                                     << QStringLiteral("unexpected field \"verdict\"");
        QTest::newRow("document not object")
            << with("document", 3) << QStringLiteral("document must be an object");
        QTest::newRow("bad hash") << inDocument("lastEvent", "hash", QStringLiteral("xyz"))
                                  << QStringLiteral("document.lastEvent.hash must be 64");
        QTest::newRow("negative meeting") << inDocument("meeting", "id",
            -1) << QStringLiteral("document.meeting.id must be a positive integer");
        QTest::newRow("fractional poll") << inDocument(
            "poll", "id", 1.5) << QStringLiteral("document.poll.id must be a positive integer");
        QJsonObject wrongType = json;
        QJsonObject document = object(json, "document");
        document.insert(QStringLiteral("type"), QStringLiteral("chamber.minutes"));
        wrongType.insert(QStringLiteral("document"), document);
        QTest::newRow("wrong type")
            << QJsonDocument(wrongType).toJson() << QStringLiteral("document.type");
    }

    void malformedResultFilesAreRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        const Run run = ctl({QStringLiteral("verify"), write(QStringLiteral("bad.json"), content),
            QStringLiteral("--log"), m_log, QStringLiteral("--key"), serverKeyBase64()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith(QStringLiteral("FAILED: ")), qPrintable(run.err));
        QVERIFY2(run.err.contains(reason), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void usageMistakes()
    {
        QCOMPARE(
            ctl({QStringLiteral("verify"), m_named, QStringLiteral("--logs"), m_log}).exitCode, 2);
        QCOMPARE(ctl({QStringLiteral("verify"), m_named, QStringLiteral("--key"),
                         QStringLiteral("not-a-key")})
                     .exitCode,
            2);
        QCOMPARE(ctl({QStringLiteral("verify"), m_named, m_log, m_log}).exitCode, 2);
        const Run missing = ctl({QStringLiteral("verify"),
            m_work.filePath(QStringLiteral("none.json")), QStringLiteral("--log"), m_log});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("does not exist")));
        // A log that is not there is a failure, not a pass without a log.
        const Run noLog = ctl({QStringLiteral("verify"), m_named, QStringLiteral("--log"),
            m_work.filePath(QStringLiteral("none.jsonl")), QStringLiteral("--key"),
            serverKeyBase64()});
        QCOMPARE(noLog.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestVerify)
#include "test_verify.moc"

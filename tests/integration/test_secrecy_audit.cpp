// The secrecy audit: can a copy of chamberd's data directory link secret ballots to voters?
//
// 60 delegates' tablets vote in a secret poll against the real chamberd (random choices, random
// order, mostly one ballot at a time, sometimes two or three together), the test keeping who
// chose what. Once the poll is closed, the data directory is copied, every file, while the
// server runs, and the attack in linkattack.h looks for every order in which the files keep the
// poll's voters (cells of every b-tree, rowids, time stamps, frames of the write-ahead log, the
// stored ballot answers) and every order in which they keep its ballots, and zips each voter
// order with each ballot order.
//
// The statistic: for each zip, the number of voters whose choice it names. An order that knows
// nothing of the choices names each voter's choice with probability at most the largest
// choice's share, p; the test fails when P(Binomial(n, p) >= correct) < 0.001 / K for any of
// the K zips tried (Bonferroni), so a run fails falsely with probability below 0.001. For
// n = 60 and p = 0.4 that is about 40 or more of 60 named. Besides: no left-over copy of a
// voter, ballot or answer in free space or freed pages; the three tables laid out exactly as
// their rows written in key order are (a reference database rewritten from them); the log gone
// and the -shm index mapping no past frame; no other file holding a receipt; no log line
// tying a ballot to a device.
//
// Can it fail? The same attack runs on controls that it must break: a database written the way
// chamberd did before it sealed secret polls (same schema; voters, ballots and timed answers
// inserted together, one ballot per transaction, then the log checkpointed and truncated), and
// the same with its write-ahead log: 60 of 60, asserted. Against chamberd itself with the
// rewrite left out, the first poll's cells name 55 of 60 and the layout check fails for the
// later ones; with the old truncation instead of deleting the log, the -shm index still maps
// 800 past frames. While a poll is open a copy of the database and the log does link many
// (README, "Secret ballots on disk"): that is printed, not asserted.
//
// Named accounts: after a login, no file of the data directory (database, write-ahead log,
// anything else) and no log line holds the password, the session cookie or its CSRF token;
// the database holds the SHA-256 of the session's token and the scrypt hash of the password.
//
// The seed (CHAMBER_AUDIT_SEED, default fixed) draws the choices, the voting order and the keys.
#include "accounts.h"
#include "enroll.h"
#include "linkattack.h"
#include "protocol/receipt.h"
#include "restcall.h"
#include "serverprocess.h"
#include "sqlitefile.h"
#include "storage/ballotstore.h"
#include "storage/eventstore.h"
#include "storage/migrations.h"
#include "wsclient.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace chamber;
using namespace chamber::testing;

namespace {

constexpr int kVoters = 60;
constexpr int kDemoDelegates = 40;
constexpr double kFalseFailure = 0.001;
constexpr double kControlRate = 0.9;

struct Voter
{
    qint64 delegate = 0;
    QString principal; // "device:N"
    std::unique_ptr<WsClient> ws;
};

// One ballot as the tablet sent it, in the order the server acknowledged them.
struct Cast
{
    qint64 delegate = 0;
    QString principal;
    QString requestId;
    QString key;
    QString choice;
};

struct Poll
{
    qint64 id = 0;
    std::vector<Cast> casts;
    std::map<qint64, QString> truth() const
    {
        std::map<qint64, QString> choices;
        for (const Cast &cast : casts)
            choices[cast.delegate] = cast.choice;
        return choices;
    }
};

struct Snapshot
{
    std::unique_ptr<QTemporaryDir> dir;
    linkattack::Files files;
    std::map<QString, QByteArray> others; // every other file, by path relative to the copy
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every file of the data directory, as it is now.
Snapshot snapshot(const QString &dataDir)
{
    Snapshot copy;
    copy.dir = std::make_unique<QTemporaryDir>();
    copy.dir->setAutoRemove(!qEnvironmentVariableIsSet("CHAMBER_AUDIT_KEEP"));
    QDirIterator files(dataDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        const QString relative = QDir(dataDir).relativeFilePath(path);
        const QByteArray bytes = readAll(path);
        QDir().mkpath(QFileInfo(copy.dir->filePath(relative)).path());
        QFile out(copy.dir->filePath(relative));
        if (out.open(QIODevice::WriteOnly))
            out.write(bytes);
        if (relative == QLatin1String("chamber.db"))
            copy.files.db = bytes;
        else if (relative == QLatin1String("chamber.db-wal"))
            copy.files.wal = bytes;
        else if (relative == QLatin1String("chamber.db-shm"))
            copy.files.shm = bytes;
        else
            copy.others[relative] = bytes;
    }
    return copy;
}

linkattack::Target targetOf(qint64 meeting, const Poll &poll)
{
    linkattack::Target target {meeting, poll.id, {}, {}};
    for (const Cast &cast : poll.casts) {
        target.principals[cast.principal] = cast.delegate;
        target.requestIds.insert(cast.requestId);
    }
    return target;
}

std::vector<linkattack::Link> attack(
    const linkattack::Files &files, qint64 meeting, const Poll &poll, const QString &label)
{
    const auto orders = linkattack::findOrders(files, targetOf(meeting, poll));
    auto links = linkattack::link(orders, poll.truth());
    std::sort(links.begin(), links.end(),
        [](const auto &a, const auto &b) { return a.pValue < b.pValue; });
    qInfo("%s: %zu voter orders, %zu ballot orders, %zu zips", qPrintable(label),
        orders.voters.size(), orders.ballots.size(), links.size());
    const size_t shown = qEnvironmentVariableIsSet("CHAMBER_AUDIT_VERBOSE") ? links.size() : 4;
    for (size_t i = 0; i < std::min(links.size(), shown); ++i)
        qInfo("  %s", qPrintable(linkattack::describe(links[i])));
    return links;
}

int bestCorrect(const std::vector<linkattack::Link> &links, const QString &voters = {},
    const QString &ballots = {})
{
    int best = -1;
    for (const linkattack::Link &link : links) {
        if (link.voters.contains(voters) && link.ballots.contains(ballots))
            best = std::max(best, link.correct);
    }
    return best;
}

} // namespace

class TestSecrecyAudit : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    ServerProcess m_server;
    std::vector<Voter> m_voters;
    QRandomGenerator m_random;
    std::vector<Poll> m_secretPolls;

    RestResponse call(const QByteArray &method, const QString &path, const QByteArray &body = {},
        const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return restCall(method, m_server.baseUrl() + QStringLiteral("/api/v1") + path,
            m_server.pin(), m_server.adminToken(), body, headers);
    }

    QString randomText(int bytes)
    {
        QByteArray random(bytes, '\0');
        for (char &byte : random)
            byte = char(m_random.bounded(256));
        return QString::fromLatin1(
            random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    }

    qint64 openPoll(bool secret)
    {
        const QJsonObject body {{QStringLiteral("title"), QStringLiteral("Kiểm tra bỏ phiếu kín")},
            {QStringLiteral("secret"), secret},
            {QStringLiteral("rule"),
                QJsonObject {{QStringLiteral("preset"), QStringLiteral("simple-majority")}}}};
        const qint64 poll = call("POST", QStringLiteral("/meetings/1/polls"),
            QJsonDocument(body).toJson(QJsonDocument::Compact))
                                .json()
                                .value(QLatin1String("result"))
                                .toObject()
                                .value(QLatin1String("poll"))
                                .toInteger();
        if (poll <= 0
            || call("POST", QStringLiteral("/meetings/1/polls/%1/open").arg(poll)).status != 200)
            return 0;
        return poll;
    }

    // Every voter casts a random choice, in random order, mostly one at a time as tablets do
    // (their ballots rarely meet within a batch window), one time in ten two or three sent at
    // once (so some share a group commit); returns them in the order they were acknowledged.
    Poll vote(qint64 pollId)
    {
        Poll poll {pollId, {}};
        std::vector<size_t> order(m_voters.size());
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), m_random);
        for (size_t next = 0; next < order.size();) {
            const size_t burst = std::min<size_t>(
                m_random.bounded(10) == 0 ? 2 + m_random.bounded(2) : 1, order.size() - next);
            std::vector<Cast> sent;
            for (size_t i = next; i < next + burst; ++i) {
                Voter &voter = m_voters[order[i]];
                const double draw = m_random.generateDouble();
                const QString choice = draw < 0.45 ? QStringLiteral("yes")
                    : draw < 0.80                  ? QStringLiteral("no")
                                                   : QStringLiteral("abstain");
                const Cast cast {voter.delegate, voter.principal,
                    QStringLiteral("k-") + randomText(12), randomText(16), choice};
                voter.ws->sendJson({{QStringLiteral("type"), QStringLiteral("ballot.cast")},
                    {QStringLiteral("id"), cast.requestId}, {QStringLiteral("meeting"), 1},
                    {QStringLiteral("poll"), pollId}, {QStringLiteral("delegate"), voter.delegate},
                    {QStringLiteral("choice"), choice}, {QStringLiteral("key"), cast.key}});
                sent.push_back(cast);
            }
            for (size_t i = 0; i < sent.size(); ++i) {
                const QJsonObject answer
                    = m_voters[order[next + i]].ws->waitFor([&](const QJsonObject &m) {
                          return m.value(QLatin1String("id")).toString() == sent[i].requestId;
                      });
                if (answer.value(QLatin1String("type")).toString() != QLatin1String("ok"))
                    qFatal("ballot refused: %s", QJsonDocument(answer).toJson().constData());
                poll.casts.push_back(sent[i]);
            }
            next += burst;
        }
        return poll;
    }

    bool closePoll(qint64 poll)
    {
        return call("POST", QStringLiteral("/meetings/1/polls/%1/close").arg(poll)).status == 200;
    }

    // What must hold of a copy taken after secret polls closed, for each of `polls`.
    void auditClosed(const Snapshot &copy, const std::vector<Poll> &polls, const QString &label)
    {
        for (const Poll &poll : polls) {
            const QString name = QStringLiteral("%1, poll %2").arg(label).arg(poll.id);
            QCOMPARE(linkattack::leftovers(copy.files, targetOf(1, poll)), 0);
            const auto links = attack(copy.files, 1, poll, name);
            QVERIFY2(!links.empty(), qPrintable(name)); // it found the voters and the ballots
            const double threshold = kFalseFailure / double(links.size());
            for (const linkattack::Link &link : links)
                QVERIFY2(link.pValue >= threshold,
                    qPrintable(name + QStringLiteral(": ") + linkattack::describe(link)));
            // Nothing outside the database holds a receipt.
            for (const Cast &cast : poll.casts) {
                const QByteArray receipt = protocol::ballotReceipt(1, poll.id, cast.key).toUtf8();
                for (const auto &[path, bytes] : copy.others)
                    QVERIFY2(!bytes.contains(receipt), qPrintable(path));
            }
        }
        // What the rewrite promises, whatever an attack makes of it: the three tables lie in
        // the file exactly as the same rows written in key order lie, whatever order they came
        // in. So where a cell lies (or a stale pointer points) says nothing but its key.
        const auto actual = sqlitefile::readDatabase(copy.files.db);
        const auto reference = sqlitefile::readDatabase(keyOrderReference(copy));
        QVERIFY(actual && reference);
        for (const char *table : {"secret_voters", "secret_ballots", "ballot_answers"}) {
            const auto layout = [&](const sqlitefile::Database &db) {
                std::vector<std::vector<int>> pages; // per page in tree order: cell offsets, stale
                for (quint32 number : db.trees.at(QLatin1String(table))) {
                    const sqlitefile::Page &page = db.pages.at(number);
                    pages.emplace_back();
                    for (const sqlitefile::Cell &cell : page.cells)
                        pages.back().push_back(cell.offset);
                    pages.back().push_back(-page.staleBytes);
                }
                return pages;
            };
            QVERIFY2(layout(*actual) == layout(*reference),
                qPrintable(QStringLiteral("%1: %2 is not laid out as its rows written in key order")
                               .arg(label, QLatin1String(table))));
        }
        // The write-ahead log was discarded with its index: no frame, no past frame's page.
        QVERIFY2(sqlitefile::readWal(copy.files.wal).frames.empty(), qPrintable(label));
        const sqlitefile::ShmIndex shm = sqlitefile::readShm(copy.files.shm);
        QVERIFY2(shm.framePages.size() <= shm.maxFrame,
            qPrintable(QStringLiteral("%1: the -shm index maps %2 frames, the log has %3")
                           .arg(label)
                           .arg(shm.framePages.size())
                           .arg(shm.maxFrame)));
        // No left-over copy of a voter, a ballot or an answer anywhere in free space: in the
        // gaps and freeblocks of every page, and in freed pages (checked per poll above). The
        // bytes there are reported: past entries of cell pointer arrays remain, which the
        // rewrite's own page splits leave (where cells sat while the rows were written back in
        // key order), and past leaf numbers in a freelist trunk (pages, not their content).
        const auto db = sqlitefile::readDatabase(copy.files.db);
        QVERIFY(db);
        int staleBytes = 0;
        for (const auto &[number, page] : db->pages)
            staleBytes += page.staleBytes;
        qInfo("%s: %d bytes not zero in free space of b-tree pages, %d in %zu freed pages",
            qPrintable(label), staleBytes, db->freelistStaleBytes, db->freelist.size());
    }

    // A database holding the copy's secret voters, ballots and answers, first inserted in
    // reverse key order, then rewritten the way chamberd seals them: the layout the rows alone
    // determine.
    QByteArray keyOrderReference(const Snapshot &copy)
    {
        static int made = 0;
        const QString path = m_work.filePath(QStringLiteral("reference-%1.db").arg(++made));
        auto store = storage::EventStore::open(path);
        if (!store)
            qFatal("reference: %s", qPrintable(store.error().message));
        storage::Database &db = store.value()->database();
        const QString copied = copy.dir->filePath(QStringLiteral("chamber.db"));
        const std::pair<const char *, const char *> tables[]
            = {{"secret_voters", "meeting, poll, delegate"},
                {"secret_ballots", "meeting, poll, ballot"},
                {"ballot_answers", "principal, request_id"}};
        bool filled = db.exec("ATTACH DATABASE '" + copied.toUtf8() + "' AS copy").ok();
        for (const auto &[table, key] : tables)
            filled = filled
                && db.exec(QByteArray("INSERT INTO main.") + table + " SELECT * FROM copy." + table
                         + " ORDER BY " + key + " DESC")
                       .ok();
        filled = filled && db.exec("DETACH DATABASE copy").ok();
        storage::Transaction transaction(db);
        if (!filled || !storage::BallotStore(db).rewriteInKeyOrder() || !transaction.commit()
            || !store.value()->checkpointAndTruncate())
            qFatal("reference: %s", qPrintable(db.lastError()));
        return readAll(path);
    }

    // A database written the way chamberd wrote secret ballots before it sealed them: each
    // ballot's voter, ballot and timed answer inserted together, one transaction each.
    linkattack::Files oldStyleDatabase(const std::vector<Poll> &polls, bool checkpointed)
    {
        const QString path = m_work.filePath(
            QStringLiteral("control-%1-%2.db").arg(polls.size()).arg(checkpointed));
        auto store = storage::EventStore::open(path);
        if (!store)
            qFatal("control: %s", qPrintable(store.error().message));
        storage::Database &db = store.value()->database();
        qint64 millisecond = 0;
        for (const Poll &poll : polls) {
            for (const Cast &cast : poll.casts) {
                storage::Transaction transaction(db);
                auto voter = db.prepare("INSERT INTO secret_voters VALUES (1, ?1, ?2)");
                voter->bind(1, poll.id).bind(2, cast.delegate);
                auto ballot
                    = db.prepare("INSERT INTO secret_ballots VALUES (1, ?1, ?2, ?3, ?4, 1)");
                ballot->bind(1, poll.id).bind(2, protocol::ballotId(1, poll.id, cast.key));
                ballot->bind(3, protocol::ballotReceipt(1, poll.id, cast.key)).bind(4, cast.choice);
                auto answer = db.prepare("INSERT INTO command_results VALUES (?1, ?2, ?3, ?4, ?5)");
                answer->bind(1, cast.principal)
                    .bind(2, cast.requestId)
                    .bind(3, QByteArray(32, 'f'));
                answer->bindText(
                    4, R"({"id":"x","result":{"changed":false,"recorded":true},"type":"ok"})");
                answer->bind(5,
                    QDateTime::fromMSecsSinceEpoch(1796716800000 + 1000 * ++millisecond, Qt::UTC)
                        .toString(Qt::ISODateWithMs));
                if (!voter->run() || !ballot->run() || !answer->run() || !transaction.commit())
                    qFatal("control: %s", qPrintable(db.lastError()));
            }
        }
        if (checkpointed && !store.value()->checkpointAndTruncate())
            qFatal("control: checkpoint");
        return {readAll(path), readAll(path + QStringLiteral("-wal")),
            readAll(path + QStringLiteral("-shm"))};
    }

private Q_SLOTS:
    void initTestCase()
    {
        const quint64 seed = qEnvironmentVariableIsSet("CHAMBER_AUDIT_SEED")
            ? qEnvironmentVariable("CHAMBER_AUDIT_SEED").toULongLong()
            : 20261208;
        m_random.seed(seed);
        m_work.setAutoRemove(!qEnvironmentVariableIsSet("CHAMBER_AUDIT_KEEP"));
        qInfo("seed %llu (CHAMBER_AUDIT_SEED to replay)", static_cast<unsigned long long>(seed));
        // Debug logging: every log line the server writes about ballots is checked below.
        const QString config = m_work.filePath(QStringLiteral("chamberd.conf"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[log]\nlevel = debug\n");
        file.close();
        QVERIFY(m_server.start({QStringLiteral("--config"), config, QStringLiteral("--demo")}));

        QByteArray csv = "name,seat\n";
        for (int i = kDemoDelegates + 1; i <= kVoters; ++i)
            csv += QStringLiteral("Đại biểu %1,A%1\n").arg(i).toUtf8();
        QCOMPARE(call("POST", QStringLiteral("/meetings/1/delegates/import"), csv,
                     {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/csv")}})
                     .status,
            200);
        for (const QJsonValue &value : call("GET", QStringLiteral("/meetings/1/delegates"))
                                           .json()
                                           .value(QLatin1String("delegates"))
                                           .toArray()) {
            const QJsonObject delegate = value.toObject();
            if (delegate.value(QLatin1String("weight")).toInteger() > 0
                && int(m_voters.size()) < kVoters)
                m_voters.push_back({delegate.value(QLatin1String("id")).toInteger(), {}, {}});
        }
        QCOMPARE(int(m_voters.size()), kVoters);
        std::map<qint64, QString> credentials;
        for (Voter &voter : m_voters) {
            credentials[voter.delegate]
                = enrollDevice(m_server, 1, QStringLiteral("delegate"), voter.delegate);
            QVERIFY(!credentials[voter.delegate].isEmpty());
            QCOMPARE(call("POST",
                         QStringLiteral("/meetings/1/delegates/%1/check-in").arg(voter.delegate))
                         .status,
                200);
        }
        for (const QJsonValue &value : call("GET", QStringLiteral("/meetings/1/devices"))
                                           .json()
                                           .value(QLatin1String("devices"))
                                           .toArray()) {
            const QJsonObject device = value.toObject();
            for (Voter &voter : m_voters) {
                if (device.value(QLatin1String("delegate")).toInteger() == voter.delegate)
                    voter.principal = QStringLiteral("device:%1")
                                          .arg(device.value(QLatin1String("id")).toInteger());
            }
        }
        for (Voter &voter : m_voters) {
            QVERIFY(!voter.principal.isEmpty());
            voter.ws = std::make_unique<WsClient>(m_server.pin());
            QVERIFY(
                voter.ws->connectAndHello(m_server.wsUrl(), credentials[voter.delegate].toUtf8()));
        }
    }

    void firstSecretPollCannotBeLinked()
    {
        const qint64 id = openPoll(true);
        QVERIFY(id > 0);
        const Poll poll = vote(id);
        // Open: what a copy of the database and its log reveals (README: it may link).
        const Snapshot open = snapshot(m_server.dataDir());
        const auto openLinks = attack(open.files, 1, poll, QStringLiteral("first poll, open"));
        qInfo("while open, the best zip names %d of %d", bestCorrect(openLinks), kVoters);

        QVERIFY(closePoll(id));
        m_secretPolls.push_back(poll);
        auditClosed(snapshot(m_server.dataDir()), {poll}, QStringLiteral("first poll, closed"));

        // The controls: the same ballots written the old way are linked, from the cells of the
        // checkpointed file, from the answers' times, and from the log's frames.
        const auto checkpointed = attack(oldStyleDatabase({poll}, true), 1, poll,
            QStringLiteral("control, old way, checkpointed"));
        const int cells
            = bestCorrect(checkpointed, QStringLiteral("voters in secret_voters: cells"),
                QStringLiteral("ballots in secret_ballots: cells"));
        QVERIFY2(cells >= kControlRate * kVoters, qPrintable(QString::number(cells)));
        const int times
            = bestCorrect(checkpointed, QStringLiteral("answers in command_results: time"),
                QStringLiteral("ballots in secret_ballots: cells"));
        QVERIFY2(times >= kControlRate * kVoters, qPrintable(QString::number(times)));
        const auto logged = attack(oldStyleDatabase({poll}, false), 1, poll,
            QStringLiteral("control, old way, with its log"));
        const int frames = bestCorrect(
            logged, QStringLiteral("voters in the log"), QStringLiteral("ballots in the log"));
        QVERIFY2(frames >= kControlRate * kVoters, qPrintable(QString::number(frames)));
    }

    void laterSecretPollsCannotBeLinked()
    {
        QVERIFY(!m_secretPolls.empty()); // after the first
        for (int round = 0; round < 3; ++round) {
            if (round != 1) { // named polls in between, and two secret ones in a row
                const qint64 named = openPoll(false);
                QVERIFY(named > 0);
                vote(named);
                QVERIFY(closePoll(named));
            }
            const qint64 id = openPoll(true);
            QVERIFY(id > 0);
            m_secretPolls.push_back(vote(id));
            QVERIFY(closePoll(id));
        }
        auditClosed(snapshot(m_server.dataDir()), m_secretPolls, QStringLiteral("four polls"));
        // How the old way fared on the later polls (the issue measured 42 of 60 in the third).
        const linkattack::Files old = oldStyleDatabase(m_secretPolls, true);
        for (const Poll &poll : m_secretPolls)
            qInfo("old way, poll %lld: the best zip names %d of %d", poll.id,
                bestCorrect(attack(old, 1, poll, QStringLiteral("control"))), kVoters);
    }

    // Nothing the server logged (at debug level) ties a ballot to a device or a delegate.
    void logsTieNoBallotToAVoter()
    {
        QVERIFY(!m_secretPolls.empty());
        const QByteArray log = m_server.log();
        int ballotLines = 0;
        for (const QByteArray &line : log.split('\n')) {
            const QJsonObject record = QJsonDocument::fromJson(line).object();
            if (record.value(QLatin1String("cat")).toString() == QLatin1String("chamber.ballots")) {
                ++ballotLines;
                for (const char *field : {"principal", "device", "delegate", "choice", "receipt"})
                    QVERIFY2(!record.contains(QLatin1String(field)), line.constData());
            }
            for (const Poll &poll : m_secretPolls) {
                for (const Cast &cast : poll.casts) {
                    QVERIFY2(!line.contains(protocol::ballotReceipt(1, poll.id, cast.key).toUtf8()),
                        line.constData());
                    QVERIFY2(!line.contains(cast.requestId.toUtf8()), line.constData());
                }
            }
        }
        QVERIFY(ballotLines > 0); // the check looked at the ballots' own lines
    }

    // A copy of the data directory after a login logs nobody in and reveals no password.
    void accountSecretsAreNotOnDisk()
    {
        const QString password = QStringLiteral("mật khẩu bí mật 7391");
        QCOMPARE(
            createAccount(m_server, QStringLiteral("thư ký"), QStringLiteral("secretary"), password)
                .status,
            201);
        const BrowserSession session = logIn(m_server, QStringLiteral("thư ký"), password);
        QVERIFY(session.ok());
        // Used once more, so that its last use may be written too.
        QCOMPARE(
            asBrowser(m_server, session, "GET", QStringLiteral("/api/v1/session")).status, 200);
        const QByteArray token = QByteArray::fromBase64(
            session.cookie, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        QCOMPARE(token.size(), 32);
        const QList<QByteArray> secrets {password.toUtf8(), session.cookie, token, session.csrf,
            QByteArray::fromBase64(
                session.csrf, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)};
        QByteArray database;
        int files = 0;
        QDirIterator it(
            m_server.dataDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QByteArray bytes = readAll(path);
            ++files;
            if (path.contains(QLatin1String("chamber.db")))
                database += bytes;
            for (const QByteArray &secret : secrets)
                QVERIFY2(!bytes.contains(secret), qPrintable(path));
        }
        QVERIFY(files >= 3);
        // What is there instead: proof that the check looked where the session and the password
        // are kept.
        QVERIFY(database.contains(QCryptographicHash::hash(token, QCryptographicHash::Sha256)));
        QVERIFY(database.contains("scrypt$32768$8$1$"));
        // Nor in the log (at debug level).
        const QByteArray log = m_server.log();
        QVERIFY(log.contains("logged in"));
        for (const QByteArray &secret : secrets)
            QVERIFY(!log.contains(secret));
    }
};

QTEST_GUILESS_MAIN(TestSecrecyAudit)
#include "test_secrecy_audit.moc"

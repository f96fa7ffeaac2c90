// chamberd's start on a long event log (1,000,000 events by default) with the hash chain
// checked from signed checkpoints, against the same start with the whole chain verified from
// seq 1 (a start without a checkpoint: the first after the upgrade, or after the full check
// found a break) and against the baseline of a start without any chain check. Also the parts on
// their own: the replay every start does anyway, the full check (as the background check and
// chamberctl verify --data run it) and the check from a checkpoint; and how long the background
// check runs after start while the server already serves.
//
// The log is written straight through the storage library in large transactions, correctly
// hash-chained: the demo meeting (so every event replays through the core as a real one
// would), copied to further meetings, then attendance, agenda and meeting updates spread over
// them. Starts are ChamberServer::start() in this process (listening on a free loopback port).
//
// Prints one JSON line per figure, then a summary line (which tests/bench/run.sh keeps).
#include "app/chamberserver.h"
#include "protocol/ed25519.h"
#include "services/demoseed.h"
#include "services/meetingservice.h"
#include "stats.h"
#include "storage/chaincheck.h"
#include "storage/eventstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>
#include <thread>

using namespace chamber;

namespace {

struct Options
{
    qint64 events = 1'000'000;
    int meetings = 10;
    int repeats = 3;
    qint64 behind = 10'000; // events after the checkpoint in the "a session later" start
};

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_chainstart: %s\n", qPrintable(why));
    std::exit(1);
}

void emitLine(const QJsonObject &line)
{
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

QString timeOf(qint64 index)
{
    return QDateTime::fromMSecsSinceEpoch(1796716800000LL + index * 250, Qt::UTC)
        .toString(Qt::ISODateWithMs);
}

// The demo meeting seeded as chamberd seeds it, copied to meetings 2..M, then filler events.
void writeLog(const QString &path, const Options &options)
{
    auto store = storage::EventStore::open(path);
    if (!store)
        fail(store.error().message);
    {
        services::MeetingService service(*store.value());
        if (auto seeded = services::seedDemoMeeting(service); !seeded || seeded.value() != 1)
            fail(QStringLiteral("the demo meeting was not seeded"));
    }
    auto demo = store.value()->events(1, 0);
    if (!demo)
        fail(demo.error().message);
    storage::Batch copies;
    for (qint64 meeting = 2; meeting <= options.meetings; ++meeting) {
        for (const protocol::Event &event : demo.value())
            copies.events.push_back(
                storage::PendingEvent {meeting, event.kind, event.actor, event.time, event.data});
    }
    if (!copies.events.empty() && !store.value()->commit(copies))
        fail(QStringLiteral("copies of the demo meeting not written"));

    const QString description = QStringLiteral("Kỳ họp thường lệ cuối năm: đánh giá tình hình "
                                               "kinh tế - xã hội, dự toán ngân sách, ")
                                    .repeated(4);
    qint64 written = qint64(demo->size()) * options.meetings;
    qint64 index = 0;
    constexpr qint64 kPerTransaction = 20'000;
    while (written < options.events) {
        storage::Batch batch;
        const qint64 count = std::min(kPerTransaction, options.events - written);
        for (qint64 i = 0; i < count; ++i, ++index) {
            const qint64 meeting = 1 + index % options.meetings;
            const qint64 step = index / options.meetings;
            storage::PendingEvent event {meeting, {}, QStringLiteral("admin"), timeOf(index), {}};
            if (step % 10 == 9) {
                event.kind = QStringLiteral("meeting.updated");
                event.data = {
                    {QStringLiteral("description"), QString(description + QString::number(step))}};
            } else if (step % 10 >= 6) {
                event.kind = QStringLiteral("agenda.selected");
                event.data = {{QStringLiteral("item"), 1 + step % 8}};
            } else {
                // In and out again, delegate after delegate.
                event.kind = (step / 40) % 2 == 0 ? QStringLiteral("attendance.checkedIn")
                                                  : QStringLiteral("attendance.checkedOut");
                event.data = {{QStringLiteral("delegate"), 1 + step % 40}};
            }
            batch.events.push_back(std::move(event));
        }
        if (auto committed = store.value()->commit(batch); !committed)
            fail(committed.error().message);
        written += count;
    }
}

double millisecondsOf(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

struct Figure
{
    std::vector<double> samples;
    QJsonObject toJson(const QString &name, const QString &what) const
    {
        QJsonArray all;
        for (double sample : samples)
            all.append(qRound(sample * 10) / 10.0);
        return {{QStringLiteral("bench"), QStringLiteral("chainstart")},
            {QStringLiteral("figure"), name}, {QStringLiteral("what"), what},
            {QStringLiteral("median_ms"), qRound(bench::percentile(samples, 50) * 10) / 10.0},
            {QStringLiteral("min_ms"),
                qRound(*std::min_element(samples.begin(), samples.end()) * 10) / 10.0},
            {QStringLiteral("samples_ms"), all}};
    }
    double median() const { return bench::percentile(samples, 50); }
};

class Bench
{
public:
    Bench(QString dataDir, const Options &options)
        : m_dataDir(std::move(dataDir))
        , m_database(app::ChamberServer::databasePath(m_dataDir))
        , m_options(options)
    { }

    // ChamberServer::start() until it listens; the background check is cancelled with it.
    double start(bool checkChain, double *backgroundMs = nullptr)
    {
        app::ServerConfig config;
        config.dataDir = m_dataDir;
        config.listen.host = QStringLiteral("127.0.0.1");
        config.listen.port = 0;
        config.checkChain = checkChain;
        app::ChamberServer server(config);
        QElapsedTimer timer;
        timer.start();
        if (auto started = server.start(); !started)
            fail(started.error().message);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (backgroundMs) {
            QEventLoop loop;
            bool intact = false;
            QObject::connect(&server, &app::ChamberServer::chainChecked, &loop, [&](bool ok) {
                intact = ok;
                loop.quit();
            });
            QElapsedTimer background;
            background.start();
            loop.exec();
            *backgroundMs = double(background.nsecsElapsed()) / 1e6;
            if (!intact)
                fail(QStringLiteral("the background check found the generated log broken"));
        }
        server.stop();
        return ms;
    }

    // Replaces every checkpoint by one `behind` events before each meeting's head, signed with
    // the server's key (as chamberd would have written it a session ago); `behind` < 0: none.
    void setCheckpoints(qint64 behind)
    {
        auto store = storage::EventStore::open(m_database);
        if (!store)
            fail(store.error().message);
        if (!store.value()->database().exec("DELETE FROM chain_checkpoints"))
            fail(QStringLiteral("checkpoints not deleted"));
        if (behind < 0)
            return;
        QFile pem(m_dataDir + QStringLiteral("/signing/ed25519.pem"));
        if (!pem.open(QIODevice::ReadOnly))
            fail(QStringLiteral("no signing key"));
        auto key = protocol::Ed25519Key::fromPem(pem.readAll());
        if (!key)
            fail(key.error().message);
        std::vector<storage::ChainCheckpoint> checkpoints;
        const qint64 perMeeting = std::max<qint64>(1, behind / m_options.meetings);
        for (qint64 meeting : store.value()->meetingIds()) {
            const qint64 seq = std::max<qint64>(1, store.value()->headSeq(meeting) - perMeeting);
            auto event = store.value()->events(meeting, seq - 1, 1);
            if (!event || event->empty())
                fail(QStringLiteral("no event %1").arg(seq));
            const protocol::ChainPosition position {seq, event->front().hash};
            checkpoints.push_back(storage::ChainCheckpoint {meeting, position,
                key->sign(protocol::checkpointSigningBytes(meeting, position)),
                QStringLiteral("bench")});
        }
        if (!storage::saveCheckpoints(store.value()->database(), checkpoints))
            fail(QStringLiteral("checkpoints not written"));
    }

    double check(storage::ChainCheckOptions::Scope scope, qint64 *events)
    {
        auto store = storage::EventStore::openReadOnly(m_database);
        if (!store)
            fail(store.error().message);
        storage::ChainCheckOptions options;
        options.scope = scope;
        Result<storage::ChainCheck> result = makeError(ErrorCode::Internal, QString());
        const double ms
            = millisecondsOf([&] { result = storage::checkChain(*store.value(), options); });
        if (!result || !result->report.ok())
            fail(QStringLiteral("the generated log does not verify"));
        *events = result->report.events;
        return ms;
    }

    // EventStore::verify(): one statement over every event, no checkpoints, no anchors.
    double verifyInOneScan()
    {
        auto store = storage::EventStore::openReadOnly(m_database);
        if (!store)
            fail(store.error().message);
        return millisecondsOf([&] {
            if (auto report = store.value()->verify(); !report || !report->ok())
                fail(QStringLiteral("the generated log does not verify"));
        });
    }

    double replay()
    {
        auto store = storage::EventStore::openReadOnly(m_database);
        if (!store)
            fail(store.error().message);
        services::MeetingService service(*store.value());
        return millisecondsOf([&] {
            if (!service.load())
                fail(QStringLiteral("the generated log does not replay"));
        });
    }

private:
    QString m_dataDir;
    QString m_database;
    Options m_options;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("*.info=false\n*.debug=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("chamberd's start on a long event log"));
    parser.addHelpOption();
    const QCommandLineOption eventsOption(
        QStringLiteral("events"), QStringLiteral("Events in the log."), QStringLiteral("N"));
    const QCommandLineOption meetingsOption(QStringLiteral("meetings"),
        QStringLiteral("Meetings they are spread over."), QStringLiteral("M"));
    const QCommandLineOption repeatsOption(
        QStringLiteral("repeats"), QStringLiteral("Runs of each figure."), QStringLiteral("R"));
    parser.addOptions({eventsOption, meetingsOption, repeatsOption});
    parser.process(application);
    Options options;
    if (parser.isSet(eventsOption))
        options.events = parser.value(eventsOption).toLongLong();
    if (parser.isSet(meetingsOption))
        options.meetings = parser.value(meetingsOption).toInt();
    if (parser.isSet(repeatsOption))
        options.repeats = parser.value(repeatsOption).toInt();
    if (options.events < 1000 || options.meetings < 1 || options.repeats < 1)
        fail(QStringLiteral("--events at least 1000, --meetings and --repeats at least 1"));

    QTemporaryDir work;
    const QString dataDir = work.filePath(QStringLiteral("data"));
    const double writeMs = millisecondsOf([&] {
        QDir().mkpath(dataDir);
        writeLog(app::ChamberServer::databasePath(dataDir), options);
    });
    Bench bench(dataDir, options);
    // A first start makes the key, the TLS identity and the token, and warms the page cache.
    bench.setCheckpoints(-1);
    bench.start(true);
    std::printf("bench_chainstart: %lld events in %d meetings written in %.1f s (%.1f MiB); %d "
                "cores; %d runs of each figure\n",
        options.events, options.meetings, writeMs / 1000,
        double(QFileInfo(app::ChamberServer::databasePath(dataDir)).size()) / (1024 * 1024),
        int(std::thread::hardware_concurrency()), options.repeats);

    Figure withoutCheck, full, fromCheckpoint, behind, background, checkFull, checkFrom, oneScan,
        replay;
    qint64 fullEvents = 0;
    qint64 fromEvents = 0;
    for (int run = 0; run < options.repeats; ++run) {
        withoutCheck.samples.push_back(bench.start(false));
        bench.setCheckpoints(-1);
        full.samples.push_back(bench.start(true)); // writes checkpoints at the heads
        fromCheckpoint.samples.push_back(bench.start(true));
        bench.setCheckpoints(options.behind);
        double backgroundMs = 0;
        behind.samples.push_back(bench.start(true, &backgroundMs));
        background.samples.push_back(backgroundMs);
        checkFull.samples.push_back(
            bench.check(storage::ChainCheckOptions::Scope::Everything, &fullEvents));
        bench.setCheckpoints(options.behind); // that start moved them to the heads
        checkFrom.samples.push_back(
            bench.check(storage::ChainCheckOptions::Scope::AfterCheckpoints, &fromEvents));
        oneScan.samples.push_back(bench.verifyInOneScan());
        replay.samples.push_back(bench.replay());
    }
    const QString n = QString::number(options.events);
    emitLine(withoutCheck.toJson(QStringLiteral("start_without_check"),
        QStringLiteral("baseline: ChamberServer::start() with no chain check, %1 events").arg(n)));
    emitLine(full.toJson(QStringLiteral("start_full_check"),
        QStringLiteral("start verifying every event from seq 1 (no checkpoint)")));
    emitLine(fromCheckpoint.toJson(QStringLiteral("start_from_checkpoint"),
        QStringLiteral("start with checkpoints at the heads")));
    emitLine(behind.toJson(QStringLiteral("start_from_checkpoint_behind"),
        QStringLiteral("start with checkpoints %1 events behind the heads").arg(options.behind)));
    emitLine(background.toJson(QStringLiteral("background_full_check"),
        QStringLiteral("the full check after start, while the server serves")));
    emitLine(checkFull.toJson(QStringLiteral("check_everything"),
        QStringLiteral("storage::checkChain, every event (%1 read)").arg(fullEvents)));
    emitLine(checkFrom.toJson(QStringLiteral("check_after_checkpoints"),
        QStringLiteral("storage::checkChain from checkpoints %1 events behind (%2 read)")
            .arg(options.behind)
            .arg(fromEvents)));
    emitLine(oneScan.toJson(QStringLiteral("verify_one_scan"),
        QStringLiteral("EventStore::verify(), every event in one statement")));
    emitLine(replay.toJson(QStringLiteral("replay"),
        QStringLiteral("MeetingService::load(), the replay every start does")));
    emitLine({{QStringLiteral("bench"), QStringLiteral("chainstart")},
        {QStringLiteral("events"), options.events}, {QStringLiteral("meetings"), options.meetings},
        {QStringLiteral("start_without_check_ms"), qRound(withoutCheck.median())},
        {QStringLiteral("start_full_check_ms"), qRound(full.median())},
        {QStringLiteral("start_from_checkpoint_ms"), qRound(fromCheckpoint.median())},
        {QStringLiteral("start_from_checkpoint_behind_ms"), qRound(behind.median())},
        {QStringLiteral("background_full_check_ms"), qRound(background.median())},
        {QStringLiteral("check_cost_at_start_ms"),
            qRound(fromCheckpoint.median() - withoutCheck.median())}});
    return 0;
}

// Minutes of a large sitting (issue 16): 500 delegates, 40 items, 60 polls (every third secret,
// each with a ballot from every present delegate), 400 speeches (one in ten by a bridge point).
// The log is made through the domain core on a fixed clock (minuteslog.h) rather than against a
// running chamberd: 28,000 ballots over WebSockets would measure the voting path, not the
// minutes, and take minutes of their own; the log is the same either way, hash-chained in a
// data directory's database, which a real chamberd then serves.
//
// Measured: the model built from the log (MinutesBuilder), the drawing in a child
// `chamberd --render-minutes` (wall time and the child's peak RSS from wait4), the signature,
// and the whole GET minutes.pdf against chamberd (drawn, then kept); beside the floor: the
// same log exported as JSON (in process, and GET /events from chamberd). Prints a table, then
// one JSON line (tests/bench/run.sh keeps it).
#include "app/signingkey.h"
#include "minutes/minutesmodel.h"
#include "minuteslog.h"
#include "minutespdf/minutesidentity.h"
#include "minutespdf/minutesjob.h"
#include "minutespdf/pdfsigner.h"
#include "protocol/message.h"
#include "restcall.h"
#include "serverprocess.h"
#include "stats.h"
#include "storage/eventstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTemporaryFile>

#include <cstdio>
#include <functional>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace chamber;

namespace {

constexpr int kRepeats = 5;

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_minutes: %s\n", qPrintable(why));
    std::exit(1);
}

double millisecondsOf(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

// The median of `kRepeats` runs, in milliseconds.
double medianOf(const std::function<void()> &work)
{
    std::vector<double> samples;
    for (int i = 0; i < kRepeats; ++i)
        samples.push_back(millisecondsOf(work));
    return bench::percentile(samples, 50);
}

struct ChildRun
{
    QByteArray output;
    int exitCode = -1;
    double wallMs = 0;
    double peakRssMiB = 0; // the child's own, from wait4
    bool timedOut = false; // killed after the time limit
};

// Runs `program argument` with `input` on stdin, reads its stdout, and reaps it with wait4 for
// its resource usage (QProcess reaps its children itself and keeps no rusage).
ChildRun runChild(
    const QString &program, const char *argument, const QByteArray &input, qint64 timeoutMs)
{
    // The job from a file (what the child reads to its end), the PDF through a pipe.
    QTemporaryFile jobFile;
    if (!jobFile.open() || jobFile.write(input) != input.size() || !jobFile.flush())
        fail(QStringLiteral("cannot write the job file"));
    const int jobFd
        = ::open(QFile::encodeName(jobFile.fileName()).constData(), O_RDONLY | O_CLOEXEC);
    int out[2];
    if (jobFd < 0 || ::pipe2(out, O_CLOEXEC) != 0)
        fail(QStringLiteral("cannot open the job file or a pipe"));
    QElapsedTimer timer;
    timer.start();
    const QByteArray path = program.toLocal8Bit();
    const pid_t pid = ::fork();
    if (pid < 0)
        fail(QStringLiteral("fork failed"));
    if (pid == 0) {
        ::dup2(jobFd, STDIN_FILENO);
        ::dup2(out[1], STDOUT_FILENO);
        // dup2 onto itself (fd 0 or 1 when the bench has none) keeps close-on-exec.
        ::fcntl(STDIN_FILENO, F_SETFD, 0);
        ::fcntl(STDOUT_FILENO, F_SETFD, 0);
        ::execl(path.constData(), path.constData(), argument, static_cast<char *>(nullptr));
        ::_exit(127);
    }
    ::close(jobFd);
    ::close(out[1]);
    ChildRun run;
    for (;;) {
        if (timer.elapsed() > timeoutMs) { // as chamberd's renderer does, but measured
            ::kill(pid, SIGKILL);
            run.timedOut = true;
            break;
        }
        pollfd fd {out[0], POLLIN, 0};
        if (::poll(&fd, 1, 1000) <= 0)
            continue;
        char buffer[65536];
        const ssize_t n = ::read(out[0], buffer, sizeof buffer);
        if (n <= 0)
            break;
        run.output.append(buffer, n);
    }
    ::close(out[0]);
    int status = 0;
    rusage usage {};
    ::wait4(pid, &status, 0, &usage);
    run.wallMs = double(timer.nsecsElapsed()) / 1e6;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.peakRssMiB = double(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
    return run;
}

QString figure(double value)
{
    return QString::number(value, 'f', 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    ::signal(SIGPIPE, SIG_IGN); // a child that stops reading is reported, not fatal
    QTemporaryDir data;
    if (!data.isValid())
        fail(QStringLiteral("no temporary directory"));
    // --small: a fifth of the sitting, to see how the figures grow; --render-limit S: the
    // longest a drawing may take here (default 1800 s; chamberd allows 120 s).
    const QStringList arguments = QCoreApplication::arguments();
    bench::MinutesLogShape shape;
    if (arguments.contains(QStringLiteral("--small")))
        shape = bench::MinutesLogShape {100, 8, 12, 80, 4};
    const qsizetype limitAt = arguments.indexOf(QStringLiteral("--render-limit"));
    const qint64 renderLimitMs
        = limitAt > 0 ? arguments.value(limitAt + 1).toLongLong() * 1000 : 1800 * 1000;

    // The log, in a data directory chamberd will serve (results signed with its own key).
    auto resultKey = app::loadOrCreateSigningKey(data.filePath(QStringLiteral("signing")));
    if (!resultKey)
        fail(resultKey.error().message);
    QElapsedTimer timer;
    timer.start();
    auto written = bench::writeMinutesLog(data.path(), shape, resultKey.value());
    if (!written)
        fail(written.error().message);
    const double generationMs = double(timer.elapsed());
    std::vector<protocol::Event> events;
    {
        auto store = storage::EventStore::openReadOnly(data.filePath(QStringLiteral("chamber.db")));
        if (!store)
            fail(store.error().message);
        auto read = store.value()->events(1, 0);
        if (!read)
            fail(read.error().message);
        events = std::move(read.value());
    }

    // The floor: the same log as JSON Lines, as GET /events writes it.
    qint64 exportBytes = 0;
    const double exportMs = medianOf([&] {
        QByteArray lines;
        for (const protocol::Event &event : events)
            lines += protocol::toFrame(event.toJson()) + '\n';
        exportBytes = lines.size();
    });

    // The model.
    std::optional<minutes::MinutesModel> model;
    const double modelMs = medianOf([&] {
        auto built = minutes::buildMinutes(events);
        if (!built)
            fail(QStringLiteral("model: ") + built.error().message);
        model = std::move(built.value());
    });
    const QByteArray job
        = minutespdf::minutesJobToJson(*model, minutes::MinutesLanguage::Vietnamese);

    // The drawing, in the child chamberd starts for it.
    const QString chamberd = testing::binaryPath(QStringLiteral("chamberd"));
    std::vector<double> renderSamples;
    double peakRssMiB = 0;
    QByteArray unsignedPdf;
    // Twice: the second drawing must give the same bytes (as the kept PDF assumes).
    bool renderTimedOut = false;
    for (int i = 0; i < 2; ++i) {
        const ChildRun run
            = runChild(chamberd, minutespdf::kRenderMinutesArgument, job, renderLimitMs);
        if (run.timedOut) {
            std::printf("render child killed after %.0f ms (limit), peak RSS %.1f MiB\n",
                run.wallMs, run.peakRssMiB);
            renderSamples.push_back(run.wallMs);
            peakRssMiB = std::max(peakRssMiB, run.peakRssMiB);
            renderTimedOut = true;
            break;
        }
        if (run.exitCode != 0 || !run.output.startsWith("%PDF-")) {
            // Kept for a look by hand: chamberd --render-minutes < job.json
            QFile kept(QDir::temp().filePath(QStringLiteral("bench_minutes-job.json")));
            if (kept.open(QIODevice::WriteOnly))
                kept.write(job);
            fail(
                QStringLiteral("the render child failed (exit %1) on a job of %2 bytes, kept in %3")
                    .arg(run.exitCode)
                    .arg(job.size())
                    .arg(kept.fileName()));
        }
        renderSamples.push_back(run.wallMs);
        peakRssMiB = std::max(peakRssMiB, run.peakRssMiB);
        if (!unsignedPdf.isEmpty() && run.output != unsignedPdf)
            fail(QStringLiteral("two drawings of the same model differ"));
        unsignedPdf = run.output;
    }
    const double renderMs = bench::percentile(renderSamples, 50);

    // The signature.
    auto identity
        = minutespdf::loadOrCreateMinutesIdentity(data.filePath(QStringLiteral("minutes-signing")));
    if (!identity)
        fail(identity.error().message);
    minutespdf::MinutesStamp stamp {model->meeting, model->seq, model->lastEventHash,
        model->lastEventTime, minutes::minutesKindName(model->kind), QStringLiteral("vi"),
        model->modelSha256()};
    qint64 signedBytes = 0;
    // Nothing to sign when the drawing did not finish: -1.
    const double signMs = renderTimedOut ? -1 : medianOf([&] {
        auto signedPdf = minutespdf::signMinutesPdf(unsignedPdf, stamp, identity.value());
        if (!signedPdf)
            fail(QStringLiteral("sign: ") + signedPdf.error().message);
        signedBytes = signedPdf->size();
    });

    // The whole request against a real chamberd on this data directory.
    testing::ServerProcess server(data.path());
    if (!server.start({}, 120000))
        fail(QStringLiteral("chamberd did not start:\n")
            + QString::fromUtf8(server.log().right(2000)));
    // A refusal is a figure too (the server's 120 s limit on a drawing): printed, not fatal.
    QStringList refusals;
    const auto get = [&](const QString &path, QByteArray *body = nullptr) {
        QElapsedTimer requestTimer;
        requestTimer.start();
        const testing::RestResponse response = testing::restCall(
            "GET", server.baseUrl() + path, server.pin(), server.adminToken(), {}, {}, 300000);
        const double ms = double(requestTimer.nsecsElapsed()) / 1e6;
        if (response.status != 200)
            refusals << QStringLiteral("GET %1: HTTP %2 after %3 ms: %4")
                            .arg(path)
                            .arg(response.status)
                            .arg(qRound(ms))
                            .arg(QString::fromUtf8(response.body.left(300)));
        if (body)
            *body = response.body;
        return ms;
    };
    QByteArray served;
    const double requestMs = get(QStringLiteral("/api/v1/meetings/1/minutes.pdf?lang=vi"), &served);
    const double keptMs = get(QStringLiteral("/api/v1/meetings/1/minutes.pdf?lang=vi"));
    const double jsonExportMs = get(QStringLiteral("/api/v1/meetings/1/minutes.json"));
    const double eventsMs = get(QStringLiteral("/api/v1/meetings/1/events?limit=100000"));
    server.terminate();

    std::printf("bench_minutes: %lld events (%lld ballots), %d delegates, %d items, %d polls, "
                "%d speeches; log made in %.0f ms\n",
        qlonglong(written->events), qlonglong(written->ballots), shape.delegates, shape.items,
        shape.polls, shape.speeches, generationMs);
    std::printf("%-52s %10s\n", "step", "ms");
    const std::pair<const char *, double> rows[] = {
        {"floor: the log as JSON Lines (in process)", exportMs},
        {"floor: GET /events from chamberd", eventsMs},
        {"model from the log (MinutesBuilder)", modelMs},
        {"render in the child (wall, incl. its start)", renderMs},
        {"sign (CMS, RSA-3072, SHA-256)", signMs},
        {"GET minutes.pdf from chamberd, drawn", requestMs},
        {"GET minutes.pdf from chamberd, kept", keptMs},
        {"GET minutes.json from chamberd", jsonExportMs},
    };
    for (const auto &[name, value] : rows)
        std::printf("%-52s %10.1f\n", name, value);
    for (const QString &refusal : std::as_const(refusals))
        std::printf("REFUSED %s\n", qPrintable(refusal));
    std::printf("render child peak RSS: %.1f MiB; unsigned PDF %lld bytes, signed %lld bytes, "
                "served %lld bytes; log as JSON %lld bytes\n",
        peakRssMiB, qlonglong(unsignedPdf.size()), qlonglong(signedBytes), qlonglong(served.size()),
        qlonglong(exportBytes));

    const QJsonObject line {{QStringLiteral("bench"), QStringLiteral("minutes")},
        {QStringLiteral("events"), written->events}, {QStringLiteral("ballots"), written->ballots},
        {QStringLiteral("delegates"), shape.delegates}, {QStringLiteral("items"), shape.items},
        {QStringLiteral("polls"), shape.polls}, {QStringLiteral("speeches"), shape.speeches},
        {QStringLiteral("exportJsonMs"), figure(exportMs).toDouble()},
        {QStringLiteral("eventsRequestMs"), figure(eventsMs).toDouble()},
        {QStringLiteral("modelMs"), figure(modelMs).toDouble()},
        {QStringLiteral("renderMs"), figure(renderMs).toDouble()},
        {QStringLiteral("renderPeakRssMiB"), figure(peakRssMiB).toDouble()},
        {QStringLiteral("signMs"), figure(signMs).toDouble()},
        {QStringLiteral("requestMs"), figure(requestMs).toDouble()},
        {QStringLiteral("keptRequestMs"), figure(keptMs).toDouble()},
        {QStringLiteral("minutesJsonMs"), figure(jsonExportMs).toDouble()},
        {QStringLiteral("pdfBytes"), qint64(served.size())},
        {QStringLiteral("requestsRefused"), qint64(refusals.size())},
        {QStringLiteral("jsonExportBytes"), exportBytes}};
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    return 0;
}

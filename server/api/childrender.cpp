#include "api/childrender.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryFile>
#include <QTimer>

namespace chamber::api {

ChildRenderer::ChildRenderer(QString program, int maxRunning, int timeoutMs)
    : m_program(std::move(program))
    , m_maxRunning(maxRunning)
    , m_timeoutMs(timeoutMs)
{ }

ChildRenderer::~ChildRenderer() = default;

Status ChildRenderer::start(const ChildRenderJob &job, const QString &what, Done done)
{
    if (*m_running >= m_maxRunning)
        return rateLimited(
            QStringLiteral("%1 are being drawn already; try again in a moment").arg(what), 2000);
    // The job reaches the child as a file on its stdin, not through a pipe: a child that reads
    // its job with one read() (as the minutes renderer does) gets all of it only from a file;
    // from a pipe, a job beyond the pipe's 64 KiB came cut short. Owner-only, removed with the
    // process (jobs carry roll calls).
    auto jobFile = std::make_shared<QTemporaryFile>();
    if (!jobFile->open() || jobFile->write(job.input) != job.input.size() || !jobFile->flush())
        return makeError(ErrorCode::Unavailable,
            QStringLiteral("the drawing's job could not be written: ") + jobFile->errorString());
    jobFile->close();
    auto *process = new QProcess;
    auto answered = std::make_shared<bool>(false);
    auto running = m_running;
    ++*running;
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    const QByteArray prefix = job.outputPrefix;
    auto finish = [process, answered, running, timer, prefix, jobFile, done = std::move(done)](
                      bool exitedWell, const QString &why) {
        if (*answered)
            return;
        *answered = true;
        --*running;
        ChildRenderOutcome outcome;
        outcome.elapsedMs = timer->elapsed();
        outcome.output = process->readAllStandardOutput();
        outcome.ok = exitedWell && outcome.output.startsWith(prefix);
        if (!outcome.ok) {
            const QString stderrText
                = QString::fromUtf8(process->readAllStandardError()).trimmed().left(2000);
            outcome.problem = !why.isEmpty() ? why
                : !stderrText.isEmpty()      ? stderrText
                                             : QStringLiteral("the renderer exited with code %1 "
                                                                   "and wrote no document")
                                              .arg(process->exitCode());
            outcome.output.clear();
        }
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(1000);
        }
        process->deleteLater();
        done(outcome);
    };
    QObject::connect(
        process, &QProcess::finished, process, [finish](int code, QProcess::ExitStatus status) {
            finish(status == QProcess::NormalExit && code == 0,
                status == QProcess::CrashExit ? QStringLiteral("the renderer crashed") : QString());
        });
    QObject::connect(process, &QProcess::errorOccurred, process,
        [finish, process](QProcess::ProcessError error) {
            if (error == QProcess::FailedToStart)
                finish(false,
                    QStringLiteral("the renderer could not be started: ") + process->errorString());
        });
    const int timeoutMs = job.timeoutMs > 0 ? job.timeoutMs : m_timeoutMs;
    QTimer::singleShot(timeoutMs, process, [finish, timeoutMs] {
        finish(false, QStringLiteral("the renderer took longer than %1 s").arg(timeoutMs / 1000));
    });
    // Qt's PDF writer emits fonts in QHash order: with the per-process random seed, the same
    // document would come out in different bytes each time. Minutes must not (a drawing again
    // is checked against the kept one), so every child hashes with the fixed seed.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_HASH_SEED"), QStringLiteral("0"));
    process->setProcessEnvironment(environment);
    process->setStandardInputFile(jobFile->fileName());
    process->start(m_program, {job.argument});
    return success();
}

} // namespace chamber::api

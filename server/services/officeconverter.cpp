#include "services/officeconverter.h"

#include "services/officeprocess.h"
#include "support/log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <algorithm>

#include <signal.h>
#include <unistd.h>

namespace chamber::services {

Q_LOGGING_CATEGORY(lcConverter, "chamber.converter")

namespace {

// Enough of LibreOffice's output to say in the log why a conversion failed.
constexpr qsizetype kOutputTail = 4096;

QString mebibytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 0);
}

Error unreadable(const QString &format)
{
    return makeError(ErrorCode::Invalid,
        QStringLiteral("LibreOffice could not read the file as .%1 (it is damaged, or not what "
                       "its name says)")
            .arg(format),
        QStringLiteral("content"));
}

} // namespace

struct OfficeConverter::Job
{
    QByteArray content;
    QString format;
    Done done;
    QTemporaryDir dir;
    QString profileUrl; // LibreOffice's user installation, canonical (officePipeName)
    QProcess *process = nullptr;
    pid_t group = 0; // the guardian's pid, its process group's id (officeprocess.h)
    QTimer timer;
    QByteArray output; // the tail of what LibreOffice printed
    bool finished = false;

    QString inputPath() const { return dir.filePath(QStringLiteral("in/document.") + format); }
    QString outputPath() const { return dir.filePath(QStringLiteral("out/document.pdf")); }

    // LibreOffice forks (oosplash, then soffice.bin): the process group goes, not only the
    // child QProcess knows. Also once that child has ended: anything it left in its group
    // goes with it (the group's id is not reused while the group has members).
    void killGroup()
    {
        const pid_t id = group > 0 ? group : (process ? pid_t(process->processId()) : 0);
        if (id > 0)
            ::kill(-id, SIGKILL);
    }

    ~Job()
    {
        if (!process)
            return;
        process->disconnect();
        killGroup();
        if (process->state() == QProcess::NotRunning) {
            removeOfficePipe(profileUrl);
            process->deleteLater(); // may be inside its own signal
            return;
        }
        // Killed, but not reaped yet: deleting it now would block the event loop until it
        // is, so it goes once it has finished, and LibreOffice's pipe with it.
        QObject::connect(
            process, &QProcess::finished, process, [process = process, url = profileUrl] {
                removeOfficePipe(url);
                process->deleteLater();
            });
    }
};

OfficeConverter::OfficeConverter(OfficeConverterOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{ }

OfficeConverter::~OfficeConverter()
{
    m_waiting.clear();
    for (auto &job : m_running) {
        job->killGroup();
        if (job->process) {
            job->process->disconnect();
            job->process->waitForFinished(2000);
            delete job->process;
            job->process = nullptr;
            removeOfficePipe(job->profileUrl);
        }
    }
}

int OfficeConverter::waiting() const
{
    int count = 0;
    for (const Turn &turn : m_waiting)
        count += int(turn.jobs.size());
    return count;
}

QString OfficeConverter::resolveProgram() const
{
    if (!m_options.program.isEmpty()) {
        const QFileInfo configured(m_options.program);
        if (configured.isAbsolute())
            return configured.isFile() && configured.isExecutable() ? m_options.program : QString();
        return QStandardPaths::findExecutable(m_options.program);
    }
    for (const QString &name : {QStringLiteral("soffice"), QStringLiteral("libreoffice")}) {
        const QString found = QStandardPaths::findExecutable(name);
        if (!found.isEmpty())
            return found;
    }
    return {};
}

Status OfficeConverter::convert(
    const QByteArray &content, const QString &format, const QString &uploader, Done done)
{
    if (resolveProgram().isEmpty())
        return makeError(ErrorCode::Invalid,
            QStringLiteral("%1 files are converted to PDF by LibreOffice, which is not installed "
                           "on this server%2; install it (libreoffice-writer-nogui, "
                           "libreoffice-calc-nogui, libreoffice-impress-nogui) or upload a PDF")
                .arg(format,
                    m_options.program.isEmpty()
                        ? QString()
                        : QStringLiteral(" ([documents] office-converter = %1 is not a program)")
                              .arg(m_options.program)),
            QStringLiteral("content"));
    if (running() + waiting() >= m_options.maxRunning + m_options.maxWaiting)
        return makeError(ErrorCode::Unavailable,
            QStringLiteral("the server is converting %1 office documents already and %2 more are "
                           "waiting; try again in a minute")
                .arg(running())
                .arg(waiting()));
    auto job = std::make_unique<Job>();
    job->content = content;
    job->format = format;
    job->done = std::move(done);
    auto turn = std::find_if(m_waiting.begin(), m_waiting.end(),
        [&uploader](const Turn &t) { return t.uploader == uploader; });
    if (turn == m_waiting.end())
        turn = m_waiting.insert(m_waiting.end(), Turn {uploader, {}});
    turn->jobs.push_back(std::move(job));
    // Started from the event loop, so `done` never runs before convert() has returned.
    QTimer::singleShot(0, this, &OfficeConverter::startNext);
    return success();
}

Error OfficeConverter::stoppedAtLimit(const QString &format) const
{
    return makeError(ErrorCode::Invalid,
        QStringLiteral("LibreOffice stopped before it had converted the .%1 file: it crashed, "
                       "most likely at its limit of %2 MiB of memory ([documents] "
                       "conversion-memory-mib) or %3 s of processor time; the file may be too "
                       "large or damaged: save it as PDF and upload that")
            .arg(format, mebibytes(m_options.memoryBytes))
            .arg(m_options.timeoutSeconds),
        QStringLiteral("content"));
}

std::unique_ptr<OfficeConverter::Job> OfficeConverter::takeNext()
{
    Turn turn = std::move(m_waiting.front());
    m_waiting.pop_front();
    std::unique_ptr<Job> job = std::move(turn.jobs.front());
    turn.jobs.pop_front();
    if (!turn.jobs.empty())
        m_waiting.push_back(std::move(turn)); // the others' turn first
    return job;
}

void OfficeConverter::startNext()
{
    while (running() < m_options.maxRunning && !m_waiting.empty()) {
        Job *job = takeNext().release();
        m_running.emplace_back(job);
        start(job);
    }
}

void OfficeConverter::start(Job *job)
{
    const QString program = resolveProgram();
    QDir dir(job->dir.path());
    QFile input(job->inputPath());
    if (program.isEmpty() || !job->dir.isValid() || !dir.mkpath(QStringLiteral("in"))
        || !dir.mkpath(QStringLiteral("out")) || !dir.mkpath(QStringLiteral("profile"))
        || !input.open(QIODevice::WriteOnly) || input.write(job->content) != job->content.size()
        || !input.flush()) {
        finish(job,
            makeError(ErrorCode::Unavailable,
                program.isEmpty() ? QStringLiteral("LibreOffice is no longer installed")
                                  : QStringLiteral("cannot write the file to convert in %1")
                                        .arg(job->dir.path())));
        return;
    }
    input.close();
    job->content.clear();
    // LibreOffice resolves symbolic links in the profile's path before naming its pipe after
    // it; given the canonical path, the name chamberd computes is the one it uses.
    job->profileUrl = QUrl::fromLocalFile(
        QFileInfo(dir.filePath(QStringLiteral("profile"))).canonicalFilePath())
                          .toString(QUrl::FullyEncoded);

    job->process = new QProcess();
    QProcess *process = job->process;
    // Its own profile (a shared one lets a second soffice hand the work to the first and
    // exit, or find it locked), its own home, temp and XDG directories, everything inside
    // the job's dir.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), job->dir.path());
    environment.insert(QStringLiteral("TMPDIR"), job->dir.path());
    for (const char *variable :
        {"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"})
        environment.insert(QString::fromLatin1(variable), job->dir.path());
    process->setProcessEnvironment(environment);
    process->setWorkingDirectory(job->dir.path());
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setStandardInputFile(QProcess::nullDevice());
    const OfficeProcessLimits limits {m_options.memoryBytes, m_options.timeoutSeconds};
    const pid_t server = ::getpid();
    process->setChildProcessModifier([limits, server] { fenceOfficeProcess(limits, server); });
    connect(process, &QProcess::readyRead, this, [job] {
        job->output += job->process->readAll();
        if (job->output.size() > kOutputTail)
            job->output = job->output.right(kOutputTail);
    });
    connect(process, &QProcess::errorOccurred, this, [this, job](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            finish(job,
                makeError(ErrorCode::Unavailable,
                    QStringLiteral("LibreOffice did not start: %1")
                        .arg(job->process->errorString())));
    });
    connect(
        process, &QProcess::finished, this, [this, job](int exitCode, QProcess::ExitStatus status) {
            QFile pdf(job->outputPath());
            if (!pdf.exists()) {
                // oosplash reports soffice.bin's crash as an exit code, with LibreOffice's
                // own crash report in the output.
                const bool crashed = status == QProcess::CrashExit || exitCode > 128
                    || job->output.contains("Fatal exception: Signal");
                log::warning(lcConverter(), QStringLiteral("conversion failed"),
                    {{QStringLiteral("format"), job->format},
                        {QStringLiteral("exitCode"), exitCode},
                        {QStringLiteral("crashed"), crashed},
                        {QStringLiteral("output"), QString::fromUtf8(job->output).trimmed()}});
                finish(job, crashed ? stoppedAtLimit(job->format) : unreadable(job->format));
                return;
            }
            if (pdf.size() > m_options.maxOutputBytes) {
                finish(job,
                    makeError(ErrorCode::TooLarge,
                        QStringLiteral("the converted PDF is %1 MiB; the limit is %2 MiB "
                                       "([documents] max-upload-mib)")
                            .arg(QString::number(double(pdf.size()) / 1048576.0, 'f', 1),
                                QString::number(
                                    double(m_options.maxOutputBytes) / 1048576.0, 'f', 1))));
                return;
            }
            if (!pdf.open(QIODevice::ReadOnly)) {
                finish(job,
                    makeError(ErrorCode::Internal,
                        QStringLiteral("cannot read the converted PDF %1").arg(pdf.fileName())));
                return;
            }
            finish(job, pdf.readAll());
        });
    job->timer.setSingleShot(true);
    job->timer.setInterval(m_options.timeoutSeconds * 1000);
    connect(&job->timer, &QTimer::timeout, this, [this, job] {
        log::warning(lcConverter(), QStringLiteral("conversion timed out"),
            {{QStringLiteral("format"), job->format},
                {QStringLiteral("seconds"), m_options.timeoutSeconds}});
        // Invalid rather than Unavailable: the same file would most likely hang again.
        finish(job,
            makeError(ErrorCode::Invalid,
                QStringLiteral("LibreOffice did not finish converting the .%1 file within %2 "
                               "s ([documents] conversion-timeout) and was stopped; the file "
                               "may be damaged or too complex: save it as PDF and upload that")
                    .arg(job->format)
                    .arg(m_options.timeoutSeconds),
                QStringLiteral("content")));
    });
    const QStringList arguments {
        QStringLiteral("-env:UserInstallation=") + job->profileUrl,
        // Its cache of shared extensions too (by default /var/spool/libreoffice, written to
        // when writable).
        QStringLiteral("-env:UNO_SHARED_PACKAGES_CACHE=")
            + QUrl::fromLocalFile(dir.filePath(QStringLiteral("shared-packages")))
                  .toString(QUrl::FullyEncoded),
        QStringLiteral("--headless"),
        QStringLiteral("--invisible"),
        QStringLiteral("--nologo"),
        QStringLiteral("--nodefault"),
        QStringLiteral("--norestore"),
        QStringLiteral("--nolockcheck"),
        QStringLiteral("--convert-to"),
        QStringLiteral("pdf"),
        QStringLiteral("--outdir"),
        dir.filePath(QStringLiteral("out")),
        job->inputPath(),
    };
    log::info(lcConverter(), QStringLiteral("conversion started"),
        {{QStringLiteral("format"), job->format}, {QStringLiteral("program"), program},
            {QStringLiteral("waiting"), waiting()}});
    // Its pid is kept: QProcess forgets it once the process has ended (and a failed fork
    // ends the job inside start(), so nothing may touch `job` after it).
    connect(process, &QProcess::started, this,
        [job] { job->group = pid_t(job->process->processId()); });
    job->timer.start();
    process->start(guardProgram(), guardArguments(program, arguments));
}

void OfficeConverter::finish(Job *job, Result<QByteArray> result)
{
    if (job->finished)
        return;
    job->finished = true;
    job->timer.stop();
    std::unique_ptr<Job> owned;
    for (auto it = m_running.begin(); it != m_running.end(); ++it) {
        if (it->get() == job) {
            owned = std::move(*it);
            m_running.erase(it);
            break;
        }
    }
    // The next one starts before this answer is written, so the queue keeps moving.
    QTimer::singleShot(0, this, &OfficeConverter::startNext);
    if (result)
        log::info(lcConverter(), QStringLiteral("conversion done"),
            {{QStringLiteral("format"), job->format},
                {QStringLiteral("bytes"), qint64(result->size())}});
    Done done = std::move(job->done);
    done(std::move(result));
    // `owned` goes here: the process is killed if still there and deleted later.
}

} // namespace chamber::services

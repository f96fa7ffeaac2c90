// Office documents (.docx, .odt, .xlsx, .pptx, ...) to PDF with LibreOffice headless, without
// blocking chamberd's event loop (voting and every device's connection run on that thread):
// each conversion is an asynchronous process whose end calls back. At most `maxRunning` run at
// once (LibreOffice takes hundreds of MB and a core each); a few more wait their turn, taken
// round-robin between uploaders, and beyond that the secretary is told to try again instead of
// piling work up. Each run is fenced (officeprocess.h): a memory and a CPU limit, killed with
// chamberd, and nothing left outside its own temporary directory.
#pragma once

#include "core/officearchive.h"
#include "protocol/error.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <memory>

namespace chamber::services {

struct OfficeConverterOptions
{
    // The LibreOffice program (soffice); empty: soffice, then libreoffice, found on PATH.
    QString program;
    int timeoutSeconds = 120; // also each process's CPU time limit (RLIMIT_CPU)
    int maxRunning = 2;
    int maxWaiting = 4; // beyond running ones; more is refused with Unavailable (503)
    qint64 maxOutputBytes = 100LL * 1024 * 1024; // a larger PDF is refused (TooLarge)
    // RLIMIT_DATA of each LibreOffice process. Measured (LibreOffice 7.4, fresh profile): the
    // test fixtures peak at 162 MiB, an 88 MB .docx with three 12-megapixel images at
    // 316 MiB; a .docx whose document.xml unpacks to 1 GiB of paragraphs grows by about
    // 85 MiB/s to 7 GB unbounded and stops at this limit.
    qint64 memoryBytes = 1024LL * 1024 * 1024;
    // What DocumentService checks an office file's ZIP directory against before converting.
    core::OfficeArchiveLimits archive;
};

class OfficeConverter : public QObject
{
    Q_OBJECT

public:
    // The PDF's bytes, or why there is none (Invalid: LibreOffice could not read the file, or
    // did not finish in time; TooLarge: the PDF is above maxOutputBytes; Unavailable: it could
    // not be started).
    using Done = std::function<void(Result<QByteArray>)>;

    explicit OfficeConverter(OfficeConverterOptions options, QObject *parent = nullptr);
    ~OfficeConverter() override; // kills running conversions (and their children)

    // The program a conversion would run now; empty when LibreOffice is not installed (or the
    // configured path is not an executable).
    QString resolveProgram() const;

    // Queues `content` (an office file; `format` is its extension, e.g. "docx") for
    // `uploader` (a principal's id: waiting conversions start round-robin between uploaders)
    // and returns at once. Refused right away, without calling `done`, when LibreOffice is
    // missing or the queue is full. Otherwise `done` is called exactly once, later, from the
    // event loop.
    Status convert(
        const QByteArray &content, const QString &format, const QString &uploader, Done done);

    int running() const { return int(m_running.size()); }
    int waiting() const;
    const OfficeConverterOptions &options() const { return m_options; }

private:
    struct Job;
    // One uploader's waiting conversions, in the order they came.
    struct Turn
    {
        QString uploader;
        std::deque<std::unique_ptr<Job>> jobs;
    };
    std::unique_ptr<Job> takeNext();
    void startNext();
    void start(Job *job);
    Error stoppedAtLimit(const QString &format) const;
    void finish(Job *job, Result<QByteArray> result);

    OfficeConverterOptions m_options;
    std::deque<Turn> m_waiting; // the uploader at the front starts next, then goes to the back
    std::deque<std::unique_ptr<Job>> m_running;
};

} // namespace chamber::services

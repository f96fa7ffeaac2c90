// Office documents (.docx, .odt, .xlsx, .pptx, ...) to PDF with LibreOffice headless, without
// blocking chamberd's event loop (voting and every device's connection run on that thread):
// each conversion is an asynchronous process whose end calls back. At most `maxRunning` run at
// once (LibreOffice takes hundreds of MB and a core each); a few more wait their turn, and
// beyond that the secretary is told to try again instead of piling work up.
#pragma once

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
    int timeoutSeconds = 120;
    int maxRunning = 1;
    int maxWaiting = 4; // beyond running ones; more is refused with Unavailable (503)
    qint64 maxOutputBytes = 100LL * 1024 * 1024; // a larger PDF is refused (TooLarge)
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

    // Queues `content` (an office file; `format` is its extension, e.g. "docx") and returns at
    // once. Refused right away, without calling `done`, when LibreOffice is missing or the
    // queue is full. Otherwise `done` is called exactly once, later, from the event loop.
    Status convert(const QByteArray &content, const QString &format, Done done);

    int running() const { return int(m_running.size()); }
    int waiting() const { return int(m_waiting.size()); }
    const OfficeConverterOptions &options() const { return m_options; }

private:
    struct Job;
    void startNext();
    void finish(Job *job, Result<QByteArray> result);

    OfficeConverterOptions m_options;
    std::deque<std::unique_ptr<Job>> m_waiting;
    std::deque<std::unique_ptr<Job>> m_running;
};

} // namespace chamber::services

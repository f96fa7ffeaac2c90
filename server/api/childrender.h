// Drawing in a child process: fonts need a QGuiApplication, which chamberd has not, and the
// event loop must not wait for a drawing. A job is handed to `chamberd <argument>` (seat cards:
// --render-seat-cards, minutes: --render-minutes) on stdin; the child writes the document to
// stdout. One ChildRenderer is shared by everything that draws, so that at most kMaxRunning
// children run at once in all (more are refused, rate_limited, rather than queued: a queue
// of PDFs nobody waits for any more only costs memory) and none runs longer than the timeout.
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

namespace chamber::api {

struct ChildRenderOutcome
{
    bool ok = false; // exit code 0 and the output starts as the job said it must
    QByteArray output; // stdout
    QString problem; // why not ok: the child's stderr, a timeout, a failed start
    qint64 elapsedMs = 0;
};

struct ChildRenderJob
{
    QString argument; // the child's one argument: what it draws
    QByteArray input; // its stdin
    QByteArray outputPrefix = "%PDF-"; // what a good answer starts with
    int timeoutMs = 0; // 0: the renderer's own limit
};

class ChildRenderer
{
public:
    static constexpr int kMaxRunning = 2;
    static constexpr int kTimeoutMs = 120000;

    // `program`: the executable that renders (chamberd itself).
    explicit ChildRenderer(
        QString program, int maxRunning = kMaxRunning, int timeoutMs = kTimeoutMs);
    ~ChildRenderer();
    ChildRenderer(const ChildRenderer &) = delete;
    ChildRenderer &operator=(const ChildRenderer &) = delete;

    using Done = std::function<void(const ChildRenderOutcome &)>;
    // Starts the child; `done` is called once, on the event loop, when it has finished, failed
    // or timed out (a timed-out child is killed). RateLimited when kMaxRunning run already
    // (`what` names the drawing in the refusal: "seat cards are being drawn already").
    Status start(const ChildRenderJob &job, const QString &what, Done done);
    int running() const { return *m_running; }

private:
    QString m_program;
    int m_maxRunning;
    int m_timeoutMs;
    // Shared with the children's callbacks: a child may outlive a request, never the count.
    std::shared_ptr<int> m_running = std::make_shared<int>(0);
};

} // namespace chamber::api

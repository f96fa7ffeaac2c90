#include "app/chainguard.h"

#include "support/log.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMetaObject>

namespace chamber::app {

Q_LOGGING_CATEGORY(lcChain, "chamber.chain")

namespace {

void logBreaks(const protocol::ChainReport &report, const QString &found)
{
    for (const protocol::ChainBreak &broken : report.breaks) {
        log::critical(lcChain(), QStringLiteral("event log hash chain broken"),
            {{QStringLiteral("meeting"), broken.meeting}, {QStringLiteral("seq"), broken.seq},
                {QStringLiteral("problem"), broken.describe()},
                {QStringLiteral("foundBy"), found}});
    }
}

} // namespace

QString describeBreaks(const protocol::ChainReport &report)
{
    QStringList lines;
    for (const protocol::ChainBreak &broken : report.breaks)
        lines << broken.describe();
    return lines.join(QStringLiteral("; "));
}

ChainGuard::ChainGuard(
    storage::EventStore &store, const protocol::Ed25519Key &key, bool acceptBroken, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_key(key)
    , m_acceptBroken(acceptBroken)
{ }

ChainGuard::~ChainGuard()
{
    m_cancel = true;
    if (m_thread.joinable())
        m_thread.join();
}

Status ChainGuard::checkAtStart()
{
    if (m_acceptBroken) {
        log::critical(lcChain(),
            QStringLiteral("started with --accept-broken-chain: a broken event log is served "
                           "as it is"));
    }
    QElapsedTimer timer;
    timer.start();
    storage::ChainCheckOptions options;
    options.scope = storage::ChainCheckOptions::Scope::AfterCheckpoints;
    options.resultKey = m_key.publicKey();
    auto check = storage::checkChain(m_store, options);
    if (!check)
        return check.error();
    m_startCheck = check.value();
    const protocol::ChainReport &report = m_startCheck.report;
    if (!report.ok()) {
        if (!m_acceptBroken) {
            return makeError(ErrorCode::Invalid,
                QStringLiteral("the event log's hash chain is broken, refusing to start (chamberd "
                               "--accept-broken-chain starts anyway): %1")
                    .arg(describeBreaks(report)));
        }
        logBreaks(report, QStringLiteral("start"));
    }
    if (auto status = recordCheckpoints(m_startCheck.intactHeads); !status)
        return status;
    log::info(lcChain(), QStringLiteral("event log hash chain checked"),
        {{QStringLiteral("meetings"), report.meetings},
            {QStringLiteral("eventsChecked"), report.events},
            {QStringLiteral("eventsBelowCheckpoints"), m_startCheck.eventsBelowCheckpoints},
            {QStringLiteral("broken"), qint64(report.breaks.size())},
            {QStringLiteral("ms"), timer.elapsed()}});
    return success();
}

Status ChainGuard::recordCheckpoints(const QHash<qint64, protocol::ChainPosition> &heads)
{
    auto existing = storage::loadCheckpoints(m_store.database());
    if (!existing)
        return existing.error();
    QHash<qint64, protocol::ChainPosition> recorded;
    for (const storage::ChainCheckpoint &checkpoint : existing.value())
        recorded.insert(checkpoint.meeting, checkpoint.position);
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    std::vector<storage::ChainCheckpoint> fresh;
    for (auto it = heads.constBegin(); it != heads.constEnd(); ++it) {
        // Never backwards: a check that read less than the last one vouches for less.
        const auto known = recorded.constFind(it.key());
        if (known != recorded.constEnd() && known->seq >= it->seq)
            continue;
        const QByteArray signature
            = m_key.sign(protocol::checkpointSigningBytes(it.key(), it.value()));
        if (signature.isEmpty())
            return makeError(
                ErrorCode::Internal, QStringLiteral("a chain checkpoint could not be signed"));
        fresh.push_back(storage::ChainCheckpoint {it.key(), it.value(), signature, now});
    }
    return storage::saveCheckpoints(m_store.database(), fresh);
}

void ChainGuard::startFullCheck()
{
    if (m_thread.joinable())
        return;
    const QString path = m_store.database().path();
    const QByteArray key = m_key.publicKey();
    m_thread = std::thread([this, path, key] {
        // A connection of its own, opened and used on this thread only: SQLite connections
        // here are not shared between threads.
        Result<storage::ChainCheck> check
            = makeError(ErrorCode::Internal, QStringLiteral("not checked"));
        auto store = storage::EventStore::openReadOnly(path);
        if (!store) {
            check = store.error();
        } else {
            storage::ChainCheckOptions options;
            options.scope = storage::ChainCheckOptions::Scope::Everything;
            options.resultKey = key;
            options.cancel = &m_cancel;
            check = storage::checkChain(*store.value(), options);
        }
        // Back on the server's thread; dropped unseen if the guard is gone by then.
        QMetaObject::invokeMethod(
            this, [this, check] { fullCheckFinished(check); }, Qt::QueuedConnection);
    });
}

void ChainGuard::fullCheckFinished(const Result<storage::ChainCheck> &check)
{
    if (!check) {
        // Not evidence of tampering: the start check stands, the next start tries again.
        log::warning(lcChain(), QStringLiteral("full chain check failed to run"),
            {{QStringLiteral("why"), check.error().message}});
        return;
    }
    if (check->cancelled)
        return;
    const protocol::ChainReport &report = check->report;
    if (report.ok()) {
        if (auto status = recordCheckpoints(check->intactHeads); !status)
            log::warning(lcChain(), QStringLiteral("chain checkpoints not recorded"),
                {{QStringLiteral("why"), status.error().message}});
        log::info(lcChain(), QStringLiteral("full chain check passed"),
            {{QStringLiteral("meetings"), report.meetings},
                {QStringLiteral("events"), report.events}});
        Q_EMIT fullCheckDone(true, false);
        return;
    }
    logBreaks(report, QStringLiteral("full check"));
    // The next start must read these meetings in full, where the start check sees the break.
    for (const protocol::ChainBreak &broken : report.breaks) {
        if (auto status = storage::dropCheckpoint(m_store.database(), broken.meeting); !status)
            log::warning(lcChain(), QStringLiteral("chain checkpoint not dropped"),
                {{QStringLiteral("meeting"), broken.meeting},
                    {QStringLiteral("why"), status.error().message}});
    }
    Q_EMIT fullCheckDone(false, !m_acceptBroken);
}

} // namespace chamber::app

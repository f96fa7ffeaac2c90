#include "api/admission.h"

#include <QLoggingCategory>

namespace chamber::api {

Q_LOGGING_CATEGORY(lcAdmission, "chamber.limits")

namespace {

const QString kPeer = QStringLiteral("peer");
const QString kDevice = QStringLiteral("device");

// The log message of a wrong secret and of an attempt refused unchecked, per kind of attempt.
QString failedMessage(Attempt attempt)
{
    switch (attempt) {
    case Attempt::Enroll:
        return QStringLiteral("enrollment refused");
    case Attempt::Hello:
        return QStringLiteral("hello refused");
    case Attempt::Bearer:
        return QStringLiteral("authentication failed");
    case Attempt::Reader:
        return QStringLiteral("reader link refused");
    case Attempt::Login:
        return QStringLiteral("login failed");
    }
    return {};
}

QString throttledMessage(Attempt attempt)
{
    switch (attempt) {
    case Attempt::Enroll:
        return QStringLiteral("enrollment attempt refused unchecked");
    case Attempt::Hello:
        return QStringLiteral("hello refused unchecked");
    case Attempt::Bearer:
        return QStringLiteral("authentication refused unchecked");
    case Attempt::Reader:
        return QStringLiteral("reader link refused unchecked");
    case Attempt::Login:
        return QStringLiteral("login refused unchecked");
    }
    return {};
}

// An IPv4-mapped IPv6 peer (a dual-stack listener) is logged as the IPv4 address it is.
QString addressText(const QHostAddress &peer)
{
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : peer.toString();
}

} // namespace

Admission::Admission(AdmissionOptions options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_attempts(options.attempts)
    , m_accountAttempts(options.accountAttempts)
    , m_budgets(options.device)
    , m_log(lcAdmission())
{
    m_elapsed.start();
    m_tidyTimer.setInterval(int(std::clamp<qint64>(m_options.logIntervalMs, 100, 3'600'000)));
    connect(&m_tidyTimer, &QTimer::timeout, this, &Admission::tidy);
    m_tidyTimer.start();
}

std::optional<Error> Admission::admitAttempt(Attempt attempt, const QHostAddress &peer)
{
    const qint64 nowMs = now();
    const qint64 wait = m_attempts.waitMs(peer, nowMs);
    if (wait == 0)
        return std::nullopt;
    const QString address = addressText(peer);
    m_log.note(throttledMessage(attempt), kPeer, address, nowMs,
        {{kPeer, address}, {QStringLiteral("retryAfterMs"), wait}});
    return rateLimited(
        QStringLiteral("too many failed attempts from this address; try again later"), wait);
}

void Admission::attemptFailed(Attempt attempt, const QHostAddress &peer, const QString &reason)
{
    const qint64 nowMs = now();
    const QString address = addressText(peer);
    m_log.note(failedMessage(attempt), kPeer, address, nowMs,
        {{kPeer, address}, {QStringLiteral("reason"), reason}});
    if (const qint64 wait = m_attempts.failed(peer, nowMs); wait > 0) {
        m_log.note(QStringLiteral("address must wait after failed attempts"), kPeer, address, nowMs,
            {{kPeer, address}, {QStringLiteral("waitMs"), wait}});
    }
}

std::optional<Error> Admission::admitLogin(const QHostAddress &peer, const QString &accountKey)
{
    if (auto refused = admitAttempt(Attempt::Login, peer))
        return refused;
    const qint64 nowMs = now();
    const qint64 wait = m_accountAttempts.waitMs(accountKey.toUtf8(), nowMs);
    if (wait == 0)
        return std::nullopt;
    // The name is what somebody typed, maybe a password by mistake: not logged.
    m_log.note(QStringLiteral("login refused unchecked: the account must wait"), kPeer,
        addressText(peer), nowMs, {{QStringLiteral("retryAfterMs"), wait}});
    return rateLimited(
        QStringLiteral("too many failed logins for this account; try again later"), wait);
}

void Admission::loginFailed(const QHostAddress &peer, const QString &accountKey)
{
    attemptFailed(Attempt::Login, peer, QStringLiteral("wrong name or password"));
    m_accountAttempts.failed(accountKey.toUtf8(), now());
}

std::optional<Error> Admission::charge(const services::Principal &principal)
{
    if (!principal.isDevice())
        return std::nullopt;
    const qint64 nowMs = now();
    const qint64 wait = m_budgets.take(principal.device, nowMs);
    if (wait == 0)
        return std::nullopt;
    m_log.note(QStringLiteral("device over its message budget"), kDevice,
        QString::number(principal.device), nowMs,
        {{kDevice, principal.device}, {QStringLiteral("retryAfterMs"), wait}});
    return rateLimited(QStringLiteral("this device sent more than %1 messages at once or %2 a "
                                      "second; try again later")
                           .arg(m_options.device.burst)
                           .arg(m_options.device.perSecond),
        wait);
}

void Admission::tidy()
{
    const qint64 nowMs = now();
    m_log.flush(nowMs, m_options.logIntervalMs);
    m_budgets.forgetIdle(
        nowMs, [this](qint64 device) { return m_connected && m_connected(device); });
}

} // namespace chamber::api

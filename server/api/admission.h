// What the WebSocket hub and the REST router ask before they do the work of a request: may
// this address try to authenticate (or has it failed too often, see AttemptThrottle), and may
// this device send another message (see DeviceBudgets). Refusals are `rate_limited` errors
// with retryAfterMs, and they and the failures are logged as counts (see RepeatedLog), so a
// flood costs neither the event loop nor the disk.
#pragma once

#include "protocol/error.h"
#include "services/attemptthrottle.h"
#include "services/devicebudgets.h"
#include "services/principal.h"
#include "support/repeatedlog.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace chamber::api {

struct AdmissionOptions
{
    support::Budget device; // per enrolled device, over WebSocket and REST together
    services::AttemptLimits attempts; // per address, failed authentications
    // Per account name, failed logins (known names or not, so the answer reveals neither).
    // Kept mild: anyone can fail logins for a name, so a long lockout would let them lock
    // the secretary out during a session; already open sessions are never affected.
    services::AttemptLimits accountAttempts {10, 600'000, 2'000, 300'000, 4096};
    qint64 logIntervalMs = 10'000; // one line per source and interval for repeated refusals
};

// What was tried with a secret: a join code, a device credential (hello), a bearer token
// (REST and /docs), a phone reader link's token, an account's password.
enum class Attempt { Enroll, Hello, Bearer, Reader, Login };

class Admission : public QObject
{
    Q_OBJECT

public:
    explicit Admission(AdmissionOptions options, QObject *parent = nullptr);

    // Before a secret from `peer` is checked: nullopt to check it, else the refusal to send
    // instead (rate_limited, retryAfterMs), without looking at the secret.
    std::optional<Error> admitAttempt(Attempt attempt, const QHostAddress &peer);
    // The secret was checked and was wrong; `reason` goes into the (summed) log.
    void attemptFailed(Attempt attempt, const QHostAddress &peer, const QString &reason);
    // A login: the address's limit as admitAttempt, and the named account's limit too.
    std::optional<Error> admitLogin(const QHostAddress &peer, const QString &accountKey);
    // A login failed (wrong password or unknown name): counts against both.
    void loginFailed(const QHostAddress &peer, const QString &accountKey);
    // A message or request of an authenticated principal: an enrolled device pays one token,
    // the admin (the secretary's token) and others pass. nullopt: go on.
    std::optional<Error> charge(const services::Principal &principal);

    // Which devices have a session: their buckets are kept even when full.
    void setConnectedDevices(std::function<bool(qint64 device)> connected)
    {
        m_connected = std::move(connected);
    }
    // Tests and benchmarks drive time; the default is a monotonic clock.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    // Writes the summed log lines that are due and forgets idle state (also every interval).
    void tidy();

    const AdmissionOptions &options() const { return m_options; }

private:
    qint64 now() const { return m_clock ? m_clock() : m_elapsed.elapsed(); }

    AdmissionOptions m_options;
    services::AttemptThrottle m_attempts;
    services::AttemptThrottle m_accountAttempts;
    services::DeviceBudgets m_budgets;
    log::RepeatedLog m_log;
    std::function<bool(qint64)> m_connected;
    std::function<qint64()> m_clock;
    QElapsedTimer m_elapsed;
    QTimer m_tidyTimer;
};

} // namespace chamber::api

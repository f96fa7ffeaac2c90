// Join codes: the secretary asks for one per seat, console, screen or bridge; a device redeems
// it once, within its lifetime, for a long-lived device credential.
#pragma once

#include "protocol/error.h"
#include "services/principal.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace chamber::storage {
class EventStore;
}

namespace chamber::services {

class DeviceRegistry;
class MeetingService;

constexpr int kDefaultJoinCodeSeconds = 600;
constexpr int kTokenBytes = 24; // 192 bits, 32 characters of base64url

struct JoinCode
{
    qint64 id = 0;
    qint64 meeting = 0;
    DeviceRole role = DeviceRole::Delegate;
    qint64 delegate = 0;
    QString label;
    QString token; // only known at creation; the server keeps its hash
    QDateTime expiresAt;
};

struct Enrollment
{
    qint64 device = 0;
    QString credential;
    qint64 meeting = 0;
    DeviceRole role = DeviceRole::Delegate;
    qint64 delegate = 0;
    QString label;
};

class EnrollmentService
{
public:
    EnrollmentService(storage::EventStore &store, MeetingService &meetings, DeviceRegistry &devices)
        : m_store(store)
        , m_meetings(meetings)
        , m_devices(devices)
    { }

    // `delegate` is required for the delegate role and refused for the others. A seat's code
    // without a label gets "A01 · Nguyễn Văn A"; other roles stay unlabelled unless named.
    Result<JoinCode> createJoinCode(qint64 meeting, DeviceRole role, qint64 delegate,
        const QString &label, int lifetimeSeconds = kDefaultJoinCodeSeconds);
    // Delegate codes for many seats at once (seat cards), written in one transaction: all or
    // none, and one wait for the disk instead of one per seat.
    Result<std::vector<JoinCode>> createSeatCodes(
        qint64 meeting, const std::vector<qint64> &delegates, int lifetimeSeconds);
    // A code for the first seat (in seat order) whose delegate has no working tablet, or
    // NotFound when every seat has one.
    Result<JoinCode> createNextSeatCode(
        qint64 meeting, int lifetimeSeconds = kDefaultJoinCodeSeconds);
    // Single use: a second redemption, an expired or unknown token are all refused, and
    // refusals change nothing.
    Result<Enrollment> redeem(
        const QString &token, const QString &deviceName, const QString &platform);

private:
    storage::EventStore &m_store;
    MeetingService &m_meetings;
    DeviceRegistry &m_devices;
};

} // namespace chamber::services

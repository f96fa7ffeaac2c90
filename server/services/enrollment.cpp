#include "services/enrollment.h"

#include "protocol/joinlink.h"
#include "services/devices.h"
#include "services/meetingservice.h"
#include "storage/devicestore.h"
#include "storage/eventstore.h"
#include "storage/sqlite.h"

#include <QJsonObject>
#include <QSet>

namespace chamber::services {

namespace {

QString defaultLabel(const core::MeetingState &meeting, DeviceRole role, qint64 delegate)
{
    switch (role) {
    case DeviceRole::Delegate: {
        const core::Delegate *person = meeting.roster.find(delegate);
        return person->seat.isEmpty() ? person->name
                                      : QStringLiteral("%1 · %2").arg(person->seat, person->name);
    }
    case DeviceRole::Chair:
    case DeviceRole::Tally:
    case DeviceRole::Bridge:
    case DeviceRole::Board:
        // Labels are names the secretary gives (like "Điểm cầu huyện Cái Bè"); without one,
        // screens show the role in their own language.
        return {};
    }
    return {};
}

// `reason` (unknown, used, expired) lets a kiosk say it in the user's language.
Error refused(const QString &why, const QString &reason)
{
    Error error = makeError(ErrorCode::Unauthenticated, why, QStringLiteral("token"));
    error.details.append(QJsonObject {{QStringLiteral("reason"), reason}});
    return error;
}

} // namespace

Result<JoinCode> EnrollmentService::createJoinCode(
    qint64 meetingId, DeviceRole role, qint64 delegate, const QString &label, int lifetimeSeconds)
{
    const core::MeetingState *meeting = m_meetings.meeting(meetingId);
    if (!meeting)
        return meetingNotFound(meetingId);
    if (role == DeviceRole::Delegate && !meeting->roster.find(delegate))
        return makeError(ErrorCode::NotFound,
            QStringLiteral("a seat's join code needs one of the meeting's delegates; %1 is not")
                .arg(delegate),
            QStringLiteral("delegate"));
    if (role != DeviceRole::Delegate && delegate != 0)
        return makeError(ErrorCode::BadField,
            QStringLiteral("only a delegate's tablet is bound to a delegate"),
            QStringLiteral("delegate"));
    if (lifetimeSeconds < 1 || lifetimeSeconds > 7 * 24 * 3600)
        return makeError(ErrorCode::BadField,
            QStringLiteral("a join code lives from 1 second to 7 days"), QStringLiteral("ttl"));

    JoinCode code;
    code.meeting = meetingId;
    code.role = role;
    code.delegate = delegate;
    code.label
        = label.trimmed().isEmpty() ? defaultLabel(*meeting, role, delegate) : label.trimmed();
    const QByteArray token = randomSecret(kTokenBytes);
    code.token = QString::fromLatin1(
        token.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    code.expiresAt = now.addSecs(lifetimeSeconds);

    storage::DeviceStore store(m_store.database());
    auto id = store.insertJoinCode(storage::JoinCodeRow {0, meetingId, roleName(role), delegate,
        code.label, hashSecret(code.token.toLatin1()), now.toString(Qt::ISODateWithMs),
        code.expiresAt.toString(Qt::ISODateWithMs), {}, 0});
    if (!id)
        return id.error();
    code.id = id.value();
    return code;
}

Result<std::vector<JoinCode>> EnrollmentService::createSeatCodes(
    qint64 meeting, const std::vector<qint64> &delegates, int lifetimeSeconds)
{
    storage::Transaction transaction(m_store.database());
    if (!transaction.begun())
        return transaction.begun().error();
    std::vector<JoinCode> codes;
    codes.reserve(delegates.size());
    for (qint64 delegate : delegates) {
        auto code = createJoinCode(meeting, DeviceRole::Delegate, delegate, {}, lifetimeSeconds);
        if (!code)
            return code.error(); // the transaction rolls back: no code of this batch is kept
        codes.push_back(std::move(code.value()));
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return codes;
}

Result<JoinCode> EnrollmentService::createNextSeatCode(qint64 meetingId, int lifetimeSeconds)
{
    const core::MeetingState *meeting = m_meetings.meeting(meetingId);
    if (!meeting)
        return meetingNotFound(meetingId);
    QSet<qint64> seated;
    for (const auto &[id, device] : meeting->devices) {
        if (device.role == QLatin1String("delegate") && !device.revoked)
            seated.insert(device.delegate);
    }
    const core::Delegate *next = nullptr;
    for (const auto &[id, delegate] : meeting->roster.all()) {
        if (delegate.seat.isEmpty() || seated.contains(id))
            continue;
        if (!next || core::compareSeats(delegate.seat, next->seat) < 0)
            next = &delegate;
    }
    if (!next)
        return makeError(ErrorCode::NotFound, QStringLiteral("every seat has a tablet"));
    return createJoinCode(meetingId, DeviceRole::Delegate, next->id, {}, lifetimeSeconds);
}

Result<Enrollment> EnrollmentService::redeem(
    const QString &token, const QString &deviceName, const QString &platform)
{
    if (!protocol::isBase64Url(token))
        return refused(QStringLiteral("this join code is not valid"), QStringLiteral("unknown"));
    storage::DeviceStore store(m_store.database());
    auto found = store.findJoinCode(hashSecret(token.toLatin1()));
    if (!found)
        return found.error();
    if (!found->has_value())
        return refused(QStringLiteral("this join code is not valid"), QStringLiteral("unknown"));
    const storage::JoinCodeRow code = **found;
    if (!code.redeemed.isEmpty())
        return refused(QStringLiteral("this join code was already used; ask for a new one"),
            QStringLiteral("used"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (QDateTime::fromString(code.expires, Qt::ISODateWithMs) <= now)
        return refused(QStringLiteral("this join code has expired; ask for a new one"),
            QStringLiteral("expired"));
    const auto role = roleFromName(code.role);
    if (!role)
        return makeError(ErrorCode::Internal, QStringLiteral("join code with unknown role"));

    auto deviceId = store.nextDeviceId();
    if (!deviceId)
        return deviceId.error();
    const QByteArray secret = randomSecret(32);
    const storage::DeviceRow row {deviceId.value(), code.meeting, code.role, code.delegate,
        hashSecret(secret), now.toString(Qt::ISODateWithMs), {}};
    const core::EventDraft enrolled {QStringLiteral("device.enrolled"),
        {{QStringLiteral("device"), row.id}, {QStringLiteral("role"), code.role},
            {QStringLiteral("delegate"), code.delegate ? QJsonValue(code.delegate) : QJsonValue()},
            {QStringLiteral("label"), code.label}, {QStringLiteral("name"), deviceName.left(100)},
            {QStringLiteral("platform"), platform.left(100)}}};
    // Credential, redemption and the log entry: all in one transaction, or none.
    auto committed = m_meetings.appendEvents(code.meeting, QStringLiteral("device:%1").arg(row.id),
        {enrolled}, [&](storage::Database &db) {
            storage::DeviceStore inTransaction(db);
            if (auto status = inTransaction.markRedeemed(code.id, row.id, row.enrolled); !status)
                return status;
            return inTransaction.insertDevice(row);
        });
    if (!committed)
        return committed.error();
    m_devices.remember(row);
    return Enrollment {
        row.id, makeCredential(row.id, secret), code.meeting, *role, code.delegate, code.label};
}

} // namespace chamber::services

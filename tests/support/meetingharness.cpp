#include "meetingharness.h"

#include "commands.h"
#include "core/reducer.h"

namespace chamber::testing {

Result<core::Decision> MeetingHarness::run(
    const QString &type, QJsonObject fields, core::DecisionContext context)
{
    if (type != QLatin1String("meeting.create"))
        fields.insert(QStringLiteral("meeting"), 1);
    const protocol::Message message = command(type, fields);
    if (context.now.isEmpty())
        context.now = now;
    auto decision = type == QLatin1String("meeting.create") ? core::decideCreate(1, message)
                                                            : core::decide(state, message, context);
    if (decision) {
        for (const core::EventDraft &draft : decision->events)
            applyDirect(draft.kind, draft.data);
    }
    return decision;
}

core::Decision MeetingHarness::ok(
    const QString &type, QJsonObject fields, core::DecisionContext context)
{
    auto decision = run(type, std::move(fields), std::move(context));
    if (!decision)
        qFatal("%s failed: %s", qPrintable(type), qPrintable(decision.error().message));
    return decision.value();
}

void MeetingHarness::applyDirect(const QString &kind, const QJsonObject &data)
{
    protocol::Event event;
    event.meeting = 1;
    event.seq = state.seq + 1;
    event.kind = kind;
    event.time = now;
    event.actor = QStringLiteral("admin");
    event.data = data;
    // Sealed like the store does, so snapshots of the harness's state carry a real chain head.
    event.prevHash = state.lastHash.isEmpty() ? protocol::genesisHash() : state.lastHash;
    event.seal();
    kinds << kind;
    const Status applied = core::apply(state, event);
    if (!applied)
        qFatal("event does not apply: %s", qPrintable(applied.error().message));
}

qint64 MeetingHarness::addDelegate(const QString &name, const QString &seat, qint64 weight)
{
    auto added = run(QStringLiteral("delegate.add"),
        {{QStringLiteral("name"), name}, {QStringLiteral("seat"), seat},
            {QStringLiteral("weight"), weight}});
    return added ? added->result.value(QLatin1String("delegate")).toInteger() : 0;
}

MeetingHarness meetingWith(int members, int present)
{
    MeetingHarness h;
    h.ok(
        QStringLiteral("meeting.create"), {{QStringLiteral("title"), QStringLiteral("Phiên họp")}});
    for (int i = 1; i <= members; ++i)
        h.addDelegate(QStringLiteral("Đại biểu %1").arg(i), QStringLiteral("S%1").arg(i));
    for (int i = 1; i <= present; ++i)
        h.ok(QStringLiteral("attendance.checkIn"), {{QStringLiteral("delegate"), i}});
    return h;
}

} // namespace chamber::testing

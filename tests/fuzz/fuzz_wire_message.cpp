// Wire messages from the network, and the commands among them run against a meeting.
// Properties: parsing never crashes; whatever parses re-serialises to something that parses
// to the same message; a command the core accepts yields events that apply cleanly (the
// server relies on that before it writes anything).
#include "core/commands.h"
#include "core/reducer.h"
#include "protocol/message.h"

#include <cstdint>
#include <cstdlib>

using namespace chamber;

namespace {

core::MeetingState makeMeeting()
{
    core::MeetingState state;
    qint64 seq = 0;
    auto add = [&](const char *kind, QJsonObject data) {
        protocol::Event event;
        event.meeting = 1;
        event.seq = ++seq;
        event.kind = QString::fromLatin1(kind);
        event.data = std::move(data);
        if (!core::apply(state, event))
            std::abort();
    };
    add("meeting.created",
        {{QStringLiteral("title"), QStringLiteral("Fuzz")},
            {QStringLiteral("quorum"), core::QuorumRule {}.toJson()}});
    add("agenda.added",
        {{QStringLiteral("item"), 1}, {QStringLiteral("position"), 0},
            {QStringLiteral("title"), QStringLiteral("A")}});
    add("agenda.added",
        {{QStringLiteral("item"), 2}, {QStringLiteral("parent"), 1},
            {QStringLiteral("position"), 0}, {QStringLiteral("title"), QStringLiteral("B")}});
    add("agenda.added",
        {{QStringLiteral("item"), 3}, {QStringLiteral("position"), 1},
            {QStringLiteral("title"), QStringLiteral("C")}});
    add("delegate.added",
        {{QStringLiteral("delegate"), 1}, {QStringLiteral("name"), QStringLiteral("D1")},
            {QStringLiteral("seat"), QStringLiteral("S1")}, {QStringLiteral("weight"), 1}});
    add("delegate.added",
        {{QStringLiteral("delegate"), 2}, {QStringLiteral("name"), QStringLiteral("D2")},
            {QStringLiteral("seat"), QStringLiteral("S2")}, {QStringLiteral("weight"), 3}});
    return state;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const core::MeetingState meeting = makeMeeting();
    const QByteArrayView frame(reinterpret_cast<const char *>(data), qsizetype(size));
    for (auto direction : {protocol::Direction::ToServer, protocol::Direction::ToClient}) {
        QString requestId;
        auto message = protocol::parseMessage(frame, direction, &requestId);
        if (!message)
            continue;
        auto again = protocol::parseMessage(protocol::toFrame(message->body), direction);
        if (!again || again->body != message->body || again->spec != message->spec)
            std::abort();
        if (message->spec->kind != protocol::MessageKind::Command)
            continue;
        const bool creating = message->type() == QLatin1String("meeting.create");
        auto decision = creating ? core::decideCreate(1, message.value())
                                 : core::decide(meeting, message.value());
        if (!decision)
            continue;
        core::MeetingState next = creating ? core::MeetingState {} : meeting;
        for (const core::EventDraft &draft : decision->events) {
            protocol::Event event;
            event.meeting = 1;
            event.seq = next.seq + 1;
            event.kind = draft.kind;
            event.data = draft.data;
            if (!core::apply(next, event))
                std::abort(); // decided but not applicable: the server would refuse to start later
        }
        (void)next.toJson();
    }
    return 0;
}

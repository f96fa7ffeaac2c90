// Council commands from the network, one per line, run in sequence against a council, each
// prefixed by who sends it ("s|" the secretary, "o|" the liaison of organisation 1, "m|" the
// tablet of member 1, anything else nobody) and decided a day after the one before.
// Properties: deciding never crashes; a command the core accepts yields events that apply
// cleanly (the service applies before it writes); the board and the task list of whatever
// state results can always be drawn.
#include "core/council.h"
#include "protocol/message.h"

#include <QList>

#include <cstdint>
#include <cstdlib>

using namespace chamber;

namespace {

const QDateTime kStart = QDateTime::fromSecsSinceEpoch(1798761600, Qt::UTC); // 2027-01-01

void applyAll(core::CouncilState &state, const core::Decision &decision, qint64 council)
{
    for (const core::EventDraft &draft : decision.events) {
        protocol::Event event;
        event.meeting = council;
        event.seq = state.seq + 1;
        event.kind = draft.kind;
        event.time = QStringLiteral("2027-01-01T00:00:00.000Z");
        event.actor = QStringLiteral("fuzz");
        event.data = draft.data;
        if (!core::applyCouncil(state, event))
            std::abort(); // decided but not applicable: the server would refuse to start later
    }
}

core::CouncilState makeCouncil()
{
    core::CouncilState state;
    const auto run = [&](const QJsonObject &body) {
        auto message = protocol::validateMessage(body, protocol::Direction::ToServer);
        if (!message)
            std::abort();
        core::CouncilContext context {kStart, {true, std::nullopt}, std::nullopt, nullptr};
        auto decision = message->type() == QLatin1String("council.create")
            ? core::decideCouncilCreate(1, message.value(), context)
            : core::decideCouncil(state, message.value(), context);
        if (!decision)
            std::abort();
        applyAll(state, decision.value(), 1);
    };
    run({{QStringLiteral("type"), QStringLiteral("council.create")},
        {QStringLiteral("id"), QStringLiteral("1")},
        {QStringLiteral("name"), QStringLiteral("C")}});
    run({{QStringLiteral("type"), QStringLiteral("member.add")},
        {QStringLiteral("id"), QStringLiteral("2")}, {QStringLiteral("council"), 1},
        {QStringLiteral("name"), QStringLiteral("M")}});
    run({{QStringLiteral("type"), QStringLiteral("organisation.add")},
        {QStringLiteral("id"), QStringLiteral("3")}, {QStringLiteral("council"), 1},
        {QStringLiteral("name"), QStringLiteral("O")}});
    run({{QStringLiteral("type"), QStringLiteral("task.create")},
        {QStringLiteral("id"), QStringLiteral("4")}, {QStringLiteral("council"), 1},
        {QStringLiteral("title"), QStringLiteral("T")},
        {QStringLiteral("ownerKind"), QStringLiteral("organisation")}, {QStringLiteral("owner"), 1},
        {QStringLiteral("deadline"), QStringLiteral("2027-01-05T00:00:00Z")}});
    return state;
}

core::CouncilActor actorFor(QByteArrayView prefix)
{
    if (prefix == "s")
        return {true, std::nullopt};
    if (prefix == "o")
        return {false, core::TaskOwner {core::TaskOwner::Kind::Organisation, 1}};
    if (prefix == "m")
        return {false, core::TaskOwner {core::TaskOwner::Kind::Member, 1}};
    return {};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    core::CouncilState state = makeCouncil();
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    QDateTime now = kStart;
    for (const QByteArray &line : input.split('\n')) {
        now = now.addDays(1);
        const qsizetype bar = line.indexOf('|');
        const QByteArrayView prefix = bar < 0 ? QByteArrayView() : QByteArrayView(line).first(bar);
        auto message = protocol::parseMessage(
            bar < 0 ? QByteArrayView(line) : QByteArrayView(line).sliced(bar + 1),
            protocol::Direction::ToServer);
        if (!message || message->spec->kind != protocol::MessageKind::Command)
            continue;
        core::CouncilContext context {now, actorFor(prefix), std::nullopt, nullptr};
        // An attachment the service would have found: the one the message names.
        if (message->has(QLatin1String("attachment")))
            context.attachment = core::TaskAttachment {
                message->string(QLatin1String("attachment")), QStringLiteral("a.pdf"), 100, 1};
        auto decision = message->type() == QLatin1String("council.create")
            ? core::decideCouncilCreate(state.id + 1, message.value(), context)
            : core::decideCouncil(state, message.value(), context);
        if (!decision || message->type() == QLatin1String("council.create"))
            continue;
        applyAll(state, decision.value(), state.id);
    }
    (void)state.toJson();
    for (const QString &status : {QString(), QStringLiteral("overdue"), QStringLiteral("done")}) {
        core::BoardQuery query;
        query.status = status;
        query.pageSize = 2;
        (void)core::boardView(state, query, now);
    }
    (void)core::nextColourChange(state, now);
    return 0;
}

#include "minuteslog.h"

#include "core/ballots.h"
#include "core/commands.h"
#include "core/meeting.h"
#include "core/reducer.h"
#include "protocol/event.h"
#include "protocol/message.h"
#include "protocol/receipt.h"
#include "protocol/schema.h"
#include "storage/eventstore.h"

#include <QDateTime>
#include <QJsonArray>

namespace chamber::bench {

namespace {

const char *const kFamily[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
    "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
const char *const kMiddle[] = {"Văn", "Thị", "Hữu", "Minh", "Ngọc", "Quốc", "Thanh", "Đức"};
const char *const kGiven[] = {"An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hùng", "Khánh",
    "Lan", "Long", "Mai", "Nam", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trí", "Vy"};

// The log as chamberd would write it: each command decided against the state so far and its
// events applied, on a clock that moves one second per command.
class LogMaker
{
public:
    explicit LogMaker(const protocol::Ed25519Key &key)
        : m_key(key)
    { }

    Status create(const QJsonObject &fields)
    {
        auto message = messageOf(QStringLiteral("meeting.create"), fields, false);
        if (!message)
            return message.error();
        auto decision = core::decideCreate(1, message.value());
        if (!decision)
            return decision.error();
        return take(decision->events);
    }

    Status run(const QString &type, const QJsonObject &fields, core::DecisionContext context = {})
    {
        auto message = messageOf(type, fields, true);
        if (!message)
            return message.error();
        context.now = now();
        if (type == QLatin1String("poll.publish")) {
            const qint64 poll = fields.value(QLatin1String("poll")).toInteger();
            const QByteArray signature = m_key.sign(protocol::resultSigningBytes(
                core::resultDocument(m_state, m_state.polls.at(poll))));
            context.signature = QString::fromLatin1(signature.toBase64());
            context.publicKey = QString::fromLatin1(m_key.publicKey().toBase64());
        }
        auto decision = core::decide(m_state, message.value(), context);
        if (!decision)
            return makeError(decision.error().code,
                QStringLiteral("%1: %2").arg(type, decision.error().message));
        return take(decision->events);
    }

    // Events the server decides itself (a device enrolled).
    Status append(const core::EventDraft &draft) { return take({draft}); }

    const core::MeetingState &state() const { return m_state; }
    std::vector<storage::PendingEvent> &pending() { return m_pending; }

private:
    QString now() const
    {
        return QDateTime::fromMSecsSinceEpoch(1796716800000LL + m_tick * 1000, Qt::UTC)
            .toString(Qt::ISODateWithMs);
    }

    Result<protocol::Message> messageOf(const QString &type, QJsonObject fields, bool inMeeting)
    {
        fields.insert(QStringLiteral("type"), type);
        fields.insert(QStringLiteral("id"), QStringLiteral("bench-%1").arg(m_tick));
        if (inMeeting)
            fields.insert(QStringLiteral("meeting"), 1);
        return protocol::validateMessage(fields, protocol::Direction::ToServer);
    }

    Status take(const std::vector<core::EventDraft> &drafts)
    {
        const QString time = now();
        ++m_tick;
        for (const core::EventDraft &draft : drafts) {
            protocol::Event event;
            event.meeting = 1;
            event.seq = m_state.seq + 1;
            event.kind = draft.kind;
            event.time = time;
            event.actor = QStringLiteral("admin");
            event.data = draft.data;
            // Chained here as the store will chain it: a published result names the hash of
            // the event before it, which chamberd checks at start.
            event.prevHash = m_lastHash;
            event.seal();
            m_lastHash = event.hash;
            if (auto applied = core::apply(m_state, event); !applied)
                return applied;
            m_pending.push_back({1, draft.kind, event.actor, time, draft.data});
        }
        return success();
    }

    const protocol::Ed25519Key &m_key;
    core::MeetingState m_state;
    std::vector<storage::PendingEvent> m_pending;
    qint64 m_tick = 0;
    QByteArray m_lastHash = protocol::genesisHash();
};

QString delegateName(int index)
{
    return QStringLiteral("%1 %2 %3 %4")
        .arg(QString::fromUtf8(kFamily[index % 16]), QString::fromUtf8(kMiddle[(index / 16) % 8]),
            QString::fromUtf8(kGiven[(index / 3) % 20]))
        .arg(index + 1);
}

// A poll closed with ballots from every present delegate: named ones, or secret receipts.
core::PollBallots ballotsFor(const core::MeetingState &state, qint64 poll, bool secret)
{
    core::PollBallots ballots;
    int n = 0;
    for (const auto &[id, delegate] : state.roster.all()) {
        if (!delegate.present)
            continue;
        const QString choice = n % 7 == 0 ? QStringLiteral("no")
            : n % 11 == 0                 ? QStringLiteral("abstain")
                                          : QStringLiteral("yes");
        ++n;
        ballots.voters.push_back(id);
        if (secret) {
            const QString key = QStringLiteral("bench-key-%1-%2-xxxxxxxxxxxxxx").arg(poll).arg(id);
            ballots.secret.push_back({protocol::ballotReceipt(1, poll, key), choice, 1});
        } else {
            ballots.named.push_back({id, choice, 1, 0});
        }
    }
    return ballots;
}

} // namespace

Result<MinutesLogStats> writeMinutesLog(
    const QString &dataDir, const MinutesLogShape &shape, const protocol::Ed25519Key &resultKey)
{
    LogMaker log(resultKey);
    MinutesLogStats stats;
#define TRY(expression)                                                                            \
    if (auto status = (expression); !status)                                                       \
        return status.error();
    TRY(log.create({{QStringLiteral("title"),
                        QStringLiteral("Kỳ họp thứ Mười hai, Hội đồng nhân dân tỉnh khóa X")},
        {QStringLiteral("venue"), QStringLiteral("Hội trường Hội đồng nhân dân tỉnh")},
        {QStringLiteral("startsAt"), QStringLiteral("2026-12-08T07:30:00+07:00")}}));
    TRY(log.run(QStringLiteral("meeting.update"),
        {{QStringLiteral("organisation"), QStringLiteral("HỘI ĐỒNG NHÂN DÂN TỈNH TIỀN GIANG")},
            {QStringLiteral("session"), QStringLiteral("Kỳ họp thứ mười hai")},
            {QStringLiteral("chairperson"), delegateName(0)},
            {QStringLiteral("secretary"), delegateName(1)}}));
    QString csv = QStringLiteral("name,group,seat,weight\n");
    for (int i = 0; i < shape.delegates; ++i)
        csv += QStringLiteral("%1,Tổ đại biểu số %2,%3%4,1\n")
                   .arg(delegateName(i))
                   .arg(i / 25 + 1)
                   .arg(QChar(u'A' + i / 50))
                   .arg(i % 50 + 1, 2, 10, QChar(u'0'));
    TRY(log.run(QStringLiteral("delegate.import"), {{QStringLiteral("csv"), csv}}));
    for (int i = 0; i < shape.items; ++i)
        TRY(log.run(QStringLiteral("agenda.add"),
            {{QStringLiteral("title"),
                QStringLiteral("Tờ trình số %1 về dự án đầu tư công trên địa bàn tỉnh")
                    .arg(i + 1)}}));
    // Two bridge points.
    for (qint64 device : {1001, 1002})
        TRY(log.append({QStringLiteral("device.enrolled"),
            {{QStringLiteral("device"), device}, {QStringLiteral("role"), QStringLiteral("bridge")},
                {QStringLiteral("delegate"), QJsonValue()},
                {QStringLiteral("label"),
                    QStringLiteral("Điểm cầu huyện số %1").arg(device - 1000)},
                {QStringLiteral("name"), QStringLiteral("bench")},
                {QStringLiteral("platform"), QStringLiteral("bench")}}}));
    TRY(log.run(QStringLiteral("meeting.start"), {}));
    std::vector<qint64> delegates;
    for (const auto &[id, delegate] : log.state().roster.all())
        delegates.push_back(id);
    for (size_t i = 0; i < delegates.size(); ++i) {
        if (i < size_t(shape.absent)) {
            if (i % 4 == 0)
                TRY(log.run(QStringLiteral("attendance.excuse"),
                    {{QStringLiteral("delegate"), delegates[i]},
                        {QStringLiteral("reason"),
                            QStringLiteral("Đi công tác theo quyết định")}}));
            continue;
        }
        TRY(log.run(
            QStringLiteral("attendance.checkIn"), {{QStringLiteral("delegate"), delegates[i]}}));
    }
    const std::vector<qint64> items = log.state().agenda.preorder();
    int speeches = 0;
    int polls = 0;
    for (size_t i = 0; i < items.size(); ++i) {
        TRY(log.run(QStringLiteral("agenda.select"), {{QStringLiteral("item"), items[i]}}));
        const int speechesHere = (shape.speeches - speeches) / int(items.size() - i);
        for (int s = 0; s < speechesHere; ++s, ++speeches) {
            const QJsonObject who = speeches % 10 == 9
                ? QJsonObject {{QStringLiteral("bridge"), 1001 + speeches % 2}}
                : QJsonObject {{QStringLiteral("delegate"),
                    delegates[size_t(shape.absent)
                        + size_t(speeches * 7) % (delegates.size() - shape.absent)]}};
            TRY(log.run(QStringLiteral("speaker.grant"), who));
            TRY(log.run(QStringLiteral("speaker.end"), {}));
        }
        const int pollsHere = (shape.polls - polls) / int(items.size() - i);
        for (int p = 0; p < pollsHere; ++p, ++polls) {
            const bool secret = polls % 3 == 2;
            const qint64 poll = qint64(log.state().polls.size()) + 1;
            TRY(log.run(QStringLiteral("poll.create"),
                {{QStringLiteral("title"), QStringLiteral("Biểu quyết số %1").arg(polls + 1)},
                    {QStringLiteral("item"), items[i]}, {QStringLiteral("secret"), secret},
                    {QStringLiteral("rule"),
                        QJsonObject {
                            {QStringLiteral("preset"), QStringLiteral("majority-of-members")}}}}));
            TRY(log.run(QStringLiteral("poll.open"), {{QStringLiteral("poll"), poll}}));
            core::DecisionContext context;
            context.ballots = ballotsFor(log.state(), poll, secret);
            stats.ballots += qint64(context.ballots->voters.size());
            TRY(log.run(QStringLiteral("poll.close"), {{QStringLiteral("poll"), poll}}, context));
            TRY(log.run(QStringLiteral("poll.publish"), {{QStringLiteral("poll"), poll}}));
        }
    }
    TRY(log.run(QStringLiteral("meeting.end"), {}));
#undef TRY

    auto store = storage::EventStore::open(dataDir + QStringLiteral("/chamber.db"));
    if (!store)
        return store.error();
    storage::Batch batch;
    batch.events = std::move(log.pending());
    stats.events = qint64(batch.events.size());
    if (auto committed = store.value()->commit(batch); !committed)
        return committed.error();
    return stats;
}

} // namespace chamber::bench

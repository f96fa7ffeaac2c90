// A hand-made minutes model for test_minutes_pdf: a small meeting with every section (late
// arrival and early leave, an excused and an unexcused absence, documents, speeches of
// delegates and a bridge with a saved, a partial and a failed recording, a named and a secret
// poll, conclusions, a bridge point), ended. Independent of MinutesBuilder, so the renderer is
// tested on its own; the fixture replay tests both together.
#pragma once

#include "minutes/minutesmodel.h"

namespace chamber::testing::minutessample {

using namespace chamber::minutes;

inline core::Poll closedPoll(qint64 id, qint64 item, const QString &title, const char *preset,
    bool secret, const QStringList &choices, const std::map<QString, qint64> &counts,
    core::Verdict verdict, const QString &winner = {})
{
    core::Poll poll;
    poll.id = id;
    poll.item = item;
    poll.title = title;
    poll.secret = secret;
    poll.choices = choices;
    poll.rule = core::MajorityRule::fromPreset(QString::fromLatin1(preset)).value();
    poll.state = core::PollState::Published;
    poll.createdAt = QStringLiteral("2026-12-07T02:30:00Z");
    poll.openedAt = QStringLiteral("2026-12-07T02:31:00Z");
    poll.closedAt = QStringLiteral("2026-12-07T02:34:10Z");
    core::PollClosing closing;
    closing.context = {6, 4, 4, 6};
    closing.tally.counts = counts;
    for (const auto &[choice, count] : counts)
        closing.tally.ballots += count;
    closing.outcome.verdict = verdict;
    closing.outcome.winner = winner;
    closing.outcome.base = 4;
    closing.outcome.required = 3;
    closing.outcome.decisive = 3;
    if (secret)
        closing.receipts = {QStringLiteral("7KQ2-M4TZ"), QStringLiteral("9XH3-PL2D"),
            QStringLiteral("C8RW-5NVA"), QStringLiteral("Q1ZE-T6YB")};
    poll.closing = closing;
    return poll;
}

inline MinutesModel sampleModel()
{
    MinutesModel model;
    model.meeting = 7;
    model.seq = 58;
    model.lastEventHash = QString(64, QLatin1Char('c'));
    model.lastEventTime = QStringLiteral("2026-12-07T04:15:30Z");
    model.kind = MinutesKind::Final;
    model.title = QStringLiteral("Kỳ họp chuyên đề về ngân sách năm 2027");
    model.organisation = QStringLiteral("Hội đồng nhân dân phường Bến Nghé");
    model.session = QStringLiteral("Kỳ họp thứ mười hai");
    model.venue = QStringLiteral("Hội trường tầng 3, số 12 Lê Lai");
    model.chairperson = QStringLiteral("Trần Thị Hồng Nhung");
    model.secretary = QStringLiteral("Lê Quốc Khánh");
    model.startsAt = QStringLiteral("2026-12-07T01:00:00Z");
    model.startedAt = QStringLiteral("2026-12-07T01:02:00Z");
    model.endedAt = QStringLiteral("2026-12-07T04:15:30Z");
    model.members = 6;
    model.presentMembers = 4;
    model.quorumMet = true;
    const auto delegate = [](qint64 id, const char *seat, const QString &name,
                              std::vector<PresenceSpan> spans, const QString &reason = {}) {
        AttendanceRow row;
        row.delegate = id;
        row.seat = QString::fromLatin1(seat);
        row.name = name;
        row.group = QStringLiteral("Tổ đại biểu số 1");
        row.spans = std::move(spans);
        row.absenceReason = reason;
        return row;
    };
    model.attendance = {
        delegate(1, "A01", QStringLiteral("Nguyễn Văn Đức"),
            {{QStringLiteral("2026-12-07T00:55:00Z"), QStringLiteral("2026-12-07T04:15:30Z")}}),
        delegate(2, "A02", QStringLiteral("Phạm Thị Thủy"),
            {{QStringLiteral("2026-12-07T01:40:00Z"), QString()}}), // late
        delegate(3, "A03", QStringLiteral("Hoàng Minh Tuấn"),
            {{QStringLiteral("2026-12-07T00:58:00Z"), QStringLiteral("2026-12-07T03:00:00Z")}}),
        delegate(4, "A04", QStringLiteral("Đặng Ngọc Ánh"),
            {{QStringLiteral("2026-12-07T00:59:00Z"), QString()}}),
        delegate(
            5, "B01", QStringLiteral("Vũ Thị Lựu"), {}, QStringLiteral("Đi công tác tại Đà Nẵng")),
        delegate(6, "B02", QStringLiteral("Bùi Xuân Trường"), {}),
    };

    ItemRow budget;
    budget.id = 1;
    budget.number = QStringLiteral("1");
    budget.kind = QStringLiteral("item");
    budget.title = QStringLiteral("Dự toán ngân sách phường năm 2027");
    budget.description = QStringLiteral("Ủy ban nhân dân phường trình dự toán thu, chi.");
    budget.documents
        = {{11, QStringLiteral("Tờ trình dự toán ngân sách"), QStringLiteral("to-trinh.pdf"), 12,
               48213, QString(64, QLatin1Char('d')), QStringLiteral("2026-12-06T08:00:00Z")},
            {12, QStringLiteral("Báo cáo thẩm tra"), QStringLiteral("tham-tra.pdf"), 5, 20100,
                QString(64, QLatin1Char('e')), QStringLiteral("2026-12-06T09:00:00Z")}};
    SpeechRow first;
    first.speech = 21;
    first.item = 1;
    first.speaker = core::Speaker::delegate(1);
    first.name = QStringLiteral("Nguyễn Văn Đức");
    first.seat = QStringLiteral("A01");
    first.start = QStringLiteral("2026-12-07T01:20:00Z");
    first.end = QStringLiteral("2026-12-07T01:24:05Z");
    first.durationMs = 245000;
    first.recordings = {{QStringLiteral("7-21-1"), 1, QString(64, QLatin1Char('1')), 367500, 245000,
        false, QString()}};
    SpeechRow bridge;
    bridge.speech = 25;
    bridge.item = 1;
    bridge.speaker = core::Speaker::bridge(40);
    bridge.name = QStringLiteral("Điểm cầu Khu phố 3");
    bridge.start = QStringLiteral("2026-12-07T01:30:00Z");
    bridge.end = QStringLiteral("2026-12-07T01:33:00Z");
    bridge.durationMs = 180000;
    bridge.recordings = {{QStringLiteral("7-25-1"), 1, QString(64, QLatin1Char('2')), 150000,
        100000, true, QStringLiteral("chamber-media stopped during the speech")}};
    SpeechRow failed;
    failed.speech = 27;
    failed.item = 1;
    failed.speaker = core::Speaker::delegate(3);
    failed.name = QStringLiteral("Hoàng Minh Tuấn");
    failed.seat = QStringLiteral("A03");
    failed.start = QStringLiteral("2026-12-07T01:40:00Z");
    failed.end = QStringLiteral("2026-12-07T01:41:30Z");
    failed.durationMs = 90000;
    failed.recordingFailures = {QStringLiteral("chamber-media is not running")};
    budget.speeches = {first, bridge, failed};
    budget.polls.push_back({closedPoll(1, 1, QStringLiteral("Thông qua dự toán ngân sách"),
                                "majority-of-members", false, {},
                                {{QStringLiteral("yes"), 3}, {QStringLiteral("no"), 1},
                                    {QStringLiteral("abstain"), 0}},
                                core::Verdict::Passed),
        {{1, QStringLiteral("Nguyễn Văn Đức"), QStringLiteral("A01"), QStringLiteral("yes"), 1, {}},
            {2, QStringLiteral("Phạm Thị Thủy"), QStringLiteral("A02"), QStringLiteral("no"), 1,
                {}},
            {3, QStringLiteral("Hoàng Minh Tuấn"), QStringLiteral("A03"), QStringLiteral("yes"), 1,
                {}},
            {4, QStringLiteral("Đặng Ngọc Ánh"), QStringLiteral("A04"), QStringLiteral("yes"), 1,
                QStringLiteral("Hoàng Minh Tuấn")}}});
    budget.conclusions = {{1, QStringLiteral("Thông qua dự toán ngân sách năm 2027."), 1}};

    ItemRow election;
    election.id = 2;
    election.number = QStringLiteral("2");
    election.kind = QStringLiteral("item");
    election.title = QStringLiteral("Bầu Trưởng ban Kinh tế - Xã hội");
    election.polls.push_back(
        {closedPoll(2, 2, QStringLiteral("Bầu Trưởng ban"), "majority-of-present", true,
             {QStringLiteral("Đặng Ngọc Ánh"), QStringLiteral("Phạm Thị Thủy")},
             {{QStringLiteral("Đặng Ngọc Ánh"), 3}, {QStringLiteral("Phạm Thị Thủy"), 1},
                 {QStringLiteral("abstain"), 0}},
             core::Verdict::Elected, QStringLiteral("Đặng Ngọc Ánh")),
            {}});
    election.conclusions = {{2, QStringLiteral("Bà Đặng Ngọc Ánh giữ chức Trưởng ban."), 2}};
    model.items = {budget, election};
    model.bridges = {{40, QStringLiteral("Điểm cầu Khu phố 3"),
        QStringLiteral("2026-12-07T01:05:00Z"), QString(), 1, 180000}};
    return model;
}

} // namespace chamber::testing::minutessample

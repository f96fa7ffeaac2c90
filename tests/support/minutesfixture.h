// The recorded meeting of the minutes tests: tests/data/minutes/meeting.jsonl, a real
// hash-chained event log made by tests/data/minutes/make_fixture.cpp. The facts it holds are
// written down here, apart from the model, so tests check the minutes against them (and the
// generator uses the same constants to make the log).
//
// The meeting (times UTC; the hall is in Vietnam, UTC+7):
//   01:00 opened. Present from the start: An (A1), Hoa (A2), Nam (A3), Lan (B1).
//   Tuấn (B2) arrives late at 01:40; Lan leaves early at 03:30 (and was there from 00:55).
//   Mai (B3) is absent, excused ("Đi công tác tại Hà Nội"); Khoa (B4) absent, no reason.
//   Items: 1 report (document), 2 IT (document; named poll 1, conclusion 2 on it),
//   3 a break, 4 administrative reform (document; secret poll 2).
//   Speeches: An on item 1 (recording saved), the bridge "Điểm cầu huyện Kim Bảng" on item 1
//   (taken over by Nam's grant; recording partial with a note), Nam on item 1 (ended by
//   speaker.end; recording failed), Tuấn on item 4 (two segments: chamber-media restarted).
//   Ended 04:00: the minutes are final.
#pragma once

#include <QString>

namespace chamber::testing::minutesfixture {

inline QString minutesFixturePath()
{
    return QStringLiteral(CHAMBER_MINUTES_FIXTURE);
}

inline constexpr qint64 kMeeting = 1;
inline const char *const kTitle = "Kỳ họp thứ mười hai Hội đồng nhân dân tỉnh Hà Nam khóa XIX";
inline const char *const kOrganisation = "HỘI ĐỒNG NHÂN DÂN TỈNH HÀ NAM";
inline const char *const kSession = "Kỳ họp thứ mười hai";
inline const char *const kVenue = "Hội trường Trung tâm Hội nghị tỉnh";
inline const char *const kChairperson = "Trần Thị Hoa";
inline const char *const kSecretary = "Lê Văn Nam";
inline const char *const kStartsAt = "2026-12-08T08:00:00+07:00";
inline const char *const kStartedAt = "2026-12-08T01:00:00.000Z";
inline const char *const kEndedAt = "2026-12-08T04:00:00.000Z";

// Delegates in seat order (ids 1..7 in this order).
struct FixtureDelegate
{
    const char *name;
    const char *group;
    const char *seat;
};
inline constexpr FixtureDelegate kDelegates[] = {
    {"Nguyễn Văn An", "Tổ đại biểu thành phố Phủ Lý", "A1"},
    {"Trần Thị Hoa", "Tổ đại biểu thành phố Phủ Lý", "A2"},
    {"Lê Văn Nam", "Tổ đại biểu huyện Kim Bảng", "A3"},
    {"Phạm Thị Lan", "Tổ đại biểu huyện Kim Bảng", "B1"},
    {"Hoàng Minh Tuấn", "Tổ đại biểu huyện Thanh Liêm", "B2"},
    {"Vũ Thị Mai", "Tổ đại biểu huyện Thanh Liêm", "B3"},
    {"Đặng Văn Khoa", "Tổ đại biểu huyện Bình Lục", "B4"},
};
inline constexpr qint64 kMembers = 7;
inline constexpr qint64 kLate = 5; // Tuấn
inline const char *const kLateArrival = "2026-12-08T01:40:00.000Z";
inline constexpr qint64 kEarlyLeaver = 4; // Lan
inline const char *const kEarlyArrival = "2026-12-08T00:55:00.000Z";
inline const char *const kEarlyLeave = "2026-12-08T03:30:00.000Z";
inline const char *const kCheckIn = "2026-12-08T00:55:00.000Z"; // An, Hoa, Nam, Lan
inline constexpr qint64 kExcused = 6; // Mai
inline const char *const kExcuse = "Đi công tác tại Hà Nội";
inline constexpr qint64 kUnexcused = 7; // Khoa
inline constexpr qint64 kPresentAtEnd = 4; // An, Hoa, Nam, Tuấn

// Agenda in display order.
struct FixtureItem
{
    qint64 id;
    const char *number;
    const char *kind;
    const char *title;
    qint64 documents;
    qint64 speeches;
    qint64 polls;
    qint64 conclusions;
};
inline constexpr FixtureItem kItems[] = {
    {1, "1", "item", "Báo cáo tình hình kinh tế - xã hội năm 2026", 1, 3, 0, 1},
    {2, "2", "item", "Ứng dụng công nghệ thông tin trong chỉ đạo, điều hành", 1, 0, 1, 1},
    {3, "", "break", "Nghỉ giải lao", 0, 0, 0, 0},
    {4, "3", "item", "Những thuận lợi, khó khăn và giải pháp cải cách thủ tục hành chính", 1, 1, 1,
        0},
};
inline const char *const kReportTitle = "Báo cáo số 125/BC-UBND";
inline constexpr qint64 kReportPages = 12;

// Speeches in order: who, start, end; the bridge's is the second.
struct FixtureSpeech
{
    const char *name;
    bool bridge;
    const char *start;
    const char *end;
    qint64 durationMs;
};
inline constexpr FixtureSpeech kSpeeches[] = {
    {"Nguyễn Văn An", false, "2026-12-08T01:10:00.000Z", "2026-12-08T01:16:00.000Z", 360000},
    {"Điểm cầu huyện Kim Bảng", true, "2026-12-08T01:16:00.000Z", "2026-12-08T01:20:30.000Z",
        270000},
    {"Lê Văn Nam", false, "2026-12-08T01:20:30.000Z", "2026-12-08T01:25:00.000Z", 270000},
    {"Hoàng Minh Tuấn", false, "2026-12-08T03:00:00.000Z", "2026-12-08T03:05:00.000Z", 300000},
};
inline const char *const kBridgeLabel = "Điểm cầu huyện Kim Bảng";
inline constexpr qint64 kBridgeDevice = 1;

// Recordings: the first speech complete, the bridge's partial, Nam's failed, Tuấn's in two.
inline const char *const kPartialNote = "chamber-media stopped during the speech";
inline const char *const kFailure = "chamber-media is not running";
inline constexpr qint64 kFirstRecordingMs = 359800;

// Polls.
inline const char *const kNamedPoll = "Thông qua Nghị quyết về ứng dụng công nghệ thông tin";
inline const char *const kSecretPoll = "Thông qua Đề án cải cách thủ tục hành chính";
// The named poll's roll call by seat: An yes, Hoa yes, Nam no, Lan yes, Tuấn abstain.
struct FixtureVote
{
    const char *seat;
    const char *choice;
};
inline constexpr FixtureVote kRollCall[]
    = {{"A1", "yes"}, {"A2", "yes"}, {"A3", "no"}, {"B1", "yes"}, {"B2", "abstain"}};
inline constexpr qint64 kSecretBallots = 4; // after Lan left: 3 yes, 1 no

inline const char *const kConclusionOnPoll
    = "Hội đồng nhân dân tỉnh thông qua Nghị quyết về ứng dụng công nghệ thông tin.";

} // namespace chamber::testing::minutesfixture

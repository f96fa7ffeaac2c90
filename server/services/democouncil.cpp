// The demo's council: "HĐND tỉnh Tiền Giang" with the demo meeting's delegates as members,
// three organisations, and tasks in every colour relative to the moment the demo is seeded,
// so `scripts/run.sh` shows a board with red, amber, green and grey on its first start.
#include "services/demoseed.h"

#include "core/delegatecsv.h"
#include "services/councilservice.h"
#include "services/meetingservice.h"

#include <QJsonArray>

namespace chamber::services {

namespace {

constexpr qint64 kDay = 86400;

// The council's history goes back this far before the demo starts.
constexpr qint64 kHistoryDays = 90;

class CouncilSeeder
{
public:
    CouncilSeeder(CouncilService &councils, QDateTime start)
        : m_councils(councils)
        , m_start(std::move(start))
    { }

    // Sends a council command decided as of `daysAgo` days before the start.
    Result<QJsonObject> send(QJsonObject command, double daysAgo)
    {
        command.insert(QStringLiteral("id"), demoCouncilRequestId(++m_counter));
        auto message = protocol::validateMessage(command, protocol::Direction::ToServer);
        if (!message)
            return message.error();
        const QDateTime at = m_start.addSecs(-qint64(daysAgo * kDay));
        const QJsonObject reply = m_councils.executeAsOf(
            at, Principal::admin(), message.value(), core::CouncilActor {true, std::nullopt});
        if (reply.value(QLatin1String("type")).toString() != QLatin1String("ok"))
            return makeError(ErrorCode::Internal,
                QStringLiteral("demo council step %1: %2")
                    .arg(m_counter)
                    .arg(reply.value(QLatin1String("message")).toString()));
        return reply.value(QLatin1String("result")).toObject();
    }
    QString deadline(double daysFromStart) const
    {
        return core::formatInstant(m_start.addSecs(qint64(daysFromStart * kDay)));
    }

private:
    CouncilService &m_councils;
    QDateTime m_start;
    int m_counter = 0;
};

struct DemoTask
{
    const char *title;
    const char *ownerKind;
    qint64 owner; // organisations 1..3 as added below; members by id
    double deadline; // days from the start; negative: past
    std::vector<const char *> steps; // statuses it went through, 20 days apart from its creation
    const char *note;
};

} // namespace

QString demoCouncilRequestId(int step)
{
    return QStringLiteral("demo-council-%1").arg(step);
}

Result<qint64> seedDemoCouncil(
    CouncilService &councils, const QString &delegatesCsv, const QDateTime &start)
{
    CouncilSeeder seeder(councils, start);
    auto created = seeder.send({{QStringLiteral("type"), QStringLiteral("council.create")},
                                   {QStringLiteral("name"), QStringLiteral("HĐND tỉnh Tiền Giang")},
                                   {QStringLiteral("term"), QStringLiteral("2021–2026")},
                                   {QStringLiteral("amberDays"), 7}},
        kHistoryDays);
    if (!created)
        return created.error();
    const qint64 council = created->value(QLatin1String("council")).toInteger();
    const core::DelegateCsv csv = core::parseDelegateCsv(delegatesCsv);
    if (!csv.ok())
        return makeError(
            ErrorCode::Internal, QStringLiteral("the demo's delegates.csv is damaged"));
    const char *const titles[] = {"Chủ tịch HĐND tỉnh", "Phó Chủ tịch HĐND tỉnh"};
    for (std::size_t i = 0; i < csv.rows.size(); ++i) {
        const core::CsvDelegate &row = csv.rows[i];
        QJsonObject member {{QStringLiteral("type"), QStringLiteral("member.add")},
            {QStringLiteral("council"), council}, {QStringLiteral("name"), row.name},
            {QStringLiteral("group"), row.group}, {QStringLiteral("seat"), row.seat},
            {QStringLiteral("weight"), row.weight}};
        if (i < std::size(titles))
            member.insert(QStringLiteral("title"), QString::fromUtf8(titles[i]));
        if (auto added = seeder.send(member, kHistoryDays); !added)
            return added.error();
    }
    const std::pair<const char *, const char *> organisations[] = {
        {"Sở Tài chính", "department"},
        {"Sở Kế hoạch và Đầu tư", "department"},
        {"Ban Kinh tế - Ngân sách", "committee"},
    };
    for (const auto &[name, kind] : organisations) {
        if (auto added = seeder.send({{QStringLiteral("type"), QStringLiteral("organisation.add")},
                                         {QStringLiteral("council"), council},
                                         {QStringLiteral("name"), QString::fromUtf8(name)},
                                         {QStringLiteral("kind"), QString::fromLatin1(kind)}},
                kHistoryDays);
            !added)
            return added.error();
    }

    // From the previous session's conclusions: red (late), grey (done, cancelled) and some
    // still open. Created 80 days before the start; each status step 20 days after the last.
    const std::vector<DemoTask> tasks {
        {"Báo cáo quyết toán ngân sách năm 2025", "organisation", 1, -12, {"inProgress"},
            "Đã tổng hợp số liệu của 9/11 huyện, thị xã, thành phố."},
        {"Rà soát các dự án đầu tư công chậm giải ngân", "organisation", 2, -3, {}, nullptr},
        {"Thẩm tra đề án chuyển đổi số cấp xã", "organisation", 3, -20, {"inProgress"}, nullptr},
        {"Đề xuất điều chỉnh bảng giá đất", "organisation", 1, 2, {"inProgress"},
            "Đang lấy ý kiến các sở, ngành."},
        {"Kế hoạch đầu tư công trung hạn 2026–2030", "organisation", 2, 5, {}, nullptr},
        {"Giám sát việc thu hồi đất dự án Khu công nghiệp", "member", 2, 6, {}, nullptr},
        {"Dự toán kinh phí phòng họp không giấy", "organisation", 1, 30, {}, nullptr},
        {"Báo cáo tiến độ chương trình nông thôn mới", "organisation", 2, 45, {"inProgress"},
            nullptr},
        {"Trả lời kiến nghị cử tri về tuyến đường tỉnh 864", "member", 1, 25, {}, nullptr},
        {"Báo cáo tình hình thực hiện nghị quyết về y tế", "organisation", 3, -40,
            {"inProgress", "done"}, "Đã gửi báo cáo số 215/BC-BKTNS."},
        {"Rà soát danh mục dự án năm 2026", "organisation", 2, -30, {"inProgress", "done"},
            nullptr},
        {"Khảo sát trụ sở xã sau sáp nhập", "organisation", 3, 10, {"cancelled"}, nullptr},
    };
    for (const DemoTask &task : tasks) {
        auto added
            = seeder.send({{QStringLiteral("type"), QStringLiteral("task.create")},
                              {QStringLiteral("council"), council},
                              {QStringLiteral("title"), QString::fromUtf8(task.title)},
                              {QStringLiteral("ownerKind"), QString::fromLatin1(task.ownerKind)},
                              {QStringLiteral("owner"), task.owner},
                              {QStringLiteral("deadline"), seeder.deadline(task.deadline)}},
                80);
        if (!added)
            return added.error();
        const qint64 id = added->value(QLatin1String("task")).toInteger();
        double daysAgo = 80;
        for (const char *status : task.steps) {
            daysAgo -= 20;
            QJsonObject change {{QStringLiteral("type"), QStringLiteral("task.setStatus")},
                {QStringLiteral("council"), council}, {QStringLiteral("task"), id},
                {QStringLiteral("status"), QString::fromLatin1(status)}};
            if (QLatin1String(status) == QLatin1String("cancelled"))
                change.insert(QStringLiteral("reason"),
                    QStringLiteral("Đã sáp nhập vào nhiệm vụ khảo sát chung của tỉnh"));
            if (auto changed = seeder.send(change, daysAgo); !changed)
                return changed.error();
        }
        if (task.note) {
            if (auto noted = seeder.send(
                    {{QStringLiteral("type"), QStringLiteral("task.note")},
                        {QStringLiteral("council"), council}, {QStringLiteral("task"), id},
                        {QStringLiteral("text"), QString::fromUtf8(task.note)}},
                    daysAgo - 5);
                !noted)
                return noted.error();
        }
    }
    return council;
}

} // namespace chamber::services

// The follow-up board with five years of history: one council, ~100 meetings with 20
// conclusions each, a task per conclusion (2,000) and 20,000 updates (status changes and
// notes), all written through the real chamberd's REST API while its test clock walks from
// 2022 to 2027 (deadlines must be in the future when a task is made). Then, with a board link:
// the board's first page over REST (the time to first byte and the bytes), drawn in headless
// Chromium at 1920×1080 (navigation start → the page's "board-drawn" performance mark), and
// chamberd's RSS empty, after populating and after a restart that replays the logs.
// Baselines in the same run: GET /api/v1/health and a static file of the pages (/web/…) over
// the same pinned connection.
// Goal (issue 15): the first page served and drawn under 300 ms.
//
//   bench_board [--meetings 100] [--conclusions 20] [--updates 20000] [--samples 30]
#include "browser.h"
#include "processinfo.h"
#include "protocol/tlspin.h"
#include "restcall.h"
#include "serverprocess.h"
#include "stats.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace chamber;
using namespace chamber::testing;

namespace {

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_board: %s\n", qPrintable(why));
    std::exit(1);
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject resultOf(const QByteArray &body)
{
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    return answer.contains(QLatin1String("result"))
        ? answer.value(QLatin1String("result")).toObject()
        : answer;
}

struct Request
{
    QByteArray method;
    QString path;
    QByteArray body;
};

struct Answer
{
    int status = 0;
    QByteArray body;
    double ms = 0;
};

// Many requests over one pinned manager: kept-alive connections (six, Qt's default per host),
// no TLS handshake per request. Answers in the order of the requests.
class Rest
{
public:
    Rest(QString base, QByteArray pin, QByteArray token)
        : m_base(std::move(base))
        , m_pin(std::move(pin))
        , m_token(std::move(token))
    { }

    std::vector<Answer> all(const std::vector<Request> &requests)
    {
        std::vector<Answer> answers(requests.size());
        size_t pending = requests.size();
        for (size_t i = 0; i < requests.size(); ++i) {
            QNetworkRequest request {QUrl(m_base + requests[i].path)};
            request.setSslConfiguration(protocol::pinnedClientConfiguration());
            request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
            request.setRawHeader("Authorization", "Bearer " + m_token);
            request.setHeader(
                QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            auto *timer = new QElapsedTimer;
            timer->start();
            QNetworkReply *reply
                = m_network.sendCustomRequest(request, requests[i].method, requests[i].body);
            QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                [this, reply](const QList<QSslError> &errors) {
                    if (protocol::peerMatchesPin(
                            reply->sslConfiguration().peerCertificate(), m_pin))
                        reply->ignoreSslErrors(errors);
                });
            QObject::connect(
                reply, &QNetworkReply::finished, reply, [&answers, &pending, reply, i, timer] {
                    answers[i].status
                        = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                    answers[i].body = reply->readAll();
                    answers[i].ms = double(timer->nsecsElapsed()) / 1e6;
                    delete timer;
                    --pending;
                    reply->deleteLater();
                });
        }
        QElapsedTimer waited;
        waited.start();
        while (pending > 0 && waited.elapsed() < 600000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        if (pending > 0)
            fail(QStringLiteral("%1 requests unanswered").arg(pending));
        return answers;
    }

    Answer one(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return all({Request {method, path, body}}).front();
    }

    // Everything must have succeeded; `what` names the batch in the failure.
    std::vector<Answer> checked(const std::vector<Request> &requests, const char *what)
    {
        std::vector<Answer> answers = all(requests);
        for (size_t i = 0; i < answers.size(); ++i) {
            if (answers[i].status != 200 && answers[i].status != 201)
                fail(QStringLiteral("%1 %2: %3 %4")
                         .arg(QLatin1String(what), requests[i].path)
                         .arg(answers[i].status)
                         .arg(QString::fromUtf8(answers[i].body.left(300))));
        }
        return answers;
    }

private:
    QNetworkAccessManager m_network;
    QString m_base;
    QByteArray m_pin;
    QByteArray m_token;
};

void setClock(const QString &file, const QDateTime &instant)
{
    QFile clock(file);
    if (!clock.open(QIODevice::WriteOnly | QIODevice::Truncate))
        fail(QStringLiteral("cannot write the clock"));
    clock.write(instant.toUTC().toString(Qt::ISODate).toLatin1() + '\n');
}

const QStringList kOrganisations {QStringLiteral("Sở Tài chính"),
    QStringLiteral("Sở Kế hoạch và Đầu tư"), QStringLiteral("Sở Giao thông vận tải"),
    QStringLiteral("Sở Xây dựng"), QStringLiteral("Sở Tài nguyên và Môi trường"),
    QStringLiteral("Sở Nông nghiệp và Phát triển nông thôn"), QStringLiteral("Sở Y tế"),
    QStringLiteral("Sở Giáo dục và Đào tạo"), QStringLiteral("Ban Kinh tế - Ngân sách"),
    QStringLiteral("Ban Pháp chế"), QStringLiteral("Ban Văn hóa - Xã hội"),
    QStringLiteral("UBND thành phố Mỹ Tho")};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("meetings"), QStringLiteral("meetings"), QStringLiteral("n"),
        QStringLiteral("100")});
    parser.addOption(
        {QStringLiteral("conclusions"), QStringLiteral("conclusions (tasks) per meeting"),
            QStringLiteral("n"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("updates"), QStringLiteral("task updates in all"),
        QStringLiteral("n"), QStringLiteral("20000")});
    parser.addOption({QStringLiteral("samples"), QStringLiteral("measurements of each kind"),
        QStringLiteral("n"), QStringLiteral("30")});
    parser.process(app);
    const int meetings = parser.value(QStringLiteral("meetings")).toInt();
    const int perMeeting = parser.value(QStringLiteral("conclusions")).toInt();
    const int updates = parser.value(QStringLiteral("updates")).toInt();
    const int samples = std::max(3, parser.value(QStringLiteral("samples")).toInt());
    const int tasks = meetings * perMeeting;

    QTemporaryDir work;
    const QString clockFile = work.filePath(QStringLiteral("clock"));
    const QDateTime start
        = QDateTime::fromString(QStringLiteral("2022-01-10T02:00:00Z"), Qt::ISODate);
    const QDateTime end = start.addDays(5 * 365);
    setClock(clockFile, start);
    const QString dataDir = work.filePath(QStringLiteral("data"));
    auto server = std::make_unique<ServerProcess>(dataDir);
    if (!server->start({QStringLiteral("--test-clock"), clockFile}))
        fail(QStringLiteral("chamberd did not start"));
    QTest::qWait(1000);
    const double rssEmpty = bench::processMemoryMiB(server->processId());
    Rest rest(server->baseUrl() + QStringLiteral("/api/v1"), server->pin(), server->adminToken());

    // The council, its organisations and members.
    QElapsedTimer populating;
    populating.start();
    const qint64 council = resultOf(
        rest.checked({{"POST", QStringLiteral("/councils"),
                         json({{QStringLiteral("name"), QStringLiteral("HĐND tỉnh Tiền Giang")},
                             {QStringLiteral("term"), QStringLiteral("2021–2026")}})}},
                "council")
            .front()
            .body)
                               .value(QLatin1String("council"))
                               .toInteger();
    std::vector<Request> owners;
    for (const QString &name : kOrganisations)
        owners.push_back({"POST", QStringLiteral("/councils/%1/organisations").arg(council),
            json({{QStringLiteral("name"), name}})});
    for (int m = 1; m <= 8; ++m)
        owners.push_back({"POST", QStringLiteral("/councils/%1/members").arg(council),
            json({{QStringLiteral("name"), QStringLiteral("Đại biểu %1").arg(m)}})});
    rest.checked(owners, "owners");

    // Every meeting (about 18 days apart): its conclusions, a task for each, and the updates
    // of the tasks of three meetings before (started, noted, mostly done).
    const int notesPerTask = std::max(0, updates / std::max(1, tasks) - 2);
    // Status changes: every task started, four in five done; notes make up the rest. All
    // meetings' tasks but the last meeting's are updated.
    const int updatedTasks = (meetings - 1) * perMeeting;
    const int finishedTasks = updatedTasks - updatedTasks / 5;
    const int extraNotes = std::max(0, updates - updatedTasks * (notesPerTask + 1) - finishedTasks);
    const int extraPerMeeting
        = (extraNotes + std::max(1, meetings - 1) - 1) / std::max(1, meetings - 1);
    std::vector<qint64> taskIds;
    int updatesMade = 0;
    const qint64 stepSeconds = (end.toSecsSinceEpoch() - start.toSecsSinceEpoch()) / meetings;
    const auto updateTasks = [&](int meetingIndex) {
        const QString base = QStringLiteral("/councils/%1/tasks/").arg(council);
        std::vector<Request> started, notes, finished;
        for (int i = 0; i < perMeeting; ++i) {
            const qint64 task = taskIds.at(size_t(meetingIndex * perMeeting + i));
            started.push_back({"POST", base + QString::number(task) + QStringLiteral("/status"),
                json({{QStringLiteral("status"), QStringLiteral("inProgress")}})});
            const int count = notesPerTask + (i < extraPerMeeting ? 1 : 0);
            for (int n = 0; n < count; ++n)
                notes.push_back({"POST", base + QString::number(task) + QStringLiteral("/notes"),
                    json({{QStringLiteral("text"),
                        QStringLiteral("Báo cáo tiến độ lần %1: đã làm việc với các đơn vị liên "
                                       "quan, dự kiến hoàn thành đúng hạn.")
                            .arg(n + 1)}})});
            // Four in five are done; the rest stay in progress (and turn red in time).
            if (i % 5 != 4)
                finished.push_back(
                    {"POST", base + QString::number(task) + QStringLiteral("/status"),
                        json({{QStringLiteral("status"), QStringLiteral("done")}})});
        }
        rest.checked(started, "start");
        rest.checked(notes, "note");
        rest.checked(finished, "done");
        updatesMade += int(started.size() + notes.size() + finished.size());
    };
    for (int k = 0; k < meetings; ++k) {
        const QDateTime when = start.addSecs(stepSeconds * k);
        setClock(clockFile, when);
        const qint64 meeting = resultOf(
            rest.checked(
                    {{"POST", QStringLiteral("/meetings"),
                        json({{QStringLiteral("title"), QStringLiteral("Kỳ họp thứ %1").arg(k + 1)},
                            {QStringLiteral("council"), council}})}},
                    "meeting")
                .front()
                .body)
                                   .value(QLatin1String("meeting"))
                                   .toInteger();
        const qint64 item
            = resultOf(rest.checked({{"POST", QStringLiteral("/meetings/%1/agenda").arg(meeting),
                                        json({{QStringLiteral("title"),
                                            QStringLiteral("Kết luận của chủ tọa kỳ họp")}})}},
                               "item")
                           .front()
                           .body)
                  .value(QLatin1String("item"))
                  .toInteger();
        std::vector<Request> conclusions;
        for (int c = 0; c < perMeeting; ++c)
            conclusions.push_back({"POST", QStringLiteral("/meetings/%1/conclusions").arg(meeting),
                json({{QStringLiteral("item"), item},
                    {QStringLiteral("text"),
                        QStringLiteral("Giao %1 chủ trì, phối hợp các đơn vị liên quan thực hiện "
                                       "nội dung số %2 của kỳ họp.")
                            .arg(kOrganisations.at(c % kOrganisations.size()))
                            .arg(c + 1)}})});
        std::vector<qint64> numbers;
        for (const Answer &answer : rest.checked(conclusions, "conclusion"))
            numbers.push_back(resultOf(answer.body).value(QLatin1String("conclusion")).toInteger());
        std::vector<Request> creates;
        for (int c = 0; c < perMeeting; ++c) {
            const bool member = c % 5 == 0;
            creates.push_back({"POST", QStringLiteral("/councils/%1/tasks").arg(council),
                json({{QStringLiteral("title"),
                          QStringLiteral("Thực hiện kết luận số %1 của kỳ họp thứ %2")
                              .arg(c + 1)
                              .arg(k + 1)},
                    {QStringLiteral("ownerKind"),
                        member ? QStringLiteral("member") : QStringLiteral("organisation")},
                    {QStringLiteral("owner"),
                        member ? qint64(1 + c / 5 % 8) : qint64(1 + c % kOrganisations.size())},
                    {QStringLiteral("deadline"),
                        when.addDays(30 + (c * 7) % 90).toUTC().toString(Qt::ISODate)},
                    {QStringLiteral("meeting"), meeting},
                    {QStringLiteral("conclusion"), numbers.at(size_t(c))}})});
        }
        for (const Answer &answer : rest.checked(creates, "task"))
            taskIds.push_back(resultOf(answer.body).value(QLatin1String("task")).toInteger());
        if (k >= 3)
            updateTasks(k - 3);
    }
    for (int k = std::max(0, meetings - 3); k < meetings - 1; ++k)
        updateTasks(k); // the last meeting's tasks stay open: green and amber on the board
    setClock(clockFile, end);
    const double populateSeconds = double(populating.elapsed()) / 1000.0;
    QTest::qWait(1000);
    const double rssPopulated = bench::processMemoryMiB(server->processId());
    std::printf("board: populated %d tasks and %d updates over %d meetings in %.1f s\n", tasks,
        updatesMade, meetings, populateSeconds);

    // Restart on the same data: what a chamberd holding five years costs once it replayed them.
    server->terminate();
    server = std::make_unique<ServerProcess>(dataDir);
    QElapsedTimer starting;
    starting.start();
    if (!server->start({QStringLiteral("--test-clock"), clockFile}))
        fail(QStringLiteral("chamberd did not start again"));
    const double startSeconds = double(starting.elapsed()) / 1000.0;
    QTest::qWait(1000);
    const double rssLoaded = bench::processMemoryMiB(server->processId());
    Rest admin(server->baseUrl() + QStringLiteral("/api/v1"), server->pin(), server->adminToken());
    const Answer linkAnswer
        = admin.one("POST", QStringLiteral("/councils/%1/board-links").arg(council));
    if (linkAnswer.status != 201)
        fail(QStringLiteral("board link: ") + QString::fromUtf8(linkAnswer.body));
    const QJsonObject link = QJsonDocument::fromJson(linkAnswer.body).object();
    const QString token = link.value(QLatin1String("token")).toString();
    Rest board(server->baseUrl() + QStringLiteral("/api/v1"), server->pin(), token.toLatin1());

    // The first page over REST, as the lobby page asks for it, and the baselines.
    const int pageSize = 40;
    const QString firstPage
        = QStringLiteral("/councils/%1/board?page=1&pageSize=%2").arg(council).arg(pageSize);
    board.one("GET", firstPage); // the connection made
    std::vector<double> boardMs, healthMs, staticMs;
    qint64 boardBytes = 0, staticBytes = 0;
    QJsonObject firstBoard;
    for (int i = 0; i < samples; ++i) {
        const Answer page = board.one("GET", firstPage);
        if (page.status != 200)
            fail(QStringLiteral("board: %1 %2")
                     .arg(page.status)
                     .arg(QString::fromUtf8(page.body.left(300))));
        boardMs.push_back(page.ms);
        boardBytes = page.body.size();
        if (i == 0)
            firstBoard = QJsonDocument::fromJson(page.body).object();
        healthMs.push_back(board.one("GET", QStringLiteral("/health")).ms);
    }
    Rest web(server->baseUrl(), server->pin(), token.toLatin1());
    for (int i = 0; i < samples; ++i) {
        const Answer file = web.one("GET", QStringLiteral("/web/board/board.js"));
        staticMs.push_back(file.ms);
        staticBytes = file.body.size();
    }
    const QJsonObject counts = firstBoard.value(QLatin1String("counts")).toObject();

    // Drawn in Chromium: navigation start to the page's mark, cold each time (cache off).
    Browser browser;
    if (!browser.start({QStringLiteral("--ignore-certificate-errors-spki-list=")
            + QString::fromLatin1(server->pin().toBase64())}))
        fail(browser.errors());
    CdpClient page;
    if (!page.open(browser.pageWebSocketUrl()))
        fail(QStringLiteral("no page"));
    page.setViewport(1920, 1080);
    page.call(QStringLiteral("Network.enable"));
    page.call(
        QStringLiteral("Network.setCacheDisabled"), {{QStringLiteral("cacheDisabled"), true}});
    const QString url = link.value(QLatin1String("url")).toString();
    std::vector<double> drawnMs, fetchMs;
    int drawnTasks = 0;
    for (int i = 0; i < std::min(samples, 10); ++i) {
        page.navigate(QStringLiteral("about:blank"));
        if (!page.navigate(url))
            fail(QStringLiteral("the board did not load"));
        QString last;
        if (!page.waitFor(QStringLiteral("performance.getEntriesByName('board-drawn').length > 0"),
                30000, &last))
            fail(QStringLiteral("not drawn: ") + last + page.consoleText());
        drawnMs.push_back(
            page.evaluate(
                    QStringLiteral("performance.getEntriesByName('board-drawn')[0].startTime"))
                .toDouble());
        fetchMs.push_back(page.evaluate(QStringLiteral("performance.getEntriesByType('resource')."
                                                       "filter(e => e.name.includes('/board?'))"
                                                       ".reduce((sum, e) => sum + e.duration, 0)"))
                              .toDouble());
        drawnTasks
            = page.evaluate(QStringLiteral("document.querySelectorAll('#board .task').length"))
                  .toInt();
    }
    const double rssAfterPages = bench::processMemoryMiB(server->processId());

    const double servedP50 = bench::percentile(boardMs, 50),
                 servedP95 = bench::percentile(boardMs, 95);
    const double drawnP50 = bench::percentile(drawnMs, 50),
                 drawnP95 = bench::percentile(drawnMs, 95);
    std::printf(
        "board: council with %d tasks, %d updates (%d meetings, 5 years); chamberd start on "
        "it %.2f s\n",
        tasks, updatesMade, meetings, startSeconds);
    std::printf(
        "  counts now: %s\n", QJsonDocument(counts).toJson(QJsonDocument::Compact).constData());
    std::printf("  first page (pageSize %d) over REST: p50 %.1f ms p95 %.1f ms, %.1f KB   [goal: "
                "served and drawn < 300 ms]\n",
        pageSize, servedP50, servedP95, boardBytes / 1024.0);
    std::printf("  drawn in Chromium 1920x1080 (navigation start -> board-drawn, cache off): p50 "
                "%.0f ms p95 %.0f ms, %d cards; the board's fetches in the page %.1f ms (p50)\n",
        drawnP50, drawnP95, drawnTasks, bench::percentile(fetchMs, 50));
    std::printf("  baseline GET /api/v1/health: p50 %.1f ms; static /web/board/board.js (%.1f KB): "
                "p50 %.1f ms\n",
        bench::percentile(healthMs, 50), staticBytes / 1024.0, bench::percentile(staticMs, 50));
    std::printf("  chamberd RSS: %.1f MiB empty, %.1f MiB after populating, %.1f MiB restarted on "
                "it, %.1f MiB after the page loads\n",
        rssEmpty, rssPopulated, rssLoaded, rssAfterPages);
    std::printf("  populating through REST took %.1f s (%.0f requests/s)\n", populateSeconds,
        (tasks * 2 + updatesMade + meetings * 2) / populateSeconds);

    const QJsonObject result {{QStringLiteral("bench"), QStringLiteral("board")},
        {QStringLiteral("tasks"), tasks}, {QStringLiteral("updates"), updatesMade},
        {QStringLiteral("meetings"), meetings}, {QStringLiteral("pageSize"), pageSize},
        {QStringLiteral("servedP50Ms"), servedP50}, {QStringLiteral("servedP95Ms"), servedP95},
        {QStringLiteral("pageKB"), boardBytes / 1024.0}, {QStringLiteral("drawnP50Ms"), drawnP50},
        {QStringLiteral("drawnP95Ms"), drawnP95}, {QStringLiteral("drawnCards"), drawnTasks},
        {QStringLiteral("baselineHealthP50Ms"), bench::percentile(healthMs, 50)},
        {QStringLiteral("baselineStaticP50Ms"), bench::percentile(staticMs, 50)},
        {QStringLiteral("rssEmptyMiB"), rssEmpty},
        {QStringLiteral("rssPopulatedMiB"), rssPopulated},
        {QStringLiteral("rssLoadedMiB"), rssLoaded},
        {QStringLiteral("rssAfterPagesMiB"), rssAfterPages},
        {QStringLiteral("startSeconds"), startSeconds},
        {QStringLiteral("populateSeconds"), populateSeconds},
        {QStringLiteral("goals"), QJsonObject {{QStringLiteral("servedAndDrawnMs"), 300}}},
        {QStringLiteral("met"), servedP95 < 300 && drawnP95 < 300}};
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    browser.stop();
    server->terminate();
    return 0;
}

// A council across two meetings against the real chamberd on a test clock: the roster becomes
// meeting 1's delegates; a conclusion on a passed poll; tasks owned by an organisation and by a
// member, moved on by their owners (the organisation's liaison account, the member's seat
// tablet) and refused for another's task with nothing written; bad input refused with its
// reason; the clock moved so tasks turn amber and red; meeting 2 of the same council with the
// same people; its board's colours and counts; the overdue tasks pulled into its agenda; and
// board.changed pushed to a subscribed WebSocket when a task changes and when a deadline passes.
#include "councilscenario.h"
#include "enroll.h"
#include "pdfmaker.h"
#include "protocol/message.h"
#include "wsclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace chamber;
using namespace chamber::testing;

class TestCouncil : public QObject, protected CouncilScenario
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start(kStart)); }

    void councilWithMembersAndOrganisations()
    {
        m_council
            = created(m_server.admin("POST", QStringLiteral("/api/v1/councils"),
                          {{QStringLiteral("name"), QStringLiteral("HĐND tỉnh Tiền Giang khóa X")},
                              {QStringLiteral("term"), QStringLiteral("2021–2026")},
                              {QStringLiteral("amberDays"), 7}}),
                "council");
        QVERIFY(m_council > 0);
        const char *names[] = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"};
        for (int i = 0; i < 3; ++i) {
            QJsonObject body {{QStringLiteral("name"), QString::fromUtf8(names[i])},
                {QStringLiteral("seat"), QStringLiteral("A%1").arg(i + 1)}};
            if (i == 0)
                body.insert(QStringLiteral("title"), QStringLiteral("Phó Chủ tịch HĐND tỉnh"));
            m_members[i] = created(
                m_server.admin("POST", councilPath(QStringLiteral("/members")), body), "member");
            QVERIFY(m_members[i] > 0);
        }
        m_finance = created(m_server.admin("POST", councilPath(QStringLiteral("/organisations")),
                                {{QStringLiteral("name"), QStringLiteral("Sở Tài chính")},
                                    {QStringLiteral("kind"), QStringLiteral("department")}}),
            "organisation");
        m_economy
            = created(m_server.admin("POST", councilPath(QStringLiteral("/organisations")),
                          {{QStringLiteral("name"), QStringLiteral("Ban Kinh tế - Ngân sách")},
                              {QStringLiteral("kind"), QStringLiteral("committee")}}),
                "organisation");
        QVERIFY(m_finance > 0 && m_economy > 0 && m_finance != m_economy);
        const QJsonObject council = m_server.admin("GET", councilPath()).json();
        QCOMPARE(council.value(QLatin1String("members")).toArray().size(), 3);
        QCOMPARE(council.value(QLatin1String("organisations")).toArray().size(), 2);
    }

    void meetingOneTakesItsDelegatesFromTheRoster()
    {
        m_meeting1 = created(m_server.admin("POST", QStringLiteral("/api/v1/meetings"),
                                 {{QStringLiteral("title"), QStringLiteral("Kỳ họp thứ 9")},
                                     {QStringLiteral("council"), m_council}}),
            "meeting");
        QVERIFY(m_meeting1 > 0);
        const QJsonArray delegates
            = m_server.admin("GET", QStringLiteral("/api/v1/meetings/%1/delegates").arg(m_meeting1))
                  .json()
                  .value(QLatin1String("delegates"))
                  .toArray();
        QCOMPARE(delegates.size(), 3);
        // The council records which delegate is which member: one identity across meetings.
        const QJsonArray meetings = m_server.admin("GET", councilPath())
                                        .json()
                                        .value(QLatin1String("meetings"))
                                        .toArray();
        QCOMPARE(meetings.size(), 1);
        const QJsonObject map
            = meetings.at(0).toObject().value(QLatin1String("delegates")).toObject();
        QCOMPARE(map.size(), 3);
        for (auto it = map.begin(); it != map.end(); ++it)
            m_delegateOf.insert(it.value().toInteger(), it.key().toLongLong());
        for (qint64 member : m_members)
            QVERIFY(m_delegateOf.contains(member));
        for (const QJsonValue &value : delegates) {
            const QJsonObject delegate = value.toObject();
            const qint64 member = m_delegateOf.key(delegate.value(QLatin1String("id")).toInteger());
            QVERIFY(member > 0);
        }
    }

    void conclusionOnAPassedPoll()
    {
        const QString meeting = QStringLiteral("/api/v1/meetings/%1").arg(m_meeting1);
        const qint64 item = created(
            m_server.admin("POST", meeting + QStringLiteral("/agenda"),
                {{QStringLiteral("title"), QStringLiteral("Tờ trình về dự toán ngân sách 2027")}}),
            "item");
        QVERIFY(item > 0);
        QCOMPARE(m_server.admin("POST", meeting + QStringLiteral("/start")).status, 200);
        m_anTablet = enrollDevice(m_server.process, m_meeting1, QStringLiteral("delegate"),
            m_delegateOf.value(m_members[0]))
                         .toUtf8();
        m_binhTablet = enrollDevice(m_server.process, m_meeting1, QStringLiteral("delegate"),
            m_delegateOf.value(m_members[1]))
                           .toUtf8();
        const QByteArray cuongTablet = enrollDevice(m_server.process, m_meeting1,
            QStringLiteral("delegate"), m_delegateOf.value(m_members[2]))
                                           .toUtf8();
        QVERIFY(!m_anTablet.isEmpty() && !m_binhTablet.isEmpty() && !cuongTablet.isEmpty());
        for (qint64 member : m_members)
            QCOMPARE(m_server
                         .admin("POST",
                             meeting
                                 + QStringLiteral("/delegates/%1/check-in")
                                       .arg(m_delegateOf.value(member)))
                         .status,
                200);
        const qint64 poll = created(
            m_server.admin("POST", meeting + QStringLiteral("/polls"),
                {{QStringLiteral("title"), QStringLiteral("Thông qua dự toán")},
                    {QStringLiteral("item"), item},
                    {QStringLiteral("rule"),
                        QJsonObject {
                            {QStringLiteral("preset"), QStringLiteral("majority-of-members")}}}}),
            "poll");
        QVERIFY(poll > 0);
        const QString pollPath = meeting + QStringLiteral("/polls/%1").arg(poll);
        QCOMPARE(m_server.admin("POST", pollPath + QStringLiteral("/open")).status, 200);
        int i = 0;
        for (const QByteArray &tablet : {m_anTablet, m_binhTablet, cuongTablet}) {
            WsClient seat(m_server.process.pin());
            QVERIFY(seat.connectAndHello(m_server.process.wsUrl(), tablet));
            const QJsonObject cast
                = seat.request({{QStringLiteral("type"), QStringLiteral("ballot.cast")},
                    {QStringLiteral("meeting"), m_meeting1}, {QStringLiteral("poll"), poll},
                    {QStringLiteral("delegate"), m_delegateOf.value(m_members[i++])},
                    {QStringLiteral("choice"), QStringLiteral("yes")},
                    {QStringLiteral("key"), QStringLiteral("AAAAAAAAAAAAAAAAAAAAA%1").arg(i)}});
            QCOMPARE(text(cast, "type"), QStringLiteral("ok"));
        }
        QCOMPARE(m_server.admin("POST", pollPath + QStringLiteral("/close")).status, 200);
        QCOMPARE(m_server.admin("POST", pollPath + QStringLiteral("/publish")).status, 200);

        const QString conclusions = meeting + QStringLiteral("/conclusions");
        m_conclusion = created(m_server.admin("POST", conclusions,
                                   {{QStringLiteral("item"), item},
                                       {QStringLiteral("text"),
                                           QStringLiteral("Giao Sở Tài chính hoàn thiện dự toán "
                                                          "trước ngày 3/2/2027.")},
                                       {QStringLiteral("poll"), poll}}),
            "conclusion");
        QCOMPARE(m_conclusion, 1);
        // A poll that does not exist is no resolution.
        const RestResponse noPoll = m_server.admin("POST", conclusions,
            {{QStringLiteral("item"), item}, {QStringLiteral("text"), QStringLiteral("Khác")},
                {QStringLiteral("poll"), 99}});
        QVERIFY2(noPoll.status >= 400, noPoll.body.constData());
    }

    void tasksForAnOrganisationAndAMember()
    {
        m_financeTask = createTask(QStringLiteral("Hoàn thiện dự toán ngân sách 2027"),
            QStringLiteral("organisation"), m_finance, 30, m_conclusion);
        m_memberTask = createTask(QStringLiteral("Tiếp xúc cử tri huyện Cái Bè"),
            QStringLiteral("member"), m_members[0], 10);
        m_economyTask = createTask(QStringLiteral("Thẩm tra báo cáo quyết toán"),
            QStringLiteral("organisation"), m_economy, 35);
        m_laterTask = createTask(QStringLiteral("Giám sát chuyên đề giáo dục"),
            QStringLiteral("member"), m_members[1], 60);
        for (qint64 task : {m_financeTask, m_memberTask, m_economyTask, m_laterTask})
            QVERIFY(task > 0);
        const QJsonObject colours = board(m_meeting1).value(QLatin1String("counts")).toObject();
        QCOMPARE(colours.value(QLatin1String("onTime")).toInteger(), 4);
        QCOMPARE(colours.value(QLatin1String("total")).toInteger(), 4);
    }

    void theLiaisonUpdatesItsOwnTasksOnly()
    {
        QCOMPARE(restCall("POST", m_server.process.baseUrl() + QStringLiteral("/api/v1/accounts"),
                     m_server.process.pin(), m_server.process.adminToken(),
                     jsonBytes({{QStringLiteral("name"), QStringLiteral("lienlac.stc")},
                         {QStringLiteral("role"), QStringLiteral("liaison")},
                         {QStringLiteral("council"), m_council},
                         {QStringLiteral("organisation"), m_finance},
                         {QStringLiteral("password"), kPassword}}))
                     .status,
            201);
        // An organisation that does not exist is refused, and so is a liaison without one.
        const RestResponse unknown
            = restCall("POST", m_server.process.baseUrl() + QStringLiteral("/api/v1/accounts"),
                m_server.process.pin(), m_server.process.adminToken(),
                jsonBytes({{QStringLiteral("name"), QStringLiteral("lienlac.khac")},
                    {QStringLiteral("role"), QStringLiteral("liaison")},
                    {QStringLiteral("council"), m_council}, {QStringLiteral("organisation"), 77},
                    {QStringLiteral("password"), kPassword}}));
        QCOMPARE(unknown.status, 404);
        m_liaison = logIn(m_server.process, QStringLiteral("lienlac.stc"), kPassword);
        QVERIFY(m_liaison.ok());

        // Its own task: start, a note, a PDF attachment.
        QCOMPARE(
            m_server
                .asAccount(m_liaison, "POST", taskPath(m_financeTask, QStringLiteral("/status")),
                    jsonBytes(status(m_financeTask, QStringLiteral("inProgress"))))
                .status,
            200);
        QCOMPARE(
            m_server
                .asAccount(m_liaison, "POST", taskPath(m_financeTask, QStringLiteral("/notes")),
                    jsonBytes({{QStringLiteral("text"),
                        QStringLiteral("Đã gửi dự thảo cho các phòng chuyên môn.")}}))
                .status,
            200);
        const RestResponse attached = m_server.asAccount(m_liaison, "POST",
            taskPath(m_financeTask, QStringLiteral("/attachments?name=du-toan-2027.pdf")),
            makeTextPdf(QStringLiteral("Dự toán 2027"), QStringLiteral("Bảng tổng hợp dự toán.")));
        QVERIFY2(attached.status == 201, attached.body.constData());
        const QJsonObject attachment
            = attached.json().value(QLatin1String("attachment")).toObject();
        QCOMPARE(text(attachment, "name"), QStringLiteral("du-toan-2027.pdf"));
        QCOMPARE(text(attachment, "sha256").size(), 64);
        QVERIFY(attachment.value(QLatin1String("pages")).toInteger() >= 1);

        // Only its own: the liaison sees its organisation's tasks and nobody else's.
        const QJsonArray listed
            = m_server.asAccount(m_liaison, "GET", councilPath(QStringLiteral("/tasks")))
                  .json()
                  .value(QLatin1String("tasks"))
                  .toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.at(0).toObject().value(QLatin1String("task")).toInteger(), m_financeTask);

        // Another owner's task (An's, the other organisation's): refused, nothing written.
        const qint64 seq = m_server.councilSeq(m_council);
        for (qint64 other : {m_memberTask, m_economyTask}) {
            expectRefused(
                m_server.asAccount(m_liaison, "POST", taskPath(other, QStringLiteral("/status")),
                    jsonBytes(status(other, QStringLiteral("inProgress")))),
                403, QStringLiteral("forbidden"), {}, seq);
            expectRefused(
                m_server.asAccount(m_liaison, "POST", taskPath(other, QStringLiteral("/notes")),
                    jsonBytes({{QStringLiteral("text"), QStringLiteral("x")}})),
                403, QStringLiteral("forbidden"), {}, seq);
            expectRefused(m_server.asAccount(m_liaison, "POST",
                              taskPath(other, QStringLiteral("/attachments?name=a.pdf")),
                              makeTextPdf(QStringLiteral("A"), QStringLiteral("B"))),
                403, QStringLiteral("forbidden"), {}, seq);
        }
        // Nor does it create tasks or read the board.
        expectRefused(m_server.asAccount(m_liaison, "POST", councilPath(QStringLiteral("/tasks")),
                          jsonBytes({{QStringLiteral("title"), QStringLiteral("x")}})),
            403, QStringLiteral("forbidden"), {}, seq);
        QCOMPARE(m_server.asAccount(m_liaison, "GET", councilPath(QStringLiteral("/board"))).status,
            403);
        // Its own task's history, with who did what.
        const QJsonArray history
            = m_server
                  .asAccount(m_liaison, "GET", taskPath(m_financeTask, QStringLiteral("/history")))
                  .json()
                  .value(QLatin1String("events"))
                  .toArray();
        QCOMPARE(history.size(), 4); // created, started, noted, noted with the attachment
        QCOMPARE(text(history.at(1).toObject(), "actor"), QStringLiteral("account:lienlac.stc"));
        QCOMPARE(
            m_server.asAccount(m_liaison, "GET", taskPath(m_memberTask, QStringLiteral("/history")))
                .status,
            403);
    }

    void theSeatTabletUpdatesItsMembersTasksOnly()
    {
        const QString statusPath = taskPath(m_memberTask, QStringLiteral("/status"));
        QCOMPARE(m_server
                     .asDevice(m_anTablet, "POST", statusPath,
                         jsonBytes(status(m_memberTask, QStringLiteral("inProgress"))))
                     .status,
            200);
        QCOMPARE(m_server
                     .asDevice(m_anTablet, "POST", taskPath(m_memberTask, QStringLiteral("/notes")),
                         jsonBytes({{QStringLiteral("text"),
                             QStringLiteral("Đã tiếp xúc 120 cử tri tại xã Mỹ Thiện.")}}))
                     .status,
            200);
        const RestResponse report = m_server.asDevice(m_anTablet, "POST",
            taskPath(m_memberTask, QStringLiteral("/attachments?name=bao-cao.pdf")),
            makeTextPdf(QStringLiteral("Báo cáo"), QStringLiteral("Ý kiến cử tri.")));
        QVERIFY2(report.status == 201, report.body.constData());
        QCOMPARE(m_server
                     .asDevice(m_anTablet, "POST", statusPath,
                         jsonBytes(status(m_memberTask, QStringLiteral("done"))))
                     .status,
            200);
        // A seat lists its member's tasks only.
        const QJsonArray listed
            = m_server.asDevice(m_anTablet, "GET", councilPath(QStringLiteral("/tasks")))
                  .json()
                  .value(QLatin1String("tasks"))
                  .toArray();
        QCOMPARE(listed.size(), 1);
        // Bình's tablet on An's task, An's on the organisation's: refused, nothing written.
        const qint64 seq = m_server.councilSeq(m_council);
        expectRefused(m_server.asDevice(m_binhTablet, "POST",
                          taskPath(m_memberTask, QStringLiteral("/notes")),
                          jsonBytes({{QStringLiteral("text"), QStringLiteral("x")}})),
            403, QStringLiteral("forbidden"), {}, seq);
        expectRefused(m_server.asDevice(m_anTablet, "POST",
                          taskPath(m_financeTask, QStringLiteral("/status")),
                          jsonBytes(status(m_financeTask, QStringLiteral("done")))),
            403, QStringLiteral("forbidden"), {}, seq);
        // Over the WebSocket the same.
        WsClient binh(m_server.process.pin());
        QVERIFY(binh.connectAndHello(m_server.process.wsUrl(), m_binhTablet));
        const QJsonObject refused
            = binh.request({{QStringLiteral("type"), QStringLiteral("task.setStatus")},
                {QStringLiteral("council"), m_council}, {QStringLiteral("task"), m_memberTask},
                {QStringLiteral("status"), QStringLiteral("inProgress")}});
        QCOMPARE(text(refused, "code"), QStringLiteral("forbidden"));
        const QJsonObject own
            = binh.request({{QStringLiteral("type"), QStringLiteral("task.setStatus")},
                {QStringLiteral("council"), m_council}, {QStringLiteral("task"), m_laterTask},
                {QStringLiteral("status"), QStringLiteral("inProgress")}});
        QCOMPARE(text(own, "type"), QStringLiteral("ok"));
        QCOMPARE(m_server.councilSeq(m_council), seq + 1);
    }

    void badInputIsRefusedWithItsReasonAndNothingWritten()
    {
        const qint64 seq = m_server.councilSeq(m_council);
        const QString tasks = councilPath(QStringLiteral("/tasks"));
        const auto task = [&](const QJsonObject &changes) {
            QJsonObject body {{QStringLiteral("title"), QStringLiteral("Việc mới")},
                {QStringLiteral("ownerKind"), QStringLiteral("organisation")},
                {QStringLiteral("owner"), m_finance},
                {QStringLiteral("deadline"), instant(kStart.addDays(40))}};
            for (auto it = changes.begin(); it != changes.end(); ++it)
                body.insert(it.key(), it.value());
            return m_server.admin("POST", tasks, body);
        };
        // A deadline in the past at creation.
        expectRefused(task({{QStringLiteral("deadline"), instant(kStart.addSecs(-1))}}), 400,
            QStringLiteral("bad_field"), QStringLiteral("past"), seq);
        // An owner that does not exist.
        expectRefused(task({{QStringLiteral("owner"), 99}}), 404, {}, {}, seq);
        expectRefused(task({{QStringLiteral("ownerKind"), QStringLiteral("member")},
                          {QStringLiteral("owner"), 99}}),
            404, {}, {}, seq);
        // A status change that skips (open → done) or reverses without the secretary's reason.
        const QString economy = taskPath(m_economyTask, QStringLiteral("/status"));
        const RestResponse skip
            = m_server.admin("POST", economy, status(m_economyTask, QStringLiteral("done")));
        QVERIFY2(
            skip.status == 409 || skip.status == 400 || skip.status == 422, skip.body.constData());
        QCOMPARE(m_server.councilSeq(m_council), seq);
        const QString member = taskPath(m_memberTask, QStringLiteral("/status"));
        const RestResponse reverse = m_server.asDevice(m_anTablet, "POST", member,
            jsonBytes(status(m_memberTask, QStringLiteral("open"), QStringLiteral("nhầm"))));
        QVERIFY2(reverse.status == 403 || reverse.status == 409, reverse.body.constData());
        const RestResponse noReason
            = m_server.admin("POST", member, status(m_memberTask, QStringLiteral("open")));
        QVERIFY2(noReason.status >= 400 && noReason.status < 500, noReason.body.constData());
        QCOMPARE(m_server.councilSeq(m_council), seq);
        // A note over 4000 characters.
        expectRefused(m_server.admin("POST", taskPath(m_financeTask, QStringLiteral("/notes")),
                          {{QStringLiteral("text"), QString(4001, u'a')}}),
            400, {}, {}, seq);
        // An attachment that is not a valid PDF: refused as document uploads are.
        const QByteArray pdf = makeTextPdf(QStringLiteral("Cắt cụt"), QStringLiteral("Nội dung"));
        for (const QByteArray &bad : {QByteArray("not a pdf at all"), pdf.left(pdf.size() / 2)}) {
            const RestResponse refused = m_server.asAccount(m_liaison, "POST",
                taskPath(m_financeTask, QStringLiteral("/attachments?name=bao-cao.pdf")), bad);
            QVERIFY2(refused.status == 422 || refused.status == 400, refused.body.constData());
            QCOMPARE(m_server.councilSeq(m_council), seq);
        }
        // Unicode tricks in names: a bidi override, a control character, a zero-width space.
        for (const QString &name : {QStringLiteral("Sở \u202ETài chính"),
                 QStringLiteral("Sở\u0007Tài chính"), QStringLiteral("Sở\u200BTài chính")}) {
            expectRefused(m_server.admin("POST", councilPath(QStringLiteral("/organisations")),
                              {{QStringLiteral("name"), name}}),
                400, {}, {}, seq);
            expectRefused(task({{QStringLiteral("title"), name}}), 400, {}, {}, seq);
        }
        // A name in decomposed form is kept composed (NFC): one name, one spelling.
        const QString decomposed = QStringLiteral("Nguye\u0302\u0303n Thi\u0323 Dung");
        const qint64 dung = created(m_server.admin("POST", councilPath(QStringLiteral("/members")),
                                        {{QStringLiteral("name"), decomposed}}),
            "member");
        QVERIFY(dung > 0);
        const QJsonArray members
            = m_server.admin("GET", councilPath()).json().value(QLatin1String("members")).toArray();
        bool found = false;
        for (const QJsonValue &value : members) {
            if (value.toObject().value(QLatin1String("member")).toInteger() == dung) {
                QCOMPARE(text(value.toObject(), "name"),
                    decomposed.normalized(QString::NormalizationForm_C));
                found = true;
            }
        }
        QVERIFY(found);
        // She leaves again, so that meeting 2's roster is meeting 1's.
        QCOMPARE(m_server.admin("POST", councilPath(QStringLiteral("/members/%1/leave").arg(dung)))
                     .status,
            200);
    }

    void tasksTurnAmberThenRedWithTheClock()
    {
        // 24 days on: the finance task (due in 30) is within the 7 amber days.
        QVERIFY(m_server.setNow(kStart.addDays(24)));
        QMap<qint64, QString> colours = coloursOf(board(m_meeting1));
        QCOMPARE(colours.value(m_financeTask), QStringLiteral("dueSoon"));
        QCOMPARE(colours.value(m_economyTask), QStringLiteral("onTime"));
        QCOMPARE(colours.value(m_memberTask), QStringLiteral("done"));
        // At the deadline to the second it is still amber; a second later red.
        QVERIFY(m_server.setNow(kStart.addDays(30)));
        QCOMPARE(coloursOf(board(m_meeting1)).value(m_financeTask), QStringLiteral("dueSoon"));
        QVERIFY(m_server.setNow(kStart.addDays(30).addSecs(1)));
        QCOMPARE(coloursOf(board(m_meeting1)).value(m_financeTask), QStringLiteral("overdue"));
    }

    void meetingTwoHasTheSamePeople()
    {
        QVERIFY(m_server.setNow(kStart.addDays(31)));
        m_meeting2 = created(m_server.admin("POST", QStringLiteral("/api/v1/meetings"),
                                 {{QStringLiteral("title"), QStringLiteral("Kỳ họp thứ 10")},
                                     {QStringLiteral("council"), m_council}}),
            "meeting");
        QVERIFY(m_meeting2 > 0);
        const QJsonArray meetings = m_server.admin("GET", councilPath())
                                        .json()
                                        .value(QLatin1String("meetings"))
                                        .toArray();
        QCOMPARE(meetings.size(), 2);
        QSet<qint64> members;
        for (const QJsonValue &value : meetings) {
            if (value.toObject().value(QLatin1String("meeting")).toInteger() != m_meeting2)
                continue;
            const QJsonObject map = value.toObject().value(QLatin1String("delegates")).toObject();
            for (auto it = map.begin(); it != map.end(); ++it)
                members.insert(it.value().toInteger());
        }
        QCOMPARE(members, QSet<qint64>({m_members[0], m_members[1], m_members[2]}));
    }

    void meetingTwosBoardShowsTheColours()
    {
        const QJsonObject shown = board(m_meeting2);
        QCOMPARE(shown.value(QLatin1String("council")).toInteger(), m_council);
        const QJsonObject counts = shown.value(QLatin1String("counts")).toObject();
        QCOMPARE(counts.value(QLatin1String("overdue")).toInteger(), 1);
        QCOMPARE(counts.value(QLatin1String("dueSoon")).toInteger(), 1);
        QCOMPARE(counts.value(QLatin1String("onTime")).toInteger(), 1);
        QCOMPARE(counts.value(QLatin1String("done")).toInteger(), 1);
        QCOMPARE(counts.value(QLatin1String("total")).toInteger(), 4);
        const QMap<qint64, QString> colours = coloursOf(shown);
        QCOMPARE(colours.value(m_financeTask), QStringLiteral("overdue"));
        QCOMPARE(colours.value(m_economyTask), QStringLiteral("dueSoon"));
        QCOMPARE(colours.value(m_laterTask), QStringLiteral("onTime"));
        QCOMPARE(colours.value(m_memberTask), QStringLiteral("done"));
        // The most overdue owner first.
        const QJsonArray owners = shown.value(QLatin1String("owners")).toArray();
        QCOMPARE(owners.at(0).toObject().value(QLatin1String("id")).toInteger(), m_finance);
        const QMap<QString, QJsonObject> byOwner = ownersOf(shown);
        QCOMPARE(byOwner.value(QStringLiteral("organisation:%1").arg(m_finance))
                     .value(QLatin1String("counts"))
                     .toObject()
                     .value(QLatin1String("overdue"))
                     .toInteger(),
            1);
        // Malformed filters are refused, naming the field.
        for (const auto &[query, field] : {std::pair {"pageSize=0", "pageSize"},
                 std::pair {"pageSize=201", "pageSize"}, std::pair {"page=x", "page"},
                 std::pair {"status=purple", "status"}, std::pair {"owner=1", "ownerKind"},
                 std::pair {"owner=1&ownerKind=person", "ownerKind"},
                 std::pair {"origin=-4", "origin"}}) {
            const RestResponse refused = m_server.admin("GET",
                QStringLiteral("/api/v1/meetings/%1/board?").arg(m_meeting2)
                    + QLatin1String(query));
            QCOMPARE(refused.status, 400);
            QCOMPARE(text(refused.json(), "field"), QLatin1String(field));
        }
        const QJsonObject filtered
            = m_server.admin("GET", councilPath(QStringLiteral("/board?status=overdue&pageSize=1")))
                  .json();
        QCOMPARE(filtered.value(QLatin1String("counts"))
                     .toObject()
                     .value(QLatin1String("total"))
                     .toInteger(),
            1);
        // A seat tablet of meeting 1 reads its council's board over the WebSocket too.
        WsClient seat(m_server.process.pin());
        QVERIFY(seat.connectAndHello(m_server.process.wsUrl(), m_anTablet));
        const QJsonObject read
            = seat.request({{QStringLiteral("type"), QStringLiteral("board.read")},
                {QStringLiteral("status"), QStringLiteral("overdue")}});
        QCOMPARE(text(read, "type"), QStringLiteral("ok"));
        QCOMPARE(read.value(QLatin1String("result"))
                     .toObject()
                     .value(QLatin1String("counts"))
                     .toObject()
                     .value(QLatin1String("total"))
                     .toInteger(),
            1);
    }

    void overdueTasksJoinMeetingTwosAgenda()
    {
        const QString meeting = QStringLiteral("/api/v1/meetings/%1").arg(m_meeting2);
        const RestResponse added
            = m_server.admin("POST", meeting + QStringLiteral("/agenda/overdue"));
        QVERIFY2(added.status == 201, added.body.constData());
        const qint64 item = CouncilServer::resultOf(added).value(QLatin1String("item")).toInteger();
        const QJsonArray agenda = m_server.admin("GET", meeting + QStringLiteral("/agenda"))
                                      .json()
                                      .value(QLatin1String("agenda"))
                                      .toArray();
        QCOMPARE(agenda.size(), 1);
        const QJsonObject entry = agenda.at(0).toObject();
        QCOMPARE(entry.value(QLatin1String("id")).toInteger(item), item);
        QCOMPARE(text(entry, "title"), QStringLiteral("Xem xét các kết luận quá hạn"));
        QVERIFY2(text(entry, "description").contains(QStringLiteral("#%1").arg(m_financeTask)),
            qPrintable(text(entry, "description")));
        QVERIFY(!text(entry, "description").contains(QStringLiteral("#%1 ").arg(m_economyTask)));
        // A meeting of no council has no overdue tasks to take in.
        const qint64 lone = created(m_server.admin("POST", QStringLiteral("/api/v1/meetings"),
                                        {{QStringLiteral("title"), QStringLiteral("Họp riêng")}}),
            "meeting");
        const RestResponse none = m_server.admin(
            "POST", QStringLiteral("/api/v1/meetings/%1/agenda/overdue").arg(lone));
        QCOMPARE(codeOf(none), QStringLiteral("conflict"));
    }

    void boardChangedIsPushedOnChangesAndDeadlines()
    {
        WsClient screen(m_server.process.pin());
        QVERIFY(screen.connectAndHello(m_server.process.wsUrl(), m_server.process.adminToken()));
        const QJsonObject subscribed
            = screen.request({{QStringLiteral("type"), QStringLiteral("subscribe")},
                {QStringLiteral("meeting"), m_meeting2}});
        QCOMPARE(text(subscribed, "type"), QStringLiteral("ok"));
        const auto boardChanged = [this](const QJsonObject &message) {
            return text(message, "type") == QLatin1String("board.changed")
                && message.value(QLatin1String("council")).toInteger() == m_council;
        };
        // A task changes (the liaison's note on its overdue task).
        qsizetype from = screen.received().size();
        QCOMPARE(
            m_server
                .asAccount(m_liaison, "POST", taskPath(m_financeTask, QStringLiteral("/notes")),
                    jsonBytes({{QStringLiteral("text"), QStringLiteral("Xin gia hạn 5 ngày.")}}))
                .status,
            200);
        const QJsonObject pushed = screen.waitFor(boardChanged, 10000, from);
        QVERIFY2(!pushed.isEmpty(), "no board.changed after a note");
        QCOMPARE(pushed.value(QLatin1String("seq")).toInteger(), m_server.councilSeq(m_council));
        // The clock passes the economy task's deadline (due on day 35): red without any event.
        from = screen.received().size();
        const qint64 seq = m_server.councilSeq(m_council);
        QVERIFY(m_server.setNow(kStart.addDays(35).addSecs(2)));
        QVERIFY2(!screen.waitFor(boardChanged, 15000, from).isEmpty(),
            "no board.changed when a deadline passed");
        QCOMPARE(m_server.councilSeq(m_council), seq);
        QCOMPARE(coloursOf(board(m_meeting2)).value(m_economyTask), QStringLiteral("overdue"));
    }

    void chamberctlCouncilCommands()
    {
        // A council, a member, an organisation and a task with a date-only deadline.
        CtlRun run = ctl({QStringLiteral("council"), QStringLiteral("create"),
            QStringLiteral("--name"), QStringLiteral("HĐND huyện Cái Bè"),
            QStringLiteral("--amber-days"), QStringLiteral("5")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const qint64 council = run.out.section(QStringLiteral("council "), 1)
                                   .section(u',', 0, 0)
                                   .trimmed()
                                   .toLongLong();
        QVERIFY2(council > m_council, qPrintable(run.out));
        const QString id = QString::number(council);
        QCOMPARE(ctl({QStringLiteral("member"), QStringLiteral("add"), id, QStringLiteral("--name"),
                         QStringLiteral("Võ Văn Em"), QStringLiteral("--title"),
                         QStringLiteral("Chủ tịch HĐND huyện"), QStringLiteral("--weight"),
                         QStringLiteral("2")})
                     .exitCode,
            0);
        QCOMPARE(ctl({QStringLiteral("organisation"), QStringLiteral("add"), id,
                         QStringLiteral("--name"), QStringLiteral("Phòng Tài chính - Kế hoạch"),
                         QStringLiteral("--kind"), QStringLiteral("department")})
                     .exitCode,
            0);
        run = ctl({QStringLiteral("task"), QStringLiteral("create"), id, QStringLiteral("--title"),
            QStringLiteral("Rà soát đầu tư công"), QStringLiteral("--owner"),
            QStringLiteral("organisation:1"), QStringLiteral("--deadline"),
            QStringLiteral("2027-12-31")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = ctl({QStringLiteral("--json"), QStringLiteral("task"), QStringLiteral("list"), id});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray tasks = QJsonDocument::fromJson(run.out.toUtf8())
                                     .object()
                                     .value(QLatin1String("tasks"))
                                     .toArray();
        QCOMPARE(tasks.size(), 1);
        // 23:59:59 at UTC+07:00.
        QCOMPARE(text(tasks.at(0).toObject(), "deadline"), QStringLiteral("2027-12-31T16:59:59Z"));
        run = ctl({QStringLiteral("council"), QStringLiteral("show"), id});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("Võ Văn Em")));
        QVERIFY(run.out.contains(QStringLiteral("Phòng Tài chính - Kế hoạch")));
        // A meeting of that council: its one member is its one delegate.
        run = ctl({QStringLiteral("meeting"), QStringLiteral("create"), QStringLiteral("--title"),
            QStringLiteral("Kỳ họp thứ nhất"), QStringLiteral("--council"), id});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString meeting = run.out.section(QStringLiteral("meeting="), 1).section(u' ', 0, 0);
        QVERIFY2(meeting.trimmed().toLongLong() > 0, qPrintable(run.out));
        run = ctl({QStringLiteral("delegates"), meeting.trimmed()});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("Võ Văn Em")), qPrintable(run.out));
        QCOMPARE(
            ctl({QStringLiteral("meeting"), QStringLiteral("create"), QStringLiteral("--title"),
                    QStringLiteral("x"), QStringLiteral("--council"), QStringLiteral("abc")})
                .exitCode,
            2);
        run = ctl({QStringLiteral("board"), QStringLiteral("--council"), id});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("Rà soát đầu tư công")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("onTime")));
        run = ctl(
            {QStringLiteral("conclusion"), QStringLiteral("list"), QString::number(m_meeting1)});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("Giao Sở Tài chính")));

        // The liaison, as its own account: its tasks only; a note on its task.
        const QString passwordFile
            = writeTestFile(m_work, QStringLiteral("password"), kPassword.toUtf8() + '\n');
        const QStringList asLiaison {QStringLiteral("--account"), QStringLiteral("lienlac.stc"),
            QStringLiteral("--password-file"), passwordFile};
        run = ctl(asLiaison
            + QStringList {
                QStringLiteral("task"), QStringLiteral("list"), QString::number(m_council)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("Hoàn thiện dự toán")));
        QVERIFY(!run.out.contains(QStringLiteral("Thẩm tra")));
        const qint64 seq = m_server.councilSeq(m_council);
        run = ctl(asLiaison
            + QStringList {QStringLiteral("task"), QStringLiteral("note"),
                QString::number(m_council), QString::number(m_financeTask),
                QStringLiteral("--text"), QStringLiteral("Đã trình UBND tỉnh.")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(m_server.councilSeq(m_council), seq + 1);
        run = ctl(asLiaison
            + QStringList {QStringLiteral("task"), QStringLiteral("note"),
                QString::number(m_council), QString::number(m_economyTask),
                QStringLiteral("--text"), QStringLiteral("x")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("forbidden")), qPrintable(run.err));
        QCOMPARE(m_server.councilSeq(m_council), seq + 1);
        run = ctl(asLiaison
            + QStringList {
                QStringLiteral("board"), QStringLiteral("--council"), QString::number(m_council)});
        QCOMPARE(run.exitCode, 1);

        // Malformed arguments: a clear error, exit 2, nothing sent.
        const QString task = QString::number(m_financeTask);
        const QString mine = QString::number(m_council);
        const struct
        {
            QStringList arguments;
            const char *says;
        } malformed[] = {
            {{QStringLiteral("task"), QStringLiteral("create"), id, QStringLiteral("--title"),
                 QStringLiteral("x"), QStringLiteral("--owner"), QStringLiteral("org:1"),
                 QStringLiteral("--deadline"), QStringLiteral("2027-12-31")},
                "member:ID or organisation:ID"},
            {{QStringLiteral("task"), QStringLiteral("create"), id, QStringLiteral("--title"),
                 QStringLiteral("x"), QStringLiteral("--owner"), QStringLiteral("member:1"),
                 QStringLiteral("--deadline"), QStringLiteral("2027-02-30")},
                "not a deadline"},
            {{QStringLiteral("task"), QStringLiteral("create"), id, QStringLiteral("--title"),
                 QStringLiteral("x"), QStringLiteral("--owner"), QStringLiteral("member:1"),
                 QStringLiteral("--deadline"), QStringLiteral("tomorrow")},
                "not a deadline"},
            {{QStringLiteral("task"), QStringLiteral("create"), id, QStringLiteral("--title"),
                 QStringLiteral("x")},
                "--owner is required"},
            {{QStringLiteral("task"), QStringLiteral("status"), mine, QStringLiteral("abc"),
                 QStringLiteral("--to"), QStringLiteral("done")},
                "TASK must be a positive whole number"},
            {{QStringLiteral("task"), QStringLiteral("status"), mine, task}, "--to is required"},
            {{QStringLiteral("council"), QStringLiteral("update"), mine}, "nothing to change"},
            {{QStringLiteral("member"), QStringLiteral("add"), mine}, "--name is required"},
            {{QStringLiteral("member"), QStringLiteral("add"), mine, QStringLiteral("--name"),
                 QStringLiteral("X"), QStringLiteral("--weight"), QStringLiteral("abc")},
                "--weight must be a whole number"},
            {{QStringLiteral("board")}, "board --meeting M | --council C"},
            {{QStringLiteral("task"), QStringLiteral("attach"), mine, task}, "usage"},
            {{QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("lienlac.x"),
                 QStringLiteral("--role"), QStringLiteral("liaison"),
                 QStringLiteral("--password-file"), passwordFile},
                "needs --council"},
            {{QStringLiteral("--account"), QStringLiteral("lienlac.stc"), QStringLiteral("task"),
                 QStringLiteral("list"), mine},
                "needs --password-file"},
        };
        for (const auto &[arguments, says] : malformed) {
            run = ctl(arguments);
            QVERIFY2(run.exitCode == 2,
                qPrintable(arguments.join(u' ') + QStringLiteral(": ") + run.err));
            QVERIFY2(run.err.contains(QLatin1String(says)), qPrintable(run.err));
        }
        QCOMPARE(m_server.councilSeq(m_council), seq + 1);
        // The server's reasons come through: a deadline in the past, a wrong password.
        run = ctl({QStringLiteral("task"), QStringLiteral("create"), id, QStringLiteral("--title"),
            QStringLiteral("x"), QStringLiteral("--owner"), QStringLiteral("organisation:1"),
            QStringLiteral("--deadline"), QStringLiteral("2027-01-05")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("past")), qPrintable(run.err));
        const QString wrong = writeTestFile(m_work, QStringLiteral("wrong"), "sai mật khẩu rồi\n");
        run = ctl({QStringLiteral("--account"), QStringLiteral("lienlac.stc"),
            QStringLiteral("--password-file"), wrong, QStringLiteral("task"),
            QStringLiteral("list"), mine});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("cannot log in")), qPrintable(run.err));
    }

    void cleanupTestCase() { m_server.process.terminate(); }
};

QTEST_MAIN(TestCouncil) // a QGuiApplication: the test PDFs need fonts
#include "test_council.moc"

// The task status machine, every (from, to, actor, reason) against CONTRACT.md's table, and a
// task's colour at each moment around its deadline, with the time given, never the system's.
#include "commands.h"
#include "core/council.h"

#include <QTest>

using namespace chamber;
using namespace chamber::core;
using chamber::testing::command;

namespace {

const TaskOwner kOwner {TaskOwner::Kind::Organisation, 1};
const TaskOwner kOtherOwner {TaskOwner::Kind::Organisation, 2};
const QDateTime kNow = QDateTime::fromString(QStringLiteral("2027-01-01T00:00:00Z"), Qt::ISODate);

// The contract's table, cell by cell: "-" the same status, "refused" nobody, "owner" the owner
// or the secretary, "reason" the secretary with a reason.
QString rule(TaskStatus from, TaskStatus to)
{
    using S = TaskStatus;
    const std::map<std::pair<S, S>, const char *> table {
        {{S::Open, S::InProgress}, "owner"},
        {{S::Open, S::Done}, "refused"},
        {{S::Open, S::Cancelled}, "reason"},
        {{S::InProgress, S::Done}, "owner"},
        {{S::InProgress, S::Cancelled}, "reason"},
        {{S::InProgress, S::Open}, "reason"},
        {{S::Done, S::InProgress}, "reason"},
        {{S::Done, S::Cancelled}, "refused"},
        {{S::Done, S::Open}, "reason"},
        {{S::Cancelled, S::InProgress}, "refused"},
        {{S::Cancelled, S::Done}, "refused"},
        {{S::Cancelled, S::Open}, "reason"},
    };
    if (from == to)
        return QStringLiteral("-");
    return QString::fromLatin1(table.at({from, to}));
}

// A council with two organisations and one task of the first, in `status`.
CouncilState councilWithTask(TaskStatus status)
{
    CouncilState state;
    state.id = 1;
    state.seq = 4;
    state.name = QStringLiteral("HĐND");
    state.organisations[1]
        = Organisation {1, QStringLiteral("Sở Tài chính"), QStringLiteral("department")};
    state.organisations[2]
        = Organisation {2, QStringLiteral("Sở Kế hoạch và Đầu tư"), QStringLiteral("department")};
    Task task;
    task.id = 1;
    task.title = QStringLiteral("Báo cáo");
    task.owner = kOwner;
    task.deadline = kNow.addDays(30);
    task.status = status;
    state.tasks[1] = task;
    return state;
}

} // namespace

class TestTasks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusMachine_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<QString>("actor");
        QTest::addColumn<bool>("reason");
        QTest::addColumn<QString>("expected"); // ok, unchanged or an error code
        const TaskStatus all[] {
            TaskStatus::Open, TaskStatus::InProgress, TaskStatus::Done, TaskStatus::Cancelled};
        for (TaskStatus from : all) {
            for (TaskStatus to : all) {
                for (const QString &actor : {QStringLiteral("secretary"), QStringLiteral("owner"),
                         QStringLiteral("otherOwner")}) {
                    for (bool reason : {false, true}) {
                        const QString cell = rule(from, to);
                        QString expected;
                        if (actor == QLatin1String("otherOwner"))
                            expected = QStringLiteral("forbidden");
                        else if (cell == QLatin1String("-"))
                            expected = QStringLiteral("unchanged");
                        else if (cell == QLatin1String("refused"))
                            expected = QStringLiteral("conflict");
                        else if (cell == QLatin1String("owner"))
                            expected = QStringLiteral("ok");
                        else if (actor != QLatin1String("secretary"))
                            expected = QStringLiteral("forbidden");
                        else
                            expected
                                = reason ? QStringLiteral("ok") : QStringLiteral("missing_field");
                        QTest::addRow("%s→%s by %s%s", qPrintable(taskStatusName(from)),
                            qPrintable(taskStatusName(to)), qPrintable(actor),
                            reason ? " with reason" : "")
                            << int(from) << int(to) << actor << reason << expected;
                    }
                }
            }
        }
    }

    void statusMachine()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(QString, actor);
        QFETCH(bool, reason);
        QFETCH(QString, expected);
        const CouncilState state = councilWithTask(TaskStatus(from));
        CouncilContext context;
        context.now = kNow;
        if (actor == QLatin1String("secretary"))
            context.actor.secretary = true;
        else
            context.actor.owner = actor == QLatin1String("owner") ? kOwner : kOtherOwner;
        QJsonObject fields {{QStringLiteral("council"), 1}, {QStringLiteral("task"), 1},
            {QStringLiteral("status"), taskStatusName(TaskStatus(to))}};
        if (reason)
            fields.insert(QStringLiteral("reason"), QStringLiteral("Theo chỉ đạo của Chủ tọa"));
        auto decision
            = decideCouncil(state, command(QStringLiteral("task.setStatus"), fields), context);
        if (expected == QLatin1String("ok") || expected == QLatin1String("unchanged")) {
            QVERIFY2(decision, decision ? "" : qPrintable(decision.error().message));
            QCOMPARE(decision->events.empty(), expected == QLatin1String("unchanged"));
            if (expected == QLatin1String("ok")) {
                QCOMPARE(decision->events.front().kind, QStringLiteral("task.statusChanged"));
                QCOMPARE(decision->events.front().data.value(QLatin1String("to")).toString(),
                    taskStatusName(TaskStatus(to)));
                // Applied, the task has the new status.
                CouncilState next = state;
                protocol::Event event;
                event.meeting = 1;
                event.seq = state.seq + 1;
                event.kind = decision->events.front().kind;
                event.data = decision->events.front().data;
                QVERIFY(applyCouncil(next, event));
                QCOMPARE(int(next.tasks.at(1).status), to);
            }
        } else {
            QVERIFY(!decision);
            QCOMPARE(errorCodeName(decision.error().code), expected);
        }
    }

    void colourAroundTheDeadline_data()
    {
        QTest::addColumn<int>("amberDays");
        QTest::addColumn<qint64>("offsetMs"); // now − deadline
        QTest::addColumn<QString>("open");
        const qint64 day = 86400 * 1000LL;
        for (int n : {7, 1, 90}) {
            const auto row = [n](const char *moment) -> QTestData & {
                return QTest::addRow("amber %d: %s", n, moment);
            };
            row("long before") << n << -(n + 30) * day << "onTime";
            row("N days + 1 s before") << n << -(n * day + 1000) << "onTime";
            row("exactly N days before") << n << -n * day << "dueSoon";
            row("1 s before") << n << -1000LL << "dueSoon";
            row("at the deadline") << n << 0LL << "dueSoon";
            row("in the deadline's second") << n << 999LL << "dueSoon";
            row("1 s after") << n << 1000LL << "overdue";
            row("long after") << n << 400 * day << "overdue";
        }
    }

    void colourAroundTheDeadline()
    {
        QFETCH(int, amberDays);
        QFETCH(qint64, offsetMs);
        QFETCH(QString, open);
        Task task;
        task.deadline = parseInstant(QStringLiteral("2027-01-31T16:59:59Z"));
        QVERIFY(task.deadline.isValid());
        const QDateTime now = task.deadline.addMSecs(offsetMs);
        for (TaskStatus status : {TaskStatus::Open, TaskStatus::InProgress}) {
            task.status = status;
            QCOMPARE(taskColourName(taskColour(task, now, amberDays)), open);
        }
        // Finished tasks are grey whatever the time.
        task.status = TaskStatus::Done;
        QCOMPARE(taskColour(task, now, amberDays), TaskColour::Done);
        task.status = TaskStatus::Cancelled;
        QCOMPARE(taskColour(task, now, amberDays), TaskColour::Cancelled);
    }

    void nextColourChangeIsTheNearestBoundary()
    {
        CouncilState state = councilWithTask(TaskStatus::Open);
        state.amberDays = 7;
        const QDateTime deadline = state.tasks.at(1).deadline; // now + 30 days
        QCOMPARE(nextColourChange(state, kNow), deadline.addDays(-7));
        QCOMPARE(nextColourChange(state, deadline.addDays(-7)), deadline.addSecs(1));
        QCOMPARE(nextColourChange(state, deadline.addSecs(1)), std::nullopt);
        state.tasks.at(1).status = TaskStatus::Done;
        QCOMPARE(nextColourChange(state, kNow), std::nullopt);
    }

    void instantsNeedAnOffsetAndKeepWholeSeconds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::newRow("utc") << "2027-01-31T16:59:59Z"
                             << "2027-01-31T16:59:59Z";
        QTest::newRow("vietnam") << "2027-01-31T23:59:59+07:00"
                                 << "2027-01-31T16:59:59Z";
        QTest::newRow("milliseconds cut") << "2027-01-31T16:59:59.900Z"
                                          << "2027-01-31T16:59:59Z";
        QTest::newRow("no offset") << "2027-01-31T16:59:59"
                                   << "";
        QTest::newRow("date only") << "2027-01-31"
                                   << "";
        QTest::newRow("garbage") << "tomorrow"
                                 << "";
        QTest::newRow("empty") << ""
                               << "";
    }

    void instantsNeedAnOffsetAndKeepWholeSeconds()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QDateTime parsed = parseInstant(text);
        if (expected.isEmpty())
            QVERIFY(!parsed.isValid());
        else
            QCOMPARE(formatInstant(parsed), expected);
    }
};

QTEST_GUILESS_MAIN(TestTasks)
#include "test_tasks.moc"

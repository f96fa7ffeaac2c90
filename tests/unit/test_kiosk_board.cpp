// The kiosk's follow-up board without a server or a display: the board JSON of `board.read`
// parsed into types (and refused whole when malformed), pages joined, the layout of a wall's
// screens (headings never alone at a column's foot, repeated when an owner continues), the
// model's rows and days left, and the task history told in sentences.
#include "boarddata.h"
#include "boardlayout.h"
#include "boardmodel.h"
#include "taskhistorymodel.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace chamber::kiosk;

namespace {

QJsonObject demoBoard()
{
    QFile file(QStringLiteral(CHAMBER_SOURCE_DIR "/kiosk/app/selftest/demo-board.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// JSON written as JSON, for readable fixtures.
QJsonValue json(const char *text)
{
    const QByteArray wrapped = QByteArray("[") + text + "]";
    return QJsonDocument::fromJson(wrapped).array().at(0);
}

QJsonObject task(qint64 id, const QString &colour, const QString &deadline)
{
    return {{QStringLiteral("task"), id}, {QStringLiteral("title"), QStringLiteral("T%1").arg(id)},
        {QStringLiteral("status"),
            colour == QLatin1String("done") ? QStringLiteral("done") : QStringLiteral("open")},
        {QStringLiteral("colour"), colour}, {QStringLiteral("deadline"), deadline}};
}

// A board of `sizes.size()` organisations with that many tasks each.
std::vector<BoardOwner> owners(const std::vector<int> &sizes)
{
    std::vector<BoardOwner> result;
    qint64 next = 1;
    for (size_t o = 0; o < sizes.size(); ++o) {
        BoardOwner owner;
        owner.owner = {OwnerKind::Organisation, qint64(o + 1), QStringLiteral("O%1").arg(o + 1)};
        for (int t = 0; t < sizes[o]; ++t)
            owner.tasks.push_back(BoardTask {next++});
        result.push_back(owner);
    }
    return result;
}

// "H1 1 2 | H2 3" style: each screen's columns, for readable expectations.
QString describe(
    const std::vector<BoardScreen> &screens, const std::vector<BoardOwner> &board, int rows)
{
    QStringList out;
    for (const BoardScreen &screen : screens) {
        QStringList columns;
        QStringList column;
        for (size_t i = 0; i < screen.size(); ++i) {
            const BoardCell &cell = screen[i];
            column << (cell.kind == BoardCell::Kind::Owner
                    ? QStringLiteral("%1H%2")
                          .arg(cell.continued ? QStringLiteral("+") : QString())
                          .arg(cell.owner + 1)
                    : cell.kind == BoardCell::Kind::Task
                    ? QString::number(board[size_t(cell.owner)].tasks[size_t(cell.task)].id)
                    : QStringLiteral("_"));
            if (int(i + 1) % rows == 0 || i + 1 == screen.size()) {
                columns << column.join(u' ');
                column.clear();
            }
        }
        out << columns.join(QStringLiteral(" | "));
    }
    return out.join(QStringLiteral(" || "));
}

} // namespace

class TestKioskBoard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesTheServersBoard()
    {
        const QJsonObject json = demoBoard();
        QVERIFY(!json.isEmpty());
        auto board = Board::fromJson(json);
        QVERIFY2(board.ok(), board ? "" : qPrintable(board.error().message));
        QCOMPARE(board->council, 1);
        QCOMPARE(board->name, QStringLiteral("HĐND tỉnh Tiền Giang khóa X"));
        QCOMPARE(board->now, QDateTime(QDate(2027, 2, 1), QTime(3, 0), Qt::UTC));
        QCOMPARE(board->counts.overdue, 4);
        QCOMPARE(board->counts.dueSoon, 4);
        QCOMPARE(board->counts.total, 28);
        QCOMPARE(board->taskCount(), 28);
        const BoardOwner &first = board->owners.front();
        QCOMPARE(first.owner.name, QStringLiteral("Sở Tài chính"));
        QCOMPARE(first.counts.overdue, 2);
        QCOMPARE(first.tasks.front().colour, TaskColour::Overdue);
        QCOMPARE(first.tasks.front().originMeeting, 4);
        QCOMPARE(first.tasks.front().originConclusion, 2);
        QCOMPARE(board->ownerChoices.size(), board->owners.size());
        QCOMPARE(board->meetingChoices.size(), size_t(3));
        QCOMPARE(board->ownerName(OwnerKind::Member, 7),
            QStringLiteral("Nguyễn Thị Hồng – Phó Chủ tịch HĐND tỉnh"));
    }

    void refusesMalformedBoards_data()
    {
        QTest::addColumn<QString>("path"); // where to change the valid board
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("no council")
            << QStringLiteral("council") << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("council 0") << QStringLiteral("council") << QJsonValue(0);
        QTest::newRow("council text") << QStringLiteral("council") << json(R"("1")");
        QTest::newRow("now missing") << QStringLiteral("now") << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("now not a date") << QStringLiteral("now") << json(R"("yesterday")");
        QTest::newRow("amberDays 0") << QStringLiteral("amberDays") << QJsonValue(0);
        QTest::newRow("amberDays 1.5") << QStringLiteral("amberDays") << QJsonValue(1.5);
        // Beyond qint64: found by fuzz_kiosk_board (converting it was undefined behaviour).
        QTest::newRow("amberDays 1e300") << QStringLiteral("amberDays") << QJsonValue(1e300);
        QTest::newRow("seq 2^64") << QStringLiteral("seq") << QJsonValue(18446744073709551616.0);
        QTest::newRow("pageSize 500") << QStringLiteral("pageSize") << QJsonValue(500);
        QTest::newRow("counts missing")
            << QStringLiteral("counts") << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("count negative") << QStringLiteral("counts.overdue") << QJsonValue(-1);
        QTest::newRow("owners not a list") << QStringLiteral("owners") << json(R"("all")");
        QTest::newRow("owner kind") << QStringLiteral("owners.0.kind") << json(R"("person")");
        QTest::newRow("owner id") << QStringLiteral("owners.0.id") << QJsonValue(-3);
        QTest::newRow("owner counts") << QStringLiteral("owners.0.counts") << QJsonValue(7);
        QTest::newRow("task not object") << QStringLiteral("owners.0.tasks.0") << QJsonValue(17);
        QTest::newRow("task id") << QStringLiteral("owners.0.tasks.0.task") << QJsonValue(0);
        QTest::newRow("task colour")
            << QStringLiteral("owners.0.tasks.0.colour") << json(R"("red")");
        QTest::newRow("task status")
            << QStringLiteral("owners.0.tasks.0.status") << json(R"("late")");
        QTest::newRow("task deadline")
            << QStringLiteral("owners.0.tasks.0.deadline") << json(R"("soon")");
        QTest::newRow("task notes") << QStringLiteral("owners.0.tasks.0.notes") << QJsonValue(-2);
        QTest::newRow("origin") << QStringLiteral("owners.0.tasks.0.origin")
                                << json(R"({"meeting": "four"})");
        QTest::newRow("filter meeting")
            << QStringLiteral("filters.meetings.0.meeting") << QJsonValue(0);
        QTest::newRow("filter owner") << QStringLiteral("filters.owners.0.kind") << json(R"("")");
    }

    void refusesMalformedBoards()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        // Rebuild the JSON along the path with the one value changed.
        const std::function<QJsonValue(QJsonValue, QStringList)> change
            = [&](QJsonValue node, QStringList keys) -> QJsonValue {
            const QString key = keys.takeFirst();
            bool isIndex = false;
            const int index = key.toInt(&isIndex);
            if (isIndex) {
                QJsonArray array = node.toArray();
                array[index] = keys.isEmpty() ? value : change(array[index], keys);
                return array;
            }
            QJsonObject object = node.toObject();
            if (keys.isEmpty() && value.isUndefined())
                object.remove(key);
            else
                object[key] = keys.isEmpty() ? value : change(object[key], keys);
            return object;
        };
        const QJsonObject json = change(demoBoard(), path.split(u'.')).toObject();
        QVERIFY(json != demoBoard());
        const auto board = Board::fromJson(json);
        QVERIFY2(!board.ok(), qPrintable(path));
        QVERIFY(board.error().message.startsWith(QLatin1String("the board is malformed")));
    }

    void refusesTooManyTasks()
    {
        QJsonObject json = demoBoard();
        QJsonArray tasks;
        for (int i = 1; i <= Board::kMaxTasks + 1; ++i)
            tasks.append(task(i, QStringLiteral("onTime"), QStringLiteral("2027-03-01T16:59:59Z")));
        QJsonArray ownerList = json.value(QLatin1String("owners")).toArray();
        QJsonObject owner = ownerList[0].toObject();
        owner[QStringLiteral("tasks")] = tasks;
        ownerList[0] = owner;
        json[QStringLiteral("owners")] = ownerList;
        QVERIFY(!Board::fromJson(json).ok());
    }

    void pagesJoinAnOwnerSplitBetweenThem()
    {
        const auto page
            = [](const char *text) { return Board::fromJson(json(text).toObject()).value(); };
        Board board = page(R"({"council": 2, "now": "2027-02-01T03:00:00Z", "page": 1, "pages": 2,
            "pageSize": 2, "counts": {"overdue": 2, "total": 4}, "owners": [
            {"kind": "organisation", "id": 3, "name": "A", "counts": {"overdue": 2, "total": 3},
             "tasks": [{"task": 1, "status": "open", "colour": "overdue",
                        "deadline": "2027-01-31T16:59:59Z"},
                       {"task": 2, "status": "open", "colour": "overdue",
                        "deadline": "2027-01-31T16:59:59Z"}]}]})");
        board.append(page(R"({"council": 2, "now": "2027-02-01T03:00:00Z", "page": 2, "pages": 2,
            "pageSize": 2, "counts": {"overdue": 2, "total": 4}, "owners": [
            {"kind": "organisation", "id": 3, "name": "A", "counts": {"overdue": 2, "total": 3},
             "tasks": [{"task": 3, "status": "done", "colour": "done",
                        "deadline": "2027-01-31T16:59:59Z"}]},
            {"kind": "member", "id": 3, "name": "B", "counts": {"onTime": 1, "total": 1},
             "tasks": [{"task": 4, "status": "open", "colour": "onTime",
                        "deadline": "2027-05-01T16:59:59Z"}]}]})"));
        QCOMPARE(board.owners.size(), size_t(2));
        QCOMPARE(board.owners[0].tasks.size(), size_t(3));
        QCOMPARE(board.owners[0].tasks[2].id, 3);
        // Same id, other kind: another owner.
        QCOMPARE(board.owners[1].owner.kind, OwnerKind::Member);
        QCOMPARE(board.page, 2);
    }

    void layoutKeepsOwnersWithTheirCards_data()
    {
        QTest::addColumn<std::vector<int>>("sizes");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("columns");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fits") << std::vector<int> {1, 1} << 4 << 2 << "H1 1 H2 2";
        QTest::newRow("heading not alone at the foot")
            << std::vector<int> {2, 2} << 4 << 2 << "H1 1 2 _ | H2 3 4";
        QTest::newRow("continued at the top of a column")
            << std::vector<int> {5} << 4 << 2 << "H1 1 2 3 | +H1 4 5";
        QTest::newRow("continued on the next screen")
            << std::vector<int> {4, 3} << 3 << 2 << "H1 1 2 | +H1 3 4 || H2 1 2 | +H2 3";
        QTest::newRow("owner without tasks") << std::vector<int> {0, 1} << 3 << 1 << "H1 H2 1";
        QTest::newRow("one row: cards only") << std::vector<int> {2, 1} << 1 << 3 << "1 | 2 | 3";
        QTest::newRow("list") << std::vector<int> {2, 1} << 0 << 0 << "H1 1 2 H2 3";
        QTest::newRow("empty board") << std::vector<int> {} << 4 << 2 << "";
    }

    void layoutKeepsOwnersWithTheirCards()
    {
        QFETCH(std::vector<int>, sizes);
        QFETCH(int, rows);
        QFETCH(int, columns);
        QFETCH(QString, expected);
        std::vector<BoardOwner> board = owners(sizes);
        // Task ids restart per owner in the expectations of the multi-screen row.
        if (QByteArray(QTest::currentDataTag()) == "continued on the next screen") {
            for (BoardOwner &owner : board) {
                for (size_t t = 0; t < owner.tasks.size(); ++t)
                    owner.tasks[t].id = qint64(t + 1);
            }
        }
        const auto screens = layoutBoard(board, rows, columns);
        QCOMPARE(describe(screens, board, rows > 0 ? rows : 1000), expected);
        for (const BoardScreen &screen : screens)
            QVERIFY(rows <= 0 || int(screen.size()) <= rows * columns);
    }

    void modelShowsOneScreenAndTurns()
    {
        auto board = Board::fromJson(demoBoard());
        QVERIFY(board.ok());
        BoardModel model;
        model.setBoard(board.value());
        QCOMPARE(model.screenCount(), 1); // no grid yet: one list
        QCOMPARE(model.rowCount(), 28 + 9);
        model.setGrid(6, 4);
        QVERIFY(model.screenCount() > 1);
        QVERIFY(model.rowCount() <= 24);
        const QModelIndex first = model.index(0);
        QCOMPARE(model.data(first, BoardModel::CellKindRole).toString(), QStringLiteral("owner"));
        QCOMPARE(model.data(first, BoardModel::OwnerNameRole).toString(),
            QStringLiteral("Sở Tài chính"));
        QCOMPARE(model.data(first, BoardModel::OverdueCountRole).toInt(), 2);
        QCOMPARE(model.data(first, BoardModel::ClosedCountRole).toInt(), 1);
        const QModelIndex card = model.index(1);
        QCOMPARE(model.data(card, BoardModel::CellKindRole).toString(), QStringLiteral("task"));
        QCOMPARE(model.data(card, BoardModel::ColourRole).toString(), QStringLiteral("overdue"));
        QCOMPARE(model.data(card, BoardModel::DaysLeftRole).toInt(), -12);
        QCOMPARE(model.data(card, BoardModel::OriginMeetingRole).toInt(), 4);
        QVERIFY(!model.data(model.index(9999), BoardModel::TitleRole).isValid());
        const int screens = model.screenCount();
        for (int i = 1; i < screens; ++i)
            model.nextScreen();
        QCOMPARE(model.screen(), screens - 1);
        model.nextScreen();
        QCOMPARE(model.screen(), 0);
        // A refresh keeps the screen shown when it still exists.
        model.setScreen(1);
        model.setBoard(board.value());
        QCOMPARE(model.screen(), 1);
    }

    void daysLeftCountsVietnameseCalendarDays_data()
    {
        QTest::addColumn<QString>("now");
        QTest::addColumn<int>("days");
        const QString deadline = QStringLiteral("2027-01-31T16:59:59Z"); // 23:59:59 in Vietnam
        QTest::newRow("same day, morning") << "2027-01-31T01:00:00Z" << 0;
        QTest::newRow("the second before") << "2027-01-31T16:59:58Z" << 0;
        QTest::newRow("after, same day") << "2027-01-31T16:59:59Z" << 0;
        QTest::newRow("next day in Vietnam") << "2027-01-31T17:00:00Z" << -1;
        QTest::newRow("the day before, late") << "2027-01-30T16:59:59Z" << 1;
        QTest::newRow("seven days") << "2027-01-24T10:00:00Z" << 7;
    }

    void daysLeftCountsVietnameseCalendarDays()
    {
        QFETCH(QString, now);
        QFETCH(int, days);
        QCOMPARE(BoardModel::daysLeft(QDateTime::fromString(now, Qt::ISODate),
                     QDateTime::fromString(QStringLiteral("2027-01-31T16:59:59Z"), Qt::ISODate)),
            days);
    }

    void historyIsToldInSentences()
    {
        auto board = Board::fromJson(demoBoard());
        QVERIFY(board.ok());
        const QJsonArray events = json(R"([
            {"kind": "task.created", "time": "2027-01-02T03:00:00.000Z", "actor": "account:thuky",
             "data": {"task": 1, "title": "x", "owner": {"kind": "organisation", "id": 3},
                      "deadline": "2027-01-31T16:59:59Z"}},
            {"kind": "task.statusChanged", "time": "2027-01-03T03:00:00Z", "actor": "device:12",
             "data": {"task": 1, "from": "open", "to": "inProgress"}},
            {"kind": "task.reassigned", "time": "2027-01-04T03:00:00Z", "actor": "admin",
             "data": {"task": 1, "from": {"kind": "organisation", "id": 3},
                      "owner": {"kind": "member", "id": 99}, "reason": "moved"}},
            {"kind": "task.noted", "time": "bad", "actor": "admin"},
            {"kind": "task.future", "time": "2027-01-05T03:00:00Z", "actor": "migration"}])")
                                      .toArray();
        TaskHistoryModel history;
        history.setHistory(
            {{QStringLiteral("task"), 1}, {QStringLiteral("events"), events}}, board.value());
        QCOMPARE(history.rowCount(), 4); // the event without a time is left out
        const auto text
            = [&](int row, int role) { return history.data(history.index(row), role).toString(); };
        QVERIFY2(text(0, TaskHistoryModel::SummaryRole).contains(QStringLiteral("Sở Tài chính")),
            qPrintable(text(0, TaskHistoryModel::SummaryRole)));
        QCOMPARE(text(0, TaskHistoryModel::ActorRole), QStringLiteral("thuky"));
        QCOMPARE(text(1, TaskHistoryModel::SummaryRole),
            QStringLiteral("Status: not started → in progress"));
        QCOMPARE(text(1, TaskHistoryModel::ActorRole), QStringLiteral("Device 12"));
        QCOMPARE(text(2, TaskHistoryModel::SummaryRole),
            QStringLiteral("Reassigned from Sở Tài chính to #99"));
        QCOMPARE(text(2, TaskHistoryModel::ReasonRole), QStringLiteral("moved"));
        QCOMPARE(text(3, TaskHistoryModel::SummaryRole), QStringLiteral("task.future"));
        history.retranslate(board.value());
        QCOMPARE(text(1, TaskHistoryModel::ActorRole), QStringLiteral("Device 12"));
    }
};

QTEST_GUILESS_MAIN(TestKioskBoard)
#include "test_kiosk_board.moc"

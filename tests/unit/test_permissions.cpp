// What each role may do, as one table: a seat's tablet cannot act as the chair, a tally screen
// changes nothing, devices stay inside their meeting.
#include "commands.h"
#include "protocol/schema.h"
#include "services/permissions.h"

#include <QFile>
#include <QMap>
#include <QSet>
#include <QTest>

using namespace chamber;
using namespace chamber::services;
using chamber::testing::command;

class TestPermissions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commands_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("type");
        QTest::addColumn<qint64>("delegate");
        QTest::addColumn<qint64>("meeting");
        QTest::addColumn<bool>("allowed");

        QTest::newRow("chair selects item") << "chair"
                                            << "agenda.select" << 0LL << 1LL << true;
        QTest::newRow("chair opens session") << "chair"
                                             << "meeting.start" << 0LL << 1LL << true;
        QTest::newRow("chair checks anyone in") << "chair"
                                                << "attendance.checkIn" << 9LL << 1LL << true;
        QTest::newRow("chair may not add items") << "chair"
                                                 << "agenda.add" << 0LL << 1LL << false;
        QTest::newRow("chair may not revoke") << "chair"
                                              << "device.revoke" << 0LL << 1LL << false;
        QTest::newRow("chair, other meeting") << "chair"
                                              << "agenda.select" << 0LL << 2LL << false;
        QTest::newRow("seat checks itself in") << "delegate"
                                               << "attendance.checkIn" << 5LL << 1LL << true;
        QTest::newRow("seat checks itself out") << "delegate"
                                                << "attendance.checkOut" << 5LL << 1LL << true;
        QTest::newRow("seat checks another in") << "delegate"
                                                << "attendance.checkIn" << 6LL << 1LL << false;
        QTest::newRow("seat acts as chair") << "delegate"
                                            << "agenda.select" << 0LL << 1LL << false;
        QTest::newRow("seat opens session") << "delegate"
                                            << "meeting.start" << 0LL << 1LL << false;
        QTest::newRow("tally changes nothing") << "tally"
                                               << "attendance.checkIn" << 5LL << 1LL << false;
        QTest::newRow("tally selects item") << "tally"
                                            << "agenda.select" << 0LL << 1LL << false;
        QTest::newRow("bridge changes attendance") << "bridge"
                                                   << "attendance.checkIn" << 5LL << 1LL << false;
        // Voting and speaking.
        QTest::newRow("chair opens poll") << "chair"
                                          << "poll.open" << 0LL << 1LL << true;
        QTest::newRow("chair publishes") << "chair"
                                         << "poll.publish" << 0LL << 1LL << true;
        QTest::newRow("chair grants floor") << "chair"
                                            << "speaker.grant" << 0LL << 1LL << true;
        QTest::newRow("chair casts ballot") << "chair"
                                            << "ballot.cast" << 5LL << 1LL << false;
        QTest::newRow("seat casts own") << "delegate"
                                        << "ballot.cast" << 5LL << 1LL << true;
        // Allowed here, judged against the meeting's proxies when cast (checkBallot).
        QTest::newRow("seat casts for giver") << "delegate"
                                              << "ballot.cast" << 6LL << 1LL << true;
        QTest::newRow("seat casts, other meeting") << "delegate"
                                                   << "ballot.cast" << 5LL << 2LL << false;
        QTest::newRow("seat opens poll") << "delegate"
                                         << "poll.open" << 0LL << 1LL << false;
        QTest::newRow("seat asks for floor") << "delegate"
                                             << "speaker.request" << 5LL << 1LL << true;
        QTest::newRow("seat asks for another") << "delegate"
                                               << "speaker.request" << 6LL << 1LL << false;
        QTest::newRow("seat grants floor") << "delegate"
                                           << "speaker.grant" << 5LL << 1LL << false;
        QTest::newRow("seat gives proxy") << "delegate"
                                          << "proxy.give" << 5LL << 1LL << false;
        QTest::newRow("tally casts ballot") << "tally"
                                            << "ballot.cast" << 5LL << 1LL << false;
        QTest::newRow("bridge asks for floor") << "bridge"
                                               << "speaker.request" << 5LL << 1LL << false;
        // Documents: the chair presents; seats and screens follow; only the secretary removes.
        QTest::newRow("chair presents") << "chair"
                                        << "document.present" << 0LL << 1LL << true;
        QTest::newRow("chair presents, other meeting") << "chair"
                                                       << "document.present" << 0LL << 2LL << false;
        QTest::newRow("seat presents") << "delegate"
                                       << "document.present" << 0LL << 1LL << false;
        QTest::newRow("tally presents") << "tally"
                                        << "document.present" << 0LL << 1LL << false;
        QTest::newRow("chair removes document") << "chair"
                                                << "document.remove" << 0LL << 1LL << false;
    }

    void commands()
    {
        QFETCH(QString, role);
        QFETCH(QString, type);
        QFETCH(qint64, delegate);
        QFETCH(qint64, meeting);
        QFETCH(bool, allowed);
        const Principal device = Principal::forDevice(
            3, 1, *roleFromName(role), role == QLatin1String("delegate") ? 5 : 0);
        QJsonObject fields {{QStringLiteral("meeting"), meeting}};
        if (delegate)
            fields.insert(QStringLiteral("delegate"), delegate);
        if (type.startsWith(QLatin1String("poll.")) || type == QLatin1String("ballot.cast"))
            fields.insert(QStringLiteral("poll"), 1);
        if (type == QLatin1String("ballot.cast")) {
            fields.insert(QStringLiteral("choice"), QStringLiteral("yes"));
            fields.insert(QStringLiteral("key"), QStringLiteral("abcdefghijklmnopqrstuvwxyz"));
        }
        if (type == QLatin1String("proxy.give"))
            fields.insert(QStringLiteral("holder"), 6);
        if (type == QLatin1String("agenda.select"))
            fields.insert(QStringLiteral("item"), 1);
        if (type == QLatin1String("agenda.add"))
            fields.insert(QStringLiteral("title"), QStringLiteral("x"));
        if (type.startsWith(QLatin1String("document.")))
            fields.insert(QStringLiteral("document"), 1);
        if (type == QLatin1String("device.revoke"))
            fields.insert(QStringLiteral("device"), 1);
        const Status status = authorizeCommand(device, command(type, fields));
        QCOMPARE(status.ok(), allowed);
        if (!allowed)
            QCOMPARE(status.error().code, ErrorCode::Forbidden);
        // The admin token may do all of it except vote: nobody votes in another's name.
        const bool ballot = type == QLatin1String("ballot.cast");
        QCOMPARE(authorizeCommand(Principal::admin(), command(type, fields)).ok(), !ballot);
    }

    void bridgeAsksForTheFloorForItself()
    {
        // Device 3 is a bridge point of meeting 1.
        const Principal site = Principal::forDevice(3, 1, DeviceRole::Bridge, 0);
        const Principal seat = Principal::forDevice(4, 1, DeviceRole::Delegate, 5);
        const Principal chair = Principal::forDevice(2, 1, DeviceRole::Chair, 0);
        const auto speaker = [](const char *type, QJsonObject fields) {
            fields.insert(QStringLiteral("meeting"), 1);
            return command(QString::fromLatin1(type), fields);
        };
        const QJsonObject itself {{QStringLiteral("bridge"), 3}};
        const QJsonObject another {{QStringLiteral("bridge"), 4}};
        QVERIFY(authorizeCommand(site, speaker("speaker.request", itself)));
        QVERIFY(authorizeCommand(site, speaker("speaker.withdraw", itself)));
        for (const QJsonObject &fields :
            {another, QJsonObject {{QStringLiteral("delegate"), 3}}, QJsonObject {}}) {
            const Status refused = authorizeCommand(site, speaker("speaker.request", fields));
            QCOMPARE(refused.error().code, ErrorCode::Forbidden);
        }
        QVERIFY(!authorizeCommand(site, speaker("speaker.withdraw", another)));
        // Nothing else: not the chair's part of the list, not other meetings.
        QVERIFY(!authorizeCommand(site, speaker("speaker.grant", itself)));
        QVERIFY(!authorizeCommand(site, speaker("speaker.end", {})));
        QVERIFY(!authorizeCommand(site,
            speaker(
                "speaker.move", {{QStringLiteral("bridge"), 3}, {QStringLiteral("position"), 0}})));
        QVERIFY(!authorizeCommand(
            Principal::forDevice(3, 2, DeviceRole::Bridge, 0), speaker("speaker.request", itself)));
        // A seat's tablet cannot ask for a site; the chair and the admin may, for any.
        QCOMPARE(authorizeCommand(seat, speaker("speaker.request", another)).error().code,
            ErrorCode::Forbidden);
        for (const char *type : {"speaker.request", "speaker.withdraw", "speaker.grant"}) {
            QVERIFY(authorizeCommand(chair, speaker(type, another)));
            QVERIFY(authorizeCommand(Principal::admin(), speaker(type, another)));
        }
    }

    void subscriptionsAndPresence()
    {
        const Principal seat = Principal::forDevice(1, 1, DeviceRole::Delegate, 5);
        const Principal chair = Principal::forDevice(2, 1, DeviceRole::Chair, 0);
        const Principal tally = Principal::forDevice(3, 1, DeviceRole::Tally, 0);
        QVERIFY(allows(seat, Operation::Subscribe, 1));
        QVERIFY(!allows(seat, Operation::Subscribe, 2));
        QVERIFY(allows(Principal::admin(), Operation::Subscribe, 2));
        QVERIFY(allows(chair, Operation::ReadDevices, 1));
        QVERIFY(!allows(chair, Operation::ReadDevices, 2));
        QVERIFY(!allows(seat, Operation::ReadDevices, 1));
        QVERIFY(allows(Principal::admin(), Operation::ReadDevices, 7));
        QVERIFY(allows(tally, Operation::NextSeatCode, 1));
        QVERIFY(allows(chair, Operation::NextSeatCode, 1));
        QVERIFY(!allows(seat, Operation::NextSeatCode, 1));
        QVERIFY(!allows(tally, Operation::NextSeatCode, 2));
    }

    void readViewsAreScopedLikeSubscribe()
    {
        // Whatever a device may read over REST it may subscribe to, and the other way round:
        // the two paths ask the same rows.
        for (DeviceRole role :
            {DeviceRole::Delegate, DeviceRole::Chair, DeviceRole::Tally, DeviceRole::Bridge}) {
            const Principal device = Principal::forDevice(4, 1, role, 5);
            for (Operation read : {Operation::ReadMeeting, Operation::ReadEvents,
                     Operation::ReadPoll, Operation::ReadResult, Operation::ListDocuments}) {
                QCOMPARE(allows(device, read, 1), allows(device, Operation::Subscribe, 1));
                QCOMPARE(allows(device, read, 2), allows(device, Operation::Subscribe, 2));
                QVERIFY(!allows(device, read, 2));
            }
        }
    }

    void joinCodesAreTheSecretarys()
    {
        QVERIFY(allows(Principal::admin(), Operation::CreateJoinCode, 1));
        for (DeviceRole role :
            {DeviceRole::Delegate, DeviceRole::Chair, DeviceRole::Tally, DeviceRole::Bridge}) {
            const Status refused = authorizeAccess(
                Principal::forDevice(4, 1, role, 5), Operation::CreateJoinCode, 1);
            QCOMPARE(refused.error().code, ErrorCode::Forbidden);
        }
        QCOMPARE(authorizeAccess(Principal::anonymous(), Operation::CreateJoinCode, 1).error().code,
            ErrorCode::Unauthenticated);
    }

    void pendingListIsTheChairsAndAdmins()
    {
        QVERIFY(allows(Principal::admin(), Operation::ReadVotingPending, 3));
        QVERIFY(allows(
            Principal::forDevice(2, 1, DeviceRole::Chair, 0), Operation::ReadVotingPending, 1));
        QVERIFY(!allows(
            Principal::forDevice(2, 1, DeviceRole::Chair, 0), Operation::ReadVotingPending, 2));
        for (DeviceRole role : {DeviceRole::Delegate, DeviceRole::Tally, DeviceRole::Bridge})
            QVERIFY(!allows(Principal::forDevice(4, 1, role, 5), Operation::ReadVotingPending, 1));
    }

    void readerLinks()
    {
        // The secretary for anyone; a seat's tablet for its own delegate, in its meeting.
        const Principal seat = Principal::forDevice(1, 1, DeviceRole::Delegate, 5);
        const auto create = [](const Principal &principal, qint64 meeting, qint64 delegate) {
            return authorize(principal, Operation::CreateReaderLink, Target {meeting, delegate});
        };
        QVERIFY(create(Principal::admin(), 2, 9));
        QVERIFY(create(seat, 1, 5));
        QCOMPARE(create(seat, 1, 6).error().code, ErrorCode::Forbidden);
        QCOMPARE(create(seat, 2, 5).error().code, ErrorCode::Forbidden);
        for (DeviceRole role : {DeviceRole::Chair, DeviceRole::Tally, DeviceRole::Bridge}) {
            const Principal device = Principal::forDevice(2, 1, role, 0);
            QCOMPARE(create(device, 1, 5).error().code, ErrorCode::Forbidden);
        }
        // The phone reader link reads its own meeting and nothing else.
        const Principal reader = Principal::forReader(7, 1, 5);
        QVERIFY(allows(reader, Operation::ReadAsReader, 1));
        QVERIFY(!allows(reader, Operation::ReadAsReader, 2));
        QVERIFY(!allows(reader, Operation::ReadMeeting, 1));
        QVERIFY(!allows(reader, Operation::Subscribe, 1));
    }

    void anonymousMayDoOnlyWhatAnyoneMay()
    {
        for (const OperationRule &rule : operationRules()) {
            const Status status = authorizeAccess(Principal::anonymous(), rule.operation, 1);
            QCOMPARE(status.ok(), bool(rule.who & Who::Anyone));
            if (!status)
                QCOMPARE(status.error().code, ErrorCode::Unauthenticated);
        }
    }

    void theTableHasARowPerOperationAndMessage()
    {
        // Rows in enum order, so ruleOf() is an index.
        const auto rules = operationRules();
        for (std::size_t i = 0; i < rules.size(); ++i)
            QCOMPARE(std::size_t(rules[i].operation), i);
        // Every message a client may send performs exactly one operation of the same name.
        for (const protocol::MessageSpec &spec : protocol::allMessages()) {
            if (spec.direction != protocol::Direction::ToServer)
                continue;
            const auto operation = operationForMessage(QLatin1String(spec.type));
            QVERIFY2(operation, spec.type);
            QCOMPARE(QLatin1String(ruleOf(*operation).name), QLatin1String(spec.type));
        }
        QVERIFY(!operationForMessage(QLatin1String("no.such")));
    }

    void protocolDocumentShowsTheTable()
    {
        // PROTOCOL.md's Authorization section is this table, row for row.
        QFile file(QStringLiteral(CHAMBER_SOURCE_DIR "/server/protocol/PROTOCOL.md"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        const qsizetype start = text.indexOf(QLatin1String("\n## Authorization\n"));
        const qsizetype end = text.indexOf(QLatin1String("\n## "), start + 5);
        QVERIFY(start > 0 && end > start);
        QMap<QString, QStringList> documented;
        for (const QString &line : text.mid(start, end - start).split(u'\n')) {
            if (!line.startsWith(QLatin1String("| `")))
                continue;
            QStringList cells = line.split(u'|');
            for (QString &cell : cells)
                cell = cell.trimmed();
            // "", operation, who, meeting, on whose behalf, ""
            QCOMPARE(cells.size(), 6);
            documented.insert(cells.at(1).mid(1, cells.at(1).size() - 2), cells.mid(2, 3));
        }
        QCOMPARE(documented.size(), qsizetype(operationRules().size()));
        for (const OperationRule &rule : operationRules()) {
            const QString name = QString::fromLatin1(rule.name);
            QVERIFY2(documented.contains(name), rule.name);
            const QStringList row = documented.value(name);
            QCOMPARE(row.at(0), whoNames(rule.who).join(QStringLiteral(", ")));
            QCOMPARE(row.at(1),
                rule.scope == Scope::Meeting       ? QStringLiteral("its own")
                    : rule.scope == Scope::Council ? QStringLiteral("its council")
                                                   : QStringLiteral("—"));
            const QString behalf = rule.subject == Subject::Own
                ? QStringLiteral("its own delegate / site")
                : rule.subject == Subject::Ballot
                ? QStringLiteral("its own delegate, or a proxy giver")
                : QString();
            QCOMPARE(row.at(2), behalf);
        }
    }

    // Accounts by role: a secretary may what the admin token may in meetings; an admin account
    // that and the accounts; an observer reads the meeting and nothing of devices, voters or
    // notes. No account votes or receives video.
    void accountsActByRole()
    {
        const Principal secretary
            = Principal::forAccount(1, QStringLiteral("tk"), AccountRole::Secretary);
        const Principal observer
            = Principal::forAccount(2, QStringLiteral("bc"), AccountRole::Observer);
        const Principal adminAccount
            = Principal::forAccount(3, QStringLiteral("qt"), AccountRole::Admin);
        const QSet<Operation> accountsOnly {Operation::ListAccounts, Operation::CreateAccount,
            Operation::UpdateAccount, Operation::SetAccountPassword, Operation::ListRoutes};
        const QSet<Operation> sessionOnly {Operation::SessionRead, Operation::SessionLogout};
        const QSet<Operation> observerReads {Operation::Ping, Operation::Unsubscribe,
            Operation::ListMeetings, Operation::ReadMeeting, Operation::ReadEvents,
            Operation::Subscribe, Operation::ReadPoll, Operation::ReadResult,
            Operation::ListDocuments, Operation::ReadDocument, Operation::ListCouncils,
            Operation::ReadCouncil, Operation::ReadCouncilEvents, Operation::ListTasks,
            Operation::ReadTaskHistory, Operation::ReadBoard, Operation::ReadMinutes,
            Operation::ReadRecordings};
        for (const OperationRule &rule : operationRules()) {
            const Operation op = rule.operation;
            const bool anyone = rule.who & Who::Anyone;
            const bool admin = allows(Principal::admin(), op, 7);
            // In any meeting: accounts are bound to none.
            QCOMPARE(allows(secretary, op, 7),
                anyone || sessionOnly.contains(op) || (admin && !accountsOnly.contains(op)));
            QCOMPARE(allows(adminAccount, op, 7), anyone || sessionOnly.contains(op) || admin);
            QCOMPARE(allows(observer, op, 7),
                anyone || sessionOnly.contains(op) || observerReads.contains(op));
        }
        for (const Principal &account : {secretary, observer, adminAccount}) {
            for (Operation op : {Operation::BallotCast, Operation::MediaJoin,
                     Operation::MediaSignal, Operation::Annotations, Operation::ReadAsReader})
                QVERIFY(!allows(account, op, 1));
        }
        QVERIFY(!allows(observer, Operation::ReadDevices, 1));
        QVERIFY(!allows(observer, Operation::ReadVotingPending, 1));
        QVERIFY(!allows(Principal::admin(), Operation::SessionRead, 0)); // the token has no session
        QCOMPARE(
            authorizeAccess(observer, Operation::AgendaAdd, 1).error().code, ErrorCode::Forbidden);
        QCOMPARE(describe(observer), QStringLiteral("an observer's account"));
        QCOMPARE(secretary.id, QStringLiteral("account:tk"));
        for (AccountRole role : {AccountRole::Admin, AccountRole::Secretary, AccountRole::Observer,
                 AccountRole::Liaison})
            QCOMPARE(accountRoleFromName(accountRoleName(role)), role);
        QVERIFY(!accountRoleFromName(QStringLiteral("chair")));
    }

    void roleNamesRoundTrip()
    {
        for (DeviceRole role : {DeviceRole::Delegate, DeviceRole::Chair, DeviceRole::Tally,
                 DeviceRole::Bridge, DeviceRole::Board})
            QCOMPARE(roleFromName(roleName(role)), role);
        QVERIFY(!roleFromName(QStringLiteral("admin")));
    }

    // Councils: a device acts in its meeting's council only, a liaison in its own; the admin
    // token and the secretary's and observer's accounts in every council.
    void councilsAreScopedLikeMeetings()
    {
        Principal tally = Principal::forDevice(3, 1, DeviceRole::Tally, 0);
        tally.council = 5;
        Principal noCouncil = Principal::forDevice(4, 2, DeviceRole::Chair, 0); // council 0
        Principal liaison = Principal::forAccount(7, QStringLiteral("stc"), AccountRole::Liaison);
        liaison.council = 5;
        liaison.organisation = 2;
        const Principal secretary
            = Principal::forAccount(1, QStringLiteral("tk"), AccountRole::Secretary);
        const Principal observer
            = Principal::forAccount(2, QStringLiteral("bc"), AccountRole::Observer);
        QVERIFY(allows(tally, Operation::ReadBoard, 0, 5));
        QCOMPARE(
            authorizeAccess(tally, Operation::ReadBoard, 0, 6).error().code, ErrorCode::Forbidden);
        QVERIFY(!allows(noCouncil, Operation::ReadBoard, 0, 0)); // a meeting of no council
        QVERIFY(!allows(noCouncil, Operation::TaskCreate, 0, 5));
        QVERIFY(!allows(tally, Operation::TaskCreate, 0, 5)); // read-only
        for (Operation op : {Operation::TaskSetStatus, Operation::TaskNote, Operation::TaskAttach,
                 Operation::ListTasks, Operation::ReadTaskHistory, Operation::ReadCouncil}) {
            QVERIFY(allows(liaison, op, 0, 5));
            QVERIFY(!allows(liaison, op, 0, 6));
        }
        // A liaison reads its own tasks, not the board, meetings or the log.
        for (Operation op : {Operation::ReadBoard, Operation::TaskCreate, Operation::ReadMeeting,
                 Operation::ListMeetings, Operation::Subscribe, Operation::ReadDocument,
                 Operation::ReadCouncilEvents, Operation::MemberAdd, Operation::ConclusionAdd})
            QVERIFY(!allows(liaison, op, 1, 5));
        QVERIFY(!liaison.spansMeetings());
        QVERIFY(secretary.spansMeetings());
        for (qint64 council : {5, 6}) {
            QVERIFY(allows(secretary, Operation::TaskReassign, 0, council));
            QVERIFY(allows(observer, Operation::ReadBoard, 0, council));
            QVERIFY(!allows(observer, Operation::TaskNote, 0, council));
            QVERIFY(allows(Principal::admin(), Operation::CouncilUpdate, 0, council));
        }
        // The chair runs tasks but is no secretary of the roster; an owner's seat reports.
        Principal chair = Principal::forDevice(5, 1, DeviceRole::Chair, 0);
        chair.council = 5;
        QVERIFY(allows(chair, Operation::TaskCreate, 0, 5));
        QVERIFY(!allows(chair, Operation::MemberAdd, 0, 5));
        QVERIFY(!allows(chair, Operation::TaskAttach, 0, 5));
        Principal seat = Principal::forDevice(6, 1, DeviceRole::Delegate, 9);
        seat.council = 5;
        QVERIFY(allows(seat, Operation::TaskAttach, 0, 5));
        QVERIFY(!allows(seat, Operation::TaskReassign, 0, 5));
        // A board screen is a tally of the board: it reads, nothing more.
        Principal board = Principal::forDevice(8, 1, DeviceRole::Board, 0);
        board.council = 5;
        QVERIFY(allows(board, Operation::ReadBoard, 0, 5));
        QVERIFY(allows(board, Operation::Subscribe, 1));
        QVERIFY(!allows(board, Operation::NextSeatCode, 1));
        QVERIFY(!allows(board, Operation::MediaJoin, 1));
        QVERIFY(!allows(board, Operation::ScreenShow, 1));
        QCOMPARE(describe(board), QStringLiteral("a board screen"));
        QCOMPARE(describe(liaison), QStringLiteral("a liaison account"));
        // A council command over the WebSocket names its council.
        QVERIFY(authorizeCommand(seat,
            command(QStringLiteral("task.note"),
                {{QStringLiteral("council"), 5}, {QStringLiteral("task"), 1},
                    {QStringLiteral("text"), QStringLiteral("x")}})));
        QCOMPARE(authorizeCommand(seat,
                     command(QStringLiteral("task.note"),
                         {{QStringLiteral("council"), 6}, {QStringLiteral("task"), 1},
                             {QStringLiteral("text"), QStringLiteral("x")}}))
                     .error()
                     .code,
            ErrorCode::Forbidden);
    }
};

QTEST_GUILESS_MAIN(TestPermissions)
#include "test_permissions.moc"

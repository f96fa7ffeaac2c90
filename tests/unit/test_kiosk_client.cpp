// The kiosk's local pieces: the outbox on disk, the stored identity, and the list models'
// updates (in place when only data changes, so lists keep their scroll position).
#include "agendamodel.h"
#include "delegatemodel.h"
#include "deviceidentity.h"
#include "devicemodel.h"
#include "outbox.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace chamber;
using namespace chamber::kiosk;

namespace {

core::MeetingState sampleMeeting()
{
    core::MeetingState meeting;
    meeting.id = 1;
    meeting.agenda.insert(
        {1, core::kRoot, QStringLiteral("Khai mạc"), {}, QStringLiteral("section")}, 0);
    meeting.agenda.insert({2, 1, QStringLiteral("Chào cờ"), {}, QStringLiteral("item")}, 0);
    meeting.agenda.insert(
        {3, core::kRoot, QStringLiteral("Bế mạc"), {}, QStringLiteral("item")}, 1);
    for (auto [id, seat] : std::initializer_list<std::pair<qint64, const char *>> {
             {1, "A10"}, {2, "A2"}, {3, ""}, {4, "A1"}})
        meeting.roster.add(core::Delegate {id, QStringLiteral("Đại biểu %1").arg(id), {},
            QString::fromLatin1(seat), 1, false, {}});
    return meeting;
}

} // namespace

class TestKioskClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outboxPersistsUntilAnswered()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("outbox.json"));
        QString first;
        {
            Outbox outbox(path);
            QVERIFY(outbox.load());
            first = outbox.enqueue({{QStringLiteral("type"), QStringLiteral("attendance.checkIn")}})
                        .value();
            QVERIFY(first.startsWith(QStringLiteral("k-")));
            QVERIFY(outbox.enqueue({{QStringLiteral("type"), QStringLiteral("agenda.select")},
                {QStringLiteral("id"), QStringLiteral("mine")}}));
            // The same id twice is one entry: a double tap does not queue twice.
            QVERIFY(outbox.enqueue({{QStringLiteral("type"), QStringLiteral("agenda.select")},
                {QStringLiteral("id"), QStringLiteral("mine")}}));
            QCOMPARE(outbox.pending().size(), 2);
        }
        struct stat info = {};
        QCOMPARE(::stat(path.toLocal8Bit().constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
        Outbox reloaded(path);
        QVERIFY(reloaded.load());
        QCOMPARE(reloaded.pending().size(), 2);
        QCOMPARE(reloaded.pending().first().id, first);
        QCOMPARE(reloaded.pending().first().command.value(QLatin1String("id")).toString(), first);
        QVERIFY(reloaded.acknowledge(first));
        QVERIFY(reloaded.acknowledge(QStringLiteral("never-sent"))); // harmless
        Outbox again(path);
        QVERIFY(again.load());
        QCOMPARE(again.pending().size(), 1);
        QCOMPARE(again.pending().first().id, QStringLiteral("mine"));
    }

    void damagedOutboxIsReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("outbox.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not a list");
        file.close();
        Outbox outbox(path);
        QVERIFY(!outbox.load());
    }

    void identityRoundTripsAndRefusesIncompleteFiles()
    {
        QTemporaryDir dir;
        DeviceIdentity identity;
        identity.host = QStringLiteral("192.168.1.10");
        identity.port = 8443;
        identity.pin = QByteArray(32, 'p');
        identity.device = 7;
        identity.credential = QStringLiteral("d7.secret");
        identity.meeting = 1;
        identity.role = QStringLiteral("delegate");
        identity.delegate = 4;
        identity.label = QStringLiteral("A04 · Phạm Ngọc Ánh");
        const QString path = dir.filePath(QStringLiteral("device.json"));
        QVERIFY(identity.save(path));
        auto loaded = DeviceIdentity::load(path);
        QVERIFY(loaded);
        QCOMPARE(loaded->toJson(), identity.toJson());
        QCOMPARE(loaded->webSocketUrl().toString(), QStringLiteral("wss://192.168.1.10:8443/ws"));

        QJsonObject broken = identity.toJson();
        broken.insert(QStringLiteral("delegate"), 0); // a seat's tablet without its seat
        QVERIFY(!DeviceIdentity::fromJson(broken));
        broken = identity.toJson();
        broken.insert(QStringLiteral("role"), QStringLiteral("admin"));
        QVERIFY(!DeviceIdentity::fromJson(broken));
        QVERIFY(!DeviceIdentity::load(dir.filePath(QStringLiteral("missing.json"))));
    }

    void agendaModelUpdatesInPlace()
    {
        AgendaModel model(nullptr);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        core::MeetingState meeting = sampleMeeting();
        model.update(meeting);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(
            model.data(model.index(1), AgendaModel::NumberRole).toString(), QStringLiteral("1.1"));
        QCOMPARE(model.data(model.index(1), AgendaModel::DepthRole).toInt(), 1);

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        meeting.currentItem = 3;
        model.update(meeting);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(changes.size(), 1);
        QVERIFY(model.data(model.index(2), AgendaModel::CurrentRole).toBool());
        QCOMPARE(model.neighbour(3, -1), 2);
        QCOMPARE(model.neighbour(3, 1), 0);
        QCOMPARE(model.neighbour(0, 1), 1); // nothing current: next is the first

        meeting.agenda.move(3, core::kRoot, 0); // the order changed: a reset
        model.update(meeting);
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.data(model.index(0), AgendaModel::ItemIdRole).toInt(), 3);
    }

    void delegateModelSortsSeatsNaturally()
    {
        DelegateModel model(nullptr);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.update(sampleMeeting());
        QStringList seats;
        for (int row = 0; row < model.rowCount(); ++row)
            seats << model.data(model.index(row), DelegateModel::SeatRole).toString();
        QCOMPARE(seats,
            (QStringList {
                QStringLiteral("A1"), QStringLiteral("A2"), QStringLiteral("A10"), QString()}));
    }

    void deviceModelPutsOfflineFirst()
    {
        core::MeetingState meeting = sampleMeeting();
        meeting.devices[1]
            = core::DeviceInfo {1, QStringLiteral("chair"), 0, QStringLiteral("Bàn chủ tọa")};
        meeting.devices[2] = core::DeviceInfo {
            2, QStringLiteral("delegate"), 1, QStringLiteral("A10 · Đại biểu 1")};
        meeting.devices[3] = core::DeviceInfo {3, QStringLiteral("tally"), 0, {}, {}, {}, {}, true};
        DeviceModel model(nullptr);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.update(meeting,
            QJsonArray {
                QJsonObject {{QStringLiteral("device"), 1}, {QStringLiteral("online"), true}},
                QJsonObject {{QStringLiteral("device"), 2}, {QStringLiteral("online"), false}}});
        QCOMPARE(model.rowCount(), 2); // revoked devices are not listed
        QCOMPARE(model.onlineCount(), 1);
        QCOMPARE(model.data(model.index(0), DeviceModel::DeviceIdRole).toInt(), 2);
        QVERIFY(!model.data(model.index(0), DeviceModel::OnlineRole).toBool());
    }
};

QTEST_GUILESS_MAIN(TestKioskClient)
#include "test_kiosk_client.moc"

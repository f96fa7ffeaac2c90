// Join codes for many seats at once (EnrollmentService::createSeatCodes, for seat cards): one
// per delegate, each a working code of its own delegate, written in one transaction, so a
// batch with one bad delegate keeps none of its codes.
#include "services/demoseed.h"
#include "services/devices.h"
#include "services/enrollment.h"
#include "services/meetingservice.h"
#include "storage/eventstore.h"
#include "storage/sqlite.h"

#include <QTest>

using namespace chamber;
using namespace chamber::services;

class TestSeatCodes : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<storage::EventStore> m_store;
    std::unique_ptr<MeetingService> m_meetings;
    std::unique_ptr<DeviceRegistry> m_devices;
    std::unique_ptr<EnrollmentService> m_enrollment;
    qint64 m_meeting = 0;

    qint64 codesStored()
    {
        return m_store->database().queryInteger("SELECT count(*) FROM join_codes").value();
    }

private Q_SLOTS:
    void init()
    {
        m_enrollment.reset();
        m_devices.reset();
        m_meetings.reset();
        m_store = std::move(storage::EventStore::openInMemory().value());
        m_meetings = std::make_unique<MeetingService>(*m_store);
        m_devices = std::make_unique<DeviceRegistry>(*m_store);
        m_meetings->setProjection(
            [this](storage::Database &db, const std::vector<storage::PendingEvent> &events) {
                return m_devices->project(db, events);
            });
        m_enrollment = std::make_unique<EnrollmentService>(*m_store, *m_meetings, *m_devices);
        QVERIFY(m_meetings->load());
        auto seeded = seedDemoMeeting(*m_meetings);
        QVERIFY(seeded);
        m_meeting = seeded.value();
    }

    void oneWorkingCodePerSeat()
    {
        const std::vector<qint64> delegates {1, 2, 40};
        auto codes = m_enrollment->createSeatCodes(m_meeting, delegates, 3600);
        QVERIFY(codes);
        QCOMPARE(codes->size(), size_t(3));
        QCOMPARE(codesStored(), 3);
        for (size_t i = 0; i < delegates.size(); ++i) {
            const JoinCode &code = codes->at(i);
            QCOMPARE(code.role, DeviceRole::Delegate);
            QCOMPARE(code.delegate, delegates[i]);
            auto enrolled = m_enrollment->redeem(code.token, QStringLiteral("tablet"), {});
            QVERIFY(enrolled);
            QCOMPARE(enrolled->delegate, delegates[i]);
        }
    }

    void aBadDelegateKeepsNone()
    {
        auto codes = m_enrollment->createSeatCodes(m_meeting, {1, 2, 99999}, 3600);
        QVERIFY(!codes);
        QCOMPARE(codes.error().code, ErrorCode::NotFound);
        QCOMPARE(codesStored(), 0);
        QVERIFY(!m_enrollment->createSeatCodes(m_meeting, {1}, 0)); // lifetime out of range
        QCOMPARE(codesStored(), 0);
        // Nothing was left half-open: the next batch is written.
        QVERIFY(m_enrollment->createSeatCodes(m_meeting, {3}, 60));
        QCOMPARE(codesStored(), 1);
        QVERIFY(!m_enrollment->createSeatCodes(99, {1}, 60));
    }
};

QTEST_GUILESS_MAIN(TestSeatCodes)
#include "test_seatcodes.moc"

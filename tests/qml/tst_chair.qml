// The chair console against the real server: moving through the agenda, correcting
// attendance from the seat grid, and seeing the devices.
import QtQuick
import QtTest
import Chamber.Common
import Chamber.Chair
import Chamber.TestServer
import "helpers.js" as Helpers

Item {
    id: root
    width: 1600
    height: 900

    Component {
        id: screen
        ChairMain { anchors.fill: parent }
    }

    TestCase {
        name: "ChairMain"
        when: windowShown


        function initTestCase() {
            TestServer.joinAs("chair")
            tryCompare(Kiosk, "phase", "running", 10000)
            tryCompare(Kiosk, "connectionState", "online", 10000)
            tryVerify(() => Kiosk.hasMeeting, 10000)
        }

        function test_nextAndPreviousMoveTheServer() {
            const view = createTemporaryObject(screen, root)
            TestServer.selectItem(2)
            tryCompare(Kiosk, "currentItemId", 2, 5000)
            mouseClick(Helpers.findByName(view, "nextItem"))
            tryCompare(Kiosk, "currentItemId", 3, 5000)
            compare(TestServer.currentItem(), 3)
            mouseClick(Helpers.findByName(view, "previousItem"))
            tryCompare(Kiosk, "currentItemId", 2, 5000)
            compare(TestServer.currentItem(), 2)
        }

        function test_tapOnAnItemMakesItCurrent() {
            const view = createTemporaryObject(screen, root)
            const list = Helpers.findByName(view, "chairAgenda")
            list.positionViewAtIndex(Kiosk.agenda.rowOf(9), ListView.Center)
            wait(50)
            const row = Helpers.findByName(view, "agendaRow9")
            verify(row)
            mouseClick(row)
            tryCompare(Kiosk, "currentItemId", 9, 5000)
            compare(TestServer.currentItem(), 9)
        }

        function test_seatGridCorrectsAttendance() {
            const view = createTemporaryObject(screen, root)
            TestServer.setPresent(1, false)
            tryVerify(() => !TestServer.isPresent(1))
            // On a wide console attendance shares a column with speakers and devices.
            Helpers.findByName(view, "sideTabs").currentIndex = 1
            const seat = Helpers.findByName(view, "seat_A01")
            verify(seat)
            tryVerify(() => seat.visible && seat.width > 0, 5000)
            waitForRendering(view)
            const before = Kiosk.quorumPresent
            mouseClick(seat)
            tryVerify(() => TestServer.isPresent(1), 5000)
            tryCompare(Kiosk, "quorumPresent", before + 1, 5000)
        }

        function test_sessionButtonOpensTheSession() {
            const view = createTemporaryObject(screen, root)
            const button = Helpers.findByName(view, "sessionButton")
            if (Kiosk.meetingStatus === "in_session") {
                mouseClick(button)
                tryCompare(Kiosk, "meetingStatus", "ended", 5000)
            }
            mouseClick(button)
            tryCompare(Kiosk, "meetingStatus", "in_session", 5000)
            compare(TestServer.meeting().status, "in_session")
        }

        function test_devicesShowThisConsoleOnline() {
            const view = createTemporaryObject(screen, root)
            const list = Helpers.findByName(view, "deviceList")
            tryVerify(() => Kiosk.devices.onlineCount >= 1, 5000)
            compare(Kiosk.devices.onlineCount, TestServer.devicesOnline())
            verify(list.count >= 1)
        }
    }
}

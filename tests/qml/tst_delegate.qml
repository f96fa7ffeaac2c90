// A seat's tablet against the real server: it shows the meeting and its delegate, checking in
// reaches the server, and what the secretary changes shows up.
import QtQuick
import QtTest
import Chamber.Common
import Chamber.Delegate
import Chamber.TestServer
import "helpers.js" as Helpers

Item {
    id: root
    width: 1280
    height: 800

    Component {
        id: screen
        DelegateMain { anchors.fill: parent }
    }

    TestCase {
        name: "DelegateMain"
        when: windowShown


        function initTestCase() {
            TestServer.setPresent(3, false)
            TestServer.joinAs("delegate", 3)
            tryCompare(Kiosk, "phase", "running", 10000)
            tryCompare(Kiosk, "connectionState", "online", 10000)
            tryVerify(() => Kiosk.hasMeeting, 10000)
        }

        function test_showsMeetingAndDelegate() {
            const view = createTemporaryObject(screen, root)
            verify(view)
            tryCompare(Helpers.findByName(view, "meetingTitle"), "text", TestServer.meeting().title)
            compare(Helpers.findByName(view, "ownName").text, "Lê Hoàng Phúc")
            compare(Kiosk.ownSeat, "A03")
            const agenda = Helpers.findByName(view, "agendaList")
            compare(agenda.count, TestServer.meeting().agenda.length)
        }

        function test_checkInReachesTheServer() {
            const view = createTemporaryObject(screen, root)
            const button = Helpers.findByName(view, "attendanceButton")
            verify(!Kiosk.ownPresent)
            mouseClick(button)
            tryVerify(() => Kiosk.ownPresent, 5000)
            verify(TestServer.isPresent(3))
            tryCompare(Helpers.findByName(view, "ownPresence"), "text", qsTr("You are marked present"))
            // And out again.
            mouseClick(button)
            tryVerify(() => !Kiosk.ownPresent, 5000)
            verify(!TestServer.isPresent(3))
        }

        function test_followsTheCurrentItem() {
            const view = createTemporaryObject(screen, root)
            TestServer.selectItem(6)
            tryCompare(Kiosk, "currentItemId", 6, 5000)
            const title = Helpers.findByName(view, "currentItemTitle")
            verify(title.text.indexOf("Báo cáo dự toán ngân sách nhà nước năm 2027") >= 0, title.text)
            verify(Helpers.findByName(view, "agendaRow6").current)
            verify(!Helpers.findByName(view, "agendaRow5").current)
        }
    }
}

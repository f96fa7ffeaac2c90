// The tally screen against the real server: the code for the next free seat, attendance, the
// current item and the clock.
import QtQuick
import QtTest
import Chamber.Common
import Chamber.Tally
import Chamber.TestServer
import "helpers.js" as Helpers

Item {
    id: root
    width: 1920
    height: 1080

    Component {
        id: screen
        TallyMain { anchors.fill: parent }
    }

    TestCase {
        name: "TallyMain"
        when: windowShown


        function initTestCase() {
            // The join code gives way to a vote or a speech: none of either here.
            TestServer.closeOpenPolls()
            TestServer.clearSpeakers()
            TestServer.joinAs("tally")
            tryCompare(Kiosk, "phase", "running", 10000)
            tryCompare(Kiosk, "connectionState", "online", 10000)
        }

        function test_showsTheNextFreeSeatCode() {
            const view = createTemporaryObject(screen, root)
            tryVerify(() => Kiosk.seatCodeUrl !== "", 5000)
            verify(Kiosk.seatCodeUrl.indexOf("/join#v=1&t=") > 0)
            verify(Helpers.findByName(view, "seatCode").visible)
            // Seats whose tablets joined in the other tests are skipped; the label names a seat.
            verify(/^[A-E]\d\d · /.test(Helpers.findByName(view, "seatCodeLabel").text), Helpers.findByName(view, "seatCodeLabel").text)
        }

        function test_attendanceAndCurrentItem() {
            const view = createTemporaryObject(screen, root)
            TestServer.setPresent(20, true)
            tryCompare(Helpers.findByName(view, "quorumCount"), "text",
                       qsTr("%1 / %2").arg(TestServer.meeting().quorum.present).arg(TestServer.meeting().quorum.total), 5000)
            TestServer.selectItem(17)
            tryVerify(() => Helpers.findByName(view, "currentItemTitle").text.indexOf("Bế mạc kỳ họp") >= 0, 5000)
        }

        function test_clockShowsTheTime() {
            const view = createTemporaryObject(screen, root)
            const clock = Helpers.findByName(view, "clock")
            verify(/^\d\d:\d\d$/.test(clock.text), clock.text)
        }
    }
}

// The tally screen against the real server: the code for the next free seat, attendance, the
// current item and the clock.
import QtQuick
import QtTest
import Chamber.Common
import Chamber.Tally
import Chamber.TestServer

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

        function findByName(item, name) {
            if (item.objectName === name)
                return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = findByName(item.children[i], name)
                if (found)
                    return found
            }
            return null
        }

        function initTestCase() {
            TestServer.joinAs("tally")
            tryCompare(Kiosk, "phase", "running", 10000)
            tryCompare(Kiosk, "connectionState", "online", 10000)
        }

        function test_showsTheNextFreeSeatCode() {
            const view = createTemporaryObject(screen, root)
            tryVerify(() => Kiosk.seatCodeUrl !== "", 5000)
            verify(Kiosk.seatCodeUrl.indexOf("/join#v=1&t=") > 0)
            verify(findByName(view, "seatCode").visible)
            // Seats whose tablets joined in the other tests are skipped; the label names a seat.
            verify(/^[A-E]\d\d · /.test(findByName(view, "seatCodeLabel").text), findByName(view, "seatCodeLabel").text)
        }

        function test_attendanceAndCurrentItem() {
            const view = createTemporaryObject(screen, root)
            TestServer.setPresent(20, true)
            tryCompare(findByName(view, "quorumCount"), "text",
                       qsTr("%1 / %2").arg(TestServer.meeting().quorum.present).arg(TestServer.meeting().quorum.total), 5000)
            TestServer.selectItem(17)
            tryVerify(() => findByName(view, "currentItemTitle").text.indexOf("Bế mạc kỳ họp") >= 0, 5000)
        }

        function test_clockShowsTheTime() {
            const view = createTemporaryObject(screen, root)
            const clock = findByName(view, "clock")
            verify(/^\d\d:\d\d$/.test(clock.text), clock.text)
        }
    }
}

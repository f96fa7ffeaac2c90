// The join page: a code that is not ours is refused with a message; a real code joins.
import QtQuick
import QtTest
import Chamber.Common
import Chamber.App
import Chamber.TestServer
import "helpers.js" as Helpers

Item {
    id: root
    width: 1280
    height: 800

    Component {
        id: screen
        JoinPage { anchors.fill: parent }
    }

    TestCase {
        name: "JoinPage"
        when: windowShown


        function test_foreignCodeIsRefusedThenARealOneJoins() {
            TestServer.resetDevice()
            const view = createTemporaryObject(screen, root)
            Kiosk.joinWith("WIFI:S:HoiTruong;T:WPA;P:secret;;")
            compare(Kiosk.phase, "join")
            const problem = Helpers.findByName(view, "joinProblem")
            tryVerify(() => problem.visible)
            verify(Kiosk.joinProblem.length > 0)

            TestServer.joinAs("bridge")
            tryCompare(Kiosk, "phase", "running", 10000)
            compare(Kiosk.role, "bridge")
        }

        function test_replayedCodeIsRefused() {
            const view = createTemporaryObject(screen, root)
            const link = TestServer.joinLink("tally")
            TestServer.resetDevice()
            Kiosk.joinWith(link)
            tryCompare(Kiosk, "phase", "running", 10000)
            // The same code on another device: refused, and the page says why.
            TestServer.resetDevice()
            compare(Kiosk.phase, "join")
            Kiosk.joinWith(link)
            tryCompare(Kiosk, "phase", "join", 10000)
            tryVerify(() => Kiosk.joinProblem.indexOf("already used") >= 0, 10000)
            verify(Helpers.findByName(view, "joinProblem").visible)
        }
    }
}

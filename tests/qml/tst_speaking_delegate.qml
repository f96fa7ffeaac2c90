// Asking for the floor from a seat's tablet, against the real server: the request reaches the
// list with the tablet's place in it, and when the chair gives the floor the tablet counts the
// time down.
import QtQuick
import QtTest
import Chamber.Common
import Chamber.Delegate
import Chamber.TestServer
import "helpers.js" as Helpers

Item {
    id: root
    width: 800
    height: 1280

    readonly property int seat: 6 // A06

    Component {
        id: screen
        DelegateMain { anchors.fill: parent }
    }

    TestCase {
        name: "SpeakingFromTheTablet"
        when: windowShown

        function initTestCase() {
            TestServer.closeOpenPolls()
            TestServer.clearSpeakers()
            TestServer.setPresent(root.seat, true)
            TestServer.joinAs("delegate", root.seat)
            tryCompare(Kiosk, "connectionState", "online", 10000)
            tryVerify(() => Kiosk.hasMeeting, 10000)
        }

        function tap(view, name) {
            let control = null
            tryVerify(() => {
                control = Helpers.findByName(view, name)
                return control && control.visible && control.enabled && control.width > 0
            }, 5000, name)
            waitForRendering(view)
            mouseClick(control)
        }

        function test_requestGrantAndCountdown() {
            verify(TestServer.requestToSpeak(15))
            const view = createTemporaryObject(screen, root)
            tryCompare(Kiosk.speaking, "queueLength", 1, 5000)
            const button = Helpers.findByName(view, "speakButton")
            compare(button.text, qsTr("Ask to speak"))
            tap(view, "speakButton")
            tryCompare(Kiosk.speaking, "ownPosition", 2, 5000)
            compare(TestServer.speakers().queue[1].delegate, root.seat)
            compare(Helpers.findByName(view, "queuePosition").text, qsTr("You are number %1 on the speaker list").arg(2))
            compare(button.text, qsTr("Withdraw my request"))

            // The chair calls this seat: the tablet shows the time left.
            verify(TestServer.grantFloor(root.seat, 120))
            tryCompare(Kiosk.speaking, "ownHasFloor", true, 5000)
            const countdown = Helpers.findByName(view, "ownCountdown")
            tryVerify(() => countdown.visible && /^0[12]:\d\d$/.test(countdown.text), 3000, countdown.text)
            verify(Kiosk.speaking.remainingSeconds <= 120 && Kiosk.speaking.remainingSeconds >= 115,
                   Kiosk.speaking.remainingSeconds)
            const before = Kiosk.speaking.remainingSeconds
            tryVerify(() => Kiosk.speaking.remainingSeconds < before, 2500)
            verify(!Helpers.findByName(view, "speakButton").visible)
            verify(TestServer.endSpeech())
            tryCompare(Kiosk.speaking, "ownHasFloor", false, 5000)
            compare(Kiosk.speaking.ownPosition, 0)
        }

        function test_withdrawLeavesTheList() {
            const view = createTemporaryObject(screen, root)
            tap(view, "speakButton")
            tryVerify(() => Kiosk.speaking.ownPosition > 0, 5000)
            tap(view, "speakButton")
            tryCompare(Kiosk.speaking, "ownPosition", 0, 5000)
            verify(!TestServer.speakers().queue.some(entry => entry.delegate === root.seat))
        }

        function cleanupTestCase() {
            TestServer.clearSpeakers()
        }
    }
}

// A bridge point against the real server: agenda and current item follow the chamber, and so
// do the vote (progress, then the result) and who has the floor.
import QtQuick
import QtTest
import Chamber.Common
import Chamber.Bridge
import Chamber.TestServer
import "helpers.js" as Helpers

Item {
    id: root
    width: 1280
    height: 800

    Component {
        id: screen
        BridgeMain { anchors.fill: parent }
    }

    TestCase {
        name: "BridgeMain"
        when: windowShown


        function initTestCase() {
            TestServer.joinAs("bridge")
            tryCompare(Kiosk, "phase", "running", 10000)
            tryCompare(Kiosk, "connectionState", "online", 10000)
            tryVerify(() => Kiosk.hasMeeting, 10000)
        }

        function test_agendaAndCurrentItem() {
            const view = createTemporaryObject(screen, root)
            compare(Helpers.findByName(view, "agendaList").count, TestServer.meeting().agenda.length)
            TestServer.selectItem(15)
            tryCompare(Kiosk, "currentItemId", 15, 5000)
            verify(Helpers.findByName(view, "currentItemTitle").text.indexOf("Nghị quyết về dự toán") >= 0)
        }

        function test_voteAndSpeakerFollowTheChamber() {
            TestServer.closeOpenPolls()
            TestServer.clearSpeakers()
            TestServer.setPresent(1, true)
            const view = createTemporaryObject(screen, root)
            const poll = TestServer.createPoll("Biểu quyết tại điểm cầu", [], false, false)
            verify(TestServer.pollStep(poll, "open"))
            tryCompare(Kiosk.voting, "pollId", poll, 5000)
            tryCompare(Kiosk.voting, "pollState", "open", 5000)
            const card = Helpers.findByName(view, "bridgeVote")
            tryCompare(card, "visible", true, 5000)
            compare(Helpers.findByName(view, "bridgePollTitle").text, "Biểu quyết tại điểm cầu")
            verify(TestServer.castAs(1, poll, "yes"))
            tryCompare(Kiosk.voting.progress, "cast", 1, 5000)
            verify(!Helpers.findByName(view, "bridgeResult").visible)
            verify(TestServer.pollStep(poll, "close"))
            tryCompare(Helpers.findByName(view, "bridgeResult"), "visible", true, 5000)

            verify(TestServer.grantFloor(1, 300))
            tryCompare(Helpers.findByName(view, "speakerCard"), "visible", true, 5000)
            compare(Helpers.findByName(view, "speakerName").text, "Nguyễn Văn Danh")
            verify(TestServer.endSpeech())
        }

        function test_bridgeMayNotChangeAttendance() {
            // The role limits hold in the UI's actions too: the server refuses, nothing changes.
            const before = TestServer.isPresent(30)
            Kiosk.setAttendance(30, !before)
            tryCompare(Kiosk, "pendingCommands", 0, 5000)
            compare(TestServer.isPresent(30), before)
        }
    }
}

// The tally screen during a vote, against the real server: while open only how many have voted
// (never how), then the result with the verdict, and for a named vote every seat in the colour
// of its choice; the speaker with the time left.
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
        name: "TallyVoting"
        when: windowShown

        function initTestCase() {
            TestServer.closeOpenPolls()
            TestServer.clearSpeakers()
            for (const delegate of [1, 2, 4, 9])
                TestServer.setPresent(delegate, true)
            TestServer.joinAs("tally")
            tryCompare(Kiosk, "connectionState", "online", 10000)
            tryVerify(() => Kiosk.hasMeeting, 10000)
        }

        function init() {
            TestServer.closeOpenPolls()
            TestServer.clearSpeakers()
        }

        function test_progressWhileOpenThenTheResult() {
            const view = createTemporaryObject(screen, root)
            const poll = TestServer.createPoll("Thông qua tờ trình thử nghiệm", [], false, false)
            verify(TestServer.pollStep(poll, "open"))
            // The screen may still show the poll an earlier test closed: wait for this one.
            tryCompare(Kiosk.voting, "pollId", poll, 5000)
            tryCompare(Kiosk.voting, "pollState", "open", 5000)
            const vote = Helpers.findByName(view, "tallyVote")
            tryCompare(vote, "visible", true, 5000)
            compare(Helpers.findByName(view, "tallyPollTitle").text, "Thông qua tờ trình thử nghiệm")

            verify(TestServer.castAs(1, poll, "yes"))
            verify(TestServer.castAs(2, poll, "no"))
            tryCompare(Kiosk.voting.progress, "cast", 2, 5000)
            const server = TestServer.poll(poll).progress
            compare(Kiosk.voting.progress.eligible, server.eligible)
            compare(Helpers.findByName(view, "voteProgressCount").text, qsTr("%1 / %2").arg(2).arg(server.eligible))
            // Counts only while open: no choice, no names on the projector.
            compare(Kiosk.voting.result.bars.length, 0)
            verify(!Kiosk.voting.progress.hasPendingList)
            verify(!Helpers.findByName(view, "tallyResult").visible)

            verify(TestServer.pollStep(poll, "close"))
            tryCompare(Kiosk.voting, "pollState", "closed", 5000)
            const verdict = Helpers.findByName(view, "verdictText")
            tryCompare(verdict, "visible", true, 5000)
            const outcome = TestServer.poll(poll).closing.outcome
            compare(Kiosk.voting.result.verdict, outcome.verdict)
            verify(verdict.text.length > 0)
            compare(Helpers.findByName(view, "resultCount_yes").text.split(" ")[0], "1")
            compare(Helpers.findByName(view, "resultCount_no").text.split(" ")[0], "1")
            // The named vote as the room: A01 voted yes, A02 no, A04 did not vote.
            verify(Helpers.findByName(view, "tallySeats").visible)
            const a01 = Helpers.findByName(view, "seatVote_A01")
            const a02 = Helpers.findByName(view, "seatVote_A02")
            const a04 = Helpers.findByName(view, "seatVote_A04")
            compare(a01.modelData.choice, "yes")
            compare(a02.modelData.choice, "no")
            compare(a04.modelData.choice, "")
            verify(!Qt.colorEqual(a01.color, a02.color))
            verify(Qt.colorEqual(a04.color, "transparent"))
        }

        function test_secretResultShowsNoSeats() {
            const view = createTemporaryObject(screen, root)
            const poll = TestServer.createPoll("Bỏ phiếu kín thử nghiệm", ["Nguyễn Văn Danh", "Trần Thị Thu Hà"], true, false, "simple-majority")
            verify(TestServer.pollStep(poll, "open"))
            tryCompare(Kiosk.voting, "pollId", poll, 5000)
            tryCompare(Kiosk.voting, "pollState", "open", 5000)
            verify(TestServer.castAs(4, poll, "Trần Thị Thu Hà"))
            tryCompare(Kiosk.voting.progress, "cast", 1, 5000)
            verify(TestServer.pollStep(poll, "close"))
            tryCompare(Kiosk.voting, "pollState", "closed", 5000)
            tryCompare(Helpers.findByName(view, "verdictText"), "visible", true, 5000)
            compare(Kiosk.voting.result.verdict, "elected")
            compare(Kiosk.voting.result.verdictLabel, qsTr("Elected: %1").arg("Trần Thị Thu Hà"))
            verify(!Helpers.findByName(view, "tallySeats").visible)
            compare(Kiosk.voting.result.seatVotes.length, 0)
        }

        function test_speakerWithTheTimeLeftTurnsRedWhenOver() {
            const view = createTemporaryObject(screen, root)
            verify(TestServer.grantFloor(9, 1))
            const card = Helpers.findByName(view, "speakerCard")
            tryCompare(card, "visible", true, 5000)
            compare(Helpers.findByName(view, "speakerName").text, "Đỗ Thị Mỹ Linh")
            // One second of speaking time: soon over, and the clock says so.
            tryCompare(Kiosk.speaking, "overrun", true, 4000)
            const clock = Helpers.findByName(view, "speakerClock")
            verify(/^\+\d\d:\d\d$/.test(clock.text), clock.text)
            verify(Qt.colorEqual(clock.color, "#ff6b61"))
            verify(TestServer.endSpeech())
            tryCompare(card, "visible", false, 5000)
        }
    }
}

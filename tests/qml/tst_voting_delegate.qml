// Voting on a seat's tablet against the real server: a ballot is recorded with a receipt the
// published result lists, a change goes through when the poll allows it and is refused (and
// explained) when it does not, and a proxy holder votes on a second panel for the giver.
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

    readonly property int seat: 5      // A05, Võ Minh Trí: this tablet
    readonly property int giver: 12    // B04, who gives this tablet a proxy

    Component {
        id: screen
        DelegateMain { anchors.fill: parent }
    }

    TestCase {
        name: "VotingOnTheTablet"
        when: windowShown

        function initTestCase() {
            TestServer.closeOpenPolls()
            TestServer.setPresent(root.seat, true)
            TestServer.joinAs("delegate", root.seat)
            tryCompare(Kiosk, "connectionState", "online", 10000)
            tryVerify(() => Kiosk.hasMeeting && Kiosk.ownPresent, 10000)
        }

        function init() {
            TestServer.closeOpenPolls()
        }

        // Opens a new poll and waits until the tablet shows it.
        function openPoll(secret, allowChange) {
            const poll = TestServer.createPoll("Biểu quyết thử " + Date.now(), [], secret, allowChange)
            verify(poll > 0)
            verify(TestServer.pollStep(poll, "open"))
            tryCompare(Kiosk.voting, "pollId", poll, 5000)
            tryCompare(Kiosk.voting, "pollState", "open", 5000)
            return poll
        }

        // Clicks a control once it is laid out and can take the click.
        function tap(view, name) {
            let control = null
            tryVerify(() => {
                control = Helpers.findByName(view, name)
                return control && control.visible && control.enabled && control.width > 0
            }, 5000, name)
            waitForRendering(view)
            mouseClick(control)
        }

        function closePoll(poll) {
            verify(TestServer.pollStep(poll, "close"))
            tryCompare(Kiosk.voting, "pollState", "closed", 5000)
        }

        function test_ballotIsRecordedWithTheReceiptThePublishedResultLists() {
            const view = createTemporaryObject(screen, root)
            const poll = openPoll(true, false)
            tryVerify(() => Helpers.findByName(view, "votingPanel").visible, 5000)
            tap(view, "ownChoice_yes")
            const status = Helpers.findByName(view, "ownBallotStatus")
            tryCompare(status, "text", qsTr("Recorded"), 5000)
            const receipt = Helpers.findByName(view, "ownReceipt").text
            verify(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/.test(receipt), receipt)
            compare(Kiosk.voting.ownBallot.receipt, receipt)
            // A change is not allowed here: the choices are locked once recorded.
            verify(!Helpers.findByName(view, "ownChoice_no").enabled)

            closePoll(poll)
            verify(TestServer.pollStep(poll, "publish"))
            tryCompare(Kiosk.voting, "pollState", "published", 5000)
            const published = TestServer.pollResult(poll)
            verify(published.document.receipts.indexOf(receipt) >= 0, JSON.stringify(published.document.receipts))
            verify(published.signature.length > 0)
            tryVerify(() => Kiosk.voting.ownBallot.counted, 5000)
            compare(status.text, qsTr("Voting has closed · the ballot was counted"))
            compare(Helpers.findByName(view, "ownReceipt").text, receipt)
            verify(Helpers.findByName(view, "delegateResult").visible)
            compare(Helpers.findByName(view, "verdictText").text, Kiosk.voting.result.verdictLabel)
            verify(Kiosk.voting.result.verdict !== "")
        }

        function test_changedVoteReplacesTheFirstWhenAllowed() {
            const view = createTemporaryObject(screen, root)
            const poll = openPoll(false, true)
            tap(view, "ownChoice_yes")
            tryCompare(Kiosk.voting.ownBallot, "status", BallotStatus.Recorded, 5000)
            const receipt = Kiosk.voting.ownBallot.receipt
            const no = Helpers.findByName(view, "ownChoice_no")
            tap(view, "ownChoice_no")
            tryVerify(() => Kiosk.voting.ownBallot.status === BallotStatus.Recorded && Kiosk.voting.ownBallot.choice === "no", 5000)
            // The same key: the same ballot, the same receipt.
            compare(Kiosk.voting.ownBallot.receipt, receipt)
            verify(no.selected)
            verify(!Helpers.findByName(view, "ownChoice_yes").selected)
            closePoll(poll)
            const ballots = TestServer.poll(poll).closing.ballots.filter(b => b.delegate === root.seat)
            compare(ballots.length, 1)
            compare(ballots[0].choice, "no")
        }

        function test_changeRefusedWhenThePollDoesNotAllowIt() {
            const view = createTemporaryObject(screen, root)
            const poll = openPoll(false, false)
            tap(view, "ownChoice_yes")
            tryCompare(Kiosk.voting.ownBallot, "status", BallotStatus.Recorded, 5000)
            verify(!Helpers.findByName(view, "ownChoice_no").enabled)
            // Sent anyway (a second tablet of the same seat, a stale screen): the server refuses
            // and the tablet says why, in the user's language, keeping the first ballot.
            Kiosk.voting.castBallot("no", 0)
            tryCompare(Kiosk.voting.ownBallot, "status", BallotStatus.Refused, 5000)
            const refusal = Helpers.findByName(view, "ownRefusal")
            verify(refusal.visible)
            compare(refusal.text, qsTr("This vote does not allow changing a ballot; the first ballot stands."))
            compare(Helpers.findByName(view, "ownBallotStatus").text, qsTr("Recorded; the change was refused"))
            verify(Kiosk.voting.ownBallot.recorded)
            closePoll(poll)
            const ballots = TestServer.poll(poll).closing.ballots.filter(b => b.delegate === root.seat)
            compare(ballots[0].choice, "yes")
        }

        function test_delegateNotPresentCannotVote() {
            const view = createTemporaryObject(screen, root)
            TestServer.setPresent(root.seat, false)
            tryVerify(() => !Kiosk.ownPresent, 5000)
            const poll = openPoll(false, false)
            tryCompare(Helpers.findByName(view, "ownBlockedReason"), "visible", true, 5000)
            compare(Helpers.findByName(view, "ownBlockedReason").text, qsTr("Check in to vote."))
            verify(!Helpers.findByName(view, "ownChoice_yes").enabled)
            TestServer.setPresent(root.seat, true)
            tryVerify(() => Helpers.findByName(view, "ownChoice_yes").enabled, 5000)
            closePoll(poll)
        }

        function test_proxyHolderVotesForTheGiverOnASecondPanel() {
            verify(TestServer.setAllowProxies(true))
            verify(TestServer.giveProxy(root.giver, root.seat))
            const view = createTemporaryObject(screen, root)
            const poll = openPoll(false, false)
            const panel = Helpers.findByName(view, "proxyBallotCard")
            tryCompare(panel, "visible", true, 5000)
            compare(Kiosk.voting.proxyBallot.delegateId, root.giver)
            compare(Kiosk.voting.proxyBallot.name, "Lý Văn Sang")
            verify(Helpers.findByName(view, "ownBallotCard").visible)

            tap(view, "proxyChoice_no")
            tryCompare(Kiosk.voting.proxyBallot, "status", BallotStatus.Recorded, 5000)
            compare(Kiosk.voting.ownBallot.status, BallotStatus.None)  // the own ballot is separate
            tap(view, "ownChoice_yes")
            tryCompare(Kiosk.voting.ownBallot, "status", BallotStatus.Recorded, 5000)
            verify(Kiosk.voting.ownBallot.receipt !== Kiosk.voting.proxyBallot.receipt)

            closePoll(poll)
            const ballots = TestServer.poll(poll).closing.ballots
            const forGiver = ballots.filter(b => b.delegate === root.giver)
            compare(forGiver.length, 1)
            compare(forGiver[0].choice, "no")
            compare(forGiver[0].proxyHolder, root.seat)
            compare(ballots.filter(b => b.delegate === root.seat)[0].choice, "yes")
            tryVerify(() => Kiosk.voting.proxyBallot.counted, 5000)
        }

        function cleanup() {
            TestServer.closeOpenPolls()
            TestServer.revokeProxy(root.giver)
        }
    }
}

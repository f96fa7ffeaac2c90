// The chair console's votes and speaker list against the real server: a vote is created from
// the dialog, opened, watched (ballots in, names of who has not voted), closed and published;
// the floor goes to the first on the list and the speech ends; the list is reordered; a remote
// site on the list is handled like a delegate.
import QtQuick
import QtQuick.Controls
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
        name: "ChairVotingAndSpeakers"
        when: windowShown

        function initTestCase() {
            TestServer.closeOpenPolls()
            TestServer.clearSpeakers()
            TestServer.joinAs("chair")
            tryCompare(Kiosk, "connectionState", "online", 10000)
            tryVerify(() => Kiosk.hasMeeting, 10000)
        }

        function init() {
            TestServer.closeOpenPolls()
            TestServer.clearSpeakers()
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

        function test_createOpenWatchCloseAndPublish() {
            for (const delegate of [1, 2, 4])
                TestServer.setPresent(delegate, true)
            TestServer.selectItem(14)
            tryCompare(Kiosk, "currentItemId", 14, 5000)
            const view = createTemporaryObject(screen, root)
            const pollsBefore = TestServer.meeting().polls.length

            tap(view, "createPollButton")
            const dialog = findChild(view, "createPollDialog")
            tryCompare(dialog, "opened", true, 5000)
            // The title starts as the item under discussion.
            compare(Kiosk.currentItemTitle.length > 0, true)
            let field = null
            tryVerify(() => { field = findChild(dialog.contentItem, "pollTitleField"); return field !== null }, 2000)
            compare(field.text, Kiosk.currentItemTitle)
            field.text = "Thông qua nghị quyết thử nghiệm"
            findChild(dialog.contentItem, "rulePreset").currentIndex = 1   // at least two thirds
            mouseClick(findChild(dialog.footer, "createPollConfirm"))

            tryVerify(() => TestServer.meeting().polls.length === pollsBefore + 1, 5000)
            const created = TestServer.meeting().polls[pollsBefore]
            compare(created.title, "Thông qua nghị quyết thử nghiệm")
            compare(created.item, 14)
            compare(created.rule.preset, "two-thirds-of-members")
            compare(created.state, "draft")
            // The console turns to the new vote.
            tryCompare(Kiosk.voting, "pollId", created.id, 5000)
            compare(Helpers.findByName(view, "chairPollTitle").text, created.title)

            tap(view, "openPollButton")
            tryVerify(() => TestServer.poll(created.id).state === "open", 5000)
            const progress = Kiosk.voting.progress
            tryVerify(() => progress.known && progress.hasPendingList, 5000)
            const eligible = progress.eligible
            verify(eligible >= 3)
            compare(progress.cast, 0)
            compare(progress.pending.length, eligible)
            verify(progress.pending.some(p => p.delegateId === 1))

            // Another tablet votes: the count moves and its name leaves the list.
            verify(TestServer.castAs(1, created.id, "yes"))
            tryCompare(progress, "cast", 1, 5000)
            tryVerify(() => !progress.pending.some(p => p.delegateId === 1), 5000)
            compare(Helpers.findByName(view, "voteProgressCount").text, qsTr("%1 / %2").arg(1).arg(eligible))
            verify(Helpers.findByName(view, "pending_2"))
            verify(!Helpers.findByName(view, "pending_1"))

            tap(view, "closePollButton")
            const confirm = findChild(view, "closeConfirm")
            tryCompare(confirm, "opened", true, 5000)
            compare(TestServer.poll(created.id).state, "open")  // nothing happens before confirming
            mouseClick(findChild(confirm.footer, "closeConfirmButton"))
            tryCompare(Kiosk.voting, "pollState", "closed", 5000)
            tryVerify(() => Helpers.findByName(view, "chairResult").visible, 5000)
            compare(Kiosk.voting.result.bars[0].choice, "yes")
            compare(Kiosk.voting.result.bars[0].count, 1)
            compare(Kiosk.voting.ruleLabel, Kiosk.voting.rulePresets[1].label)

            tap(view, "publishPollButton")
            tryCompare(Kiosk.voting, "pollState", "published", 5000)
            verify(TestServer.pollResult(created.id).signature.length > 0)
        }

        function test_floorGoesToTheFirstOnTheListAndEnds() {
            verify(TestServer.requestToSpeak(8))
            verify(TestServer.requestToSpeak(9))
            const view = createTemporaryObject(screen, root)
            tryCompare(Kiosk.speaking, "queueLength", 2, 5000)
            verify(Helpers.findByName(view, "speakerPanel").visible)

            tap(view, "grantNextButton")
            tryCompare(Kiosk.speaking, "speakerId", 8, 5000)
            compare(TestServer.speakers().current, 8)
            compare(Kiosk.speaking.queueLength, 1)
            const clock = Helpers.findByName(view, "speakerClock")
            verify(clock.visible)
            verify(/^\d\d:\d\d$/.test(clock.text), clock.text)

            tap(view, "endSpeechButton")
            tryCompare(Kiosk.speaking, "floorTaken", false, 5000)
            verify(TestServer.speakers().current === null || TestServer.speakers().current === undefined)
        }

        function test_listIsReordered() {
            verify(TestServer.requestToSpeak(10))
            verify(TestServer.requestToSpeak(11))
            const view = createTemporaryObject(screen, root)
            tryCompare(Kiosk.speaking, "queueLength", 2, 5000)
            compare(Kiosk.speaking.queue[0].delegateId, 10)
            tap(view, "moveDown10")
            tryVerify(() => Kiosk.speaking.queue[0].delegateId === 11, 5000)
            compare(TestServer.speakers().queue[0].delegate, 11)
            tap(view, "grant10")
            tryCompare(Kiosk.speaking, "speakerId", 10, 5000)
        }

        // A remote site on the list: marked as a site, moved, given the floor (the card shows
        // its label and mark), taken off the list, like a delegate.
        function test_sitesAreOnTheListLikeDelegates() {
            const label = "Điểm cầu huyện Mộc Châu"
            const site = TestServer.joinSite(label)
            verify(site > 0)
            verify(TestServer.requestToSpeak(12))
            verify(TestServer.siteRequestsToSpeak(site))
            const view = createTemporaryObject(screen, root)
            tryCompare(Kiosk.speaking, "queueLength", 2, 5000)
            const entry = Kiosk.speaking.queue[1]
            verify(entry.site)
            compare(entry.bridgeId, site)
            compare(entry.delegateId, 0)
            compare(entry.name, label)
            compare(entry.key, "site" + site)
            verify(!Kiosk.speaking.queue[0].site)
            tryVerify(() => Helpers.findByName(view, "queueRowsite" + site) !== null, 5000)
            const badge = Helpers.findByName(view, "siteBadgesite" + site)
            verify(badge.visible)
            compare(Helpers.findByName(badge, "siteBadgeText").text, qsTr("Remote site"))
            verify(!Helpers.findByName(view, "siteBadge12").visible)

            tap(view, "moveUpsite" + site)
            tryVerify(() => Kiosk.speaking.queue[0].site, 5000)
            compare(TestServer.speakers().queue[0].bridge, site)
            compare(Helpers.findByName(view, "grantNextButton").text, qsTr("Give the floor to %1").arg(label))
            tap(view, "grantNextButton")
            tryCompare(Kiosk.speaking, "speakerSiteId", site, 5000)
            verify(Kiosk.speaking.speakerIsSite)
            verify(Kiosk.speaking.floorTaken)
            compare(Kiosk.speaking.speakerId, 0)
            compare(Kiosk.speaking.speakerName, label)
            compare(TestServer.speakers().currentBridge, site)
            compare(Helpers.findByName(view, "speakerName").text, label)
            verify(Helpers.findByName(view, "speakerSiteBadge").visible)
            tap(view, "endSpeechButton")
            tryCompare(Kiosk.speaking, "floorTaken", false, 5000)
            verify(TestServer.speakers().bridgeTotals.some(total => total.bridge === site))

            // Asks again: the chair takes it off the list, then gives it the floor from its row.
            verify(TestServer.siteRequestsToSpeak(site))
            tryCompare(Kiosk.speaking, "queueLength", 2, 5000)
            tap(view, "removesite" + site)
            tryCompare(Kiosk.speaking, "queueLength", 1, 5000)
            verify(!TestServer.speakers().queue.some(waiting => waiting.bridge === site))
            verify(TestServer.siteRequestsToSpeak(site))
            tryCompare(Kiosk.speaking, "queueLength", 2, 5000)
            tap(view, "grantsite" + site)
            tryCompare(Kiosk.speaking, "speakerSiteId", site, 5000)
            compare(Kiosk.speaking.queue[0].delegateId, 12)
        }

        function test_defaultSpeakingTimeIsSet() {
            const view = createTemporaryObject(screen, root)
            const minutes = Helpers.findByName(view, "limitMinutes")
            const target = Kiosk.speaking.defaultLimitSeconds === 300 ? 4 : 5
            minutes.value = target
            tap(view, "setLimitButton")
            tryCompare(Kiosk.speaking, "defaultLimitSeconds", target * 60, 5000)
            compare(TestServer.speakers().defaultLimitSeconds, target * 60)
        }

        function cleanupTestCase() {
            TestServer.clearSpeakers()
        }
    }
}

// The follow-up board against the real server: tasks made through chamberd in every colour
// (the server's test clock moved past a deadline), the board role's screen with the right
// colours and counts, a task's history on a tap, a refresh on `board.changed` (a change in the
// council's log, and a deadline passing on the server's clock), and the tally screen switching
// to the board on `screen.show` from the chair console and back. With $CHAMBER_SCREENSHOTS set,
// the three screens are saved there at 1920×1080 in Vietnamese and English.
import QtQuick
import QtTest
import Chamber.Common
import Chamber.Board
import Chamber.Chair
import Chamber.Tally
import Chamber.TestServer
import "helpers.js" as Helpers

Item {
    id: root
    width: 1920
    height: 1080

    Component {
        id: boardScreen
        BoardMain { anchors.fill: parent }
    }
    Component {
        id: chairScreen
        ChairMain { anchors.fill: parent }
    }
    Component {
        id: tallyScreen
        TallyMain { anchors.fill: parent }
    }

    // Every visible item below `item` named `name`.
    function findAll(item, name, found) {
        if (item.visible === false)
            return found
        if (item.objectName === name)
            found.push(item)
        for (let i = 0; i < item.children.length; ++i)
            findAll(item.children[i], name, found)
        return found
    }
    function cardOf(view, taskId) {
        return findAll(view, "taskCard", []).filter(card => card.taskId === taskId)[0] || null
    }

    TestCase {
        id: test
        name: "Board"
        when: windowShown

        property int council: 0
        property int organisation: 0
        property var tasks: ({})

        function screenshot(view, file) {
            const directory = TestServer.screenshotDirectory()
            if (directory === "")
                return
            waitForRendering(view)
            wait(300) // images and fonts settle
            grabImage(view).save(directory + "/" + file) // warns when it cannot write
        }

        function initTestCase() {
            TestServer.closeOpenPolls()
            council = TestServer.councilOfMeeting()
            verify(council > 0, "the demo meeting belongs to a council")
            organisation = TestServer.addOrganisation(council, "Sở Kiểm thử Bảng theo dõi")
            verify(organisation > 0)
            const day = 86400
            // Red once the clock passes its deadline; amber within the council's amber days;
            // green further away; one done.
            tasks.overdue = TestServer.createTask(council, "Báo cáo quyết toán đã quá hạn", "organisation", organisation, 3600)
            tasks.dueSoon = TestServer.createTask(council, "Phương án sắp đến hạn", "organisation", organisation, 3 * day)
            tasks.onTime = TestServer.createTask(council, "Kế hoạch còn trong hạn", "organisation", organisation, 40 * day)
            tasks.done = TestServer.createTask(council, "Công việc đã hoàn thành", "organisation", organisation, 20 * day)
            for (const key in tasks)
                verify(tasks[key] > 0, key)
            verify(TestServer.setTaskStatus(council, tasks.done, "inProgress"))
            verify(TestServer.setTaskStatus(council, tasks.done, "done"))
            TestServer.advanceClock(2 * 3600)
            TestServer.joinAs("board")
            tryCompare(Kiosk, "phase", "running", 10000)
            tryCompare(Kiosk, "connectionState", "online", 10000)
        }

        function cleanupTestCase() {
            TestServer.resetClock()
            Board.clearFilters()
            TestServer.showOnTally("tally")
            TestServer.setLanguage("en")
        }

        function test_1_coloursAndCounts() {
            const view = createTemporaryObject(boardScreen, root)
            tryVerify(() => Board.loaded, 10000)
            Board.setOwnerFilter("organisation", organisation)
            tryVerify(() => Board.totalCount === 4 && Board.filterOwner === organisation, 10000)
            compare(Board.overdueCount, 1)
            compare(Board.dueSoonCount, 1)
            compare(Board.onTimeCount, 1)
            compare(Board.doneCount, 1)
            // The screen agrees with the server's own board.
            const server = TestServer.board("ownerKind=organisation&owner=" + organisation)
            compare(server.counts.overdue, 1)
            compare(server.counts.total, 4)
            const expected = {overdue: "overdue", dueSoon: "dueSoon", onTime: "onTime", done: "done"}
            for (const key in expected) {
                const card = cardOf(view, tasks[key])
                verify(card, "card of " + key)
                compare(card.colour, expected[key])
                // The colour is never alone: the word goes with it.
                compare(Helpers.findByName(card, "taskColourWord").text.toLowerCase(),
                        ColourStyle.word(expected[key]).toLowerCase())
            }
            // Most overdue first: red before amber before green, done last.
            const order = findAll(view, "taskCard", []).map(card => card.taskId)
            compare(order, [tasks.overdue, tasks.dueSoon, tasks.onTime, tasks.done])
            const due = Helpers.findByName(cardOf(view, tasks.overdue), "taskDue").text
            verify(due.toLowerCase().indexOf("late") >= 0, due)
        }

        function test_2_historyOnTap() {
            const view = createTemporaryObject(boardScreen, root)
            tryVerify(() => cardOf(view, tasks.done) !== null, 10000)
            mouseClick(cardOf(view, tasks.done))
            tryCompare(Board, "historyTask", tasks.done, 5000)
            // Created, in progress, done.
            tryVerify(() => Board.history.count === 3, 5000)
            compare(Board.historyTitle, "Công việc đã hoàn thành")
            const popup = view.historyPopup
            tryVerify(() => popup.opened, 5000)
            const summaries = findAll(popup.contentItem, "historySummary", []).map(text => text.text)
            compare(summaries.length, 3)
            verify(summaries[0].indexOf("Sở Kiểm thử Bảng theo dõi") >= 0, summaries[0])
            verify(summaries[2].indexOf("done") >= 0, summaries[2])
            mouseClick(Helpers.findByName(popup.contentItem, "closeHistory"))
            tryCompare(Board, "historyTask", 0, 5000)
        }

        function test_3_refreshesOnBoardChanged() {
            const view = createTemporaryObject(boardScreen, root)
            tryVerify(() => Board.totalCount === 4, 10000)
            const received = Board.received
            // A change in the council's log: pushed, not polled.
            const added = TestServer.createTask(council, "Nhiệm vụ mới giao", "organisation", organisation, 50 * 86400)
            verify(added > 0)
            tryVerify(() => Board.received > received && Board.onTimeCount === 2, 10000)
            tryVerify(() => cardOf(view, added) !== null, 5000)
            // A deadline passing on the server's clock: the amber task turns red.
            const before = Board.received
            TestServer.advanceClock(4 * 86400)
            tryVerify(() => Board.received > before && Board.overdueCount === 2, 10000)
            compare(cardOf(view, tasks.dueSoon).colour, "overdue")
        }

        function test_4_tallyShowsTheBoardAndBack() {
            TestServer.showOnTally("tally")
            TestServer.joinAs("tally")
            tryCompare(Kiosk, "connectionState", "online", 10000)
            const view = createTemporaryObject(tallyScreen, root)
            const board = Helpers.findByName(view, "tallyBoard")
            verify(!board.visible)
            verify(TestServer.showOnTally("board"))
            tryCompare(Board, "tallyView", "board", 10000)
            tryVerify(() => board.visible && Board.loaded, 10000)
            tryVerify(() => cardOf(view, tasks.overdue) !== null, 10000)
            compare(cardOf(view, tasks.overdue).onDark, true)
            verify(TestServer.showOnTally("tally"))
            tryCompare(Board, "tallyView", "tally", 10000)
            verify(!board.visible)
            // The usual screen is back: attendance against the quorum at the foot.
            tryVerify(() => Helpers.findByName(view, "quorumCount") !== null
                            && Helpers.findByName(view, "quorumCount").visible, 5000)
        }

        function test_5_chairPutsTheBoardOnTheTally() {
            TestServer.joinAs("chair")
            tryCompare(Kiosk, "connectionState", "online", 10000)
            const view = createTemporaryObject(chairScreen, root)
            mouseClick(Helpers.findByName(view, "sideBoardTab"))
            const panel = Helpers.findByName(view, "chairBoardPanel")
            tryVerify(() => panel.visible && Board.loaded, 10000)
            const button = Helpers.findByName(panel, "tallyBoardButton")
            compare(Board.tallyView, "tally")
            mouseClick(button)
            tryCompare(Board, "tallyView", "board", 10000)
            compare(TestServer.meeting().screen, "board")
            mouseClick(button)
            tryCompare(Board, "tallyView", "tally", 10000)
        }

        function test_6_screenshots() {
            if (TestServer.screenshotDirectory() === "")
                skip("CHAMBER_SCREENSHOTS is not set")
            Board.clearFilters()
            for (const language of ["vi", "en"]) {
                TestServer.setLanguage(language)
                TestServer.joinAs("board")
                tryCompare(Kiosk, "connectionState", "online", 10000)
                let view = createTemporaryObject(boardScreen, root)
                tryVerify(() => Board.loaded && Board.overdueCount > 0 && Board.dueSoonCount > 0, 10000)
                screenshot(view, "board-" + language + "-1920x1080-live.png")
                mouseClick(cardOf(view, tasks.done))
                tryVerify(() => Board.history.count === 3, 5000)
                screenshot(view, "board-history-" + language + "-1920x1080.png")
                mouseClick(Helpers.findByName(view.historyPopup.contentItem, "closeHistory"))
                tryVerify(() => !view.historyPopup.visible, 5000)
                view.destroy()

                TestServer.joinAs("chair")
                tryCompare(Kiosk, "connectionState", "online", 10000)
                view = createTemporaryObject(chairScreen, root)
                Helpers.findByName(view, "sideTabs").currentIndex = 4
                tryVerify(() => Helpers.findByName(view, "chairBoardPanel").visible && Board.loaded, 10000)
                verify(TestServer.showOnTally("board"))
                tryCompare(Board, "tallyView", "board", 10000)
                screenshot(view, "chair-board-" + language + "-1920x1080.png")
                view.destroy()

                TestServer.joinAs("tally")
                tryCompare(Kiosk, "connectionState", "online", 10000)
                view = createTemporaryObject(tallyScreen, root)
                tryVerify(() => Helpers.findByName(view, "tallyBoard").visible && Board.loaded, 10000)
                screenshot(view, "tally-board-" + language + "-1920x1080.png")
                view.destroy()
                verify(TestServer.showOnTally("tally"))
            }
        }
    }
}

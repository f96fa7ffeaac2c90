// Conclusions on the chair console against the real server: the chair adds one on the current
// item and it shows numbered, edits it, removes it after a confirmation; text that looks like
// HTML shows as text; what the server refuses (empty text) shows its reason and adds nothing.
// With $CHAMBER_SCREENSHOTS set, the console with two conclusions (one resting on a passed
// vote) is saved there at 1920×1080 in Vietnamese and English.
import QtQuick
import QtTest
import Chamber.Common
import Chamber.Chair
import Chamber.TestServer
import "helpers.js" as Helpers

Item {
    id: root
    width: 1920
    height: 1080

    readonly property int item: 4

    Component {
        id: chairScreen
        ChairMain { anchors.fill: parent }
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
    // The server's live (not removed) conclusions on `item`.
    function serverConclusions(item) {
        return (TestServer.meeting().conclusions || []).filter(c => c.item === item && !c.removed)
    }

    TestCase {
        id: test
        name: "Conclusions"
        when: windowShown

        function openPanel() {
            const view = createTemporaryObject(chairScreen, root)
            Helpers.findByName(view, "sideTabs").currentIndex = 5
            const panel = Helpers.findByName(view, "conclusionsPanel")
            tryVerify(() => panel.visible && panel.width > 0, 5000)
            waitForRendering(view)
            return view
        }
        function addThroughPanel(view, text) {
            const editor = Helpers.findByName(view, "conclusionEditor")
            editor.text = text
            const save = Helpers.findByName(view, "saveConclusion")
            tryVerify(() => save.enabled && save.visible && save.width > 0, 5000)
            mouseClick(save)
        }
        function removeAll() {
            // The console may not have seen the last addition yet.
            tryVerify(() => Kiosk.conclusions.current.length === serverConclusions(root.item).length, 5000)
            for (const c of Kiosk.conclusions.current)
                Kiosk.conclusions.remove(c.conclusion)
            tryVerify(() => serverConclusions(root.item).length === 0, 5000)
            tryVerify(() => Kiosk.conclusions.current.length === 0, 5000)
        }

        // The item current before, given back at the end: the tests after this one expect it.
        property int itemBefore: 0

        function initTestCase() {
            itemBefore = TestServer.currentItem()
            TestServer.joinAs("chair")
            tryCompare(Kiosk, "phase", "running", 10000)
            tryCompare(Kiosk, "connectionState", "online", 10000)
            TestServer.selectItem(root.item)
            tryCompare(Kiosk, "currentItemId", root.item, 5000)
        }

        function cleanupTestCase() {
            TestServer.setLanguage("en")
            if (itemBefore > 0) {
                TestServer.selectItem(itemBefore)
                tryCompare(Kiosk, "currentItemId", itemBefore, 5000)
            }
        }

        function test_1_addEditRemove() {
            const view = openPanel()
            const before = serverConclusions(root.item).length
            compare(Kiosk.conclusions.current.length, before)
            addThroughPanel(view, "Thống nhất thông qua tờ trình.\nGiao Sở Tài chính hoàn thiện.")
            tryVerify(() => serverConclusions(root.item).length === before + 1, 5000, "the server has it")
            tryVerify(() => findAll(view, "conclusionCard", []).length === before + 1, 5000, "the panel shows it")
            const added = serverConclusions(root.item)
            compare(added.length, before + 1)
            const last = added[added.length - 1]
            // The cards are made again on every change: find this one each time.
            const cardOf = () => findAll(view, "conclusionCard", []).filter(c => c.conclusionId === last.conclusion)[0]
            let card = cardOf()
            verify(card)
            compare(Helpers.findByName(card, "conclusionNumber").text, qsTr("Conclusion %1").arg(last.number))
            // Lines typed in the editor become one paragraph: the server keeps a label.
            compare(Helpers.findByName(card, "conclusionText").text, "Thống nhất thông qua tờ trình. Giao Sở Tài chính hoàn thiện.")
            compare(Kiosk.conclusions.problem, "")

            // Edit: the editor takes its text, the server gets the new one.
            mouseClick(Helpers.findByName(card, "editConclusion"))
            const editor = Helpers.findByName(view, "conclusionEditor")
            compare(editor.text, last.text)
            editor.text = "Thông qua tờ trình, có sửa đổi."
            mouseClick(Helpers.findByName(view, "saveConclusion"))
            tryVerify(() => serverConclusions(root.item).filter(c => c.conclusion === last.conclusion)[0].text
                      === "Thông qua tờ trình, có sửa đổi.", 5000)
            tryVerify(() => cardOf() && Helpers.findByName(cardOf(), "conclusionText").text === "Thông qua tờ trình, có sửa đổi.", 5000)
            compare(editor.text, "")
            // The card made before the edit goes away: one card for the conclusion again.
            tryVerify(() => findAll(view, "conclusionCard", []).filter(c => c.conclusionId === last.conclusion).length === 1, 5000)
            waitForRendering(view)
            card = cardOf()

            // Remove, after the confirmation on the card; "Keep" keeps the conclusion.
            mouseClick(Helpers.findByName(card, "removeConclusion"))
            const confirmation = Helpers.findByName(card, "confirmRemoval")
            tryCompare(confirmation, "visible", true, 5000)
            waitForRendering(view) // the row is laid out before its buttons take a click
            mouseClick(Helpers.findByName(card, "keepConclusion"))
            tryCompare(confirmation, "visible", false, 5000)
            compare(serverConclusions(root.item).length, before + 1)
            waitForRendering(view)
            mouseClick(Helpers.findByName(card, "removeConclusion"))
            tryCompare(confirmation, "visible", true, 5000)
            waitForRendering(view)
            mouseClick(Helpers.findByName(card, "confirmRemoveConclusion"))
            tryVerify(() => serverConclusions(root.item).length === before, 5000)
            tryVerify(() => findAll(view, "conclusionCard", []).length === before, 5000)
            // The number stays taken: the next one gets a new number.
            addThroughPanel(view, "Kết luận sau khi xóa")
            tryVerify(() => serverConclusions(root.item).length === before + 1, 5000)
            verify(serverConclusions(root.item).slice(-1)[0].number > last.number)
            removeAll()
        }

        function test_2_textLookingLikeHtmlShowsAsText() {
            const view = openPanel()
            addThroughPanel(view, "<b>x</b>")
            tryVerify(() => findAll(view, "conclusionText", []).length === 1, 5000)
            const text = findAll(view, "conclusionText", [])[0]
            compare(text.text, "<b>x</b>")
            compare(text.textFormat, Text.PlainText)
            removeAll()
        }

        function test_3_refusalShowsItsReasonAndAddsNothing() {
            const view = openPanel()
            const before = serverConclusions(root.item).length
            // The button waits for text; the server is the one that refuses, so send it as is.
            verify(!Helpers.findByName(view, "saveConclusion").enabled)
            Kiosk.conclusions.add("", 0)
            const problem = Helpers.findByName(view, "conclusionsProblem")
            tryCompare(problem, "visible", true, 5000)
            verify(Kiosk.conclusions.problem.length > 0)
            verify(problem.text.indexOf(Kiosk.conclusions.problem) >= 0)
            compare(serverConclusions(root.item).length, before)
            compare(Kiosk.conclusions.current.length, before)
            // A vote that was not published is no resolution: refused too.
            const draft = TestServer.createPoll("Biểu quyết chưa công bố", [], false, false, "simple-majority", root.item)
            verify(draft > 0)
            Kiosk.conclusions.clearProblem()
            Kiosk.conclusions.add("Dựa trên phiếu chưa công bố", draft)
            tryVerify(() => Kiosk.conclusions.problem !== "", 5000)
            compare(serverConclusions(root.item).length, before)
            // The next success clears it.
            addThroughPanel(view, "Kết luận hợp lệ")
            tryCompare(problem, "visible", false, 5000)
            removeAll()
        }

        function test_4_screenshots() {
            // A passed, published vote on the item for the second conclusion to rest on.
            TestServer.closeOpenPolls()
            TestServer.setPresent(1, true)
            tryVerify(() => TestServer.isPresent(1), 5000)
            const poll = TestServer.createPoll("Thông qua Nghị quyết về kế hoạch đầu tư công năm 2027", [], false, false,
                                               "simple-majority", root.item)
            verify(poll > 0)
            verify(TestServer.pollStep(poll, "open"))
            verify(TestServer.castAs(1, poll, "yes"))
            verify(TestServer.pollStep(poll, "close"))
            verify(TestServer.pollStep(poll, "publish"))
            tryVerify(() => Kiosk.conclusions.resolutions.some(r => r.poll === poll), 5000)
            Kiosk.conclusions.add("Hội đồng nhân dân tỉnh thống nhất với nội dung tờ trình của Ủy ban nhân dân tỉnh; "
                                  + "giao Sở Kế hoạch và Đầu tư hoàn thiện hồ sơ trước ngày 31/01/2027.", 0)
            Kiosk.conclusions.add("Thông qua Nghị quyết về kế hoạch đầu tư công năm 2027 với tổng mức 4.250 tỷ đồng.", poll)
            tryVerify(() => Kiosk.conclusions.current.length === 2, 5000)
            compare(Kiosk.conclusions.current[1].poll, poll)
            const directory = TestServer.screenshotDirectory()
            for (const lang of ["vi", "en"]) {
                TestServer.setLanguage(lang)
                const view = openPanel()
                tryVerify(() => findAll(view, "conclusionCard", []).length === 2, 5000)
                verify(findAll(view, "conclusionPoll", []).length === 1)
                if (directory !== "") {
                    waitForRendering(view)
                    wait(300)
                    grabImage(view).save(directory + "/chair-conclusions-" + lang + ".png")
                }
            }
            removeAll()
        }
    }
}

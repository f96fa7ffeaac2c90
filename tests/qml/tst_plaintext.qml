// Text stays text: an agenda title and a delegate name that look like HTML
// ("<img src=x onerror=alert(1)>") are shown literally on the chair console and the tally
// screen. QML's Text renders such strings as rich text by default (AutoText); every Text
// showing user data in the kiosk says textFormat: Text.PlainText.
import QtQuick
import QtTest
import Chamber.Common
import Chamber.Chair
import Chamber.Tally
import Chamber.Board
import Chamber.TestServer
import "helpers.js" as Helpers

Item {
    id: root
    width: 1600
    height: 900

    readonly property string hostile: "<img src=x onerror=alert(1)>"

    Component {
        id: chairScreen
        ChairMain { anchors.fill: parent }
    }
    Component {
        id: tallyScreen
        TallyMain { anchors.fill: parent }
    }
    Component {
        id: boardScreen
        BoardMain { anchors.fill: parent }
    }
    Component {
        id: sample
        Text {}
    }

    // Every visible Text below `item` whose text holds part of the hostile string.
    function textsShowingHostile(item, found) {
        if (item.visible === false)
            return found
        if (item.hasOwnProperty("textFormat") && typeof item.text === "string"
                && item.text.indexOf("onerror") >= 0)
            found.push(item)
        // A Flickable's contentItem and a control's contentItem are among its children.
        for (let i = 0; i < item.children.length; ++i)
            textsShowingHostile(item.children[i], found)
        return found
    }

    TestCase {
        name: "PlainText"
        when: windowShown

        property string itemTitle
        property string delegateName

        function initTestCase() {
            TestServer.joinAs("chair")
            tryCompare(Kiosk, "phase", "running", 10000)
            tryVerify(() => Kiosk.hasMeeting, 10000)
            const meeting = TestServer.meeting()
            itemTitle = meeting.agenda.filter(item => item.id === 2)[0].title
            delegateName = meeting.delegates.filter(d => d.id === 1)[0].name
            verify(TestServer.renameItem(2, root.hostile))
            verify(TestServer.renameDelegate(1, root.hostile))
            TestServer.selectItem(2)
            tryCompare(Kiosk, "currentItemId", 2, 5000)
        }

        function cleanupTestCase() {
            TestServer.renameItem(2, itemTitle)
            TestServer.renameDelegate(1, delegateName)
        }

        // The width a string takes as plain text in `text`'s font.
        function plainWidth(text) {
            const reference = createTemporaryObject(sample, root, {
                textFormat: Text.PlainText, font: text.font, text: text.text })
            return reference.implicitWidth
        }

        // The check below can tell: the same string as AutoText is an (empty) image, not
        // the characters.
        function test_richTextWouldShowSomethingElse() {
            const rich = createTemporaryObject(sample, root, { text: root.hostile })
            verify(Math.abs(rich.implicitWidth - plainWidth(rich)) > 20,
                   "AutoText " + rich.implicitWidth + " vs plain " + plainWidth(rich))
        }

        function checkShownLiterally(view) {
            waitForRendering(view)
            let texts = []
            tryVerify(() => (texts = root.textsShowingHostile(view, [])).length > 0, 5000,
                      "the hostile title is on screen")
            for (const text of texts) {
                compare(text.textFormat, Text.PlainText, "\"" + text.text + "\" in " + text)
                compare(text.implicitWidth, plainWidth(text), "\"" + text.text + "\" in " + text)
            }
            return texts.length
        }

        // Every Text and Label of the kiosk says how its text is read; a new one that forgets
        // is named here.
        function test_everyTextSaysItsFormat() {
            compare(TestServer.kioskTextsWithoutFormat(), [])
        }

        function test_chairConsole() {
            const view = createTemporaryObject(chairScreen, root)
            // Attendance (names) shares a column with speakers and devices.
            Helpers.findByName(view, "sideTabs").currentIndex = 1
            verify(checkShownLiterally(view) >= 2) // the agenda row and the current item
        }

        function test_tallyScreen() {
            const view = createTemporaryObject(tallyScreen, root)
            verify(checkShownLiterally(view) >= 1)
        }

        // The follow-up board: an organisation's name and a task's title from the council.
        function test_boardScreen() {
            const council = TestServer.councilOfMeeting()
            const organisation = TestServer.addOrganisation(council, root.hostile + " (org)")
            verify(organisation > 0)
            verify(TestServer.createTask(council, root.hostile, "organisation", organisation, 30 * 86400) > 0)
            const view = createTemporaryObject(boardScreen, root)
            Board.setOwnerFilter("organisation", organisation)
            tryVerify(() => Board.totalCount === 1, 10000)
            verify(checkShownLiterally(view) >= 2) // the owner's heading and the card's title
            Board.clearFilters()
        }
    }
}

// A seat's tablet with the meeting's documents against the real server: they arrive by
// themselves (one added later too), open in the viewer, pages turn, go to page, search finds
// Vietnamese words, the pen's strokes are kept on the tablet and backed up encrypted; the presenter's page is
// followed, the delegate steps away and comes back with one tap; and with the server gone the
// documents still open and their pages turn.
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

    Component {
        id: screen
        DelegateMain { anchors.fill: parent }
    }

    TestCase {
        id: test
        name: "Documents"
        when: windowShown

        property int opening: 0
        property int budget: 0

        function initTestCase() {
            TestServer.present(0, 1)
            opening = TestServer.uploadDocument(3, 1, 2, "Diễn văn khai mạc.pdf")
            budget = TestServer.uploadDocument(6, 3, 24, "Dự toán ngân sách 2027.pdf")
            verify(opening > 0 && budget > 0)
            TestServer.joinAs("delegate", 3)
            tryCompare(Kiosk, "connectionState", "online", 10000)
            tryCompare(Kiosk.documents, "count", 2, 10000)
            tryVerify(() => Kiosk.documents.allReady, 20000)
        }

        function cleanupTestCase() {
            // Later test files need the server back.
            verify(TestServer.restartServer())
        }

        function openViewer(view, documentId) {
            mouseClick(Helpers.findByName(view, "documentsTab"))
            let row = null
            // Listed, and laid out (the list has its width) before it can be tapped.
            tryVerify(() => (row = Helpers.findByName(view, "documentRow" + documentId)) !== null
                      && row.width > 0, 5000, "the document is listed")
            mouseClick(row)
            let viewer = null
            tryVerify(() => (viewer = Helpers.findByName(view, "documentViewer")) !== null && viewer.ready, 10000)
            return viewer
        }

        function pageRendered(view, index) {
            const page = Helpers.findByName(view, "pdfPage" + index)
            return page !== null && page.rendered
        }

        function test_1_documentsArriveByThemselves() {
            const view = createTemporaryObject(screen, root)
            mouseClick(Helpers.findByName(view, "documentsTab"))
            compare(Kiosk.documents.readyCount, 2)
            verify(Helpers.findByName(view, "documentsSummary").text.indexOf("2") >= 0)
            // One added while the tablet is on: it comes by itself.
            const late = TestServer.uploadDocument(8, 4, 3, "Báo cáo thẩm tra.pdf")
            verify(late > 0)
            tryCompare(Kiosk.documents, "count", 3, 10000)
            tryCompare(Kiosk.documents, "readyCount", 3, 20000)
            verify(Helpers.findByName(view, "documentRow" + late))
        }

        function test_2_readTurnGoToAndSearch() {
            const view = createTemporaryObject(screen, root)
            const viewer = openViewer(view, budget)
            verify(viewer.pageCount >= 24)
            compare(viewer.currentPage, 0)
            tryVerify(() => pageRendered(view, 0), 5000)
            mouseClick(Helpers.findByName(view, "nextPage"))
            compare(viewer.currentPage, 1)
            tryVerify(() => pageRendered(view, 1), 5000)
            // Go to page 20 by number.
            const field = Helpers.findByName(view, "pageField")
            field.forceActiveFocus()
            field.selectAll()
            keyClick(Qt.Key_2)
            keyClick(Qt.Key_0)
            keyClick(Qt.Key_Return)
            compare(viewer.currentPage, 19)
            tryVerify(() => pageRendered(view, 19), 5000)
            // Search: the results list fills, a tap turns to the hit's page.
            mouseClick(Helpers.findByName(view, "searchButton"))
            const search = Helpers.findByName(view, "searchField")
            search.text = "chuyển đổi số"
            const results = Helpers.findByName(view, "searchResults")
            // The article says it 16 times; the PDF repeats it over 24 pages.
            tryVerify(() => results.count >= 16, 10000, "hits: " + results.count)
            const hit = results.itemAtIndex(3)
            verify(hit && hit.page !== viewer.currentPage)
            mouseClick(hit)
            tryCompare(viewer, "currentPage", hit.page, 5000)
            tryVerify(() => pageRendered(view, viewer.currentPage), 5000)
            // Thumbnails list every page.
            mouseClick(Helpers.findByName(view, "thumbnailsButton"))
            tryCompare(Helpers.findByName(view, "thumbnails"), "count", viewer.pageCount)
            mouseClick(Helpers.findByName(view, "viewerBack"))
            tryVerify(() => Helpers.findByName(view, "documentViewer") === null)
        }

        function test_3_penStrokesStayOnTheTablet() {
            const view = createTemporaryObject(screen, root)
            const viewer = openViewer(view, opening)
            mouseClick(Helpers.findByName(view, "penButton"))
            const page = Helpers.findByName(view, "pdfPage0")
            tryVerify(() => page.rendered, 5000)
            mousePress(page, page.width / 2 - 60, page.height / 2 - 40)
            for (let i = 1; i <= 10; ++i)
                mouseMove(page, page.width / 2 - 60 + i * 12, page.height / 2 - 40 + i * 6)
            mouseRelease(page, page.width / 2 + 60, page.height / 2 + 20)
            compare(viewer.annotations.strokeCount, 1)
            // Opened again (a new viewer, reading from the tablet's storage): the stroke is there.
            mouseClick(Helpers.findByName(view, "viewerBack"))
            const again = openViewer(view, opening)
            const pen = Helpers.findByName(view, "penButton")
            verify(pen)
            const set = again.annotations
            compare(set.strokeCount, 1)
            compare(set.annotatedPages().length, 1)
            // Backed up, encrypted with the delegate's passphrase, then gone from the tablet
            // and restored from the server: the wrong passphrase opens nothing.
            verify(set.canBackUp)
            set.backUp("mật khẩu của tôi")
            tryCompare(set, "backupStatus", "saved", 10000)
            set.undoStroke(0)
            compare(set.strokeCount, 0)
            set.restore("not my passphrase")
            tryCompare(set, "backupStatus", "failed", 10000)
            compare(set.strokeCount, 0)
            set.restore("mật khẩu của tôi")
            tryCompare(set, "backupStatus", "restored", 10000)
            compare(set.strokeCount, 1)
            set.undoStroke(0)
            compare(set.strokeCount, 0)
        }

        function test_4_followThePresenterAndStepAway() {
            const view = createTemporaryObject(screen, root)
            verify(Kiosk.documents.following)
            verify(TestServer.present(budget, 7))
            // The document opens by itself at the presenter's page.
            let viewer = null
            tryVerify(() => (viewer = Helpers.findByName(view, "documentViewer")) !== null && viewer.ready, 10000)
            tryCompare(viewer, "currentPage", 6, 5000)
            verify(Helpers.findByName(view, "followBar").visible)
            // The presenter turns the page: so does the tablet.
            verify(TestServer.present(budget, 9))
            tryCompare(viewer, "currentPage", 8, 5000)
            // The delegate reads ahead on their own: no longer following.
            mouseClick(Helpers.findByName(view, "nextPage"))
            compare(viewer.currentPage, 9)
            compare(Kiosk.documents.following, false)
            verify(TestServer.present(budget, 10))
            tryCompare(Kiosk.documents, "presentedPage", 10, 5000)
            compare(viewer.currentPage, 9) // left where the delegate is
            // One tap back.
            const follow = Helpers.findByName(view, "followButton")
            verify(follow.visible)
            mouseClick(follow)
            compare(Kiosk.documents.following, true)
            tryCompare(viewer, "currentPage", 9, 5000) // page 10
            verify(TestServer.present(0, 1))
            tryCompare(Kiosk.documents, "presenting", false, 5000)
        }

        function test_4b_phoneReaderLink() {
            const view = createTemporaryObject(screen, root)
            const button = Helpers.findByName(view, "phoneReaderButton")
            verify(button.visible)
            mouseClick(button)
            tryVerify(() => Kiosk.readerLinkUrl.indexOf("/read#") > 0, 5000)
            verify(Kiosk.readerLinkUrl.startsWith("https://127.0.0.1:"))
            verify(Kiosk.readerLinkExpiresAt > new Date())
            compare(Kiosk.readerLinkProblem, "")
        }

        function test_5_readingWithTheServerGone() {
            const view = createTemporaryObject(screen, root)
            TestServer.stopServer()
            tryCompare(Kiosk, "connectionState", "offline", 15000)
            const viewer = openViewer(view, budget)
            tryVerify(() => pageRendered(view, viewer.currentPage), 5000)
            const start = viewer.currentPage
            mouseClick(Helpers.findByName(view, "nextPage"))
            compare(viewer.currentPage, start + 1)
            tryVerify(() => pageRendered(view, start + 1), 5000)
            mouseClick(Helpers.findByName(view, "nextPage"))
            tryVerify(() => pageRendered(view, start + 2), 5000)
            compare(Kiosk.documents.readyCount, 3)
        }
    }
}

// A document open for reading: one page at a time, turned by swiping or the toolbar, with
// pinch zoom, thumbnails, search, going to a page by number, and the delegate's private pen,
// highlighter and notes. Follows the presenter when this screen does; on the chair console it
// can show its page on every screen.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Pdf
import Chamber.Common
import Chamber.Documents

Rectangle {
    id: root

    property int documentId: 0
    // A PDF that is no document of the meeting (the chair's draft minutes): shown from this
    // local file with this title; no annotations are kept for it and it cannot be presented.
    property string localFile: ""
    property string localTitle: ""
    // Read again when a download completes: the file url appears then.
    readonly property var info: localFile !== "" ? ({ fileUrl: localFile, title: localTitle })
                                                 : (Kiosk.documents.readyCount, Kiosk.documents.document(documentId))
    readonly property int currentPage: pages.currentIndex
    readonly property int pageCount: pdf ? pdf.pageCount : 0
    readonly property bool ready: pdf !== null && pdf.status === PdfDocument.Ready
    readonly property bool presentingThis: Kiosk.documents.presentedDocument === documentId && documentId > 0
    property string tool: ""
    readonly property alias annotations: pageAnnotations
    property bool showThumbnails: false
    property bool showSearch: false
    signal closed()

    objectName: "documentViewer"
    color: Theme.background

    // The page item of a page (from 0) while it exists (tests and the benchmark look at it).
    function pageItem(index) { return pages.itemAtIndex(index) }
    // From the toolbar, thumbnails, search or a swipe: the reader's own choice.
    function turnTo(page) {
        showPage(page)
        readerMoved()
    }
    // Without counting as the reader's choice (the presenter moved, the viewer opened).
    function showPage(page) {
        if (pageCount <= 0)
            return
        const target = Math.max(0, Math.min(pageCount - 1, page))
        // The list may not have its pages yet (no width yet): it turns there once laid out.
        if (pages.count <= target) {
            pendingPage = target
            return
        }
        pendingPage = -1
        pages.currentIndex = target
        pages.positionViewAtIndex(target, ListView.Beginning)
    }
    property int pendingPage: -1
    Timer {
        id: pendingTurn
        interval: 30
        onTriggered: if (root.pendingPage >= 0) root.showPage(root.pendingPage)
    }
    function readerMoved() {
        if (Kiosk.documents.canPresent) {
            if (presentingThis)
                Kiosk.documents.present(documentId, currentPage + 1)
        } else if (Kiosk.documents.presenting && Kiosk.documents.following
                   && (Kiosk.documents.presentedDocument !== documentId
                       || Kiosk.documents.presentedPage !== currentPage + 1)) {
            Kiosk.documents.following = false
        }
    }

    // Shared and kept alive by the pool (see DocumentPool.qml).
    readonly property var pdf: DocumentPool.document(info.fileUrl)
    function documentReady() {
        Kiosk.documents.opened(root.documentId)
        if (Kiosk.documents.following && root.presentingThis)
            root.showPage(Kiosk.documents.presentedPage - 1)
    }
    onReadyChanged: if (ready) documentReady()
    Component.onCompleted: if (ready) Qt.callLater(documentReady)

    PdfSearchModel {
        id: pdfSearch
        document: root.pdf
    }
    AnnotationSet {
        id: pageAnnotations
        documents: Kiosk.documents
        documentId: root.documentId
    }
    Connections {
        target: Kiosk.documents
        function onPresenterMoved(documentId, page) {
            if (documentId === root.documentId)
                root.showPage(page - 1)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ViewerToolbar {
            Layout.fillWidth: true
            title: root.info.title ? root.info.title : ""
            page: root.currentPage
            pageCount: root.pageCount
            thumbnailsShown: root.showThumbnails
            searchShown: root.showSearch
            tool: root.tool
            canPresent: Kiosk.documents.canPresent && root.localFile === ""
            canAnnotate: root.localFile === ""
            presenting: root.presentingThis
            onBack: root.closed()
            onGoToPage: page => root.turnTo(page)
            onToggleThumbnails: root.showThumbnails = !root.showThumbnails
            onToggleSearch: {
                root.showSearch = !root.showSearch
                if (root.showSearch)
                    searchPanel.focusField()
            }
            onToolChosen: tool => root.tool = tool
            onUndo: pageAnnotations.undoStroke(root.currentPage)
            onZoomIn: if (pages.currentItem) pages.currentItem.setZoom(pages.currentItem.zoom * 1.5, pages.width / 2, pages.height / 2)
            onZoomOut: if (pages.currentItem) pages.currentItem.setZoom(pages.currentItem.zoom / 1.5, pages.width / 2, pages.height / 2)
            onPresentToggled: on => Kiosk.documents.present(on ? root.documentId : 0, root.currentPage + 1)
            canBackUp: pageAnnotations.canBackUp
            onBackupRequested: backupDialog.open()
        }
        FollowBar {
            Layout.fillWidth: true
        }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            Layout.margins: Theme.px(6)
            visible: pageAnnotations.problem !== ""
            text: pageAnnotations.problem
            color: Theme.bad
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(14)
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            ThumbnailPanel {
                Layout.fillHeight: true
                visible: root.showThumbnails
                document: root.pdf
                fileUrl: root.info.fileUrl ? root.info.fileUrl : ""
                currentPage: root.currentPage
                annotatedPages: (pageAnnotations.revision, pageAnnotations.annotatedPages())
                onPageChosen: page => root.turnTo(page)
            }
            ListView {
                id: pages
                objectName: "pages"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                orientation: ListView.Horizontal
                snapMode: ListView.SnapOneItem
                highlightRangeMode: ListView.StrictlyEnforceRange
                highlightMoveDuration: 0
                boundsBehavior: Flickable.StopAtBounds
                // The pages beside the one shown are rendered ahead, so a turn shows a page.
                cacheBuffer: width * 2
                interactive: root.tool === "" && !(currentItem && currentItem.zoomed)
                // Not before the list has its width: at zero width every page fits, and all of
                // them would be made at once (6 s for 200 pages, found by bench_viewer).
                model: root.ready && width > 0 ? root.pageCount : 0
                onCountChanged: if (root.pendingPage >= 0) pendingTurn.restart()
                onMovementEnded: root.readerMoved()
                delegate: PdfPage {
                    width: pages.width
                    height: pages.height
                    document: root.pdf
                    fileUrl: root.info.fileUrl ? root.info.fileUrl : ""
                    searchModel: pdfSearch
                    annotations: pageAnnotations
                    tool: root.tool
                    onNoteRequested: (page, x, y) => noteDialog.openNew(page, x, y)
                    onNoteOpened: noteId => noteDialog.openExisting(noteId)
                }
                Text {
                    textFormat: Text.PlainText
                    anchors.centerIn: parent
                    visible: !root.ready
                    width: parent.width * 0.8
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(18)
                    color: Theme.mutedText
                    text: root.pdf && root.pdf.status === PdfDocument.Error ? qsTr("This document cannot be opened.")
                        : root.info.fileUrl ? qsTr("Opening…")
                        : qsTr("This document is still being downloaded.")
                }
            }
            SearchPanel {
                id: searchPanel
                Layout.fillHeight: true
                visible: root.showSearch
                searchModel: pdfSearch
                onResultChosen: page => root.turnTo(page)
            }
        }
    }

    BackupDialog {
        id: backupDialog
        anchors.centerIn: parent
        annotations: pageAnnotations
    }

    Dialog {
        id: noteDialog
        objectName: "noteDialog"
        property int noteId: 0
        property int page: 0
        property real noteX: 0
        property real noteY: 0
        function openNew(page, x, y) {
            noteId = 0
            noteDialog.page = page
            noteX = x
            noteY = y
            noteText.text = ""
            open()
            noteText.forceActiveFocus()
        }
        function openExisting(id) {
            noteId = id
            const notes = pageAnnotations.notes(root.currentPage)
            for (const note of notes) {
                if (note.id === id)
                    noteText.text = note.text
            }
            open()
        }
        anchors.centerIn: parent
        width: Math.min(parent.width * 0.8, Theme.px(560))
        modal: true
        title: noteId === 0 ? qsTr("New note") : qsTr("Note")
        font.family: Theme.fontFamily
        contentItem: TextArea {
            id: noteText
            objectName: "noteText"
            wrapMode: TextEdit.Wrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(16)
            placeholderText: qsTr("Only you can see your notes.")
        }
        footer: DialogButtonBox {
            Button {
                text: qsTr("Save")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                text: noteDialog.noteId === 0 ? qsTr("Cancel") : qsTr("Delete")
                DialogButtonBox.buttonRole: noteDialog.noteId === 0 ? DialogButtonBox.RejectRole : DialogButtonBox.DestructiveRole
                onClicked: {
                    if (noteDialog.noteId !== 0)
                        pageAnnotations.removeNote(noteDialog.noteId)
                    noteDialog.close()
                }
            }
        }
        onAccepted: {
            if (noteId === 0) {
                if (noteText.text.trim() !== "")
                    pageAnnotations.addNote(page, noteX, noteY, noteText.text)
            } else {
                pageAnnotations.updateNote(noteId, noteText.text)
            }
        }
    }
}

// The documents panel of a tablet or the chair console: the list, or the document open in the
// viewer. When the presenter puts a page on screen and this screen follows, the document
// opens there by itself.
import QtQuick
import Chamber.Common

Item {
    id: root

    property int openDocument: 0
    // Where the open document is shown: this pane, or a larger area of the screen (the chair
    // console reads and presents over its whole work area).
    property Item viewerHost: null
    readonly property bool viewing: openDocument > 0
    objectName: "documentsPane"

    function open(documentId) { openDocument = documentId }
    // A screen that starts (or joins) while a page is presented opens it straight away.
    Component.onCompleted: {
        if (Kiosk.documents.presenting && Kiosk.documents.following && !Kiosk.documents.canPresent)
            openDocument = Kiosk.documents.presentedDocument
    }

    Connections {
        target: Kiosk.documents
        function onPresenterMoved(documentId, page) {
            if (!Kiosk.documents.canPresent)
                root.openDocument = documentId
        }
    }

    DocumentLibrary {
        anchors.fill: parent
        visible: !root.viewing
        onOpened: documentId => root.open(documentId)
    }
    Loader {
        parent: root.viewerHost ? root.viewerHost : root
        anchors.fill: parent
        z: 10
        active: root.viewing
        sourceComponent: DocumentViewer {
            documentId: root.openDocument
            onClosed: {
                // Closing the presented document while following is stepping away too.
                if (Kiosk.documents.presenting && !Kiosk.documents.canPresent)
                    Kiosk.documents.following = false
                root.openDocument = 0
            }
        }
    }
}

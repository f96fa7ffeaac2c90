// One page of the open document, fitted to the view: pinch (or double-tap) to zoom, drag to
// move around a zoomed page; search hits and the delegate's own annotations drawn on top.
import QtQuick
import QtQuick.Shapes
import QtQuick.Window
import Chamber.Common

Flickable {
    id: root

    required property int index
    required property var document // PdfDocument: the page's size, the search
    property url fileUrl // the local copy the page is rendered from
    property var searchModel: null
    property var annotations: null // AnnotationSet
    property string tool: "" // "", pen, highlighter, eraser, note
    property color penColor: "#c62828"
    property real zoom: 1
    readonly property bool zoomed: zoom > 1.01
    readonly property size pointSize: document.pagePointSize(index)
    readonly property real fitScale: pointSize.width > 0
        ? Math.min(width / pointSize.width, height / pointSize.height) : 1
    readonly property bool rendered: image.status === Image.Ready
    signal noteRequested(int page, real x, real y)
    signal noteOpened(int noteId)

    objectName: "pdfPage" + index
    clip: true
    contentWidth: Math.max(width, paper.width)
    contentHeight: Math.max(height, paper.height)
    interactive: zoomed && tool === ""
    boundsBehavior: Flickable.StopAtBounds

    function setZoom(value, centerX, centerY) {
        const old = zoom
        zoom = Math.max(1, Math.min(6, value))
        // Keep the point under the fingers where it was.
        const ratio = zoom / old
        contentX = Math.max(0, (contentX + centerX) * ratio - centerX)
        contentY = Math.max(0, (contentY + centerY) * ratio - centerY)
        returnToBounds()
    }

    Rectangle {
        id: paper
        width: Math.round(root.pointSize.width * root.fitScale * root.zoom)
        height: Math.round(root.pointSize.height * root.fitScale * root.zoom)
        x: Math.max(0, (root.width - width) / 2)
        y: Math.max(0, (root.height - height) / 2)
        color: "white"
        border.color: Theme.divider
        readonly property real pageScale: root.pointSize.width > 0 ? width / root.pointSize.width : 1

        Image {
            id: image
            objectName: "pageImage"
            anchors.fill: parent
            // Rendered on the provider's worker threads (see pdfpageprovider.h).
            source: root.fileUrl.toString() !== "" && paper.width > 0
                    ? "image://pdfpage/" + encodeURIComponent(root.fileUrl.toString()) + "/" + root.index : ""
            asynchronous: true
            cache: false
            fillMode: Image.PreserveAspectFit
            // Rendered at the size shown (sharp after a zoom), not while the fingers move.
            sourceSize.width: Math.round(paper.width * Screen.devicePixelRatio)
        }
        Text {
            textFormat: Text.PlainText
            anchors.centerIn: parent
            visible: image.status !== Image.Ready
            text: qsTr("Page %1").arg(root.index + 1)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(18)
            color: Theme.mutedText
        }
        Shape {
            anchors.fill: parent
            visible: root.searchModel !== null && root.searchModel.searchString !== ""
            ShapePath {
                strokeWidth: -1
                fillColor: "#66ffd54f"
                scale: Qt.size(paper.pageScale, paper.pageScale)
                PathMultiline {
                    paths: root.searchModel ? root.searchModel.boundingPolygonsOnPage(root.index) : []
                }
            }
        }
        AnnotationLayer {
            anchors.fill: parent
            page: root.index
            annotations: root.annotations
            tool: root.tool
            penColor: root.penColor
            onNoteRequested: (x, y) => root.noteRequested(root.index, x, y)
            onNoteOpened: noteId => root.noteOpened(noteId)
        }
    }

    PinchHandler {
        id: pinch
        target: null
        enabled: root.tool === ""
        onActiveChanged: {
            if (active) {
                paper.transformOrigin = Item.Center
            } else {
                paper.scale = 1
                root.setZoom(root.zoom * activeScale, centroid.position.x, centroid.position.y)
            }
        }
        onActiveScaleChanged: if (active) paper.scale = Math.max(0.5, Math.min(6 / root.zoom, activeScale))
    }
    TapHandler {
        enabled: root.tool === ""
        onDoubleTapped: eventPoint => root.setZoom(root.zoomed ? 1 : 2.5,
                                                   eventPoint.position.x, eventPoint.position.y)
    }
}

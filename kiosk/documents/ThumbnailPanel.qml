// Small pictures of every page, to find one at a glance; the page shown is framed, pages with
// the delegate's own notes carry a mark.
import QtQuick
import QtQuick.Controls
import Chamber.Common

Rectangle {
    id: root

    property var document: null // PdfDocument
    property url fileUrl
    property int currentPage: 0
    property var annotatedPages: []
    signal pageChosen(int page)

    color: Theme.background
    implicitWidth: Theme.px(150)

    ListView {
        id: list
        objectName: "thumbnails"
        anchors.fill: parent
        anchors.margins: Theme.px(8)
        clip: true
        spacing: Theme.px(10)
        model: root.document && root.visible && width > 0 ? root.document.pageCount : 0
        currentIndex: root.currentPage
        onCurrentIndexChanged: positionViewAtIndex(currentIndex, ListView.Contain)
        ScrollBar.vertical: ScrollBar {}
        delegate: Item {
            id: thumb
            required property int index
            width: ListView.view.width - Theme.px(6)
            height: frame.height + label.height + Theme.px(4)
            objectName: "thumbnail" + index
            Rectangle {
                id: frame
                width: parent.width
                readonly property size pointSize: root.document.pagePointSize(thumb.index)
                height: pointSize.width > 0 ? width * pointSize.height / pointSize.width : width * 1.41
                color: "white"
                border.width: thumb.index === root.currentPage ? 3 : 1
                border.color: thumb.index === root.currentPage ? Theme.accent : Theme.divider
                Image {
                    anchors.fill: parent
                    anchors.margins: parent.border.width
                    source: "image://pdfpage/" + encodeURIComponent(root.fileUrl.toString()) + "/" + thumb.index
                    sourceSize.width: width
                    fillMode: Image.PreserveAspectFit
                }
                Rectangle {
                    visible: root.annotatedPages.indexOf(thumb.index) >= 0
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: Theme.px(4)
                    width: Theme.px(14)
                    height: width
                    radius: width / 2
                    color: "#f9a825"
                }
            }
            Text {
                textFormat: Text.PlainText
                id: label
                anchors.top: frame.bottom
                anchors.topMargin: Theme.px(2)
                anchors.horizontalCenter: parent.horizontalCenter
                text: thumb.index + 1
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(13)
                color: Theme.mutedText
            }
            TapHandler { onTapped: root.pageChosen(thumb.index) }
        }
    }
}

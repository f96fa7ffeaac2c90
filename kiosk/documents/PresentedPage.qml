// The page the presenter shows, as large as the space allows: the tally screen and bridge
// displays put it in front of the hall. Says so while the document is still on its way.
import QtQuick
import QtQuick.Layouts
import QtQuick.Pdf
import Chamber.Common
import Chamber.Documents

Rectangle {
    id: root

    property bool onDark: true
    objectName: "presentedPage"
    color: onDark ? Theme.stageSurface : Theme.surface
    radius: Theme.px(10)

    // Shared and kept alive by the pool (see DocumentPool.qml).
    readonly property var pdf: DocumentPool.document(Kiosk.documents.presentedUrl)
    readonly property bool ready: pdf !== null && pdf.status === PdfDocument.Ready

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.px(14)
        spacing: Theme.px(10)

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.px(20)
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: Kiosk.documents.presentedTitle
                elide: Text.ElideRight
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(26)
                font.bold: true
                color: root.onDark ? Theme.stageText : Theme.text
            }
            Text {
                textFormat: Text.PlainText
                objectName: "presentedPageNumber"
                text: root.ready ? qsTr("Page %1 of %2").arg(Kiosk.documents.presentedPage).arg(root.pdf.pageCount)
                                        : qsTr("Page %1").arg(Kiosk.documents.presentedPage)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(24)
                color: root.onDark ? Theme.stageMuted : Theme.mutedText
            }
        }
        Item {
            id: stage
            Layout.fillWidth: true
            Layout.fillHeight: true
            readonly property size pointSize: root.ready
                ? root.pdf.pagePointSize(Kiosk.documents.presentedPage - 1) : Qt.size(0, 0)
            readonly property real fit: pointSize.width > 0
                ? Math.min(width / pointSize.width, height / pointSize.height) : 1
            Rectangle {
                anchors.centerIn: parent
                width: Math.round(stage.pointSize.width * stage.fit)
                height: Math.round(stage.pointSize.height * stage.fit)
                visible: root.ready
                color: "white"
                Image {
                    objectName: "presentedImage"
                    anchors.fill: parent
                    source: root.ready ? "image://pdfpage/" + encodeURIComponent(Kiosk.documents.presentedUrl.toString())
                                         + "/" + (Kiosk.documents.presentedPage - 1) : ""
                    sourceSize.width: width
                    fillMode: Image.PreserveAspectFit
                }
            }
            Text {
                textFormat: Text.PlainText
                anchors.centerIn: parent
                visible: !root.ready
                text: root.pdf && root.pdf.status === PdfDocument.Error ? qsTr("This document cannot be opened.")
                                                       : qsTr("The document is being downloaded…")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(24)
                color: root.onDark ? Theme.stageMuted : Theme.mutedText
            }
        }
    }
}

// The page the presenter shows, as large as the space allows: the tally screen and bridge
// displays put it in front of the hall. Says so while the document is still on its way.
import QtQuick
import QtQuick.Layouts
import QtQuick.Pdf
import Chamber.Common

Rectangle {
    id: root

    property bool onDark: true
    objectName: "presentedPage"
    color: onDark ? Theme.stageSurface : Theme.surface
    radius: Theme.px(10)

    PdfDocument {
        id: pdf
        source: Kiosk.documents.presentedUrl
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.px(14)
        spacing: Theme.px(10)

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.px(20)
            Text {
                Layout.fillWidth: true
                text: Kiosk.documents.presentedTitle
                elide: Text.ElideRight
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(26)
                font.bold: true
                color: root.onDark ? Theme.stageText : Theme.text
            }
            Text {
                objectName: "presentedPageNumber"
                text: pdf.pageCount > 0 ? qsTr("Page %1 of %2").arg(Kiosk.documents.presentedPage).arg(pdf.pageCount)
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
            readonly property size pointSize: pdf.status === PdfDocument.Ready
                ? pdf.pagePointSize(Kiosk.documents.presentedPage - 1) : Qt.size(0, 0)
            readonly property real fit: pointSize.width > 0
                ? Math.min(width / pointSize.width, height / pointSize.height) : 1
            Rectangle {
                anchors.centerIn: parent
                width: Math.round(stage.pointSize.width * stage.fit)
                height: Math.round(stage.pointSize.height * stage.fit)
                visible: pdf.status === PdfDocument.Ready
                color: "white"
                PdfPageImage {
                    objectName: "presentedImage"
                    anchors.fill: parent
                    document: pdf
                    currentFrame: Kiosk.documents.presentedPage - 1
                    asynchronous: true
                    sourceSize.width: width
                    fillMode: Image.PreserveAspectFit
                }
            }
            Text {
                anchors.centerIn: parent
                visible: pdf.status !== PdfDocument.Ready
                text: pdf.status === PdfDocument.Error ? qsTr("This document cannot be opened.")
                                                       : qsTr("The document is being downloaded…")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(24)
                color: root.onDark ? Theme.stageMuted : Theme.mutedText
            }
        }
    }
}

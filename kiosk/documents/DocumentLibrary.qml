// Every document of the meeting by agenda item, with the download of all of them in one bar:
// a delegate sees at a glance that the papers are on the tablet before the session starts.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common

ColumnLayout {
    id: root

    signal opened(int documentId)
    spacing: Theme.px(10)

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.px(12)
        Text {
            textFormat: Text.PlainText
            objectName: "documentsSummary"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(15)
            color: Kiosk.documents.allReady ? Theme.good : Theme.mutedText
            text: Kiosk.documents.count === 0 ? qsTr("No documents for this meeting yet.")
                : Kiosk.documents.allReady ? qsTr("All %n document(s) are on this tablet and can be read offline.", "", Kiosk.documents.count)
                : qsTr("%1 of %2 documents on this tablet").arg(Kiosk.documents.readyCount).arg(Kiosk.documents.count)
        }
        ProgressBar {
            objectName: "documentsProgress"
            Layout.preferredWidth: Theme.px(200)
            visible: Kiosk.documents.count > 0 && !Kiosk.documents.allReady
            from: 0
            to: 1
            value: Kiosk.documents.progress
        }
    }

    ListView {
        id: list
        objectName: "documentList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        spacing: Theme.px(6)
        model: Kiosk.documents.model
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        section.property: "itemLabel"
        section.criteria: ViewSection.FullString
        section.delegate: Text {
            textFormat: Text.PlainText
            required property string section
            width: ListView.view.width
            topPadding: Theme.px(10)
            bottomPadding: Theme.px(4)
            text: section
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(14)
            font.bold: true
            color: Theme.mutedText
        }
        delegate: DocumentRow {
            width: ListView.view.width
            onActivated: documentId => root.opened(documentId)
        }
    }
}

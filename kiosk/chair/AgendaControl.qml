// The chair's agenda: session start/end, previous/next item, or tap any item to make it current.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common

ColumnLayout {
    id: root
    spacing: Theme.px(10)

    CurrentItemCard {
        Layout.fillWidth: true
        titleSize: 22
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.px(8)
        Button {
            objectName: "previousItem"
            Layout.fillWidth: true
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(16)
            text: qsTr("‹ Previous")
            enabled: Kiosk.agenda.neighbour(Kiosk.currentItemId, -1) > 0
            onClicked: Kiosk.selectItem(Kiosk.agenda.neighbour(Kiosk.currentItemId, -1))
        }
        Button {
            objectName: "nextItem"
            Layout.fillWidth: true
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(16)
            font.bold: true
            text: qsTr("Next ›")
            enabled: Kiosk.agenda.neighbour(Kiosk.currentItemId, 1) > 0
            onClicked: Kiosk.selectItem(Kiosk.agenda.neighbour(Kiosk.currentItemId, 1))
        }
        Button {
            objectName: "sessionButton"
            Layout.fillWidth: true
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(16)
            text: Kiosk.meetingStatus === "in_session" ? qsTr("End session") : qsTr("Open session")
            onClicked: Kiosk.meetingStatus === "in_session" ? Kiosk.endMeeting() : Kiosk.startMeeting()
        }
    }
    Text {
        textFormat: Text.PlainText
        text: qsTr("Tap an item to make it current")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(13)
        color: Theme.mutedText
    }
    AgendaList {
        objectName: "chairAgenda"
        Layout.fillWidth: true
        Layout.fillHeight: true
        selectable: true
        onItemActivated: itemId => Kiosk.selectItem(itemId)
    }
}

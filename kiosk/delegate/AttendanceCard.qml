// Who this tablet belongs to, whether they are marked present, and the button to change it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common

Rectangle {
    id: root

    // Just the name and presence, when a vote needs the room (portrait tablets).
    property bool compact: false

    radius: Theme.px(10)
    color: Theme.surface
    implicitHeight: layout.implicitHeight + Theme.px(32)

    ColumnLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: Theme.px(16)
        spacing: Theme.px(8)

        Text {
            textFormat: Text.PlainText
            visible: !root.compact
            text: qsTr("Delegate")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(14)
            color: Theme.mutedText
        }
        Text {
            textFormat: Text.PlainText
            objectName: "ownName"
            Layout.fillWidth: true
            text: Kiosk.ownName
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(24)
            font.bold: true
            color: Theme.text
        }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            visible: !root.compact
            text: [Kiosk.ownSeat !== "" ? qsTr("Seat %1").arg(Kiosk.ownSeat) : "", Kiosk.ownGroup]
                  .filter(part => part !== "").join("  ·  ")
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(15)
            color: Theme.mutedText
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.topMargin: Theme.px(4)
            implicitHeight: presence.implicitHeight + Theme.px(16)
            radius: Theme.px(8)
            color: Kiosk.ownPresent ? Theme.goodFill : Theme.warningFill
            Text {
                textFormat: Text.PlainText
                id: presence
                objectName: "ownPresence"
                anchors.fill: parent
                anchors.margins: Theme.px(8)
                wrapMode: Text.WordWrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(17)
                font.bold: true
                color: Kiosk.ownPresent ? Theme.good : Theme.warning
                text: Kiosk.ownPresent ? qsTr("You are marked present") : qsTr("You are not checked in yet")
            }
        }
        Button {
            id: button
            objectName: "attendanceButton"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.px(56)
            enabled: Kiosk.hasMeeting
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(18)
            font.bold: true
            text: Kiosk.pendingCommands > 0 ? qsTr("Sending…")
                : Kiosk.ownPresent ? qsTr("Leave the session") : qsTr("Check in")
            onClicked: Kiosk.ownPresent ? Kiosk.checkOut() : Kiosk.checkIn()
            palette.button: Kiosk.ownPresent ? Theme.surface : Theme.accent
            palette.buttonText: Kiosk.ownPresent ? Theme.text : "#ffffff"
        }
    }
}

// Asking for the floor from the seat: the button to ask (or withdraw), the place in the
// queue, and the time left once the chair gives the floor.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common

Rectangle {
    id: root
    objectName: "speakingCard"

    readonly property int position: Kiosk.speaking.ownPosition
    readonly property bool speaking: Kiosk.speaking.ownHasFloor
    radius: Theme.px(10)
    color: speaking ? (Kiosk.speaking.overrun ? Theme.badFill : Theme.goodFill) : Theme.surface
    border.color: speaking ? (Kiosk.speaking.overrun ? Theme.bad : Theme.good) : "transparent"
    border.width: speaking ? 2 : 0
    implicitHeight: layout.implicitHeight + Theme.px(28)

    ColumnLayout {
        id: layout
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.px(14)
        spacing: Theme.px(8)

        Text {
            textFormat: Text.PlainText
            text: qsTr("Speaking")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(14)
            color: Theme.mutedText
        }

        // The floor is ours: the countdown, large.
        ColumnLayout {
            visible: root.speaking
            Layout.fillWidth: true
            spacing: 0
            Text {
                textFormat: Text.PlainText
                text: qsTr("You have the floor")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(20)
                font.bold: true
                color: Kiosk.speaking.overrun ? Theme.bad : Theme.good
            }
            Text {
                textFormat: Text.PlainText
                objectName: "ownCountdown"
                text: Kiosk.speaking.clockText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(56)
                font.bold: true
                color: Kiosk.speaking.overrun ? Theme.bad : Theme.text
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: Kiosk.speaking.limitSeconds <= 0 ? qsTr("No time limit")
                    : Kiosk.speaking.overrun ? qsTr("Time is up: please conclude.")
                    : qsTr("left of %1").arg(Kiosk.speaking.formatDuration(Kiosk.speaking.limitSeconds))
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(15)
                font.bold: Kiosk.speaking.overrun
                color: Kiosk.speaking.overrun ? Theme.bad : Theme.mutedText
            }
        }

        Text {
            textFormat: Text.PlainText
            objectName: "queuePosition"
            Layout.fillWidth: true
            visible: !root.speaking
            wrapMode: Text.WordWrap
            text: root.position > 0
                  ? (root.position === 1 ? qsTr("You are next to speak") : qsTr("You are number %1 on the speaker list").arg(root.position))
                  : Kiosk.speaking.queueLength > 0 ? qsTr("%n waiting to speak", "", Kiosk.speaking.queueLength)
                  : qsTr("Nobody is waiting to speak")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(root.position > 0 ? 20 : 16)
            font.bold: root.position > 0
            color: root.position > 0 ? Theme.accent : Theme.text
        }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            visible: Kiosk.speaking.floorTaken && !root.speaking
            text: qsTr("Speaking now: %1 · %2").arg(Kiosk.speaking.speakerName).arg(Kiosk.speaking.clockText)
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(14)
            color: Theme.mutedText
        }
        Button {
            objectName: "speakButton"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.px(56)
            visible: !root.speaking
            enabled: Kiosk.hasMeeting && !Kiosk.speaking.ownRequestSending
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(18)
            font.bold: true
            text: Kiosk.speaking.ownRequestSending ? qsTr("Sending…")
                : root.position > 0 ? qsTr("Withdraw my request") : qsTr("Ask to speak")
            palette.button: root.position > 0 ? Theme.surface : Theme.accent
            palette.buttonText: root.position > 0 ? Theme.text : "#ffffff"
            onClicked: root.position > 0 ? Kiosk.speaking.withdrawRequest() : Kiosk.speaking.requestToSpeak()
        }
    }
}

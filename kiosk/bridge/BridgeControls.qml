// The site's own controls under the programme: microphone, camera, and asking for the floor
// (for the whole site: the chair gives it to the bridge point, not to one person there).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common
import Chamber.Media

RowLayout {
    id: root
    objectName: "bridgeControls"

    required property BridgeMedia media
    spacing: Theme.px(10)

    component ControlButton: Button {
        property bool alert: false
        Layout.preferredHeight: Theme.px(52)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(16)
        font.bold: alert
        palette.button: alert ? Theme.badFill : Theme.surface
        palette.buttonText: alert ? Theme.bad : Theme.text
    }

    ControlButton {
        objectName: "muteButton"
        Layout.fillWidth: true
        alert: root.media.muted
        text: root.media.muted ? qsTr("Microphone off · turn on") : qsTr("Mute microphone")
        onClicked: root.media.muted = !root.media.muted
    }
    ControlButton {
        objectName: "cameraButton"
        Layout.fillWidth: true
        alert: root.media.cameraOff
        text: root.media.cameraOff ? qsTr("Camera off · turn on") : qsTr("Turn camera off")
        onClicked: root.media.cameraOff = !root.media.cameraOff
    }
    ControlButton {
        objectName: "speakButton"
        Layout.fillWidth: true
        enabled: !root.media.onAir && Kiosk.connectionState === "online"
        highlighted: !root.media.floorRequested
        text: root.media.onAir ? qsTr("This site has the floor")
            : root.media.queuePosition > 0 ? qsTr("Waiting to speak (no. %1) · withdraw").arg(root.media.queuePosition)
            : root.media.floorRequested ? qsTr("Withdraw request to speak")
            : qsTr("Request to speak")
        onClicked: root.media.floorRequested ? root.media.withdrawRequest() : root.media.requestToSpeak()
    }
}

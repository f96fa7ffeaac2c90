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
    // The site's place on the speaker list (Kiosk.speaking: this device as a bridge point).
    ControlButton {
        objectName: "speakButton"
        Layout.fillWidth: true
        readonly property int position: Kiosk.speaking.ownPosition
        enabled: !Kiosk.speaking.ownHasFloor && !Kiosk.speaking.ownRequestSending
                 && Kiosk.connectionState === "online"
        highlighted: position === 0
        text: Kiosk.speaking.ownHasFloor || root.media.onAir ? qsTr("This site has the floor")
            : Kiosk.speaking.ownRequestSending ? qsTr("Sending…")
            : position > 0 ? qsTr("Waiting to speak (no. %1) · withdraw").arg(position)
            : qsTr("Request to speak")
        onClicked: position > 0 ? Kiosk.speaking.withdrawRequest() : Kiosk.speaking.requestToSpeak()
    }
}

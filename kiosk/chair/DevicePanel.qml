// Devices in the room and at the bridges: offline ones first, with since when.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common

ColumnLayout {
    id: root
    spacing: Theme.px(10)

    Text {
        textFormat: Text.PlainText
        text: qsTr("Devices: %1 of %2 online").arg(Kiosk.devices.onlineCount).arg(Kiosk.devices.count)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(17)
        font.bold: true
        color: Theme.text
    }
    Text {
        textFormat: Text.PlainText
        visible: Kiosk.devices.count === 0
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        text: qsTr("No device has joined yet. Print seat cards with chamberctl seat-cards.")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(14)
        color: Theme.mutedText
    }
    ListView {
        objectName: "deviceList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        spacing: Theme.px(4)
        model: Kiosk.devices
        ScrollBar.vertical: ScrollBar {}

        delegate: Rectangle {
            id: device
            required property string label
            required property string deviceRole
            required property bool online
            required property var since
            width: ListView.view.width
            height: Theme.px(52)
            radius: Theme.px(6)
            color: Theme.surface

            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.px(12)
                anchors.rightMargin: Theme.px(12)
                spacing: Theme.px(10)
                Rectangle {
                    width: Theme.px(12)
                    height: width
                    radius: width / 2
                    color: device.online ? Theme.good : Theme.bad
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Text {
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        text: device.label !== "" ? device.label : details.roleText
                        elide: Text.ElideRight
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(15)
                        color: Theme.text
                    }
                    Text {
                        textFormat: Text.PlainText
                        id: details
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(12)
                        color: device.online ? Theme.mutedText : Theme.bad
                        readonly property string roleText: ({
                            delegate: qsTr("seat tablet"), chair: qsTr("chair console"),
                            tally: qsTr("tally screen"), bridge: qsTr("bridge point"),
                            board: qsTr("follow-up board")
                        })[device.deviceRole] || device.deviceRole
                        text: device.since && device.since.getTime
                              ? (device.online ? qsTr("%1 · online since %2") : qsTr("%1 · offline since %2"))
                                    .arg(roleText).arg(Qt.formatTime(device.since, "HH:mm"))
                              : (device.online ? roleText : qsTr("%1 · not seen yet").arg(roleText))
                    }
                }
            }
        }
    }
}

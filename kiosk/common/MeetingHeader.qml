// The band at the top of every screen: the meeting, its state, this device, the connection.
import QtQuick
import QtQuick.Layouts
import Chamber.Common

Rectangle {
    id: root

    // What this screen is, e.g. "Chair console", shown under the title.
    property string subtitle: Kiosk.deviceLabel

    color: Theme.header
    implicitHeight: layout.implicitHeight + Theme.px(24)

    RowLayout {
        id: layout
        anchors.fill: parent
        anchors.leftMargin: Theme.px(20)
        anchors.rightMargin: Theme.px(20)
        spacing: Theme.px(16)

        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.px(2)
            Text {
                textFormat: Text.PlainText
                objectName: "meetingTitle"
                Layout.fillWidth: true
                text: Kiosk.meetingTitle
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(22)
                font.bold: true
                color: Theme.headerText
                elide: Text.ElideRight
                maximumLineCount: 2
                wrapMode: Text.WordWrap
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: [root.subtitle, Kiosk.meetingVenue].filter(part => part !== "").join("  ·  ")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(14)
                color: Theme.headerMuted
                elide: Text.ElideRight
            }
        }
        StatusChip {
            status: Kiosk.meetingStatus
        }
        ConnectionBanner {
            compact: true
        }
    }
}

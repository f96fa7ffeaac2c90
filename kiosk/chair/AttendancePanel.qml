// Attendance at a glance: the quorum, and every seat, green when present. A tap corrects a
// delegate's attendance (someone without a working tablet, someone who left).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common

ColumnLayout {
    id: root
    spacing: Theme.px(10)

    QuorumPanel {
        Layout.fillWidth: true
    }
    Text {
        textFormat: Text.PlainText
        text: qsTr("Seats · tap to change attendance")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(13)
        color: Theme.mutedText
    }
    GridView {
        id: seats
        objectName: "seatGrid"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: Kiosk.delegates
        cellWidth: width / Math.max(1, Math.floor(width / Theme.px(120)))
        cellHeight: Theme.px(64)
        ScrollBar.vertical: ScrollBar {}

        delegate: Item {
            id: cell
            required property int delegateId
            required property string name
            required property string seat
            required property bool present
            required property int weight
            width: seats.cellWidth
            height: seats.cellHeight

            Rectangle {
                anchors.fill: parent
                anchors.margins: Theme.px(3)
                radius: Theme.px(6)
                color: cell.present ? Theme.goodFill : Theme.surface
                border.color: cell.present ? Theme.good : Theme.divider
                border.width: 1
                objectName: "seat_" + cell.seat

                Column {
                    anchors.centerIn: parent
                    width: parent.width - Theme.px(8)
                    spacing: Theme.px(1)
                    Text {
                        textFormat: Text.PlainText
                        width: parent.width
                        horizontalAlignment: Text.AlignHCenter
                        text: cell.seat
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(15)
                        font.bold: true
                        color: cell.present ? Theme.good : Theme.mutedText
                    }
                    Text {
                        textFormat: Text.PlainText
                        width: parent.width
                        horizontalAlignment: Text.AlignHCenter
                        // The given name is what people are called by: the last word.
                        text: cell.name.split(" ").slice(-2).join(" ")
                        elide: Text.ElideRight
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(12)
                        color: Theme.text
                    }
                }
                MouseArea {
                    anchors.fill: parent
                    onClicked: Kiosk.setAttendance(cell.delegateId, !cell.present)
                }
            }
        }
    }
}

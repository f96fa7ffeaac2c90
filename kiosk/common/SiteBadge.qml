// Marks a remote site (a bridge point) among speakers: a small camera and "Remote site", so
// the chair and the hall tell a site from a delegate at a glance.
import QtQuick
import Chamber.Common

Rectangle {
    id: root

    property bool onDark: false
    property real size: 1

    readonly property color ink: onDark ? Theme.stageText : Theme.accent
    implicitWidth: row.implicitWidth + Theme.px(14 * size)
    implicitHeight: Math.max(row.implicitHeight, Theme.px(18 * size)) + Theme.px(4 * size)
    radius: height / 2
    color: onDark ? "#2b4d72" : "#e1eff6"

    Row {
        id: row
        anchors.centerIn: parent
        spacing: Theme.px(5 * root.size)
        // A video camera: body and lens.
        Item {
            anchors.verticalCenter: parent.verticalCenter
            width: Theme.px(15 * root.size)
            height: Theme.px(9 * root.size)
            Rectangle {
                width: parent.width * 0.68
                height: parent.height
                radius: Theme.px(2)
                color: root.ink
            }
            Rectangle {
                x: parent.width * 0.62
                anchors.verticalCenter: parent.verticalCenter
                width: parent.width * 0.38
                height: parent.height * 0.7
                radius: Theme.px(1)
                color: root.ink
            }
        }
        Text {
            textFormat: Text.PlainText
            objectName: "siteBadgeText"
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("Remote site")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(12 * root.size)
            font.bold: true
            color: root.ink
        }
    }
}

// The shape that goes with a task's colour: a red disc with "!" (overdue), an amber diamond
// with "!" (due soon), a green ring (on time), a grey tick (done), a grey cross (cancelled).
import QtQuick
import Chamber.Common
import Chamber.Board

Item {
    id: root
    property string colour: "onTime"
    property bool onDark: false
    property real size: Theme.px(22)
    implicitWidth: size
    implicitHeight: size
    readonly property color strong: ColourStyle.edge(colour, onDark)

    Rectangle {
        visible: root.colour === "overdue" || root.colour === "onTime"
        anchors.fill: parent
        radius: width / 2
        color: root.colour === "overdue" ? root.strong : "transparent"
        border.width: root.colour === "onTime" ? Math.max(2, root.size / 6) : 0
        border.color: root.strong
    }
    Rectangle {
        visible: root.colour === "dueSoon"
        anchors.centerIn: parent
        width: root.size * 0.74
        height: width
        rotation: 45
        radius: root.size / 10
        color: root.strong
    }
    Text {
        textFormat: Text.PlainText
        visible: root.colour === "overdue" || root.colour === "dueSoon"
        anchors.centerIn: parent
        text: "!"
        font.family: Theme.fontFamily
        font.pixelSize: root.size * 0.7
        font.bold: true
        color: "#ffffff"
    }
    // A tick from two bars.
    Item {
        visible: root.colour === "done"
        anchors.fill: parent
        Rectangle {
            x: root.size * 0.12; y: root.size * 0.52
            width: root.size * 0.36; height: Math.max(2, root.size / 7)
            rotation: 45
            transformOrigin: Item.Left
            color: root.strong
        }
        Rectangle {
            x: root.size * 0.36; y: root.size * 0.78
            width: root.size * 0.62; height: Math.max(2, root.size / 7)
            rotation: -50
            transformOrigin: Item.Left
            color: root.strong
        }
    }
    Text {
        textFormat: Text.PlainText
        visible: root.colour === "cancelled"
        anchors.centerIn: parent
        text: "×"
        font.family: Theme.fontFamily
        font.pixelSize: root.size * 1.1
        font.bold: true
        color: root.strong
    }
}

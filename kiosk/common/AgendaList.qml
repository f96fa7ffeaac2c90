// The agenda as a list: numbers, nesting, and the item under discussion highlighted. The
// chair console makes rows selectable.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common

ListView {
    id: root

    property bool selectable: false
    signal itemActivated(int itemId)

    clip: true
    model: Kiosk.agenda
    spacing: Theme.px(2)
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar {}

    // Keep the current item in view when it changes.
    Connections {
        target: Kiosk
        function onCurrentItemIdChanged() {
            const row = Kiosk.agenda.rowOf(Kiosk.currentItemId)
            if (row >= 0)
                root.positionViewAtIndex(row, ListView.Contain)
        }
    }

    delegate: Rectangle {
        id: row
        required property int itemId
        required property string number
        required property string title
        required property string kind
        required property int depth
        required property bool current

        width: ListView.view.width
        height: content.implicitHeight + Theme.px(kind === "section" ? 18 : 14)
        color: current ? Theme.currentFill : mouse.pressed ? Theme.divider : Theme.surface
        border.color: current ? Theme.currentEdge : "transparent"
        border.width: current ? 2 : 0
        radius: Theme.px(6)
        objectName: "agendaRow" + itemId

        RowLayout {
            id: content
            anchors.verticalCenter: parent.verticalCenter
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.leftMargin: Theme.px(12) + row.depth * Theme.px(26)
            anchors.rightMargin: Theme.px(12)
            spacing: Theme.px(10)

            Text {
                textFormat: Text.PlainText
                Layout.preferredWidth: Theme.px(46)
                text: row.number
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(row.depth === 0 ? 17 : 15)
                font.bold: row.kind === "section" || row.current
                color: row.current ? Theme.currentEdge : Theme.mutedText
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: row.title
                wrapMode: Text.WordWrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(row.depth === 0 ? 17 : 15)
                font.bold: row.kind === "section" || row.current
                font.italic: row.kind === "break"
                color: row.kind === "break" ? Theme.mutedText : Theme.text
            }
            Rectangle {
                visible: row.current
                implicitWidth: nowLabel.implicitWidth + Theme.px(14)
                implicitHeight: Theme.px(24)
                radius: height / 2
                color: Theme.currentEdge
                Text {
                    textFormat: Text.PlainText
                    id: nowLabel
                    anchors.centerIn: parent
                    text: qsTr("Now")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(12)
                    font.bold: true
                    color: "#ffffff"
                }
            }
        }
        MouseArea {
            id: mouse
            anchors.fill: parent
            enabled: root.selectable
            onClicked: root.itemActivated(row.itemId)
        }
    }
}

// An owner's heading above their cards: the name, and their counts per colour (of the whole
// board, not only this screen), each count with its mark.
import QtQuick
import QtQuick.Layouts
import Chamber.Common
import Chamber.Board

Item {
    id: root
    objectName: "ownerHeading"
    property string name
    property string kind: "organisation"
    property bool continued: false
    property int overdue: 0
    property int dueSoon: 0
    property int onTime: 0
    property int closed: 0
    property bool onDark: false
    property real textScale: 1

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.px(4)
        anchors.rightMargin: Theme.px(4)
        spacing: Theme.px(8)
        Text {
            textFormat: Text.PlainText
            objectName: "ownerName"
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignBottom
            text: root.continued ? qsTr("%1 (continued)").arg(root.name) : root.name
            elide: Text.ElideRight
            maximumLineCount: 2
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(18 * root.textScale)
            font.bold: true
            color: root.onDark ? Theme.stageText : Theme.header
        }
        Repeater {
            model: [{colour: "overdue", count: root.overdue}, {colour: "dueSoon", count: root.dueSoon},
                    {colour: "onTime", count: root.onTime}, {colour: "done", count: root.closed}]
            RowLayout {
                required property var modelData
                visible: modelData.count > 0
                Layout.alignment: Qt.AlignBottom
                spacing: Theme.px(3)
                ColourMark {
                    colour: parent.modelData.colour
                    onDark: root.onDark
                    size: Theme.px(14 * root.textScale)
                }
                Text {
                    textFormat: Text.PlainText
                    objectName: "ownerCount_" + parent.modelData.colour
                    text: parent.modelData.count
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(16 * root.textScale)
                    font.bold: true
                    color: ColourStyle.edge(parent.modelData.colour, root.onDark)
                }
            }
        }
    }
    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: Math.max(1, Theme.px(2))
        color: root.onDark ? "#2b4d72" : Theme.divider
    }
}

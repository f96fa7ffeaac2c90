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
        // A fixed model, as in BoardTotals: counts change texts, not delegates.
        Row {
            Layout.alignment: Qt.AlignBottom
            spacing: Theme.px(8)
            Repeater {
                model: ["overdue", "dueSoon", "onTime", "done"]
                Row {
                    id: count
                    required property string modelData
                    readonly property int value: modelData === "overdue" ? root.overdue
                                               : modelData === "dueSoon" ? root.dueSoon
                                               : modelData === "onTime" ? root.onTime : root.closed
                    visible: value > 0
                    spacing: Theme.px(3)
                    ColourMark {
                        anchors.verticalCenter: parent.verticalCenter
                        colour: count.modelData
                        onDark: root.onDark
                        size: Theme.px(14 * root.textScale)
                    }
                    Text {
                        textFormat: Text.PlainText
                        objectName: "ownerCount_" + count.modelData
                        text: count.value
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(16 * root.textScale)
                        font.bold: true
                        color: ColourStyle.edge(count.modelData, root.onDark)
                    }
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

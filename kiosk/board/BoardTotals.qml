// The whole board's counts per colour, each with its mark and word: how many tasks are late,
// due soon, on time and closed.
import QtQuick
import QtQuick.Layouts
import Chamber.Common
import Chamber.Board

RowLayout {
    id: root
    property bool onDark: false
    property real textScale: 1
    spacing: Theme.px(18 * textScale)

    Repeater {
        model: [{colour: "overdue", count: Board.overdueCount}, {colour: "dueSoon", count: Board.dueSoonCount},
                {colour: "onTime", count: Board.onTimeCount}, {colour: "done", count: Board.doneCount + Board.cancelledCount}]
        Rectangle {
            required property var modelData
            objectName: "total_" + modelData.colour
            implicitWidth: row.implicitWidth + Theme.px(20 * root.textScale)
            implicitHeight: row.implicitHeight + Theme.px(10 * root.textScale)
            radius: Theme.px(8)
            color: ColourStyle.fill(modelData.colour, root.onDark)
            border.width: 1
            border.color: ColourStyle.edge(modelData.colour, root.onDark)
            RowLayout {
                id: row
                anchors.centerIn: parent
                spacing: Theme.px(8)
                ColourMark {
                    colour: parent.parent.modelData.colour
                    onDark: root.onDark
                    size: Theme.px(22 * root.textScale)
                }
                Text {
                    textFormat: Text.PlainText
                    objectName: "totalCount"
                    text: parent.parent.modelData.count
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(26 * root.textScale)
                    font.bold: true
                    color: ColourStyle.edge(parent.parent.modelData.colour, root.onDark)
                }
                Text {
                    textFormat: Text.PlainText
                    text: parent.parent.modelData.colour === "done" ? qsTr("Closed") : ColourStyle.word(parent.parent.modelData.colour)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(16 * root.textScale)
                    color: root.onDark ? Theme.stageText : Theme.text
                }
            }
        }
    }
}

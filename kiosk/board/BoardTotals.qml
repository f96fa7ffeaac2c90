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

    // A fixed model: a count changes a delegate's text, never the delegates themselves (a
    // Repeater recreating items inside a layout while it is laid out is what Qt 6.4 crashes on).
    function countOf(colour) {
        switch (colour) {
        case "overdue": return Board.overdueCount
        case "dueSoon": return Board.dueSoonCount
        case "onTime": return Board.onTimeCount
        }
        return Board.doneCount + Board.cancelledCount
    }

    Repeater {
        model: ["overdue", "dueSoon", "onTime", "done"]
        Rectangle {
            id: chip
            required property string modelData
            objectName: "total_" + modelData
            implicitWidth: row.implicitWidth + Theme.px(20 * root.textScale)
            implicitHeight: row.implicitHeight + Theme.px(10 * root.textScale)
            radius: Theme.px(8)
            color: ColourStyle.fill(modelData, root.onDark)
            border.width: 1
            border.color: ColourStyle.edge(modelData, root.onDark)
            Row {
                id: row
                anchors.centerIn: parent
                spacing: Theme.px(8)
                ColourMark {
                    anchors.verticalCenter: parent.verticalCenter
                    colour: chip.modelData
                    onDark: root.onDark
                    size: Theme.px(22 * root.textScale)
                }
                Text {
                    textFormat: Text.PlainText
                    objectName: "totalCount"
                    anchors.verticalCenter: parent.verticalCenter
                    text: root.countOf(chip.modelData)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(26 * root.textScale)
                    font.bold: true
                    color: ColourStyle.edge(chip.modelData, root.onDark)
                }
                Text {
                    textFormat: Text.PlainText
                    anchors.verticalCenter: parent.verticalCenter
                    text: chip.modelData === "done" ? qsTr("Closed") : ColourStyle.word(chip.modelData)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(16 * root.textScale)
                    color: root.onDark ? Theme.stageText : Theme.text
                }
            }
        }
    }
}

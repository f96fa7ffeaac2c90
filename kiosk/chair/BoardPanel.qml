// The council's follow-up board on the chair console: the counts per colour, every task by
// owner (scrolling), a task's history on a tap, and the choice of what the tally screens show:
// the board, or back to their usual screen (the item, votes and results).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common
import Chamber.Board

ColumnLayout {
    id: root
    objectName: "chairBoardPanel"
    spacing: Theme.px(8)

    Binding {
        target: Board
        property: "active"
        value: root.visible
    }

    Text {
        textFormat: Text.PlainText
        objectName: "chairBoardTitle"
        Layout.fillWidth: true
        text: Board.councilName !== "" ? qsTr("Follow-up board · %1").arg(Board.councilName) : qsTr("Follow-up board")
        elide: Text.ElideRight
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(17)
        font.bold: true
        color: Theme.text
    }
    BoardTotals {
        Layout.fillWidth: true
        textScale: 0.55
        spacing: Theme.px(6)
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.px(8)
        Button {
            objectName: "tallyBoardButton"
            Layout.fillWidth: true
            readonly property bool showing: Board.tallyView === "board"
            text: showing ? qsTr("Back to the meeting on the tally") : qsTr("Show the board on the tally")
            highlighted: !showing
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(14)
            onClicked: Board.showOnTally(!showing)
        }
    }
    Text {
        textFormat: Text.PlainText
        objectName: "tallyShows"
        Layout.fillWidth: true
        text: Board.tallyView === "board" ? qsTr("The tally screens show the follow-up board.")
                                          : qsTr("The tally screens show the meeting.")
        wrapMode: Text.WordWrap
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(13)
        color: Theme.mutedText
    }
    Text {
        textFormat: Text.PlainText
        objectName: "chairBoardProblem"
        visible: Board.problem !== ""
        Layout.fillWidth: true
        text: Board.problem
        wrapMode: Text.WordWrap
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(13)
        color: Theme.bad
    }
    BoardWall {
        Layout.fillWidth: true
        Layout.fillHeight: true
        paged: false
        textScale: 0.8
        onTaskTapped: taskId => Board.openHistory(taskId)
    }
    TaskHistoryPopup {}
}

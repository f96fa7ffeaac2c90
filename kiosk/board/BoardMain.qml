// The board role: a lobby screen with the council's follow-up board. The council, the time and
// the counts per colour at the top; owners with their counts and task cards below, screen
// after screen; a filter by meeting, owner and status; a task's history on a tap.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common
import Chamber.Board

Rectangle {
    id: root
    objectName: "boardMain"
    color: Theme.background
    // A popup is not among the screen's children: tests reach it here.
    readonly property alias historyPopup: history

    Binding {
        target: Theme
        property: "unit"
        value: Math.max(6, Math.min(root.width, root.height) / 100)
    }
    Binding {
        target: Board
        property: "active"
        value: true
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: headerRow.implicitHeight + Theme.px(24)
            color: Theme.header
            RowLayout {
                id: headerRow
                anchors.fill: parent
                anchors.leftMargin: Theme.px(24)
                anchors.rightMargin: Theme.px(24)
                spacing: Theme.px(24)
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.px(2)
                    Text {
                        textFormat: Text.PlainText
                        objectName: "councilName"
                        Layout.fillWidth: true
                        text: Board.councilName !== "" ? Board.councilName : Kiosk.meetingTitle
                        elide: Text.ElideRight
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(26)
                        font.bold: true
                        color: Theme.headerText
                    }
                    Text {
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        text: qsTr("Follow-up of conclusions · %n task(s) · amber %1 days before the deadline", "", Board.totalCount)
                                  .arg(Board.amberDays)
                        elide: Text.ElideRight
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(15)
                        color: Theme.headerMuted
                    }
                }
                BoardTotals {
                    onDark: true
                }
                ClockLabel {
                    objectName: "clock"
                    font.pixelSize: Theme.px(34)
                    font.bold: true
                    color: Theme.headerText
                }
            }
        }

        ConnectionBanner {
            compact: false
            Layout.fillWidth: true
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.px(20)
            Layout.rightMargin: Theme.px(20)
            Layout.topMargin: Theme.px(10)
            BoardFilters {}
            Item { Layout.fillWidth: true }
            Text {
                textFormat: Text.PlainText
                objectName: "boardProblem"
                visible: Board.problem !== ""
                text: Board.problem
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(14)
                color: Theme.bad
            }
            Text {
                textFormat: Text.PlainText
                visible: Board.loaded
                text: qsTr("Updated %1").arg(Qt.formatTime(Board.now, "HH:mm"))
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(14)
                color: Theme.mutedText
            }
        }

        BoardWall {
            id: wall
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.px(14)
            holding: history.opened
            onTaskTapped: taskId => Board.openHistory(taskId)
        }
    }

    TaskHistoryPopup {
        id: history
    }
}

// A task's history, opened by tapping its card: every change in the council's log, oldest
// first, with when and by whom. Closes by itself after a minute on a wall nobody watches.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common
import Chamber.Board

Popup {
    id: root
    objectName: "taskHistory"
    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(parent ? parent.width - Theme.px(80) : Theme.px(900), Theme.px(900))
    height: Math.min(parent ? parent.height - Theme.px(80) : Theme.px(640), Theme.px(640))
    padding: Theme.px(20)
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    onClosed: Board.closeHistory()
    background: Rectangle {
        radius: Theme.px(10)
        color: Theme.surface
        border.color: Theme.divider
    }

    Connections {
        target: Board
        function onHistoryChanged() {
            if (Board.historyTask > 0 && !root.opened)
                root.open()
            else if (Board.historyTask === 0 && root.opened)
                root.close()
        }
    }
    Timer {
        interval: 60000
        running: root.visible
        onTriggered: root.close()
    }

    contentItem: ColumnLayout {
        spacing: Theme.px(10)
        RowLayout {
            Layout.fillWidth: true
            Text {
                textFormat: Text.PlainText
                objectName: "historyTitle"
                Layout.fillWidth: true
                text: qsTr("History of #%1 · %2").arg(Board.historyTask).arg(Board.historyTitle)
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                elide: Text.ElideRight
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(20)
                font.bold: true
                color: Theme.header
            }
            Button {
                objectName: "closeHistory"
                text: qsTr("Close")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(15)
                onClicked: root.close()
            }
        }
        Text {
            textFormat: Text.PlainText
            visible: Board.historyLoading || Board.historyProblem !== ""
            text: Board.historyLoading ? qsTr("Loading…") : Board.historyProblem
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(15)
            color: Board.historyProblem !== "" ? Theme.bad : Theme.mutedText
        }
        ListView {
            id: events
            objectName: "historyList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.px(8)
            model: Board.history
            ScrollBar.vertical: ScrollBar {}
            delegate: Rectangle {
                required property var time
                required property string actor
                required property string summary
                required property string reason
                width: events.width
                implicitHeight: entry.implicitHeight + Theme.px(16)
                radius: Theme.px(6)
                color: "#f5f7fa"
                ColumnLayout {
                    id: entry
                    anchors.fill: parent
                    anchors.margins: Theme.px(8)
                    spacing: Theme.px(2)
                    Text {
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        text: qsTr("%1 · %2").arg(Qt.formatDateTime(parent.parent.time, "dd/MM/yyyy HH:mm")).arg(parent.parent.actor)
                        elide: Text.ElideRight
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(13)
                        color: Theme.mutedText
                    }
                    Text {
                        textFormat: Text.PlainText
                        objectName: "historySummary"
                        Layout.fillWidth: true
                        text: parent.parent.summary
                        wrapMode: Text.WordWrap
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(16)
                        color: Theme.text
                    }
                    Text {
                        textFormat: Text.PlainText
                        visible: parent.parent.reason !== ""
                        Layout.fillWidth: true
                        text: qsTr("Reason: %1").arg(parent.parent.reason)
                        wrapMode: Text.WordWrap
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(14)
                        font.italic: true
                        color: Theme.mutedText
                    }
                }
            }
        }
    }
}

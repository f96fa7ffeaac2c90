// The vote as a bridge point follows it: its delegates vote on their own tablets, so this
// shows the question, how many have voted, and the result once closed.
import QtQuick
import QtQuick.Layouts
import Chamber.Common

Rectangle {
    id: root
    objectName: "bridgeVote"

    readonly property bool open: Kiosk.voting.pollState === "open"
    radius: Theme.px(10)
    color: Theme.surface
    border.color: open ? Theme.accent : "transparent"
    border.width: 2
    implicitHeight: layout.implicitHeight + Theme.px(28)

    ColumnLayout {
        id: layout
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.px(14)
        spacing: Theme.px(8)

        Text {
            textFormat: Text.PlainText
            text: root.open ? qsTr("Voting now: delegates vote on their tablets") : qsTr("Result of the vote")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(15)
            font.bold: true
            color: root.open ? Theme.accent : Theme.mutedText
        }
        Text {
            textFormat: Text.PlainText
            objectName: "bridgePollTitle"
            Layout.fillWidth: true
            text: Kiosk.voting.title
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(20)
            font.bold: true
            color: Theme.text
        }
        VoteProgress {
            Layout.fillWidth: true
            visible: root.open
            size: 0.9
        }
        PollResultView {
            objectName: "bridgeResult"
            Layout.fillWidth: true
            visible: Kiosk.voting.result.available
            size: 0.9
        }
    }
}

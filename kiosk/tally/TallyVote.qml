// A vote on the projector. While open: the question and how many have voted, never how. Once
// closed: the verdict in large letters, a bar per choice, the rule, and for a named vote the
// room with every seat in the colour of its choice.
import QtQuick
import QtQuick.Layouts
import Chamber.Common

Rectangle {
    id: root
    objectName: "tallyVote"

    property bool portrait: false
    readonly property bool open: Kiosk.voting.pollState === "open"
    readonly property bool showSeats: Kiosk.voting.result.available && !Kiosk.voting.secret && Kiosk.voting.result.seatVotes.length > 0

    radius: Theme.px(10)
    color: Theme.stageSurface

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.px(22)
        spacing: Theme.px(14)

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.px(14)
            Text {
                textFormat: Text.PlainText
                text: root.open ? qsTr("Voting now") : qsTr("Result of the vote")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(24)
                font.bold: true
                color: Theme.currentEdge
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: Kiosk.voting.secret ? qsTr("Secret ballot") : qsTr("Named vote")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(20)
                color: Theme.stageMuted
            }
        }
        Text {
            textFormat: Text.PlainText
            objectName: "tallyPollTitle"
            Layout.fillWidth: true
            text: Kiosk.voting.title
            wrapMode: Text.WordWrap
            maximumLineCount: 3
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(root.open ? 44 : 32)
            font.bold: true
            color: Theme.stageText
        }

        // Open: the count, big, and the bar.
        Item {
            visible: root.open
            Layout.fillWidth: true
            Layout.fillHeight: true
            ColumnLayout {
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                spacing: Theme.px(16)
                VoteProgress {
                    objectName: "tallyProgress"
                    Layout.fillWidth: true
                    onDark: true
                    size: 2.6
                }
                Text {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    text: (Kiosk.voting.yesNo ? qsTr("Passes with: %1") : qsTr("Elected with: %1")).arg(Kiosk.voting.ruleLabel)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(22)
                    color: Theme.stageMuted
                }
            }
        }

        // Closed: verdict and bars, beside (or above) the seats.
        GridLayout {
            visible: Kiosk.voting.result.available
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: root.showSeats && !root.portrait ? 2 : 1
            columnSpacing: Theme.px(28)
            rowSpacing: Theme.px(16)

            PollResultView {
                objectName: "tallyResult"
                Layout.fillWidth: true
                Layout.preferredWidth: 5
                Layout.alignment: Qt.AlignTop
                onDark: true
                size: root.showSeats ? 1.6 : 2.2
            }
            SeatVoteMap {
                objectName: "tallySeats"
                visible: root.showSeats
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 4
                onDark: true
                size: 1.2
            }
        }
    }
}

// A vote on a seat's tablet, taking the screen while it is open: the question, the rule, the
// delegate's ballot and, with a proxy, the giver's; once closed, the result and whether this
// ballot was counted, until the delegate puts it away.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common

Rectangle {
    id: root
    objectName: "votingPanel"

    readonly property bool open: Kiosk.voting.pollState === "open"
    radius: Theme.px(10)
    color: Theme.surface
    border.color: open ? Theme.accent : Theme.divider
    border.width: open ? 2 : 1

    Flickable {
        id: flick
        anchors.fill: parent
        anchors.margins: Theme.px(16)
        contentHeight: layout.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: layout
            width: flick.width
            spacing: Theme.px(12)

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.px(10)
                Rectangle {
                    implicitWidth: stateLabel.implicitWidth + Theme.px(20)
                    implicitHeight: Theme.px(30)
                    radius: height / 2
                    color: root.open ? Theme.accent : Theme.divider
                    Text {
                        textFormat: Text.PlainText
                        id: stateLabel
                        anchors.centerIn: parent
                        text: root.open ? qsTr("Voting now")
                            : Kiosk.voting.pollState === "published" ? qsTr("Result published") : qsTr("Voting closed")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(14)
                        font.bold: true
                        color: root.open ? "#ffffff" : Theme.text
                    }
                }
                Text {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    text: Kiosk.voting.secret ? qsTr("Secret ballot") : qsTr("Named vote")
                    elide: Text.ElideRight
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(15)
                    color: Theme.mutedText
                }
                Button {
                    objectName: "dismissResult"
                    visible: !root.open
                    Layout.preferredHeight: Theme.px(44)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(16)
                    text: qsTr("Back to the agenda")
                    onClicked: Kiosk.voting.dismissResult()
                }
            }
            Text {
                textFormat: Text.PlainText
                objectName: "pollTitle"
                Layout.fillWidth: true
                text: Kiosk.voting.title
                wrapMode: Text.WordWrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(26)
                font.bold: true
                color: Theme.text
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                visible: root.open
                text: (Kiosk.voting.yesNo ? qsTr("Passes with: %1") : qsTr("Elected with: %1")).arg(Kiosk.voting.ruleLabel)
                wrapMode: Text.WordWrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(15)
                color: Theme.mutedText
            }

            BallotCard {
                objectName: "ownBallotCard"
                Layout.fillWidth: true
                visible: Kiosk.voting.ownBallot.delegateId > 0
                ballot: Kiosk.voting.ownBallot
            }
            BallotCard {
                objectName: "proxyBallotCard"
                Layout.fillWidth: true
                visible: Kiosk.voting.proxyBallot.delegateId > 0
                ballot: Kiosk.voting.proxyBallot
            }

            VoteProgress {
                Layout.fillWidth: true
                Layout.topMargin: Theme.px(4)
                visible: root.open
                size: 0.7
            }
            PollResultView {
                objectName: "delegateResult"
                Layout.fillWidth: true
                visible: Kiosk.voting.result.available
                size: 0.85
            }
        }
    }
}

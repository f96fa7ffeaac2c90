// One ballot on a seat's tablet: the delegate's own, or the one cast for the delegate whose
// proxy this tablet holds. The choices, and the state in plain words: sending, recorded with
// its receipt, refused and why, or voting closed.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common

Rectangle {
    id: root

    required property BallotStatus ballot
    readonly property bool open: Kiosk.voting.pollState === "open"
    readonly property string prefix: ballot.forProxy ? "proxy" : "own"

    radius: Theme.px(10)
    color: ballot.forProxy ? "#f4f1fa" : Theme.surface
    border.color: ballot.forProxy ? "#b9a6d6" : Theme.divider
    border.width: 1
    implicitHeight: layout.implicitHeight + Theme.px(28)

    ColumnLayout {
        id: layout
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.px(14)
        spacing: Theme.px(10)

        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: root.ballot.forProxy
                  ? qsTr("By proxy for %1 (seat %2)").arg(root.ballot.name).arg(root.ballot.seat)
                  : qsTr("Your ballot")
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(17)
            font.bold: true
            color: root.ballot.forProxy ? "#5b3f86" : Theme.text
        }

        Text {
            textFormat: Text.PlainText
            objectName: root.prefix + "BlockedReason"
            Layout.fillWidth: true
            visible: root.open && root.ballot.blockedReason !== ""
            text: root.ballot.blockedReason
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(17)
            font.bold: true
            color: Theme.warning
        }

        GridLayout {
            Layout.fillWidth: true
            visible: root.open
            columns: Kiosk.voting.yesNo ? 3 : Math.min(2, Kiosk.voting.choices.length)
            columnSpacing: Theme.px(12)
            rowSpacing: Theme.px(10)
            Repeater {
                model: Kiosk.voting.choices
                delegate: ChoiceButton {
                    required property var modelData
                    required property int index
                    objectName: root.prefix + "Choice_" + modelData.choice
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    choice: modelData.choice
                    choiceIndex: index
                    text: modelData.label
                    selected: root.ballot.choice === modelData.choice && root.ballot.status !== BallotStatus.Refused
                              && root.ballot.status !== BallotStatus.None
                    enabled: root.ballot.canVote && !(selected && root.ballot.recorded)
                    onClicked: Kiosk.voting.castBallot(modelData.choice, root.ballot.forProxy ? root.ballot.delegateId : 0)
                }
            }
        }

        // The state, in words a delegate reads at a glance.
        Rectangle {
            Layout.fillWidth: true
            visible: statusText.text !== ""
            implicitHeight: statusColumn.implicitHeight + Theme.px(root.ballot.status === BallotStatus.None ? 0 : 20)
            radius: Theme.px(8)
            color: root.ballot.status === BallotStatus.Refused ? Theme.badFill
                 : root.ballot.status === BallotStatus.Sending ? Theme.warningFill
                 : root.ballot.recorded ? Theme.goodFill : "transparent"

            ColumnLayout {
                id: statusColumn
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                anchors.margins: Theme.px(root.ballot.status === BallotStatus.None ? 0 : 12)
                spacing: Theme.px(4)

                Text {
                    textFormat: Text.PlainText
                    id: statusText
                    objectName: root.prefix + "BallotStatus"
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(root.ballot.status === BallotStatus.None ? 16 : 20)
                    font.bold: root.ballot.status !== BallotStatus.None
                    color: root.ballot.status === BallotStatus.Refused ? Theme.bad
                         : root.ballot.status === BallotStatus.Sending ? Theme.warning
                         : root.ballot.recorded ? Theme.good : Theme.mutedText
                    text: {
                        switch (root.ballot.status) {
                        case BallotStatus.Sending: return qsTr("Sending…")
                        case BallotStatus.Recorded: return qsTr("Recorded")
                        case BallotStatus.Refused: return root.ballot.recorded ? qsTr("Recorded; the change was refused") : qsTr("Not recorded")
                        case BallotStatus.Closed:
                            return root.ballot.counted ? qsTr("Voting has closed · the ballot was counted")
                                 : root.ballot.recorded ? qsTr("Voting has closed")
                                 : qsTr("Voting has closed · no ballot")
                        }
                        return root.open && root.ballot.canVote ? qsTr("Tap a choice to vote") : ""
                    }
                }
                // The receipt, large enough to compare with the published list.
                Row {
                    visible: root.ballot.receipt !== "" && root.ballot.recorded
                    spacing: Theme.px(12)
                    Text {
                        textFormat: Text.PlainText
                        anchors.baseline: receiptText.baseline
                        text: qsTr("Receipt")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(15)
                        color: Theme.mutedText
                    }
                    Text {
                        textFormat: Text.PlainText
                        id: receiptText
                        objectName: root.prefix + "Receipt"
                        text: root.ballot.receipt
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(30)
                        font.bold: true
                        color: Theme.text
                    }
                }
                Text {
                    textFormat: Text.PlainText
                    objectName: root.prefix + "Refusal"
                    Layout.fillWidth: true
                    visible: root.ballot.refusal !== "" && root.ballot.status === BallotStatus.Refused
                    text: root.ballot.refusal
                    wrapMode: Text.WordWrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(16)
                    color: Theme.bad
                }
                Text {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    visible: root.open && root.ballot.recorded && root.ballot.status === BallotStatus.Recorded
                    text: Kiosk.voting.allowChange ? qsTr("You may change your choice until voting closes.")
                                                   : qsTr("This vote does not allow changes.")
                    wrapMode: Text.WordWrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(14)
                    color: Theme.mutedText
                }
                Text {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    visible: root.ballot.recorded && Kiosk.voting.secret
                    text: qsTr("Find this code in the published result to check your ballot was counted.")
                    wrapMode: Text.WordWrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(14)
                    color: Theme.mutedText
                }
            }
        }
    }
}

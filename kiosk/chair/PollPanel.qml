// The chair's votes: create one, see every vote of the session with its state, and run the
// one in focus: open it, watch ballots come in (and who has not voted yet), close it, publish
// the result.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common

ColumnLayout {
    id: root
    objectName: "pollPanel"
    spacing: Theme.px(10)

    readonly property string pollState: Kiosk.voting.pollState
    readonly property BallotProgress progress: Kiosk.voting.progress

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.px(10)
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: qsTr("Votes")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(17)
            font.bold: true
            color: Theme.text
        }
        Button {
            objectName: "createPollButton"
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(15)
            font.bold: true
            text: qsTr("+ New vote")
            onClicked: createDialog.open()
        }
    }

    ListView {
        id: pollList
        objectName: "pollList"
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(contentHeight, Theme.px(150))
        visible: count > 0
        clip: true
        spacing: Theme.px(3)
        model: Kiosk.voting.polls
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        delegate: Rectangle {
            id: pollRow
            required property int pollId
            required property string title
            required property string pollState
            required property string stateLabel
            required property string verdictLabel
            readonly property bool focused: pollId === Kiosk.voting.pollId
            objectName: "pollRow" + pollId
            width: ListView.view.width
            height: Theme.px(40)
            radius: Theme.px(6)
            color: focused ? Theme.currentFill : Theme.surface
            border.color: focused ? Theme.currentEdge : "transparent"
            border.width: focused ? 2 : 0
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.px(10)
                anchors.rightMargin: Theme.px(10)
                spacing: Theme.px(8)
                Rectangle {
                    implicitWidth: stateText.implicitWidth + Theme.px(12)
                    implicitHeight: Theme.px(22)
                    radius: height / 2
                    color: pollRow.pollState === "open" ? Theme.accent : Theme.divider
                    Text {
                        textFormat: Text.PlainText
                        id: stateText
                        anchors.centerIn: parent
                        text: pollRow.stateLabel
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(12)
                        font.bold: true
                        color: pollRow.pollState === "open" ? "#ffffff" : Theme.text
                    }
                }
                Text {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    text: pollRow.title
                    elide: Text.ElideRight
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(14)
                    color: Theme.text
                }
                Text {
                    textFormat: Text.PlainText
                    text: pollRow.verdictLabel
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(13)
                    font.bold: true
                    color: Theme.mutedText
                }
            }
            MouseArea {
                anchors.fill: parent
                onClicked: Kiosk.voting.selectPoll(pollRow.pollId)
            }
        }
    }

    Text {
        textFormat: Text.PlainText
        visible: !Kiosk.voting.active
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        text: pollList.count > 0 ? qsTr("Tap a vote to see it.") : qsTr("No vote yet. Create one for the item under discussion.")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(14)
        color: Theme.mutedText
    }

    Item {
        visible: !Kiosk.voting.active
        Layout.fillHeight: true
    }

    // The vote in focus.
    Rectangle {
        objectName: "pollDetails"
        visible: Kiosk.voting.active
        Layout.fillWidth: true
        Layout.fillHeight: true
        radius: Theme.px(10)
        color: Theme.surface
        border.color: root.pollState === "open" ? Theme.accent : "transparent"
        border.width: 2

        Flickable {
            id: detailsFlick
            anchors.fill: parent
            anchors.margins: Theme.px(14)
            contentHeight: details.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}

            ColumnLayout {
                id: details
                width: detailsFlick.width
                spacing: Theme.px(10)

                Text {
                    textFormat: Text.PlainText
                    objectName: "chairPollTitle"
                    Layout.fillWidth: true
                    text: Kiosk.voting.title
                    wrapMode: Text.WordWrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(20)
                    font.bold: true
                    color: Theme.text
                }
                Text {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    text: [Kiosk.voting.secret ? qsTr("Secret ballot") : qsTr("Named vote"),
                           Kiosk.voting.ruleLabel,
                           Kiosk.voting.allowChange ? qsTr("changes allowed") : qsTr("no changes")].join("  ·  ")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(14)
                    color: Theme.mutedText
                }

                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.px(8)
                    Button {
                        objectName: "openPollButton"
                        visible: root.pollState === "draft"
                        enabled: Kiosk.voting.openPollId === 0
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.px(50)
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(17)
                        font.bold: true
                        text: Kiosk.voting.openPollId === 0 ? qsTr("Open voting") : qsTr("Another vote is open")
                        palette.button: Theme.accent
                        palette.buttonText: "#ffffff"
                        onClicked: Kiosk.voting.openPoll(Kiosk.voting.pollId)
                    }
                    Button {
                        objectName: "closePollButton"
                        visible: root.pollState === "open"
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.px(50)
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(17)
                        font.bold: true
                        text: qsTr("Close voting")
                        onClicked: closeConfirm.open()
                    }
                    Button {
                        objectName: "publishPollButton"
                        visible: root.pollState === "closed"
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.px(50)
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(17)
                        font.bold: true
                        text: qsTr("Publish the result")
                        palette.button: Theme.accent
                        palette.buttonText: "#ffffff"
                        onClicked: Kiosk.voting.publishPoll(Kiosk.voting.pollId)
                    }
                    Text {
                        textFormat: Text.PlainText
                        visible: root.pollState === "published"
                        Layout.fillWidth: true
                        text: qsTr("Result published and signed")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(15)
                        font.bold: true
                        color: Theme.good
                    }
                }

                VoteProgress {
                    Layout.fillWidth: true
                    visible: root.pollState === "open"
                    size: 0.8
                }
                Text {
                    textFormat: Text.PlainText
                    visible: root.pollState === "open" && root.progress.hasPendingList
                    Layout.fillWidth: true
                    text: root.progress.pending.length > 0 ? qsTr("Not voted yet (%1):").arg(root.progress.pending.length)
                                                          : qsTr("Everyone present has voted.")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(14)
                    font.bold: true
                    color: root.progress.pending.length > 0 ? Theme.warning : Theme.good
                }
                Flow {
                    objectName: "pendingNames"
                    visible: root.pollState === "open"
                    Layout.fillWidth: true
                    spacing: Theme.px(5)
                    Repeater {
                        model: root.progress.pending
                        delegate: Rectangle {
                            required property var modelData
                            objectName: "pending_" + modelData.delegateId
                            width: pendingText.implicitWidth + Theme.px(14)
                            height: Theme.px(28)
                            radius: Theme.px(5)
                            color: Theme.warningFill
                            Text {
                                textFormat: Text.PlainText
                                id: pendingText
                                anchors.centerIn: parent
                                text: (parent.modelData.seat !== "" ? parent.modelData.seat + " · " : "") + parent.modelData.name
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.px(13)
                                color: Theme.text
                            }
                        }
                    }
                }
                PollResultView {
                    objectName: "chairResult"
                    Layout.fillWidth: true
                    visible: Kiosk.voting.result.available
                    size: 0.75
                }
            }
        }
    }

    CreatePollDialog {
        id: createDialog
    }

    Dialog {
        id: closeConfirm
        objectName: "closeConfirm"
        modal: true
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent ? parent.width - Theme.px(40) : 500, Theme.px(520))
        // Explicit: the Dialog's own implicit height loops in Qt 6.4 when nothing sets one.
        height: Theme.px(250)
        title: qsTr("Close voting?")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(16)
        // A fixed-width text: a wrapping label in a Dialog loops on its height in Qt 6.4.
        contentItem: Text {
            textFormat: Text.PlainText
            width: closeConfirm.availableWidth
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(16)
            color: Theme.text
            text: qsTr("%1 of %2 ballots are in. No ballot can be cast or changed after the close.")
                  .arg(root.progress.cast).arg(root.progress.eligible)
        }
        footer: DialogButtonBox {
            Button {
                text: qsTr("Keep voting open")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
            Button {
                objectName: "closeConfirmButton"
                text: qsTr("Close voting")
                font.bold: true
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }
        onAccepted: Kiosk.voting.closePoll(Kiosk.voting.pollId)
    }
}

// The tally screen on the projector: readable from the back of the hall. The item under
// discussion in large type, or a vote (progress while open, the result after); who has the
// floor with the time left; the page the presenter shows, large; attendance against the quorum, the clock, and the join code for
// the next free seat.
import QtQuick
import QtQuick.Layouts
import Chamber.Common
import Chamber.Documents
import Chamber.Board

Rectangle {
    id: root
    objectName: "tallyMain"
    color: Theme.stage
    readonly property bool portrait: height > width
    readonly property bool voting: Kiosk.voting.active && Kiosk.voting.pollState !== "draft"
    // The council's follow-up board when the chair put it up (screen.show); a vote opened
    // meanwhile still takes the screen, and the board comes back after it.
    readonly property bool showingBoard: Board.tallyView === "board" && !voting
    // The presenter's page fills the stage; a vote and the board still take precedence.
    readonly property bool presenting: Kiosk.documents.presenting && !voting && !showingBoard
    // A remote site with the floor is seen large (its camera is the programme then).
    readonly property bool siteOnAir: Kiosk.speaking.speakerIsSite && !voting && !presenting && !showingBoard
    // The join code gives way to the vote and the speaker: nobody joins during those.
    readonly property bool showSeatCode: Kiosk.seatCodeUrl !== "" && !voting && !Kiosk.speaking.floorTaken
                                         && !Kiosk.documents.presenting && !showingBoard

    Binding {
        target: Theme
        property: "unit"
        value: Math.max(6, Math.min(root.width, root.height) / 100)
    }
    Binding {
        target: Board
        property: "active"
        value: root.showingBoard
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.px(28)
        spacing: Theme.px(20)

        // Anchored rather than a RowLayout: the clock keeps its full width even when the
        // layout below settles after the first frame.
        Item {
            Layout.fillWidth: true
            implicitHeight: Math.max(meetingTitle.implicitHeight, clock.implicitHeight)
            Text {
                textFormat: Text.PlainText
                id: meetingTitle
                anchors.left: parent.left
                anchors.right: statusChip.left
                anchors.rightMargin: Theme.px(20)
                anchors.verticalCenter: parent.verticalCenter
                text: Kiosk.meetingTitle
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                elide: Text.ElideRight
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(24)
                color: Theme.stageMuted
            }
            StatusChip {
                id: statusChip
                anchors.right: clock.left
                anchors.rightMargin: Theme.px(20)
                anchors.verticalCenter: parent.verticalCenter
                status: Kiosk.meetingStatus
            }
            ClockLabel {
                id: clock
                objectName: "clock"
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                font.pixelSize: Theme.px(44)
                font.bold: true
                color: Theme.stageText
            }
        }

        TallyVote {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: root.voting
            portrait: root.portrait
        }
        PresentedPage {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: root.presenting
        }
        TallySite {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: root.siteOnAir
            wanted: root.siteOnAir
        }
        ColumnLayout {
            objectName: "tallyBoard"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: root.showingBoard
            spacing: Theme.px(12)
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.px(20)
                Text {
                    textFormat: Text.PlainText
                    objectName: "tallyBoardTitle"
                    Layout.fillWidth: true
                    text: Board.councilName !== "" ? qsTr("Follow-up board · %1").arg(Board.councilName)
                                                   : qsTr("Follow-up board")
                    wrapMode: Text.WordWrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(28)
                    font.bold: true
                    color: Theme.stageText
                }
                BoardTotals {
                    onDark: true
                }
            }
            BoardWall {
                Layout.fillWidth: true
                Layout.fillHeight: true
                onDark: true
                textScale: 1.1
            }
        }
        CurrentItemCard {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !root.voting && !root.presenting && !root.siteOnAir && !root.showingBoard
            onDark: true
            centered: true
            titleSize: root.portrait ? 40 : Kiosk.speaking.floorTaken ? 44 : 52
        }

        GridLayout {
            Layout.fillWidth: true
            visible: !root.showingBoard
            columns: root.portrait ? 1 : 2
            columnSpacing: Theme.px(20)
            rowSpacing: Theme.px(20)

            SpeakerCard {
                Layout.fillWidth: true
                Layout.columnSpan: root.portrait ? 1 : 2
                onDark: true
                size: root.portrait ? 1.6 : 2
            }

            QuorumPanel {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignBottom
                Layout.columnSpan: root.showSeatCode || root.portrait ? 1 : 2
                large: !root.voting
                onDark: true
            }

            Rectangle {
                objectName: "seatCode"
                visible: root.showSeatCode
                Layout.alignment: Qt.AlignRight | Qt.AlignBottom
                implicitWidth: codeRow.implicitWidth + Theme.px(28)
                implicitHeight: codeRow.implicitHeight + Theme.px(28)
                radius: Theme.px(10)
                color: "#ffffff"
                RowLayout {
                    id: codeRow
                    anchors.centerIn: parent
                    spacing: Theme.px(16)
                    ColumnLayout {
                        spacing: Theme.px(6)
                        Text {
                            textFormat: Text.PlainText
                            text: qsTr("Next seat")
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.px(18)
                            color: Theme.mutedText
                        }
                        Text {
                            textFormat: Text.PlainText
                            objectName: "seatCodeLabel"
                            text: Kiosk.seatCodeLabel
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.px(24)
                            font.bold: true
                            color: Theme.text
                            Layout.maximumWidth: Theme.px(320)
                            wrapMode: Text.WordWrap
                        }
                        Text {
                            textFormat: Text.PlainText
                            text: qsTr("Scan with the seat's tablet to join")
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.px(16)
                            color: Theme.mutedText
                            Layout.maximumWidth: Theme.px(320)
                            wrapMode: Text.WordWrap
                        }
                    }
                    Image {
                        Layout.preferredWidth: Theme.px(200)
                        Layout.preferredHeight: Theme.px(200)
                        sourceSize: Qt.size(Theme.px(200), Theme.px(200))
                        source: Kiosk.seatCodeUrl !== "" ? "image://qr/" + encodeURIComponent(Kiosk.seatCodeUrl) : ""
                        smooth: false
                        fillMode: Image.PreserveAspectFit
                    }
                }
            }
        }
    }

    ConnectionBanner {
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.px(8)
        compact: true
        visible: Kiosk.connectionState !== "online"
    }
}

// A seat's tablet: the item under discussion and the agenda, or while a vote is open (and its
// result after) the voting panel in their place; the delegate's attendance, asking for the
// floor, and the quorum beside.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common

Rectangle {
    id: root
    objectName: "delegateMain"
    color: Theme.background
    readonly property bool portrait: height > width * 1.1
    readonly property bool voting: Kiosk.voting.active && Kiosk.voting.pollState !== "draft"

    Binding {
        target: Theme
        property: "unit"
        value: Math.max(6, Math.min(root.width, root.height) / 100)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        MeetingHeader {
            Layout.fillWidth: true
            subtitle: Kiosk.ownSeat !== "" ? qsTr("Seat %1").arg(Kiosk.ownSeat) : Kiosk.deviceLabel
        }
        ConnectionBanner {
            compact: false
            Layout.fillWidth: true
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.px(16)
            columns: root.portrait ? 1 : 2
            columnSpacing: Theme.px(16)
            rowSpacing: Theme.px(16)

            VotingPanel {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 3
                visible: root.voting
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 3
                visible: !root.voting
                spacing: Theme.px(12)

                CurrentItemCard {
                    Layout.fillWidth: true
                }
                Text {
                    text: qsTr("Agenda")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(18)
                    font.bold: true
                    color: Theme.text
                }
                AgendaList {
                    objectName: "agendaList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: !root.portrait
                Layout.preferredWidth: 2
                Layout.maximumWidth: root.portrait ? -1 : Theme.px(420)
                spacing: Theme.px(12)

                AttendanceCard {
                    Layout.fillWidth: true
                    compact: root.portrait && root.voting
                }
                SpeakingCard {
                    Layout.fillWidth: true
                }
                QuorumPanel {
                    Layout.fillWidth: true
                    visible: !(root.portrait && root.voting)
                }
                Item {
                    Layout.fillHeight: true
                    visible: !root.portrait
                }
            }
        }
    }
}

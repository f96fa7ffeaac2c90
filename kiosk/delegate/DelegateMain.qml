// A seat's tablet: the item under discussion and the agenda or the meeting's documents (a
// document the presenter shows opens by itself), or while a vote is open (and its result
// after) the voting panel in their place; the delegate's attendance, asking for the floor, and
// the quorum beside. Reading a document takes the whole width.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common
import Chamber.Documents

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

                TabBar {
                    id: tabs
                    objectName: "delegateTabs"
                    Layout.fillWidth: true
                    visible: !documents.viewing
                    TabButton {
                        text: qsTr("Agenda")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(16)
                    }
                    TabButton {
                        objectName: "documentsTab"
                        text: Kiosk.documents.allReady || Kiosk.documents.count === 0
                              ? qsTr("Documents (%1)").arg(Kiosk.documents.count)
                              : qsTr("Documents (%1/%2)").arg(Kiosk.documents.readyCount).arg(Kiosk.documents.count)
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(16)
                    }
                }
                CurrentItemCard {
                    Layout.fillWidth: true
                    visible: tabs.currentIndex === 0
                }
                AgendaList {
                    objectName: "agendaList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: tabs.currentIndex === 0
                }
                DocumentsPane {
                    id: documents
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: tabs.currentIndex === 1
                    onViewingChanged: if (viewing) tabs.currentIndex = 1
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: !root.portrait
                // Reading takes the whole width; the vote still pushes the document aside.
                visible: !documents.viewing || root.voting
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
                PhoneReaderButton {
                    Layout.fillWidth: true
                    visible: !root.voting && Kiosk.documents.count > 0
                }
                Item {
                    Layout.fillHeight: true
                    visible: !root.portrait
                }
            }
        }
    }
}

// The chair console: moves through the agenda, opens and closes the session, runs votes and
// the speaker list, sees attendance against the quorum (and can correct it), and sees which
// devices are connected.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common
import Chamber.Documents
import Chamber.Board

Rectangle {
    id: root
    objectName: "chairMain"
    color: Theme.background
    readonly property bool wide: width >= height * 1.4 && width >= 1200

    Binding {
        target: Theme
        property: "unit"
        value: Math.max(6, Math.min(root.width, root.height) / 100)
    }

    component PanelTab: TabButton {
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(15)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        MeetingHeader {
            Layout.fillWidth: true
            subtitle: qsTr("Chair console")
        }
        ConnectionBanner {
            compact: false
            Layout.fillWidth: true
        }
        // Tablets: one panel per tab.
        TabBar {
            id: tabs
            objectName: "chairTabs"
            visible: !root.wide
            Layout.fillWidth: true
            // A source of its own: five tabs share a tablet's width, so the tab is shorter
            // than the agenda's heading elsewhere.
            PanelTab { text: qsTr("Agenda (tab)") }
            PanelTab {
                objectName: "votingTab"
                text: Kiosk.voting.openPollId > 0 ? qsTr("Voting ●") : qsTr("Voting")
            }
            PanelTab {
                objectName: "speakersTab"
                text: qsTr("Speakers (%1)").arg(Kiosk.speaking.queueLength)
            }
            PanelTab { text: qsTr("Attendance") }
            PanelTab { text: qsTr("Devices %1/%2").arg(Kiosk.devices.onlineCount).arg(Kiosk.devices.count) }
            PanelTab {
                objectName: "chairDocumentsTab"
                text: Kiosk.documents.presenting ? qsTr("Documents ●") : qsTr("Documents")
            }
            PanelTab {
                objectName: "chairBoardTab"
                text: Board.tallyView === "board" ? qsTr("Board ●") : qsTr("Board")
            }
            PanelTab {
                objectName: "chairConclusionsTab"
                text: qsTr("Conclusions")
            }
            PanelTab {
                objectName: "chairMinutesTab"
                text: qsTr("Minutes")
            }
        }

        // Wide screens: agenda, votes, and the rest (speakers, attendance, devices) by tab.
        GridLayout {
            id: workArea
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.px(14)
            columns: root.wide ? 3 : 1
            columnSpacing: Theme.px(14)

            AgendaControl {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 4
                visible: root.wide || tabs.currentIndex === 0
            }
            PollPanel {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 4
                visible: root.wide || tabs.currentIndex === 1
            }
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 4
                visible: root.wide || tabs.currentIndex >= 2
                spacing: Theme.px(10)

                TabBar {
                    id: sideTabs
                    objectName: "sideTabs"
                    visible: root.wide
                    Layout.fillWidth: true
                    PanelTab {
                        objectName: "sideSpeakersTab"
                        text: qsTr("Speakers (%1)").arg(Kiosk.speaking.queueLength)
                    }
                    PanelTab { text: qsTr("Attendance") }
                    PanelTab { text: qsTr("Devices %1/%2").arg(Kiosk.devices.onlineCount).arg(Kiosk.devices.count) }
                    PanelTab {
                        objectName: "sideDocumentsTab"
                        text: Kiosk.documents.presenting ? qsTr("Documents ●") : qsTr("Documents")
                    }
                    PanelTab {
                        objectName: "sideBoardTab"
                        text: Board.tallyView === "board" ? qsTr("Board ●") : qsTr("Board")
                    }
                    PanelTab {
                        objectName: "sideConclusionsTab"
                        text: qsTr("Conclusions")
                    }
                    PanelTab {
                        objectName: "sideMinutesTab"
                        text: qsTr("Minutes")
                    }
                }
                readonly property int shown: root.wide ? sideTabs.currentIndex : tabs.currentIndex - 2
                SpeakerPanel {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: parent.shown === 0
                }
                AttendancePanel {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: parent.shown === 1
                }
                DevicePanel {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: parent.shown === 2
                }
                DocumentsPane {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: parent.shown === 3
                    viewerHost: viewerArea
                }
                BoardPanel {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: parent.shown === 4
                }
                ConclusionsPanel {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: parent.shown === 5
                }
                MinutesPanel {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: parent.shown === 6
                    viewerHost: viewerArea
                }
            }
        }
    }

    // A document opened on the console takes the whole work area (the column layout fills the
    // window, so its coordinates are the window's).
    Item {
        id: viewerArea
        x: workArea.x
        y: workArea.y
        width: workArea.width
        height: workArea.height
    }
}

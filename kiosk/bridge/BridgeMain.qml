// A remote bridge point: the meeting's agenda and current item, the vote in progress (or its
// result), who has the floor, and its connection to the chamber. (Programme video comes with
// the video bridge work.)
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common

Rectangle {
    id: root
    objectName: "bridgeMain"
    color: Theme.background
    readonly property bool portrait: height > width * 1.1

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
            subtitle: Kiosk.deviceLabel !== "" ? qsTr("Bridge point: %1").arg(Kiosk.deviceLabel) : qsTr("Bridge point")
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

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: !root.portrait
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 3
                spacing: Theme.px(12)
                CurrentItemCard {
                    Layout.fillWidth: true
                    titleSize: Kiosk.voting.active ? 22 : 30
                }
                BridgeVote {
                    Layout.fillWidth: true
                    visible: Kiosk.voting.active && Kiosk.voting.pollState !== "draft"
                }
                SpeakerCard {
                    Layout.fillWidth: true
                }
                QuorumPanel {
                    Layout.fillWidth: true
                }
                Item {
                    Layout.fillHeight: true
                    visible: !root.portrait
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 2
                spacing: Theme.px(8)
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
        }
    }
}

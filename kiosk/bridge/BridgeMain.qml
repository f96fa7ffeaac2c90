// A remote bridge point: the chamber's programme as large as it fits, this site's camera small,
// its microphone, camera and request-to-speak controls, "on air" while it has the floor, and
// beside it the meeting as a delegate sees it (current item, agenda, documents, the vote and
// who speaks). The video never holds up the rest: without it the screen says why and goes on.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common
import Chamber.Media

Rectangle {
    id: root
    objectName: "bridgeMain"
    color: Theme.background
    readonly property bool portrait: height > width * 1.1
    readonly property alias media: media

    Binding {
        target: Theme
        property: "unit"
        value: Math.max(6, Math.min(root.width, root.height) / 100)
    }

    BridgeMedia {
        id: media
        objectName: "bridgeMedia"
        active: Kiosk.phase === "running" && Kiosk.role === "bridge"
        programmeSurface: programmeView.programmeSurface
        previewSurface: programmeView.previewSurface
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
            Layout.margins: Theme.px(12)
            columns: root.portrait ? 1 : 2
            columnSpacing: Theme.px(12)
            rowSpacing: Theme.px(12)

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: !root.portrait
                Layout.alignment: Qt.AlignTop
                // A document being read takes more of the width; the programme stays in view.
                Layout.preferredWidth: side.viewing ? 4 : 7
                spacing: Theme.px(10)

                ProgrammeView {
                    id: programmeView
                    media: media
                    Layout.fillWidth: true
                    Layout.fillHeight: !root.portrait
                    Layout.preferredHeight: root.portrait ? width * 9 / 16 : -1
                }
                BridgeControls {
                    media: media
                    Layout.fillWidth: true
                }
            }
            BridgeSidePanel {
                id: side
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: side.viewing ? 6 : 4
            }
        }
    }
}

// The chair console: moves through the agenda, opens and closes the session, sees attendance
// against the quorum (and can correct it), and sees which devices are connected.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common

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
        TabBar {
            id: tabs
            visible: !root.wide
            Layout.fillWidth: true
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(16)
            TabButton { text: qsTr("Agenda") }
            TabButton { text: qsTr("Attendance") }
            TabButton { text: qsTr("Devices (%1/%2 online)").arg(Kiosk.devices.onlineCount).arg(Kiosk.devices.count) }
        }

        // Wide screens show the three panels side by side; tablets one per tab.
        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.px(14)
            columns: root.wide ? 3 : 1
            columnSpacing: Theme.px(14)

            AgendaControl {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 5
                visible: root.wide || tabs.currentIndex === 0
            }
            AttendancePanel {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 4
                visible: root.wide || tabs.currentIndex === 1
            }
            DevicePanel {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 3
                visible: root.wide || tabs.currentIndex === 2
            }
        }
    }
}

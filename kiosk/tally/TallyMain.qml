// The tally screen on the projector: readable from the back of the hall. The item under
// discussion in large type, attendance against the quorum, the clock, and the join code for
// the next free seat.
import QtQuick
import QtQuick.Layouts
import Chamber.Common

Rectangle {
    id: root
    objectName: "tallyMain"
    color: Theme.stage
    readonly property bool portrait: height > width

    Binding {
        target: Theme
        property: "unit"
        value: Math.max(6, Math.min(root.width, root.height) / 100)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.px(28)
        spacing: Theme.px(20)

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.px(20)
            Text {
                Layout.fillWidth: true
                text: Kiosk.meetingTitle
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                elide: Text.ElideRight
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(24)
                color: Theme.stageMuted
            }
            StatusChip {
                status: Kiosk.meetingStatus
            }
            ClockLabel {
                objectName: "clock"
                font.pixelSize: Theme.px(44)
                font.bold: true
                color: Theme.stageText
            }
        }

        CurrentItemCard {
            Layout.fillWidth: true
            Layout.fillHeight: true
            onDark: true
            centered: true
            titleSize: root.portrait ? 40 : 52
        }

        GridLayout {
            Layout.fillWidth: true
            columns: root.portrait ? 1 : 2
            columnSpacing: Theme.px(20)
            rowSpacing: Theme.px(20)

            QuorumPanel {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignBottom
                large: true
                onDark: true
            }

            Rectangle {
                objectName: "seatCode"
                visible: Kiosk.seatCodeUrl !== ""
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
                            text: qsTr("Next seat")
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.px(18)
                            color: Theme.mutedText
                        }
                        Text {
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

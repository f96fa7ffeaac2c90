// First run: scan the QR code the secretary gave this device (seat card, or the code on the
// tally screen). Everything else about the device follows from that code.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common
import Chamber.Scanner

Rectangle {
    id: root
    objectName: "joinPage"
    color: Theme.background
    readonly property bool portrait: height > width

    Binding {
        target: Theme
        property: "unit"
        value: Math.max(6, Math.min(root.width, root.height) / 100)
    }

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.px(24)
        columns: root.portrait ? 1 : 2
        columnSpacing: Theme.px(24)
        rowSpacing: Theme.px(24)

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            radius: Theme.px(12)
            color: "#1b2530"
            clip: true
            ScannerView {
                id: scanner
                objectName: "scanner"
                anchors.fill: parent
                active: Kiosk.phase === "join"
                onScanned: text => Kiosk.joinWith(text)
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: !root.portrait
            Layout.preferredWidth: 2
            Layout.alignment: Qt.AlignTop
            spacing: Theme.px(14)

            Text {
                textFormat: Text.PlainText
                text: "Chamber"
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(18)
                font.bold: true
                color: Theme.accent
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: qsTr("Join the meeting room")
                wrapMode: Text.WordWrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(30)
                font.bold: true
                color: Theme.text
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(17)
                color: Theme.text
                lineHeight: 1.25
                text: qsTr("Scan the QR code on your seat card, or the one the secretary gave you for this device. This device then shows the agenda, your attendance and, later, votes.")
            }
            Rectangle {
                objectName: "joinProblem"
                Layout.fillWidth: true
                visible: Kiosk.joinProblem !== "" && Kiosk.phase === "join"
                implicitHeight: problem.implicitHeight + Theme.px(20)
                radius: Theme.px(8)
                color: Theme.badFill
                border.color: Theme.bad
                Text {
                    textFormat: Text.PlainText
                    id: problem
                    anchors.fill: parent
                    anchors.margins: Theme.px(10)
                    wrapMode: Text.WordWrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(16)
                    color: Theme.bad
                    text: Kiosk.joinProblem
                }
            }
            RowLayout {
                visible: Kiosk.phase === "joining"
                spacing: Theme.px(12)
                BusyIndicator {
                    running: Kiosk.phase === "joining"
                    Layout.preferredHeight: Theme.px(40)
                    Layout.preferredWidth: Theme.px(40)
                }
                Text {
                    textFormat: Text.PlainText
                    text: qsTr("Joining…")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(18)
                    color: Theme.text
                }
            }
            Item { Layout.fillHeight: true }
            RowLayout {
                spacing: Theme.px(8)
                Text {
                    textFormat: Text.PlainText
                    text: qsTr("Language")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(14)
                    color: Theme.mutedText
                }
                Repeater {
                    model: [{code: "vi", name: "Tiếng Việt"}, {code: "en", name: "English"}]
                    delegate: Button {
                        required property var modelData
                        text: modelData.name
                        checkable: true
                        checked: Kiosk.language === modelData.code
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(14)
                        onClicked: Kiosk.language = modelData.code
                    }
                }
            }
        }
    }
}

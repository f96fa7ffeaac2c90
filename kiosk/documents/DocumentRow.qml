// One document in the list: its title, pages and size, and where its download stands (a bar
// while it comes, a tick when it can be read offline, the reason when it cannot).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common

Rectangle {
    id: row

    required property int documentId
    required property string title
    required property string name
    required property int pages
    required property double bytes
    required property string status
    required property double progress
    required property string problem
    required property bool presented
    signal activated(int documentId)

    objectName: "documentRow" + documentId
    implicitHeight: layout.implicitHeight + Theme.px(20)
    radius: Theme.px(6)
    color: tap.pressed ? Theme.divider : Theme.surface
    border.color: presented ? Theme.accent : "transparent"
    border.width: presented ? 2 : 0

    function sizeText(bytes) {
        if (bytes >= 1024 * 1024)
            return qsTr("%1 MB").arg((bytes / (1024 * 1024)).toLocaleString(Qt.locale(), "f", 1))
        return qsTr("%1 kB").arg(Math.max(1, Math.round(bytes / 1024)))
    }

    ColumnLayout {
        id: layout
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: Theme.px(12)
        spacing: Theme.px(6)

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.px(10)
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: row.title
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                elide: Text.ElideRight
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(16)
                font.bold: true
                color: Theme.text
            }
            Rectangle {
                visible: row.presented
                implicitWidth: presentedLabel.implicitWidth + Theme.px(14)
                implicitHeight: Theme.px(24)
                radius: height / 2
                color: Theme.accent
                Text {
                    textFormat: Text.PlainText
                    id: presentedLabel
                    anchors.centerIn: parent
                    text: qsTr("On screen")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(13)
                    font.bold: true
                    color: "white"
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.px(10)
            Text {
                textFormat: Text.PlainText
                text: qsTr("%n page(s)", "", row.pages) + " · " + row.sizeText(row.bytes)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(14)
                color: Theme.mutedText
            }
            ProgressBar {
                objectName: "documentProgress"
                Layout.fillWidth: true
                visible: row.status !== "ready"
                from: 0
                to: 1
                value: row.progress
            }
            Item {
                Layout.fillWidth: true
                visible: row.status === "ready"
            }
            Text {
                textFormat: Text.PlainText
                objectName: "documentStatus"
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(14)
                font.bold: row.status === "ready"
                color: row.status === "ready" ? Theme.good : row.status === "failed" ? Theme.bad : Theme.mutedText
                text: row.status === "ready" ? qsTr("✓ On this tablet")
                    : row.status === "downloading" ? qsTr("%1 %").arg(Math.floor(row.progress * 100))
                    : row.status === "waiting" ? qsTr("Will retry")
                    : row.status === "failed" ? qsTr("Not available")
                    : qsTr("Waiting")
            }
        }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            visible: row.problem !== "" && row.status !== "ready"
            text: row.problem
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(13)
            color: row.status === "failed" ? Theme.bad : Theme.warning
        }
    }
    TapHandler {
        id: tap
        onTapped: row.activated(row.documentId)
    }
}

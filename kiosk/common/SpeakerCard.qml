// Who has the floor and the time left, counted on the server's clock; red once overrun. A
// remote site with the floor shows its label and the site mark: its picture and sound are the
// chamber's programme meanwhile.
import QtQuick
import QtQuick.Layouts
import Chamber.Common

Rectangle {
    id: root

    property bool onDark: false
    property real size: 1

    readonly property bool overrun: Kiosk.speaking.overrun
    objectName: "speakerCard"
    visible: Kiosk.speaking.floorTaken
    radius: Theme.px(10)
    color: onDark ? Theme.stageSurface : Theme.surface
    border.color: overrun ? Theme.bad : "transparent"
    border.width: overrun ? Math.max(2, Theme.px(3)) : 0
    implicitHeight: layout.implicitHeight + Theme.px(24 * size)
    implicitWidth: layout.implicitWidth + Theme.px(32)

    RowLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: Theme.px(12 * root.size)
        anchors.leftMargin: Theme.px(16 * root.size)
        anchors.rightMargin: Theme.px(16 * root.size)
        spacing: Theme.px(16 * root.size)

        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.px(2)
            Row {
                spacing: Theme.px(8 * root.size)
                Text {
                    textFormat: Text.PlainText
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Speaking now")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(15 * root.size)
                    font.bold: true
                    color: root.onDark ? Theme.currentEdge : Theme.accent
                }
                SiteBadge {
                    objectName: "speakerSiteBadge"
                    anchors.verticalCenter: parent.verticalCenter
                    visible: Kiosk.speaking.speakerIsSite
                    onDark: root.onDark
                    size: root.size
                }
            }
            Text {
                textFormat: Text.PlainText
                objectName: "speakerName"
                Layout.fillWidth: true
                text: Kiosk.speaking.speakerName
                elide: Text.ElideRight
                // A site's label may take two lines; its second line says little anyway.
                wrapMode: Kiosk.speaking.speakerIsSite ? Text.WordWrap : Text.NoWrap
                maximumLineCount: Kiosk.speaking.speakerIsSite ? 2 : 1
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(26 * root.size)
                font.bold: true
                color: root.onDark ? Theme.stageText : Theme.text
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: Kiosk.speaking.speakerIsSite ? qsTr("Speaking from a remote site")
                    : [Kiosk.speaking.speakerSeat !== "" ? qsTr("Seat %1").arg(Kiosk.speaking.speakerSeat) : "",
                       Kiosk.speaking.speakerGroup].filter(part => part !== "").join("  ·  ")
                elide: Text.ElideRight
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(14 * root.size)
                color: root.onDark ? Theme.stageMuted : Theme.mutedText
            }
        }
        ColumnLayout {
            spacing: 0
            Text {
                textFormat: Text.PlainText
                objectName: "speakerClock"
                Layout.alignment: Qt.AlignRight
                text: Kiosk.speaking.clockText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(44 * root.size)
                font.bold: true
                color: root.overrun ? (root.onDark ? "#ff6b61" : Theme.bad) : root.onDark ? Theme.stageText : Theme.text
            }
            Text {
                textFormat: Text.PlainText
                Layout.alignment: Qt.AlignRight
                text: Kiosk.speaking.limitSeconds <= 0 ? qsTr("spoken, no limit")
                    : root.overrun ? qsTr("over the %1 limit").arg(Kiosk.speaking.formatDuration(Kiosk.speaking.limitSeconds))
                    : qsTr("left of %1").arg(Kiosk.speaking.formatDuration(Kiosk.speaking.limitSeconds))
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(13 * root.size)
                font.bold: root.overrun
                color: root.overrun ? (root.onDark ? "#ff6b61" : Theme.bad) : root.onDark ? Theme.stageMuted : Theme.mutedText
            }
        }
    }
}

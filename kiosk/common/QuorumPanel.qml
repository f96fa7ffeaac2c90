// Attendance against the quorum: "27 of 40 present · quorum 27 (at least 2/3)".
import QtQuick
import QtQuick.Layouts
import Chamber.Common

Rectangle {
    id: root

    property bool large: false
    property bool onDark: false

    implicitHeight: layout.implicitHeight + Theme.px(large ? 32 : 20)
    implicitWidth: layout.implicitWidth + Theme.px(32)
    radius: Theme.px(10)
    color: onDark ? Theme.stageSurface : Theme.surface

    readonly property string ruleText: {
        const fraction = Kiosk.quorumNumerator + "/" + Kiosk.quorumDenominator
        return Kiosk.quorumInclusive ? qsTr("at least %1 of members").arg(fraction)
                                     : qsTr("more than %1 of members").arg(fraction)
    }

    ColumnLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: Theme.px(root.large ? 16 : 10)
        spacing: Theme.px(4)

        Text {
            textFormat: Text.PlainText
            text: qsTr("Attendance")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(root.large ? 20 : 14)
            color: root.onDark ? Theme.stageMuted : Theme.mutedText
        }
        RowLayout {
            // Filling the width keeps the badge from being squeezed by a stale implicit width.
            Layout.fillWidth: true
            spacing: Theme.px(12)
            Text {
                textFormat: Text.PlainText
                objectName: "quorumCount"
                text: qsTr("%1 / %2").arg(Kiosk.quorumPresent).arg(Kiosk.quorumTotal)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(root.large ? 64 : 30)
                font.bold: true
                color: root.onDark ? Theme.stageText : Theme.text
            }
            Rectangle {
                Layout.preferredWidth: verdict.implicitWidth + Theme.px(18)
                Layout.preferredHeight: verdict.implicitHeight + Theme.px(8)
                radius: Theme.px(6)
                color: Kiosk.quorumReached ? Theme.good : Theme.bad
                Text {
                    textFormat: Text.PlainText
                    id: verdict
                    objectName: "quorumVerdict"
                    anchors.centerIn: parent
                    text: Kiosk.quorumReached ? qsTr("Quorum reached") : qsTr("No quorum")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(root.large ? 28 : 15)
                    font.bold: true
                    color: "#ffffff"
                }
            }
            Item {
                Layout.fillWidth: true
            }
        }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("Quorum: %1 (%2)").arg(Kiosk.quorumRequired).arg(root.ruleText)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(root.large ? 20 : 13)
            color: root.onDark ? Theme.stageMuted : Theme.mutedText
        }
    }
}

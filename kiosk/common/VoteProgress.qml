// How voting goes while a poll is open: "32 / 39 have voted" and a bar. Counts only: nobody
// sees how anyone voted before the close.
import QtQuick
import QtQuick.Layouts
import Chamber.Common

ColumnLayout {
    id: root

    property bool onDark: false
    // Type size: 1 on a tablet, larger on the tally screen.
    property real size: 1

    readonly property BallotProgress progress: Kiosk.voting.progress
    readonly property real share: progress.eligible > 0 ? Math.min(1, progress.cast / progress.eligible) : 0
    spacing: Theme.px(6 * size)

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.px(12 * root.size)
        Text {
            textFormat: Text.PlainText
            objectName: "voteProgressCount"
            text: root.progress.known ? qsTr("%1 / %2").arg(root.progress.cast).arg(root.progress.eligible) : "…"
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(34 * root.size)
            font.bold: true
            color: root.onDark ? Theme.stageText : Theme.text
        }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignBaseline
            text: qsTr("have voted")
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(18 * root.size)
            color: root.onDark ? Theme.stageMuted : Theme.mutedText
        }
    }
    Rectangle {
        objectName: "voteProgressBar"
        Layout.fillWidth: true
        implicitHeight: Theme.px(14 * root.size)
        radius: height / 2
        color: root.onDark ? "#2b405a" : Theme.divider
        Rectangle {
            width: parent.width * root.share
            height: parent.height
            radius: height / 2
            color: root.onDark ? "#4cb3e0" : Theme.accent
            Behavior on width { NumberAnimation { duration: 250 } }
        }
    }
}

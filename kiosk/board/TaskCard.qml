// One task on the board: its colour as a mark, a word and the card's tint; title; when it is
// due in words ("3 days late"); where it came from. Tapping it opens its history.
import QtQuick
import QtQuick.Layouts
import Chamber.Common
import Chamber.Board

Rectangle {
    id: root
    objectName: "taskCard"
    property int taskId: 0
    property string title
    property string status
    property string colour: "onTime"
    property date deadline
    property int daysLeft: 0
    property int originMeeting: 0
    property int originConclusion: 0
    property int notes: 0
    property bool onDark: false
    property real textScale: 1
    signal tapped()

    readonly property bool closed: colour === "done" || colour === "cancelled"
    readonly property string dueText: {
        if (colour === "done")
            return status === "done" ? qsTr("Completed") : ""
        if (colour === "cancelled")
            return ""
        const date = Qt.formatDate(deadline, "dd/MM/yyyy")
        if (colour === "overdue")
            return daysLeft < 0 ? qsTr("%n day(s) late · due %1", "", -daysLeft).arg(date)
                                : qsTr("Late · due %1").arg(date)
        if (daysLeft <= 0)
            return qsTr("Due today · %1").arg(date)
        return qsTr("Due in %n day(s) · %1", "", daysLeft).arg(date)
    }

    radius: Theme.px(8)
    color: ColourStyle.fill(colour, onDark)
    border.width: 1
    border.color: onDark ? "#2b4d72" : Theme.divider

    Rectangle {
        id: edge
        width: Theme.px(7)
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        radius: Theme.px(3)
        color: ColourStyle.edge(root.colour, root.onDark)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.px(16)
        anchors.rightMargin: Theme.px(10)
        anchors.topMargin: Theme.px(6)
        anchors.bottomMargin: Theme.px(6)
        spacing: Theme.px(2)

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.px(8)
            ColourMark {
                colour: root.colour
                onDark: root.onDark
                size: Theme.px(18 * root.textScale)
            }
            Text {
                textFormat: Text.PlainText
                objectName: "taskColourWord"
                text: ColourStyle.word(root.colour)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(14 * root.textScale)
                font.bold: true
                font.capitalization: Font.AllUppercase
                color: ColourStyle.edge(root.colour, root.onDark)
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignRight
                elide: Text.ElideLeft
                text: root.originMeeting > 0
                      ? qsTr("#%1 · meeting %2, conclusion %3").arg(root.taskId).arg(root.originMeeting).arg(root.originConclusion)
                      : qsTr("#%1").arg(root.taskId)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(12 * root.textScale)
                color: root.onDark ? Theme.stageMuted : Theme.mutedText
            }
        }
        Text {
            textFormat: Text.PlainText
            objectName: "taskTitle"
            Layout.fillWidth: true
            text: root.title
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(15 * root.textScale)
            lineHeight: 0.95
            font.bold: !root.closed
            font.strikeout: root.colour === "cancelled"
            color: ColourStyle.text(root.colour, root.onDark)
        }
        Item { Layout.fillHeight: true }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.px(8)
            Text {
                textFormat: Text.PlainText
                objectName: "taskDue"
                Layout.fillWidth: true
                elide: Text.ElideRight
                text: root.dueText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(13 * root.textScale)
                font.bold: root.colour === "overdue"
                color: root.closed ? ColourStyle.text(root.colour, root.onDark)
                                   : ColourStyle.edge(root.colour, root.onDark)
            }
            Text {
                textFormat: Text.PlainText
                visible: root.notes > 0
                text: qsTr("%n note(s)", "", root.notes)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(12 * root.textScale)
                color: root.onDark ? Theme.stageMuted : Theme.mutedText
            }
        }
    }

    MouseArea {
        anchors.fill: parent
        onClicked: root.tapped()
    }
}

// A named poll's roll call as the room: every member's seat, coloured by the choice made
// there (hollow for no ballot), with a legend. Sizes itself to the space it is given.
import QtQuick
import QtQuick.Layouts
import Chamber.Common

ColumnLayout {
    id: root

    property bool onDark: false
    property real size: 1

    readonly property PollResult result: Kiosk.voting.result
    readonly property var seats: root.result.seatVotes
    // As many columns as keep the cells close to 3:2 in the space available.
    readonly property int columns: {
        const count = Math.max(1, seats.length)
        const ratio = Math.max(0.5, area.width / Math.max(1, area.height))
        return Math.max(1, Math.min(count, Math.round(Math.sqrt(count * ratio / 1.5))))
    }
    readonly property int rows: Math.ceil(Math.max(1, seats.length) / columns)
    spacing: Theme.px(8 * size)

    function indexOfChoice(choice) {
        const bars = root.result.bars
        for (let i = 0; i < bars.length; ++i)
            if (bars[i].choice === choice)
                return i
        return 0
    }

    Item {
        id: area
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: Theme.px(80)

        Grid {
            id: grid
            anchors.centerIn: parent
            columns: root.columns
            spacing: Theme.px(4 * root.size)
            readonly property real cellWidth: (area.width - (root.columns - 1) * spacing) / root.columns
            readonly property real cellHeight: Math.min(cellWidth / 1.5, (area.height - (root.rows - 1) * spacing) / root.rows)

            Repeater {
                model: root.seats
                delegate: Rectangle {
                    id: cell
                    required property var modelData
                    readonly property color choiceColor: Theme.choiceColor(modelData.choice, root.indexOfChoice(modelData.choice), root.onDark)
                    objectName: "seatVote_" + modelData.seat
                    width: grid.cellWidth
                    height: grid.cellHeight
                    radius: Theme.px(4)
                    color: modelData.choice !== "" ? choiceColor : "transparent"
                    border.color: modelData.choice !== "" ? choiceColor : (root.onDark ? "#3c5470" : Theme.divider)
                    border.width: Math.max(1, Theme.px(2))
                    Text {
                        textFormat: Text.PlainText
                        anchors.centerIn: parent
                        width: parent.width - Theme.px(4)
                        horizontalAlignment: Text.AlignHCenter
                        text: cell.modelData.seat !== "" ? cell.modelData.seat : cell.modelData.name.split(" ").slice(-1)[0]
                        elide: Text.ElideRight
                        font.family: Theme.fontFamily
                        font.pixelSize: Math.max(Theme.px(10), Math.min(parent.height * 0.42, Theme.px(16 * root.size)))
                        font.bold: true
                        color: cell.modelData.choice !== "" ? "#ffffff" : (root.onDark ? Theme.stageMuted : Theme.mutedText)
                    }
                }
            }
        }
    }

    Flow {
        Layout.fillWidth: true
        spacing: Theme.px(18 * root.size)
        Repeater {
            model: root.result.bars
            delegate: Row {
                required property var modelData
                required property int index
                spacing: Theme.px(6)
                Rectangle {
                    anchors.verticalCenter: parent.verticalCenter
                    width: Theme.px(16 * root.size)
                    height: width
                    radius: Theme.px(3)
                    color: Theme.choiceColor(parent.modelData.choice, parent.index, root.onDark)
                }
                Text {
                    textFormat: Text.PlainText
                    text: parent.modelData.label
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(15 * root.size)
                    color: root.onDark ? Theme.stageText : Theme.text
                }
            }
        }
        Row {
            spacing: Theme.px(6)
            Rectangle {
                anchors.verticalCenter: parent.verticalCenter
                width: Theme.px(16 * root.size)
                height: width
                radius: Theme.px(3)
                color: "transparent"
                border.color: root.onDark ? "#3c5470" : Theme.divider
                border.width: Math.max(1, Theme.px(2))
            }
            Text {
                textFormat: Text.PlainText
                text: qsTr("No ballot")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(15 * root.size)
                color: root.onDark ? Theme.stageText : Theme.text
            }
        }
    }
}

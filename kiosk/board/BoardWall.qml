// The board's cards in columns, one screen at a time: the model cuts the board to the cells
// that fit, and a wall display turns the screens by itself (with a visible page indicator).
// `paged: false` gives one scrolling list instead (the chair console's panel).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common
import Chamber.Board

Item {
    id: root
    objectName: "boardWall"
    property bool paged: true
    property bool onDark: false
    property real textScale: 1
    // A screen stays this long before the next one comes.
    property int turnSeconds: 20
    // Pauses the turning (a task's history is open).
    property bool holding: false
    readonly property real cellHeight: Theme.px(104 * textScale)
    readonly property int columns: paged ? Math.max(1, Math.floor(width / Theme.px(330 * textScale))) : 1
    readonly property int rows: paged ? Math.max(2, Math.floor(grid.height / cellHeight)) : 0
    readonly property var model: Board.model

    signal taskTapped(int taskId)

    // The grid is given to the model once it has its size: views show the cells only then,
    // so they are not built twice.
    property bool gridReady: false
    onRowsChanged: Qt.callLater(root.applyGrid)
    onColumnsChanged: Qt.callLater(root.applyGrid)
    onPagedChanged: Qt.callLater(root.applyGrid)
    Component.onCompleted: applyGrid()
    function applyGrid() {
        if (!root.paged) {
            Board.model.setGrid(0, 0)
            root.gridReady = true
        } else if (grid.height > 0) {
            Board.model.setGrid(root.rows, root.columns)
            root.gridReady = true
        }
    }

    Timer {
        objectName: "turnTimer"
        interval: root.turnSeconds * 1000
        repeat: true
        running: root.paged && root.visible && !root.holding && Board.model.screenCount > 1
        onTriggered: Board.model.nextScreen()
    }

    Component {
        id: cellComponent
        Item {
            id: cell
            required property string cellKind
            required property string ownerName
            required property string ownerKind
            required property bool continued
            required property int overdueCount
            required property int dueSoonCount
            required property int onTimeCount
            required property int closedCount
            required property int taskId
            required property string title
            required property string status
            required property string colour
            required property var deadline
            required property int daysLeft
            required property int originMeeting
            required property int originConclusion
            required property int notes
            width: root.paged ? grid.width / root.columns : list.width
            height: root.cellHeight * (root.paged || cellKind === "task" ? 1 : 0.6)

            OwnerHeading {
                visible: cell.cellKind === "owner"
                anchors.fill: parent
                anchors.margins: Theme.px(5)
                name: cell.ownerName
                kind: cell.ownerKind
                continued: cell.continued
                overdue: cell.overdueCount
                dueSoon: cell.dueSoonCount
                onTime: cell.onTimeCount
                closed: cell.closedCount
                onDark: root.onDark
                textScale: root.textScale
            }
            Loader {
                active: cell.cellKind === "task"
                anchors.fill: parent
                anchors.margins: Theme.px(5)
                sourceComponent: TaskCard {
                    taskId: cell.taskId
                    title: cell.title
                    status: cell.status
                    colour: cell.colour
                    deadline: cell.deadline
                    daysLeft: cell.daysLeft
                    originMeeting: cell.originMeeting
                    originConclusion: cell.originConclusion
                    notes: cell.notes
                    onDark: root.onDark
                    textScale: root.textScale
                    onTapped: root.taskTapped(cell.taskId)
                }
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.px(6)

        GridView {
            id: grid
            objectName: "boardGrid"
            visible: root.paged
            Layout.fillWidth: true
            Layout.fillHeight: true
            interactive: false
            flow: GridView.FlowTopToBottom
            cellWidth: width / root.columns
            cellHeight: root.cellHeight
            model: root.paged && root.gridReady ? Board.model : null
            delegate: cellComponent
            onHeightChanged: Qt.callLater(root.applyGrid)
        }
        ListView {
            id: list
            objectName: "boardList"
            visible: !root.paged
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: !root.paged && root.gridReady ? Board.model : null
            delegate: cellComponent
            ScrollBar.vertical: ScrollBar {}
        }

        // The page indicator: which screen of how many, as dots and in words.
        Row {
            objectName: "pageIndicator"
            // Its room is kept when there is one screen: the grid's rows must not depend on
            // how many screens they make.
            visible: root.paged
            opacity: Board.model.screenCount > 1 ? 1 : 0
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.px(8)
            Repeater {
                model: root.paged ? Board.model.screenCount : 0
                Rectangle {
                    required property int index
                    anchors.verticalCenter: parent.verticalCenter
                    width: Theme.px(12)
                    height: width
                    radius: width / 2
                    color: index === Board.model.screen ? (root.onDark ? Theme.stageText : Theme.header)
                                                        : (root.onDark ? "#2b4d72" : Theme.divider)
                    MouseArea {
                        anchors.fill: parent
                        anchors.margins: -Theme.px(6)
                        onClicked: Board.model.screen = parent.index
                    }
                }
            }
            Text {
                textFormat: Text.PlainText
                objectName: "pageText"
                text: qsTr("Page %1 of %2").arg(Board.model.screen + 1).arg(Board.model.screenCount)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(14 * root.textScale)
                color: root.onDark ? Theme.stageMuted : Theme.mutedText
            }
        }

        Text {
            textFormat: Text.PlainText
            objectName: "boardEmpty"
            visible: Board.loaded && Board.model.taskCount === 0
            Layout.alignment: Qt.AlignHCenter
            text: Board.filtered ? qsTr("No task matches the filter.") : qsTr("No tasks yet.")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(20 * root.textScale)
            color: root.onDark ? Theme.stageMuted : Theme.mutedText
        }
    }
}

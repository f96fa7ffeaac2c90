// Which tasks the board shows: tasks from one meeting's conclusions, of one owner, in one
// colour or status. The server filters; the counts are of what is shown.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common
import Chamber.Board

RowLayout {
    id: root
    spacing: Theme.px(10)

    component FilterBox: ComboBox {
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(14)
        textRole: "text"
        valueRole: "value"
        Layout.preferredWidth: Theme.px(260)
        delegate: Component {
            ItemDelegate {
                required property var modelData
                required property int index
                width: ListView.view ? ListView.view.width : implicitWidth
                highlighted: ListView.isCurrentItem
                contentItem: Text {
                    textFormat: Text.PlainText
                    text: parent.modelData.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(14)
                    elide: Text.ElideRight
                    color: Theme.text
                }
            }
        }
        contentItem: Text {
            textFormat: Text.PlainText
            leftPadding: Theme.px(10)
            text: parent.displayText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(14)
            verticalAlignment: Text.AlignVCenter
            elide: Text.ElideRight
            color: Theme.text
        }
    }

    Text {
        textFormat: Text.PlainText
        text: qsTr("Show:")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(14)
        color: Theme.mutedText
    }
    FilterBox {
        objectName: "meetingFilter"
        model: [{value: 0, text: qsTr("All meetings")}].concat(
                   Board.meetingChoices.map(choice => ({value: choice.meeting, text: choice.title})))
        currentIndex: Math.max(0, indexOfValue(Board.filterMeeting))
        onActivated: Board.setMeetingFilter(currentValue)
    }
    FilterBox {
        objectName: "ownerFilter"
        model: [{value: "", text: qsTr("All owners")}].concat(
                   Board.ownerChoices.map(owner => ({value: owner.kind + ":" + owner.id, text: owner.name})))
        currentIndex: Math.max(0, indexOfValue(Board.filterOwner > 0 ? Board.filterOwnerKind + ":" + Board.filterOwner : ""))
        onActivated: {
            const parts = String(currentValue).split(":")
            Board.setOwnerFilter(parts[0] || "", parts.length > 1 ? parseInt(parts[1]) : 0)
        }
    }
    FilterBox {
        objectName: "statusFilter"
        model: [{value: "", text: qsTr("Every status")}].concat(
                   ColourStyle.order.map(colour => ({value: colour, text: ColourStyle.word(colour)})))
        currentIndex: Math.max(0, indexOfValue(Board.filterStatus))
        onActivated: Board.setStatusFilter(currentValue)
    }
    Button {
        objectName: "clearFilters"
        visible: Board.filtered
        text: qsTr("Show everything")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(14)
        onClicked: Board.clearFilters()
    }
}

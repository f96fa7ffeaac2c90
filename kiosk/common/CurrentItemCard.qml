// The item under discussion, large: what everyone in the room should be looking at.
import QtQuick
import QtQuick.Layouts
import Chamber.Common

Rectangle {
    id: root

    property bool onDark: false
    property real titleSize: 26
    // When the card is given more height than it needs (tally screen), keep the text together
    // in the middle instead of spreading the lines apart.
    property bool centered: false

    radius: Theme.px(10)
    color: onDark ? Theme.stageSurface : Theme.surface
    border.color: Kiosk.currentItemId > 0 ? Theme.currentEdge : "transparent"
    border.width: onDark ? 0 : 2
    implicitHeight: layout.implicitHeight + Theme.px(28)

    ColumnLayout {
        id: layout
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: root.centered ? undefined : parent.top
        anchors.verticalCenter: root.centered ? parent.verticalCenter : undefined
        anchors.margins: Theme.px(14)
        spacing: Theme.px(6)

        Text {
            textFormat: Text.PlainText
            text: Kiosk.currentItemId > 0 ? qsTr("Now under discussion") : qsTr("No item selected yet")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(root.titleSize * 0.55)
            color: root.onDark ? Theme.currentEdge : Theme.warning
            font.bold: true
        }
        Text {
            textFormat: Text.PlainText
            objectName: "currentItemTitle"
            Layout.fillWidth: true
            visible: Kiosk.currentItemId > 0
            text: (Kiosk.currentItemNumber !== "" ? Kiosk.currentItemNumber + ".  " : "") + Kiosk.currentItemTitle
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(root.titleSize)
            font.bold: true
            color: root.onDark ? Theme.stageText : Theme.text
        }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            visible: Kiosk.currentItemDescription !== ""
            text: Kiosk.currentItemDescription
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(root.titleSize * 0.6)
            color: root.onDark ? Theme.stageMuted : Theme.mutedText
        }
    }
}

// One choice on the ballot: big, soft, in the choice's colour; solid once it is the one sent.
import QtQuick
import QtQuick.Controls
import Chamber.Common

Button {
    id: root

    property string choice
    property int choiceIndex: 0
    property bool selected: false

    readonly property color tone: Theme.choiceColor(choice, choiceIndex, false)
    implicitHeight: Theme.px(76)
    font.family: Theme.fontFamily
    font.pixelSize: Theme.px(22)
    font.bold: true
    opacity: enabled || selected ? 1 : 0.55

    background: Rectangle {
        radius: Theme.px(12)
        color: root.selected ? root.tone : root.down ? Qt.darker(Theme.choiceFill(root.choice, root.choiceIndex), 1.08)
                                                      : Theme.choiceFill(root.choice, root.choiceIndex)
        border.color: root.tone
        border.width: root.selected ? 0 : Math.max(2, Theme.px(2))
    }
    contentItem: Text {
        textFormat: Text.PlainText
        text: (root.selected ? "✓  " : "") + root.text
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.WordWrap
        maximumLineCount: 2
        elide: Text.ElideRight
        font: root.font
        color: root.selected ? "#ffffff" : root.tone
    }
}

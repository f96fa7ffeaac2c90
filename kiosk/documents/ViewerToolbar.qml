// The viewer's controls: back to the list, the document's title, page n of m with a field to
// jump to any page, turning pages, thumbnails, search, the annotation tools and zoom; on the
// chair console the switch that puts this page on every screen.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common

Rectangle {
    id: root

    property string title: ""
    property int page: 0 // from 0
    property int pageCount: 0
    property bool thumbnailsShown: false
    property bool searchShown: false
    property string tool: ""
    property bool canPresent: false
    property bool presenting: false
    property bool canBackUp: false
    // False for a PDF that is not a meeting document (the draft minutes): no pen, no notes.
    property bool canAnnotate: true
    property bool compact: width < Theme.px(900)
    signal back()
    signal goToPage(int page)
    signal toggleThumbnails()
    signal toggleSearch()
    signal toolChosen(string tool)
    signal undo()
    signal zoomIn()
    signal zoomOut()
    signal presentToggled(bool on)
    signal backupRequested()

    implicitHeight: Theme.px(56)
    color: Theme.surface
    border.color: Theme.divider

    component ToolButtonText: Button {
        property bool active: false
        flat: !active
        highlighted: active
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(15)
        implicitHeight: Theme.px(44)
        // As wide as its text: the style's minimum width would crowd out the title.
        implicitWidth: contentItem.implicitWidth + leftPadding + rightPadding
        Layout.preferredHeight: Theme.px(44)
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.px(8)
        anchors.rightMargin: Theme.px(8)
        spacing: Theme.px(4)

        ToolButtonText {
            objectName: "viewerBack"
            text: qsTr("‹ Documents")
            onClicked: root.back()
        }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: root.title
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(17)
            font.bold: true
            color: Theme.text
        }
        ToolButtonText {
            objectName: "previousPage"
            text: "‹"
            enabled: root.page > 0
            onClicked: root.goToPage(root.page - 1)
        }
        TextField {
            id: pageField
            objectName: "pageField"
            Layout.preferredWidth: Theme.px(64)
            horizontalAlignment: TextInput.AlignHCenter
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(16)
            inputMethodHints: Qt.ImhDigitsOnly
            validator: IntValidator { bottom: 1; top: Math.max(1, root.pageCount) }
            text: String(root.page + 1)
            onAccepted: root.goToPage(parseInt(text) - 1)
            onActiveFocusChanged: if (!activeFocus) text = Qt.binding(() => String(root.page + 1))
        }
        Text {
            textFormat: Text.PlainText
            text: qsTr("of %1").arg(root.pageCount)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(15)
            color: Theme.mutedText
        }
        ToolButtonText {
            objectName: "nextPage"
            text: "›"
            enabled: root.page + 1 < root.pageCount
            onClicked: root.goToPage(root.page + 1)
        }
        ToolButtonText {
            objectName: "thumbnailsButton"
            text: qsTr("Pages")
            active: root.thumbnailsShown
            onClicked: root.toggleThumbnails()
        }
        ToolButtonText {
            objectName: "searchButton"
            text: qsTr("Search")
            active: root.searchShown
            onClicked: root.toggleSearch()
        }
        ToolButtonText {
            objectName: "penButton"
            visible: root.canAnnotate
            text: qsTr("Pen")
            active: root.tool === "pen"
            onClicked: root.toolChosen(root.tool === "pen" ? "" : "pen")
        }
        ToolButtonText {
            objectName: "highlighterButton"
            visible: root.canAnnotate && !root.compact
            text: qsTr("Highlight")
            active: root.tool === "highlighter"
            onClicked: root.toolChosen(root.tool === "highlighter" ? "" : "highlighter")
        }
        ToolButtonText {
            objectName: "noteButton"
            visible: root.canAnnotate
            text: qsTr("Note")
            active: root.tool === "note"
            onClicked: root.toolChosen(root.tool === "note" ? "" : "note")
        }
        ToolButtonText {
            objectName: "eraserButton"
            visible: root.canAnnotate && !root.compact
            text: qsTr("Erase")
            active: root.tool === "eraser"
            onClicked: root.toolChosen(root.tool === "eraser" ? "" : "eraser")
        }
        ToolButtonText {
            objectName: "undoButton"
            visible: root.tool === "pen" || root.tool === "highlighter"
            text: qsTr("Undo")
            onClicked: root.undo()
        }
        ToolButtonText {
            visible: !root.compact
            text: "−"
            onClicked: root.zoomOut()
        }
        ToolButtonText {
            visible: !root.compact
            text: "+"
            onClicked: root.zoomIn()
        }
        ToolButtonText {
            objectName: "backupButton"
            visible: root.canBackUp && !root.compact
            text: qsTr("Back up")
            onClicked: root.backupRequested()
        }
        Switch {
            objectName: "presentSwitch"
            visible: root.canPresent
            text: qsTr("Show to all")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(15)
            checked: root.presenting
            onToggled: root.presentToggled(checked)
        }
    }
}

// Text search in the open document: every hit with the words around it; tapping one turns to
// its page, where the hits are highlighted.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common

Rectangle {
    id: root

    property var searchModel: null // PdfSearchModel
    signal resultChosen(int page)

    color: Theme.surface
    border.color: Theme.divider
    implicitWidth: Theme.px(320)

    function focusField() { field.forceActiveFocus() }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.px(10)
        spacing: Theme.px(8)

        TextField {
            id: field
            objectName: "searchField"
            Layout.fillWidth: true
            placeholderText: qsTr("Search in this document")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(16)
            onTextChanged: if (root.searchModel) root.searchModel.searchString = text
        }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            visible: field.text !== ""
            text: results.count === 0 ? qsTr("Not found") : qsTr("%n result(s)", "", results.count)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(14)
            color: Theme.mutedText
        }
        ListView {
            id: results
            objectName: "searchResults"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.px(4)
            model: root.searchModel
            ScrollBar.vertical: ScrollBar {}
            delegate: Rectangle {
                id: hit
                required property int index
                required property int page
                required property string contextBefore
                required property string contextAfter
                width: ListView.view.width
                height: hitText.implicitHeight + Theme.px(12)
                radius: Theme.px(4)
                color: root.searchModel && root.searchModel.currentResult === index ? Theme.currentFill : Theme.background
                Text {
                    id: hitText
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.margins: Theme.px(6)
                    wrapMode: Text.WordWrap
                    textFormat: Text.StyledText
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(14)
                    color: Theme.text
                    // Styled only for the bold hit; the document's own text is escaped (& first).
                    function escaped(text) {
                        return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
                    }
                    text: qsTr("p. %1").arg(hit.page + 1) + "  …" + escaped(hit.contextBefore)
                          + "<b>" + escaped(field.text) + "</b>"
                          + escaped(hit.contextAfter) + "…"
                }
                TapHandler {
                    onTapped: {
                        root.searchModel.currentResult = hit.index
                        root.resultChosen(hit.page)
                    }
                }
            }
        }
    }
}

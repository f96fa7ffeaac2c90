// The conclusions of the current agenda item: numbered as the meeting numbers them, each with
// the resolution (a passed, published vote) it rests on; the chair adds one, edits or removes
// it (after a confirmation). What the server refuses is shown here.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common

ColumnLayout {
    id: root
    objectName: "conclusionsPanel"
    spacing: Theme.px(8)

    // The conclusion being edited; 0: the editor adds a new one.
    property int editing: 0
    // The conclusion whose removal waits for a confirmation on its card; 0: none.
    property int confirmingRemoval: 0

    function pollIndex(poll) {
        for (let i = 0; i < Kiosk.conclusions.resolutions.length; ++i) {
            if (Kiosk.conclusions.resolutions[i].poll === poll)
                return i + 1
        }
        return 0
    }
    function startEdit(conclusion) {
        editing = conclusion.conclusion
        editor.text = conclusion.text
        pollChoice.currentIndex = pollIndex(conclusion.poll)
        Kiosk.conclusions.clearProblem()
    }
    function resetEditor() {
        editing = 0
        editor.text = ""
        pollChoice.currentIndex = 0
    }
    function submit() {
        const poll = pollChoice.currentIndex > 0 ? Kiosk.conclusions.resolutions[pollChoice.currentIndex - 1].poll : 0
        if (editing > 0)
            Kiosk.conclusions.update(editing, editor.text, poll)
        else
            Kiosk.conclusions.add(editor.text, poll)
        resetEditor()
    }

    Text {
        textFormat: Text.PlainText
        objectName: "conclusionsTitle"
        Layout.fillWidth: true
        text: Kiosk.currentItemId > 0 ? qsTr("Conclusions · %1 %2").arg(Kiosk.currentItemNumber).arg(Kiosk.currentItemTitle)
                                      : qsTr("Conclusions")
        elide: Text.ElideRight
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(17)
        font.bold: true
        color: Theme.text
    }
    Text {
        textFormat: Text.PlainText
        objectName: "conclusionsEmpty"
        visible: Kiosk.conclusions.current.length === 0
        Layout.fillWidth: true
        text: Kiosk.currentItemId > 0 ? qsTr("No conclusion on this item yet.")
                                      : qsTr("Select an agenda item to record its conclusions.")
        wrapMode: Text.WordWrap
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(13)
        color: Theme.mutedText
    }
    ListView {
        id: list
        objectName: "conclusionList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        spacing: Theme.px(6)
        model: Kiosk.conclusions.current
        ScrollBar.vertical: ScrollBar {}

        delegate: Rectangle {
            id: card
            objectName: "conclusionCard"
            required property var modelData
            readonly property int conclusionId: modelData.conclusion
            width: list.width
            height: cardColumn.implicitHeight + Theme.px(16)
            radius: Theme.px(6)
            color: root.editing === conclusionId ? Theme.currentFill : Theme.surface
            border.color: root.editing === conclusionId ? Theme.currentEdge : Theme.divider
            border.width: 1

            ColumnLayout {
                id: cardColumn
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: Theme.px(8)
                spacing: Theme.px(4)
                RowLayout {
                    Layout.fillWidth: true
                    Text {
                        textFormat: Text.PlainText
                        objectName: "conclusionNumber"
                        Layout.fillWidth: true
                        text: qsTr("Conclusion %1").arg(card.modelData.number)
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(14)
                        font.bold: true
                        color: Theme.accent
                    }
                    Button {
                        objectName: "editConclusion"
                        text: qsTr("Edit")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(12)
                        onClicked: root.startEdit(card.modelData)
                    }
                    Button {
                        objectName: "removeConclusion"
                        text: qsTr("Remove")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(12)
                        enabled: root.confirmingRemoval !== card.conclusionId
                        onClicked: root.confirmingRemoval = card.conclusionId
                    }
                }
                // The confirmation, on the card itself.
                RowLayout {
                    objectName: "confirmRemoval"
                    visible: root.confirmingRemoval === card.conclusionId
                    Layout.fillWidth: true
                    Text {
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        text: qsTr("Remove conclusion %1? Its number stays taken; tasks that name it keep their origin.").arg(card.modelData.number)
                        wrapMode: Text.WordWrap
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(12)
                        color: Theme.bad
                    }
                    Button {
                        objectName: "keepConclusion"
                        text: qsTr("Keep")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(12)
                        onClicked: root.confirmingRemoval = 0
                    }
                    Button {
                        objectName: "confirmRemoveConclusion"
                        text: qsTr("Yes, remove")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(12)
                        onClicked: {
                            root.confirmingRemoval = 0
                            if (root.editing === card.conclusionId)
                                root.resetEditor()
                            Kiosk.conclusions.remove(card.conclusionId)
                        }
                    }
                }
                Text {
                    textFormat: Text.PlainText
                    objectName: "conclusionText"
                    Layout.fillWidth: true
                    text: card.modelData.text
                    wrapMode: Text.Wrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(14)
                    color: Theme.text
                }
                Text {
                    textFormat: Text.PlainText
                    objectName: "conclusionPoll"
                    visible: card.modelData.poll > 0
                    Layout.fillWidth: true
                    text: qsTr("Resolution: %1").arg(card.modelData.pollTitle)
                    wrapMode: Text.Wrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(12)
                    color: Theme.good
                }
            }
        }
    }
    Text {
        textFormat: Text.PlainText
        objectName: "conclusionsProblem"
        visible: Kiosk.conclusions.problem !== ""
        Layout.fillWidth: true
        text: qsTr("Not saved: %1").arg(Kiosk.conclusions.problem)
        wrapMode: Text.WordWrap
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(13)
        color: Theme.bad
    }
    Text {
        textFormat: Text.PlainText
        Layout.fillWidth: true
        visible: Kiosk.currentItemId > 0
        text: root.editing > 0 ? qsTr("Editing conclusion %1").arg(root.editing) : qsTr("New conclusion")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(13)
        font.bold: true
        color: Theme.mutedText
    }
    ScrollView {
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.px(110)
        visible: Kiosk.currentItemId > 0
        TextArea {
            id: editor
            objectName: "conclusionEditor"
            textFormat: TextEdit.PlainText
            wrapMode: TextEdit.Wrap
            placeholderText: qsTr("What the meeting concluded on this item")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(14)
            background: Rectangle {
                color: Theme.surface
                radius: Theme.px(6)
                border.color: editor.activeFocus ? Theme.accent : Theme.divider
                border.width: 1
            }
        }
    }
    ComboBox {
        id: pollChoice
        objectName: "conclusionPollChoice"
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.px(36)
        visible: Kiosk.currentItemId > 0
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(13)
        model: [qsTr("Rests on no vote")].concat(Kiosk.conclusions.resolutions.map(r => qsTr("Resolution: %1").arg(r.title)))
    }
    RowLayout {
        Layout.fillWidth: true
        visible: Kiosk.currentItemId > 0
        Button {
            objectName: "cancelConclusionEdit"
            visible: root.editing > 0
            text: qsTr("Cancel")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(14)
            onClicked: root.resetEditor()
        }
        Button {
            objectName: "saveConclusion"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.px(40)
            highlighted: true
            enabled: editor.text.trim() !== ""
            text: root.editing > 0 ? qsTr("Save conclusion %1").arg(root.editing) : qsTr("Add conclusion")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(14)
            onClicked: root.submit()
        }
    }
}

// A new vote: what is voted on (the item under discussion by default), yes/no or candidates,
// named or secret, the majority rule, and whether a ballot may be changed. Created as a draft;
// the chair opens it when the hall is ready.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common

Dialog {
    id: root
    objectName: "createPollDialog"

    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - Theme.px(40) : 600, Theme.px(720))
    height: Math.min(parent ? parent.height - Theme.px(40) : 600, implicitHeight)
    title: qsTr("New vote")
    font.family: Theme.fontFamily
    font.pixelSize: Theme.px(16)

    readonly property var candidateList: candidates.text.split("\n").map(line => line.trim()).filter(line => line !== "")
    readonly property bool valid: titleField.text.trim() !== "" && (!candidatesMode.checked || candidateList.length >= 2)

    onAboutToShow: {
        titleField.text = Kiosk.currentItemTitle
        yesNoMode.checked = true
        candidates.text = ""
        secretSwitch.checked = false
        allowChange.checked = true
        rule.currentIndex = 0
    }

    function create() {
        if (!valid)
            return
        Kiosk.voting.createPoll(titleField.text, candidatesMode.checked ? candidateList : [], secretSwitch.checked,
                                rule.currentValue, allowChange.checked, Kiosk.currentItemId)
        close()
    }

    contentItem: Flickable {
        implicitHeight: form.implicitHeight
        contentHeight: form.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        ColumnLayout {
            id: form
            width: parent.width
            spacing: Theme.px(10)

            Label {
                textFormat: Text.PlainText
                text: qsTr("What is voted on")
                font.bold: true
            }
            TextField {
                id: titleField
                objectName: "pollTitleField"
                Layout.fillWidth: true
                placeholderText: qsTr("e.g. Approve the resolution on the 2027 budget")
            }
            Label {
                textFormat: Text.PlainText
                text: qsTr("Ballot")
                font.bold: true
            }
            RadioButton {
                id: yesNoMode
                objectName: "yesNoMode"
                checked: true
                text: qsTr("In favour / Against / Abstain")
            }
            RadioButton {
                id: candidatesMode
                objectName: "candidatesMode"
                text: qsTr("Choose one candidate")
            }
            TextArea {
                id: candidates
                objectName: "candidatesField"
                visible: candidatesMode.checked
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.px(110)
                placeholderText: qsTr("One candidate per line (at least two)")
                wrapMode: TextEdit.Wrap
                background: Rectangle {
                    border.color: Theme.divider
                    radius: Theme.px(4)
                }
            }
            Switch {
                id: secretSwitch
                objectName: "secretSwitch"
                text: checked ? qsTr("Secret ballot: only the counts are published")
                              : qsTr("Named vote: each delegate's choice is published")
            }
            Label {
                textFormat: Text.PlainText
                text: qsTr("Majority needed")
                font.bold: true
            }
            ComboBox {
                id: rule
                objectName: "rulePreset"
                Layout.fillWidth: true
                model: Kiosk.voting.rulePresets
                textRole: "label"
                valueRole: "name"
            }
            CheckBox {
                id: allowChange
                objectName: "allowChange"
                checked: true
                text: qsTr("Delegates may change their choice until voting closes")
            }
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "createPollCancel"
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            objectName: "createPollConfirm"
            text: qsTr("Create")
            enabled: root.valid
            font.bold: true
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
    }
    onAccepted: create()
}

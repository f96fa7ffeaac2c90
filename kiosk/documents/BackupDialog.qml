// Backing up the delegate's own notes on this document, encrypted on the tablet with a
// passphrase only the delegate knows (the server keeps what it cannot read), and restoring
// them, e.g. on a replacement tablet.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common

Dialog {
    id: root

    property var annotations: null // AnnotationSet

    objectName: "backupDialog"
    modal: true
    title: qsTr("Back up my notes")
    font.family: Theme.fontFamily
    width: Math.min(parent ? parent.width * 0.9 : 600, Theme.px(560))
    onOpened: {
        passphrase.text = ""
        passphrase.forceActiveFocus()
    }

    contentItem: ColumnLayout {
        spacing: Theme.px(10)
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(15)
            color: Theme.mutedText
            text: qsTr("Your notes are encrypted on this tablet with your passphrase before they are sent: nobody without it can read them, the meeting's administrators included. Without the passphrase they cannot be restored.")
        }
        TextField {
            id: passphrase
            objectName: "backupPassphrase"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            placeholderText: qsTr("Passphrase (at least 6 characters)")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(16)
        }
        Text {
            textFormat: Text.PlainText
            objectName: "backupState"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(15)
            readonly property string status: root.annotations ? root.annotations.backupStatus : ""
            color: status === "failed" ? Theme.bad : status === "working" ? Theme.mutedText : Theme.good
            text: status === "working" ? qsTr("Working…")
                : status === "saved" ? qsTr("Backed up.")
                : status === "restored" ? qsTr("Your notes were restored.")
                : status === "failed" ? root.annotations.backupProblem : ""
        }
    }
    footer: DialogButtonBox {
        Button {
            objectName: "backupNow"
            text: qsTr("Back up")
            enabled: passphrase.text.length >= 6
            onClicked: root.annotations.backUp(passphrase.text)
        }
        Button {
            objectName: "restoreNow"
            text: qsTr("Restore")
            enabled: passphrase.text.length >= 6
            onClicked: root.annotations.restore(passphrase.text)
        }
        Button {
            text: qsTr("Close")
            onClicked: root.close()
        }
    }
}

// "Read on my phone": a QR code the delegate scans with their own phone to read the meeting's
// documents there (read-only, in the phone's browser). The link is made for this delegate
// when asked, and lasts the day.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common

Button {
    id: root

    objectName: "phoneReaderButton"
    text: qsTr("Read on my phone")
    font.family: Theme.fontFamily
    font.pixelSize: Theme.px(16)
    onClicked: {
        Kiosk.requestReaderLink()
        popup.open()
    }

    Popup {
        id: popup
        objectName: "phoneReaderPopup"
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        padding: Theme.px(24)
        width: Math.min(parent ? parent.width * 0.9 : 600, Theme.px(560))

        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.px(12)
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: qsTr("Scan with your phone's camera")
                wrapMode: Text.WordWrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(22)
                font.bold: true
                color: Theme.text
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: qsTr("Your phone opens the meeting's documents, read-only. Your browser may warn about the server's certificate the first time: the meeting's own server uses one of its own.")
                wrapMode: Text.WordWrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(15)
                color: Theme.mutedText
            }
            Image {
                objectName: "phoneReaderCode"
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: Theme.px(260)
                Layout.preferredHeight: Theme.px(260)
                visible: Kiosk.readerLinkUrl !== ""
                sourceSize: Qt.size(Theme.px(260), Theme.px(260))
                source: Kiosk.readerLinkUrl !== "" ? "image://qr/" + encodeURIComponent(Kiosk.readerLinkUrl) : ""
                smooth: false
                fillMode: Image.PreserveAspectFit
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(15)
                color: Kiosk.readerLinkProblem !== "" ? Theme.bad : Theme.mutedText
                text: Kiosk.readerLinkProblem !== "" ? Kiosk.readerLinkProblem
                    : Kiosk.readerLinkUrl === "" ? qsTr("Asking the server…")
                    : qsTr("Valid until %1").arg(Qt.formatDateTime(Kiosk.readerLinkExpiresAt, "HH:mm dd/MM"))
            }
            Button {
                Layout.alignment: Qt.AlignRight
                text: qsTr("Close")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(16)
                onClicked: popup.close()
            }
        }
    }
}

// While the presenter shows a page: this screen either follows (and says so), or the delegate
// stepped away to read on their own, and one tap brings them back to the presenter's page.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common

Rectangle {
    id: root

    objectName: "followBar"
    visible: Kiosk.documents.presenting && !Kiosk.documents.canPresent
    implicitHeight: visible ? Theme.px(46) : 0
    color: Kiosk.documents.following ? Theme.goodFill : Theme.warningFill
    border.color: Kiosk.documents.following ? Theme.good : Theme.warning

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.px(14)
        anchors.rightMargin: Theme.px(8)
        spacing: Theme.px(10)
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(15)
            color: Kiosk.documents.following ? Theme.good : Theme.warning
            text: Kiosk.documents.following
                  ? qsTr("Following the presenter: %1, page %2").arg(Kiosk.documents.presentedTitle).arg(Kiosk.documents.presentedPage)
                  : qsTr("The presenter shows %1, page %2").arg(Kiosk.documents.presentedTitle).arg(Kiosk.documents.presentedPage)
        }
        Button {
            objectName: "followButton"
            visible: !Kiosk.documents.following
            text: qsTr("Back to the presenter")
            highlighted: true
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(15)
            onClicked: Kiosk.documents.following = true
        }
    }
}

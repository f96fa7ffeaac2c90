// The session's state: scheduled, in session, ended.
import QtQuick
import Chamber.Common

Rectangle {
    id: root

    property string status: "scheduled"
    property bool onDark: true

    implicitWidth: label.implicitWidth + Theme.px(20)
    implicitHeight: Theme.px(30)
    radius: height / 2
    color: status === "in_session" ? Theme.good : onDark ? "#2b4d72" : Theme.divider

    Text {
        textFormat: Text.PlainText
        id: label
        objectName: "statusText"
        anchors.centerIn: parent
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(14)
        font.bold: root.status === "in_session"
        color: root.status === "in_session" || root.onDark ? "#ffffff" : Theme.text
        text: root.status === "in_session" ? qsTr("In session")
            : root.status === "ended" ? qsTr("Session ended") : qsTr("Not started")
    }
}

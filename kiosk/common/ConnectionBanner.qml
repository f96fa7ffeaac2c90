// The connection as a person reads it at a glance: a small green "Connected", an amber
// "Reconnecting…", or a red bar "Offline since 10:32" with when the next try comes.
import QtQuick
import QtQuick.Layouts
import Chamber.Common

Rectangle {
    id: root

    // compact: a chip for headers; otherwise a full-width bar (shown only when not online)
    property bool compact: true
    readonly property string state: Kiosk.connectionState
    property int secondsToRetry: 0

    implicitHeight: compact ? Theme.px(30) : Theme.px(44)
    implicitWidth: compact ? row.implicitWidth + Theme.px(20) : 400
    radius: compact ? height / 2 : 0
    color: state === "online" ? Theme.goodFill : state === "connecting" ? Theme.warningFill : Theme.badFill
    border.color: state === "online" ? Theme.good : state === "connecting" ? Theme.warning : Theme.bad
    border.width: compact ? 1 : 0
    visible: compact || state !== "online"

    Timer {
        interval: 500
        repeat: true
        running: root.state !== "online"
        triggeredOnStart: true
        onTriggered: root.secondsToRetry = Kiosk.nextAttemptAt.getTime
                     ? Math.max(0, Math.ceil((Kiosk.nextAttemptAt.getTime() - Date.now()) / 1000)) : 0
    }

    RowLayout {
        id: row
        anchors.centerIn: parent
        spacing: Theme.px(8)

        Rectangle {
            width: Theme.px(10)
            height: width
            radius: width / 2
            color: root.border.color
        }
        Text {
            textFormat: Text.PlainText
            objectName: "connectionText"
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(root.compact ? 14 : 17)
            font.bold: !root.compact
            color: root.border.color
            text: {
                if (root.state === "online")
                    return qsTr("Connected")
                if (root.state === "connecting")
                    return Kiosk.offlineSince.getTime ? qsTr("Reconnecting… (offline since %1)").arg(Qt.formatTime(Kiosk.offlineSince, "HH:mm"))
                                                      : qsTr("Connecting…")
                const since = Kiosk.offlineSince.getTime ? qsTr("Offline since %1").arg(Qt.formatTime(Kiosk.offlineSince, "HH:mm"))
                                                         : qsTr("Offline")
                return root.secondsToRetry > 0 && !root.compact
                        ? since + " · " + qsTr("next try in %n s", "", root.secondsToRetry) : since
            }
        }
        Text {
            textFormat: Text.PlainText
            visible: !root.compact && Kiosk.connectionProblem !== "" && root.state !== "online"
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(14)
            color: Theme.mutedText
            text: Kiosk.connectionProblem
            elide: Text.ElideRight
            Layout.maximumWidth: Theme.px(420)
        }
    }
}

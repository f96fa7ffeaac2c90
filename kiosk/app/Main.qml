// The kiosk's window: the join screen until this device has joined, then its role's screen.
import QtQuick
import QtQuick.Controls
import Chamber.Common

ApplicationWindow {
    id: window
    objectName: "kioskWindow"
    title: "Chamber"
    visible: true
    color: Theme.background
    font.family: Theme.fontFamily

    readonly property var roleViews: ({
        delegate: "qrc:/qt/qml/Chamber/Delegate/DelegateMain.qml",
        chair: "qrc:/qt/qml/Chamber/Chair/ChairMain.qml",
        tally: "qrc:/qt/qml/Chamber/Tally/TallyMain.qml",
        bridge: "qrc:/qt/qml/Chamber/Bridge/BridgeMain.qml",
        board: "qrc:/qt/qml/Chamber/Board/BoardMain.qml"
    })

    Loader {
        id: screen
        objectName: "screen"
        anchors.fill: parent
        source: Kiosk.phase === "running" ? window.roleViews[Kiosk.role] : "qrc:/qt/qml/Chamber/App/JoinPage.qml"
    }

    // Refusals from the server, in the user's language by error code.
    Connections {
        target: Kiosk
        function onCommandFailed(code, message) {
            toastText.text = code === "forbidden" ? qsTr("This device may not do that.")
                           : code === "not_found" ? qsTr("That no longer exists; the screen will update.")
                           : qsTr("The server refused: %1").arg(message)
            toast.opacity = 1
            toastTimer.restart()
        }
    }
    Rectangle {
        id: toast
        objectName: "toast"
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.px(40)
        width: Math.min(parent.width - Theme.px(40), toastText.implicitWidth + Theme.px(40))
        height: toastText.implicitHeight + Theme.px(24)
        radius: Theme.px(8)
        color: "#323a44"
        opacity: 0
        Behavior on opacity { NumberAnimation { duration: 200 } }
        Text {
            textFormat: Text.PlainText
            id: toastText
            anchors.centerIn: parent
            width: parent.width - Theme.px(40)
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(16)
            color: "#ffffff"
        }
        Timer {
            id: toastTimer
            interval: 4000
            onTriggered: toast.opacity = 0
        }
    }
}

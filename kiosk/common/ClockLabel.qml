// The time of day, to the second, updated every second.
import QtQuick
import Chamber.Common

Text {
    textFormat: Text.PlainText
    id: root
    property bool showSeconds: false
    font.family: Theme.fontFamily
    text: Qt.formatTime(now, showSeconds ? "HH:mm:ss" : "HH:mm")
    property date now: new Date()
    Timer {
        interval: 1000
        repeat: true
        running: true
        onTriggered: root.now = new Date()
    }
}

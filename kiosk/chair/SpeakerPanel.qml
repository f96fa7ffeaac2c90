// The chair's speaker list: who has the floor and the time left, ending the speech, giving
// the floor to the next or to anyone on the list, reordering it, and the default time. The
// list holds delegates and remote sites (bridge points, marked as such); the chair handles
// both alike.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common

ColumnLayout {
    id: root
    objectName: "speakerPanel"
    spacing: Theme.px(10)

    // A delegate's last two names ("Nguyễn Văn Danh" → "Văn Danh"); a site's whole label.
    function shortName(entry) {
        return entry.site ? entry.name : entry.name.split(" ").slice(-2).join(" ")
    }
    function grant(entry) {
        if (entry.site)
            Kiosk.speaking.grantSite(entry.bridgeId)
        else
            Kiosk.speaking.grantFloor(entry.delegateId)
    }
    function move(entry, position) {
        if (entry.site)
            Kiosk.speaking.moveSite(entry.bridgeId, position)
        else
            Kiosk.speaking.moveSpeaker(entry.delegateId, position)
    }
    function remove(entry) {
        if (entry.site)
            Kiosk.speaking.removeSite(entry.bridgeId)
        else
            Kiosk.speaking.removeSpeaker(entry.delegateId)
    }

    component SmallButton: Button {
        Layout.preferredWidth: Theme.px(36)
        Layout.preferredHeight: Theme.px(40)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(14)
        padding: Theme.px(4)
    }

    SpeakerCard {
        Layout.fillWidth: true
    }
    Text {
        textFormat: Text.PlainText
        visible: !Kiosk.speaking.floorTaken
        Layout.fillWidth: true
        text: qsTr("Nobody has the floor.")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(16)
        color: Theme.mutedText
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.px(8)
        Button {
            objectName: "grantNextButton"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.px(50)
            enabled: Kiosk.speaking.queueLength > 0
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(16)
            font.bold: true
            text: Kiosk.speaking.queueLength > 0
                  ? qsTr("Give the floor to %1").arg(root.shortName(Kiosk.speaking.queue[0]))
                  : qsTr("Give the floor to the next")
            palette.button: Theme.accent
            palette.buttonText: "#ffffff"
            onClicked: Kiosk.speaking.grantFloor(0)
        }
        Button {
            objectName: "endSpeechButton"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.px(50)
            enabled: Kiosk.speaking.floorTaken
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(16)
            text: qsTr("End the speech")
            onClicked: Kiosk.speaking.endSpeech()
        }
    }

    Text {
        textFormat: Text.PlainText
        Layout.fillWidth: true
        text: qsTr("Speaker list (%1)").arg(Kiosk.speaking.queueLength)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(17)
        font.bold: true
        color: Theme.text
    }
    Text {
        textFormat: Text.PlainText
        visible: Kiosk.speaking.queueLength === 0
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        text: qsTr("Delegates ask to speak from their tablets, remote sites from their bridge screens.")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(14)
        color: Theme.mutedText
    }
    ListView {
        id: queue
        objectName: "speakerQueue"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        spacing: Theme.px(4)
        model: Kiosk.speaking.queue
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        delegate: Rectangle {
            id: entry
            required property var modelData
            required property int index
            objectName: "queueRow" + modelData.key
            width: ListView.view.width
            height: Theme.px(52)
            radius: Theme.px(6)
            color: Theme.surface
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.px(10)
                anchors.rightMargin: Theme.px(6)
                spacing: Theme.px(6)
                Text {
                    textFormat: Text.PlainText
                    Layout.preferredWidth: Theme.px(26)
                    text: entry.modelData.position
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(18)
                    font.bold: true
                    color: Theme.accent
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Text {
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        text: entry.modelData.name
                        elide: Text.ElideRight
                        // Sites' labels are long ("Điểm cầu huyện …"): a little smaller first.
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: Theme.px(12)
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(15)
                        color: Theme.text
                    }
                    Text {
                        textFormat: Text.PlainText
                        visible: !entry.modelData.site
                        text: entry.modelData.seat !== "" ? qsTr("Seat %1").arg(entry.modelData.seat) : ""
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(12)
                        color: Theme.mutedText
                    }
                    SiteBadge {
                        objectName: "siteBadge" + entry.modelData.key
                        visible: entry.modelData.site
                    }
                }
                SmallButton {
                    objectName: "moveUp" + entry.modelData.key
                    enabled: entry.index > 0
                    text: "▲"
                    onClicked: root.move(entry.modelData, entry.index - 1)
                }
                SmallButton {
                    objectName: "moveDown" + entry.modelData.key
                    enabled: entry.index < queue.count - 1
                    text: "▼"
                    onClicked: root.move(entry.modelData, entry.index + 1)
                }
                SmallButton {
                    objectName: "grant" + entry.modelData.key
                    Layout.preferredWidth: -1
                    text: qsTr("Floor")
                    onClicked: root.grant(entry.modelData)
                }
                SmallButton {
                    objectName: "remove" + entry.modelData.key
                    text: "✕"
                    onClicked: root.remove(entry.modelData)
                }
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.px(8)
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: Kiosk.speaking.defaultLimitSeconds > 0
                  ? qsTr("Time per speech: %1 min").arg(Math.round(Kiosk.speaking.defaultLimitSeconds / 60))
                  : qsTr("Time per speech: no limit")
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(14)
            color: Theme.mutedText
        }
        SpinBox {
            id: minutes
            objectName: "limitMinutes"
            from: 0
            to: 60
            value: Math.round(Kiosk.speaking.defaultLimitSeconds / 60)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(15)
        }
        Button {
            objectName: "setLimitButton"
            enabled: minutes.value * 60 !== Kiosk.speaking.defaultLimitSeconds
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(14)
            text: qsTr("Set")
            onClicked: Kiosk.speaking.setSpeakingLimit(minutes.value * 60)
        }
    }
}

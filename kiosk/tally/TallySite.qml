// The remote site that has the floor, large on the chamber's screen: the programme is that
// site's camera while it speaks, so the tally joins the programme (watch only, nothing sent
// back) just for as long as a site has the floor and decodes nothing otherwise.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common
import Chamber.Media

Rectangle {
    id: root
    objectName: "tallySite"

    // Set by the tally while a site has the floor.
    property bool wanted: false
    readonly property alias media: media

    color: "#000000"
    radius: Theme.px(8)
    clip: true

    BridgeMedia {
        id: media
        objectName: "tallySiteMedia"
        active: root.wanted && Kiosk.phase === "running" && Kiosk.role === "tally"
        sendBack: false
        programmeSurface: video
    }

    VideoSurface {
        id: video
        objectName: "tallySiteSurface"
        anchors.fill: parent
    }

    // Why there is no live picture, in words (the speaker card below still names the site).
    Rectangle {
        id: notice
        objectName: "tallySiteNotice"
        readonly property string title: !video.available ? qsTr("Video cannot be shown on this screen")
            : media.status === "stalled" ? qsTr("Reconnecting video…")
            : media.status === "unavailable" ? qsTr("The chamber's video service is unavailable")
            : media.status !== "receiving" ? qsTr("Connecting to the site's video…")
            : ""
        anchors.fill: parent
        visible: title !== ""
        color: media.status === "stalled" && video.available ? "#99000000" : "#e6101820"

        ColumnLayout {
            anchors.centerIn: parent
            width: parent.width - Theme.px(48)
            spacing: Theme.px(12)
            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                running: visible
                visible: video.available && media.status !== "unavailable"
            }
            Text {
                textFormat: Text.PlainText
                objectName: "tallySiteNoticeTitle"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                text: notice.title
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(30)
                font.bold: true
                color: Theme.stageText
            }
        }
    }
}

// The chamber's programme, as large as it fits, with what the bridge point must know at a
// glance: whether it is on air, how the video is doing (in words, never a black box), and
// its own camera small in the corner.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common
import Chamber.Media

Rectangle {
    id: root
    objectName: "programmeView"

    required property BridgeMedia media
    readonly property alias programmeSurface: programme
    readonly property alias previewSurface: preview
    readonly property bool showingVideo: programme.available && media.status === "receiving"

    color: "#000000"
    radius: Theme.px(6)
    clip: true

    VideoSurface {
        id: programme
        objectName: "programmeSurface"
        anchors.fill: parent
    }

    // Why there is no (live) picture: always said in words over the video area.
    Rectangle {
        id: notice
        objectName: "videoNotice"
        readonly property string title: !programme.available ? qsTr("Video cannot be shown on this device")
            : root.media.status === "offline" ? qsTr("Not connected to the chamber")
            : root.media.status === "connecting" ? qsTr("Connecting to the chamber's video…")
            : root.media.status === "stalled" ? qsTr("Reconnecting video…")
            : root.media.status === "restarting" ? qsTr("The chamber's video service is restarting…")
            : root.media.status === "unavailable" ? qsTr("The chamber's video service is unavailable")
            : root.media.status === "failed" ? qsTr("Video connection lost; trying again…")
            : ""
        readonly property string detail: !programme.available
            ? (programme.problem === "no_display" ? qsTr("This screen has no graphics display.")
               : programme.problem === "no_opengl" ? qsTr("The graphics driver does not offer OpenGL.")
               : programme.problem === "missing_elements" ? qsTr("GStreamer parts are missing (gstreamer1.0-gl, gstreamer1.0-qt6).")
               : qsTr("The video display could not be created.")) + " " + qsTr("The rest of the meeting works as usual.")
            : root.media.status === "offline" ? qsTr("Video returns by itself when the connection is back.")
            : root.media.status === "stalled" ? qsTr("The picture stopped arriving; it resumes by itself.")
            : root.media.status === "unavailable" ? qsTr("The agenda, documents and votes work as usual. Please tell the technician.")
            : root.media.status === "restarting" || root.media.status === "failed" ? qsTr("The agenda, documents and votes work as usual.")
            : ""
        anchors.fill: parent
        visible: title !== ""
        // Over a frozen picture (stalled) the last frame stays faintly visible.
        color: root.media.status === "stalled" && programme.available ? "#99000000" : "#e6101820"

        ColumnLayout {
            anchors.centerIn: parent
            width: Math.min(parent.width - Theme.px(48), Theme.px(640))
            spacing: Theme.px(10)
            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                running: visible
                visible: programme.available
                         && ["connecting", "stalled", "restarting", "failed"].indexOf(root.media.status) >= 0
            }
            Text {
                textFormat: Text.PlainText
                objectName: "videoNoticeTitle"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                text: notice.title
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(22)
                font.bold: true
                color: "#ffffff"
            }
            Text {
                textFormat: Text.PlainText
                objectName: "videoNoticeDetail"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                visible: text !== ""
                text: notice.detail
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(15)
                color: "#c9d4df"
            }
        }
    }

    // On air: this site's camera and microphone are the programme.
    Rectangle {
        objectName: "onAirBadge"
        visible: root.media.onAir
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: Theme.px(12)
        radius: Theme.px(6)
        color: Theme.bad
        width: onAirText.implicitWidth + Theme.px(28)
        height: onAirText.implicitHeight + Theme.px(14)
        Text {
            textFormat: Text.PlainText
            id: onAirText
            anchors.centerIn: parent
            text: qsTr("ON AIR · This site has the floor")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(18)
            font.bold: true
            color: "#ffffff"
        }
    }

    // The site's own camera, small.
    Rectangle {
        objectName: "cameraPreview"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.px(12)
        width: Math.max(Theme.px(160), parent.width * 0.22)
        height: width * 9 / 16
        color: "#202a36"
        border.color: root.media.onAir ? Theme.bad : "#8094a8"
        border.width: root.media.onAir ? 3 : 1
        radius: Theme.px(4)
        clip: true

        VideoSurface {
            id: preview
            objectName: "previewSurface"
            anchors.fill: parent
            anchors.margins: parent.border.width
            visible: !root.media.cameraOff
        }
        Text {
            textFormat: Text.PlainText
            anchors.centerIn: parent
            width: parent.width - Theme.px(16)
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            visible: root.media.cameraOff || root.media.sendStatus !== "sending" || !preview.available
            text: root.media.cameraOff ? qsTr("Camera off")
                : root.media.sendStatus === "failed" ? qsTr("Camera not sending")
                : root.media.sendStatus === "unavailable" ? qsTr("No camera")
                : qsTr("Own camera")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(13)
            color: "#ffffff"
        }
        Rectangle {
            objectName: "mutedMark"
            visible: root.media.muted
            anchors.left: parent.left
            anchors.bottom: parent.bottom
            anchors.margins: Theme.px(6)
            radius: Theme.px(4)
            color: Theme.bad
            width: mutedText.implicitWidth + Theme.px(12)
            height: mutedText.implicitHeight + Theme.px(6)
            Text {
                textFormat: Text.PlainText
                id: mutedText
                anchors.centerIn: parent
                text: qsTr("Muted")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(12)
                font.bold: true
                color: "#ffffff"
            }
        }
    }
}

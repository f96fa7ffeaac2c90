// The minutes and recordings on the chair console: every speech of the meeting (who, when, how
// long) with its recordings, each played from a copy fetched with the console's credential;
// what could not be recorded; and the draft minutes as of now, in the console's language,
// opened in the document viewer over the work area.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtMultimedia
import Chamber.Common
import Chamber.Documents

ColumnLayout {
    id: root
    objectName: "minutesPanel"
    spacing: Theme.px(8)

    // Where the minutes PDF is shown (the console's work area); this panel when null.
    property Item viewerHost: null
    property bool showingPdf: false
    // The recording asked for (sha256) and the one the player has.
    property string wanted: ""
    property string playing: ""
    readonly property alias player: player

    function timeText(iso) {
        if (!iso)
            return ""
        const d = new Date(iso)
        return isNaN(d.getTime()) ? "" : Qt.formatTime(d, "HH:mm:ss")
    }
    function durationText(ms) {
        const total = Math.max(0, Math.floor(ms / 1000))
        const s = String(total % 60).padStart(2, "0")
        const m = Math.floor(total / 60) % 60
        const h = Math.floor(total / 3600)
        return h > 0 ? h + ":" + String(m).padStart(2, "0") + ":" + s : m + ":" + s
    }
    function toggle(sha256) {
        if (playing === sha256 && player.playbackState === MediaPlayer.PlayingState) {
            stop()
            return
        }
        stop()
        wanted = sha256
        Kiosk.minutes.fetchRecording(sha256)
    }
    function stop() {
        player.stop()
        wanted = ""
        playing = ""
    }
    function openDraft() {
        Kiosk.minutes.openDraft(Kiosk.language)
        showingPdf = true
    }

    onVisibleChanged: if (visible) Kiosk.minutes.refresh()
    Component.onCompleted: if (visible) Kiosk.minutes.refresh()

    // The meeting moved on (a speech ended, a recording came): read the minutes again soon.
    Connections {
        target: Kiosk
        function onMeetingChanged() {
            if (root.visible)
                refreshSoon.restart()
        }
    }
    Timer {
        id: refreshSoon
        interval: 2000
        onTriggered: Kiosk.minutes.refresh()
    }
    Connections {
        target: Kiosk.minutes
        // A draft that could not be fetched: no older one shown in its place.
        function onProblemChanged() {
            if (Kiosk.minutes.problem !== "" && !Kiosk.minutes.fetchingPdf && root.showingPdf)
                root.showingPdf = false
        }
        function onRecordingReady(sha256, fileUrl) {
            if (sha256 !== root.wanted)
                return
            root.playing = sha256
            player.source = fileUrl
            player.play()
        }
    }

    MediaPlayer {
        id: player
        objectName: "minutesPlayer"
        audioOutput: AudioOutput {}
        onPlaybackStateChanged: {
            if (playbackState === MediaPlayer.StoppedState && mediaStatus === MediaPlayer.EndOfMedia)
                root.playing = ""
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.px(8)
        Text {
            textFormat: Text.PlainText
            objectName: "minutesTitle"
            Layout.fillWidth: true
            text: qsTr("Minutes and recordings")
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(17)
            font.bold: true
            color: Theme.text
        }
        Rectangle {
            visible: Kiosk.minutes.kind !== ""
            implicitWidth: kindText.implicitWidth + Theme.px(16)
            implicitHeight: kindText.implicitHeight + Theme.px(6)
            radius: height / 2
            color: Kiosk.minutes.kind === "final" ? Theme.goodFill : Theme.warningFill
            Text {
                id: kindText
                textFormat: Text.PlainText
                objectName: "minutesKind"
                anchors.centerIn: parent
                text: Kiosk.minutes.kind === "final" ? qsTr("Final") : qsTr("Draft")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(12)
                font.bold: true
                color: Kiosk.minutes.kind === "final" ? Theme.good : Theme.warning
            }
        }
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.px(8)
        Button {
            objectName: "openMinutes"
            Layout.fillWidth: true
            enabled: !Kiosk.minutes.fetchingPdf
            text: Kiosk.minutes.fetchingPdf ? qsTr("Making the minutes…") : qsTr("Open the draft minutes")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(14)
            onClicked: root.openDraft()
        }
        Button {
            objectName: "refreshMinutes"
            text: qsTr("Refresh")
            enabled: !Kiosk.minutes.loading
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(14)
            onClicked: Kiosk.minutes.refresh()
        }
    }
    Text {
        textFormat: Text.PlainText
        objectName: "minutesProblem"
        visible: Kiosk.minutes.problem !== ""
        Layout.fillWidth: true
        text: Kiosk.minutes.problem
        wrapMode: Text.WordWrap
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(13)
        color: Theme.bad
    }
    Text {
        textFormat: Text.PlainText
        objectName: "minutesEmpty"
        visible: Kiosk.minutes.speeches.length === 0
        Layout.fillWidth: true
        text: Kiosk.minutes.loading ? qsTr("Loading…") : qsTr("Nobody has spoken yet.")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(13)
        color: Theme.mutedText
    }
    ListView {
        id: list
        objectName: "speechList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        spacing: Theme.px(6)
        model: Kiosk.minutes.speeches
        ScrollBar.vertical: ScrollBar {}

        delegate: Rectangle {
            id: card
            objectName: "speechCard"
            required property var modelData
            readonly property int speechSeq: modelData.speech
            width: list.width
            height: cardColumn.implicitHeight + Theme.px(14)
            radius: Theme.px(6)
            color: Theme.surface
            border.color: Theme.divider
            border.width: 1

            ColumnLayout {
                id: cardColumn
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: Theme.px(7)
                spacing: Theme.px(3)
                Text {
                    textFormat: Text.PlainText
                    objectName: "speakerName"
                    Layout.fillWidth: true
                    text: card.modelData.seat ? card.modelData.seat + " · " + card.modelData.name : card.modelData.name
                    elide: Text.ElideRight
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(14)
                    font.bold: true
                    color: Theme.text
                }
                Text {
                    textFormat: Text.PlainText
                    objectName: "speechTimes"
                    Layout.fillWidth: true
                    text: card.modelData.end
                          ? qsTr("%1 – %2 (%3)").arg(root.timeText(card.modelData.start)).arg(root.timeText(card.modelData.end))
                                                .arg(root.durationText(card.modelData.durationMs))
                          : qsTr("%1 – speaking").arg(root.timeText(card.modelData.start))
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(12)
                    color: Theme.mutedText
                }
                Repeater {
                    model: card.modelData.recordings
                    delegate: RowLayout {
                        id: recordingRow
                        objectName: "recordingRow"
                        required property var modelData
                        readonly property string sha256: modelData.sha256
                        Layout.fillWidth: true
                        spacing: Theme.px(6)
                        Button {
                            objectName: "playRecording"
                            readonly property bool isPlaying: root.playing === recordingRow.sha256
                                                              && player.playbackState === MediaPlayer.PlayingState
                            text: root.wanted === recordingRow.sha256 && Kiosk.minutes.fetchingRecording === recordingRow.sha256
                                  ? qsTr("Fetching…") : isPlaying ? qsTr("Stop") : qsTr("Play")
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.px(12)
                            onClicked: root.toggle(recordingRow.sha256)
                        }
                        Text {
                            textFormat: Text.PlainText
                            objectName: "recordingLabel"
                            Layout.fillWidth: true
                            text: qsTr("Recording %1 · %2").arg(recordingRow.modelData.segment)
                                      .arg(root.durationText(recordingRow.modelData.durationMs))
                                  + (recordingRow.modelData.partial ? " · " + qsTr("partial") : "")
                            elide: Text.ElideRight
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.px(12)
                            color: recordingRow.modelData.partial ? Theme.warning : Theme.text
                        }
                    }
                }
                Repeater {
                    model: card.modelData.failures
                    delegate: Text {
                        required property var modelData
                        textFormat: Text.PlainText
                        objectName: "recordingFailure"
                        Layout.fillWidth: true
                        text: qsTr("Not recorded: %1").arg(modelData)
                        wrapMode: Text.WordWrap
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(12)
                        color: Theme.bad
                    }
                }
                Text {
                    textFormat: Text.PlainText
                    visible: card.modelData.recordings.length === 0 && card.modelData.failures.length === 0
                    text: qsTr("No recording.")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(12)
                    color: Theme.mutedText
                }
            }
        }
    }

    // The draft minutes over the work area, once fetched.
    Loader {
        objectName: "minutesViewerLoader"
        parent: root.viewerHost ? root.viewerHost : root
        anchors.fill: parent
        z: 10
        active: root.showingPdf && !Kiosk.minutes.fetchingPdf && Kiosk.minutes.pdfUrl !== ""
        sourceComponent: DocumentViewer {
            objectName: "minutesViewer"
            localFile: Kiosk.minutes.pdfUrl
            localTitle: Kiosk.minutes.pdfTitle
            onClosed: root.showingPdf = false
        }
    }
}

// The minutes panel of the chair console against the real server: two speeches (one recorded
// whole, one partly recorded and with a failed segment) are listed with who spoke, when and
// for how long, their recordings and the failure; a recording plays from a copy the console
// fetched with its credential (the copy's SHA-256 is the recording's); a copy that arrives
// damaged is refused and not kept; "open the draft minutes" shows the signed PDF in the
// console's language in the document viewer.
// With $CHAMBER_SCREENSHOTS set, the panel and the open minutes are saved there at 1920×1080
// in Vietnamese and English.
import QtQuick
import QtTest
import QtMultimedia
import Chamber.Common
import Chamber.Chair
import Chamber.TestServer
import "helpers.js" as Helpers

Item {
    id: root
    width: 1920
    height: 1080

    Component {
        id: chairScreen
        ChairMain { anchors.fill: parent }
    }

    function findAll(item, name, found) {
        if (item.visible === false)
            return found
        if (item.objectName === name)
            found.push(item)
        for (let i = 0; i < item.children.length; ++i)
            findAll(item.children[i], name, found)
        return found
    }
    function speech(seq) {
        return Kiosk.minutes.speeches.filter(s => s.speech === seq)[0]
    }

    TestCase {
        id: test
        name: "Minutes"
        when: windowShown

        property int first: 0
        property int second: 0
        property string whole: ""
        property string partial: ""
        property string firstName: ""

        function openPanel() {
            const view = createTemporaryObject(chairScreen, root)
            Helpers.findByName(view, "sideTabs").currentIndex = 6
            const panel = Helpers.findByName(view, "minutesPanel")
            tryVerify(() => panel.visible && panel.width > 0, 5000)
            waitForRendering(view)
            return view
        }
        function cardOf(view, seq) {
            return findAll(view, "speechCard", []).filter(c => c.speechSeq === seq)[0]
        }

        function initTestCase() {
            TestServer.resetClock()
            TestServer.joinAs("chair")
            tryCompare(Kiosk, "phase", "running", 10000)
            tryCompare(Kiosk, "connectionState", "online", 10000)
            TestServer.clearSpeakers()
            firstName = TestServer.meeting().delegates.filter(d => d.id === 1)[0].name
            // Two speeches: delegate 1's recorded whole (2 s), delegate 2's in a partial
            // segment (1 s) and a second segment that could not be recorded.
            verify(TestServer.grantFloor(1))
            verify(TestServer.endSpeech())
            first = TestServer.lastSpeech()
            verify(first > 0)
            verify(TestServer.grantFloor(2))
            verify(TestServer.endSpeech())
            second = TestServer.lastSpeech()
            verify(second > first)
            whole = TestServer.addRecording(first, 1, 2, false)
            verify(whole !== "", "gst-launch-1.0 made the tone and the server took recording.saved")
            partial = TestServer.addRecording(second, 1, 1, true, "chamber-media stopped during the speech")
            verify(partial !== "")
            verify(TestServer.failRecording(second, 2, "chamber-media is not running"))
        }

        function cleanupTestCase() {
            TestServer.setLanguage("en")
            Kiosk.language = "vi"
        }

        function test_1_speechesWithRecordings() {
            const view = openPanel()
            tryVerify(() => speech(first) !== undefined && speech(second) !== undefined
                      && speech(second).failures.length === 1, 10000, "the panel read minutes.json")
            compare(Kiosk.minutes.kind, "draft")
            compare(speech(first).recordings.length, 1)
            compare(speech(first).recordings[0].sha256, whole)
            compare(speech(first).recordings[0].durationMs, 2000)
            verify(!speech(first).recordings[0].partial)
            compare(speech(second).recordings[0].sha256, partial)
            verify(speech(second).recordings[0].partial)
            compare(speech(second).failures[0], "chamber-media is not running")
            verify(speech(first).end !== "")

            tryVerify(() => cardOf(view, first) !== undefined && cardOf(view, second) !== undefined, 5000)
            const card = cardOf(view, first)
            verify(Helpers.findByName(card, "speakerName").text.indexOf(firstName) >= 0)
            // Start – end (duration): the speech is over.
            verify(/\d\d:\d\d:\d\d – \d\d:\d\d:\d\d/.test(Helpers.findByName(card, "speechTimes").text))
            verify(Helpers.findByName(card, "recordingLabel").text.indexOf("0:02") >= 0)
            const other = cardOf(view, second)
            verify(Helpers.findByName(other, "recordingLabel").text.indexOf(qsTr("partial")) >= 0)
            verify(Helpers.findByName(other, "recordingFailure").text.indexOf("chamber-media is not running") >= 0)
            compare(Helpers.findByName(view, "minutesProblem").visible, false)
        }

        function test_2_playAndStop() {
            const view = openPanel()
            tryVerify(() => cardOf(view, first) !== undefined, 10000)
            const panel = Helpers.findByName(view, "minutesPanel")
            const play = Helpers.findByName(cardOf(view, first), "playRecording")
            compare(play.text, qsTr("Play"))
            mouseClick(play)
            // Fetched with the console's credential into its cache, named by the digest the
            // console checked, and handed to the player.
            tryVerify(() => panel.playing === test.whole, 10000, "the recording was fetched")
            const cached = TestServer.kioskDirectory() + "/minutes/recordings/" + whole + ".ogg"
            verify(String(panel.player.source).endsWith(cached))
            tryVerify(() => panel.player.mediaStatus === MediaPlayer.LoadedMedia
                      || panel.player.mediaStatus === MediaPlayer.BufferedMedia
                      || panel.player.mediaStatus === MediaPlayer.EndOfMedia, 10000, "the player read the Ogg file")
            compare(panel.player.error, MediaPlayer.NoError)
            tryVerify(() => panel.player.duration > 1500 && panel.player.duration < 2500, 5000)
            if (panel.player.playbackState === MediaPlayer.PlayingState) {
                compare(play.text, qsTr("Stop"))
                mouseClick(play)
            }
            tryCompare(panel.player, "playbackState", MediaPlayer.StoppedState, 5000)
            compare(panel.playing, "")
            compare(Kiosk.minutes.problem, "")
        }

        function test_3_damagedCopyIsRefused() {
            const view = openPanel()
            tryVerify(() => cardOf(view, second) !== undefined, 10000)
            // The server's file no longer has the bytes its name (and the log) promise.
            verify(TestServer.damageRecording(partial))
            Kiosk.minutes.clearProblem()
            mouseClick(Helpers.findByName(cardOf(view, second), "playRecording"))
            tryVerify(() => Kiosk.minutes.problem !== "", 10000)
            verify(Helpers.findByName(view, "minutesProblem").visible)
            compare(Helpers.findByName(view, "minutesPanel").playing, "")
            verify(!TestServer.fileExists(TestServer.kioskDirectory() + "/minutes/recordings/" + partial + ".ogg"))
            verify(!TestServer.fileExists(TestServer.kioskDirectory() + "/minutes/recordings/" + partial + ".ogg.part"))
            Kiosk.minutes.clearProblem()
        }

        function test_4_openDraftMinutes() {
            for (const lang of ["vi", "en"]) {
                // The translations, and the console's language the panel asks the minutes in.
                TestServer.setLanguage(lang)
                Kiosk.language = lang
                const view = openPanel()
                tryVerify(() => cardOf(view, first) !== undefined, 10000)
                mouseClick(Helpers.findByName(view, "openMinutes"))
                let viewer = null
                tryVerify(() => (viewer = Helpers.findByName(view, "minutesViewer")) !== null && viewer.ready, 60000,
                          "the signed draft minutes opened in the viewer")
                verify(Kiosk.minutes.pdfUrl.indexOf("-" + lang + "-") > 0)
                verify(viewer.pageCount >= 1)
                compare(TestServer.fileStart(Kiosk.minutes.pdfUrl, 5), "%PDF-")
                // The minutes say what they are in the console's language.
                verify(TestServer.pdfText(Kiosk.minutes.pdfUrl).indexOf(lang === "vi" ? "BIÊN BẢN" : "MINUTES") >= 0)
                const directory = TestServer.screenshotDirectory()
                if (directory !== "") {
                    waitForRendering(view)
                    wait(300)
                    grabImage(view).save(directory + "/chair-minutes-pdf-" + lang + ".png")
                }
                mouseClick(Helpers.findByName(viewer, "viewerBack"))
                tryVerify(() => Helpers.findByName(view, "minutesViewer") === null, 5000)
                if (directory !== "") {
                    waitForRendering(view)
                    wait(300)
                    grabImage(view).save(directory + "/chair-minutes-" + lang + ".png")
                }
            }
        }
    }
}

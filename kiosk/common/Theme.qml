// Colours, type and sizes shared by every role's screen. Sizes follow `unit`, which each role's
// main view sets from its window, so one layout reads on a 10" tablet and a hall projector.
pragma Singleton
import QtQuick

QtObject {
    // 8 at 800 px of window height; the projector's 1080 p gives ~10.8.
    property real unit: 8
    function px(value) { return Math.round(value * unit / 8) }

    readonly property string fontFamily: "Noto Sans"

    readonly property color background: "#eef2f6"
    readonly property color surface: "#ffffff"
    readonly property color header: "#12355b"
    readonly property color headerText: "#ffffff"
    readonly property color headerMuted: "#b9c8d8"
    readonly property color text: "#1b2530"
    readonly property color mutedText: "#5a6878"
    readonly property color divider: "#d8e0e8"
    readonly property color accent: "#0a6c96"
    readonly property color currentFill: "#fff3d1"
    readonly property color currentEdge: "#d99a00"
    readonly property color good: "#1e7f45"
    readonly property color goodFill: "#e3f4ea"
    readonly property color warning: "#b86e00"
    readonly property color warningFill: "#fff1dc"
    readonly property color bad: "#b3261e"
    readonly property color badFill: "#fde7e5"

    // The tally screen's dark palette, for projectors in lit halls.
    readonly property color stage: "#0d1b2a"
    readonly property color stageSurface: "#1b2d42"
    readonly property color stageText: "#f4f7fa"
    readonly property color stageMuted: "#9fb3c8"

    // Ballot choices: in favour green, against red, abstain grey, candidates in distinct hues.
    // The stage variants are lighter so they carry on a dark projector image.
    readonly property var candidateColors: ["#0a6c96", "#7b4fa0", "#a35a00", "#2f7d6d", "#a83f6b", "#4a5fc1"]
    readonly property var stageCandidateColors: ["#4cb3e0", "#b48be0", "#f0a53c", "#5cc7b0", "#e77fab", "#8c9df5"]
    function choiceColor(choice, index, onDark) {
        if (choice === "yes")
            return onDark ? "#3fbf74" : good
        if (choice === "no")
            return onDark ? "#f0625a" : bad
        if (choice === "abstain")
            return onDark ? "#8fa3b8" : "#6b7886"
        const palette = onDark ? stageCandidateColors : candidateColors
        return palette[Math.max(0, index) % palette.length]
    }
    function choiceFill(choice, index) {
        if (choice === "yes")
            return goodFill
        if (choice === "no")
            return badFill
        if (choice === "abstain")
            return "#eceff3"
        return "#e6f0f6"
    }
    // passed/elected green, failed/no_winner red, tie and no_quorum amber
    function verdictColor(verdict, onDark) {
        if (verdict === "passed" || verdict === "elected")
            return onDark ? "#2f9e5b" : good
        if (verdict === "failed" || verdict === "no_winner")
            return onDark ? "#d2443b" : bad
        return onDark ? "#c98a12" : warning
    }
}

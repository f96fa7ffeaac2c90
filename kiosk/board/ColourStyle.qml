// How a task's colour is shown: the word and the mark go with the colour everywhere, so the
// board reads without colour vision too (and in a black-and-white photo of the screen).
pragma Singleton
import QtQuick
import Chamber.Common
import Chamber.Board

QtObject {
    readonly property var order: ["overdue", "dueSoon", "onTime", "done", "cancelled"]

    function word(colour) {
        switch (colour) {
        case "overdue": return qsTr("Overdue")
        case "dueSoon": return qsTr("Due soon")
        case "onTime": return qsTr("On time")
        case "done": return qsTr("Done")
        case "cancelled": return qsTr("Cancelled")
        }
        return colour
    }
    // The strong colour: marks, words, the card's edge.
    function edge(colour, onDark) {
        switch (colour) {
        case "overdue": return onDark ? "#f0625a" : Theme.bad
        case "dueSoon": return onDark ? "#f0a53c" : Theme.warning
        case "onTime": return onDark ? "#3fbf74" : Theme.good
        }
        return onDark ? "#8fa3b8" : "#6b7886"
    }
    // The card's background.
    function fill(colour, onDark) {
        if (onDark) {
            switch (colour) {
            case "overdue": return "#4a1f24"
            case "dueSoon": return "#4a3a1c"
            case "onTime": return "#173d2c"
            }
            return "#23364b"
        }
        switch (colour) {
        case "overdue": return Theme.badFill
        case "dueSoon": return Theme.warningFill
        case "onTime": return Theme.goodFill
        }
        return "#eceff3"
    }
    function text(colour, onDark) {
        const closed = colour === "done" || colour === "cancelled"
        if (onDark)
            return closed ? Theme.stageMuted : Theme.stageText
        return closed ? Theme.mutedText : Theme.text
    }
}

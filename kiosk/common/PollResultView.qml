// The result of a closed poll: the verdict in one word, a bar per choice with its count and
// share of the rule's base (a line marks the threshold), the rule and how it was applied.
import QtQuick
import QtQuick.Layouts
import Chamber.Common

ColumnLayout {
    id: root

    property bool onDark: false
    property real size: 1
    property bool showExplanation: true

    readonly property PollResult result: Kiosk.voting.result
    spacing: Theme.px(10 * size)
    // Small print stays readable when the view is scaled down for a side panel.
    readonly property real textSize: Math.max(size, 0.9)
    readonly property real countWidth: countMetrics.width + Theme.px(8)

    // The label column is as wide as the longest choice needs (up to 40 %), so "Không tán
    // thành" is never cut and the bars line up.
    readonly property string longestLabel: root.result.bars.reduce((longest, row) => row.label.length > longest.length ? row.label : longest, "")
    readonly property real labelWidth: Math.min(root.width * 0.4, labelMetrics.width + Theme.px(6))
    TextMetrics {
        id: labelMetrics
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(18 * root.textSize)
        font.bold: true
        text: root.longestLabel
    }
    TextMetrics {
        id: countMetrics
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(18 * root.textSize)
        font.bold: true
        text: qsTr("%1  (%2)").arg(888).arg("100,0 %")
    }

    Rectangle {
        objectName: "verdictBanner"
        Layout.fillWidth: true
        implicitHeight: verdictText.implicitHeight + Theme.px(16 * root.size)
        radius: Theme.px(8)
        color: Theme.verdictColor(root.result.verdict, root.onDark)
        Text {
            textFormat: Text.PlainText
            id: verdictText
            objectName: "verdictText"
            anchors.centerIn: parent
            width: parent.width - Theme.px(20)
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: root.result.verdictLabel
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(30 * root.size)
            font.bold: true
            font.capitalization: Font.AllUppercase
            color: "#ffffff"
        }
    }

    Repeater {
        model: root.result.bars
        delegate: RowLayout {
            id: row
            required property var modelData
            required property int index
            Layout.fillWidth: true
            spacing: Theme.px(12 * root.size)
            objectName: "resultRow_" + modelData.choice

            Text {
                textFormat: Text.PlainText
                Layout.preferredWidth: root.labelWidth
                text: row.modelData.label
                elide: Text.ElideRight
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(18 * root.textSize)
                font.bold: row.modelData.winner
                color: root.onDark ? Theme.stageText : Theme.text
            }
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: Theme.px(26 * root.size)
                radius: Theme.px(4)
                color: root.onDark ? "#24384f" : "#e7ecf1"
                Rectangle {
                    width: Math.max(row.modelData.count > 0 ? Theme.px(4) : 0, parent.width * row.modelData.share)
                    height: parent.height
                    radius: Theme.px(4)
                    color: Theme.choiceColor(row.modelData.choice, row.index, root.onDark)
                }
                // The threshold, on the bar that has to reach it.
                Rectangle {
                    visible: root.result.thresholdShare > 0 && (row.modelData.choice === "yes" || !Kiosk.voting.yesNo)
                             && row.modelData.choice !== "abstain"
                    x: parent.width * Math.min(1, root.result.thresholdShare) - width / 2
                    y: -Theme.px(3)
                    width: Math.max(2, Theme.px(3))
                    height: parent.height + Theme.px(6)
                    color: root.onDark ? "#ffffff" : Theme.text
                }
            }
            Text {
                textFormat: Text.PlainText
                objectName: "resultCount_" + row.modelData.choice
                Layout.preferredWidth: root.countWidth
                Layout.minimumWidth: implicitWidth
                horizontalAlignment: Text.AlignRight
                text: row.modelData.percentText !== "" ? qsTr("%1  (%2)").arg(row.modelData.count).arg(row.modelData.percentText)
                                                       : String(row.modelData.count)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(18 * root.textSize)
                font.bold: true
                color: root.onDark ? Theme.stageText : Theme.text
            }
        }
    }

    Text {
        textFormat: Text.PlainText
        Layout.fillWidth: true
        visible: root.showExplanation
        wrapMode: Text.WordWrap
        text: qsTr("Rule: %1").arg(Kiosk.voting.ruleLabel)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(15 * root.textSize)
        color: root.onDark ? Theme.stageMuted : Theme.mutedText
    }
    Text {
        textFormat: Text.PlainText
        objectName: "resultExplanation"
        Layout.fillWidth: true
        visible: root.showExplanation
        wrapMode: Text.WordWrap
        text: root.result.explanation
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(15 * root.textSize)
        color: root.onDark ? Theme.stageMuted : Theme.mutedText
    }
}

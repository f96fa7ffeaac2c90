// The delegate's private marks on a page: ink (pen and highlighter), an eraser, and text notes
// shown as small tabs that open when tapped. Coordinates are shares of the page (0..1), so
// marks stay in place at any zoom.
import QtQuick
import Chamber.Common

Item {
    id: root

    property var annotations: null // AnnotationSet
    property int page: 0
    property string tool: ""
    property color penColor: "#c62828"
    readonly property bool highlighter: tool === "highlighter"
    property var drawing: [] // the stroke under the finger, not saved yet
    signal noteRequested(real x, real y)
    signal noteOpened(int noteId)

    function strokeWidth(stroke) { return Math.max(1.5, stroke.width * width) }

    Canvas {
        id: canvas
        anchors.fill: parent
        renderStrategy: Canvas.Cooperative
        onPaint: {
            const context = getContext("2d")
            context.reset()
            context.lineCap = "round"
            context.lineJoin = "round"
            const strokes = root.annotations ? root.annotations.strokes(root.page) : []
            function draw(color, width, points) {
                if (points.length < 4)
                    return
                // Wide strokes are the highlighter's: see-through, so the text shows.
                context.globalAlpha = width >= 0.012 ? 0.35 : 1
                context.strokeStyle = color
                context.lineWidth = Math.max(1.5, width * canvas.width)
                context.beginPath()
                context.moveTo(points[0] * canvas.width, points[1] * canvas.height)
                for (let i = 2; i + 1 < points.length; i += 2)
                    context.lineTo(points[i] * canvas.width, points[i + 1] * canvas.height)
                context.stroke()
            }
            for (const stroke of strokes)
                draw(stroke.color, stroke.width, stroke.points)
            draw(root.highlighter ? "#ffd400" : root.penColor, root.highlighter ? 0.02 : 0.004, root.drawing)
        }
        Connections {
            target: root.annotations
            function onChanged() { canvas.requestPaint() }
        }
        onWidthChanged: requestPaint()
    }

    Repeater {
        model: root.annotations ? (root.annotations.revision, root.annotations.notes(root.page)) : []
        delegate: Rectangle {
            required property var modelData
            objectName: "note" + modelData.id
            x: modelData.x * root.width - width / 2
            y: modelData.y * root.height - height / 2
            width: Theme.px(30)
            height: width
            radius: Theme.px(4)
            color: "#ffe082"
            border.color: "#b28704"
            Text {
                textFormat: Text.PlainText
                anchors.centerIn: parent
                text: "✎"
                font.pixelSize: Theme.px(16)
                color: "#5d4300"
            }
            TapHandler { onTapped: root.noteOpened(parent.modelData.id) }
        }
    }

    MouseArea {
        anchors.fill: parent
        enabled: root.tool !== "" && root.annotations !== null
        preventStealing: true
        property var points: []
        function at(mouse) { return [Math.max(0, Math.min(1, mouse.x / width)), Math.max(0, Math.min(1, mouse.y / height))] }
        onPressed: mouse => {
            const point = at(mouse)
            if (root.tool === "note") {
                root.noteRequested(point[0], point[1])
                return
            }
            if (root.tool === "eraser") {
                root.annotations.eraseNear(root.page, point[0], point[1], 0.02)
                return
            }
            points = point
            root.drawing = points
        }
        onPositionChanged: mouse => {
            const point = at(mouse)
            if (root.tool === "eraser") {
                root.annotations.eraseNear(root.page, point[0], point[1], 0.02)
                return
            }
            if (root.tool !== "pen" && root.tool !== "highlighter")
                return
            points.push(point[0], point[1])
            root.drawing = points
            canvas.requestPaint()
        }
        onReleased: {
            if ((root.tool === "pen" || root.tool === "highlighter") && points.length >= 4)
                root.annotations.addStroke(root.page, root.highlighter ? "#ffd400" : root.penColor.toString().substring(0, 7),
                                           root.highlighter ? 0.02 : 0.004, points)
            points = []
            root.drawing = []
            canvas.requestPaint()
        }
    }
}

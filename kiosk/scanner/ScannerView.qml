// The join screen's scanner: the camera picture with a frame to hold the seat card's QR code in,
// or, on a device without a camera, a button to open a picture of the code instead.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtMultimedia
// Its own module, for QrScanner: Qt 6.4 does not give a module's QML files its C++ types.
import Chamber.Scanner

Item {
    id: root

    // The text of a QR code read from the camera or a picture. Checking that it is a join link
    // is up to whoever listens.
    signal scanned(string text)

    // One line for the user: what to do, or what went wrong.
    property string statusText: hasCamera
                                ? qsTr("Hold the QR code on your seat card inside the frame.")
                                : qsTr("Open a photo or screenshot of the QR code on your seat card.")
    // Switch off while the screen is hidden, so the camera and the decoder rest.
    property bool active: true
    readonly property bool hasCamera: devices.videoInputs.length > 0

    // Qt 6.4: MediaDevices is an instantiated type, not a singleton.
    MediaDevices {
        id: devices
    }

    Rectangle {
        anchors.fill: parent
        color: "#202124"
    }

    Camera {
        id: camera
        cameraDevice: devices.defaultVideoInput
        active: root.hasCamera && root.active && root.visible
        onErrorOccurred: (error, errorString) => {
            root.statusText = qsTr("The camera failed: %1").arg(errorString)
        }
    }

    // Connected only while there is a camera: on a device without one, GStreamer still starts
    // the output's video sink and stalls the UI thread for a second, several times.
    CaptureSession {
        camera: root.hasCamera ? camera : null
        videoOutput: root.hasCamera ? output : null
    }

    VideoOutput {
        id: output
        anchors.fill: parent
        visible: root.hasCamera
        fillMode: VideoOutput.PreserveAspectCrop
    }

    QrScanner {
        id: scanner
        objectName: "qrScanner"
        videoSink: output.videoSink
        active: root.active && root.hasCamera
        onDecoded: text => {
            root.statusText = qsTr("QR code read.")
            root.scanned(text)
        }
        // The reason is English: it names files and media errors for the log as much as for
        // the user.
        onFailed: reason => root.statusText = qsTr("No QR code could be read (%1).").arg(reason)
    }

    // Darkens everything outside a square in the middle, so people know where to hold the card.
    Item {
        id: framing
        objectName: "framing"
        anchors.fill: parent
        visible: root.hasCamera

        readonly property real side: Math.min(width, height) * 0.62
        readonly property color shade: Qt.rgba(0, 0, 0, 0.45)

        Rectangle {
            id: window
            anchors.centerIn: parent
            width: framing.side
            height: framing.side
            color: "transparent"
            radius: 16
            border.color: "white"
            border.width: 4
        }
        Rectangle {
            x: 0; y: 0; width: parent.width; height: window.y
            color: framing.shade
        }
        Rectangle {
            x: 0; y: window.y + window.height
            width: parent.width; height: parent.height - y
            color: framing.shade
        }
        Rectangle {
            x: 0; y: window.y; width: window.x; height: window.height
            color: framing.shade
        }
        Rectangle {
            x: window.x + window.width; y: window.y
            width: parent.width - x; height: window.height
            color: framing.shade
        }
    }

    Column {
        objectName: "noCameraPane"
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 560)
        spacing: 20
        visible: !root.hasCamera

        Label {
            textFormat: Text.PlainText
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: "white"
            font.pixelSize: 28
            text: qsTr("This device has no camera.")
        }
        Label {
            textFormat: Text.PlainText
            objectName: "noCameraStatus"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: "#dadce0"
            font.pixelSize: 18
            text: root.statusText
        }
        Button {
            objectName: "openImageButton"
            anchors.horizontalCenter: parent.horizontalCenter
            font.pixelSize: 20
            padding: 14
            text: qsTr("Open image…")
            onClicked: imageDialog.open()
        }
    }

    Label {
        textFormat: Text.PlainText
        objectName: "statusLabel"
        visible: root.hasCamera
        anchors {
            left: parent.left
            right: parent.right
            bottom: parent.bottom
            margins: 24
        }
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        color: "white"
        font.pixelSize: 20
        text: root.statusText
    }

    FileDialog {
        id: imageDialog
        title: qsTr("Choose a picture of the QR code")
        nameFilters: [qsTr("Images (*.png *.jpg *.jpeg *.bmp *.webp)"), qsTr("All files (*)")]
        onAccepted: {
            root.statusText = qsTr("Reading the picture…")
            scanner.scanImageFile(String(selectedFile))
        }
    }
}

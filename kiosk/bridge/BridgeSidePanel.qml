// The meeting beside the programme: the item under discussion, the vote (progress, result),
// who has the floor, and the agenda or the meeting's documents (the presented page opens by
// itself, as on a seat's tablet).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Common
import Chamber.Documents

ColumnLayout {
    id: root
    objectName: "bridgeSidePanel"
    readonly property bool viewing: documents.viewing
    spacing: Theme.px(10)

    CurrentItemCard {
        Layout.fillWidth: true
        visible: !documents.viewing
        titleSize: Kiosk.voting.active ? 18 : 22
    }
    BridgeVote {
        Layout.fillWidth: true
        visible: Kiosk.voting.active && Kiosk.voting.pollState !== "draft"
    }
    SpeakerCard {
        Layout.fillWidth: true
        visible: !documents.viewing && Kiosk.speaking.floorTaken
    }
    TabBar {
        id: tabs
        objectName: "bridgeTabs"
        Layout.fillWidth: true
        visible: !documents.viewing
        TabButton {
            text: qsTr("Agenda")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(15)
        }
        TabButton {
            objectName: "documentsTab"
            text: Kiosk.documents.allReady || Kiosk.documents.count === 0
                  ? qsTr("Documents (%1)").arg(Kiosk.documents.count)
                  : qsTr("Documents (%1/%2)").arg(Kiosk.documents.readyCount).arg(Kiosk.documents.count)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(15)
        }
    }
    AgendaList {
        objectName: "agendaList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        visible: tabs.currentIndex === 0
    }
    DocumentsPane {
        id: documents
        Layout.fillWidth: true
        Layout.fillHeight: true
        visible: tabs.currentIndex === 1
        onViewingChanged: if (viewing) tabs.currentIndex = 1
    }
    QuorumPanel {
        Layout.fillWidth: true
        visible: !documents.viewing && !Kiosk.voting.active
    }
}

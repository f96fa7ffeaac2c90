// The open PDF documents, one per local file, made once and kept while the program runs. Qt
// 6.4's image reader thread can still be rendering a page of a document after the viewer that
// made it is gone, and crashes if the document was deleted (seen in the tests); kept here, a
// document outlives every page image of it. A meeting has tens of documents, not thousands.
pragma Singleton
import QtQuick
import QtQuick.Pdf

QtObject {
    id: pool

    property var opened: ({})
    readonly property Component maker: Component {
        PdfDocument {}
    }

    // The document for a local file url; null for an empty url.
    function document(url) {
        const key = url ? url.toString() : ""
        if (key === "")
            return null
        if (!opened[key])
            opened[key] = maker.createObject(pool, { source: url })
        return opened[key]
    }
}

// The open PDF documents (page count, page sizes, text search; the pages themselves are drawn
// by PdfPageProvider), one per local file, made once and kept while the program runs, so a
// document opened again is there at once. A meeting has tens of documents, not thousands.
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

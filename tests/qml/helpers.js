// Shared by the QML tests.
.pragma library

// The first item below `item` (itself included) whose objectName is `name`, or null.
function findByName(item, name) {
    if (item.objectName === name)
        return item
    for (let i = 0; i < item.children.length; ++i) {
        const found = findByName(item.children[i], name)
        if (found)
            return found
    }
    return null
}

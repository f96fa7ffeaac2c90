// The static QML modules of the kiosk. Include once in every program that loads the kiosk's
// QML (chamber-kiosk, the QML test runner), so their plugins are linked in.
#pragma once

#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Chamber_CommonPlugin)
Q_IMPORT_QML_PLUGIN(Chamber_DocumentsPlugin)
Q_IMPORT_QML_PLUGIN(Chamber_ScannerPlugin)
Q_IMPORT_QML_PLUGIN(Chamber_MediaPlugin)
Q_IMPORT_QML_PLUGIN(Chamber_DelegatePlugin)
Q_IMPORT_QML_PLUGIN(Chamber_ChairPlugin)
Q_IMPORT_QML_PLUGIN(Chamber_BoardPlugin)
Q_IMPORT_QML_PLUGIN(Chamber_TallyPlugin)
Q_IMPORT_QML_PLUGIN(Chamber_BridgePlugin)
Q_IMPORT_QML_PLUGIN(Chamber_AppPlugin)

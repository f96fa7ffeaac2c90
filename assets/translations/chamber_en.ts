<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgendaControl</name>
    <message>
        <location filename="../../kiosk/chair/AgendaControl.qml" line="23"/>
        <source>‹ Previous</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/AgendaControl.qml" line="33"/>
        <source>Next ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/AgendaControl.qml" line="42"/>
        <source>End session</source>
        <translation>End session</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/AgendaControl.qml" line="42"/>
        <source>Open session</source>
        <translation>Open session</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/AgendaControl.qml" line="47"/>
        <source>Tap an item to make it current</source>
        <translation>Tap an item to make it current</translation>
    </message>
</context>
<context>
    <name>AgendaList</name>
    <message>
        <location filename="../../kiosk/common/AgendaList.qml" line="83"/>
        <source>Now</source>
        <translation>Now</translation>
    </message>
</context>
<context>
    <name>AttendanceCard</name>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="20"/>
        <source>Delegate</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="37"/>
        <source>Seat %1</source>
        <translation>Seat %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="60"/>
        <source>You are marked present</source>
        <translation>You are marked present</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="60"/>
        <source>You are not checked in yet</source>
        <translation>You are not checked in yet</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="72"/>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="73"/>
        <source>Leave the session</source>
        <translation>Leave the session</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="73"/>
        <source>Check in</source>
        <translation>Check in</translation>
    </message>
</context>
<context>
    <name>AttendancePanel</name>
    <message>
        <location filename="../../kiosk/chair/AttendancePanel.qml" line="16"/>
        <source>Seats · tap to change attendance</source>
        <translation>Seats · tap to change attendance</translation>
    </message>
</context>
<context>
    <name>BridgeMain</name>
    <message>
        <location filename="../../kiosk/bridge/BridgeMain.qml" line="26"/>
        <source>Bridge point: %1</source>
        <translation>Bridge point: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeMain.qml" line="26"/>
        <source>Bridge point</source>
        <translation>Bridge point</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeMain.qml" line="64"/>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
</context>
<context>
    <name>ChairMain</name>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="26"/>
        <source>Chair console</source>
        <translation>Chair console</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="38"/>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="39"/>
        <source>Attendance</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="40"/>
        <source>Devices (%1/%2 online)</source>
        <translation>Devices (%1/%2 online)</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="51"/>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="53"/>
        <source>Reconnecting… (offline since %1)</source>
        <translation>Reconnecting… (offline since %1)</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="54"/>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="55"/>
        <source>Offline since %1</source>
        <translation>Offline since %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="56"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="58"/>
        <source>next try in %n s</source>
        <translation><numerusform>next try in %n s</numerusform><numerusform>next try in %n s</numerusform></translation>
    </message>
</context>
<context>
    <name>CurrentItemCard</name>
    <message>
        <location filename="../../kiosk/common/CurrentItemCard.qml" line="31"/>
        <source>Now under discussion</source>
        <translation>Now under discussion</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/CurrentItemCard.qml" line="31"/>
        <source>No item selected yet</source>
        <translation>No item selected yet</translation>
    </message>
</context>
<context>
    <name>DelegateMain</name>
    <message>
        <location filename="../../kiosk/delegate/DelegateMain.qml" line="25"/>
        <source>Seat %1</source>
        <translation>Seat %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/DelegateMain.qml" line="50"/>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
</context>
<context>
    <name>DevicePanel</name>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="12"/>
        <source>Devices: %1 of %2 online</source>
        <translation>Devices: %1 of %2 online</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="22"/>
        <source>No device has joined yet. Print seat cards with chamberctl seat-cards.</source>
        <translation>No device has joined yet. Print seat cards with chamberctl seat-cards.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="77"/>
        <source>seat tablet</source>
        <translation>seat tablet</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="77"/>
        <source>chair console</source>
        <translation>chair console</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="78"/>
        <source>tally screen</source>
        <translation>tally screen</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="78"/>
        <source>bridge point</source>
        <translation>bridge point</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="81"/>
        <source>%1 · online since %2</source>
        <translation>%1 · online since %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="81"/>
        <source>%1 · offline since %2</source>
        <translation>%1 · offline since %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="83"/>
        <source>%1 · not seen yet</source>
        <translation>%1 · not seen yet</translation>
    </message>
</context>
<context>
    <name>JoinPage</name>
    <message>
        <location filename="../../kiosk/app/JoinPage.qml" line="60"/>
        <source>Join the meeting room</source>
        <translation>Join the meeting room</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/JoinPage.qml" line="74"/>
        <source>Scan the QR code on your seat card, or the one the secretary gave you for this device. This device then shows the agenda, your attendance and, later, votes.</source>
        <translation>Scan the QR code on your seat card, or the one the secretary gave you for this device. This device then shows the agenda, your attendance and, later, votes.</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/JoinPage.qml" line="104"/>
        <source>Joining…</source>
        <translation>Joining…</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/JoinPage.qml" line="114"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../kiosk/app/Main.qml" line="32"/>
        <source>This device may not do that.</source>
        <translation>This device may not do that.</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/Main.qml" line="33"/>
        <source>That no longer exists; the screen will update.</source>
        <translation>That no longer exists; the screen will update.</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/Main.qml" line="34"/>
        <source>The server refused: %1</source>
        <translation>The server refused: %1</translation>
    </message>
</context>
<context>
    <name>QuorumPanel</name>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="19"/>
        <source>at least %1 of members</source>
        <translation>at least %1 of members</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="20"/>
        <source>more than %1 of members</source>
        <translation>more than %1 of members</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="30"/>
        <source>Attendance</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="41"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="56"/>
        <source>Quorum reached</source>
        <translation>Quorum reached</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="56"/>
        <source>No quorum</source>
        <translation>No quorum</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="70"/>
        <source>Quorum: %1 (%2)</source>
        <translation>Quorum: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>ScannerView</name>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="18"/>
        <source>Hold the QR code on your seat card inside the frame.</source>
        <translation>Hold the QR code on your seat card inside the frame.</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="19"/>
        <source>No camera found. Open a picture of the QR code instead.</source>
        <translation>No camera found. Open a picture of the QR code instead.</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="35"/>
        <source>The camera failed: %1</source>
        <translation>The camera failed: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="59"/>
        <source>QR code read.</source>
        <translation>QR code read.</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="64"/>
        <source>No QR code could be read (%1).</source>
        <translation>No QR code could be read (%1).</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="120"/>
        <source>This device has no camera.</source>
        <translation>This device has no camera.</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="128"/>
        <source>Open a photo or screenshot of the QR code on your seat card.</source>
        <translation>Open a photo or screenshot of the QR code on your seat card.</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="133"/>
        <source>Open image…</source>
        <translation>Open image…</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="155"/>
        <source>Choose a picture of the QR code</source>
        <translation>Choose a picture of the QR code</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="156"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.webp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp *.webp)</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="156"/>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="158"/>
        <source>Reading the picture…</source>
        <translation>Reading the picture…</translation>
    </message>
</context>
<context>
    <name>StatusChip</name>
    <message>
        <location filename="../../kiosk/common/StatusChip.qml" line="24"/>
        <source>In session</source>
        <translation>In session</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/StatusChip.qml" line="25"/>
        <source>Session ended</source>
        <translation>Session ended</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/StatusChip.qml" line="25"/>
        <source>Not started</source>
        <translation>Not started</translation>
    </message>
</context>
<context>
    <name>TallyMain</name>
    <message>
        <location filename="../../kiosk/tally/TallyMain.qml" line="85"/>
        <source>Next seat</source>
        <translation>Next seat</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallyMain.qml" line="101"/>
        <source>Scan with the seat&apos;s tablet to join</source>
        <translation>Scan with the seat&apos;s tablet to join</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::Connection</name>
    <message>
        <location filename="../../kiosk/client/connection.cpp" line="28"/>
        <source>The server presents a different key than the one this device joined; not connecting.</source>
        <translation>The server presents a different key than the one this device joined; not connecting.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/connection.cpp" line="39"/>
        <source>The server stopped answering.</source>
        <translation>The server stopped answering.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/connection.cpp" line="208"/>
        <source>This device was removed from the meeting by the secretary.</source>
        <translation>This device was removed from the meeting by the secretary.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/connection.cpp" line="210"/>
        <source>The server is restarting.</source>
        <translation>The server is restarting.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/connection.cpp" line="222"/>
        <source>The server no longer accepts this device. Join again with a new QR code.</source>
        <translation>The server no longer accepts this device. Join again with a new QR code.</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::Enroller</name>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="16"/>
        <source>The server did not answer. Check the network and try again.</source>
        <translation>The server did not answer. Check the network and try again.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="32"/>
        <source>This join code was already used. Ask the secretary for a new one.</source>
        <translation>This join code was already used. Ask the secretary for a new one.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="34"/>
        <source>This join code has expired. Ask the secretary for a new one.</source>
        <translation>This join code has expired. Ask the secretary for a new one.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="36"/>
        <source>This join code is not valid for this server.</source>
        <translation>This join code is not valid for this server.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="52"/>
        <source>The server&apos;s answer was incomplete.</source>
        <translation>The server&apos;s answer was incomplete.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="62"/>
        <source>The server&apos;s key does not match the QR code. It may not be the meeting&apos;s server.</source>
        <translation>The server&apos;s key does not match the QR code. It may not be the meeting&apos;s server.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="63"/>
        <source>Could not reach the meeting server (%1).</source>
        <translation>Could not reach the meeting server (%1).</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::KioskState</name>
    <message>
        <location filename="../../kiosk/common/kioskstate.cpp" line="243"/>
        <source>This code needs a newer version of Chamber.</source>
        <translation>This code needs a newer version of Chamber.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/kioskstate.cpp" line="245"/>
        <source>This QR code is not a Chamber join code.</source>
        <translation>This QR code is not a Chamber join code.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/kioskstate.cpp" line="246"/>
        <source>This join code is damaged. Ask the secretary for a new one.</source>
        <translation>This join code is damaged. Ask the secretary for a new one.</translation>
    </message>
</context>
</TS>

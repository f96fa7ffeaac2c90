<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AgendaControl</name>
    <message>
        <location filename="../../kiosk/chair/AgendaControl.qml" line="23"/>
        <source>‹ Previous</source>
        <translation>‹ Mục trước</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/AgendaControl.qml" line="33"/>
        <source>Next ›</source>
        <translation>Mục sau ›</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/AgendaControl.qml" line="42"/>
        <source>End session</source>
        <translation>Kết thúc phiên họp</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/AgendaControl.qml" line="42"/>
        <source>Open session</source>
        <translation>Khai mạc phiên họp</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/AgendaControl.qml" line="47"/>
        <source>Tap an item to make it current</source>
        <translation>Chạm vào một nội dung để chuyển sang thảo luận</translation>
    </message>
</context>
<context>
    <name>AgendaList</name>
    <message>
        <location filename="../../kiosk/common/AgendaList.qml" line="83"/>
        <source>Now</source>
        <translation>Đang họp</translation>
    </message>
</context>
<context>
    <name>AttendanceCard</name>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="20"/>
        <source>Delegate</source>
        <translation>Đại biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="37"/>
        <source>Seat %1</source>
        <translation>Ghế %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="60"/>
        <source>You are marked present</source>
        <translation>Đại biểu đã được điểm danh có mặt</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="60"/>
        <source>You are not checked in yet</source>
        <translation>Đại biểu chưa điểm danh</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="72"/>
        <source>Sending…</source>
        <translation>Đang gửi…</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="73"/>
        <source>Leave the session</source>
        <translation>Rời phiên họp</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="73"/>
        <source>Check in</source>
        <translation>Điểm danh</translation>
    </message>
</context>
<context>
    <name>AttendancePanel</name>
    <message>
        <location filename="../../kiosk/chair/AttendancePanel.qml" line="16"/>
        <source>Seats · tap to change attendance</source>
        <translation>Chỗ ngồi · chạm để đổi trạng thái điểm danh</translation>
    </message>
</context>
<context>
    <name>BridgeMain</name>
    <message>
        <location filename="../../kiosk/bridge/BridgeMain.qml" line="26"/>
        <source>Bridge point: %1</source>
        <translation>Điểm cầu: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeMain.qml" line="26"/>
        <source>Bridge point</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeMain.qml" line="64"/>
        <source>Agenda</source>
        <translation>Chương trình nghị sự</translation>
    </message>
</context>
<context>
    <name>ChairMain</name>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="26"/>
        <source>Chair console</source>
        <translation>Bàn chủ tọa</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="38"/>
        <source>Agenda</source>
        <translation>Chương trình nghị sự</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="39"/>
        <source>Attendance</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="40"/>
        <source>Devices (%1/%2 online)</source>
        <translation>Thiết bị (%1/%2 trực tuyến)</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="51"/>
        <source>Connected</source>
        <translation>Đã kết nối</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="53"/>
        <source>Reconnecting… (offline since %1)</source>
        <translation>Đang kết nối lại… (mất kết nối từ %1)</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="54"/>
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="55"/>
        <source>Offline since %1</source>
        <translation>Mất kết nối từ %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="56"/>
        <source>Offline</source>
        <translation>Mất kết nối</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="58"/>
        <source>next try in %n s</source>
        <translation><numerusform>thử lại sau %n giây</numerusform></translation>
    </message>
</context>
<context>
    <name>CurrentItemCard</name>
    <message>
        <location filename="../../kiosk/common/CurrentItemCard.qml" line="31"/>
        <source>Now under discussion</source>
        <translation>Nội dung đang thảo luận</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/CurrentItemCard.qml" line="31"/>
        <source>No item selected yet</source>
        <translation>Chưa chọn nội dung nào</translation>
    </message>
</context>
<context>
    <name>DelegateMain</name>
    <message>
        <location filename="../../kiosk/delegate/DelegateMain.qml" line="25"/>
        <source>Seat %1</source>
        <translation>Ghế %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/DelegateMain.qml" line="50"/>
        <source>Agenda</source>
        <translation>Chương trình nghị sự</translation>
    </message>
</context>
<context>
    <name>DevicePanel</name>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="12"/>
        <source>Devices: %1 of %2 online</source>
        <translation>Thiết bị: %1/%2 trực tuyến</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="22"/>
        <source>No device has joined yet. Print seat cards with chamberctl seat-cards.</source>
        <translation>Chưa có thiết bị nào tham gia. In thẻ chỗ ngồi bằng lệnh chamberctl seat-cards.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="77"/>
        <source>seat tablet</source>
        <translation>máy tính bảng tại ghế</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="77"/>
        <source>chair console</source>
        <translation>bàn chủ tọa</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="78"/>
        <source>tally screen</source>
        <translation>màn hình kết quả</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="78"/>
        <source>bridge point</source>
        <translation>điểm cầu</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="81"/>
        <source>%1 · online since %2</source>
        <translation>%1 · trực tuyến từ %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="81"/>
        <source>%1 · offline since %2</source>
        <translation>%1 · mất kết nối từ %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="83"/>
        <source>%1 · not seen yet</source>
        <translation>%1 · chưa kết nối lần nào</translation>
    </message>
</context>
<context>
    <name>JoinPage</name>
    <message>
        <location filename="../../kiosk/app/JoinPage.qml" line="60"/>
        <source>Join the meeting room</source>
        <translation>Tham gia phòng họp</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/JoinPage.qml" line="74"/>
        <source>Scan the QR code on your seat card, or the one the secretary gave you for this device. This device then shows the agenda, your attendance and, later, votes.</source>
        <translation>Quét mã QR trên thẻ chỗ ngồi, hoặc mã thư ký cấp cho thiết bị này. Sau đó thiết bị sẽ hiển thị chương trình nghị sự, việc điểm danh và biểu quyết của đại biểu.</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/JoinPage.qml" line="104"/>
        <source>Joining…</source>
        <translation>Đang tham gia…</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/JoinPage.qml" line="114"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../kiosk/app/Main.qml" line="32"/>
        <source>This device may not do that.</source>
        <translation>Thiết bị này không có quyền thực hiện thao tác đó.</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/Main.qml" line="33"/>
        <source>That no longer exists; the screen will update.</source>
        <translation>Nội dung này không còn nữa; màn hình sẽ được cập nhật.</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/Main.qml" line="34"/>
        <source>The server refused: %1</source>
        <translation>Máy chủ từ chối: %1</translation>
    </message>
</context>
<context>
    <name>QuorumPanel</name>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="19"/>
        <source>at least %1 of members</source>
        <translation>ít nhất %1 tổng số đại biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="20"/>
        <source>more than %1 of members</source>
        <translation>quá %1 tổng số đại biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="30"/>
        <source>Attendance</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="41"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="56"/>
        <source>Quorum reached</source>
        <translation>Đủ số đại biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="56"/>
        <source>No quorum</source>
        <translation>Chưa đủ số đại biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="70"/>
        <source>Quorum: %1 (%2)</source>
        <translation>Số đại biểu cần có mặt: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>ScannerView</name>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="18"/>
        <source>Hold the QR code on your seat card inside the frame.</source>
        <translation>Đưa mã QR trên thẻ chỗ ngồi vào trong khung.</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="19"/>
        <source>No camera found. Open a picture of the QR code instead.</source>
        <translation>Không tìm thấy camera. Hãy mở ảnh chụp mã QR.</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="35"/>
        <source>The camera failed: %1</source>
        <translation>Camera gặp lỗi: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="59"/>
        <source>QR code read.</source>
        <translation>Đã đọc mã QR.</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="64"/>
        <source>No QR code could be read (%1).</source>
        <translation>Không đọc được mã QR (%1).</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="120"/>
        <source>This device has no camera.</source>
        <translation>Thiết bị này không có camera.</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="128"/>
        <source>Open a photo or screenshot of the QR code on your seat card.</source>
        <translation>Mở ảnh chụp hoặc ảnh màn hình mã QR trên thẻ chỗ ngồi.</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="133"/>
        <source>Open image…</source>
        <translation>Mở ảnh…</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="155"/>
        <source>Choose a picture of the QR code</source>
        <translation>Chọn ảnh có mã QR</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="156"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.webp)</source>
        <translation>Ảnh (*.png *.jpg *.jpeg *.bmp *.webp)</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="156"/>
        <source>All files (*)</source>
        <translation>Tất cả tệp (*)</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="158"/>
        <source>Reading the picture…</source>
        <translation>Đang đọc ảnh…</translation>
    </message>
</context>
<context>
    <name>StatusChip</name>
    <message>
        <location filename="../../kiosk/common/StatusChip.qml" line="24"/>
        <source>In session</source>
        <translation>Đang họp</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/StatusChip.qml" line="25"/>
        <source>Session ended</source>
        <translation>Đã bế mạc</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/StatusChip.qml" line="25"/>
        <source>Not started</source>
        <translation>Chưa khai mạc</translation>
    </message>
</context>
<context>
    <name>TallyMain</name>
    <message>
        <location filename="../../kiosk/tally/TallyMain.qml" line="85"/>
        <source>Next seat</source>
        <translation>Ghế tiếp theo</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallyMain.qml" line="101"/>
        <source>Scan with the seat&apos;s tablet to join</source>
        <translation>Quét bằng máy tính bảng tại ghế để tham gia</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::Connection</name>
    <message>
        <location filename="../../kiosk/client/connection.cpp" line="28"/>
        <source>The server presents a different key than the one this device joined; not connecting.</source>
        <translation>Máy chủ dùng khóa khác với khóa lúc thiết bị tham gia; không kết nối.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/connection.cpp" line="39"/>
        <source>The server stopped answering.</source>
        <translation>Máy chủ không còn trả lời.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/connection.cpp" line="208"/>
        <source>This device was removed from the meeting by the secretary.</source>
        <translation>Thư ký đã gỡ thiết bị này khỏi cuộc họp.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/connection.cpp" line="210"/>
        <source>The server is restarting.</source>
        <translation>Máy chủ đang khởi động lại.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/connection.cpp" line="222"/>
        <source>The server no longer accepts this device. Join again with a new QR code.</source>
        <translation>Máy chủ không còn chấp nhận thiết bị này. Hãy tham gia lại bằng mã QR mới.</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::Enroller</name>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="16"/>
        <source>The server did not answer. Check the network and try again.</source>
        <translation>Máy chủ không trả lời. Hãy kiểm tra mạng và thử lại.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="32"/>
        <source>This join code was already used. Ask the secretary for a new one.</source>
        <translation>Mã tham gia này đã được dùng. Hãy xin thư ký mã mới.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="34"/>
        <source>This join code has expired. Ask the secretary for a new one.</source>
        <translation>Mã tham gia này đã hết hạn. Hãy xin thư ký mã mới.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="36"/>
        <source>This join code is not valid for this server.</source>
        <translation>Mã tham gia không hợp lệ với máy chủ này.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="52"/>
        <source>The server&apos;s answer was incomplete.</source>
        <translation>Trả lời của máy chủ không đầy đủ.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="62"/>
        <source>The server&apos;s key does not match the QR code. It may not be the meeting&apos;s server.</source>
        <translation>Khóa của máy chủ không khớp với mã QR. Đây có thể không phải máy chủ của phòng họp.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="63"/>
        <source>Could not reach the meeting server (%1).</source>
        <translation>Không kết nối được máy chủ phòng họp (%1).</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::KioskState</name>
    <message>
        <location filename="../../kiosk/common/kioskstate.cpp" line="243"/>
        <source>This code needs a newer version of Chamber.</source>
        <translation>Mã này cần phiên bản Chamber mới hơn.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/kioskstate.cpp" line="245"/>
        <source>This QR code is not a Chamber join code.</source>
        <translation>Mã QR này không phải mã tham gia Chamber.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/kioskstate.cpp" line="246"/>
        <source>This join code is damaged. Ask the secretary for a new one.</source>
        <translation>Mã tham gia bị hỏng. Hãy xin thư ký mã mới.</translation>
    </message>
</context>
</TS>

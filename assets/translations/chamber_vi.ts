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
        <location filename="../../kiosk/chair/AgendaControl.qml" line="48"/>
        <source>Tap an item to make it current</source>
        <translation>Chạm vào một nội dung để chuyển sang thảo luận</translation>
    </message>
</context>
<context>
    <name>AgendaList</name>
    <message>
        <location filename="../../kiosk/common/AgendaList.qml" line="86"/>
        <source>Now</source>
        <translation>Đang họp</translation>
    </message>
</context>
<context>
    <name>AttendanceCard</name>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="26"/>
        <source>Delegate</source>
        <translation>Đại biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="46"/>
        <source>Seat %1</source>
        <translation>Ghế %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="70"/>
        <source>You are marked present</source>
        <translation>Đại biểu đã được điểm danh có mặt</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="70"/>
        <source>You are not checked in yet</source>
        <translation>Đại biểu chưa điểm danh</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="82"/>
        <source>Sending…</source>
        <translation>Đang gửi…</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="83"/>
        <source>Leave the session</source>
        <translation>Rời phiên họp</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/AttendanceCard.qml" line="83"/>
        <source>Check in</source>
        <translation>Điểm danh</translation>
    </message>
</context>
<context>
    <name>AttendancePanel</name>
    <message>
        <location filename="../../kiosk/chair/AttendancePanel.qml" line="17"/>
        <source>Seats · tap to change attendance</source>
        <translation>Chỗ ngồi · chạm để đổi trạng thái điểm danh</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../kiosk/documents/BackupDialog.qml" line="16"/>
        <source>Back up my notes</source>
        <translation>Sao lưu ghi chú của tôi</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/BackupDialog.qml" line="33"/>
        <source>Your notes are encrypted on this tablet with your passphrase before they are sent: nobody without it can read them, the meeting&apos;s administrators included. Without the passphrase they cannot be restored.</source>
        <translation>Ghi chú được mã hóa ngay trên máy bằng cụm mật khẩu của bạn trước khi gửi đi: không ai đọc được nếu không có nó, kể cả người quản trị kỳ họp. Không có cụm mật khẩu thì không khôi phục được.</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/BackupDialog.qml" line="40"/>
        <source>Passphrase (at least 6 characters)</source>
        <translation>Cụm mật khẩu (ít nhất 6 ký tự)</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/BackupDialog.qml" line="53"/>
        <source>Working…</source>
        <translation>Đang xử lý…</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/BackupDialog.qml" line="54"/>
        <source>Backed up.</source>
        <translation>Đã sao lưu.</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/BackupDialog.qml" line="55"/>
        <source>Your notes were restored.</source>
        <translation>Đã khôi phục ghi chú.</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/BackupDialog.qml" line="62"/>
        <source>Back up</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/BackupDialog.qml" line="68"/>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/BackupDialog.qml" line="73"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>BallotCard</name>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="34"/>
        <source>By proxy for %1 (seat %2)</source>
        <translation>Phiếu ủy quyền của %1 (ghế %2)</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="35"/>
        <source>Your ballot</source>
        <translation>Phiếu biểu quyết của đại biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="113"/>
        <source>Sending…</source>
        <translation>Đang gửi…</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="114"/>
        <source>Recorded</source>
        <translation>Đã ghi nhận</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="115"/>
        <source>Recorded; the change was refused</source>
        <translation>Đã ghi nhận; không chấp nhận thay đổi</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="115"/>
        <source>Not recorded</source>
        <translation>Chưa được ghi nhận</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="117"/>
        <source>Voting has closed · the ballot was counted</source>
        <translation>Đã kết thúc biểu quyết · phiếu đã được kiểm</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="118"/>
        <source>Voting has closed</source>
        <translation>Đã kết thúc biểu quyết</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="119"/>
        <source>Voting has closed · no ballot</source>
        <translation>Đã kết thúc biểu quyết · không có phiếu</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="121"/>
        <source>Tap a choice to vote</source>
        <translation>Chạm vào một lựa chọn để biểu quyết</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="131"/>
        <source>Receipt</source>
        <translation>Mã biên nhận</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="162"/>
        <source>You may change your choice until voting closes.</source>
        <translation>Có thể thay đổi lựa chọn cho đến khi kết thúc biểu quyết.</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="163"/>
        <source>This vote does not allow changes.</source>
        <translation>Lần biểu quyết này không cho phép thay đổi lựa chọn.</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/BallotCard.qml" line="173"/>
        <source>Find this code in the published result to check your ballot was counted.</source>
        <translation>Tra mã này trong kết quả được công bố để kiểm tra phiếu đã được kiểm.</translation>
    </message>
</context>
<context>
    <name>BoardFilters</name>
    <message>
        <location filename="../../kiosk/board/BoardFilters.qml" line="49"/>
        <source>Show:</source>
        <translation>Hiển thị:</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/BoardFilters.qml" line="56"/>
        <source>All meetings</source>
        <translation>Tất cả kỳ họp</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/BoardFilters.qml" line="63"/>
        <source>All owners</source>
        <translation>Tất cả đơn vị, cá nhân</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/BoardFilters.qml" line="73"/>
        <source>Every status</source>
        <translation>Mọi tình trạng</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/BoardFilters.qml" line="81"/>
        <source>Show everything</source>
        <translation>Hiện tất cả</translation>
    </message>
</context>
<context>
    <name>BoardMain</name>
    <message numerus="yes">
        <location filename="../../kiosk/board/BoardMain.qml" line="59"/>
        <source>Follow-up of conclusions · %n task(s) · amber %1 days before the deadline</source>
        <translation>
            <numerusform>Theo dõi thực hiện kết luận · %n nhiệm vụ · báo vàng trước hạn %1 ngày</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/board/BoardMain.qml" line="103"/>
        <source>Updated %1</source>
        <translation>Cập nhật lúc %1</translation>
    </message>
</context>
<context>
    <name>BoardPanel</name>
    <message>
        <location filename="../../kiosk/chair/BoardPanel.qml" line="25"/>
        <source>Follow-up board · %1</source>
        <translation>Bảng theo dõi · %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/BoardPanel.qml" line="25"/>
        <source>Follow-up board</source>
        <translation>Bảng theo dõi</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/BoardPanel.qml" line="44"/>
        <source>Back to the meeting on the tally</source>
        <translation>Màn hình chung trở lại kỳ họp</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/BoardPanel.qml" line="44"/>
        <source>Show the board on the tally</source>
        <translation>Hiện bảng theo dõi trên màn hình chung</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/BoardPanel.qml" line="55"/>
        <source>The tally screens show the follow-up board.</source>
        <translation>Màn hình chung đang hiện bảng theo dõi.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/BoardPanel.qml" line="56"/>
        <source>The tally screens show the meeting.</source>
        <translation>Màn hình chung đang hiện kỳ họp.</translation>
    </message>
</context>
<context>
    <name>BoardTotals</name>
    <message>
        <location filename="../../kiosk/board/BoardTotals.qml" line="60"/>
        <source>Closed</source>
        <translation>Đã khép lại</translation>
    </message>
</context>
<context>
    <name>BoardWall</name>
    <message>
        <location filename="../../kiosk/board/BoardWall.qml" line="171"/>
        <source>Page %1 of %2</source>
        <translation>Trang %1/%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/BoardWall.qml" line="183"/>
        <source>No task matches the filter.</source>
        <translation>Không có nhiệm vụ nào phù hợp bộ lọc.</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/BoardWall.qml" line="183"/>
        <source>No tasks yet.</source>
        <translation>Chưa có nhiệm vụ nào.</translation>
    </message>
</context>
<context>
    <name>BridgeControls</name>
    <message>
        <location filename="../../kiosk/bridge/BridgeControls.qml" line="30"/>
        <source>Microphone off · turn on</source>
        <translation>Micrô đang tắt · bật lại</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeControls.qml" line="30"/>
        <source>Mute microphone</source>
        <translation>Tắt micrô</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeControls.qml" line="37"/>
        <source>Camera off · turn on</source>
        <translation>Camera đang tắt · bật lại</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeControls.qml" line="37"/>
        <source>Turn camera off</source>
        <translation>Tắt camera</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeControls.qml" line="48"/>
        <source>This site has the floor</source>
        <translation>Điểm cầu đang phát biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeControls.qml" line="49"/>
        <source>Sending…</source>
        <translation>Đang gửi…</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeControls.qml" line="50"/>
        <source>Waiting to speak (no. %1) · withdraw</source>
        <translation>Đang chờ phát biểu (thứ %1) · rút lại</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeControls.qml" line="51"/>
        <source>Request to speak</source>
        <translation>Đăng ký phát biểu</translation>
    </message>
</context>
<context>
    <name>BridgeMain</name>
    <message>
        <location filename="../../kiosk/bridge/BridgeMain.qml" line="38"/>
        <source>Bridge point: %1</source>
        <translation>Điểm cầu: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeMain.qml" line="38"/>
        <source>Bridge point</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation type="vanished">Chương trình nghị sự</translation>
    </message>
</context>
<context>
    <name>BridgeSidePanel</name>
    <message>
        <location filename="../../kiosk/bridge/BridgeSidePanel.qml" line="35"/>
        <source>Agenda</source>
        <translation>Chương trình nghị sự</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeSidePanel.qml" line="42"/>
        <source>Documents (%1)</source>
        <translation>Tài liệu (%1)</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeSidePanel.qml" line="43"/>
        <source>Documents (%1/%2)</source>
        <translation>Tài liệu (%1/%2)</translation>
    </message>
</context>
<context>
    <name>BridgeVote</name>
    <message>
        <location filename="../../kiosk/bridge/BridgeVote.qml" line="28"/>
        <source>Voting now: delegates vote on their tablets</source>
        <translation>Đang biểu quyết: đại biểu biểu quyết trên máy tính bảng</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/BridgeVote.qml" line="28"/>
        <source>Result of the vote</source>
        <translation>Kết quả biểu quyết</translation>
    </message>
</context>
<context>
    <name>ChairMain</name>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="34"/>
        <source>Chair console</source>
        <translation>Bàn chủ tọa</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="48"/>
        <source>Agenda (tab)</source>
        <translation>Nghị sự</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="51"/>
        <source>Voting ●</source>
        <translation>Biểu quyết ●</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="51"/>
        <source>Voting</source>
        <translation>Biểu quyết</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="55"/>
        <location filename="../../kiosk/chair/ChairMain.qml" line="112"/>
        <source>Speakers (%1)</source>
        <translation>Phát biểu (%1)</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="57"/>
        <location filename="../../kiosk/chair/ChairMain.qml" line="114"/>
        <source>Attendance</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="58"/>
        <location filename="../../kiosk/chair/ChairMain.qml" line="115"/>
        <source>Devices %1/%2</source>
        <translation>Thiết bị %1/%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="61"/>
        <location filename="../../kiosk/chair/ChairMain.qml" line="118"/>
        <source>Documents ●</source>
        <translation>Tài liệu ●</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="61"/>
        <location filename="../../kiosk/chair/ChairMain.qml" line="118"/>
        <source>Documents</source>
        <translation>Tài liệu</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="65"/>
        <location filename="../../kiosk/chair/ChairMain.qml" line="122"/>
        <source>Board ●</source>
        <translation>Theo dõi ●</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="65"/>
        <location filename="../../kiosk/chair/ChairMain.qml" line="122"/>
        <source>Board</source>
        <translation>Theo dõi</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="69"/>
        <location filename="../../kiosk/chair/ChairMain.qml" line="126"/>
        <source>Conclusions</source>
        <translation>Kết luận</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ChairMain.qml" line="73"/>
        <location filename="../../kiosk/chair/ChairMain.qml" line="130"/>
        <source>Minutes</source>
        <translation>Biên bản</translation>
    </message>
</context>
<context>
    <name>ColourStyle</name>
    <message>
        <location filename="../../kiosk/board/ColourStyle.qml" line="13"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/ColourStyle.qml" line="14"/>
        <source>Due soon</source>
        <translation>Sắp đến hạn</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/ColourStyle.qml" line="15"/>
        <source>On time</source>
        <translation>Trong hạn</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/ColourStyle.qml" line="16"/>
        <source>Done</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/ColourStyle.qml" line="17"/>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
</context>
<context>
    <name>ConclusionsPanel</name>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="50"/>
        <source>Conclusions · %1 %2</source>
        <translation>Kết luận · %1 %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="51"/>
        <source>Conclusions</source>
        <translation>Kết luận</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="63"/>
        <source>No conclusion on this item yet.</source>
        <translation>Nội dung này chưa có kết luận.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="64"/>
        <source>Select an agenda item to record its conclusions.</source>
        <translation>Chọn một nội dung chương trình để ghi kết luận.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="105"/>
        <source>Conclusion %1</source>
        <translation>Kết luận %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="113"/>
        <source>Edit</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="120"/>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="135"/>
        <source>Remove conclusion %1? Its number stays taken; tasks that name it keep their origin.</source>
        <translation>Xóa kết luận %1? Số của kết luận không được dùng lại; các nhiệm vụ đã giao theo kết luận này vẫn giữ nguồn gốc.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="143"/>
        <source>Keep</source>
        <translation>Giữ lại</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="150"/>
        <source>Yes, remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="176"/>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="234"/>
        <source>Resolution: %1</source>
        <translation>Nghị quyết: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="190"/>
        <source>Not saved: %1</source>
        <translation>Chưa lưu: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="200"/>
        <source>Editing conclusion %1</source>
        <translation>Đang sửa kết luận %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="200"/>
        <source>New conclusion</source>
        <translation>Kết luận mới</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="215"/>
        <source>What the meeting concluded on this item</source>
        <translation>Kỳ họp kết luận gì về nội dung này</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="234"/>
        <source>Rests on no vote</source>
        <translation>Không dựa trên biểu quyết nào</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="242"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="253"/>
        <source>Save conclusion %1</source>
        <translation>Lưu kết luận %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/ConclusionsPanel.qml" line="253"/>
        <source>Add conclusion</source>
        <translation>Thêm kết luận</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="52"/>
        <source>Connected</source>
        <translation>Đã kết nối</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="54"/>
        <source>Reconnecting… (offline since %1)</source>
        <translation>Đang kết nối lại… (mất kết nối từ %1)</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="55"/>
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="56"/>
        <source>Offline since %1</source>
        <translation>Mất kết nối từ %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="57"/>
        <source>Offline</source>
        <translation>Mất kết nối</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/common/ConnectionBanner.qml" line="59"/>
        <source>next try in %n s</source>
        <translation>
            <numerusform>thử lại sau %n giây</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CreatePollDialog</name>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="18"/>
        <source>New vote</source>
        <translation>Tạo biểu quyết mới</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="55"/>
        <source>What is voted on</source>
        <translation>Nội dung biểu quyết</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="62"/>
        <source>e.g. Approve the resolution on the 2027 budget</source>
        <translation>Ví dụ: Thông qua Nghị quyết về dự toán ngân sách năm 2027</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="66"/>
        <source>Ballot</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="73"/>
        <source>In favour / Against / Abstain</source>
        <translation>Tán thành / Không tán thành / Không biểu quyết</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="78"/>
        <source>Choose one candidate</source>
        <translation>Chọn một trong các ứng viên</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="86"/>
        <source>One candidate per line (at least two)</source>
        <translation>Mỗi dòng một ứng viên (ít nhất hai)</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="96"/>
        <source>Secret ballot: only the counts are published</source>
        <translation>Bỏ phiếu kín: chỉ công bố số phiếu</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="97"/>
        <source>Named vote: each delegate&apos;s choice is published</source>
        <translation>Biểu quyết công khai: công bố lựa chọn của từng đại biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="101"/>
        <source>Majority needed</source>
        <translation>Điều kiện thông qua</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="116"/>
        <source>Delegates may change their choice until voting closes</source>
        <translation>Đại biểu được thay đổi lựa chọn cho đến khi kết thúc biểu quyết</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="124"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/CreatePollDialog.qml" line="129"/>
        <source>Create</source>
        <translation>Tạo</translation>
    </message>
</context>
<context>
    <name>CurrentItemCard</name>
    <message>
        <location filename="../../kiosk/common/CurrentItemCard.qml" line="32"/>
        <source>Now under discussion</source>
        <translation>Nội dung đang thảo luận</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/CurrentItemCard.qml" line="32"/>
        <source>No item selected yet</source>
        <translation>Chưa chọn nội dung nào</translation>
    </message>
</context>
<context>
    <name>DelegateMain</name>
    <message>
        <location filename="../../kiosk/delegate/DelegateMain.qml" line="30"/>
        <source>Seat %1</source>
        <translation>Ghế %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/DelegateMain.qml" line="65"/>
        <source>Agenda</source>
        <translation>Chương trình nghị sự</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/DelegateMain.qml" line="72"/>
        <source>Documents (%1)</source>
        <translation>Tài liệu (%1)</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/DelegateMain.qml" line="73"/>
        <source>Documents (%1/%2)</source>
        <translation>Tài liệu (%1/%2)</translation>
    </message>
</context>
<context>
    <name>DevicePanel</name>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="13"/>
        <source>Devices: %1 of %2 online</source>
        <translation>Thiết bị: %1/%2 trực tuyến</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="24"/>
        <source>No device has joined yet. Print seat cards with chamberctl seat-cards.</source>
        <translation>Chưa có thiết bị nào tham gia. In thẻ chỗ ngồi bằng lệnh chamberctl seat-cards.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="81"/>
        <source>seat tablet</source>
        <translation>máy tính bảng tại ghế</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="81"/>
        <source>chair console</source>
        <translation>bàn chủ tọa</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="82"/>
        <source>tally screen</source>
        <translation>màn hình kết quả</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="82"/>
        <source>bridge point</source>
        <translation>điểm cầu</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="83"/>
        <source>follow-up board</source>
        <translation>bảng theo dõi</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="86"/>
        <source>%1 · online since %2</source>
        <translation>%1 · trực tuyến từ %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="86"/>
        <source>%1 · offline since %2</source>
        <translation>%1 · mất kết nối từ %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/DevicePanel.qml" line="88"/>
        <source>%1 · not seen yet</source>
        <translation>%1 · chưa kết nối lần nào</translation>
    </message>
</context>
<context>
    <name>DocumentLibrary</name>
    <message>
        <location filename="../../kiosk/documents/DocumentLibrary.qml" line="25"/>
        <source>No documents for this meeting yet.</source>
        <translation>Kỳ họp chưa có tài liệu.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/documents/DocumentLibrary.qml" line="26"/>
        <source>All %n document(s) are on this tablet and can be read offline.</source>
        <translation>
            <numerusform>Cả %n tài liệu đã có trên máy, đọc được cả khi mất mạng.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentLibrary.qml" line="27"/>
        <source>%1 of %2 documents on this tablet</source>
        <translation>Đã tải %1/%2 tài liệu về máy</translation>
    </message>
</context>
<context>
    <name>DocumentRow</name>
    <message>
        <location filename="../../kiosk/documents/DocumentRow.qml" line="31"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentRow.qml" line="32"/>
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentRow.qml" line="68"/>
        <source>On screen</source>
        <translation>Đang trình chiếu</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/documents/DocumentRow.qml" line="81"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n trang</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentRow.qml" line="105"/>
        <source>✓ On this tablet</source>
        <translation>✓ Đã có trên máy</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentRow.qml" line="106"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentRow.qml" line="107"/>
        <source>Will retry</source>
        <translation>Sẽ thử lại</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentRow.qml" line="108"/>
        <source>Not available</source>
        <translation>Không tải được</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentRow.qml" line="109"/>
        <source>Waiting</source>
        <translation>Đang chờ</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../../kiosk/documents/DocumentViewer.qml" line="200"/>
        <source>This document cannot be opened.</source>
        <translation>Không mở được tài liệu này.</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentViewer.qml" line="201"/>
        <source>Opening…</source>
        <translation>Đang mở…</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentViewer.qml" line="202"/>
        <source>This document is still being downloaded.</source>
        <translation>Tài liệu đang được tải về.</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentViewer.qml" line="249"/>
        <source>New note</source>
        <translation>Ghi chú mới</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentViewer.qml" line="249"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentViewer.qml" line="257"/>
        <source>Only you can see your notes.</source>
        <translation>Chỉ mình bạn xem được ghi chú của bạn.</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentViewer.qml" line="261"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentViewer.qml" line="265"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/DocumentViewer.qml" line="265"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
</context>
<context>
    <name>FollowBar</name>
    <message>
        <location filename="../../kiosk/documents/FollowBar.qml" line="30"/>
        <source>Following the presenter: %1, page %2</source>
        <translation>Đang theo người trình bày: %1, trang %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/FollowBar.qml" line="31"/>
        <source>The presenter shows %1, page %2</source>
        <translation>Người trình bày đang chiếu %1, trang %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/FollowBar.qml" line="36"/>
        <source>Back to the presenter</source>
        <translation>Theo người trình bày</translation>
    </message>
</context>
<context>
    <name>JoinPage</name>
    <message>
        <location filename="../../kiosk/app/JoinPage.qml" line="62"/>
        <source>Join the meeting room</source>
        <translation>Tham gia phòng họp</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/JoinPage.qml" line="77"/>
        <source>Scan the QR code on your seat card, or the one the secretary gave you for this device. This device then shows the agenda, your attendance and, later, votes.</source>
        <translation>Quét mã QR trên thẻ chỗ ngồi, hoặc mã thư ký cấp cho thiết bị này. Sau đó thiết bị sẽ hiển thị chương trình nghị sự, việc điểm danh và biểu quyết của đại biểu.</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/JoinPage.qml" line="109"/>
        <source>Joining…</source>
        <translation>Đang tham gia…</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/JoinPage.qml" line="120"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../kiosk/app/Main.qml" line="33"/>
        <source>This device may not do that.</source>
        <translation>Thiết bị này không có quyền thực hiện thao tác đó.</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/Main.qml" line="34"/>
        <source>That no longer exists; the screen will update.</source>
        <translation>Nội dung này không còn nữa; màn hình sẽ được cập nhật.</translation>
    </message>
    <message>
        <location filename="../../kiosk/app/Main.qml" line="35"/>
        <source>The server refused: %1</source>
        <translation>Máy chủ từ chối: %1</translation>
    </message>
</context>
<context>
    <name>MinutesPanel</name>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="106"/>
        <source>Minutes and recordings</source>
        <translation>Biên bản và ghi âm</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="124"/>
        <source>Final</source>
        <translation>Chính thức</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="124"/>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="139"/>
        <source>Making the minutes…</source>
        <translation>Đang lập biên bản…</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="139"/>
        <source>Open the draft minutes</source>
        <translation>Mở dự thảo biên bản</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="146"/>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="169"/>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="169"/>
        <source>Nobody has spoken yet.</source>
        <translation>Chưa có ai phát biểu.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="219"/>
        <source>%1 – %2 (%3)</source>
        <translation>%1 – %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="221"/>
        <source>%1 – speaking</source>
        <translation>%1 – đang phát biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="240"/>
        <source>Fetching…</source>
        <translation>Đang tải về…</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="240"/>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="240"/>
        <source>Play</source>
        <translation>Nghe</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="249"/>
        <source>Recording %1 · %2</source>
        <translation>Bản ghi %1 · %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="251"/>
        <source>partial</source>
        <translation>không trọn vẹn</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="266"/>
        <source>Not recorded: %1</source>
        <translation>Không ghi âm được: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/MinutesPanel.qml" line="276"/>
        <source>No recording.</source>
        <translation>Không có bản ghi âm.</translation>
    </message>
</context>
<context>
    <name>OwnerHeading</name>
    <message>
        <location filename="../../kiosk/board/OwnerHeading.qml" line="31"/>
        <source>%1 (continued)</source>
        <translation>%1 (tiếp)</translation>
    </message>
</context>
<context>
    <name>PdfPage</name>
    <message>
        <location filename="../../kiosk/documents/PdfPage.qml" line="71"/>
        <source>Page %1</source>
        <translation>Trang %1</translation>
    </message>
</context>
<context>
    <name>PhoneReaderButton</name>
    <message>
        <location filename="../../kiosk/delegate/PhoneReaderButton.qml" line="13"/>
        <source>Read on my phone</source>
        <translation>Đọc trên điện thoại</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/PhoneReaderButton.qml" line="36"/>
        <source>Scan with your phone&apos;s camera</source>
        <translation>Quét bằng camera điện thoại của bạn</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/PhoneReaderButton.qml" line="46"/>
        <source>Your phone opens the meeting&apos;s documents, read-only. Your browser may warn about the server&apos;s certificate the first time: the meeting&apos;s own server uses one of its own.</source>
        <translation>Điện thoại sẽ mở tài liệu của kỳ họp ở chế độ chỉ đọc. Lần đầu trình duyệt có thể cảnh báo về chứng chỉ của máy chủ: máy chủ của kỳ họp dùng chứng chỉ riêng.</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/PhoneReaderButton.qml" line="72"/>
        <source>Asking the server…</source>
        <translation>Đang hỏi máy chủ…</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/PhoneReaderButton.qml" line="73"/>
        <source>Valid until %1</source>
        <translation>Dùng được đến %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/PhoneReaderButton.qml" line="77"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>PollPanel</name>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="23"/>
        <source>Votes</source>
        <translation>Các lần biểu quyết</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="34"/>
        <source>+ New vote</source>
        <translation>+ Biểu quyết mới</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="116"/>
        <source>Tap a vote to see it.</source>
        <translation>Chạm vào một lần biểu quyết để xem.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="116"/>
        <source>No vote yet. Create one for the item under discussion.</source>
        <translation>Chưa có biểu quyết. Hãy tạo biểu quyết cho nội dung đang thảo luận.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="167"/>
        <source>Secret ballot</source>
        <translation>Bỏ phiếu kín</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="167"/>
        <source>Named vote</source>
        <translation>Biểu quyết công khai</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="169"/>
        <source>changes allowed</source>
        <translation>được thay đổi lựa chọn</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="169"/>
        <source>no changes</source>
        <translation>không được thay đổi</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="187"/>
        <source>Open voting</source>
        <translation>Bắt đầu biểu quyết</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="187"/>
        <source>Another vote is open</source>
        <translation>Đang có biểu quyết khác</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="200"/>
        <location filename="../../kiosk/chair/PollPanel.qml" line="314"/>
        <source>Close voting</source>
        <translation>Kết thúc biểu quyết</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="211"/>
        <source>Publish the result</source>
        <translation>Công bố kết quả</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="220"/>
        <source>Result published and signed</source>
        <translation>Đã công bố kết quả (có chữ ký số)</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="237"/>
        <source>Not voted yet (%1):</source>
        <translation>Chưa biểu quyết (%1):</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="238"/>
        <source>Everyone present has voted.</source>
        <translation>Tất cả đại biểu có mặt đã biểu quyết.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="293"/>
        <source>Close voting?</source>
        <translation>Kết thúc biểu quyết?</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="304"/>
        <source>%1 of %2 ballots are in. No ballot can be cast or changed after the close.</source>
        <translation>Đã có %1/%2 phiếu. Sau khi kết thúc, không thể biểu quyết hay thay đổi lựa chọn.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/PollPanel.qml" line="309"/>
        <source>Keep voting open</source>
        <translation>Tiếp tục biểu quyết</translation>
    </message>
</context>
<context>
    <name>PollResultView</name>
    <message>
        <location filename="../../kiosk/common/PollResultView.qml" line="36"/>
        <location filename="../../kiosk/common/PollResultView.qml" line="110"/>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/PollResultView.qml" line="125"/>
        <source>Rule: %1</source>
        <translation>Điều kiện thông qua: %1</translation>
    </message>
</context>
<context>
    <name>PresentedPage</name>
    <message>
        <location filename="../../kiosk/documents/PresentedPage.qml" line="42"/>
        <source>Page %1 of %2</source>
        <translation>Trang %1/%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/PresentedPage.qml" line="43"/>
        <source>Page %1</source>
        <translation>Trang %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/PresentedPage.qml" line="76"/>
        <source>This document cannot be opened.</source>
        <translation>Không mở được tài liệu này.</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/PresentedPage.qml" line="77"/>
        <source>The document is being downloaded…</source>
        <translation>Tài liệu đang được tải về…</translation>
    </message>
</context>
<context>
    <name>ProgrammeView</name>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="33"/>
        <source>Video cannot be shown on this device</source>
        <translation>Không thể hiển thị video trên thiết bị này</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="34"/>
        <source>Not connected to the chamber</source>
        <translation>Chưa kết nối được với hội trường</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="35"/>
        <source>Connecting to the chamber&apos;s video…</source>
        <translation>Đang kết nối video từ hội trường…</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="36"/>
        <source>Reconnecting video…</source>
        <translation>Đang kết nối lại video…</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="37"/>
        <source>The chamber&apos;s video service is restarting…</source>
        <translation>Dịch vụ video của hội trường đang khởi động lại…</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="38"/>
        <source>The chamber&apos;s video service is unavailable</source>
        <translation>Dịch vụ video của hội trường không hoạt động</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="39"/>
        <source>Video connection lost; trying again…</source>
        <translation>Mất kết nối video; đang thử lại…</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="42"/>
        <source>This screen has no graphics display.</source>
        <translation>Màn hình này không có bộ hiển thị đồ họa.</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="43"/>
        <source>The graphics driver does not offer OpenGL.</source>
        <translation>Trình điều khiển đồ họa không hỗ trợ OpenGL.</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="44"/>
        <source>GStreamer parts are missing (gstreamer1.0-gl, gstreamer1.0-qt6).</source>
        <translation>Thiếu thành phần GStreamer (gstreamer1.0-gl, gstreamer1.0-qt6).</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="45"/>
        <source>The video display could not be created.</source>
        <translation>Không tạo được khung hiển thị video.</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="45"/>
        <source>The rest of the meeting works as usual.</source>
        <translation>Các chức năng khác của kỳ họp vẫn hoạt động bình thường.</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="46"/>
        <source>Video returns by itself when the connection is back.</source>
        <translation>Video sẽ tự hiện lại khi có kết nối trở lại.</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="47"/>
        <source>The picture stopped arriving; it resumes by itself.</source>
        <translation>Hình ảnh bị gián đoạn; sẽ tự tiếp tục.</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="48"/>
        <source>The agenda, documents and votes work as usual. Please tell the technician.</source>
        <translation>Chương trình, tài liệu và biểu quyết vẫn hoạt động bình thường. Vui lòng báo cho kỹ thuật viên.</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="49"/>
        <source>The agenda, documents and votes work as usual.</source>
        <translation>Chương trình, tài liệu và biểu quyết vẫn hoạt động bình thường.</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="108"/>
        <source>ON AIR · This site has the floor</source>
        <translation>ĐANG PHÁT SÓNG · Điểm cầu đang phát biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="144"/>
        <source>Camera off</source>
        <translation>Camera đã tắt</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="145"/>
        <source>Camera not sending</source>
        <translation>Camera chưa gửi được hình</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="146"/>
        <source>No camera</source>
        <translation>Không có camera</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="147"/>
        <source>Own camera</source>
        <translation>Camera điểm cầu</translation>
    </message>
    <message>
        <location filename="../../kiosk/bridge/ProgrammeView.qml" line="166"/>
        <source>Muted</source>
        <translation>Đã tắt tiếng</translation>
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
        <location filename="../../kiosk/common/QuorumPanel.qml" line="31"/>
        <source>Attendance</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="43"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="59"/>
        <source>Quorum reached</source>
        <translation>Đủ số đại biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="59"/>
        <source>No quorum</source>
        <translation>Chưa đủ số đại biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/QuorumPanel.qml" line="74"/>
        <source>Quorum: %1 (%2)</source>
        <translation>Số đại biểu cần có mặt: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>ScannerView</name>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="19"/>
        <source>Hold the QR code on your seat card inside the frame.</source>
        <translation>Đưa mã QR trên thẻ chỗ ngồi vào trong khung.</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="40"/>
        <source>The camera failed: %1</source>
        <translation>Camera gặp lỗi: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="64"/>
        <source>QR code read.</source>
        <translation>Đã đọc mã QR.</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="69"/>
        <source>No QR code could be read (%1).</source>
        <translation>Không đọc được mã QR (%1).</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="126"/>
        <source>This device has no camera.</source>
        <translation>Thiết bị này không có camera.</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="20"/>
        <source>Open a photo or screenshot of the QR code on your seat card.</source>
        <translation>Mở ảnh chụp hoặc ảnh màn hình mã QR trên thẻ chỗ ngồi.</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="143"/>
        <source>Open image…</source>
        <translation>Mở ảnh…</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="167"/>
        <source>Choose a picture of the QR code</source>
        <translation>Chọn ảnh có mã QR</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="168"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.webp)</source>
        <translation>Ảnh (*.png *.jpg *.jpeg *.bmp *.webp)</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="168"/>
        <source>All files (*)</source>
        <translation>Tất cả tệp (*)</translation>
    </message>
    <message>
        <location filename="../../kiosk/scanner/ScannerView.qml" line="170"/>
        <source>Reading the picture…</source>
        <translation>Đang đọc ảnh…</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../kiosk/documents/SearchPanel.qml" line="29"/>
        <source>Search in this document</source>
        <translation>Tìm trong tài liệu</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/SearchPanel.qml" line="38"/>
        <source>Not found</source>
        <translation>Không tìm thấy</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/documents/SearchPanel.qml" line="38"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n kết quả</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/SearchPanel.qml" line="77"/>
        <source>p. %1</source>
        <translation>tr. %1</translation>
    </message>
</context>
<context>
    <name>SeatVoteMap</name>
    <message>
        <location filename="../../kiosk/common/SeatVoteMap.qml" line="114"/>
        <source>No ballot</source>
        <translation>Không có phiếu</translation>
    </message>
</context>
<context>
    <name>SiteBadge</name>
    <message>
        <location filename="../../kiosk/common/SiteBadge.qml" line="46"/>
        <source>Remote site</source>
        <translation>Điểm cầu</translation>
    </message>
</context>
<context>
    <name>SpeakerCard</name>
    <message>
        <location filename="../../kiosk/common/SpeakerCard.qml" line="40"/>
        <source>Speaking now</source>
        <translation>Đang phát biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/SpeakerCard.qml" line="71"/>
        <source>Speaking from a remote site</source>
        <translation>Phát biểu từ điểm cầu</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/SpeakerCard.qml" line="72"/>
        <source>Seat %1</source>
        <translation>Ghế %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/SpeakerCard.qml" line="95"/>
        <source>spoken, no limit</source>
        <translation>đã phát biểu, không giới hạn</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/SpeakerCard.qml" line="96"/>
        <source>over the %1 limit</source>
        <translation>quá thời gian %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/SpeakerCard.qml" line="97"/>
        <source>left of %1</source>
        <translation>còn lại (tối đa %1)</translation>
    </message>
</context>
<context>
    <name>SpeakerPanel</name>
    <message>
        <location filename="../../kiosk/chair/SpeakerPanel.qml" line="53"/>
        <source>Nobody has the floor.</source>
        <translation>Chưa có đại biểu phát biểu.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/SpeakerPanel.qml" line="70"/>
        <source>Give the floor to %1</source>
        <translation>Mời %1 phát biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/SpeakerPanel.qml" line="71"/>
        <source>Give the floor to the next</source>
        <translation>Mời người tiếp theo</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/SpeakerPanel.qml" line="83"/>
        <source>End the speech</source>
        <translation>Kết thúc phát biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/SpeakerPanel.qml" line="91"/>
        <source>Speaker list (%1)</source>
        <translation>Danh sách đăng ký phát biểu (%1)</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/SpeakerPanel.qml" line="102"/>
        <source>Delegates ask to speak from their tablets, remote sites from their bridge screens.</source>
        <translation>Đại biểu đăng ký phát biểu trên máy tính bảng, các điểm cầu trên màn hình điểm cầu.</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/SpeakerPanel.qml" line="158"/>
        <source>Seat %1</source>
        <translation>Ghế %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/SpeakerPanel.qml" line="183"/>
        <source>Floor</source>
        <translation>Mời</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/SpeakerPanel.qml" line="202"/>
        <source>Time per speech: %1 min</source>
        <translation>Thời gian phát biểu: %1 phút</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/SpeakerPanel.qml" line="203"/>
        <source>Time per speech: no limit</source>
        <translation>Thời gian phát biểu: không giới hạn</translation>
    </message>
    <message>
        <location filename="../../kiosk/chair/SpeakerPanel.qml" line="223"/>
        <source>Set</source>
        <translation>Đặt</translation>
    </message>
</context>
<context>
    <name>SpeakingCard</name>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="30"/>
        <source>Speaking</source>
        <translation>Phát biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="43"/>
        <source>You have the floor</source>
        <translation>Đại biểu đang phát biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="62"/>
        <source>No time limit</source>
        <translation>Không giới hạn thời gian</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="63"/>
        <source>Time is up: please conclude.</source>
        <translation>Đã hết thời gian: đề nghị đại biểu kết thúc.</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="64"/>
        <source>left of %1</source>
        <translation>còn lại (tối đa %1)</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="79"/>
        <source>You are next to speak</source>
        <translation>Đại biểu là người phát biểu tiếp theo</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="79"/>
        <source>You are number %1 on the speaker list</source>
        <translation>Đại biểu đứng thứ %1 trong danh sách phát biểu</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="80"/>
        <source>%n waiting to speak</source>
        <translation>
            <numerusform>%n đại biểu đang chờ phát biểu</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="81"/>
        <source>Nobody is waiting to speak</source>
        <translation>Chưa có đại biểu đăng ký phát biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="91"/>
        <source>Speaking now: %1 · %2</source>
        <translation>Đang phát biểu: %1 · %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="106"/>
        <source>Sending…</source>
        <translation>Đang gửi…</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="107"/>
        <source>Withdraw my request</source>
        <translation>Rút đăng ký phát biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/SpeakingCard.qml" line="107"/>
        <source>Ask to speak</source>
        <translation>Đăng ký phát biểu</translation>
    </message>
</context>
<context>
    <name>StatusChip</name>
    <message>
        <location filename="../../kiosk/common/StatusChip.qml" line="25"/>
        <source>In session</source>
        <translation>Đang họp</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/StatusChip.qml" line="26"/>
        <source>Session ended</source>
        <translation>Đã bế mạc</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/StatusChip.qml" line="26"/>
        <source>Not started</source>
        <translation>Chưa khai mạc</translation>
    </message>
</context>
<context>
    <name>TallyMain</name>
    <message>
        <location filename="../../kiosk/tally/TallyMain.qml" line="112"/>
        <source>Follow-up board · %1</source>
        <translation>Bảng theo dõi · %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallyMain.qml" line="113"/>
        <source>Follow-up board</source>
        <translation>Bảng theo dõi</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallyMain.qml" line="180"/>
        <source>Next seat</source>
        <translation>Ghế tiếp theo</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallyMain.qml" line="198"/>
        <source>Scan with the seat&apos;s tablet to join</source>
        <translation>Quét bằng máy tính bảng tại ghế để tham gia</translation>
    </message>
</context>
<context>
    <name>TallySite</name>
    <message>
        <location filename="../../kiosk/tally/TallySite.qml" line="40"/>
        <source>Video cannot be shown on this screen</source>
        <translation>Không thể hiển thị video trên màn hình này</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallySite.qml" line="41"/>
        <source>Reconnecting video…</source>
        <translation>Đang kết nối lại video…</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallySite.qml" line="42"/>
        <source>The chamber&apos;s video service is unavailable</source>
        <translation>Dịch vụ video của hội trường không hoạt động</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallySite.qml" line="43"/>
        <source>Connecting to the site&apos;s video…</source>
        <translation>Đang kết nối video của điểm cầu…</translation>
    </message>
</context>
<context>
    <name>TallyVote</name>
    <message>
        <location filename="../../kiosk/tally/TallyVote.qml" line="29"/>
        <source>Voting now</source>
        <translation>Đang biểu quyết</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallyVote.qml" line="29"/>
        <source>Result of the vote</source>
        <translation>Kết quả biểu quyết</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallyVote.qml" line="38"/>
        <source>Secret ballot</source>
        <translation>Bỏ phiếu kín</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallyVote.qml" line="38"/>
        <source>Named vote</source>
        <translation>Biểu quyết công khai</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallyVote.qml" line="78"/>
        <source>Passes with: %1</source>
        <translation>Điều kiện thông qua: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/tally/TallyVote.qml" line="78"/>
        <source>Elected with: %1</source>
        <translation>Điều kiện trúng cử: %1</translation>
    </message>
</context>
<context>
    <name>TaskCard</name>
    <message>
        <location filename="../../kiosk/board/TaskCard.qml" line="27"/>
        <source>Completed</source>
        <translation>Đã hoàn thành</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/board/TaskCard.qml" line="32"/>
        <source>%n day(s) late · due %1</source>
        <translation>
            <numerusform>Trễ %n ngày · hạn %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/board/TaskCard.qml" line="33"/>
        <source>Late · due %1</source>
        <translation>Trễ hạn · hạn %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/TaskCard.qml" line="35"/>
        <source>Due today · %1</source>
        <translation>Đến hạn hôm nay · %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/board/TaskCard.qml" line="36"/>
        <source>Due in %n day(s) · %1</source>
        <translation>
            <numerusform>Còn %n ngày · hạn %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/board/TaskCard.qml" line="86"/>
        <source>#%1 · meeting %2, conclusion %3</source>
        <translation>#%1 · kỳ họp %2, kết luận %3</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/TaskCard.qml" line="87"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/board/TaskCard.qml" line="127"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n ghi chú</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskHistoryPopup</name>
    <message>
        <location filename="../../kiosk/board/TaskHistoryPopup.qml" line="49"/>
        <source>History of #%1 · %2</source>
        <translation>Lịch sử #%1 · %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/TaskHistoryPopup.qml" line="60"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/TaskHistoryPopup.qml" line="69"/>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/TaskHistoryPopup.qml" line="100"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/TaskHistoryPopup.qml" line="120"/>
        <source>Reason: %1</source>
        <translation>Lý do: %1</translation>
    </message>
</context>
<context>
    <name>ViewerToolbar</name>
    <message>
        <location filename="../../kiosk/documents/ViewerToolbar.qml" line="59"/>
        <source>‹ Documents</source>
        <translation>‹ Tài liệu</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/ViewerToolbar.qml" line="93"/>
        <source>of %1</source>
        <translation>/ %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/ViewerToolbar.qml" line="106"/>
        <source>Pages</source>
        <translation>Các trang</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/ViewerToolbar.qml" line="112"/>
        <source>Search</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/ViewerToolbar.qml" line="119"/>
        <source>Pen</source>
        <translation>Bút</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/ViewerToolbar.qml" line="126"/>
        <source>Highlight</source>
        <translation>Tô sáng</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/ViewerToolbar.qml" line="133"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/ViewerToolbar.qml" line="140"/>
        <source>Erase</source>
        <translation>Tẩy</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/ViewerToolbar.qml" line="147"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/ViewerToolbar.qml" line="163"/>
        <source>Back up</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/ViewerToolbar.qml" line="169"/>
        <source>Show to all</source>
        <translation>Chiếu cho tất cả</translation>
    </message>
</context>
<context>
    <name>VoteProgress</name>
    <message>
        <location filename="../../kiosk/common/VoteProgress.qml" line="24"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/VoteProgress.qml" line="34"/>
        <source>have voted</source>
        <translation>đã biểu quyết</translation>
    </message>
</context>
<context>
    <name>VotingPanel</name>
    <message>
        <location filename="../../kiosk/delegate/VotingPanel.qml" line="45"/>
        <source>Voting now</source>
        <translation>Đang biểu quyết</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/VotingPanel.qml" line="46"/>
        <source>Result published</source>
        <translation>Đã công bố kết quả</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/VotingPanel.qml" line="46"/>
        <source>Voting closed</source>
        <translation>Đã kết thúc biểu quyết</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/VotingPanel.qml" line="56"/>
        <source>Secret ballot</source>
        <translation>Bỏ phiếu kín</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/VotingPanel.qml" line="56"/>
        <source>Named vote</source>
        <translation>Biểu quyết công khai</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/VotingPanel.qml" line="68"/>
        <source>Back to the agenda</source>
        <translation>Về chương trình nghị sự</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/VotingPanel.qml" line="87"/>
        <source>Passes with: %1</source>
        <translation>Điều kiện thông qua: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/delegate/VotingPanel.qml" line="87"/>
        <source>Elected with: %1</source>
        <translation>Điều kiện trúng cử: %1</translation>
    </message>
</context>
<context>
    <name>VotingText</name>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="12"/>
        <source>half</source>
        <translation>nửa</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="14"/>
        <source>two thirds</source>
        <translation>hai phần ba</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="16"/>
        <source>three fifths</source>
        <translation>ba phần năm</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="18"/>
        <source>three quarters</source>
        <translation>ba phần tư</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="27"/>
        <source>In favour</source>
        <translation>Tán thành</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="29"/>
        <source>Against</source>
        <translation>Không tán thành</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="31"/>
        <source>Abstain</source>
        <translation>Không biểu quyết</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="39"/>
        <source>all members</source>
        <translation>tổng số đại biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="41"/>
        <source>members present</source>
        <translation>số đại biểu có mặt</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="43"/>
        <source>votes cast</source>
        <translation>số phiếu biểu quyết</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="54"/>
        <source>More than half of all members</source>
        <translation>Quá nửa tổng số đại biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="56"/>
        <source>At least two thirds of all members</source>
        <translation>Ít nhất hai phần ba tổng số đại biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="58"/>
        <source>At least three fifths of all members</source>
        <translation>Ít nhất ba phần năm tổng số đại biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="60"/>
        <source>More than half of the members present (at least two thirds present)</source>
        <translation>Quá nửa số đại biểu có mặt (ít nhất hai phần ba có mặt)</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="62"/>
        <source>More than half of the votes cast (abstentions not counted)</source>
        <translation>Quá nửa số phiếu biểu quyết (không tính phiếu không biểu quyết)</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="64"/>
        <source>At least two thirds of the votes cast</source>
        <translation>Ít nhất hai phần ba số phiếu biểu quyết</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="67"/>
        <source>At least %1 of %2</source>
        <translation>Ít nhất %1 %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="68"/>
        <source>More than %1 of %2</source>
        <translation>Quá %1 %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="70"/>
        <source>, abstentions counted</source>
        <translation>, tính cả phiếu không biểu quyết</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="71"/>
        <source>, abstentions not counted</source>
        <translation>, không tính phiếu không biểu quyết</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="73"/>
        <source>, by voting weight</source>
        <translation>, theo trọng số biểu quyết</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="104"/>
        <source>Passed</source>
        <translation>Thông qua</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="106"/>
        <source>Not passed</source>
        <translation>Không thông qua</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="108"/>
        <source>Tie</source>
        <translation>Hòa</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="110"/>
        <source>Not enough members</source>
        <translation>Không đủ số đại biểu</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="112"/>
        <source>Elected: %1</source>
        <translation>Trúng cử: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="114"/>
        <source>Nobody elected</source>
        <translation>Không có người trúng cử</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="124"/>
        <source>Only %1 of %2 members were present: nothing was decided.</source>
        <translation>Chỉ có %1/%2 đại biểu có mặt: không đủ điều kiện để quyết định.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="129"/>
        <source>%1 in favour of %2; %3 needed to pass.</source>
        <translation>%1 tán thành trên %2; cần %3 để thông qua.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="134"/>
        <source>Two or more candidates share the lead with %1 of %2; %3 needed.</source>
        <translation>Nhiều ứng viên cùng dẫn đầu với %1 trên %2; cần %3.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="138"/>
        <source>The leader has %1 of %2; %3 needed to be elected.</source>
        <translation>Người dẫn đầu đạt %1 trên %2; cần %3 để trúng cử.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="148"/>
        <source>Prepared</source>
        <translation>Chuẩn bị</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="150"/>
        <source>Voting now</source>
        <translation>Đang biểu quyết</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="152"/>
        <source>Closed</source>
        <translation>Đã kết thúc</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="154"/>
        <source>Published</source>
        <translation>Đã công bố</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="168"/>
        <source>You take part without a vote.</source>
        <translation>Đại biểu tham dự, không có quyền biểu quyết.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="170"/>
        <source>You gave your proxy to %1; they vote for you.</source>
        <translation>Đại biểu đã ủy quyền cho %1; người được ủy quyền sẽ biểu quyết thay.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="173"/>
        <source>Check in to vote.</source>
        <translation>Cần điểm danh để biểu quyết.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="184"/>
        <source>Voting had already closed; this ballot was not counted.</source>
        <translation>Biểu quyết đã kết thúc; phiếu này không được tính.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="186"/>
        <source>This vote does not allow changing a ballot; the first ballot stands.</source>
        <translation>Lần biểu quyết này không cho phép thay đổi; lựa chọn đầu tiên được giữ nguyên.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="187"/>
        <source>A ballot for this delegate was already cast from another device.</source>
        <translation>Đại biểu này đã biểu quyết từ một thiết bị khác.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="191"/>
        <source>Check in first: only delegates present can vote.</source>
        <translation>Cần điểm danh trước: chỉ đại biểu có mặt mới được biểu quyết.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="175"/>
        <location filename="../../kiosk/common/votingtext.cpp" line="192"/>
        <source>This tablet no longer holds that proxy.</source>
        <translation>Máy này không còn giữ ủy quyền đó.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="193"/>
        <source>You may not vote in this poll (a proxy given, or no vote).</source>
        <translation>Đại biểu không được biểu quyết lần này (đã ủy quyền, hoặc không có quyền biểu quyết).</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="196"/>
        <source>This vote no longer exists.</source>
        <translation>Lần biểu quyết này không còn tồn tại.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="198"/>
        <source>That choice is not on the ballot.</source>
        <translation>Lựa chọn này không có trong phiếu.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="199"/>
        <source>The server refused the ballot: %1</source>
        <translation>Máy chủ từ chối phiếu: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/votingtext.cpp" line="206"/>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::AnnotationBackup</name>
    <message>
        <location filename="../../kiosk/client/annotationbackup.cpp" line="45"/>
        <source>Only a delegate&apos;s tablet that has joined can back up notes.</source>
        <translation>Chỉ máy tính bảng của đại biểu đã tham gia mới sao lưu được ghi chú.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/annotationbackup.cpp" line="53"/>
        <source>Choose a passphrase of at least 6 characters.</source>
        <translation>Hãy chọn cụm mật khẩu có ít nhất 6 ký tự.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/annotationbackup.cpp" line="68"/>
        <source>The server did not keep the backup (%1).</source>
        <translation>Máy chủ không lưu được bản sao lưu (%1).</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/annotationbackup.cpp" line="69"/>
        <location filename="../../kiosk/client/annotationbackup.cpp" line="91"/>
        <source>The server cannot be reached; try again later.</source>
        <translation>Không kết nối được máy chủ; hãy thử lại sau.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/annotationbackup.cpp" line="76"/>
        <source>Only a delegate&apos;s tablet that has joined can restore notes.</source>
        <translation>Chỉ máy tính bảng của đại biểu đã tham gia mới khôi phục được ghi chú.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/annotationbackup.cpp" line="85"/>
        <source>There is no backup of your notes on this document.</source>
        <translation>Chưa có bản sao lưu ghi chú của bạn cho tài liệu này.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/annotationbackup.cpp" line="90"/>
        <source>The server did not give the backup (%1).</source>
        <translation>Máy chủ không trả bản sao lưu (%1).</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/annotationbackup.cpp" line="97"/>
        <source>Wrong passphrase, or the backup is damaged.</source>
        <translation>Sai cụm mật khẩu, hoặc bản sao lưu bị hỏng.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/annotationbackup.cpp" line="103"/>
        <source>The backup could not be read.</source>
        <translation>Không đọc được bản sao lưu.</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::AnnotationSet</name>
    <message>
        <location filename="../../kiosk/documents/annotationset.cpp" line="101"/>
        <source>Your earlier notes on this document could not be read.</source>
        <translation>Không đọc được các ghi chú trước đây của bạn trên tài liệu này.</translation>
    </message>
    <message>
        <location filename="../../kiosk/documents/annotationset.cpp" line="113"/>
        <source>Your notes could not be saved on this tablet.</source>
        <translation>Không lưu được ghi chú trên máy.</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::BoardState</name>
    <message>
        <location filename="../../kiosk/board/boardstate.cpp" line="112"/>
        <location filename="../../kiosk/board/boardstate.cpp" line="138"/>
        <source>The board needs the connection to the server.</source>
        <translation>Cần kết nối với máy chủ để hiện bảng theo dõi.</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/boardstate.cpp" line="153"/>
        <source>This device may not read the board.</source>
        <translation>Thiết bị này không được xem bảng theo dõi.</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/boardstate.cpp" line="155"/>
        <source>This meeting belongs to no council: there is no board to show.</source>
        <translation>Kỳ họp này không thuộc hội đồng nào: không có bảng theo dõi.</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/boardstate.cpp" line="156"/>
        <source>The server refused the board: %1</source>
        <translation>Máy chủ từ chối bảng theo dõi: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/boardstate.cpp" line="162"/>
        <source>The server sent a board this screen cannot read.</source>
        <translation>Máy chủ gửi bảng theo dõi mà màn hình này không đọc được.</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/boardstate.cpp" line="284"/>
        <source>The server refused the history: %1</source>
        <translation>Máy chủ từ chối lịch sử: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/boardstate.cpp" line="289"/>
        <source>The history needs the connection to the server.</source>
        <translation>Cần kết nối với máy chủ để xem lịch sử.</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::Connection</name>
    <message>
        <location filename="../../kiosk/client/connection.cpp" line="38"/>
        <source>The server presents a different key than the one this device joined; not connecting.</source>
        <translation>Máy chủ dùng khóa khác với khóa lúc thiết bị tham gia; không kết nối.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/connection.cpp" line="56"/>
        <source>The server stopped answering.</source>
        <translation>Máy chủ không còn trả lời.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/connection.cpp" line="243"/>
        <source>This device was removed from the meeting by the secretary.</source>
        <translation>Thư ký đã gỡ thiết bị này khỏi cuộc họp.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/connection.cpp" line="246"/>
        <source>The server is restarting.</source>
        <translation>Máy chủ đang khởi động lại.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/connection.cpp" line="264"/>
        <source>The server no longer accepts this device. Join again with a new QR code.</source>
        <translation>Máy chủ không còn chấp nhận thiết bị này. Hãy tham gia lại bằng mã QR mới.</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::DocumentDownloader</name>
    <message>
        <location filename="../../kiosk/client/documentdownloader.cpp" line="186"/>
        <location filename="../../kiosk/client/documentdownloader.cpp" line="283"/>
        <source>The document cannot be saved on this device: %1</source>
        <translation>Không lưu được tài liệu trên máy: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/documentdownloader.cpp" line="314"/>
        <source>The server does not give this document to this device.</source>
        <translation>Máy chủ không cấp tài liệu này cho thiết bị.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/documentdownloader.cpp" line="322"/>
        <source>The server answered %1.</source>
        <translation>Máy chủ trả lời %1.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/documentdownloader.cpp" line="329"/>
        <source>The download stopped early.</source>
        <translation>Việc tải về bị ngắt giữa chừng.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/documentdownloader.cpp" line="349"/>
        <source>The copies received are damaged.</source>
        <translation>Các bản nhận được đều bị hỏng.</translation>
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
        <location filename="../../kiosk/client/enroller.cpp" line="37"/>
        <source>This join code was already used. Ask the secretary for a new one.</source>
        <translation>Mã tham gia này đã được dùng. Hãy xin thư ký mã mới.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="39"/>
        <source>This join code has expired. Ask the secretary for a new one.</source>
        <translation>Mã tham gia này đã hết hạn. Hãy xin thư ký mã mới.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="41"/>
        <source>This join code is not valid for this server.</source>
        <translation>Mã tham gia không hợp lệ với máy chủ này.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="57"/>
        <source>The server&apos;s answer was incomplete.</source>
        <translation>Trả lời của máy chủ không đầy đủ.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="67"/>
        <source>The server&apos;s key does not match the QR code. It may not be the meeting&apos;s server.</source>
        <translation>Khóa của máy chủ không khớp với mã QR. Đây có thể không phải máy chủ của phòng họp.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/enroller.cpp" line="69"/>
        <source>Could not reach the meeting server (%1).</source>
        <translation>Không kết nối được máy chủ phòng họp (%1).</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::KioskState</name>
    <message>
        <location filename="../../kiosk/common/kioskstate.cpp" line="379"/>
        <source>This code needs a newer version of Chamber.</source>
        <translation>Mã này cần phiên bản Chamber mới hơn.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/kioskstate.cpp" line="381"/>
        <source>This QR code is not a Chamber join code.</source>
        <translation>Mã QR này không phải mã tham gia Chamber.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/kioskstate.cpp" line="382"/>
        <source>This join code is damaged. Ask the secretary for a new one.</source>
        <translation>Mã tham gia bị hỏng. Hãy xin thư ký mã mới.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/kioskstate.cpp" line="462"/>
        <source>The phone link needs the connection to the server.</source>
        <translation>Cần kết nối với máy chủ để tạo liên kết cho điện thoại.</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::MinutesState</name>
    <message>
        <location filename="../../kiosk/common/minutesstate.cpp" line="64"/>
        <source>That is not a recording of this meeting.</source>
        <translation>Đây không phải bản ghi âm của cuộc họp này.</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/minutesstate.cpp" line="115"/>
        <source>The server&apos;s minutes could not be read: %1</source>
        <translation>Không đọc được biên bản từ máy chủ: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/minutesstate.cpp" line="128"/>
        <source>Draft minutes (English)</source>
        <translation>Dự thảo biên bản (tiếng Anh)</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/minutesstate.cpp" line="129"/>
        <source>Draft minutes (Vietnamese)</source>
        <translation>Dự thảo biên bản (tiếng Việt)</translation>
    </message>
    <message>
        <location filename="../../kiosk/common/minutesstate.cpp" line="148"/>
        <source>This console may not read the minutes.</source>
        <translation>Màn hình này không được phép xem biên bản.</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::ServerFetch</name>
    <message>
        <location filename="../../kiosk/client/serverfetch.cpp" line="51"/>
        <source>This screen has not joined a meeting.</source>
        <translation>Màn hình này chưa tham gia cuộc họp nào.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/serverfetch.cpp" line="55"/>
        <location filename="../../kiosk/client/serverfetch.cpp" line="65"/>
        <location filename="../../kiosk/client/serverfetch.cpp" line="128"/>
        <location filename="../../kiosk/client/serverfetch.cpp" line="145"/>
        <location filename="../../kiosk/client/serverfetch.cpp" line="151"/>
        <source>The kiosk cannot write its cache (%1).</source>
        <translation>Máy không ghi được vào bộ nhớ đệm (%1).</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/serverfetch.cpp" line="127"/>
        <source>The server sent more than %1 MB.</source>
        <translation>Máy chủ gửi quá %1 MB.</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/serverfetch.cpp" line="132"/>
        <source>The server cannot be reached (%1).</source>
        <translation>Không kết nối được máy chủ (%1).</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/serverfetch.cpp" line="136"/>
        <source>The server refused (HTTP %1).</source>
        <translation>Máy chủ từ chối (HTTP %1).</translation>
    </message>
    <message>
        <location filename="../../kiosk/client/serverfetch.cpp" line="141"/>
        <source>The file arrived damaged (its SHA-256 does not match).</source>
        <translation>Tệp nhận được bị hỏng (mã SHA-256 không khớp).</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::SpeakingState</name>
    <message>
        <location filename="../../kiosk/common/speakingstate.cpp" line="110"/>
        <source>Remote site %1</source>
        <translation>Điểm cầu %1</translation>
    </message>
</context>
<context>
    <name>chamber::kiosk::TaskHistoryModel</name>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="106"/>
        <source>not started</source>
        <translation>chưa thực hiện</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="108"/>
        <source>in progress</source>
        <translation>đang thực hiện</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="110"/>
        <source>done</source>
        <translation>hoàn thành</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="112"/>
        <source>cancelled</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="119"/>
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="121"/>
        <source>Data migration</source>
        <translation>Chuyển đổi dữ liệu</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="125"/>
        <source>Device %1</source>
        <translation>Thiết bị %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="133"/>
        <source>Created for %1, due %2</source>
        <translation>Giao cho %1, hạn %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="137"/>
        <source>Status: %1 → %2</source>
        <translation>Tình trạng: %1 → %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="146"/>
        <source>Note: %1</source>
        <translation>Ghi chú: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="147"/>
        <source>Note: %1 (attached: %2)</source>
        <translation>Ghi chú: %1 (đính kèm: %2)</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="150"/>
        <source>Reassigned from %1 to %2</source>
        <translation>Chuyển từ %1 sang %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/board/taskhistorymodel.cpp" line="154"/>
        <source>Deadline moved from %1 to %2</source>
        <translation>Đổi hạn từ %1 sang %2</translation>
    </message>
</context>
</TS>

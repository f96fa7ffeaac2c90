<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>Minutes</name>
    <message>
        <source>PROCEEDINGS</source>
        <translation>NỘI DUNG VÀ DIỄN BIẾN KỲ HỌP</translation>
    </message>
    <message>
        <source>No agenda items.</source>
        <translation>Không có nội dung nào trong chương trình.</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <source>Made from the event log up to event %1, hash %2</source>
        <translation>Lập từ nhật ký sự kiện đến sự kiện số %1, mã băm %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Trang %1/%2</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(không ghi nhận)</translation>
    </message>
    <message>
        <source>(organisation not set)</source>
        <translation>(chưa ghi cơ quan)</translation>
    </message>
    <message>
        <source>SOCIALIST REPUBLIC OF VIETNAM</source>
        <translation>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</translation>
    </message>
    <message>
        <source>Independence - Freedom - Happiness</source>
        <translation>Độc lập - Tự do - Hạnh phúc</translation>
    </message>
    <message>
        <source>MINUTES</source>
        <translation>BIÊN BẢN</translation>
    </message>
    <message>
        <source>DRAFT: the meeting had not ended when these minutes were made</source>
        <translation>DỰ THẢO: kỳ họp chưa kết thúc khi lập biên bản này</translation>
    </message>
    <message>
        <source>TIME, PLACE AND PARTICIPANTS</source>
        <translation>THỜI GIAN, ĐỊA ĐIỂM VÀ THÀNH PHẦN</translation>
    </message>
    <message>
        <source>planned for %1; the meeting has not started</source>
        <translation>dự kiến %1; kỳ họp chưa bắt đầu</translation>
    </message>
    <message>
        <source>began at %1</source>
        <translation>bắt đầu lúc %1</translation>
    </message>
    <message>
        <source>; not yet ended</source>
        <translation>; chưa kết thúc</translation>
    </message>
    <message>
        <source>; ended at %1</source>
        <translation>; kết thúc lúc %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>(Vietnam time, UTC+7)</source>
        <translation>(giờ Việt Nam, UTC+7)</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Chairperson</source>
        <translation>Chủ tọa</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>Thư ký</translation>
    </message>
    <message>
        <source>Delegates</source>
        <translation>Đại biểu</translation>
    </message>
    <message>
        <source>%1 in all; %2 attended, %3 absent</source>
        <translation>tổng số %1; có mặt %2, vắng mặt %3</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>Số đại biểu cần thiết</translation>
    </message>
    <message>
        <source>met: %1 members present of %2</source>
        <translation>đủ: %1 đại biểu có mặt trên tổng số %2</translation>
    </message>
    <message>
        <source>not met: %1 members present of %2</source>
        <translation>không đủ: %1 đại biểu có mặt trên tổng số %2</translation>
    </message>
    <message>
        <source>ATTENDANCE</source>
        <translation>ĐẠI BIỂU THAM DỰ</translation>
    </message>
    <message>
        <source>No delegates.</source>
        <translation>Không có đại biểu.</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Ghế</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Tổ/Đơn vị</translation>
    </message>
    <message>
        <source>Present (arrived - left)</source>
        <translation>Có mặt (đến - rời)</translation>
    </message>
    <message>
        <source>(takes part, does not vote)</source>
        <translation>(tham dự, không biểu quyết)</translation>
    </message>
    <message>
        <source>Absent delegates</source>
        <translation>Đại biểu vắng mặt</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>không có lý do</translation>
    </message>
    <message>
        <source>None: every delegate attended.</source>
        <translation>Không có: tất cả đại biểu đều có mặt.</translation>
    </message>
    <message>
        <source>BRIDGE POINTS</source>
        <translation>CÁC ĐIỂM CẦU</translation>
    </message>
    <message>
        <source>No bridge point took part.</source>
        <translation>Không có điểm cầu tham dự.</translation>
    </message>
    <message>
        <source>Bridge point</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Ngắt kết nối</translation>
    </message>
    <message>
        <source>Speeches</source>
        <translation>Ý kiến phát biểu</translation>
    </message>
    <message>
        <source>Speaking time</source>
        <translation>Thời gian phát biểu</translation>
    </message>
    <message>
        <source>still connected</source>
        <translation>vẫn kết nối</translation>
    </message>
    <message>
        <source>CLOSING</source>
        <translation>BẾ MẠC</translation>
    </message>
    <message>
        <source>The meeting had not ended when these minutes were made.</source>
        <translation>Kỳ họp chưa kết thúc khi lập biên bản này.</translation>
    </message>
    <message>
        <source>The meeting ended at %1.</source>
        <translation>Kỳ họp kết thúc lúc %1.</translation>
    </message>
    <message>
        <source>These minutes were made by Chamber from the meeting&apos;s event log up to event %1 (%2) and are signed electronically by the server; the hash of that event is %3.</source>
        <translation>Biên bản này được hệ thống Chamber lập từ nhật ký sự kiện của kỳ họp đến sự kiện số %1 (%2) và được máy chủ ký số; mã băm của sự kiện đó là %3.</translation>
    </message>
    <message>
        <source>SECRETARY</source>
        <translation>THƯ KÝ</translation>
    </message>
    <message>
        <source>CHAIRPERSON</source>
        <translation>CHỦ TỌA</translation>
    </message>
    <message>
        <source>(signature and full name)</source>
        <translation>(Ký, ghi rõ họ tên)</translation>
    </message>
    <message>
        <source>Outside the agenda</source>
        <translation>Ngoài chương trình</translation>
    </message>
    <message>
        <source>Break: %1</source>
        <translation>Giải lao: %1</translation>
    </message>
    <message>
        <source>Nothing was recorded under this item.</source>
        <translation>Không có nội dung nào được ghi nhận ở mục này.</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Tài liệu</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên tài liệu</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Người phát biểu</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Thời lượng</translation>
    </message>
    <message>
        <source>still speaking</source>
        <translation>đang phát biểu</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>không đầy đủ</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>Không ghi âm được: %1</translation>
    </message>
    <message>
        <source>no recording</source>
        <translation>không có bản ghi âm</translation>
    </message>
    <message>
        <source>Poll: %1</source>
        <translation>Biểu quyết: %1</translation>
    </message>
    <message>
        <source>Method: %1</source>
        <translation>Hình thức: %1</translation>
    </message>
    <message>
        <source>secret ballot (receipts below)</source>
        <translation>bỏ phiếu kín (mã biên nhận dưới đây)</translation>
    </message>
    <message>
        <source>named vote (roll call below)</source>
        <translation>biểu quyết công khai, ghi danh (danh sách dưới đây)</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>Nguyên tắc: %1</translation>
    </message>
    <message>
        <source>Opened at %1</source>
        <translation>Bắt đầu lúc %1</translation>
    </message>
    <message>
        <source>closed at %1</source>
        <translation>kết thúc lúc %1</translation>
    </message>
    <message>
        <source>The poll was not opened.</source>
        <translation>Cuộc biểu quyết chưa được mở.</translation>
    </message>
    <message>
        <source>The poll was still open: no result.</source>
        <translation>Cuộc biểu quyết chưa kết thúc: chưa có kết quả.</translation>
    </message>
    <message>
        <source>Ballots: %1; members: %2, present when the poll closed: %3</source>
        <translation>Số phiếu: %1; tổng số đại biểu: %2, có mặt khi kết thúc biểu quyết: %3</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Lựa chọn</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Số phiếu</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Kết quả: %1</translation>
    </message>
    <message>
        <source>Roll call</source>
        <translation>Danh sách biểu quyết</translation>
    </message>
    <message>
        <source>Nobody voted.</source>
        <translation>Không có ai biểu quyết.</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Biểu quyết</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Trọng số</translation>
    </message>
    <message>
        <source>Cast by proxy</source>
        <translation>Bỏ phiếu thay (ủy quyền)</translation>
    </message>
    <message>
        <source>Ballot receipts (each voter can find their own; how anyone voted is not recorded)</source>
        <translation>Mã biên nhận phiếu (mỗi người bỏ phiếu tự đối chiếu mã của mình; không ghi nhận ai bỏ phiếu thế nào)</translation>
    </message>
    <message>
        <source>Conclusions</source>
        <translation>Kết luận</translation>
    </message>
    <message>
        <source>(decided by the poll &quot;%1&quot;)</source>
        <translation>(quyết định bằng biểu quyết &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <comment>time on date</comment>
        <translation>%1 ngày %2</translation>
    </message>
    <message>
        <source>Date: %1/%2/%3</source>
        <comment>day, month, year</comment>
        <translation>Ngày %1 tháng %2 năm %3</translation>
    </message>
    <message>
        <source>one half</source>
        <translation>một nửa</translation>
    </message>
    <message>
        <source>two thirds</source>
        <translation>hai phần ba</translation>
    </message>
    <message>
        <source>three quarters</source>
        <translation>ba phần tư</translation>
    </message>
    <message>
        <source>all</source>
        <translation>toàn bộ</translation>
    </message>
    <message>
        <source>of all members</source>
        <translation>tổng số đại biểu</translation>
    </message>
    <message>
        <source>of the members present</source>
        <translation>số đại biểu có mặt</translation>
    </message>
    <message>
        <source>of the votes cast, abstentions included</source>
        <translation>số phiếu biểu quyết, kể cả phiếu không biểu quyết</translation>
    </message>
    <message>
        <source>of the votes cast, abstentions not counted</source>
        <translation>số phiếu biểu quyết, không tính phiếu không biểu quyết</translation>
    </message>
    <message>
        <source>at least %1 %2</source>
        <translation>ít nhất %1 %2</translation>
    </message>
    <message>
        <source>more than %1 %2</source>
        <translation>quá %1 %2</translation>
    </message>
    <message>
        <source>counted by voting weight</source>
        <translation>tính theo trọng số biểu quyết</translation>
    </message>
    <message>
        <source>counted by heads</source>
        <translation>tính theo số người</translation>
    </message>
    <message>
        <source>by voting weight</source>
        <translation>theo trọng số biểu quyết</translation>
    </message>
    <message>
        <source>by heads</source>
        <translation>theo số người</translation>
    </message>
    <message>
        <source>Abstain</source>
        <translation>Không biểu quyết</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Tán thành</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không tán thành</translation>
    </message>
    <message>
        <source>PASSED</source>
        <translation>THÔNG QUA</translation>
    </message>
    <message>
        <source>NOT PASSED</source>
        <translation>KHÔNG THÔNG QUA</translation>
    </message>
    <message>
        <source>TIE: not passed</source>
        <translation>HÒA PHIẾU: không thông qua</translation>
    </message>
    <message>
        <source>NO QUORUM: nothing was decided</source>
        <translation>KHÔNG ĐỦ SỐ ĐẠI BIỂU: không quyết định</translation>
    </message>
    <message>
        <source>ELECTED: %1</source>
        <translation>TRÚNG CỬ: %1</translation>
    </message>
    <message>
        <source>NO ONE ELECTED</source>
        <translation>KHÔNG AI TRÚNG CỬ</translation>
    </message>
    <message>
        <source>%1 counted against a base of %2; the rule needs %3</source>
        <translation>%1 phiếu trên cơ sở %2; nguyên tắc đòi hỏi %3</translation>
    </message>
    <message>
        <source>(bridge point)</source>
        <translation>(điểm cầu)</translation>
    </message>
    <message>
        <source>seat %1</source>
        <translation>ghế %1</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Vắng mặt</translation>
    </message>
    <message>
        <source>end</source>
        <translation>kết thúc</translation>
    </message>
    <message>
        <source>Recording %1: %2</source>
        <translation>Bản ghi âm %1: %2</translation>
    </message>
    <message>
        <source>quorum: at least %1 of the members must be present (counted %2)</source>
        <translation>điều kiện: có mặt ít nhất %1 tổng số đại biểu (tính %2)</translation>
    </message>
    <message>
        <source>quorum: more than %1 of the members must be present (counted %2)</source>
        <translation>điều kiện: có mặt quá %1 tổng số đại biểu (tính %2)</translation>
    </message>
</context>
</TS>

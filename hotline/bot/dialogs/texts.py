"""What the bot says, in Vietnamese: one place to read and edit the hotline's voice."""

from __future__ import annotations

GREETING = (
    "Xin chào! Đây là Tổng đài 1022 tỉnh Bình Dương, trực 24/7.\n"
    "Bạn có thể hỏi về quy định, chính sách hỗ trợ; phản ánh vi phạm; báo F0/F1 chưa khai báo; "
    "đề nghị hỗ trợ khi gặp khó khăn. Nếu nguy hiểm đến tính mạng, hãy gọi ngay 115."
)
MENU_PROMPT = "Bạn cần gì ạ?"
THANKS = "Cảm ơn bạn đã liên hệ Tổng đài 1022. Chúc bạn và gia đình luôn mạnh khỏe!"
GOODBYE = "Tạm biệt bạn. Khi cần, cứ nhắn cho Tổng đài 1022 bất cứ lúc nào."
OUT_OF_SCOPE = (
    "Xin lỗi, Tổng đài 1022 chỉ hỗ trợ các việc về phòng, chống dịch và an sinh của tỉnh: "
    "giải đáp quy định, chính sách hỗ trợ; tiếp nhận phản ánh vi phạm, tin báo F0/F1 và đề nghị "
    "hỗ trợ. Bạn có thể chọn một mục dưới đây."
)
NOT_UNDERSTOOD = (
    "Xin lỗi, tôi chưa hiểu rõ ý bạn. Bạn có thể hỏi lại ngắn gọn hơn, hoặc chọn một mục dưới đây."
)
SUGGEST = "Có phải bạn muốn hỏi một trong các câu sau?"
NO_ANSWER = (
    "Tổng đài 1022 chưa có câu trả lời sẵn cho câu hỏi này. Câu hỏi đã được ghi lại để bổ sung. "
    "Bạn có thể gặp tổng đài viên để được trả lời trực tiếp."
)
ASK_PERSON = "Gặp tổng đài viên"
ACKNOWLEDGED = "Dạ. Khi cần, bạn cứ nhắn cho Tổng đài 1022 nhé."
SUGGEST_NONE = "Không phải, gặp tổng đài viên"
TOO_LONG = (
    "Tin nhắn quá dài (tối đa {limit} ký tự). Xin gửi ngắn gọn hơn, hoặc chia thành nhiều tin."
)
EMPTY = "Tin nhắn trống. Bạn cần Tổng đài 1022 hỗ trợ gì ạ?"
UNSUPPORTED = (
    "Xin lỗi, Tổng đài 1022 chưa đọc được loại tin này. Bạn vui lòng gõ nội dung,"
    " hoặc gửi ảnh hay vị trí nếu đang phản ánh."
)

MENU: tuple[tuple[str, str], ...] = (
    ("Hỏi quy định, chính sách", "/ask_faq"),
    ("Phản ánh vi phạm", "/report_violation"),
    ("Báo F0/F1 chưa khai báo", "/report_contact"),
    ("Đề nghị hỗ trợ khó khăn", "/request_support"),
    ("Cấp cứu", "/emergency"),
    ("Tra cứu phản ánh", "/check_status"),
    ("Gặp tổng đài viên", "/request_human"),
)
ASK_FAQ_PROMPT = (
    'Mời bạn đặt câu hỏi, ví dụ: "F1 cách ly bao nhiêu ngày?" hoặc "Đăng ký tiêm vắc xin ở đâu?"'
)

ASK_HEALTH_PROMPT = (
    "Mời bạn mô tả câu hỏi sức khỏe: triệu chứng, tuổi, đã dùng thuốc gì. Nếu khó thở, "
    "SpO2 dưới 96% hoặc mệt nhiều, hãy gọi ngay 115."
)

# Report forms.
FORM_INTRO = {
    "violation": "Tôi sẽ ghi nhận phản ánh vi phạm của bạn và chuyển tới cơ quan chức năng.",
    "contact_tip": "Cảm ơn bạn đã báo tin. Tin báo F0/F1 được chuyển gấp tới trung tâm y tế.",
    "hardship": "Tôi sẽ ghi nhận đề nghị hỗ trợ và chuyển tới UBND phường/xã nơi bạn ở.",
    "feedback": "Cảm ơn bạn đã góp ý cho Tổng đài 1022.",
}
ASK_DESCRIBE = {
    "violation": "Xin mô tả ngắn gọn sự việc vi phạm: ai, làm gì (ví dụ: quán vẫn mở cửa, "
    "tụ tập đông người, không đeo khẩu trang...).",
    "contact_tip": "Xin cho biết về người F0/F1 chưa khai báo: họ là ai, từ đâu về, có tiếp xúc "
    "với ai, hiện ở đâu?",
    "hardship": "Xin cho biết gia đình bạn đang gặp khó khăn gì (thiếu lương thực, mất việc, "
    "người già neo đơn...), bao nhiêu người?",
    "feedback": "Mời bạn ghi nội dung góp ý.",
}
ASK_WHERE = (
    "Sự việc ở đâu? Xin cho biết phường/xã, thị xã/thành phố/huyện và địa chỉ "
    "(số nhà, đường, khu phố/ấp)."
)
ASK_DISTRICT = "Tôi chưa nhận ra phường/xã. Xin chọn thành phố/thị xã/huyện:"
ASK_WHICH_DISTRICT = "Có nhiều nơi tên {ward}. Xin chọn thành phố/thị xã/huyện:"
ASK_WHEN = "Sự việc xảy ra khi nào?"
NOW = "Đang diễn ra"
ASK_EVIDENCE = 'Nếu có, bạn gửi ảnh hoặc vị trí để làm bằng chứng. Nếu không, chọn "Bỏ qua".'
EVIDENCE_KEPT = 'Đã nhận {count} ảnh/vị trí. Gửi thêm hoặc chọn "Xong".'
ASK_CONTACT = (
    "Bạn có muốn để lại họ tên và số điện thoại để cán bộ liên hệ khi cần không? Thông tin của bạn "
    "được bảo mật, không chuyển cho nơi bị phản ánh. Bạn cũng có thể gửi ẩn danh."
)
ASK_CONTACT_HARDSHIP = (
    "Xin để lại họ tên và số điện thoại để cán bộ phường/xã liên hệ hỗ trợ. Thông tin của bạn "
    "được bảo mật. Bạn vẫn có thể gửi ẩn danh, nhưng khi đó cán bộ khó liên hệ lại."
)
CONTACT_RETRY = (
    'Tôi chưa thấy số điện thoại hợp lệ. Xin nhập lại, ví dụ "Nguyễn Văn A 0912345678", hoặc '
    'chọn "Gửi ẩn danh".'
)
CONFIRM_INTRO = "Xin kiểm tra lại thông tin:"
CONFIRM_PROMPT = "Thông tin đã đúng chưa?"
CONFIRM_HINT = 'Xin chọn "Gửi" để gửi, "Sửa" để sửa, hoặc "Hủy".'
EDIT_PROMPT = "Bạn muốn sửa thông tin nào?"
CANCELLED = "Đã hủy. Khi cần, bạn cứ nhắn lại cho Tổng đài 1022."
FILED = (
    "Đã tiếp nhận. Mã phản ánh của bạn: {code}. Phản ánh sẽ được xử lý trước {due}. "
    "Bạn có thể tra cứu tình trạng bằng cách gửi mã này."
)
ANONYMOUS = "Ẩn danh"

LABELS = {
    "category": "Loại",
    "description": "Nội dung",
    "where": "Địa điểm",
    "occurred_at": "Thời gian",
    "evidence": "Bằng chứng",
    "contact": "Người báo",
}
CATEGORY_NAMES = {
    "violation": "Phản ánh vi phạm",
    "contact_tip": "Tin báo F0/F1",
    "hardship": "Đề nghị hỗ trợ",
    "emergency": "Cấp cứu",
    "health": "Tư vấn sức khỏe",
    "feedback": "Góp ý",
    "other": "Gặp tổng đài viên",
}

# Emergency.
EMERGENCY = (
    "⚠️ Nếu người bệnh khó thở, tím tái, bất tỉnh hoặc nguy hiểm đến tính mạng: "
    "HÃY GỌI NGAY 115 để được cấp cứu. Tổng đài 1022 đã báo tổng đài viên trực (mã phản ánh "
    "{code})."
)
EMERGENCY_ASK_WHERE = "Xin cho biết địa chỉ chính xác và số điện thoại để đội cấp cứu liên hệ."
EMERGENCY_NOTED = "Đã chuyển địa chỉ cho tổng đài viên trực. Nếu chưa gọi, hãy gọi ngay 115."

# Status lookup.
ASK_CODE = "Xin gửi mã phản ánh (dạng PA-XXXX-XXXX)."
ASK_CODE_CHOOSE = "Bạn muốn tra cứu phản ánh nào?"
STATUS_NOT_FOUND = (
    "Không tìm thấy phản ánh mã {code} trong các phản ánh bạn đã gửi từ tài khoản này. "
    "Xin kiểm tra lại mã."
)
STATUS = "Phản ánh {code} ({category}): {status}. Hạn xử lý: {due}."
STATUS_NAMES = {
    "new": "đã tiếp nhận, đang chờ xử lý",
    "assigned": "đã giao cán bộ xử lý",
    "in_progress": "đang xử lý",
    "forwarded": "đã chuyển cơ quan chức năng",
    "resolved": "đã xử lý xong",
    "closed": "đã đóng",
}

# Handoff and health.
HUMAN = (
    "Tôi đã chuyển yêu cầu tới tổng đài viên (mã phản ánh {code}). Tổng đài viên sẽ trả lời "
    "bạn ngay tại đây, chậm nhất trước {due}."
)
HEALTH_TICKET = (
    "Câu hỏi của bạn đã được chuyển tới tư vấn viên y tế (mã phản ánh {code}), sẽ trả lời "
    "trước {due}. Nếu khó thở, SpO2 dưới 96% hoặc mệt nhiều, hãy gọi ngay 115."
)

YES_WORDS = frozenset({"co", "dung", "gui", "ok", "duoc", "xac nhan", "dong y", "yes", "roi"})
CANCEL_WORDS = frozenset({"huy", "huy bo", "thoi", "dung lai", "cancel", "stop", "khong gui"})
SKIP_WORDS = frozenset({"bo qua", "khong", "khong co", "skip", "xong", "het", "khong biet"})
ANONYMOUS_WORDS = frozenset(
    {"an danh", "gui an danh", "khong", "khong can", "khong co", "khong de lai", "bo qua"}
)

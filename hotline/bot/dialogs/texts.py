"""What the bot says, in Vietnamese: one place to read and edit the hotline's voice.

Every sentence, button label and name a citizen sees from the bot lives here, grouped by the
dialog that says it. A name is a key: a second locale (English) is a sibling module defining the
same names, chosen per conversation, so no dialog holds words of its own. Placeholders in braces
are filled by the caller with `str.format`. The word sets at the end are what the bot understands
(matched after normalisation: lower case, no diacritics), so they belong to the locale too.
"""

from __future__ import annotations

from hotline.handoff.tickets import TicketStatus

# Greeting, menu and small talk.

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

# Report forms (report_form.py).
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
EVIDENCE_COUNT = "{count} ảnh/vị trí"
# Buttons of the form.
SKIP = "Bỏ qua"
DONE = "Xong"
SEND_ANONYMOUSLY = "Gửi ẩn danh"
SEND = "Gửi"
EDIT = "Sửa"
CANCEL = "Hủy"
# What the citizen may correct, by the form's step.
EDIT_FIELDS = {
    "describe": "Nội dung",
    "where": "Địa điểm",
    "when": "Thời gian",
    "contact": "Người báo",
}

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

# Reports by letter (letter.py): one reply per mail, its parts joined by blank lines.
LETTER_FILED = (
    "Tổng đài 1022 đã tiếp nhận phản ánh của bạn.\n"
    "Mã phản ánh: {code}\n"
    "Hạn xử lý: trước {due}.\n"
    "Bạn có thể tra cứu tình trạng bằng mã này trên cổng thông tin hoặc trả lời thư này."
)
LETTER_ASK_PLACE = (
    "Thư chưa nói rõ nơi xảy ra sự việc. Xin trả lời thư này, cho biết địa chỉ (số nhà, đường, "
    "khu phố/ấp), phường/xã và thành phố/thị xã/huyện để cơ quan chức năng đến đúng nơi."
)
LETTER_ASK_PHONE = "Xin cho biết số điện thoại để cán bộ phường/xã liên hệ hỗ trợ bạn."
LETTER_ASK_PHOTOS = "Nếu có ảnh chụp sự việc, bạn có thể gửi kèm khi trả lời thư này."
LETTER_ADDED = "Đã bổ sung thông tin bạn gửi vào phản ánh {code}. Hạn xử lý: trước {due}."
LETTER_ADDED_EVIDENCE = "Đã nhận {count} tệp đính kèm làm bằng chứng."
LETTER_GONE = "Không tìm thấy phản ánh {code}. Xin gửi thư mới để phản ánh lại."
LETTER_THANKS = "Cảm ơn bạn. Tổng đài 1022 sẽ báo kết quả xử lý phản ánh {code} qua thư này."

# Emergency (emergency.py).
EMERGENCY = (
    "⚠️ Nếu người bệnh khó thở, tím tái, bất tỉnh hoặc nguy hiểm đến tính mạng: "
    "HÃY GỌI NGAY 115 để được cấp cứu. Tổng đài 1022 đã báo tổng đài viên trực (mã phản ánh "
    "{code})."
)
EMERGENCY_ASK_WHERE = "Xin cho biết địa chỉ chính xác và số điện thoại để đội cấp cứu liên hệ."
EMERGENCY_NOTED = "Đã chuyển địa chỉ cho tổng đài viên trực. Nếu chưa gọi, hãy gọi ngay 115."

# Status lookup (status_lookup.py).
ASK_CODE = "Xin gửi mã phản ánh (dạng PA-XXXX-XXXX)."
ASK_CODE_CHOOSE = "Bạn muốn tra cứu phản ánh nào?"
STATUS_NOT_FOUND = (
    "Không tìm thấy phản ánh mã {code} trong các phản ánh bạn đã gửi từ tài khoản này. "
    "Xin kiểm tra lại mã."
)
STATUS = "Phản ánh {code} ({category}): {status}. Hạn xử lý: {due}."
STATUS_NAMES: dict[str, str] = {
    TicketStatus.NEW: "đã tiếp nhận, đang chờ xử lý",
    TicketStatus.ASSIGNED: "đã giao cán bộ xử lý",
    TicketStatus.IN_PROGRESS: "đang xử lý",
    TicketStatus.FORWARDED: "đã chuyển cơ quan chức năng",
    TicketStatus.RESOLVED: "đã xử lý xong",
    TicketStatus.CLOSED: "đã đóng",
}

# Handoff (human.py) and health.
# Said when someone is at the console: a person will pick the chat up in minutes.
HUMAN_SOON = (
    "Tôi đã chuyển yêu cầu tới tổng đài viên (mã phản ánh {code}). Tổng đài viên đang trực và "
    "sẽ trả lời bạn ngay tại đây trong ít phút. Xin bạn giữ cuộc trò chuyện này."
)
# Said when nobody is: the request waits in the queue, and the citizen learns the deadline.
HUMAN_QUEUED = (
    "Hiện chưa có tổng đài viên trực tuyến. Yêu cầu của bạn đã được xếp hàng chờ (mã phản ánh "
    "{code}) và sẽ được xử lý trước {due}. Tổng đài viên sẽ trả lời bạn ngay tại đây."
)
HEALTH_TICKET = (
    "Câu hỏi của bạn đã được chuyển tới tư vấn viên y tế (mã phản ánh {code}), sẽ trả lời "
    "trước {due}. Nếu khó thở, SpO2 dưới 96% hoặc mệt nhiều, hãy gọi ngay 115."
)

# Ticket news, sent when an agent or agency resolves the citizen's ticket (web/api).
TICKET_RESOLVED = "Phản ánh {code} của bạn đã được xử lý."
TICKET_RESOLVED_ANSWER = "Phản ánh {code} của bạn đã được xử lý.\nKết quả: {answer}"
TICKET_THANKS = "\nCảm ơn bạn đã liên hệ Tổng đài 1022."

# Words the bot understands (normalised: lower case, no diacritics).
YES_WORDS = frozenset({"co", "dung", "gui", "ok", "duoc", "xac nhan", "dong y", "yes", "roi"})
CANCEL_WORDS = frozenset({"huy", "huy bo", "thoi", "dung lai", "cancel", "stop", "khong gui"})
SKIP_WORDS = frozenset({"bo qua", "khong", "khong co", "skip", "xong", "het", "khong biet"})
ANONYMOUS_WORDS = frozenset(
    {"an danh", "gui an danh", "khong", "khong can", "khong co", "khong de lai", "bo qua"}
)
EDIT_WORDS = frozenset({"sua", "sua lai", "chinh sua"})

# Staff in the conversation (hotline/bot/takeover.py): the citizen always knows who answers.
# A staff member is shown by their display name under their role's title, never by their login.
STAFF_TITLES = {"agent": "Tổng đài viên", "supervisor": "Giám sát viên", "admin": "Quản trị viên"}
STAFF_JOINED = "{staff} đã tham gia cuộc trò chuyện và sẽ trả lời bạn trực tiếp."
STAFF_LEFT = "{staff} đã rời cuộc trò chuyện."
STAFF_HANDED_BACK = (
    "{staff} đã trả cuộc trò chuyện lại cho trợ lý tự động. Bạn cứ nhắn tiếp, "
    "hoặc nhắn “gặp tổng đài viên” để được nối lại với người trực."
)
STAFF_FORWARDED = (
    "Phản ánh {code} của bạn đã được chuyển tới {agency_kind} để xử lý. "
    "Thông tin cá nhân của bạn không được gửi kèm."
)


def staff_shown(role: str, display_name: str | None) -> str:
    """How a staff member appears to citizens: "Tổng đài viên Lan", or the title alone."""
    title = STAFF_TITLES.get(role, STAFF_TITLES["agent"])
    return f"{title} {display_name}" if display_name else title


# What kind of agency a report went to, as the citizen is told (by the start of its name).
AGENCY_KINDS = (
    ("UBND", "Ủy ban nhân dân phường/xã nơi xảy ra sự việc"),
    ("Công an", "cơ quan công an địa phương"),
    ("Trung tâm Y tế", "cơ quan y tế địa phương"),
    ("Trung tâm Cấp cứu", "Trung tâm Cấp cứu 115"),
)
AGENCY_KIND_OTHER = "cơ quan chức năng"


def agency_kind(names: tuple[str, ...] | list[str]) -> str:
    """The kinds of agencies a report went to, joined: "cơ quan công an địa phương và ..."."""
    kinds: dict[str, None] = {}
    for name in names:
        kind = next((k for prefix, k in AGENCY_KINDS if name.startswith(prefix)), None)
        kinds[kind or AGENCY_KIND_OTHER] = None
    return " và ".join(kinds) or AGENCY_KIND_OTHER


# The intents by their Vietnamese names, for staff pages (the dashboard).
INTENT_NAMES = {
    "greet": "Chào hỏi",
    "goodbye": "Tạm biệt",
    "thank": "Cảm ơn",
    "ask_faq": "Hỏi quy định, chính sách",
    "health_consult": "Tư vấn sức khỏe",
    "report_violation": "Phản ánh vi phạm",
    "report_contact": "Tin báo F0/F1",
    "request_support": "Đề nghị hỗ trợ",
    "emergency": "Cấp cứu",
    "feedback": "Góp ý",
    "request_human": "Gặp tổng đài viên",
    "check_status": "Tra cứu phản ánh",
    "out_of_scope": "Ngoài phạm vi",
}

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
    "Anh/chị có thể hỏi về quy định, chính sách hỗ trợ; phản ánh vi phạm; báo F0/F1 chưa khai báo; "
    "đề nghị hỗ trợ khi gặp khó khăn. Nếu nguy hiểm đến tính mạng, hãy gọi ngay 115."
)
MENU_PROMPT = "Anh/chị cần gì ạ?"
THANKS = "Cảm ơn anh/chị đã liên hệ Tổng đài 1022. Chúc anh/chị và gia đình luôn mạnh khỏe!"
GOODBYE = "Tạm biệt anh/chị. Khi cần, cứ nhắn cho Tổng đài 1022 bất cứ lúc nào."
OUT_OF_SCOPE = (
    "Xin lỗi, Tổng đài 1022 chỉ hỗ trợ các việc về phòng, chống dịch và an sinh của tỉnh: "
    "giải đáp quy định, chính sách hỗ trợ; tiếp nhận phản ánh vi phạm, tin báo F0/F1 và đề nghị "
    "hỗ trợ. Anh/chị có thể chọn một mục dưới đây."
)
NOT_UNDERSTOOD = (
    "Xin lỗi, tôi chưa hiểu rõ ý anh/chị. Anh/chị có thể hỏi lại ngắn gọn hơn, "
    "hoặc chọn một mục dưới đây."
)
SUGGEST = "Có phải anh/chị muốn hỏi một trong các câu sau?"
NO_ANSWER = (
    "Tổng đài 1022 chưa có câu trả lời sẵn cho câu hỏi này. Câu hỏi đã được ghi lại để bổ sung. "
    "Anh/chị có thể gặp tổng đài viên để được trả lời trực tiếp."
)
ASK_PERSON = "Gặp tổng đài viên"
ACKNOWLEDGED = "Dạ. Khi cần, anh/chị cứ nhắn cho Tổng đài 1022 nhé."
SUGGEST_NONE = "Không phải, gặp tổng đài viên"
SUGGEST_WHILE_WAITING = (
    "Trong lúc chờ tư vấn viên, anh/chị xem thử các câu hỏi sau có đúng điều mình muốn hỏi không:"
)
SUGGEST_OFF_TOPIC = "Nếu anh/chị muốn hỏi về phòng, chống dịch, có phải câu hỏi sau không?"
TOO_LONG = (
    "Tin nhắn quá dài (tối đa {limit} ký tự). Xin gửi ngắn gọn hơn, hoặc chia thành nhiều tin."
)
EMPTY = "Tin nhắn trống. Anh/chị cần Tổng đài 1022 hỗ trợ gì ạ?"
UNSUPPORTED = (
    "Xin lỗi, Tổng đài 1022 chưa đọc được loại tin này. Anh/chị vui lòng gõ nội dung,"
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
    ("Nhận thông báo", "/subscribe"),
)
ASK_FAQ_PROMPT = (
    'Mời anh/chị đặt câu hỏi, ví dụ: "F1 cách ly bao nhiêu ngày?" '
    'hoặc "Đăng ký tiêm vắc xin ở đâu?"'
)

ASK_HEALTH_PROMPT = (
    "Mời anh/chị mô tả câu hỏi sức khỏe: triệu chứng, tuổi, đã dùng thuốc gì. Nếu khó thở, "
    "SpO2 dưới 96% hoặc mệt nhiều, hãy gọi ngay 115."
)

# Report forms (report_form.py).
FORM_INTRO = {
    "violation": "Tôi sẽ ghi nhận phản ánh vi phạm của anh/chị và chuyển tới cơ quan chức năng.",
    "contact_tip": "Cảm ơn anh/chị đã báo tin. Tin báo F0/F1 được chuyển gấp tới trung tâm y tế.",
    "hardship": "Tôi sẽ ghi nhận đề nghị hỗ trợ và chuyển tới UBND phường/xã nơi anh/chị ở.",
    "feedback": "Cảm ơn anh/chị đã góp ý cho Tổng đài 1022.",
}
ASK_DESCRIBE = {
    "violation": "Xin mô tả ngắn gọn sự việc vi phạm: ai, làm gì (ví dụ: quán vẫn mở cửa, "
    "tụ tập đông người, không đeo khẩu trang...).",
    "contact_tip": "Xin cho biết về người F0/F1 chưa khai báo: họ là ai, từ đâu về, có tiếp xúc "
    "với ai, hiện ở đâu?",
    "hardship": "Xin cho biết gia đình anh/chị đang gặp khó khăn gì (thiếu lương thực, mất việc, "
    "người già neo đơn...), bao nhiêu người?",
    "feedback": "Mời anh/chị ghi nội dung góp ý.",
}
ASK_WHERE = (
    "Sự việc ở đâu? Xin cho biết phường/xã, thị xã/thành phố/huyện và địa chỉ "
    "(số nhà, đường, khu phố/ấp)."
)
ASK_DISTRICT = "Tôi chưa nhận ra phường/xã. Xin chọn thành phố/thị xã/huyện:"
ASK_WHICH_DISTRICT = "Có nhiều nơi tên {ward}. Xin chọn thành phố/thị xã/huyện:"
ASK_WHEN = "Sự việc xảy ra khi nào?"
NOW = "Đang diễn ra"
ASK_EVIDENCE = 'Nếu có, anh/chị gửi ảnh hoặc vị trí để làm bằng chứng. Nếu không, chọn "Bỏ qua".'
EVIDENCE_KEPT = 'Đã nhận {count} ảnh/vị trí. Gửi thêm hoặc chọn "Xong".'
ASK_CONTACT = (
    "Anh/chị có muốn để lại họ tên và số điện thoại để cán bộ liên hệ khi cần không? "
    "Thông tin của anh/chị được bảo mật, không chuyển cho nơi bị phản ánh. "
    "Anh/chị cũng có thể gửi ẩn danh."
)
ASK_CONTACT_HARDSHIP = (
    "Xin để lại họ tên và số điện thoại để cán bộ phường/xã liên hệ hỗ trợ. Thông tin của anh/chị "
    "được bảo mật. Anh/chị vẫn có thể gửi ẩn danh, nhưng khi đó cán bộ khó liên hệ lại."
)
CONTACT_RETRY = (
    'Tôi chưa thấy số điện thoại hợp lệ. Xin nhập lại, ví dụ "Nguyễn Văn A 0912345678", hoặc '
    'chọn "Gửi ẩn danh".'
)
CONFIRM_INTRO = "Xin kiểm tra lại thông tin:"
CONFIRM_PROMPT = "Thông tin đã đúng chưa?"
CONFIRM_HINT = 'Xin chọn "Gửi" để gửi, "Sửa" để sửa, hoặc "Hủy".'
EDIT_PROMPT = "Anh/chị muốn sửa thông tin nào?"
CANCELLED = "Đã hủy. Khi cần, anh/chị cứ nhắn lại cho Tổng đài 1022."
# Conversation repair (repair.py): a question answered mid-form, then the form goes on.
FORM_RESUME = "Tiếp tục phản ánh đang dở:"
BACK_AT_START = "Đây là câu hỏi đầu tiên."
NOT_AN_ADDRESS = (
    "Tôi chưa nhận ra địa chỉ. Xin ghi số nhà, đường hoặc khu phố/ấp, và phường/xã, ví dụ: "
    '"123 đường Yersin, phường Phú Cường, Thủ Dầu Một".'
)
NOT_A_TIME = 'Xin cho biết thời gian, ví dụ "tối qua", "8 giờ sáng nay", hoặc chọn "Bỏ qua".'
NOT_A_DESCRIPTION = "Xin mô tả sự việc rõ hơn một chút để cán bộ nắm được."
ASK_WARD = "Sự việc ở phường/xã nào của {district}?"
NOT_A_DISTRICT = "Xin chọn một thành phố/thị xã/huyện trong danh sách dưới đây:"
NOT_A_WARD = "Xin chọn một phường/xã của {district} trong danh sách dưới đây:"
BACK = "Quay lại"
WARD_UNKNOWN = "Không rõ phường/xã"
# What the form had collected, kept with the request for a person.
PARTIAL_FORM = "(Đang phản ánh dở - {category}: {description})"
FILED = (
    "Đã tiếp nhận. Mã phản ánh của anh/chị: {code}. Phản ánh sẽ được xử lý trước {due}. "
    "Anh/chị có thể tra cứu tình trạng bằng cách gửi mã này."
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
    "Tổng đài 1022 đã tiếp nhận phản ánh của anh/chị.\n"
    "Mã phản ánh: {code}\n"
    "Hạn xử lý: trước {due}.\n"
    "Anh/chị có thể tra cứu tình trạng bằng mã này trên cổng thông tin hoặc trả lời thư này."
)
LETTER_ASK_PLACE = (
    "Thư chưa nói rõ nơi xảy ra sự việc. Xin trả lời thư này, cho biết địa chỉ (số nhà, đường, "
    "khu phố/ấp), phường/xã và thành phố/thị xã/huyện để cơ quan chức năng đến đúng nơi."
)
LETTER_ASK_PHONE = "Xin cho biết số điện thoại để cán bộ phường/xã liên hệ hỗ trợ anh/chị."
LETTER_ASK_PHOTOS = "Nếu có ảnh chụp sự việc, anh/chị có thể gửi kèm khi trả lời thư này."
LETTER_ADDED = "Đã bổ sung thông tin anh/chị gửi vào phản ánh {code}. Hạn xử lý: trước {due}."
LETTER_ADDED_EVIDENCE = "Đã nhận {count} tệp đính kèm làm bằng chứng."
LETTER_GONE = "Không tìm thấy phản ánh {code}. Xin gửi thư mới để phản ánh lại."
LETTER_THANKS = "Cảm ơn anh/chị. Tổng đài 1022 sẽ báo kết quả xử lý phản ánh {code} qua thư này."

# Emergency (emergency.py).
EMERGENCY = (
    "⚠️ Nếu người bệnh khó thở, tím tái, bất tỉnh hoặc nguy hiểm đến tính mạng: "
    "HÃY GỌI NGAY 115 để được cấp cứu. Tổng đài 1022 đã báo tổng đài viên trực (mã phản ánh "
    "{code})."
)
# Said instead when nobody is on duty at the console: nobody was told, so the bot never says so.
EMERGENCY_NOBODY = (
    "⚠️ HÃY GỌI NGAY 115 để được cấp cứu, hoặc gọi Tổng đài 1022 qua số 0274.1022. "
    "Lúc này chưa có tổng đài viên trực tuyến để đọc tin nhắn của anh/chị ngay. "
    "Tổng đài 1022 đã ghi nhận (mã phản ánh {code})."
)
EMERGENCY_ASK_WHERE = "Xin cho biết địa chỉ chính xác và số điện thoại để đội cấp cứu liên hệ."
EMERGENCY_WHERE_AGAIN = (
    "Tôi chưa nhận ra địa chỉ. Xin ghi số nhà, đường hoặc khu phố/ấp, và phường/xã, ví dụ: "
    '"số 12 đường 30/4, phường Chánh Nghĩa". Nếu chưa gọi, hãy gọi ngay 115.'
)
EMERGENCY_ASK_PHONE = "Xin cho biết số điện thoại để đội cấp cứu gọi lại cho anh/chị."
EMERGENCY_NOTED = "Đã chuyển địa chỉ cho tổng đài viên trực. Nếu chưa gọi, hãy gọi ngay 115."
EMERGENCY_NOTED_NOBODY = (
    "Đã ghi địa chỉ vào phản ánh {code}, nhưng chưa có tổng đài viên trực tuyến để xử lý ngay. "
    "HÃY GỌI NGAY 115 hoặc 0274.1022."
)
# Said when no address came after asking twice: the citizen must call and say it.
EMERGENCY_CALL = "HÃY GỌI NGAY 115 hoặc 0274.1022 và đọc địa chỉ cho tổng đài viên."
EMERGENCY_STOPPED = "Đã dừng. Nếu cần cấp cứu, hãy gọi ngay 115 hoặc 0274.1022."

# Status lookup (status_lookup.py).
ASK_CODE = "Xin gửi mã phản ánh (dạng PA-XXXX-XXXX)."
ASK_CODE_CHOOSE = "Anh/chị muốn tra cứu phản ánh nào?"
STATUS_NOT_FOUND = (
    "Không tìm thấy phản ánh mã {code} trong các phản ánh anh/chị đã gửi từ tài khoản này. "
    "Xin kiểm tra lại mã."
)
STATUS_NO_SUCH_CODE = (
    "Mã {code} chưa đúng: mã phản ánh có dạng PA-XXXX-XXXX, chỉ gồm chữ in hoa và chữ số, không "
    "có số 0, số 1, chữ O và chữ I. Anh/chị vui lòng xem lại mã tổng đài đã gửi cho mình (có thể "
    "nhầm giữa số và chữ) rồi gửi lại."
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
    "sẽ trả lời anh/chị ngay tại đây trong ít phút. Xin anh/chị giữ cuộc trò chuyện này."
)
# Said when nobody is: the request waits in the queue, and the citizen learns the deadline.
HUMAN_QUEUED = (
    "Hiện chưa có tổng đài viên trực tuyến. Yêu cầu của anh/chị đã được xếp hàng chờ (mã phản ánh "
    "{code}) và sẽ được xử lý trước {due}. Tổng đài viên sẽ trả lời anh/chị ngay tại đây."
)
HEALTH_TICKET = (
    "Câu hỏi của anh/chị đã được chuyển tới tư vấn viên y tế (mã phản ánh {code}), sẽ trả lời "
    "trước {due}. Nếu khó thở, SpO2 dưới 96% hoặc mệt nhiều, hãy gọi ngay 115."
)

# Closing the loop (rating.py): 👍/👎 under an FAQ answer, the survey after a ticket is resolved.
HELPFUL = "👍 Hữu ích"
NOT_HELPFUL = "👎 Chưa đúng ý"
RATED_UP = "Cảm ơn anh/chị đã đánh giá."
RATED_DOWN = (
    "Cảm ơn anh/chị. Câu hỏi đã được chuyển cho cán bộ để bổ sung câu trả lời. "
    "Anh/chị có thể gặp tổng đài viên để được trả lời trực tiếp."
)
SURVEY = "Anh/chị có hài lòng với kết quả xử lý phản ánh {code} không?"
SURVEY_CHOICES = {
    "satisfied": "😊 Hài lòng",
    "neutral": "😐 Bình thường",
    "unsatisfied": "☹️ Chưa hài lòng",
}
SURVEY_THANKS = "Cảm ơn anh/chị đã cho biết. Ý kiến giúp Tổng đài 1022 phục vụ tốt hơn."
SURVEY_SORRY = (
    "Xin lỗi anh/chị vì kết quả chưa như mong muốn. Ý kiến đã được ghi lại để xem xét; "
    "anh/chị có thể gặp tổng đài viên."
)
SURVEY_ALREADY = (
    "Tổng đài 1022 đã ghi nhận đánh giá của anh/chị cho phản ánh {code}. Cảm ơn anh/chị."
)

# Ticket news, sent when an agent or agency resolves the citizen's ticket (web/api).
TICKET_RESOLVED = "Phản ánh {code} của anh/chị đã được xử lý."
TICKET_RESOLVED_ANSWER = "Phản ánh {code} của anh/chị đã được xử lý.\nKết quả: {answer}"
TICKET_THANKS = "\nCảm ơn anh/chị đã liên hệ Tổng đài 1022."


# Notices (subscriptions.py, and the notices the province sends).
SUBSCRIBE_BUTTON = "Nhận thông báo"
SUBSCRIBE_ASK_AREA = (
    "Anh/chị muốn nhận thông báo (khu vực phong tỏa, lịch xét nghiệm, tiêm chủng, chi hỗ trợ...) "
    "của phường/xã nào? Xin gõ tên phường/xã, thành phố/thị xã/huyện, hoặc chọn toàn tỉnh."
)
SUBSCRIBE_NOT_FOUND = (
    'Tôi chưa nhận ra phường/xã "{typed}". Xin gõ lại tên phường/xã (ví dụ "Phú Cường"), '
    "tên thành phố/thị xã/huyện, hoặc chọn dưới đây."
)
SUBSCRIBE_WHICH_DISTRICT = "Có nhiều nơi tên {ward}. Xin chọn thành phố/thị xã/huyện:"
SUBSCRIBED = (
    "Đã đăng ký nhận thông báo của {area}. Anh/chị đang nhận thông báo của: {areas}.\n"
    'Muốn thêm khu vực, nhắn "đăng ký nhận thông báo"; muốn ngừng, nhắn "hủy đăng ký".'
)
ALREADY_SUBSCRIBED = (
    "Anh/chị đã đăng ký nhận thông báo của {area} rồi. Anh/chị đang nhận thông báo của: {areas}."
)
UNSUBSCRIBED = "Đã hủy đăng ký. Tổng đài 1022 sẽ không gửi thông báo cho anh/chị nữa."
NOT_SUBSCRIBED = "Anh/chị chưa đăng ký nhận thông báo nào."
SUBSCRIBE_UNAVAILABLE = "Xin lỗi, hiện chưa đăng ký nhận thông báo được. Xin thử lại sau."
WHOLE_PROVINCE = "Toàn tỉnh"
AREA_PROVINCE = "toàn tỉnh"
AREA_WARD = "{ward} ({district})"
# A notice as the citizen receives it.
NOTICE = (
    "📢 Thông báo số {number} của Tổng đài 1022:\n{text}\n\n"
    '(Nhắn "hủy đăng ký" để ngừng nhận thông báo.)'
)
NOTICE_MAIL_FOOTER = "Ngừng nhận thông báo qua thư: {url}"
# The message path (issue 15): what a client is told while the store cannot take its message.
STORE_TROUBLE = (
    "Tổng đài 1022 đang tạm thời không nhận được tin nhắn. Xin anh/chị thử lại sau ít phút; "
    "nếu khẩn cấp, hãy gọi 115."
)
# Just after a start, a message that waited out the first FAQ index: it is kept and answered.
STARTING = (
    "Tổng đài 1022 đang khởi động. Tin nhắn của anh/chị đã được ghi nhận và sẽ được trả lời "
    "sau ít phút; nếu khẩn cấp, hãy gọi 115."
)
# Issue 16: a chat that has filed as many tickets as it may for now.
TICKET_QUOTA = (
    "Tổng đài đã nhận nhiều phản ánh từ cuộc trò chuyện này trong thời gian ngắn nên chưa thể "
    "tiếp nhận thêm lúc này. Các phản ánh đã gửi vẫn đang được xử lý; anh/chị có thể tra cứu "
    "bằng mã phản ánh. Nếu khẩn cấp, xin gọi ngay 115 hoặc tổng đài 1022."
)
# Issue 16: the web chat could not take a message this time; the socket stays open.
NOT_TAKEN = "Xin lỗi, tổng đài chưa nhận được tin nhắn vừa rồi. Xin gửi lại sau ít phút."
# Staff in the conversation (hotline/bot/takeover.py): the citizen always knows who answers.
# A staff member is shown by their display name under their role's title, never by their login.
STAFF_TITLES = {"agent": "Tổng đài viên", "supervisor": "Giám sát viên", "admin": "Quản trị viên"}
STAFF_JOINED = "{staff} đã tham gia cuộc trò chuyện và sẽ trả lời anh/chị trực tiếp."
STAFF_LEFT = "{staff} đã rời cuộc trò chuyện."
STAFF_HANDED_BACK = (
    "{staff} đã trả cuộc trò chuyện lại cho trợ lý tự động. Anh/chị cứ nhắn tiếp, "
    "hoặc nhắn “gặp tổng đài viên” để được nối lại với người trực."
)
STAFF_FORWARDED = (
    "Phản ánh {code} của anh/chị đã được chuyển tới {agency_kind} để xử lý. "
    "Thông tin cá nhân của anh/chị không được gửi kèm."
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

"""The exact details a question asks that a rule's answer seldom gives: an amount of money, an
age, a dose, a medicine with another, a deadline, a phone number to call, who pays, a ceiling.

"Túi thuốc F0 gồm những viên gì, uống mỗi loại mấy lần" uses the words of the entry on the F0
medicine pack, and asks what no rule of the hotline states: a dose. "Hỗ trợ tiền thuê nhà tới
tháng mấy thì ngừng nhận hồ sơ" asks a deadline of the entry that gives the amounts; "số điện
thoại của tổ COVID khu phố 4" asks a number of the entry that says where numbers are posted;
"máy đo mượn bị hỏng có phải đền không" asks who bears a loss of the entry on measuring SpO2.
Each is a kind of `hotline.faq.asks.Ask`, asked only by words that ask it and said only by
words that give it: a dose by an amount of a medicine, two medicines by how they go together,
a deadline by a time limit, a phone number by a number to call or text (an answer that merely
names the hotline gives none), who pays by a payer or a price of nothing, an amount of money by
an amount (in đồng, or a share of a wage) or by nothing to pay: "thợ hồ làm tự do thì mỗi người nhận
được bao nhiêu tiền" is not answered by the entry saying the province sets the amount; one exact
amount asked ("tiền phạt chính xác là bao nhiêu") by one amount, not by a range. Read from folded
words, as the analyzer gives them; the patterns are keyed by the kind's value, as
`hotline.faq.circumstances` keys its own.
"""

from __future__ import annotations

import re

from hotline.faq.circumstances import phrases

# Taking a medicine: folded "xông" is also "xong" (done) and "dùng" "đúng" (right): neither.
_INTAKE = r"(?:uong|cho uong|suc mieng|xit mui|nho mui|nho mat)"
# "Mấy ngày nay" tells how long it has been, "mấy lần rồi" how often one asked.
_NOT_TOLD = r"(?! (?:nay|qua|truoc|roi) )"
_MONEY = r"(?:tien|trieu|tr|nghin|ngan|k|dong)"
# What "bao nhiêu" counts when it asks no money: a time, people, doses, a reading.
_COUNTED = (
    r"(?! (?:nguoi|ngay|tuan|thang|nam|lan|mui|tuoi|ca|gio|phut|tieng|vien|lieu|ml|mg|ho"
    r"|phan tram|do|km|met) )"
)
# Asking for one figure: "cụ thể (là/được) bao nhiêu", "chính xác là bao nhiêu", "đúng bao nhiêu".
_EXACT = r"(?:cu the|chinh xac|dung) (?:la |duoc )?bao nhieu"
_PHONE = r"(?:so dien thoai|so dt|sdt|so hotline|hotline|duong day nong|so zalo|so lien (?:he|lac))"

ASKED: dict[str, re.Pattern[str]] = {
    # An amount of money: "bao nhiêu tiền", "mấy triệu", "bn tiền", "được hỗ trợ bao nhiêu",
    # "mức phạt là bao nhiêu", "giá vé bao nhiêu". Not "nhiều tiền" (much money, told), nor
    # "hỗ trợ bao nhiêu người" (a count), nor "có mất tiền không" (whether it costs:
    # `Ask.COST`, which "miễn phí" says).
    "amount": phrases(
        rf"bao nhieu {_MONEY}",
        r"may (?:trieu|tr|nghin|ngan|chuc nghin|tram nghin)",
        r"(?:ho tro|huong|phat|chi tra|boi thuong|muc (?:ho tro|huong|phat|tran|phi|gia)"
        rf"|gia|phi|le phi) (?:\w+ ){{0,3}}?(?:la )?bao nhieu{_COUNTED}",
    ),
    # An exact amount: "cụ thể được bao nhiêu", "chính xác là bao nhiêu tiền", "đúng bao nhiêu"
    # with money around it (not "ngưỡng SpO2 cụ thể là bao nhiêu": no money).
    "exact_amount": phrases(
        rf"{_EXACT} (?:\w+ ){{0,2}}{_MONEY}",
        rf"(?:ho tro|huong|phat|muc|tien|gia|phi) (?:\w+ ){{0,4}}?{_EXACT}",
        rf"bao nhieu {_MONEY} (?:\w+ )?(?:cu the|chinh xac)",
    ),
    # An age asked: "bao nhiêu tuổi mới được", "từ mấy tuổi", "lứa tuổi nào". Folded "mấy" is
    # also "máy": not "máy tuổi thọ bao lâu" (a lifespan). An age told ("bé 4 tuổi") is
    # `hotline.faq.ages`.
    "age": phrases(r"(?:bao nhieu|may) tuoi(?! tho )", r"tuoi nao"),
    # A dose: "uống mấy viên", "liều bao nhiêu", "bao nhiêu ml", "uống mỗi loại mấy lần",
    # "xịt mũi ngày mấy lần". "Mấy lần" alone is how often ("phiếu dùng mấy lần một tuần").
    "dose": phrases(
        r"(?:may|bao nhieu) (?:vien|lieu|ml|mg)",
        r"lieu (?:luong |dung )?(?:bao nhieu|the nao|ra sao|nhu the nao|nhu nao)",
        rf"{_INTAKE} (?:\w+ ){{0,3}}(?:may|bao nhieu) (?:vien|lan|ngay|ml|goi|lieu){_NOT_TOLD}",
        rf"{_INTAKE} (?:\w+ )?ngay may lan",
    ),
    # A medicine with another: "đang uống X, uống thêm Y", "trùng thuốc", "tương tác thuốc",
    # "uống chung với thuốc huyết áp", "tiêm cùng lúc với mũi khác".
    "together": phrases(
        r"(?:uong|tiem|chich) (?:\w+ ){0,4}(?:chung|cung luc|cung voi|ket hop|kem) (?:voi )?"
        r"(?:thuoc|vac xin|vacxin|mui|\w+ thuoc)",
        # More of a medicine while on another: "đang uống X ... uống thêm"; not "sau khi khỏi
        # có cần uống thêm thuốc không" (more of the same course).
        r"dang uong (?:\w+ ){1,8}uong them",
        r"trung thuoc|tuong tac thuoc|ket hop (?:voi )?thuoc",
    ),
    # A deadline: "hạn nộp", "hạn chót", "thời hạn xử lý", "tới tháng mấy", "khi nào hết hạn
    # nộp", "ngừng nhận hồ sơ", "còn kịp không", "nộp trễ có được không". Not "hạn chế" (a
    # restriction), nor "có thời hạn không" (how long a paper stays valid).
    "deadline": phrases(
        r"han (?:chot|cuoi|nop|dang ky|nhan)",
        r"thoi han (?:nop|nhan|dang ky|lam|xu ly|giai quyet)",
        r"(?:toi|den|truoc) (?:ngay|thang) (?:may|nao)",
        r"(?:ngung|dung|het|ket thuc|khoa) (?:nhan|tiep nhan|nop) (?:ho so|don)",
        r"(?:con|het) han (?:nop|dang ky|lam|nhan)",
        # Still in time, or late: "giờ nộp còn kịp không", "nộp hồ sơ trễ có được không"
        # (folded "muộn" is "muốn", want: not that).
        r"con kip(?= (?:khong|ko|k|chua|ha|a|nua) )",
        r"(?:nop|dang ky) (?:\w+ ){0,2}tre(?= (?:co|duoc|thi|roi|khong|ko|han) )",
    ),
    # A number to call: "số điện thoại bao nhiêu", "cho xin sđt", "gọi số nào", "liên hệ số
    # nào". Folded "số" is also "sổ", "sợ", "sở": only with a phone word or after a call.
    "phone": phrases(
        rf"{_PHONE} (?:\w+ ){{0,6}}?(?:bao nhieu|la gi|nao|o dau|may|gi)",
        rf"(?:xin|cho xin) (?:\w+ ){{0,3}}{_PHONE}",
        r"goi (?:cho )?(?:so|may) (?:nao|may|gi|bao nhieu)",
        r"lien he (?:so|sdt) nao",
    ),
    # A ceiling: "mức trần bao nhiêu", "tối đa (được) mấy ngày", "nhiều nhất là bao nhiêu",
    # "tối đa nhận được bao lâu". Not "tối đa" told ("tụ tập tối đa 10 người").
    "ceiling": phrases(
        r"muc tran",
        r"(?:toi da|nhieu nhat) (?:\w+ ){0,2}?(?:bao nhieu|may|bao lau)",
    ),
    # Who pays or bears a loss: "ai trả tiền", "tiền test ai chịu", "tự trả tiền", "bỏ tiền
    # túi", "bồi thường", "có phải đền không" ("đến" folds alike: only before a question's
    # end, money or "bù"). Not "tiền túi thuốc" (the medicine pack), nor "ai lo lương thực"
    # (who brings food: `Ask.WHO`).
    "payer": phrases(
        r"boi thuong|den bu|den tien",
        r"(?:phai|bat) den(?= (?:khong|ko|k|hong|ha|a|chu|tien|bu) )",
        r"ai (?:tra(?! loi)|chiu|chi tra|thanh toan)(?: (?:tien|chi phi|phi))?",
        r"ai lo (?:tien|chi phi|phi)",
        r"(?:tien|chi phi|phi) (?:\w+ ){0,3}ai (?:tra|chiu|chi|lo|thanh toan)",
        r"bo tien tui",
        # A payer named and asked about: "bảo hiểm y tế có chi trả không", "công ty có phải trả
        # cho nhân viên không"; a refund: "có được hoàn tiền không", "phải trả lại tiền".
        r"(?:nha nuoc|cong ty|doanh nghiep|chu (?:nha|tro)|bao hiem(?: y te| xa hoi)?|bhyt|bhxh)"
        r" (?:\w+ ){0,2}(?:tra(?! (?:cuu|loi))|chi tra|chiu|thanh toan)"
        r" (?:\w+ ){0,3}(?:khong|ko|hay)",
        r"hoan (?:lai )?tien|tra lai tien",
        r"(?:tu|minh) (?:bo|bo ra|tra|chiu) tien",
    ),
}

SAID: dict[str, re.Pattern[str]] = {
    # An amount ("1.855.000 đồng", "3 triệu"), a share of a wage ("60% bình quân tiền lương";
    # the analyzer drops "%"), or nothing to pay.
    "amount": phrases(
        r"(?<!\d )\d+(?: \d{3})* (?:dong|trieu|nghin|ngan|d)",
        r"\d+ (?:phan tram|binh quan|muc luong|tien luong|luong)",
        r"mien phi|khong thu (?:phi|tien)",
    ),
    # One amount, not a range the asker's own case falls somewhere in: not "từ 1.000.000 đến
    # 3.000.000 đồng", whose ends follow "từ" and "đến".
    "exact_amount": phrases(
        r"(?<!tu )(?<!den )(?<!toi )(?<!\d )\d+(?: \d{3})* (?:dong|trieu|nghin|ngan)"
    ),
    # An age: "từ 12 đến 17 tuổi", "60 tuổi trở lên", "trẻ dưới 5 tuổi".
    "age": phrases(r"\d+ tuoi"),
    # An amount of a medicine, or a dose named as such. Not "gói" (folded "gọi": "SpO2 dưới
    # 96% gọi 115").
    "dose": phrases(
        r"\d+ (?:vien|mg|ml)",
        r"lieu (?:luong|dung)",
        r"\d+ lan (?:mot|moi|/) ngay",
        r"ngay (?:uong )?\d+ lan",
    ),
    # Medicines taken together, or apart by some time.
    "together": phrases(
        r"tuong tac|(?:uong|dung|tiem) (?:chung|cung luc|cung voi)|ket hop (?:voi )?thuoc",
        r"cach nhau (?:\w+ )?\d+",
    ),
    # A time limit: "hạn nộp", "thời hạn", "trước ngày", "chậm nhất", "trong 3 tháng kể từ".
    "deadline": phrases(
        r"han nop|thoi han|han chot|truoc ngay|cham nhat|ke tu ngay|den het ngay|den ngay \d+",
        r"(?:trong|truoc) (?:vong )?\d+ (?:ngay|thang|gio) ke tu",
    ),
    # The number itself, after a call or a line: "gọi ngay 115", "gọi điện thoại số 1022";
    # not a document's number ("Quyết định số 261"), nor the hotline merely named.
    "phone": phrases(
        r"(?:goi|so dien thoai|duong day nong|hotline)(?: ngay| dien thoai| so)* \d{3,}",
        # The hotline's own number to call or text: "nhắn cho Tổng đài 1022", "phản ánh qua
        # Tổng đài 1022".
        r"(?:goi|nhan|lien he|bao|qua)(?: \w+){0,3} tong dai \d{3,}",
    ),
    # A ceiling given: "tối đa 45 ngày", "không quá 3 tháng", "trần 4.680.000 đồng", "quá 10
    # người"; not "có mức trần theo quy định", which names one and gives none.
    "ceiling": phrases(r"(?:toi da|khong qua|nhieu nhat|tran|qua) \d+"),
    # A payer, or nothing to pay: "miễn phí", "tự chi trả", "ngân sách", "không thu phí".
    "payer": phrases(
        r"(?:tu )?chi tra|mien phi|ngan sach|khong thu (?:phi|tien)|boi thuong|den bu",
        r"(?:doanh nghiep|nguoi dan|nha nuoc|nguoi lao dong|cong ty) (?:tra|chiu|chi)",
        r"bao hiem y te",
    ),
}

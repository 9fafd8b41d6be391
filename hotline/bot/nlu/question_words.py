"""The words, folded, that make a message a question or keep it a report (`questions`).

Phrases that ask, the particles that ask at the end, and the words around "mấy", "nào", "ai"
and "hay" that make them count, tell, urge or choose instead of asking.
"""

from __future__ import annotations

# Question phrases, folded, anywhere; the asking particles ("không", "chưa", "hả") only at the
# end, where they ask ("có ... không"). Single words such as "gì" or "nào" are not enough: "không
# có gì ăn" and "sáng nào cũng tụ tập" are reports.
PHRASES = (
    ("bao", "nhieu"),
    ("bao", "lau"),
    ("bao", "gio"),
    ("khi", "nao"),
    ("the", "nao"),
    ("nhu", "the", "nao"),
    ("ra", "sao"),
    ("lam", "sao"),
    ("o", "dau"),
    ("co", "phai"),
    ("phai", "khong"),
    ("duoc", "khong"),
    ("hay", "khong"),
    ("duoc", "chua"),
    ("tai", "sao"),
    ("vi", "sao"),
    ("la", "gi"),
    ("lam", "gi"),
    ("can", "gi"),
    ("giay", "gi"),
    ("may", "ngay"),
    ("may", "gio"),
    ("may", "lan"),
    ("may", "thang"),
    ("may", "tuan"),
    ("may", "trieu"),
    ("may", "mui"),
    ("may", "dot"),
    ("may", "nguoi"),
    ("may", "hom"),
    ("may", "bua"),
    ("may", "tieng"),
    ("may", "nam"),
    ("may", "tuoi"),
    ("cai", "nao"),
    ("loai", "nao"),
    ("noi", "nao"),
    ("thi", "ai"),
    ("sao", "van"),
    ("sao", "lai"),
    ("ai", "co"),
    ("hoi", "ai"),
    ("cho", "ai"),
    ("bao", "ai"),
    ("gap", "ai"),
    ("ntn",),
    ("khac", "gi"),
    ("duoc", "may"),
    # "là những gì", "gồm những gì": what a rule consists of.
    ("nhung", "gi"),
    # "có ... không hay ...": "or not", asked ("có đang bán không hay đóng rồi").
    ("khong", "hay"),
    # Where to go and whom to reach ("đến đâu xin", "nhắn ai", "liên hệ ai").
    ("den", "dau"),
    ("nhan", "ai"),
    ("goi", "ai"),
    ("tim", "ai"),
    ("lien", "he", "ai"),
    ("nho", "ai"),
    ("nhu", "nao"),
    ("sao", "vay"),
    # "phạt mấy trăm", "mấy phần trăm": how much.
    ("may", "tram"),
    ("may", "phan", "tram"),
    # Wanting to know is asking ("tôi muốn biết ai xác định F1").
    ("muon", "biet"),
    ("muon", "hoi"),
    # English, as some write ("how many days", "can I go").
    ("how", "many"),
    ("how", "much"),
    ("how", "long"),
    ("how", "to"),
    ("how", "do"),
    ("how", "can"),
    ("what", "is"),
    ("what", "are"),
    ("where", "is"),
    ("where", "can"),
    ("can", "i"),
    ("should", "i"),
    ("do", "i", "need"),
    ("is", "it"),
)
ASKERS = frozenset({"em", "e", "toi", "tui", "minh", "chau", "con", "anh", "chi"})
FINAL = frozenset({"khong", "chua", "ha", "nhi", "vay", "gi", "nao", "sao", "dau", "chu", "may"})
# "mấy ngày nay", "mấy tháng rồi", "sốt mấy hôm mà": "mấy" counts how long something has lasted
# ("mấy giờ rồi" still asks the time).
DURATIONS = frozenset({"ngay", "hom", "bua", "tuan", "thang", "nam"})
LASTED = frozenset({"nay", "roi", "lien", "qua", "ma", "van"})
# "mấy trăm người tụ tập": several hundred of those counted, told; "phạt mấy trăm" asks.
COUNTED = frozenset({"nguoi", "cong", "ho", "khach", "dua", "con", "xe", "dan"})
# "sáng nào cũng", "ai cũng": "every", not "which" or "who".
EVERY = "cung"
# Words that open a message without being part of it ("ad ơi cho em hỏi", "dạ cho hỏi").
OPENERS = frozenset({"ad", "admin", "da", "vang", "chao", "oi"})
# A request for guidance is a question ("đề nghị hướng dẫn hồ sơ ...", "xin cho biết ..."):
# the words that make the request, then what is requested.
REQUESTS = (
    ("kinh", "de", "nghi"),
    ("de", "nghi"),
    ("vui", "long"),
    ("xin",),
    ("mong",),
    ("nho",),
    (),
)
GUIDANCE = (("huong", "dan"), ("cho", "biet"), ("chi", "dan"), ("giai", "dap"))
# Politeness that trails a question ("... được chưa ạ", "... không ad ơi", "... chưa nhé"), and
# the Centre's "rứa" and "hè" ("có xuống tận nhà không rứa", "có phải covid không hè"): the
# asking particle is the word before it.
TRAILING = frozenset({"a", "admin", "oi", "nhe", "nhen", "nghen", "hen", "ta", "rua", "he"})
# Whom a question is put to, named after its asking particle ("có thiệt không tổng đài", "lớn
# không bot", "có sao không con", "ok không vậy mọi người"): after one of FINAL only, as "con",
# "bot" and "tổng đài" end a told sentence too; not after "mấy" ("chết mấy con": several) nor
# "chú" ("mấy cô chú tổng đài"). Not "bạn": folded it is also "bán" ("không bán").
ADDRESSED = frozenset({"con", "bot", "ad", "mn", "mng", "tong dai", "moi nguoi"})
ASKED_OF = FINAL - {"may", "chu"}
# "... thật không mấy cô", "... chưa mấy anh ơi": a group addressed after the question.
GROUP = "may"
PEOPLE = frozenset({"co", "chu", "anh", "chi", "bac"})
# A negation before "ai" or "nào" makes it "nobody" or "none": "không cho ai nghỉ", "không báo
# ai", "không còn đồng nào", "chưa chích mũi nào". After "biết" it asks again ("không biết chỗ
# nào", "chưa biết hỏi ai").
NEGATIONS = frozenset({"khong", "chang", "cha", "chua"})
# After "nào", words that make it "every" or "some" ("ngày nào cũng", "lúc nào đó").
NOT_WHICH = frozenset({"cung", "do", "day", "het", "ca", "nay", "nua", "thi"})
CHEERING = frozenset({"len", "di", "thoi"})  # before "nào": urging ("cố lên nào", "đi nào")
# "ai không làm thì trừ lương", "ai ra đường là bị phạt", "ai nghỉ còn bị đuổi": "ai", what one
# does, then what follows for whoever does it is "whoever", not "who". What follows opens with
# "thì" or "sẽ"; with "là", "còn" or "bị" only before a penalty or "bị" ("là bị phạt", "còn bị
# đuổi"), as alone they are a relative clause's or a child ("ai chăm sóc người bị F0", "ai xác
# nhận là đã khỏi bệnh", "ai đưa con tôi đi tiêm" ask who); or it is a penalty on one's pay or
# job ("trừ lương", "đuổi việc"), as folded "phat", "tru", "cat" alone are also "phát", "trú",
# "Bến Cát" ("ai được phát gạo", "ai tạm trú ở đây"). After at least one word of what is done
# ("ai bị phạt", "ai là người xác định F1" still ask who).
CONSEQUENCES = frozenset({"thi", "se"})
BEFORE_PENALTY = frozenset({"la", "con", "bi"})
PENALTIES = frozenset({"tru", "phat", "duoi", "cat"})
PENALISED = frozenset({"luong", "viec"})
# "có ... không", "đã ... chưa" closing a clause that is not the last ("chợ có họp lại chưa hen,
# tui tính lên bán"): the helper verbs that make the final word ask.
CLAUSE_ASKERS = frozenset({"khong", "chua"})
HELPERS = frozenset({"co", "da", "duoc", "con", "phai"})
# "thì ... X hay Y", "là X hay Y": a choice asked. "hay" is also "often" ("app hay bị lỗi", "tụi
# nó hay tụ tập") and "good" ("hay quá"): not after who does it, nor before these.
HABIT_AFTER = frozenset({"bi", "qua", "nhat", "co", "lam", "that", "ghe", "ho", "met"})
HABIT_BEFORE = frozenset(
    {"no", "ho", "ta", "toi", "tui", "em", "minh", "con", "chau", "ong", "ba", "thuong", "rat"}
    | {"cung", "khong"}  # "cũng hay", "không hay" (not good; `_asks` reads "có ... không hay")
)

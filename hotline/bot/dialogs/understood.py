"""What the bot understands: words and phrases it looks for in what citizens type, folded (lower
case, no diacritics), beside `texts.py`, which holds what it says."""

from __future__ import annotations

# Yes, no, cancel, skip, anonymous and edit, as typed at a form's steps.
YES_WORDS = frozenset({"co", "dung", "gui", "ok", "duoc", "xac nhan", "dong y", "yes", "roi"})
CANCEL_WORDS = frozenset({"huy", "huy bo", "thoi", "dung lai", "cancel", "stop", "khong gui"})
SKIP_WORDS = frozenset({"bo qua", "khong", "khong co", "skip", "xong", "het", "khong biet"})
ANONYMOUS_WORDS = frozenset(
    {"an danh", "gui an danh", "khong", "khong can", "khong co", "khong de lai", "bo qua"}
)
EDIT_WORDS = frozenset({"sua", "sua lai", "chinh sua"})
# Words that start or stop a subscription (normalised), anywhere in the message.
# ("chưa nhận thông báo tiền hỗ trợ" is a question, so "nhận thông báo" alone must be all.)
SUBSCRIBE_PHRASES = ("dang ky nhan thong bao", "dang ky thong bao", "muon nhan thong bao")
SUBSCRIBE_WORDS = frozenset({"nhan thong bao", "thong bao", "dang ky nhan tin"})
UNSUBSCRIBE_PHRASES = ("huy dang ky", "ngung nhan thong bao", "unsubscribe")
WHOLE_PROVINCE_WORDS = frozenset(
    {"toan tinh", "ca tinh", "tat ca", "binh duong", "toan tinh binh duong"}
)
# Phrases (folded words, anywhere in a short message) that leave a form or step back in it.
CANCEL_PHRASES: tuple[tuple[str, ...], ...] = (
    ("huy",),
    ("dung", "lai"),
    ("thoi", "khong"),
    ("thoi", "bo"),
    ("thoi", "khoi"),
    ("bo", "di"),
    ("khoi", "bao"),
    ("khong", "bao", "nua"),
    ("khong", "gui", "nua"),
    ("khong", "phan", "anh", "nua"),
    ("khong", "can", "nua"),
    ("khong", "lam", "nua"),
    ("khong", "muon", "bao"),
    ("khong", "muon", "gui"),
    ("khong", "muon", "phan", "anh"),
    ("cancel",),
    ("stop",),
)
BACK_PHRASES: tuple[tuple[str, ...], ...] = (
    ("quay", "lai"),
    ("tro", "lai"),
    ("lui", "lai"),
    ("buoc", "truoc"),
    ("cau", "truoc"),
    ("back",),
)
# Words that say when something happened; a time step's answer has one, or a number.
TIME_WORDS = frozenset(
    "hom nay qua mai sang trua chieu toi dem khuya gio luc ngay tuan thang nam dang vua moi "
    "thu chu nhat bay truoc sau hqua hnay lien tuc thuong xuyen hang moi".split()
)
# Words that make a text look like an address even without a known ward.
ADDRESS_WORDS = frozenset(
    "duong hem kiet ngo ngach khu pho ap thon xom ql quoc chung cu block phuong xa thi tran "
    "kp kcn gan canh doi dien nga cau chua truong vien thi cong xang cho".split()
)

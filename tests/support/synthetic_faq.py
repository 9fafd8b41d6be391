"""A synthetic FAQ of any size: plausible, varied Vietnamese entries for scale tests and benchmarks.

Each entry asks about one subject (a service, a paper, a support payment) for one kind of person
in one place, in 6-12 phrasings with and without diacritics, teencode included; answers name a
made-up policy. Deterministic for a seed, so two runs index the same text.
"""

from __future__ import annotations

import random

from hotline.faq.entries import FaqEntry

SUBJECTS = (
    ("giấy đi đường", "giay di duong"),
    ("tiền hỗ trợ", "tien ho tro"),
    ("tiêm vắc xin mũi ba", "tiem vac xin mui 3"),
    ("xét nghiệm PCR", "xet nghiem pcr"),
    ("cách ly tại nhà", "cach ly tai nha"),
    ("túi thuốc F0", "tui thuoc f0"),
    ("gói an sinh", "goi an sinh"),
    ("thẻ bảo hiểm y tế", "the bhyt"),
    ("trợ cấp thất nghiệp", "tro cap that nghiep"),
    ("giấy xác nhận khỏi bệnh", "giay xac nhan khoi benh"),
    ("đăng ký tạm trú", "dang ky tam tru"),
    ("phiếu đi chợ", "phieu di cho"),
    ("hỗ trợ tiền thuê nhà", "ho tro tien thue nha"),
    ("vé xe buýt", "ve xe buyt"),
    ("hộ chiếu vắc xin", "ho chieu vac xin"),
    ("giấy phép kinh doanh", "giay phep kinh doanh"),
    ("khai báo y tế", "khai bao y te"),
    ("gạo cứu trợ", "gao cuu tro"),
    ("học phí", "hoc phi"),
    ("chứng nhận tiêm chủng", "chung nhan tiem chung"),
)
PEOPLE = (
    ("công nhân", "cong nhan"),
    ("người già neo đơn", "nguoi gia neo don"),
    ("trẻ em dưới 12 tuổi", "tre em duoi 12 tuoi"),
    ("hộ nghèo", "ho ngheo"),
    ("tiểu thương", "tieu thuong"),
    ("lao động tự do", "lao dong tu do"),
    ("sinh viên", "sinh vien"),
    ("người khuyết tật", "nguoi khuyet tat"),
    ("tài xế công nghệ", "tai xe cong nghe"),
    ("phụ nữ mang thai", "ba bau"),
    ("giáo viên", "giao vien"),
    ("người nước ngoài", "nguoi nuoc ngoai"),
)
PLACES = (
    ("Thủ Dầu Một", "tdm"),
    ("Dĩ An", "di an"),
    ("Thuận An", "thuan an"),
    ("Bến Cát", "ben cat"),
    ("Tân Uyên", "tan uyen"),
    ("Bàu Bàng", "bau bang"),
    ("Dầu Tiếng", "dau tieng"),
    ("Phú Giáo", "phu giao"),
    ("Bắc Tân Uyên", "bac tan uyen"),
)
ASKS = (
    ("Làm sao để nhận {s} cho {p} ở {l}?", "lam sao nhan {s} cho {p} o {l}"),
    ("{p} ở {l} có được {s} không?", "{p} {l} co dc {s} ko"),
    ("Thủ tục xin {s} dành cho {p} tại {l} thế nào?", "thu tuc xin {s} {p} {l}"),
    ("{s} của {p} ở {l} nộp hồ sơ ở đâu?", "nop ho so {s} {p} o dau {l}"),
    ("Bao lâu thì có {s} cho {p} tại {l}?", "bao lau co {s} {p} {l} z ad"),
    ("{p} ở {l} cần giấy tờ gì để làm {s}?", "{p} {l} can giay to j de lam {s}"),
    ("Ai cấp {s} cho {p} ở {l}?", "ai cap {s} cho {p} {l} a"),
)
SOURCES = ("Quyết định", "Công văn", "Nghị quyết", "Kế hoạch")


def synthetic_entries(count: int, seed: int = 15) -> list[FaqEntry]:
    """`count` published entries with ids `tu-dong-00001`...; each a distinct subject, person
    and place (with a numbered twist past the 2,160 combinations)."""
    rng = random.Random(seed)
    combos = [(s, p, place) for s in SUBJECTS for p in PEOPLE for place in PLACES]
    rng.shuffle(combos)
    entries = []
    for n in range(count):
        (s, s_plain), (p, p_plain), (where, where_plain) = combos[n % len(combos)]
        round_ = n // len(combos)
        if round_:  # the same subject again, for another batch or year
            s, s_plain = f"{s} đợt {round_ + 1}", f"{s_plain} dot {round_ + 1}"
        asks = rng.sample(ASKS, rng.randint(3, 6))
        questions = []
        for formal, chat in asks:
            questions.append(formal.format(s=s, p=p, l=where))
            questions.append(chat.format(s=s_plain, p=p_plain, l=where_plain))
        source = f"{rng.choice(SOURCES)} {rng.randint(10, 999)}/{rng.randint(2020, 2022)}"
        answer = (
            f"Theo {source} của UBND tỉnh, {p} ở {where} được {s} khi đăng ký tại UBND "
            f"phường, xã nơi cư trú; hồ sơ được giải quyết trong {rng.randint(2, 15)} ngày "
            "làm việc. Anh/chị mang theo căn cước công dân khi đến làm thủ tục."
        )
        entries.append(
            FaqEntry(
                id=f"tu-dong-{n + 1:05d}",
                questions=tuple(dict.fromkeys(q[0].upper() + q[1:] for q in questions)),
                answer=answer,
                topic="tu_dong",
                status="published",
            )
        )
    return entries

"""Central Vietnamese particles (Huế, Nghệ An...) and directions, which ask nothing of an entry.

"Răng rứa hè", "đi mô", "bây chừ", "mần răng" are "sao vậy nhỉ", "đi đâu", "bây giờ", "làm sao":
question words and fillers that standard Vietnamese already leaves out (`hotline.faq.coverage.
GENERIC`). Folded they are real words of other meanings ("răng" the tooth, "rửa", "mô hình",
"tê tay", "mùa hè"), so a particle is known only by its own diacritics and, for the ambiguous
ones, by where it stands. The words found here weigh nothing against an entry that never says
them, as a salutation; an entry that says them still gains from them. Written from how central
speakers type, not from any evaluation split.
"""

from __future__ import annotations

from hotline.faq.written import said_only

# Particles that, written with these diacritics, mean nothing else a citizen asks the hotline
# ("nỏ" is the Nghệ Tĩnh "không" closing a question: "có phải đi viện nỏ"). Not "nhở" (nhỉ):
# on dev6 it let a home-isolation question be answered with the entry on protecting the family.
_ALWAYS = frozenset(
    """
    rứa răng chừ nờ nớ hỉ hỷ nhể hầy mần tề mạ nỏ
    """.split()
)
# Which way one goes, as "ra", "vào", "về", "đi" (`GENERIC`): "xuống ở trọ", "y tế xuống lấy
# mẫu", "lên phường", "khai báo lại" (asking again is a kind of its own: `hotline.faq.asks`).
# Folded they are also "xưởng", "len", "lái", so only with their own diacritics.
_DIRECTIONS = frozenset("xuống lên lại".split())
# What "lên" and "xuống" become rather than where they go: "test lên dương tính", "lên hai vạch",
# "lên cơn", "xuống cấp". There the word is the question's ("how long until it turns positive").
_BECOME = frozenset("dương âm vạch cơn mức cấp màu đỉnh".split())
# Boarding or leaving a vehicle, or where one boards it, is what the question is about ("cho
# khách lên xe", "xuống tàu ở ga", "lên máy bay", "xuống bến"): whether a positive or exposed
# person may travel. There "lên" and "xuống" are the question's, not a way one goes.
_BOARD = frozenset(
    """
    xe tàu máy thuyền ghe đò phà ca nô xuồng taxi grab buýt bus chuyến ga bến cảng sân bờ
    khoang toa cabin
    """.split()
)
# "răng" is also the tooth ("đau răng", "răng khôn", "nhổ răng").
_TOOTH = frozenset(
    """
    đau nhức nhổ chải đánh sâu hàm mọc trám niềng khám bọc cạo trồng sún gãy ê buốt lợi
    miệng khôn sữa cửa giả nướu
    """.split()
)
# Ambiguous particles and the words that, before them, make them particles: "ở mô", "bên tê",
# "bữa ni", "như ri", "làm chi".
_AFTER = {
    "mô": frozenset("ở đi về chỗ nơi khi lúc mần làm chi đâu bên phía hồi".split()),
    "tê": frozenset("bên phía cái chỗ bữa hôm người đứa nhà ngày hồi".split()),
    "ni": frozenset(),
    "ri": frozenset("như rứa răng mần làm cứ".split()),
    "chi": frozenset("làm mần cái là răng rứa hỏi nói".split()),
}
# The word after "mô" or "tê" that makes it a word of its own: "mô hình", "mô tả", "tê tay".
_BEFORE = {
    "mô": frozenset("hình tả phỏng phạm".split()),
    "tê": frozenset("tay chân bì buốt liệt cứng dại người lưỡi miệng mặt".split()),
    "ni": frozenset("lông cô sư tơ".split()),
    "ri": frozenset(),
    "chi": frozenset("trả tiêu phí tiền hỗ".split()),
}
# "hè" is a particle at a clause's end, unless it is summer or the pavement ("mùa hè").
_SUMMER = frozenset("mùa vỉa nghỉ học kỳ dịp trại".split())


def _particle(words: list[str], i: int) -> bool:
    word = words[i]
    before = words[i - 1] if i else ""
    after = words[i + 1] if i + 1 < len(words) else ""
    if word == "răng":
        return before not in _TOOTH and after not in _TOOTH
    if word in _DIRECTIONS:
        # "lên 2 vạch": what it becomes may follow a number; "mũi nhắc lại" is the booster.
        then = words[i + 2] if after.isdigit() and i + 2 < len(words) else after
        if word != "lại" and then in _BOARD:
            return False
        return then not in _BECOME and before != "nhắc"
    if word in _ALWAYS:
        return True
    if word == "quay":  # "quay về", "quay lại"; not the counter ("quầy")
        return after in {"về", "lại"}
    if word == "hè":
        return not after and before not in _SUMMER and bool(before)
    if word in _AFTER:
        if after in _BEFORE[word]:
            return False
        # "ni" (this) follows any noun ("giấy ni"); the others their own leading words, or "mô"
        # ends a clause after a verb ("đi mô").
        if word == "ni":
            return bool(before)
        return before in _AFTER[word] or (not after and word == "mô" and bool(before))
    return False


def particles(text: str) -> frozenset[str]:
    """The folded words `text` uses only as central particles, in a text typed with
    diacritics (bare, "rang" and "mo" say nothing of which they are): a word the text also
    writes otherwise ("răng rứa, nhổ răng") is the question's."""
    return said_only(text, lambda words: {i for i in range(len(words)) if _particle(words, i)})

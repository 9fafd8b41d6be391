"""Home remedies and folk treatments asked about: a health consultant's question, not the FAQ's.

"xông lá sả lá bưởi ngày mấy lần thì hết covid", "tỏi đen ngâm mật ong có diệt virus không",
"uống nước chanh gừng có hết covid không", "thuốc nam trị hậu covid có nên mua không": every
split labels such questions `health_consult` (the FAQ states rules and support, a consultant
says what a remedy does), and the model took them for the FAQ's because they name covid.

A remedy is named by what it is made of or how it is taken (leaves steamed, garlic, ginger,
honey, lemon, salt water, herbal medicine, vitamin C, zinc, warm water, steeped liquor...).
Words that fold into others count only as written where the text has marks ("tỏi" and "tôi",
"xông" and "xong", "chanh" and "Chánh Nghĩa", "kẽm" and "kém"); a text typed without marks
names them only next to a word that makes them a remedy ("tỏi đen", "nước chanh", "xông lá").
A question on the supply of medicine (the F0 pack, where to get it, support) stays the FAQ's.

So is an antiviral the asker buys to take or keep on their own ("tôi mua về uống phòng có được
không", "mua để sẵn phòng cả nhà bị F0 được không"): whether to take it is a doctor's word.
"""

from __future__ import annotations

import re

from hotline.bot.nlu.base import ParseResult
from hotline.bot.nlu.normalize import kept_by_text, nfc, words
from hotline.bot.nlu.questions import is_question

# Remedies as written with marks: what they are made of, how they are taken.
_HERBS = "sả|bưởi|chanh|tía tô|ngải cứu|diếp cá|kinh giới|bạc hà|tre|ổi|rừng|tràm|quế|thuốc"
_REMEDIES = (
    "gừng|mật ong|thuốc (?:nam|bắc|dân tộc|dân gian)|đông y|bài thuốc|thảo dược|mẹo dân gian"
    "|súc (?:miệng|họng)|nước muối|xịt mũi|vitamin c|tinh dầu|dầu tràm"
    "|nước (?:ấm|nóng|dừa|cam|chanh|gừng)|trà gừng|rượu (?:ngâm|tỏi|cần)"
    "|ngâm (?:rượu|tỏi|mật ong|gừng)|nồi xông"
)
# In a text with marks, the words whose bare spelling is another word too ("tỏi" and "tôi",
# "xông" and "xong", "kẽm" and "kém"); a bare "chanh" is a lemon there ("Chánh Nghĩa" is written
# so), "xông vào nhà" barges in.
_MARKED = re.compile(
    rf"(?<!\w)(?:{_REMEDIES}|lá (?:{_HERBS})|tỏi|xông(?! (?:vào|ra|lên|tới|đến))|chanh|kẽm|sả)"
    r"(?!\w)"
)
# In a text without marks, those words only where their neighbour makes them a remedy ("tỏi
# đen", "nước chanh", "xông lá"; "toi den" alone is "tôi đến", "xong hoi" "xong, hơi", "nuoc
# dua" "nước đưa", "the thao duoc" "thể thao được", "la thuoc" "là thuốc").
_BARE = re.compile(
    r"\b(?:gung|mat ong|thuoc (?:nam|bac|dan toc|dan gian)|dong y|bai thuoc|(?<!the )thao duoc"
    r"|meo dan gian|suc (?:mieng|hong)|nuoc muoi|xit mui|vitamin c|tinh dau|dau tram"
    r"|nuoc (?:am|nong|cam|chanh|gung)|uong nuoc dua|tra gung|ruou (?:ngam|toi|can)"
    r"|ngam (?:ruou|toi|mat ong|gung)|noi xong|xong (?:la|tinh dau)"
    r"|la (?:sa|buoi|tia to|ngai cuu|diep ca|kinh gioi|bac ha)"
    r"|toi (?:den|song|gung|voi mat ong)|chanh (?:muoi|nong|gung|mat ong)|sa chanh)\b"
)
# The supply of medicine or a policy asked ("gói thuốc F0 có vitamin C không", "mua ở đâu").
_SUPPLY = re.compile(
    r"\b(?:goi thuoc|tui thuoc|(?:phat|cap|nhan) thuoc|ho tro|tro cap|che do|ho so|giay to"
    r"|thu tuc|o dau|cho nao|tram y te phat)\b"
)
# An antiviral bought by the asker to take or keep ("tôi tự mua ... uống", "mua về uống phòng").
_ANTIVIRAL = re.compile(
    r"\b(?:molnupiravir|favipiravir|paxlovid|remdesivir|thuoc khang (?:virus|virut|vi rut))\b"
)
_SELF_MEDICATED = re.compile(
    r"\b(?:toi|tui|em|minh|con|chau)(?: tu)? mua(?: \w+){0,3}"
    r" (?:uong|(?:de )?(?:san|tru san) phong|phong)\b"
)
_MISTAKEN_FOR = frozenset({"ask_faq", "out_of_scope"})
# Below this the model's pick is a guess whichever intent it is (the router sends such a message
# the FAQ's way): "tỏi đen ngâm mật ong ..." came out a request for a person at 0.33.
UNSURE = 0.5


@kept_by_text
def asks_remedy(text: str) -> bool:
    """True for a question on a home remedy or folk treatment: what it does, whether to take it,
    how often; or on an antiviral the asker buys to take or keep."""
    said = " ".join(words(text))
    if _ANTIVIRAL.search(said) and _SELF_MEDICATED.search(said):
        return is_question(text)
    if _SUPPLY.search(said) or not is_question(text):
        return False
    written = nfc(text).lower()
    if written.isascii():
        return _BARE.search(said) is not None
    return _MARKED.search(written) is not None


def remedied(parse: ParseResult) -> ParseResult:
    """The parse itself, or, for a question on a home remedy the model took for the FAQ's, for
    small talk or for anything but an emergency without being sure, the health consultant's at
    the same confidence."""
    top = parse.intent
    unsure = top.confidence < UNSURE and top.name not in ("emergency", "health_consult")
    if not (top.name in _MISTAKEN_FOR or unsure) or not asks_remedy(parse.text):
        return parse
    return parse.swapped("health_consult")

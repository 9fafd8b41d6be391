"""What a question asks and what an answer says (`hotline.faq.asks`), and the index using it."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.normalize import words
from hotline.faq.asks import Ask, kinds_asked, kinds_said, predicates
from hotline.faq.coverage import Coverage
from hotline.faq.entries import FaqEntry
from hotline.faq.index import FaqIndex


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        # A cost, with and without diacritics, in teencode.
        ("Làm giấy tờ này có mất phí không", {Ask.COST}),
        ("lam giay nay ton tien ko ad", {Ask.COST}),
        ("đi khám bn tiền vậy", {Ask.AMOUNT}),  # how much: an amount, not whether it costs
        ("cái máy đo giá nhiêu", {Ask.COST, Ask.PRICE}),
        ("khám ở đây có được miễn phí không", {Ask.COST}),
        # An hour, how long, when.
        ("bưu điện đóng cửa lúc mấy giờ", {Ask.HOUR}),
        ("may h thi mo cua lai", {Ask.HOUR}),
        ("chờ kết quả bao lâu", {Ask.DURATION}),
        ("phai nghi may ngay vay", {Ask.DURATION}),
        ("khi nào thì được nhận tiền", {Ask.WHEN}),
        # Where, who, a paper made again.
        ("nộp hồ sơ ở đâu", {Ask.PLACE}),
        ("lấy giấy chỗ nào vậy", {Ask.PLACE}),
        ("ai ký giấy này", {Ask.WHO}),
        ("làm rách thẻ rồi xin lại được không", {Ask.REISSUE}),
        # A date or a weekday.
        ("lương hưu tháng này phát vào ngày mấy", {Ask.DAY}),
        ("chợ đầu mối mở lại hôm nào vậy", {Ask.DAY}),
        ("thu may thi phuong phat gao", {Ask.DAY}),
        ("mùng mấy thì nộp hồ sơ", {Ask.DAY}),
        # Two at once.
        ("mua thuốc ở đâu, giá bao nhiêu", {Ask.PLACE, Ask.COST, Ask.PRICE, Ask.AMOUNT}),
        ("gọi xe cấp cứu tư nhân đi tỉnh hết bao nhiêu", {Ask.COST}),
        ("làm giấy này tốn mấy trăm vậy", {Ask.COST}),
        ("khẩu trang y tế bao nhiêu một hộp", {Ask.COST, Ask.PRICE}),
        ("đợi kết quả mất mấy ngày", {Ask.DURATION}),
    ],
)
def test_a_question_asks_the_kinds_its_question_words_ask(question: str, kinds: set[Ask]) -> None:
    assert kinds_asked(words(question)) == kinds


@pytest.mark.parametrize(
    "question",
    [
        # The words of a kind without the question: nothing is asked of that kind.
        "tôi mất tiền rồi",
        "tốn tiền quá",
        "giờ làm sao đây",
        "đi đâu cũng phải đeo khẩu trang",
        "ai cũng phải khai báo",
        "nhà tôi không có ai chăm sóc",
        "ko ai nghe máy",
        "mẹ em ho mấy ngày nay",
        "sốt may hom nay, may ngay qua van ho",
        "hỗ trợ lao động tự do thế nào",
        "ngày nào cũng phải đi làm",
        # How often, not which day (a medicine taken so often asks a dose: test_details).
        "phiếu này dùng ngày mấy lần",
        "con tôi tiêm mũi thứ mấy rồi",
    ],
)
def test_words_that_only_mention_a_kind_ask_nothing(question: str) -> None:
    assert kinds_asked(words(question)) - {Ask.PLACE} == set()


def test_an_answer_says_what_its_amounts_times_places_and_offices_say() -> None:
    said = kinds_said(
        words("Mỗi người được 1.500.000 đồng, nhận tại UBND xã trong 10 ngày, từ 7 giờ.")
    )
    assert {Ask.COST, Ask.PLACE, Ask.WHO, Ask.DURATION, Ask.HOUR, Ask.WHEN} <= said
    assert Ask.COST in kinds_said(words("Việc này được miễn phí."))
    assert Ask.HOUR in kinds_said(words("Tổng đài làm việc 24/7."))
    assert Ask.HOUR in kinds_said(words("Đã bỏ giờ hạn chế."))
    assert Ask.REISSUE in kinds_said(words("Mất thẻ thì báo tổ trưởng để được cấp lại."))


def test_a_date_or_a_weekday_says_the_day_a_month_does_not() -> None:
    assert Ask.DAY in kinds_said(words("Tiền được chuyển vào ngày 15 hằng tháng."))
    assert Ask.DAY in kinds_said(words("Phường phát gạo vào thứ Bảy và Chủ nhật."))
    assert Ask.DAY in kinds_said(words("Mỗi hộ đi chợ theo ngày ghi trên phiếu."))
    assert Ask.DAY not in kinds_said(words("Mức hưởng hằng tháng bằng 60% tiền lương."))
    # A rank, travel, history: no day.
    assert Ask.DAY not in kinds_said(words("Mũi thứ hai tiêm sau mũi đầu 8 tuần."))
    assert Ask.DAY not in kinds_said(words("Khách du lịch được vào tỉnh khi có giấy xét nghiệm."))
    assert Ask.DAY not in kinds_said(words("Người có lịch sử đi về vùng dịch phải khai báo."))


def test_free_says_a_cost_but_no_price() -> None:
    free = kinds_said(words("Gói thuốc được trạm y tế cấp miễn phí."))
    assert Ask.COST in free and Ask.PRICE not in free
    assert Ask.PRICE in kinds_said(words("Giá dịch vụ do bệnh viện niêm yết."))
    assert Ask.PRICE in kinds_said(words("Mỗi lần test 238.000 đồng."))


def test_an_answer_without_numbers_or_costs_says_neither() -> None:
    said = kinds_said(words("Hãy gọi ngay cho đội cấp cứu, không chờ nhắn tin."))
    assert not said & {Ask.COST, Ask.HOUR, Ask.DURATION, Ask.REISSUE}


def _entry(id: str, questions: tuple[str, ...], answer: str) -> FaqEntry:
    return FaqEntry(id, questions, answer, "quy_dinh", "published")


@pytest.fixture
def index() -> FaqIndex:
    index = FaqIndex(words)
    index.rebuild(
        [
            _entry(
                "nha-van-hoa",
                # A variant asks a cost the answer never names (as citizens' variants do).
                (
                    "Nhà văn hóa phường có mở cửa không?",
                    "nha van hoa mo cua chua",
                    "Vào nhà văn hóa phường có mất tiền không?",
                ),
                "Nhà văn hóa phường mở cửa lại cho người dân sinh hoạt, giữ khoảng cách.",
            ),
            _entry(
                "ho-boi",
                ("Hồ bơi thành phố có mở cửa không?", "ho boi mo cua chua"),
                "Hồ bơi thành phố mở cửa từ 6 giờ đến 20 giờ, thu tiền vé 20.000 đồng một lượt.",
            ),
            _entry(
                "thu-vien",
                ("Thư viện tỉnh có cho mượn sách không?",),
                "Thư viện tỉnh cho mượn sách khi có thẻ bạn đọc.",
            ),
        ]
    )
    return index


def test_an_entry_whose_answer_never_says_what_is_asked_is_offered_not_answered(
    index: FaqIndex,
) -> None:
    assert index.lookup("nhà văn hóa phường có mở cửa không").answer is not None
    for question in ("vào nhà văn hóa phường có mất tiền không", "nha van hoa mo toi may h"):
        found = index.lookup(question)
        assert found.answer is None
        assert index.search(question)[0].unsaid
        assert found.suggestions[:1] == (index.get("nha-van-hoa"),)


def test_an_entry_whose_answer_says_what_is_asked_answers(index: FaqIndex) -> None:
    for question in ("vào hồ bơi thành phố có mất tiền không", "ho boi mo toi may h"):
        found = index.lookup(question)
        assert found.answer is not None and found.answer.id == "ho-boi"


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("chủ nhà có được giữ thẻ bảo hiểm của người thuê không", {"giu"}),
        ("luong huu co bi tru khi nhan tien ho tro ko", {"tru"}),
        ("người bán hàng rong có cần phải đóng thuế không", {"dong"}),
        ("có nên mang theo căn cước không", {"mang"}),
        ("được nhận tiền chưa", {"nhan"}),
        ("giấy này phải ký ở đâu", set()),  # "phải" after a noun is no question's predicate
        ("xin hỏi giờ mở cửa của chợ", set()),
    ],
)
def test_the_word_a_yes_no_question_asks_about(question: str, asked: set[str]) -> None:
    assert predicates(words(question)) == asked


def test_an_entry_that_never_says_the_predicate_covers_less() -> None:
    coverage = Coverage(
        [
            FaqEntry(
                "the-xanh",
                ("Thẻ xanh là gì, làm thẻ xanh ở đâu?",),
                "Thẻ xanh được cấp tại trạm y tế phường cho người đã tiêm đủ hai mũi.",
                "tiem_chung",
                "published",
            ),
            FaqEntry(
                "xe-buyt",
                ("Xe buýt chạy lại chưa?",),
                "Xe buýt chạy lại từ tuần sau, hành khách giữ khoảng cách.",
                "giao_thong",
                "published",
            ),
        ],
        words,
    )
    told = coverage.uncovered("the-xanh", words("nhân viên thu thẻ xanh của khách"))
    asked = coverage.uncovered("the-xanh", words("nhân viên có được thu thẻ xanh của khách không"))
    assert 0.0 < told < asked

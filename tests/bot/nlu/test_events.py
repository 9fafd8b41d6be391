"""A tip told as an event at a place, with no report verb, is a report (`events`)."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.base import INTENTS, Intent, ParseResult
from hotline.bot.nlu.events import TIP_CONFIDENCE, tip_kind, tipped


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("tiệm net đầu hẻm 40 tối nào cũng tụ tập cả chục đứa nhỏ", "report_violation"),
        ("quan bun bo cho 12 khach ngoi trong nha, ko ai deo khau trang", "report_violation"),
        ("hiệu thuốc cạnh chợ Lái Thiêu bán kit test không nhãn mác", "report_violation"),
        ("tổ dân phố 6 đòi mỗi hộ nộp 30 nghìn tiền phun thuốc", "report_violation"),
        (
            "xưởng mộc ở Tân Phước Khánh trừ lương thợ nghỉ cách ly, ai nghỉ là bị đuổi",
            "report_violation",
        ),
        ("nhà nghỉ Hoa Mai có khách đang F1 mà vẫn ra vào tự do", "report_contact"),
        ("bà bán rau ở chợ Bưng dương tính mà sáng nay vẫn ra bán", "report_contact"),
        ("xuong go o ap 3 bat tho F1 van di lam", "report_violation"),  # "xưởng", bare
        # Help asked for others, not for oneself: still a tip.
        ("mong chính quyền giúp đỡ, quán karaoke ở ấp 2 vẫn mở cửa tới khuya", "report_violation"),
        (
            "điểm tiêm sáng nay đông, ai cũng chen chúc chờ từ 5 giờ",  # "điểm tiêm": a place
            "report_violation",
        ),
    ],
)
def test_a_tip_told_as_an_event_is_a_report(text: str, kind: str) -> None:
    assert tip_kind(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "tiệm net đầu hẻm cho tụ tập thì có bị phạt không",  # asked
        "quán ăn để khách ngồi không khẩu trang thì phạt bao nhiêu",
        "ai không đeo khẩu trang ở chợ thì bị phạt hả",
        "tôi là F0 ở phòng trọ số 2, đi chợ mua đồ được không",  # the asker's own status
        "ban quản lý chợ đề nghị bà con đeo khẩu trang để khỏi tụ tập",  # a rule, no event
        "tôi ở chung cư Sora, xin được hỏi F1 thì đi chợ thế nào",  # asking said inside
        "người dân tụ tập đông người",  # no place named
        "quán phở đầu hẻm 5 ngon lắm",  # no violation
        # Words that fold like a place, or hold one, and are none: "tiêm", "hồ sơ", "xã hội".
        "F1 tiêm mũi 3 xong rồi vẫn ra ngoài",
        "f1 tiem mui 3 roi van ra ngoai",
        "em nộp hồ sơ hỗ trợ rồi mà vẫn bị trừ lương",
        "bảo hiểm xã hội trừ lương tháng này",
        "em bị tiểu đường, đang cách ly mà vẫn ra ngoài",
        "F1 di xuong nha hang xom choi roi van ra ngoai",  # a neighbour's house, "xuống"
        "lien quan den F1 ma van ra ngoai",  # "liên quan"
        # The asker's own case: help asked for oneself, or the asker who goes about.
        "em F1 cách ly ở nhà, công ty trừ lương, xin hỗ trợ ạ",
        "tôi F0 ở phòng trọ, chủ trọ đòi 500k mới cho ở tiếp, giúp tôi với",
        "vợ tôi F0, tôi vẫn đi làm ở công ty bình thường",
    ],
)
def test_a_question_or_a_rule_is_no_tip(text: str) -> None:
    assert tip_kind(text) is None


def _parse(text: str, name: str, confidence: float) -> ParseResult:
    top = Intent(name, confidence)
    rest = (Intent(n, (1 - confidence) / (len(INTENTS) - 1)) for n in INTENTS if n != name)
    return ParseResult(text, top, (), (top, *rest))


def test_the_model_s_question_becomes_the_report() -> None:
    text = "quán karaoke ở ấp 2 vẫn mở cửa tới khuya"
    parse = tipped(_parse(text, "ask_faq", 0.7))
    assert parse.intent == Intent("report_violation", TIP_CONFIDENCE)
    assert parse.intent_ranking[0] == parse.intent
    assert sum(i.confidence for i in parse.intent_ranking) == pytest.approx(1.0)


def test_an_emergency_or_a_sure_report_is_left_alone() -> None:
    text = "quán karaoke ở ấp 2 vẫn mở cửa tới khuya"
    emergency = _parse(text, "emergency", 0.6)
    assert tipped(emergency) is emergency
    sure = _parse(text, "report_violation", 0.95)
    assert tipped(sure) is sure


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("nhà xe Phương Nam chở hai người đang F0 về quê chuyến 5 giờ sáng", "report_contact"),
        ("chuyến xe buýt số 3 có khách dương tính mà tài xế vẫn cho đi", "report_contact"),
        ("trưởng khu phố 5 chia gạo chỉ cho người nhà, dân nghèo không có", "report_violation"),
        ("tổ covid ấp 4 ăn bớt tiền hỗ trợ của mấy hộ nghèo", "report_violation"),
    ],
)
def test_a_vehicle_carrying_a_positive_person_and_support_handed_out_unfairly(
    text: str, kind: str
) -> None:
    assert tip_kind(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "bà ở khu phố 2 một mình, hết dầu ăn, chân đau không đi chợ được",  # not skimming
        "xe khách chở người dương tính thì có bị phạt không",  # asked
        "tôi chở ba đang F0 đi viện bằng xe máy được không",  # asked, one's own
    ],
)
def test_folded_look_alikes_and_questions_are_no_such_tip(text: str) -> None:
    assert tip_kind(text) is None


def test_someone_passing_for_an_office_told_is_a_violation() -> None:
    assert tip_kind("hai người giả danh cán bộ phường đi từng nhà thu tiền xét nghiệm") == (
        "report_violation"
    )
    assert tip_kind("có ai mạo danh tổng đài gọi cho tôi, vậy phải làm sao") is None  # asks


@pytest.mark.parametrize(
    "text",
    [
        "tổ trưởng khu phố 6 khấu trừ của mỗi nhà 150 nghìn tiền trợ cấp, bảo là lập quỹ",
        "xưởng gỗ ở ấp 5 không cấp đồ bảo hộ cho công nhân bốc xếp khu có F0",
        "đám giỗ nhà ông Tư ở hẻm 12 trưa nay hơn 50 người, ngồi kín sân",
    ],
)
def test_support_withheld_gear_not_given_and_a_crowded_feast_are_reports(text: str) -> None:
    assert tip_kind(text) == "report_violation"

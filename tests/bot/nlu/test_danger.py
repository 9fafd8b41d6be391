"""The emergency net: a danger sign happening now is an emergency, a question or a history not."""

# ruff: noqa: F401, F811  (pytest fixtures are imported from tests/support/rasa.py)

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest

from hotline.bot.dialogs.router import EMERGENCY_INTERRUPT
from hotline.bot.nlu.base import Intent, ParseResult
from hotline.bot.nlu.danger import DANGER_CONFIDENCE, escalated, in_danger
from hotline.bot.nlu.fallback import FallbackNLU
from hotline.bot.nlu.local import LocalNLU
from hotline.bot.nlu.rasa_client import RasaClient
from tests.support.rasa import FAKE_TOKEN, FakeRasa, fake_rasa

ACCIDENT = "xe tải tông xe máy ở ngã ba Sở Sao, người chạy xe nằm dưới đường chảy máu nhiều"


@pytest.mark.parametrize(
    "text",
    [
        ACCIDENT,
        "ngay trước quán vừa có tai nạn, xe ben cán người đi bộ, máu chảy nhiều lắm",
        "có người nằm trước cổng chợ bất tỉnh",
        "xe tai tong xe may o nga ba so sao nguoi nam duoi duong chay mau nhieu",
        "con em 8 thang dang co giat o nha ma khu em bi phong toa, cuu em voi",
        "Bé nhà em đang lên cơn co giật, mắt trợn ngược, khu đang phong tỏa không ra được",
        "ông nội em ngã trong nhà tắm giờ gọi không dậy",
        "ba toi dang kho tho, moi tim tai, nhanh len giup voi",
        "mẹ em bất tỉnh rồi, không tỉnh lại, nhà ở khu cách ly",
        "cháy nhà ở hẻm 12 đường Yersin, có người mắc kẹt",
        "có người đang đuối nước ở hồ Bàu Bàng",
        "thằng bé rớt xuống ao sau nhà không biết bơi, cứu với",
        "cong nhan bi dien giat o xuong, dang bat tinh",
        "ck toi uong thuoc tru sau roi, cuu",
        "ban cung phong em noi muon tu tu, dang dung tren lan can",
        "hàng xóm đang cầm dao dọa giết vợ",
        "vợ em vỡ ối mà xe cứu thương chưa ai tới, cần gấp",
        "F0 o nha spo2 con 85, met lam, giup em",
        "co nguoi nga giao o cong trinh, dau chay mau, mau len",
        "ba em bi dot quy, meo mieng, lien di",
        "bé đang co giật phải làm sao bây giờ",  # asks, but it is happening
        "em bi duoi nuoc o ho, cuu",  # without marks a sign that folds like another word counts
        "bé đg co giật, cứu em",  # and through teencode
        # "GẤP" written with its mark, and a sign felt so much that it is felt now
        "GẤP: chồng tôi F0 đang cách ly, tím môi, nhà số 5 ngõ 3 phố Huế",
        "gấp lắm, bà tôi 80 tuổi khó thở, con cháu đi làm hết",
        "em F0 ở trọ một mình, khó thở quá, không ai đưa đi",
        "ba tôi thở dốc lắm, môi hơi tím, nhà ở thôn 2",
        "mẹ tôi F0 đang khó thở, môi tím, phải làm gì",  # two signs told: happening
    ],
)
def test_a_danger_sign_happening_now_is_an_emergency(text: str) -> None:
    assert in_danger(text)


@pytest.mark.parametrize(
    "text",
    [
        # questions about emergencies and the rules
        "nếu bị khó thở thì gọi số nào",
        "neu bi kho tho thi goi so nao",
        "F0 cách ly tại nhà khi nào cần đi viện",
        "dấu hiệu nặng của F0 là gì",
        "mẹ em đang ho, thở mệt thì có cần vô viện không",
        "tai nạn giao thông có được hỗ trợ theo nghị quyết 68 không",
        "spo2 97 có sao không",
        # histories for the health consultant
        "hồi tháng trước tôi bị co giật, tiêm được không",
        "ngày trước bé bị sốt co giật, giờ bé khỏe, có cần khám lại không",
        "hoi thang truoc toi bi co giat, tiem dc ko",
        "em bị động kinh, đang uống thuốc, có tiêm vaccine được không",
        "bệnh nhân đột quỵ có được tiêm mũi 3 không",
        # words that fold like a sign or like "now"
        "cho em hỏi từ từ thì bao lâu có kết quả xét nghiệm",
        "chờ xíu em gửi địa chỉ",
        "không tính phí xét nghiệm đúng không",
        "tôi đang chạy xe về quê có cần giấy gì",
        "siêu thị bán rau gấp đôi giá",
        "F0 khó thở thì tiền thuốc gấp ba lần, có được hỗ trợ không",
        "khó thở quá thì có cần đi viện không",  # felt now, but asked
        "mai tôi cần gặp bác sĩ vì hay bị khó thở",  # "gặp", not "gấp"
        "tôi đang khó thở, mới tìm được chỗ khám, khám ở đó có mất tiền không",  # "mới tìm"
        "xin cứu trợ gạo cho gia đình khó khăn",
        # signs and "now" that fold into everyday words, written with the other marks
        "Em đang bị đuổi khỏi phòng trọ, giúp em với",
        "Tôi bị đuổi việc, bây giờ không có tiền ăn",
        "Tôi đang tìm tài xế chở hàng",
        "phường yêu cầu các hộ treo cờ",
        "tôi đang dưới quê muốn lên thành phố",
        "giờ em phải vô đâu để xét nghiệm, giúp em với",
        "xe khách đang dừng xe đón khách giữa đường",
        "công ty bất động sản đang tụ tập đông người",
        "bây giờ cửa hàng bị đánh giá là vùng đỏ, cứu với",
        # reports, asking and questions
        "quán nhậu đường Lê Lợi đang tụ tập đông người",
        "nhà em đang cách ly có được nhận gói hỗ trợ không",
        "mẹ em đang bị sốt nhẹ, ho, uống thuốc gì",
    ],
)
def test_a_question_a_history_or_anything_else_is_not(text: str) -> None:
    assert not in_danger(text)


def _parse(text: str, *ranking: tuple[str, float]) -> ParseResult:
    intents = tuple(Intent(name, confidence) for name, confidence in ranking)
    return ParseResult(text, intents[0], (), intents)


def test_the_net_turns_a_parse_into_an_emergency_that_interrupts_a_form() -> None:
    parse = _parse(ACCIDENT, ("out_of_scope", 0.6), ("ask_faq", 0.3), ("emergency", 0.1))
    result = escalated(parse)
    assert result.intent == Intent("emergency", DANGER_CONFIDENCE)
    assert result.intent.confidence >= EMERGENCY_INTERRUPT
    assert [i.name for i in result.intent_ranking] == ["emergency", "out_of_scope", "ask_faq"]
    assert sum(i.confidence for i in result.intent_ranking) == pytest.approx(1.0)
    assert result.text == ACCIDENT


def test_a_parse_without_danger_or_already_sure_is_left_as_it_is() -> None:
    question = _parse("nếu bị khó thở thì gọi số nào", ("ask_faq", 0.7), ("emergency", 0.3))
    assert escalated(question) is question
    sure = _parse(ACCIDENT, ("emergency", 0.99), ("ask_faq", 0.01))
    assert escalated(sure) is sure


@pytest.fixture(scope="module")
def local_nlu(nlu_model_dir: Path) -> LocalNLU:
    return LocalNLU.load(nlu_model_dir)


async def test_the_local_nlu_applies_the_net(local_nlu: LocalNLU) -> None:
    result = await local_nlu.parse(ACCIDENT)
    assert result.intent.name == "emergency"
    assert result.intent.confidence >= EMERGENCY_INTERRUPT


async def test_the_bot_with_rasa_applies_the_net(
    fake_rasa: tuple[FakeRasa, str], local_nlu: LocalNLU
) -> None:
    fake, url = fake_rasa
    fake.intents[ACCIDENT] = ("ask_faq", "khan-cap-goi-115")
    async with aiohttp.ClientSession() as session:
        nlu = FallbackNLU(RasaClient(session, url, FAKE_TOKEN), local_nlu)
        result = await nlu.parse(ACCIDENT)
    assert nlu.name == "rasa"
    assert result.intent.name == "emergency"
    assert result.intent.confidence >= EMERGENCY_INTERRUPT


@pytest.mark.parametrize(
    "text",
    [
        "ông nội tự nhiên méo miệng, nói không ra tiếng, giờ tính sao đây",
        "bé nhà mình co giật từng cơn mà hẻm bị rào, phải làm sao cho bé ra viện đây",
    ],
)
def test_a_sign_with_what_to_do_now_asked_in_distress_is_an_emergency(text: str) -> None:
    assert in_danger(text)


@pytest.mark.parametrize(
    "text",
    [
        "F1 ở nhà mấy ngày thì làm sao đây",  # distress, but no danger sign
        "nếu bé co giật thì làm sao đây",  # a sign, in a hypothetical
    ],
)
def test_distress_without_a_sign_happening_is_not(text: str) -> None:
    assert not in_danger(text)


@pytest.mark.parametrize(
    "text",
    [
        "help! my son cannot breathe, his lips are blue",
        "my neighbour passed out on the street right now, we need help",
        "my uncle collapsed in the yard and is not responding",
        "a boy is drowning in the canal behind our house",
        "the kitchen is on fire, my mother is inside",
        "she says she will kill herself tonight",
    ],
)
def test_a_danger_sign_in_english_happening_now(text: str) -> None:
    assert in_danger(text)


@pytest.mark.parametrize(
    "text",
    [
        "what should I do if someone can't breathe?",
        "I had a seizure last year, can I get the shot?",
        "what to do if an old man collapses at the market?",
        "my father fainted years ago after a shot, is the booster safe for him?",
        "what are the signs of a heart attack",
    ],
)
def test_a_danger_sign_asked_about_in_english_is_none(text: str) -> None:
    assert not in_danger(text)


@pytest.mark.parametrize(
    "text",
    [
        "ông ngoại ngã trong bếp, gọi không tỉnh, nhanh giúp em",
        "bảo vệ trực ca nằm gục ngoài cổng, có dấu hiệu co giật, không lay tỉnh được",
    ],
)
def test_someone_who_cannot_be_woken_is_in_danger(text: str) -> None:
    assert in_danger(text)


@pytest.mark.parametrize(
    "text",
    [
        "gọi 1022 không tính phí đúng không",  # "gọi không tính": a free call
        "goi tong dai khong tinh tien phai khong",
        "F0 có dấu hiệu nào thì phải đi viện",
    ],
)
def test_a_free_call_or_signs_asked_about_are_not(text: str) -> None:
    assert not in_danger(text)


@pytest.mark.parametrize(
    ("text", "danger"),
    [
        ("SpO2 dưới 94 rồi", True),
        ("spo2 của ba xuống dưới 93", True),
        ("spo2 dưới 96 là sao", False),
    ],
)
def test_a_reading_below_the_line_is_read_as_low(text: str, danger: bool) -> None:
    assert in_danger(text) is danger


@pytest.mark.parametrize(
    "text",
    [
        "ba tôi đang khó thở, môi tím, cần chuẩn bị gì",  # asked what to bring: still happening
        "ông tôi bất tỉnh rồi, chuẩn bị gì",  # a strong sign come about
    ],
)
def test_a_sign_happening_asked_what_to_prepare_is_an_emergency(text: str) -> None:
    assert in_danger(text)

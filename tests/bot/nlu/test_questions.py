"""Whether a message is put as a question (the router asks the FAQ before filing a report)."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.questions import is_question


@pytest.mark.parametrize(
    "text",
    [
        "hàng xóm là F1 thì phải ở nhà bao lâu",
        "F1 cach ly may ngay",
        "quán cà phê có được mở cửa không",
        "đi làm cần giấy gì?",
        "khai báo y tế ở đâu",
        "tai sao phai cach ly",
        "thuốc kháng virus là gì",
        "tiền thuê trọ được hỗ trợ mấy tháng",
        "ai chịu trách nhiệm chở F0 vào bệnh viện",
        "sao tiêm rồi vẫn bị lây",
        "xin hỏi giấy đi đường",  # asking leave to ask
        "cho em hỏi quán ăn mở tới mấy giờ",
        "Cho hỏi xét nghiệm ở phường Phú Cường",
        "trẻ em tiêm mũi 3 chưa ạ",
        "chợ đầu mối mở lại chưa ad ơi",
        "tiêm xong uống rượu được ko a",
        "nên gọi cấp cứu hay tự chở ông đi viện",  # a choice: "nên ... hay ..."
        "con em nen tiem pfizer hay moderna",
        "em trai tôi là F1 thì ở nhà mấy hôm",  # "mấy hôm", "mấy tuổi": how many
        "tre may tuoi moi duoc tiem",
        "que test loại nào được phép dùng",
        "F0 ở nhà thì ai mang thuốc tới",
        "tiêm đủ hai mũi rồi sao vẫn dương tính",
        "ad ơi cho em hỏi về giấy đi đường",  # a greeting before asking leave to ask
        "dạ cho hỏi chợ Thủ Dầu Một mở lúc nào",
        "mấy giờ rồi ad",
        "tờ khai gồm những gì",  # what it consists of
        "nhà hàng có được mở không hay vẫn đóng",  # "có ... không hay ...": or not
        "hết tiền thì đến đâu xin trợ cấp",
        "tiêm bị sốt thì gọi ai",
        "xin cho em biết lịch tiêm ở phường",  # a request for guidance
        "đề nghị hướng dẫn cách khai báo",
        "mã QR bị lỗi, ai cấp lại",  # a later clause opening with "ai"
    ],
)
def test_questions(text: str) -> None:
    assert is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "hàng xóm là F1 mà ngày nào cũng ra chợ, chưa khai báo",
        "quán nhậu đầu hẻm 5 vẫn mở cửa đông người",
        "báo tin có F0 ở phòng trọ số 6",
        "người già neo đơn không có gì ăn",
        "tài xế xe khách tuyến Bến Cát dương tính vẫn chạy",  # "tai" is not "tại sao"
        "ai cũng tụ tập ở quán nước đầu ngõ",
        "xưởng gỗ ở Tân Uyên có 3 công nhân F0 vẫn chạy máy",
        "quán karaoke đường Lê Lợi mở hát tới khuya ạ",
        "nhà bên cạnh có F0 mà không khai báo ad ơi",
        "quán bida hẻm 3 hay mở tới khuya, nên kiểm tra",  # "hay" as "often", no choice
        "cả dãy trọ nhịn đói mấy hôm nay rồi",  # how long it has lasted
        "chồng em mất việc mấy tháng rồi, không có thu nhập",
        "ai giúp nhà em ít gạo với",  # a plea
        "quán nào cũng bán cho khách ngồi tại chỗ",  # "every", not "which"
        "nhà đó có F0 thì ai cũng sợ",
        "bà bán xôi đầu hẻm ho sốt mấy ngày mà vẫn bán",
        "họ tụ tập như vậy là không hay, cần nhắc nhở",  # no "có": "not good"
        "xưởng có F0 mà vẫn bắt làm, ai nghỉ thì trừ lương",  # "ai ... thì": whoever
        "chủ quán đề nghị khách ngồi sát nhau",  # "đề nghị" inside, no guidance asked
        "",
    ],
)
def test_reports_and_tips(text: str) -> None:
    assert not is_question(text)


def test_a_bare_question_mark_is_no_question() -> None:
    assert not is_question("?")
    assert not is_question("??")
    assert is_question("f1 ?")


@pytest.mark.parametrize(
    "text",
    [
        # "nào" inside the message, asking which.
        "trạm y tế nào để đăng ký tiêm mũi 4",
        "nha thuoc nao ban que test re",
        # A clause before the last, closing with "có ... không" / "đã ... chưa".
        "quán bún bò đầu hẻm đã bán lại chưa ta, tui đói quá",
        "chích mũi 3 có sốt không, mai em đi làm",
        # A choice: "thì X hay Y", "là X hay Y", "X hay X'".
        "con tôi học lớp 5 thì tiêm ở trường hay ở trạm",
        "giấy đi đường xin ở công an hay ở phường",
        "vùng vàng là nguy cơ thấp hay trung bình",
        # Wanting to know, a group addressed at the end, English.
        "em muốn biết ai cấp giấy xác nhận hoàn thành cách ly",
        "F1 có được đi chợ không mấy anh",
        "how long do F1 stay at home, thanks",
        # A formal salutation before a request for guidance.
        "Kính gửi Tổng đài: đề nghị hướng dẫn thủ tục nhận gói hỗ trợ",
    ],
)
def test_questions_in_more_shapes(text: str) -> None:
    assert is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        # A negation before "ai" or "nào": nobody, none.
        "xưởng may có 3 người dương tính mà chủ không cho ai về",
        "bà cụ ở một mình, không nhờ ai được, nhà không còn hạt gạo nào",
        # "máy" written so is the machine, not "mấy".
        "xe hư máy nằm đường 3 ngày, không ai bắt máy",
        # "nào cũng": every; "hay" after who does it or before "bị": often.
        "quán nhậu đầu hẻm tối nào cũng mở nhạc",
        "sáng nào bà đó cũng ra chợ không đeo khẩu trang",
        "app khai báo hay bị treo, tối thì tụi nó hay tụ tập",
        # A "không" closing a clause with no helper verb before it.
        "dạ không, nhà em ở phường Phú Cường",
    ],
)
def test_reports_and_pleas_in_more_shapes(text: str) -> None:
    assert not is_question(text)


@pytest.mark.parametrize("text", ["hả", "sao", "gì ad", "hả ad ơi"])
def test_a_bare_particle_asks_nothing(text: str) -> None:
    assert not is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "muốn làm giấy xác nhận F0 khỏi bệnh thì nhờ ai",
        # Not at the end, where "vậy" alone asked already before "sao vậy" was a phrase.
        "app khai báo báo lỗi hoài là sao vậy mọi người",
        "không đeo khẩu trang ở chợ thì phạt mấy trăm",
        "oxy máu còn mấy phần trăm thì phải đi viện",
    ],
)
def test_whom_to_ask_why_and_how_much(text: str) -> None:
    assert is_question(text)


def test_nobody_to_ask_is_no_question() -> None:
    assert not is_question("bà ở một mình, không nhờ ai đi chợ được")


@pytest.mark.parametrize(
    "text",
    [
        "mấy trăm công nhân tan ca tụ tập trước cổng xưởng",  # several hundred, told
        "cả nhà em không sao vậy là mừng rồi",  # "không sao": no matter
        "cố lên nào mọi người, chống dịch thôi",  # "nào" urging
    ],
)
def test_several_hundred_no_matter_and_urging_ask_nothing(text: str) -> None:
    assert not is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "tôi xin phép hỏi về thời gian làm việc của chợ",
        "xin được hỏi quy định mới về giấy đi đường",
        "cho tôi được hỏi về tiền hỗ trợ người lao động",
        "kính hỏi quý cơ quan về thủ tục nhận hỗ trợ",
        "Thưa Tổng đài, xin được hỏi các điểm tiêm mở cửa lúc mấy giờ, để tôi báo lại cho bà con",
    ],
)
def test_asking_leave_formally_asks(text: str) -> None:
    assert is_question(text)


def test_leave_to_report_asks_nothing() -> None:
    assert not is_question("xin được phản ánh việc hàng xóm hát karaoke suốt đêm")


@pytest.mark.parametrize(
    "text", ["có ai xuống tận nhà không rứa", "ho mấy bữa nay có phải covid không hè"]
)
def test_the_centres_trailing_particles(text: str) -> None:
    assert is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "quán nhậu bắt nhân viên đi làm, ai xin nghỉ thì cắt lương",
        "ai bước ra khỏi khu cách ly là bị phạt nặng",
        "xưởng gỗ có F1 mà ai không lên ca sẽ bị đuổi",
        "ai nghỉ ốm còn bị đuổi",
        "ai không đi làm trừ lương",
    ],
)
def test_whoever_is_told(text: str) -> None:
    """ "ai" + what one does + what comes of it: whoever, told."""
    assert not is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "ai bước ra khỏi khu cách ly là bị phạt hả",  # a final particle still asks
        "ai không lên ca thì bị đuổi?",
        "ai bị phạt khi tụ tập",  # who is fined
        "ai là người cấp giấy xác nhận",
        # "là", "còn", "bị" before no penalty, or "phạt", "trú", "cắt" alone: who is asked.
        "ai cấp giấy xác nhận là đã khỏi bệnh",
        "ai đưa con tôi đi tiêm",
        "ai chăm sóc người bị F0 ở nhà",
        "ai có quyền phạt người không đeo khẩu trang",
        "ai tạm trú ở đây được nhận tiền",
    ],
)
def test_whoever_asked_still_asks(text: str) -> None:
    assert is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "quán nhậu đầu hẻm mở tới khuya, đêm nào cũng vậy",  # likewise, every night
        "tiệm cắt tóc cho khách ngồi chờ đông, làm như vậy",
    ],
)
def test_likewise_and_so_at_the_end_ask_nothing(text: str) -> None:
    assert not is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "công ty bắt công nhân xét nghiệm mỗi tuần, vậy tiền xét nghiệm công ty chịu hay mình trả",
        "con tôi học ở quê, vậy tiêm ở quê hay ở đây",
        "ở đâu cũng vậy hả",  # a final particle after "cũng vậy" still asks
        "sao quán đó lại như vậy?",
    ],
)
def test_a_choice_after_so_and_a_final_particle_ask(text: str) -> None:
    assert is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kính gửi tổng đài, tôi là tổ trưởng dân phố. Xin cho biết hồ sơ hỗ trợ gồm những gì.",
        "nhà tôi mở tiệm may nhỏ, mong được giải đáp về mức hỗ trợ hộ kinh doanh",
        "đám cưới ở quê có được làm 20 mâm hông nghen",
    ],
)
def test_a_request_for_guidance_later_on_and_a_southern_tag_ask(text: str) -> None:
    assert is_question(text)


@pytest.mark.parametrize(
    "text",
    ["thôi cô cúp máy nghen", "mong được giải quyết sớm, hàng xóm tụ tập nhậu mỗi tối"],
)
def test_a_closing_tag_or_a_plea_asks_nothing(text: str) -> None:
    assert not is_question(text)


def test_trailing_and_opening_words_are_taken_off_in_one_slice() -> None:
    # Taken off a word at a time, "ạ" x 8,000 copied the list 8,000 times (69 ms at 16,000
    # characters, four times the 8,000's): now one slice each way, as before in what they keep.
    assert not is_question("a." * 8000)
    assert not is_question("dạ " * 4000 + "vâng")
    assert is_question("dạ dạ cho em hỏi F1 cách ly mấy ngày ạ ạ ạ")


def test_a_lists_comma_inside_co_khong_still_asks() -> None:
    assert is_question("phí xét nghiệm có miễn cho trẻ em, người già không, nhà tôi đông người")
    assert not is_question("nhà có ông bà, trẻ nhỏ, không ai trông, tôi đi làm cả ngày")


def test_nobody_doing_anything_asks_nothing() -> None:
    assert not is_question("chợ tự phát họp cả buổi sáng, không ai nhắc nhở gì")
    assert is_question("F0 ở nhà thì không được làm gì")


@pytest.mark.parametrize(
    "text",
    [
        "tiêm mũi ba xong có được tắm không con",
        "chợ Lái Thiêu mở lại chưa tổng đài",
        "xét nghiệm nhanh ở trạm có mất tiền không bot",
        "nghe nói sắp cấm chợ, thiệt hông vậy mọi người",
    ],
)
def test_whom_it_is_asked_of_may_follow_the_asking_particle(text: str) -> None:
    assert is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "gà nhà tôi bị cúm, chết mấy con",  # several
        "cây xăng đầu hẻm đóng cửa không bán",  # "bán" folds into "bạn"
        "chào mấy cô chú tổng đài",  # an uncle, not "chứ"
    ],
)
def test_a_told_sentence_ending_so_asks_nothing(text: str) -> None:
    assert not is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "hồ bơi thành phố mở cửa lại chưa, tôi định cho con đi học bơi",
        "Bình Phước đang ở cấp độ mấy, tôi định chở hàng lên đó",
        "trưởng khu phố tên gì, tôi muốn gặp",
    ],
)
def test_an_asking_word_closing_an_earlier_clause_asks(text: str) -> None:
    assert is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "xe hư cả tuần không chạy được chuyến nào, nhà hết gạo",  # none
        "không còn câu hỏi nào, tạm biệt",
        "bot trả lời như cái máy, chán thật",  # a machine, not "mấy"
        "tôi làm công nhân may, lương tháng này chưa có",
    ],
)
def test_a_negated_or_other_word_closing_an_earlier_clause_does_not(text: str) -> None:
    assert not is_question(text)

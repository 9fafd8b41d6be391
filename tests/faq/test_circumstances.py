"""The circumstances a question asks about and an answer says (`hotline.faq.circumstances`), read
as kinds of `hotline.faq.asks.Ask`."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.normalize import words
from hotline.faq.asks import Ask, kinds_asked, kinds_said


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("con trai tôi nhận thay tiền hỗ trợ được không", Ask.PROXY),
        ("ba toi lay gium giay xac nhan dc ko", Ask.PROXY),
        ("làm giấy ủy quyền cho vợ nộp hồ sơ được không", Ask.PROXY),
        ("em đi tiêm hộ cho mẹ có được không", Ask.PROXY),
        ("xin bản sao giấy khỏi bệnh được không", Ask.REISSUE),
        ("lo lam mat the bhyt roi thi sao", Ask.REISSUE),
        ("thẻ bị rách làm lại ở đâu", Ask.REISSUE),
        ("đơn xin hỗ trợ gửi xong mấy ngày thì được duyệt", Ask.DELAY),
        ("test pcr bao lau thi co ket qua", Ask.DELAY),
        ("tiền trợ cấp bao lâu sau khi nộp đủ giấy tờ thì được nhận", Ask.DELAY),
        ("gói an sinh có được phát thêm một đợt không", Ask.AGAIN),
        ("nhan roi thi xin them lan nua duoc ko", Ask.AGAIN),
        ("giấy xét nghiệm có bản cứng không", Ask.PRINTED),
        ("ket qua xet nghiem in ra o dau", Ask.PRINTED),
        ("có nhân viên nói tiếng Hoa không", Ask.LANGUAGE),
        ("nguoi nuoc ngoai can phien dich thi sao", Ask.LANGUAGE),
        ("thẻ xanh có dùng được ở nước ngoài không", Ask.ABROAD),
        ("xuat canh sang han co can test khong", Ask.ABROAD),
        ("gửi hồ sơ qua Zalo được không", Ask.CHANNEL),
        ("dang ky truc tuyen duoc ko", Ask.CHANNEL),
        ("tiền hỗ trợ nhận qua ngân hàng được không", Ask.PAYMENT),
        ("co chuyen khoan khong hay phai len phuong lay", Ask.PAYMENT),
        ("về quê mấy hôm có cần thông báo cho công ty không", Ask.TELL),
        ("nhà có người bệnh thì báo cho hàng xóm biết không", Ask.TELL),
        ("vợ em đang mang thai 5 tháng tiêm vắc xin được không", Ask.PREGNANT),
        ("bị F0 thì có cần thông báo cho công ty không", Ask.TELL_PRIVATE),
        ("phai bao cho nha truong biet khong", Ask.TELL_PRIVATE),
        ("dang cho con bu uong thuoc ha sot dc ko", Ask.PREGNANT),
        ("tiêm mũi nhắc lại khi đang mang thai được không", Ask.PREGNANT),  # the vaccine first
    ],
)
def test_a_question_asks_the_circumstance_its_words_ask(question: str, kind: Ask) -> None:
    assert kind in kinds_asked(words(question))


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # A household, a file, support: "hộ" that is nobody acting for anybody.
        ("nộp hồ sơ hỗ trợ hộ kinh doanh ở đâu", Ask.PROXY),
        ("hộ gia đình nhận hỗ trợ mấy lần", Ask.PROXY),
        ("thủ tục có thay đổi gì không", Ask.PROXY),
        ("đi làm về phải đi thay đồ rồi mới tiếp xúc với con không", Ask.PROXY),
        ("tôi bị mất việc thì được hỗ trợ gì", Ask.REISSUE),
        ("hết cách ly muốn đi làm lại thì cần giấy gì", Ask.REISSUE),
        ("khỏi bệnh rồi bao giờ công ty cho làm lại", Ask.REISSUE),
        # Folded "bạn" (you) is "ban": "bạn sao rồi" asks after someone, not for a copy.
        ("bạn sao không trả lời tin nhắn của tôi", Ask.REISSUE),
        ("ban sao vay, tra loi di", Ask.REISSUE),
        # How long a rule lasts is asked as a duration, not as a delay.
        ("f0 ở nhà mấy ngày thì xong cách ly", Ask.DELAY),
        ("cách ly bao lâu thì được ra ngoài", Ask.DELAY),
        # A second test told, not a second time asked for.
        ("test lần 2 thì âm tính rồi được đi làm chưa", Ask.AGAIN),
        ("tiêm mũi 3 cách mũi 2 bao lâu", Ask.AGAIN),
        ("thông tin hỗ trợ xem ở đâu", Ask.PRINTED),
        ("xét nghiệm mấy tiếng thì có kết quả", Ask.LANGUAGE),
        # Hours, then someone addressed ("anh") or an average ("trung bình").
        ("xét nghiệm nhanh chờ mấy tiếng anh ơi", Ask.LANGUAGE),
        ("lấy mẫu xong đợi 2 tiếng anh nhé", Ask.LANGUAGE),
        ("làm thủ tục mất 3 tiếng trung bình à", Ask.LANGUAGE),
        # Asking the bot again is no second time.
        ("cho em hỏi lần nữa, cách ly mấy ngày", Ask.AGAIN),
        ("xin hỏi thêm một lần về giấy đi đường", Ask.AGAIN),
        # A purpose asks how to get the paper; a foreigner living here is no travel.
        ("làm giấy này để đi nước ngoài thế nào", Ask.ABROAD),
        ("người nước ngoài thuê trọ ở Thuận An tiêm ở đâu", Ask.ABROAD),
        ("bệnh viện quốc tế có nhận F0 không", Ask.ABROAD),
        ("con học trường quốc tế có phải test trước khi đi học không", Ask.ABROAD),
        ("qua tháng sau có được hỗ trợ nữa không", Ask.CHANNEL),
        ("chợ đóng cửa thì mua đồ online giao tận nhà được không", Ask.CHANNEL),
        ("công nhân ở lại lán trại được không", Ask.AGAIN),
        # A pregnancy told, with no medicine or vaccine asked about.
        ("vợ tôi có bầu, nhà có F0 thì phải làm gì", Ask.PREGNANT),
        ("hỏi về nước sạch cho khu cách ly", Ask.ABROAD),
        # An account on an app is no bank account.
        ("đăng nhập vào tài khoản VNeID thế nào", Ask.PAYMENT),
        # "bảo" folds to "bao": insurance and keeping secrets are no telling.
        ("có phải bảo hiểm chi trả không", Ask.TELL),
        ("cần bảo mật thông tin người báo không", Ask.TELL),
        # "Bao" of a question or of "bao gồm": "cần bao lâu" asks how long, not whom to tell.
        ("cách ly cần bao lâu", Ask.TELL),
        ("phai bao lau moi co ket qua", Ask.TELL),
        ("hồ sơ cần bao gồm những giấy gì", Ask.TELL),
        # A baby told of is no pregnancy asked about.
        ("em mới sinh con tháng trước, giờ tiêm mũi 3 ở đâu", Ask.PREGNANT),
        # Reporting the neighbours is no telling them.
        ("tôi báo hàng xóm tụ tập thì có lộ tên không", Ask.TELL_PRIVATE),
    ],
)
def test_words_that_only_mention_a_circumstance_ask_nothing(question: str, kind: Ask) -> None:
    assert kind not in kinds_asked(words(question))


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        ("Người nhà có giấy ủy quyền được nhận thay tại phường.", Ask.PROXY),
        ("Tổ COVID nhận đi chợ hộ cho các hộ cách ly.", Ask.PROXY),
        ("Bản sao được chứng thực tại UBND xã.", Ask.REISSUE),
        ("Phòng Lao động giải quyết trong 7 ngày làm việc.", Ask.DELAY),
        ("Test nhanh cho kết quả sau 20 phút.", Ask.DELAY),
        ("Mỗi người chỉ được nhận một lần.", Ask.AGAIN),
        ("Đợt hai sẽ được thông báo sau.", Ask.AGAIN),
        ("Anh/chị có thể in chứng nhận tại trạm y tế.", Ask.PRINTED),
        ("Tổng đài trả lời bằng tiếng Việt và tiếng Anh.", Ask.LANGUAGE),
        ("Người nhập cảnh theo dõi sức khỏe 14 ngày.", Ask.ABROAD),
        ("Đăng ký trên Cổng dịch vụ công quốc gia.", Ask.CHANNEL),
        ("Tiền hỗ trợ được chi trả trực tiếp tại UBND xã.", Ask.PAYMENT),
        ("Tiền được chuyển vào tài khoản của người lao động.", Ask.PAYMENT),
        ("Anh/chị báo ngay cho trạm y tế phường.", Ask.TELL),
        ("Phụ nữ có thai từ 13 tuần được tiêm vắc xin.", Ask.PREGNANT),
        ("Người lao động báo cho doanh nghiệp để được xác nhận.", Ask.TELL_PRIVATE),
    ],
)
def test_an_answer_says_the_circumstance(answer: str, kind: Ask) -> None:
    assert kind in kinds_said(words(answer))


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        ("Hộ kinh doanh nộp hồ sơ tại UBND xã, mỗi hộ được hỗ trợ 3.000.000 đồng.", Ask.PROXY),
        ("Trạm y tế cấp giấy xác nhận khi hết thời gian cách ly.", Ask.REISSUE),
        # The citizen's own time limit says nothing of how long the office takes.
        ("Nộp hồ sơ trong 3 tháng kể từ ngày nghỉ việc.", Ask.DELAY),
        # A lump sum, not a rule on a second time.
        ("Mỗi hộ được hỗ trợ một lần 2.000.000 đồng.", Ask.AGAIN),
        ("Chứng nhận hiện trên ứng dụng sau khi tiêm.", Ask.PRINTED),
        ("Kết quả có sau 3 tiếng.", Ask.LANGUAGE),
        ("Hộ chiếu vắc xin cấp qua Cổng dịch vụ công.", Ask.ABROAD),
        ("Hồ sơ nộp tại UBND xã nơi cư trú.", Ask.CHANNEL),
        ("Người lao động được hỗ trợ 1.855.000 đồng.", Ask.PAYMENT),
        ("Mức hưởng bằng 60% tiền lương đóng bảo hiểm thất nghiệp.", Ask.TELL),
        ("Thuốc kháng virus chỉ dùng khi bác sĩ chỉ định.", Ask.PREGNANT),
        ("Anh/chị báo trạm y tế phường để được hướng dẫn.", Ask.TELL_PRIVATE),
    ],
)
def test_an_answer_that_never_speaks_of_a_circumstance_does_not_say_it(
    answer: str, kind: Ask
) -> None:
    assert kind not in kinds_said(words(answer))


def test_a_long_message_of_vaccine_words_asks_no_pregnancy() -> None:
    # Read from the line's start alone (it was a lookahead from every "mũi": quadratic).
    assert Ask.PREGNANT not in kinds_asked(words("mũi " * 1000))
    assert Ask.PREGNANT in kinds_asked(words("mũi " * 1000 + "bà bầu"))

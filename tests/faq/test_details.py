"""The exact details a question asks and an answer gives (`hotline.faq.details`), read as kinds
of `hotline.faq.asks.Ask`."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.normalize import words
from hotline.faq.asks import Ask, kinds_asked, kinds_said


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("thuốc kháng virus người lớn uống mấy viên một lần", Ask.DOSE),
        ("paxlovid lieu bao nhieu cho nguoi gia", Ask.DOSE),
        ("con tôi 4 tuổi sốt cho uống siro hạ sốt bao nhiêu ml", Ask.DOSE),
        ("vitamin C trong túi thuốc uống mỗi ngày mấy lần", Ask.DOSE),
        ("nước muối sinh lý xịt mũi ngày mấy lần", Ask.DOSE),
        ("thuốc này uống ngày mấy lần", Ask.DOSE),
        ("đang uống thuốc tiểu đường thì uống thêm thuốc hạ sốt được không", Ask.TOGETHER),
        ("thuốc ho với thuốc kháng sinh có bị trùng thuốc không", Ask.TOGETHER),
        ("gói hỗ trợ hộ kinh doanh hạn chót nộp đơn là ngày nào", Ask.DEADLINE),
        ("trợ cấp này nhận hồ sơ đến tháng nào", Ask.DEADLINE),
        ("khi nào phường ngừng nhận hồ sơ xin hỗ trợ", Ask.DEADLINE),
        ("đơn khiếu nại thời hạn giải quyết là bao lâu", Ask.DEADLINE),
        ("nghỉ việc 4 tháng rồi giờ mới nộp còn kịp không", Ask.DEADLINE),
        ("đăng ký hồ sơ trễ có được xét không", Ask.DEADLINE),
        ("cho em xin số điện thoại trạm y tế phường với", Ask.PHONE),
        ("sdt của tổ trưởng tổ dân phố là gì", Ask.PHONE),
        ("bị ngộ độc thì gọi số mấy", Ask.PHONE),
        ("xe cứu thương chở đi viện thì ai trả tiền", Ask.PAYER),
        ("tiền xét nghiệm cho khách ai chịu vậy", Ask.PAYER),
        ("làm vỡ máy đo mượn của trạm có phải đền không", Ask.PAYER),
        ("nhà bị phong tỏa mất hàng có được bồi thường không", Ask.PAYER),
        ("đi khám hậu covid bảo hiểm y tế có thanh toán không", Ask.PAYER),
        ("hủy vé vì phong tỏa có được hoàn tiền không", Ask.PAYER),
        ("người bán hàng rong được nhà nước cho bao nhiêu tiền", Ask.AMOUNT),
        ("mức hỗ trợ cho thợ hồ là bao nhiêu một tháng", Ask.AMOUNT),
        ("vé xe buýt giá bao nhiêu", Ask.AMOUNT),
        ("lệ phí cấp lại thẻ là bao nhiêu", Ask.AMOUNT),
        ("nghe nói được mấy triệu phải không", Ask.AMOUNT),
        ("con tôi là F1 thì hỗ trợ bn tiền", Ask.AMOUNT),
        ("vượt đèn đỏ mùa dịch mức phạt cụ thể là bao nhiêu", Ask.EXACT_AMOUNT),
        ("hỗ trợ mất việc chính xác được bao nhiêu tiền", Ask.EXACT_AMOUNT),
        ("làm 9 năm thì được hỗ trợ đúng bao nhiêu", Ask.EXACT_AMOUNT),
        ("vắc xin cúm cho người bao nhiêu tuổi", Ask.AGE),
        ("từ mấy tuổi thì được đi làm căn cước", Ask.AGE),
        ("độ tuổi nào được ưu tiên", Ask.AGE),
    ],
)
def test_a_question_asks_the_detail_its_words_ask(question: str, kind: Ask) -> None:
    assert kind in kinds_asked(words(question))


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # How often, not a dose: a pass used, a reading taken.
        ("giấy đi chợ một tuần được dùng mấy lần", Ask.DOSE),
        ("máy kẹp ngón tay nên đo mấy lần trong ngày", Ask.DOSE),
        # Told, not asked: how long one has been taking it.
        ("mẹ tôi đang uống thuốc huyết áp mấy ngày nay thấy mệt", Ask.DOSE),
        # Folded "xông" is "xong" (done): "khai báo xong mấy ngày" is no dose.
        ("khai báo xong mấy ngày thì có người gọi lại", Ask.DOSE),
        # A restriction, and how long a paper stays valid: no deadline to apply.
        ("giờ hạn chế ra đường còn áp dụng không", Ask.DEADLINE),
        ("giấy xét nghiệm âm tính có thời hạn không", Ask.DEADLINE),
        ("tôi muốn nộp hồ sơ hỗ trợ thì làm sao", Ask.DEADLINE),
        # Folded "số" is also "sổ" and "sở": a book, an office, no number asked.
        ("sổ bảo hiểm xã hội bị mất thì làm sao", Ask.PHONE),
        ("sở y tế ở đâu", Ask.PHONE),
        # Who answers, not who pays; the medicine pack, not one's own pocket.
        ("ai trả lời giúp tôi câu này với", Ask.PAYER),
        # More of the same course, not a second medicine.
        ("khỏi bệnh rồi có phải uống thêm thuốc bổ không", Ask.TOGETHER),
        ("tiền túi thuốc có phải trả không", Ask.PAYER),
        ("nhà bị cách ly thì ai lo gạo", Ask.PAYER),
        ("bảo hiểm xã hội tra cứu trên app được không", Ask.PAYER),
        # Whether it costs, a count, a reading, money told: no amount asked.
        ("khám ở trạm có mất tiền không", Ask.AMOUNT),
        ("đợt này phường hỗ trợ bao nhiêu người", Ask.AMOUNT),
        ("chỉ số oxy bao nhiêu là thấp", Ask.AMOUNT),
        ("tôi tốn nhiều tiền thuốc quá", Ask.AMOUNT),
        ("mượn máy k được thì mua ở đâu", Ask.AMOUNT),
        # An exact figure, but no money: a reading.
        ("nhịp thở cụ thể là bao nhiêu thì phải đi viện", Ask.EXACT_AMOUNT),
        # An age told, a machine ("máy"): no age asked.
        ("con tôi 9 tuổi bị sốt có sao không", Ask.AGE),
        ("máy tuổi thọ bao lâu", Ask.AGE),
    ],
)
def test_words_that_only_look_like_the_detail_do_not_ask_it(question: str, kind: Ask) -> None:
    assert kind not in kinds_asked(words(question))


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        ("Người lớn uống 2 viên mỗi lần, cách nhau 12 giờ.", Ask.DOSE),
        ("Liều dùng theo cân nặng do bác sĩ chỉ định.", Ask.DOSE),
        ("Hai loại thuốc này uống cách nhau 2 giờ.", Ask.TOGETHER),
        ("Hồ sơ nộp trong 60 ngày kể từ ngày có quyết định.", Ask.DEADLINE),
        ("Hạn nộp là hết ngày 31 tháng 12.", Ask.DEADLINE),
        ("Khi ngộ độc hãy gọi ngay 115.", Ask.PHONE),
        ("Đường dây nóng 19009095 trực 24/7.", Ask.PHONE),
        ("Anh/chị có thể nhắn cho Tổng đài 1022 để được chuyển đến phường.", Ask.PHONE),
        ("Xét nghiệm theo nhu cầu thì người dân tự chi trả.", Ask.PAYER),
        ("Dịch vụ này không thu phí.", Ask.PAYER),
        ("Mỗi người được hỗ trợ 1.500.000 đồng một lần.", Ask.AMOUNT),
        ("Mức hưởng bằng 75% tiền lương đóng bảo hiểm.", Ask.AMOUNT),
        ("Khám sàng lọc tại trạm là miễn phí.", Ask.AMOUNT),
        ("Mỗi hộ được hỗ trợ một lần 2.500.000 đồng.", Ask.EXACT_AMOUNT),
        ("Người từ 65 tuổi trở lên được tiêm trước.", Ask.AGE),
    ],
)
def test_an_answer_giving_the_detail_says_it(answer: str, kind: Ask) -> None:
    assert kind in kinds_said(words(answer))


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        # A medicine handed out, its amount never given.
        ("Trạm y tế cấp thuốc hạ sốt và vitamin miễn phí cho người điều trị tại nhà.", Ask.DOSE),
        # An amount paid for three months says nothing of when applications close.
        ("Người lao động được hỗ trợ 500.000 đồng/tháng, tối đa 3 tháng.", Ask.DEADLINE),
        # The hotline merely named, or where numbers are posted: no number to call given.
        ("Tổng đài 1022 tiếp nhận mọi phản ánh của người dân.", Ask.PHONE),
        ("Số điện thoại của tổ được dán tại khu phố.", Ask.PHONE),
        ("Theo Quyết định số 2618 của Bộ Y tế.", Ask.PHONE),
        # How to measure says nothing of who bears a broken meter.
        ("Kẹp máy vào ngón tay và đọc kết quả sau một phút.", Ask.PAYER),
        ("Nếu SpO2 dưới 96% gọi 115 ngay.", Ask.DOSE),
        # Not taking a medicine on one's own says nothing of taking two together.
        ("Không tự ý dùng thuốc kháng virus khi chưa có chỉ định.", Ask.TOGETHER),
        # The amount left to someone else, or money merely named: no amount given.
        ("Mức hỗ trợ do Ủy ban nhân dân tỉnh quyết định.", Ask.AMOUNT),
        ("Người dân gửi tiền cho tổ để mua hàng giúp.", Ask.AMOUNT),
        ("Ở lại theo dõi 30 phút sau khi tiêm.", Ask.AMOUNT),
        # A range one's own case falls somewhere in: no one figure.
        ("Mức phạt từ 2.000.000 đến 5.000.000 đồng tùy vi phạm.", Ask.EXACT_AMOUNT),
        ("Được hỗ trợ từ 1 triệu tới 3 triệu tùy thời gian đóng.", Ask.EXACT_AMOUNT),
        # Who may, with no age: "người cao tuổi" names none.
        ("Người cao tuổi và người có bệnh nền được ưu tiên.", Ask.AGE),
    ],
)
def test_an_answer_not_giving_the_detail_does_not_say_it(answer: str, kind: Ask) -> None:
    assert kind not in kinds_said(words(answer))

"""What a question asks and an answer says of the circumstances (`hotline.faq.circumstances`) and
the exact details (`hotline.faq.details`) a rule's answer seldom gives, read as kinds of
`hotline.faq.asks.Ask`: the same shape for both, one table each way."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.normalize import words
from hotline.faq.asks import Ask, kinds_asked, kinds_said


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # Circumstances.
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
        # Exact details.
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
        ("mức trần tiền hỗ trợ học phí là bao nhiêu", Ask.CEILING),
        ("gửi xe ở bến tối đa được mấy ngày", Ask.CEILING),
        ("mỗi lần nhiều nhất là bao nhiêu người", Ask.CEILING),
    ],
)
def test_a_question_asks_what_its_words_ask(question: str, kind: Ask) -> None:
    assert kind in kinds_asked(words(question))


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # Circumstances.
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
        # Exact details.
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
        # A ceiling told, not asked.
        ("quán chỉ cho tối đa 10 người ngồi thì bị phạt không", Ask.CEILING),
    ],
)
def test_words_that_only_look_like_it_ask_nothing(question: str, kind: Ask) -> None:
    assert kind not in kinds_asked(words(question))


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        # Circumstances.
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
        # Exact details.
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
        ("Mỗi người được nhận tối đa 6 tháng.", Ask.CEILING),
        ("Không tập trung quá 20 người tại một nơi.", Ask.CEILING),
    ],
)
def test_an_answer_giving_it_says_it(answer: str, kind: Ask) -> None:
    assert kind in kinds_said(words(answer))


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        # Circumstances.
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
        # Exact details.
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
        # A ceiling named, none given.
        ("Số tiền nhận được có mức trần theo quy định.", Ask.CEILING),
    ],
)
def test_an_answer_not_giving_it_does_not_say_it(answer: str, kind: Ask) -> None:
    assert kind not in kinds_said(words(answer))


def test_a_long_message_of_vaccine_words_asks_no_pregnancy() -> None:
    # Read from the line's start alone (it was a lookahead from every "mũi": quadratic).
    assert Ask.PREGNANT not in kinds_asked(words("mũi " * 1000))
    assert Ask.PREGNANT in kinds_asked(words("mũi " * 1000 + "bà bầu"))

"""The report forms end to end through the REST channel, as the mobile app uses them."""

from __future__ import annotations

from aiohttp.test_utils import TestClient

from tests.support.chat import RestChat
from tests.support.hotline import hotline_of


async def test_a_violation_report_is_collected_and_filed(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("/report_violation")
    assert "mô tả" in chat.text
    await chat.say("Quán karaoke Hoàng Gia vẫn mở cửa hát đến khuya, tụ tập rất đông người")
    assert "ở đâu" in chat.text.lower()
    await chat.say("123 đường Yersin, phường Phú Cường, Thủ Dầu Một")
    assert "khi nào" in chat.text
    await chat.press("Đang diễn ra")
    assert "ẩn danh" in chat.text
    await chat.say("Nguyễn Văn An 0912 345 678")
    assert "Phú Cường" in chat.text and "Thủ Dầu Một" in chat.text
    assert "Nguyễn Văn An 0912345678" in chat.text
    await chat.press("Gửi")
    assert "mã phản ánh" in chat.text.lower()
    code = chat.code()

    ticket = await hotline_of(client).desk.store.get(code)
    assert ticket is not None
    assert ticket.category == "violation"
    assert ticket.ward == "Phú Cường" and ticket.district == "Thủ Dầu Một"
    assert ticket.address == "123 đường Yersin, phường Phú Cường, Thủ Dầu Một"
    assert ticket.occurred_at == "Đang diễn ra"
    assert ticket.reporter is not None and ticket.reporter.phone == "0912345678"
    assert ticket.reporter.name == "Nguyễn Văn An"
    assert (ticket.due_at - ticket.created_at).total_seconds() == 5 * 3600


async def test_a_descriptive_first_message_skips_the_question(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("phản ánh: tiệm tạp hóa ở phường Dĩ An, TP Dĩ An bán khẩu trang giá gấp 5 lần")
    assert "ở đâu" not in chat.text.lower(), "the place was in the first message"
    assert "khi nào" in chat.text
    await chat.press("Bỏ qua")
    await chat.press("Gửi ẩn danh")
    assert "Ẩn danh" in chat.text
    await chat.press("Gửi")
    ticket = await hotline_of(client).desk.store.get(chat.code())
    assert ticket is not None and ticket.reporter is None
    assert ticket.district == "Dĩ An" and "khẩu trang" in ticket.description


async def test_an_undeclared_f0_tip_is_an_urgent_ticket(chat: RestChat, client: TestClient) -> None:
    await chat.say("/report_contact")
    await chat.say("Nhà hàng xóm có người từ TP.HCM về, đang sốt ho mà không khai báo y tế")
    await chat.say("xã An Tây, Bến Cát")
    await chat.say("hôm qua")
    await chat.press("Gửi ẩn danh")
    await chat.press("Gửi")
    ticket = await hotline_of(client).desk.store.get(chat.code())
    assert ticket is not None
    assert (ticket.category, ticket.priority) == ("contact_tip", "urgent")
    assert (ticket.ward, ticket.district) == ("An Tây", "Bến Cát")


async def test_hardship_reaches_the_ward_with_a_phone_to_call(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("/request_support")
    await chat.say("Gia đình 4 người mất việc 2 tháng nay, hết gạo rồi")
    await chat.say("khu phố 3, phuong tan dinh, ben cat")
    assert "số điện thoại" in chat.text
    await chat.say("không có")
    assert "Ẩn danh" in chat.text, "'không' at the contact step means anonymous"
    await chat.press("Sửa")
    await chat.press("Người báo")
    await chat.say("Tran Thi Hoa, sdt 0987.654.321")
    assert "Tran Thi Hoa 0987654321" in chat.text
    await chat.say("ok")
    ticket = await hotline_of(client).desk.store.get(chat.code())
    assert ticket is not None and ticket.category == "hardship" and ticket.priority == "high"
    assert ticket.ward == "Tân Định" and ticket.district == "Bến Cát"
    assert ticket.reporter is not None and ticket.reporter.phone == "0987654321"


async def test_feedback_asks_only_what_it_needs(chat: RestChat, client: TestClient) -> None:
    await chat.say("/feedback")
    await chat.say("Các bạn tổng đài viên trả lời rất nhanh và nhiệt tình, cảm ơn nhiều")
    assert "ở đâu" not in chat.text.lower()
    await chat.press("Gửi ẩn danh")
    await chat.press("Gửi")
    ticket = await hotline_of(client).desk.store.get(chat.code())
    assert ticket is not None and ticket.category == "feedback" and ticket.ward is None


async def test_an_unknown_place_offers_the_districts(chat: RestChat, client: TestClient) -> None:
    await chat.say("/report_violation")
    await chat.say("Một nhóm thanh niên tụ tập nhậu không đeo khẩu trang")
    await chat.say("gần chợ")
    titles = [b["title"] for b in chat.buttons]
    assert "Thủ Dầu Một" in titles and "Dĩ An" in titles and len(titles) == 9
    await chat.press("Thuận An")
    assert "phường/xã nào của Thuận An" in chat.text, "the ward is asked, from the shipped list"
    assert "Lái Thiêu" in [b["title"] for b in chat.buttons]
    await chat.press("Lái Thiêu")
    assert "khi nào" in chat.text
    await chat.press("Bỏ qua")
    await chat.press("Gửi ẩn danh")
    assert "gần chợ, Lái Thiêu, Thuận An" in chat.text
    await chat.press("Gửi")
    ticket = await hotline_of(client).desk.store.get(chat.code())
    assert ticket is not None and ticket.district == "Thuận An" and ticket.address == "gần chợ"
    assert ticket.ward == "Lái Thiêu"


async def test_cancel_at_any_step_files_nothing(chat: RestChat, client: TestClient) -> None:
    await chat.say("/report_violation")
    await chat.say("Quán cà phê mở cửa cho khách ngồi tại chỗ")
    await chat.say("hủy")
    assert "Đã hủy" in chat.text
    await chat.say("/report_violation")
    await chat.say("/cancel")
    assert await hotline_of(client).desk.store.list() == []
    state = await hotline_of(client).conversations.load(_key(chat))
    assert state.dialog is None


async def test_an_emergency_interrupts_a_form(chat: RestChat, client: TestClient) -> None:
    await chat.say("/report_violation")
    await chat.say("/emergency")
    assert "115" in chat.text
    tickets = await hotline_of(client).desk.store.list()
    assert [t.category for t in tickets] == ["emergency"]


def _key(chat: RestChat):  # type: ignore[no-untyped-def]
    from hotline.bot.messages import ConversationKey

    return ConversationKey("rest", chat.sender)


async def test_a_ward_name_shared_by_districts_is_asked_about(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("/report_violation")
    await chat.say("Quán nhậu mở cửa tới khuya, tụ tập đông người không đeo khẩu trang")
    await chat.say("phường Tân Định")
    choices = [b["title"] for b in chat.buttons]
    units = hotline_of(client).units
    assert sorted(choices) == sorted(units.districts_of("Tân Định")) and len(choices) > 1
    await chat.press(choices[0])
    assert "khi nào" in chat.text
    await chat.press("Bỏ qua")
    await chat.press("Gửi ẩn danh")
    await chat.press("Gửi")
    ticket = await hotline_of(client).desk.store.get(chat.code())
    assert ticket is not None and (ticket.ward, ticket.district) == ("Tân Định", choices[0])

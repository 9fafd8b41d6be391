"""The portal's report form and status page in Debian's Chromium, as a citizen uses them."""

from __future__ import annotations

import pytest
from playwright.async_api import Browser, FilePayload, Page, expect

from tests.browser.widget import PHONE, TICKET_CODE, open_page
from tests.support.images import photo

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="module")]

JPEG = photo("JPEG")


async def fill_report(page: Page, url: str) -> None:
    await page.goto(f"{url}/report")
    await page.get_by_label("Phản ánh vi phạm").check()
    await page.get_by_label("Sự việc").fill(
        "Quán cà phê trên đường Yersin mở cửa cho khách ngồi tụ tập đông người"
    )
    await page.get_by_label("Thành phố/thị xã/huyện").select_option("Thủ Dầu Một")
    await page.get_by_label("Phường/xã/thị trấn").select_option("Phú Cường")
    await page.get_by_label("Địa chỉ cụ thể").fill("25 Yersin")
    await page.get_by_label("Số điện thoại").fill("0912 345 678")


async def test_a_report_with_a_photo_is_filed_and_found_on_the_status_page(
    hotline_url: str, page: Page
) -> None:
    await fill_report(page, hotline_url)
    photo = FilePayload(name="quan-cafe.jpg", mimeType="image/jpeg", buffer=JPEG)
    await page.get_by_label("Ảnh chụp", exact=False).set_input_files([photo])
    await page.get_by_role("button", name="Gửi phản ánh").click()

    code = (await page.locator("#ticket-code").inner_text()).strip()
    assert TICKET_CODE.fullmatch(code)
    await expect(page.get_by_role("heading", level=1)).to_have_text("Đã tiếp nhận phản ánh")

    await page.get_by_role("link", name="tra cứu kết quả").click()
    await expect(page.locator("#ticket-status")).to_have_text("Đã tiếp nhận, đang chờ xử lý")
    await expect(page.locator("#result-title")).to_contain_text(code)
    assert "đường Yersin" not in await page.content()  # nor the description, nor the place
    assert "0912" not in await page.content()  # the reporter's phone is never shown


@pytest.mark.parametrize(
    ("photo", "said"),
    [
        (
            FilePayload(name="ghi-chu.jpg", mimeType="image/jpeg", buffer=b"just some text"),
            "không phải ảnh",
        ),
        (
            FilePayload(
                name="qua-lon.jpg", mimeType="image/jpeg", buffer=JPEG + bytes(5 * 1024 * 1024)
            ),
            "lớn hơn 5 MB",
        ),
    ],
)
async def test_a_bad_upload_gets_a_clear_message_and_the_input_is_kept(
    hotline_url: str, page: Page, photo: FilePayload, said: str
) -> None:
    await fill_report(page, hotline_url)
    await page.get_by_label("Ảnh chụp", exact=False).set_input_files([photo])
    await page.get_by_role("button", name="Gửi phản ánh").click()

    error = page.locator("#photos-error")
    await expect(error).to_contain_text(said)
    await expect(error).to_contain_text(photo["name"])
    await expect(page.get_by_role("alert")).to_contain_text("Xin kiểm tra lại")
    await expect(page.get_by_label("Sự việc")).to_have_value(
        "Quán cà phê trên đường Yersin mở cửa cho khách ngồi tụ tập đông người"
    )
    await expect(page.get_by_label("Phường/xã/thị trấn")).to_have_value("Phú Cường")
    photos = page.get_by_label("Ảnh chụp", exact=False)
    assert await photos.get_attribute("aria-invalid") == "true"
    assert TICKET_CODE.search(await page.content()) is None


async def test_wards_follow_the_district_and_the_form_fits_a_phone(
    hotline_url: str, browser: Browser
) -> None:
    page = await open_page(browser, PHONE)
    try:
        await page.goto(f"{hotline_url}/report")
        ward = page.get_by_label("Phường/xã/thị trấn")
        await expect(ward).to_be_disabled()
        await page.get_by_label("Thành phố/thị xã/huyện").select_option("Dĩ An")
        options = await ward.locator("option").all_inner_texts()
        assert "Đông Hòa" in options and "Phú Lợi" not in options
        width = await page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"]
        await page.get_by_label("Cấp cứu").check()
        await expect(page.locator("#emergency-note")).to_be_visible()
    finally:
        await page.context.close()

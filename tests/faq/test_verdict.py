"""A question asking the hotline to judge someone's conduct (hotline.faq.verdict)."""

from __future__ import annotations

import pytest

from hotline.faq.verdict import asks_verdict


@pytest.mark.parametrize(
    "text",
    [
        "chủ nhà trọ bắt người thuê đóng thêm tiền điện khi cách ly, vậy có đúng không",
        "phường giữ giấy tờ của tôi mấy tuần có đúng luật không",
        "quán đuổi khách không có mã QR, làm vậy đúng hay sai",
        "cty tru luong nguoi nghi cach ly co trai luat ko",
        "bệnh viện thu tiền giường của F0 có hợp pháp không",
    ],
)
def test_a_verdict_asked(text: str) -> None:
    assert asks_verdict(text)


@pytest.mark.parametrize(
    "text",
    [
        "xét nghiệm ở đâu cho đúng giờ",
        "đo SpO2 thế nào cho đúng",
        "uống thuốc đúng liều là bao nhiêu",
        "F1 có được đi làm không",
        "đúng 7 ngày thì được ra chưa",
    ],
)
def test_no_verdict(text: str) -> None:
    assert not asks_verdict(text)

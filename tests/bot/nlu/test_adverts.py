from __future__ import annotations

import pytest

from hotline.bot.nlu.adverts import posted_advert
from hotline.bot.nlu.rules import rule_parse


@pytest.mark.parametrize(
    "text",
    [
        "cần bán gấp 2 tấn sầu riêng, ai mua liên hệ 0912xxx",
        "tuyển gấp thợ phụ hồ lương 300k một ngày",
        "cho thuê phòng trọ gần KCN, giá rẻ, có chỗ để xe",
        "nhận nấu cơm tháng giao tận nơi, ưu đãi mùa dịch, ib em",
    ],
)
def test_an_advert_post_is_small_talk(text: str) -> None:
    assert posted_advert(text)
    ruled = rule_parse(text)
    assert ruled is not None and ruled.intent.name == "out_of_scope"


@pytest.mark.parametrize(
    "text",
    [
        "bán khẩu trang giá gấp 3 lần ở chợ",  # price gouging reported
        "tuyển dương tổ covid khu phố 2",  # praise
        "tuyển sinh lớp 10 năm nay thế nào",
        "cho thuê phòng trọ thì có phải khai báo tạm trú cho người thuê không",  # asked
        "có người cần bán gấp thuốc kháng virus 2 triệu một hộp, liên hệ zalo",  # a tip
    ],
)
def test_what_opens_like_an_advert_but_reports_or_asks_is_not(text: str) -> None:
    assert not posted_advert(text)

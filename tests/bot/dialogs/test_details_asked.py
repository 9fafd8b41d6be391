"""A question on a covered topic asking an exact detail the entry's answer never gives (a dose, a
deadline, a number to call, who pays) is offered the entry, not answered by it; one whose
answer gives it is answered (issue 12, `hotline.faq.details`). Through the REST channel, as the
mobile app talks."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient

from tests.support.chat import RestChat
from tests.support.hotline import faq_answered


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # The pack's answer lists what it holds, never how much of each to take.
        ("túi thuốc F0 trạm y tế phát thì thuốc hạ sốt uống mấy viên một lần", "tui-thuoc-f0"),
        # The rent support entry gives amounts, not when applications close.
        (
            "hỗ trợ tiền thuê nhà cho người lao động hạn chót nộp hồ sơ là khi nào",
            "ho-tro-tien-thue-nha",
        ),
        # The F0 food support entry gives amounts and where to apply, not the last day.
        (
            "F0 được hỗ trợ tiền ăn thì hạn chót nộp hồ sơ là ngày nào",
            "ho-tro-f0-f1-tre-em",
        ),
    ],
)
async def test_a_detail_the_answer_never_gives_is_not_answered(
    chat: RestChat, client: TestClient, question: str, entry: str
) -> None:
    await chat.say(question)
    assert entry not in await faq_answered(client, chat.last)
    # Still offered: the citizen may find there what is near the question.
    assert any(entry in b["payload"] for b in chat.buttons)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Its answer says to call 115.
        ("người nhà bất tỉnh thì gọi số nào", "khan-cap-goi-115"),
        # It says which tests are free and who pays for the others.
        ("công ty bắt xét nghiệm để đi làm thì ai trả tiền", "xet-nghiem-mien-phi"),
        # It gives the time limit: within 3 months of the contract's end.
        ("trợ cấp thất nghiệp nộp hồ sơ trễ có được không", "tro-cap-that-nghiep"),
    ],
)
async def test_a_detail_the_answer_gives_is_answered(
    chat: RestChat, client: TestClient, question: str, entry: str
) -> None:
    await chat.say(question)
    assert await faq_answered(client, chat.last) == [entry]

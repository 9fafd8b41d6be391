"""Central Vietnamese particles weigh nothing against an entry (hotline.faq.dialect)."""

from __future__ import annotations

from hotline.bot.nlu.normalize import words
from hotline.faq.coverage import Coverage
from hotline.faq.dialect import particles
from hotline.faq.entries import FaqEntry


def test_particles_with_their_own_diacritics() -> None:
    assert particles("Ông bà tui ở quê ra thăm, rứa phải khai báo răng hè") == {"rua", "rang", "he"}
    assert particles("con đi mô về cũng phải xét nghiệm à") == {"mo"}
    assert particles("bây chừ mần răng để đăng ký") == {"chu", "man", "rang"}
    assert particles("sốt ba ngày thì có phải đi khám nỏ") == {"no"}


def test_bare_text_says_nothing() -> None:
    assert particles("rua rang phai khai bao") == frozenset()


def test_the_same_letters_meaning_something_else_stay() -> None:
    assert particles("đi nhổ răng có cần xét nghiệm không") == frozenset()
    assert particles("bị tê tay sau mũi tiêm thứ hai") == frozenset()
    assert particles("mô hình cách ly tại nhà là gì") == frozenset()
    assert particles("nghỉ hè cho học sinh từ bao giờ") == frozenset()
    assert particles("tay chân rửa bằng cồn được không") == frozenset()
    assert particles("ai chi trả tiền xét nghiệm") == frozenset()


def test_a_word_also_used_otherwise_is_the_question() -> None:
    # "răng" the particle and the tooth in one message: the tooth is asked.
    assert "rang" not in particles("răng rứa, đau răng có được đi khám không")


def test_ambiguous_particles_by_where_they_stand() -> None:
    assert particles("bữa ni có tiêm không") == {"ni"}
    assert particles("nhà bên tê có F0") == {"te"}
    assert particles("cái giấy ni làm chi") == {"ni", "chi"}


def test_directions_with_their_own_diacritics() -> None:
    assert particles("mới chuyển xuống ở trọ thì báo ai") == {"xuong"}
    assert particles("đi Cần Thơ rồi quay về có phải khai lại không") == {"quay", "lai"}
    assert particles("xưởng đóng cửa thì được hỗ trợ không") == frozenset()
    assert particles("quầy thuốc có phải đóng không") == frozenset()
    assert particles("lái xe lên phường") == {"len"}


def test_a_direction_that_becomes_something_is_the_question() -> None:
    assert particles("mấy ngày thì test lên dương tính") == frozenset()
    assert particles("bé lên cơn co giật sau tiêm") == frozenset()


def test_the_booster_and_a_count_of_lines_are_the_question() -> None:
    assert particles("tự test lên 2 vạch thì báo ai") == frozenset()
    assert particles("mũi nhắc lại tiêm khi nào") == frozenset()


def test_boarding_a_vehicle_is_the_question() -> None:
    assert particles("người cách ly có được lên máy bay không") == frozenset()
    assert particles("mình xuống tàu ở ga rồi có phải khai báo") == frozenset()
    assert particles("tài xế có cho khách F1 lên xe khách không") == frozenset()
    assert particles("đò cập bến, cho người xuống bến được không") == frozenset()
    # Going up to an office stays a direction.
    assert particles("chở mẹ lên phường xin giấy") == {"len"}


def test_a_text_of_particles_alone_covers_nothing() -> None:
    question = ("Thẻ xe buýt làm ở đâu?",)
    entry = FaqEntry("the-xe", question, "Tại bến xe.", "giao_thong", "published")
    coverage = Coverage([entry], words)
    for text in ("rứa là được rồi hỉ", "dạ, răng cũng được nờ"):
        assert coverage.uncovered("the-xe", words(text), text) == 1.0

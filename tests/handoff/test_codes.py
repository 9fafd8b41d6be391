import re

from hotline.handoff.codes import ALPHABET, RANDOM_BITS, find_code, new_code

FORMAT = re.compile(r"^PA-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$")


def test_codes_are_readable_on_the_phone() -> None:
    for _ in range(500):
        code = new_code()
        assert FORMAT.match(code), code
        assert not set(code[3:]) & set("01OI")


def test_codes_carry_at_least_40_random_bits_and_do_not_repeat() -> None:
    assert len(ALPHABET) == 32 and RANDOM_BITS >= 40
    codes = {new_code() for _ in range(20000)}
    assert len(codes) == 20000
    # Every position uses the whole alphabet: no position is fixed or guessable.
    for position in (3, 4, 5, 6, 8, 9, 10, 11):
        assert len({c[position] for c in codes}) == 32


def test_find_code_in_free_text() -> None:
    assert find_code("tra cứu mã pa-7k3q-9x2m giúp tôi") == "PA-7K3Q-9X2M"
    assert find_code("ma PA7K3Q9X2M") == "PA-7K3Q-9X2M"
    assert find_code("PA 7K3Q 9X2M") == "PA-7K3Q-9X2M"
    assert find_code("PA-7K3Q-9X20") is None  # 0 is not in the alphabet
    assert find_code("không có mã") is None

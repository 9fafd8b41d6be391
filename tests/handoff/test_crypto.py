from pathlib import Path

import pytest

from hotline.handoff.crypto import Cipher, SecretUnreadable, load_or_create_key
from hotline.handoff.desk import TicketDesk
from hotline.storage.sqlite.backend import SqliteStorage
from tests.handoff.conftest import draft


async def test_reporters_are_encrypted_in_the_file_and_readable_with_the_key(
    desk: TicketDesk, db_url: str, tmp_path: Path, key: str
) -> None:
    ticket = await desk.file(draft())
    files = [p for p in tmp_path.iterdir() if p.name.startswith("handoff.db")]  # noqa: ASYNC240
    raw = b"".join(p.read_bytes() for p in files)
    assert b"0912345678" not in raw and "Nguyễn Văn Tố".encode() not in raw
    assert b"karaoke" in raw  # the report itself is not secret, and the queue filters on it
    loaded = await desk.store.get(ticket.code)
    assert loaded is not None and loaded.reporter == ticket.reporter

    other = await SqliteStorage.from_url(db_url)
    try:
        with pytest.raises(SecretUnreadable):
            await (await other.tickets(Cipher(Cipher.new_key()))).get(ticket.code)
        with pytest.raises(SecretUnreadable):
            await (await other.tickets()).get(ticket.code)
    finally:
        await other.close()


def test_a_generated_key_is_kept_private_and_reused(tmp_path: Path) -> None:
    key_file = tmp_path / "var" / "secret.key"
    first = load_or_create_key("", key_file)
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert load_or_create_key("", key_file) == first
    configured = Cipher.new_key()
    assert load_or_create_key(configured, key_file) == configured
    sealed = Cipher(first).seal({"phone": "0912345678"})
    assert "0912345678" not in str(sealed)
    assert Cipher(first).open(sealed) == {"phone": "0912345678"}


def test_a_record_read_back_opens_as_it_was_sealed_and_a_forged_one_still_fails() -> None:
    cipher, other = Cipher(Cipher.new_key()), Cipher(Cipher.new_key())
    value = {"text": "Quán karaoke vẫn mở", "buttons": [{"title": "Gửi", "payload": "/send"}]}
    sealed = cipher.seal(value)
    assert cipher.open(sealed) == value  # from the tokens sealed lately
    assert Cipher(cipher_key := Cipher.new_key()).open(Cipher(cipher_key).seal(value)) == value
    opened = cipher.open(sealed)
    opened["text"] = "changed"  # each reader gets its own copy
    assert cipher.open(sealed) == value
    with pytest.raises(SecretUnreadable):
        other.open(sealed)  # another key never sees this cipher's recent tokens
    forged = {"sealed": sealed["sealed"][:-4] + "AAAA"}
    with pytest.raises(SecretUnreadable):
        cipher.open(forged)

"""A message's row text: the same JSON whether encoded or written out around the token."""

from __future__ import annotations

import json

from hotline.handoff.crypto import Cipher
from hotline.storage.sealed import opened_record, sealed_json, sealed_record


def test_a_sealed_row_is_the_json_of_its_sealed_record() -> None:
    cipher = Cipher(Cipher.new_key())
    record = {"text": 'Tôi tên "Lan", số 0912 345 678', "buttons": [["Có", "/affirm"]]}
    text = sealed_json(record, cipher)
    doc = json.loads(text)
    assert text == json.dumps(doc, ensure_ascii=False)
    assert "Lan" not in text, "sealed"
    assert opened_record(doc, cipher) == record


def test_without_a_cipher_the_row_is_the_record() -> None:
    record = {"text": "cách ly bao nhiêu ngày"}
    assert sealed_json(record, None) == json.dumps(sealed_record(record, None), ensure_ascii=False)

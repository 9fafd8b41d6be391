"""Reading mail in the encodings Vietnamese citizens' clients really send."""

from __future__ import annotations

import base64
import quopri

import pytest

from hotline.channels.mail.parse import html_to_text, read_letter, strip_quoted, why_ignored

US = "1022@tongdai1022.test"
TEXT = "Quán karaoke ở phường Phú Lợi vẫn mở cửa, tụ tập đông người."


def raw(headers: str, body: bytes) -> bytes:
    return headers.replace("\n", "\r\n").encode("utf-8") + b"\r\n" + body


def test_an_rfc2047_subject_and_a_quoted_printable_utf8_body() -> None:
    mail = raw(
        "From: =?UTF-8?B?Tmd1eeG7hW4gVsSDbiBBbg==?= <An@Example.VN>\n"
        "Subject: =?UTF-8?Q?Ph=E1=BA=A3n_=C3=A1nh_vi_ph=E1=BA=A1m?=\n"
        "Message-ID: <a1@example.vn>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: quoted-printable\n",
        quopri.encodestring(TEXT.encode("utf-8")),
    )
    letter = read_letter(mail)
    assert letter.subject == "Phản ánh vi phạm"
    assert letter.sender == "an@example.vn" and letter.sender_name == "Nguyễn Văn An"
    assert letter.text == TEXT
    assert letter.said(4000) == f"Phản ánh vi phạm\n{TEXT}"  # a new thread: subject first


def test_a_base64_body_in_the_legacy_vietnamese_windows_charset() -> None:
    mail = raw(
        "From: b@example.vn\nSubject: hoi\nMessage-ID: <b1@example.vn>\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=windows-1258\nContent-Transfer-Encoding: base64\n",
        base64.encodebytes("Cách ly bao nhiêu ngày?".encode("cp1258")),
    )
    assert read_letter(mail).text == "Cách ly bao nhiêu ngày?"


def test_html_only_mail_becomes_plain_text() -> None:
    html = (
        "<html><head><style>p{color:red}</style></head><body><p>Chào&nbsp;anh,</p>"
        "<div>Hẻm 5 &amp; hẻm 7<br>tụ tập</div><script>alert(1)</script></body></html>"
    )
    mail = raw(
        "From: c@example.vn\nSubject: x\nMessage-ID: <c1@example.vn>\nMIME-Version: 1.0\n"
        "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n",
        html.encode(),
    )
    assert read_letter(mail).text == "Chào anh,\n\nHẻm 5 & hẻm 7\ntụ tập"
    assert "alert" not in html_to_text(html)


def test_a_reply_keeps_only_what_is_new_and_stays_in_its_thread() -> None:
    first = read_letter(raw("From: d@example.vn\nSubject: s\nMessage-ID: <root@x>\n", b"hi"))
    reply = read_letter(
        raw(
            "From: D <D@example.vn>\nSubject: Re: s\nMessage-ID: <r2@x>\nIn-Reply-To: <ours@h>\n"
            "References: <root@x> <ours@h>\n",
            b"O so 12 Yersin\n\nOn Mon, 2 Aug 2021, Tong dai wrote:\n> old text\n",
        )
    )
    stranger = read_letter(
        raw("From: e@example.vn\nSubject: Re: s\nMessage-ID: <r3@x>\nReferences: <root@x>\n", b"x")
    )
    assert reply.text == "O so 12 Yersin"
    assert reply.said(4000) == "O so 12 Yersin"  # a reply's subject is no news
    assert reply.thread == first.thread  # the same conversation
    assert stranger.thread != first.thread  # nobody joins a thread from another address
    assert strip_quoted("Dạ vâng\n-- \nAn\n0912345678") == "Dạ vâng"


def test_a_mail_without_message_id_gets_a_stable_one() -> None:
    mail = raw("From: f@example.vn\nSubject: s\n", b"hello")
    assert read_letter(mail).message_id == read_letter(mail).message_id


@pytest.mark.parametrize(
    ("headers", "kind"),
    [
        ("Auto-Submitted: auto-replied\n", "auto-submitted"),
        ("Precedence: junk\n", "precedence"),
        ("Return-Path: <>\n", "bounce"),
        ("Content-Type: multipart/report; report-type=delivery-status; boundary=x\n", "delivery"),
        ("X-Loop: 1022@tongdai1022.test\n", "loop"),
        ("".join(f"Received: from hop{i}\n" for i in range(30)), "loop"),
    ],
)
def test_machines_are_recognised(headers: str, kind: str) -> None:
    mail = raw(f"From: g@example.vn\nSubject: s\n{headers}", b"--x--\n")
    reason = why_ignored(mail, US)
    assert reason is not None and reason.startswith(kind)


def test_a_citizen_is_not_a_machine() -> None:
    mail = raw("From: h@example.vn\nSubject: Hỏi về tiêm vắc xin\nAuto-Submitted: no\n", b"x")
    assert why_ignored(mail, US) is None


def test_raw_utf8_headers_are_read_too() -> None:
    mail = raw("From: Lê Thị Hoa <i@example.vn>\nSubject: Hỏi về vắc xin\n", b"x")
    letter = read_letter(mail)
    assert letter.subject == "Hỏi về vắc xin" and letter.sender_name == "Lê Thị Hoa"


def test_an_encoded_line_break_in_a_name_or_subject_cannot_add_headers() -> None:
    letter = read_letter(
        raw(
            "From: =?utf-8?q?Evil=0D=0ABcc=3A_x=40y.vn?= <dan@example.vn>\n"
            "Subject: =?utf-8?q?hi=0D=0ABcc=3A_z=40y.vn?=\n"
            "Message-ID: <crlf@example.vn>\n",
            b"xin chao",
        )
    )
    assert "\r" not in letter.sender_name + letter.subject
    assert "\n" not in letter.sender_name + letter.subject

"""One FAQ entry: the questions citizens ask, the answer the hotline gives, its topic and status."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, cast

Status = Literal["draft", "published"]
STATUSES: tuple[Status, ...] = ("draft", "published")

# The topics the seed content uses, with the label shown to admins. Other topics are allowed:
# a province adds its own without a code change.
TOPICS: dict[str, str] = {
    "cach_ly": "Cách ly, F0/F1",
    "di_lai": "Đi lại, giấy đi đường",
    "ho_tro": "Chính sách hỗ trợ",
    "xet_nghiem": "Xét nghiệm",
    "tiem_chung": "Tiêm chủng",
    "dieu_tri_tai_nha": "Điều trị F0 tại nhà",
    "cho_thuc_pham": "Chợ, thực phẩm",
    "shipper": "Shipper, giao hàng",
    "gio_gioi_nghiem": "Giờ hạn chế ra đường",
    "quy_dinh": "Quy định phòng dịch",
    "lien_he": "Liên hệ Tổng đài 1022",
}

MAX_ID = 80
MAX_TOPIC = 40
MAX_QUESTIONS = 30
MAX_QUESTION = 300
MAX_ANSWER = 2000

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TOPIC = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*")


class InvalidEntry(ValueError):
    """An entry that cannot be stored; `reason` says why in words an admin understands."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class FaqEntry:
    """A published or draft FAQ entry. Construction validates; `from_dict` also cleans input."""

    id: str
    questions: tuple[str, ...]
    answer: str
    topic: str
    status: Status
    version: int = 1
    updated_at: str | None = None

    def __post_init__(self) -> None:
        _check(self)

    @property
    def published(self) -> bool:
        return self.status == "published"

    def to_dict(self) -> dict[str, Any]:
        """The API shape: `{"id", "questions", "answer", "topic", "status", "version", ...}`."""
        return {
            "id": self.id,
            "questions": list(self.questions),
            "answer": self.answer,
            "topic": self.topic,
            "status": self.status,
            "version": self.version,
            "updated_at": self.updated_at,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FaqEntry:
        """Build an entry from API or file input; raises `InvalidEntry` with the reason."""
        if not isinstance(data, Mapping):
            raise InvalidEntry("mục FAQ phải là một đối tượng JSON/YAML (entry must be an object)")
        questions = data.get("questions")
        if isinstance(questions, str):
            questions = [questions]
        if not isinstance(questions, list | tuple):
            raise InvalidEntry("questions: cần một danh sách câu hỏi (a list of questions)")
        version = data.get("version")
        if version is None or version == "":
            version = 1
        if isinstance(version, bool) or not isinstance(version, int | str):
            raise InvalidEntry("version: phải là số nguyên dương (a positive integer)")
        try:
            version = int(version)
        except ValueError:
            raise InvalidEntry("version: phải là số nguyên dương (a positive integer)") from None
        updated_at = data.get("updated_at")
        return cls(
            id=_text(data.get("id"), "id"),
            questions=_unique(_text(q, "questions") for q in questions),
            answer=_text(data.get("answer"), "answer"),
            topic=_text(data.get("topic"), "topic"),
            status=cast(Status, _text(data.get("status", "draft"), "status")),
            version=version,
            updated_at=None if updated_at in (None, "") else _text(updated_at, "updated_at"),
        )

    def same_content(self, other: FaqEntry) -> bool:
        """True when an update would change nothing a citizen or an admin sees."""
        return (self.questions, self.answer, self.topic, self.status) == (
            other.questions,
            other.answer,
            other.topic,
            other.status,
        )


def _text(value: object, field: str) -> str:
    if value is None:
        raise InvalidEntry(f"{field}: thiếu trường bắt buộc (missing)")
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise InvalidEntry(f"{field}: phải là chuỗi ký tự (must be text)")
    # Admins paste from Word and spreadsheets: NFC keeps "hoà" and "hoà" one string.
    return unicodedata.normalize("NFC", str(value)).strip()


def _unique(questions: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(questions))


def _check(entry: FaqEntry) -> None:
    if not entry.id:
        raise InvalidEntry("id: không được để trống (empty)")
    if len(entry.id) > MAX_ID:
        raise InvalidEntry(f"id: dài quá {MAX_ID} ký tự (too long)")
    if not _ID.fullmatch(entry.id):
        raise InvalidEntry(
            "id: chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ cach-ly-f0-bao-lau "
            "(lower-case a-z, digits and hyphens)"
        )
    if not isinstance(entry.questions, tuple) or not entry.questions:
        raise InvalidEntry("questions: cần ít nhất một câu hỏi (at least one question)")
    if len(entry.questions) > MAX_QUESTIONS:
        raise InvalidEntry(f"questions: nhiều hơn {MAX_QUESTIONS} câu hỏi (too many)")
    for question in entry.questions:
        if not isinstance(question, str) or not question.strip():
            raise InvalidEntry("questions: có câu hỏi để trống (empty question)")
        if len(question) > MAX_QUESTION:
            raise InvalidEntry(f"questions: câu hỏi dài quá {MAX_QUESTION} ký tự (too long)")
        # One line each, and "|" is the variant separator of the CSV format.
        if "|" in question or "\n" in question or "\r" in question:
            raise InvalidEntry("questions: câu hỏi không được chứa ký tự | hoặc xuống dòng")
    if not isinstance(entry.answer, str) or not entry.answer.strip():
        raise InvalidEntry("answer: thiếu câu trả lời (missing or empty answer)")
    if len(entry.answer) > MAX_ANSWER:
        raise InvalidEntry(f"answer: dài quá {MAX_ANSWER} ký tự (too long)")
    if not entry.topic:
        raise InvalidEntry("topic: không được để trống (empty)")
    if len(entry.topic) > MAX_TOPIC or not _TOPIC.fullmatch(entry.topic):
        raise InvalidEntry(
            "topic: chỉ gồm chữ thường không dấu, số và dấu gạch dưới, ví dụ cach_ly "
            "(lower-case a-z, digits and underscores)"
        )
    if entry.status not in STATUSES:
        raise InvalidEntry(
            f"status: phải là 'draft' hoặc 'published', không phải {entry.status!r} (bad status)"
        )
    if isinstance(entry.version, bool) or not isinstance(entry.version, int) or entry.version < 1:
        raise InvalidEntry("version: phải là số nguyên dương (a positive integer)")
    if entry.updated_at is not None:
        try:
            datetime.fromisoformat(entry.updated_at)
        except (TypeError, ValueError):
            raise InvalidEntry("updated_at: phải theo ISO 8601 (not an ISO 8601 time)") from None

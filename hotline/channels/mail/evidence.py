"""Attachments of a citizen's mail kept as evidence: photos and PDF documents, checked by content.

Photos go to the shared MediaStore (JPEG, PNG, WebP by their first bytes). Documents are PDFs,
recognised by `%PDF-`, kept under their SHA-256 beside the photos as `document:<sha256>.pdf`.
Anything else, or anything too big, is not kept; the ticket notes what was refused and why, so an
agent can ask for it another way.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from pathlib import Path

from hotline.bot.media import MediaRejected, MediaStore, sniff
from hotline.bot.messages import Attachment
from hotline.channels.mail.parse import Part

log = logging.getLogger(__name__)

DOCUMENT = "document:"
_DOC_REF = re.compile(r"^document:([0-9a-f]{64})\.pdf$")
MAX_ATTACHMENTS = 5


class Evidence:
    def __init__(self, media: MediaStore, max_bytes: int) -> None:
        self.media = media
        self.max_bytes = max_bytes
        self.documents = media.root / "documents"

    async def keep(self, parts: tuple[Part, ...]) -> tuple[Attachment, ...]:
        """The attachments as evidence; refused ones carry the reason in their caption."""
        kept = []
        for part in parts[:MAX_ATTACHMENTS]:
            kept.append(await self._keep_one(part))
        for part in parts[MAX_ATTACHMENTS:]:
            kept.append(_refused(part, f"quá {MAX_ATTACHMENTS} tệp đính kèm"))
        return tuple(kept)

    async def _keep_one(self, part: Part) -> Attachment:
        name = part.filename or part.content_type
        if len(part.data) > self.max_bytes:
            return _refused(part, f"lớn hơn {self.max_bytes // (1024 * 1024)} MB")
        if sniff(part.data) is not None:
            try:
                return Attachment("photo", url=await self.media.save(part.data), caption=name)
            except MediaRejected as exc:
                return _refused(part, str(exc))
        if part.data.startswith(b"%PDF-"):
            return Attachment("file", url=await self.save_document(part.data), caption=name)
        return _refused(part, "chỉ nhận ảnh JPEG, PNG, WebP hoặc tệp PDF")

    async def save_document(self, data: bytes) -> str:
        ref = f"{DOCUMENT}{hashlib.sha256(data).hexdigest()}.pdf"
        await asyncio.to_thread(_write, self.path_of(ref), data)
        return ref

    def path_of(self, ref: str) -> Path:
        found = _DOC_REF.match(ref)
        if found is None:
            raise ValueError(f"not a document reference: {ref!r}")
        return self.documents / found.group(1)[:2] / ref.removeprefix(DOCUMENT)


def _refused(part: Part, reason: str) -> Attachment:
    name = part.filename or part.content_type
    log.info("attachment %s not kept: %s", name, reason)
    return Attachment("file", url=None, caption=f"{name}: không lưu ({reason})")


def _write(path: Path, data: bytes) -> None:
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".part")
    partial.write_bytes(data)
    partial.replace(path)  # a reader never sees half a document

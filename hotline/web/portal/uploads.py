"""Reading the report form's POST: text fields and photos, within limits, as a stream.

The app refuses request bodies over a small size, so the form is read part by part instead:
each photo at most `max_photo_bytes`, at most `max_photos` of them, text fields small. A photo
over the limit is read to its end and dropped (so the fields after it still arrive) and named in
a problem the citizen sees; a body far beyond every limit is cut off with 413.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aiohttp import BodyPartReader, web

from hotline.bot.media import sniff

_CHUNK = 64 * 1024
_MAX_FIELD = 16 * 1024
_MAX_FIELDS = 40


@dataclass
class Posted:
    fields: dict[str, str] = field(default_factory=dict)
    photos: list[tuple[str, bytes]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


async def read_form(request: web.Request, max_photo_bytes: int, max_photos: int) -> Posted:
    """The posted form; raises HTTPRequestEntityTooLarge when the body is far over the limits."""
    if not request.content_type.startswith("multipart/"):
        form = await request.post()  # a form without photos: small, within the app's limit
        return Posted(fields={k: v for k, v in form.items() if isinstance(v, str)})
    budget = (max_photos + 1) * max_photo_bytes + 1024 * 1024
    posted = Posted()
    reader = await request.multipart()
    fields = 0
    while (part := await reader.next()) is not None:
        if not isinstance(part, BodyPartReader):
            continue  # nested multipart: no browser sends one for this form
        fields += 1
        if fields > _MAX_FIELDS:
            raise web.HTTPRequestEntityTooLarge(max_size=budget, actual_size=budget + 1)
        if part.filename is None:
            raw, budget = await _read(part, _MAX_FIELD, budget)
            posted.fields[part.name or ""] = (raw or b"").decode("utf-8", errors="replace")
            continue
        photo, budget = await _read(part, max_photo_bytes, budget)
        _photo(posted, part.filename, photo, max_photo_bytes, max_photos)
    return posted


def _photo(posted: Posted, name: str, data: bytes | None, limit: int, most: int) -> None:
    if data is None:
        posted.problems.append(f"Ảnh “{name}” lớn hơn {limit // (1024 * 1024)} MB.")
    elif not data and not name:
        return  # the file input left empty
    elif sniff(data) is None:
        posted.problems.append(f"Tệp “{name}” không phải ảnh JPEG, PNG hoặc WebP.")
    elif len(posted.photos) >= most:
        posted.problems.append(f"Chỉ gửi được tối đa {most} ảnh.")
    else:
        posted.photos.append((name, data))


async def _read(part: BodyPartReader, limit: int, budget: int) -> tuple[bytes | None, int]:
    """The part's bytes, or None when over `limit` (read on to its end, within `budget`)."""
    chunks: list[bytes] = []
    size = 0
    while chunk := await part.read_chunk(_CHUNK):
        size += len(chunk)
        budget -= len(chunk)
        if budget < 0:
            raise web.HTTPRequestEntityTooLarge(max_size=size, actual_size=size + 1)
        if size <= limit:
            chunks.append(chunk)
    if size > limit:
        return None, budget
    return b"".join(chunks), budget

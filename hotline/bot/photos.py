"""Photos decoded and drawn again before they are kept: nothing but pixels survives.

The first bytes say little: a JPEG can carry an HTML page after its end (a polyglot a browser may
run), a 50000×50000 PNG is a few kilobytes that decode to gigabytes, and EXIF carries the GPS
position of the citizen who took the photo. So a photo is opened with Pillow, its pixel count
checked from the header before anything is decoded, refused when it holds markup, decoded in
full, turned upright by its EXIF orientation, and written again in its own format without any
metadata (EXIF, XMP, ICC, text chunks) and without whatever followed the image.
"""

from __future__ import annotations

import io
import re
import warnings
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

MAX_PIXELS = 40_000_000
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# Markup a browser would render if the file were ever served or opened as a page.
_MARKUP = re.compile(rb"<\s*(script|html|svg|iframe|body|!doctype|\?xml)", re.IGNORECASE)


class NotAPhoto(ValueError):
    """What was sent cannot be kept as a photo; the message says why."""


def redrawn(data: bytes, max_pixels: int = MAX_PIXELS) -> tuple[bytes, str]:
    """The photo's pixels in a fresh file of its own format, and that format's extension."""
    if _MARKUP.search(data):
        raise NotAPhoto("the file carries markup as well as an image")
    # Pillow is imported at the first photo, not at start: it is 0.1-0.2 s of every start
    # (issue 15), and most starts see no photo for a while. A library, never a cycle dodged.
    from PIL import Image, ImageOps

    try:
        with warnings.catch_warnings():
            # Pillow warns, then refuses, past its own bomb limit; ours is lower and checked first.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind = image.format or ""
                if kind not in FORMATS:
                    raise NotAPhoto("not a JPEG, PNG or WebP image")
                width, height = image.size
                if width * height > max_pixels:
                    raise NotAPhoto(f"photo is {width}×{height} pixels, over {max_pixels}")
                image.load()
                upright = ImageOps.exif_transpose(image) or image
                return _written(upright, kind), FORMATS[kind]
    except NotAPhoto:
        raise
    except Image.DecompressionBombError as exc:
        raise NotAPhoto(f"photo has more than {max_pixels} pixels") from exc
    except Exception as exc:  # Pillow raises many kinds (OSError, SyntaxError, bomb errors)
        raise NotAPhoto(f"the image cannot be read: {type(exc).__name__}") from exc


def _written(image: Image.Image, kind: str) -> bytes:  # Pillow imported by the caller
    out = io.BytesIO()
    if kind == "JPEG":
        image = image if image.mode in ("RGB", "L") else image.convert("RGB")
        image.save(out, "JPEG", quality=90)
    elif kind == "PNG":
        image = image if image.mode in ("RGB", "RGBA", "L", "LA", "P") else image.convert("RGBA")
        image.save(out, "PNG")
    else:
        image = image if image.mode in ("RGB", "RGBA") else image.convert("RGBA")
        image.save(out, "WEBP", quality=90)
    return out.getvalue()

"""Real images for tests, drawn with Pillow: photos with and without EXIF GPS, and their checks."""

from __future__ import annotations

import io

from PIL import Image

GPS_IFD = 0x8825


def photo(kind: str = "JPEG", size: tuple[int, int] = (8, 6), gps: bool = False) -> bytes:
    """A small real image; with `gps`, EXIF that says where it was taken (Thủ Dầu Một)."""
    image = Image.new("RGB", size, (200, 40, 40))
    out = io.BytesIO()
    extra = {}
    if gps:
        exif = Image.Exif()
        exif[0x010F] = "PhoneMaker"
        exif.get_ifd(GPS_IFD).update({1: "N", 2: (10.0, 58.0, 48.0), 3: "E", 4: (106.0, 39.0, 0.0)})
        extra["exif"] = exif.tobytes()
    image.save(out, kind, **extra)
    return out.getvalue()


def picture(data: bytes) -> tuple[str, tuple[int, int], bool]:
    """What a stored file is: its format, its size, and whether it still carries EXIF."""
    with Image.open(io.BytesIO(data)) as image:
        return image.format or "", image.size, bool(image.getexif()) or "exif" in image.info

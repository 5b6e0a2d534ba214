"""Responsive renditions of an uploaded image (WebP and JPEG at a few widths).

Written to match blog/images.py (480/960/1600, a JSON list of {width, height, format, name})
so the two can become one helper; nothing here is campaign-specific.
"""

import io
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

WIDTHS = (480, 960, 1600)
FORMATS = (
    ("webp", "WEBP", "webp", {"quality": 80, "method": 4}),
    ("jpeg", "JPEG", "jpg", {"quality": 82, "optimize": True, "progressive": True}),
)


def _widths_for(original_width):
    # Never upscale: an image narrower than a step stops at its own width.
    widths = [w for w in WIDTHS if w < original_width]
    widths.append(min(original_width, WIDTHS[-1]))
    return sorted(set(widths))


def make_renditions(field_file, upload_dir) -> list[dict]:
    """Save scaled copies of ``field_file`` under ``upload_dir`` in its storage."""
    storage = field_file.storage
    field_file.open("rb")
    try:
        with Image.open(field_file) as opened:
            image = ImageOps.exif_transpose(opened)
            image = image.convert("RGB")
    finally:
        field_file.close()
    stem = PurePosixPath(field_file.name).stem
    renditions = []
    for width in _widths_for(image.width):
        height = max(1, round(image.height * width / image.width))
        resized = image if width == image.width else image.resize((width, height), Image.LANCZOS)
        for fmt, pil_format, ext, options in FORMATS:
            buffer = io.BytesIO()
            resized.save(buffer, pil_format, **options)
            name = storage.save(
                f"{upload_dir}/{stem}-{width}.{ext}", ContentFile(buffer.getvalue())
            )
            renditions.append({"width": width, "height": height, "format": fmt, "name": name})
    return renditions


def delete_renditions(renditions, storage):
    for item in renditions or []:
        storage.delete(item["name"])


def srcset(renditions, fmt, storage) -> str:
    return ", ".join(
        f"{storage.url(item['name'])} {item['width']}w"
        for item in renditions or []
        if item["format"] == fmt
    )

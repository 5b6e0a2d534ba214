"""Featured image renditions and metadata stripping, done once with Pillow at save time.

Renditions are recorded in ``Post.featured_renditions`` as a list of
``{"width", "height", "format", "name"}`` so templates build ``srcset`` without touching
the file system or the database.
"""

import io
import logging
import posixpath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps, ImageSequence

logger = logging.getLogger(__name__)

WIDTHS = (480, 960, 1600)
# (format recorded in the JSON, Pillow format, file extension, save options)
FORMATS = (
    ("webp", "WEBP", "webp", {"quality": 80, "method": 4}),
    ("jpeg", "JPEG", "jpg", {"quality": 82, "optimize": True, "progressive": True}),
)
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
RENDITION_ERRORS = (OSError, SyntaxError, ValueError, Image.DecompressionBombError)


def rendition_prefix(name):
    """Renditions of ``posts/2025/01/photo.jpg`` are ``posts/2025/01/renditions/photo-<w>.*``."""
    folder, filename = posixpath.split(name)
    stem = posixpath.splitext(filename)[0]
    return posixpath.join(folder, "renditions", f"{stem}-")


def target_widths(original_width):
    """The standard widths, never wider than the original (no upscaling)."""
    return sorted({min(width, original_width) for width in WIDTHS})


def _flatten(image):
    """JPEG has no transparency: put transparent pixels on white instead of black."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _for_webp(image):
    has_alpha = image.mode in ("RGBA", "LA") or "transparency" in image.info
    return image.convert("RGBA" if has_alpha else "RGB")


def make_renditions(name, storage=default_storage):
    """Write resized WebP and JPEG copies of the stored image ``name``; return their records."""
    with storage.open(name, "rb") as source, Image.open(source) as opened:
        # Cameras store portrait photos sideways plus an orientation flag; apply it.
        image = ImageOps.exif_transpose(opened)
        image.load()
    prefix = rendition_prefix(name)
    records = []
    for width in target_widths(image.width):
        height = max(1, round(image.height * width / image.width))
        resized = image.resize((width, height), Image.Resampling.LANCZOS)
        for label, pillow_format, extension, options in FORMATS:
            converted = _flatten(resized) if pillow_format == "JPEG" else _for_webp(resized)
            buffer = io.BytesIO()
            converted.save(buffer, pillow_format, **options)
            target = f"{prefix}{width}.{extension}"
            if storage.exists(target):  # left over from an earlier save of the same original
                storage.delete(target)
            saved = storage.save(target, ContentFile(buffer.getvalue()))
            records.append({"width": width, "height": height, "format": label, "name": saved})
    return records


def delete_renditions(records, storage=default_storage):
    for record in records or ():
        storage.delete(record["name"])


def renditions_are_current(name, records, storage=default_storage):
    """True when ``records`` were made from ``name`` and their files are still there."""
    if not records:
        return False
    prefix = rendition_prefix(name)
    return all(r["name"].startswith(prefix) and storage.exists(r["name"]) for r in records)


def refresh_renditions(field_file, old):
    """The rendition records for ``field_file``: None when ``old`` still belongs to it.

    Otherwise makes new ones (stale files deleted) and returns them; ``[]`` without an image.
    No Pillow work happens when the recorded renditions are current.
    """
    old = old or []
    storage = field_file.storage
    name = field_file.name if field_file else ""
    if not name:
        delete_renditions(old, storage)
        return [] if old else None
    if renditions_are_current(name, old, storage):
        return None
    delete_renditions([r for r in old if not r["name"].startswith(rendition_prefix(name))], storage)
    try:
        # An image put in place by code (importer, demo, shell) skipped the upload path.
        strip_stored_metadata(field_file)
        return make_renditions(field_file.name, storage)
    except RENDITION_ERRORS:
        # The original stays usable; templates fall back to it. Validation normally stops
        # broken files long before this point, so this is logged loudly.
        logger.exception("Could not make renditions of %s", name)
        return []


def prepare_for_save(instance, image_field, renditions_field, save_kwargs):
    """Before ``instance.save(**save_kwargs)``: clean a new upload and refresh its renditions.

    Skipped when the save names ``update_fields`` without the image; otherwise the renditions
    field joins ``update_fields`` whenever it changed.
    """
    update_fields = save_kwargs.get("update_fields")
    if update_fields is not None and image_field not in update_fields:
        return
    field_file = getattr(instance, image_field)
    strip_new_upload(field_file)
    renditions = refresh_renditions(field_file, getattr(instance, renditions_field))
    if renditions is not None:
        setattr(instance, renditions_field, renditions)
        if update_fields is not None:
            save_kwargs["update_fields"] = {*update_fields, renditions_field}


def strip_new_upload(field_file):
    """Store a newly uploaded image without its metadata (EXIF GPS and the like)."""
    if not field_file or field_file._committed:
        return
    try:
        content, extension = strip_metadata(field_file.file)
    except RENDITION_ERRORS:
        logger.exception("Could not re-encode %s; storing it unchanged", field_file.name)
        return
    stem = posixpath.splitext(posixpath.basename(field_file.name))[0]
    field_file.save(f"{stem}.{extension}", content, save=False)


def strip_metadata(file, max_width=None):
    """Re-encode an uploaded image without EXIF, XMP or comments; return (content, extension).

    Photos carry GPS positions and camera serial numbers in EXIF. For people who use drugs
    a location leak can be dangerous, so nothing of it is kept; the orientation is applied to
    the pixels first so the picture still shows the right way up. With ``max_width``, wider
    still images are scaled down (animated GIFs are left as they are).
    """
    file.seek(0)
    with Image.open(file) as opened:
        # Formats browsers don't show well (TIFF, BMP) become PNG; TIFF carries EXIF too.
        image_format = opened.format if opened.format in EXTENSIONS else "PNG"
        icc_profile = opened.info.get("icc_profile")
        if image_format == "GIF" and getattr(opened, "is_animated", False):
            frames = [frame.copy() for frame in ImageSequence.Iterator(opened)]
            options = {
                "save_all": True,
                "append_images": frames[1:],
                "duration": opened.info.get("duration", 100),
                "loop": opened.info.get("loop", 0),
            }
            image = frames[0]
        else:
            image = ImageOps.exif_transpose(opened)
            image.load()
            options = {}
            if max_width and image.width > max_width:
                height = max(1, round(image.height * max_width / image.width))
                image = image.resize((max_width, height), Image.Resampling.LANCZOS)
    transparency = image.info.get("transparency")
    image.info = {}
    if transparency is not None and image_format in ("PNG", "GIF"):
        options["transparency"] = transparency
    if icc_profile:
        options["icc_profile"] = icc_profile
    if image_format == "JPEG":
        image = image.convert("RGB") if image.mode not in ("RGB", "L") else image
        options.update(quality=90, optimize=True)
    elif image_format == "WEBP":
        options.update(quality=90)
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    file.seek(0)
    return ContentFile(buffer.getvalue()), EXTENSIONS[image_format]


METADATA_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "Raw profile type exif")


def has_metadata(file):
    file.seek(0)
    with Image.open(file) as image:
        found = bool(image.getexif()) or any(key in image.info for key in METADATA_KEYS)
        found = found or bool(getattr(image, "text", None))  # PNG text chunks
    file.seek(0)
    return found


def strip_stored_metadata(field_file):
    """Replace a stored original that carries metadata with a clean copy."""
    storage = field_file.storage
    with storage.open(field_file.name, "rb") as stored:
        buffer = io.BytesIO(stored.read())
    if not has_metadata(buffer):
        return
    content, extension = strip_metadata(buffer)
    old_name = field_file.name
    stem = posixpath.splitext(posixpath.basename(old_name))[0]
    field_file.save(f"{stem}.{extension}", content, save=False)
    storage.delete(old_name)


def picture_sources(field_file, records):
    """What ``blog/_picture.html`` needs, from the recorded renditions only."""
    records = records or []
    if not records:
        if not field_file:
            return None
        return {"src": field_file.url, "webp_srcset": "", "jpeg_srcset": ""}
    by_format = {}
    for record in sorted(records, key=lambda r: r["width"]):
        by_format.setdefault(record["format"], []).append(record)
    fallback = by_format.get("jpeg") or by_format.get("webp")
    # The <img> fallback: the largest rendition no wider than 960 px, a sensible default.
    src = [r for r in fallback if r["width"] <= 960][-1:] or fallback[:1]
    url = field_file.storage.url

    def srcset(items):
        return ", ".join(f"{url(r['name'])} {r['width']}w" for r in items)

    return {
        "src": url(src[0]["name"]),
        "width": src[0]["width"],
        "height": src[0]["height"],
        "webp_srcset": srcset(by_format.get("webp", [])),
        "jpeg_srcset": srcset(by_format.get("jpeg", [])),
    }

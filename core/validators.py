"""Upload checks shared by the featured image field and the CKEditor upload view."""

import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

# Formats browsers display and Pillow can re-encode; SVG is not among them (it can carry script).
ALLOWED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}


def validate_image_file(file):
    """Refuse anything that is not a real, reasonably sized raster image.

    The size and pixel limits are checked before the image is decoded, so a small file
    that expands to gigabytes (a "decompression bomb") is refused instead of exhausting memory.
    """
    if getattr(file, "_committed", False):
        return  # already stored: it was checked when it was uploaded
    max_bytes = settings.MAX_IMAGE_UPLOAD_BYTES
    if file.size is not None and file.size > max_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(max_bytes)},
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with warnings.catch_warnings():
            # Pillow only warns between its limit and twice its limit; treat that as an error.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                image_format = image.format
                width, height = image.size
                if image_format not in ALLOWED_FORMATS:
                    raise ValidationError(
                        _("Upload a JPEG, PNG, GIF or WebP image."), code="invalid_image_format"
                    )
                if width * height > settings.MAX_IMAGE_PIXELS:
                    raise ValidationError(
                        _(
                            "The image is too large (%(width)s × %(height)s pixels). "
                            "Please make it smaller than %(megapixels)s megapixels."
                        ),
                        code="image_too_many_pixels",
                        params={
                            "width": width,
                            "height": height,
                            "megapixels": settings.MAX_IMAGE_PIXELS // 1_000_000,
                        },
                    )
                image.verify()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(
            _("The image has far too many pixels. Please upload a smaller version."),
            code="image_too_many_pixels",
        ) from exc
    except (OSError, SyntaxError, ValueError) as exc:
        # UnidentifiedImageError is an OSError: text, HTML or SVG renamed to .jpg lands here.
        raise ValidationError(
            _("This file is not a valid image, or it is damaged. Upload a JPEG, PNG, GIF or WebP."),
            code="invalid_image",
        ) from exc
    finally:
        file.seek(position)

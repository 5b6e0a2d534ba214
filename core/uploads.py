"""CKEditor's image upload, replacing django-ckeditor-5's view: staff only, validated,
re-encoded so no EXIF (GPS position, camera serial) reaches the public site, and no wider
than readers need."""

import posixpath

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.images import RENDITION_ERRORS, WIDTHS, strip_metadata
from core.validators import validate_image_file

# Images in post bodies are served as uploaded (no renditions), so a phone photo is scaled
# down to the widest featured-image rendition: sharp on any screen, a fraction of the bytes.
BODY_IMAGE_MAX_WIDTH = max(WIDTHS)


def _error(message, status):
    # The shape CKEditor's upload adapter shows to the editor.
    return JsonResponse({"error": {"message": str(message)}}, status=status)


@require_POST
def upload_image(request):
    if not request.user.is_active or not request.user.is_staff:
        return _error(_("You do not have permission to upload files."), 403)
    upload = request.FILES.get("upload")
    if upload is None:
        return _error(_("Choose an image to upload."), 400)
    try:
        validate_image_file(upload)
        content, extension = strip_metadata(upload, max_width=BODY_IMAGE_MAX_WIDTH)
    except ValidationError as exc:
        return _error(" ".join(exc.messages), 400)
    except RENDITION_ERRORS:
        return _error(_("This file is not a valid image, or it is damaged."), 400)
    stem = slugify(posixpath.splitext(upload.name)[0])[:60] or "image"
    name = default_storage.save(f"uploads/{timezone.now():%Y/%m}/{stem}.{extension}", content)
    return JsonResponse({"url": default_storage.url(name)})

"""Keep an uploaded featured image when the post form comes back with an error.

Browsers never send a chosen file again: after an error (say, the alt text was forgotten)
the file chooser is empty, and the next save would quietly publish the post without its
image. So a valid upload is stored at once (without metadata, as every upload is) and the
form carries its name, signed, in a hidden field; the next submission uses it unless the
editor picks another file or ticks "Clear". A stored image whose form is abandoned stays
in MEDIA_ROOT like any other unused upload.
"""

import posixpath

from django.core import signing
from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile

from core.images import RENDITION_ERRORS, strip_metadata
from core.validators import validate_image_file

SALT = "blog.post.kept-featured-image"
MAX_AGE = 24 * 60 * 60  # a form left open longer than a day starts again


def store(upload, instance, field_name):
    """Store a valid upload for ``instance.<field_name>``; the stored file, None if invalid."""
    try:
        validate_image_file(upload)
        content, extension = strip_metadata(upload)
    except (ValidationError, *RENDITION_ERRORS):
        return None  # the form's own validation reports it
    field = instance._meta.get_field(field_name)
    stem = posixpath.splitext(posixpath.basename(upload.name))[0]
    name = field.generate_filename(instance, f"{stem}.{extension}")
    return FieldFile(
        instance, field, field.storage.save(name, content, max_length=field.max_length)
    )


def sign(name):
    return signing.dumps(name, salt=SALT)


def unsign(token, instance, field_name):
    """The stored file a token names, as the field's file; None if forged, old or gone."""
    if not token:
        return None
    try:
        name = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    field = instance._meta.get_field(field_name)
    if not isinstance(name, str) or not field.storage.exists(name):
        return None
    return FieldFile(instance, field, name)

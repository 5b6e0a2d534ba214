"""Image files for upload tests: real pictures made with Pillow, and fakes and bombs."""

import io
import struct
import zlib

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825


def image_bytes(fmt="JPEG", size=(2000, 1200), mode="RGB", color="#6b1d5e", exif=None):
    image = Image.new(mode, size, color)
    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def gps_exif(orientation=None):
    """EXIF with a GPS position (and optionally an orientation), like a phone photo."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (51.0, 30.0, 0.0)
    gps[3] = "W"
    gps[4] = (0.0, 7.0, 0.0)
    if orientation:
        exif[0x0112] = orientation
    return exif


def uploaded_image(name="photo.jpg", **kwargs):
    fmt = kwargs.pop("fmt", "JPEG")
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png"}.get(fmt, "application/octet-stream")
    return SimpleUploadedFile(name, image_bytes(fmt, **kwargs), content_type=content_type)


def fake_file(name, content):
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


def png_bomb(width=100_000, height=100_000):
    """A tiny PNG that claims to be width × height pixels: a decompression bomb."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def image_file(name="picture.jpg", size=(640, 360)):
    """A stored-file stand-in (as models' FileField.save takes) holding a JPEG."""
    return ContentFile(image_bytes("JPEG", size=size), name=name)

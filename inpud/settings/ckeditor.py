"""CKEditor 5: the toolbar offers only what the sanitiser keeps (blog/sanitize.py).

Image uploads go to core.uploads.upload_image (inpud/urls.py), not to django-ckeditor-5's own
view: staff only, validated like featured images (MAX_IMAGE_UPLOAD_BYTES, MAX_IMAGE_PIXELS)
and re-encoded without EXIF. The settings below still drive the widget's file chooser.
"""

CKEDITOR_5_FILE_UPLOAD_PERMISSION = "staff"
CKEDITOR_5_ALLOW_ALL_FILE_TYPES = False
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "jpg", "png", "gif", "webp"]
CKEDITOR_5_CONFIGS = {
    "default": {
        "toolbar": {
            "items": [
                "heading",
                "|",
                "bold",
                "italic",
                "link",
                "|",
                "bulletedList",
                "numberedList",
                "blockQuote",
                "|",
                "insertImage",
                "insertTable",
                "|",
                "undo",
                "redo",
            ],
        },
        "heading": {
            "options": [
                {"model": "paragraph", "title": "Paragraph", "class": "ck-heading_paragraph"},
                {
                    "model": "heading2",
                    "view": "h2",
                    "title": "Heading 2",
                    "class": "ck-heading_heading2",
                },
                {
                    "model": "heading3",
                    "view": "h3",
                    "title": "Heading 3",
                    "class": "ck-heading_heading3",
                },
                {
                    "model": "heading4",
                    "view": "h4",
                    "title": "Heading 4",
                    "class": "ck-heading_heading4",
                },
            ]
        },
        "image": {
            # What the file chooser offers: only what core.validators accepts. CKEditor's
            # default also offers BMP and TIFF, which the upload view then refuses.
            "upload": {"types": ["jpeg", "png", "gif", "webp"]},
            "toolbar": [
                "imageTextAlternative",
                "toggleImageCaption",
                "|",
                "imageStyle:inline",
                "imageStyle:block",
                "imageStyle:side",
            ],
        },
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
        "link": {"addTargetToExternalLinks": False},
    },
}

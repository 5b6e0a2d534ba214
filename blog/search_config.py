"""How posts are indexed for search: one PostgreSQL text search configuration per language.

The configurations (migration blog/0009) put the language's stemmer after unaccent, so
"наркотики" finds "наркотиков" and "reducción" finds "reduccion". A post's vector is built with
its own language's configuration; a search uses the configuration of the language shown.
"""

from django.contrib.postgres.search import SearchVector
from django.db import models
from django.utils import translation

SEARCH_CONFIGS = {"en": "inpud_en", "ru": "inpud_ru", "es": "inpud_es", "fr": "inpud_fr"}


def search_config(language=None):
    return SEARCH_CONFIGS.get(language or translation.get_language(), SEARCH_CONFIGS["en"])


def _config_of_row():
    return models.Case(
        *[
            models.When(language=code, then=models.Value(name))
            for code, name in SEARCH_CONFIGS.items()
        ],
        default=models.Value(SEARCH_CONFIGS["en"]),
    )


def search_vector_expression():
    """What Post.search_vector holds: title weighs most, then the excerpt, then the text, each
    stemmed with the configuration of the post's own language."""
    config = _config_of_row()
    return (
        SearchVector("title", weight="A", config=config)
        + SearchVector("excerpt", weight="B", config=config)
        + SearchVector("body_text", weight="C", config=config)
    )

"""How posts are indexed for search: one PostgreSQL text search configuration per language,
on text without accents.

Migration blog/0009 makes ``inpud_en``, ``inpud_ru``, ``inpud_es``, ``inpud_fr`` (copies of
PostgreSQL's own) and ``inpud_unaccent(text)``: the ``unaccent`` extension where the server has
it, else the same folding by a character table (the embedded PostgreSQL of `make run` ships
no extensions). Texts and searches both go through it, then the language's stemmer, so
"наркотики" finds "наркотиков" and "reduccion" finds "reducción". A post's vector is built
with its own language's configuration; a search uses the configuration of the language shown.
"""

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import models
from django.utils import translation

SEARCH_CONFIGS = {"en": "inpud_en", "ru": "inpud_ru", "es": "inpud_es", "fr": "inpud_fr"}


def search_config(language=None):
    return SEARCH_CONFIGS.get(language or translation.get_language(), SEARCH_CONFIGS["en"])


def unaccented(expression):
    return models.Func(expression, function="inpud_unaccent", output_field=models.TextField())


def search_query(text, language=None):
    """A web-search style query ("quotes", OR, -word) in the language's configuration."""
    return SearchQuery(
        unaccented(models.Value(text)), search_type="websearch", config=search_config(language)
    )


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
        SearchVector(unaccented(models.F("title")), weight="A", config=config)
        + SearchVector(unaccented(models.F("excerpt")), weight="B", config=config)
        + SearchVector(unaccented(models.F("body_text")), weight="C", config=config)
    )

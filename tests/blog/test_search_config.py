"""Accents are folded the same way with or without PostgreSQL's unaccent extension (the
embedded PostgreSQL of `make run` ships none; migration blog/0009 then uses a table)."""

import importlib

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

WORDS = ["reducción", "réseaux", "naïve", "Ñandú", "São Paulo", "Łódź", "ёлка", "Ёж", "наркотиков"]


def test_the_folding_table_gives_what_unaccent_gives():
    migration = importlib.import_module("blog.migrations.0009_search_configurations")
    accented, plain = migration._folding_table()
    assert len(accented) == len(plain)
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'unaccent'")
        if cursor.fetchone() is None:
            pytest.skip("this PostgreSQL has no unaccent extension to compare with")
        for word in WORDS:
            cursor.execute(
                "SELECT translate(%s, %s, %s), unaccent(%s)", [word, accented, plain, word]
            )
            folded, expected = cursor.fetchone()
            assert folded == expected, word


def test_searches_and_texts_are_folded_alike():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector('inpud_es', inpud_unaccent('La reducción de daños'))"
            " @@ websearch_to_tsquery('inpud_es', inpud_unaccent('reduccion danos'))"
        )
        assert cursor.fetchone()[0] is True

"""Text search for the site's languages: configurations, and accents folded away.

``inpud_en``, ``inpud_ru``, ``inpud_es``, ``inpud_fr`` are copies of PostgreSQL's ``english``,
``russian``, ``spanish``, ``french`` (their stemmers and stop words). ``inpud_unaccent(text)``
folds accents away before them, on texts and on searches alike, so "reducción" and
"reduccion" give the same lexeme: it is the ``unaccent`` extension (contrib, trusted since
PostgreSQL 13) where the server has it, and otherwise (the embedded PostgreSQL of
`make run`/`make test` ships no extensions) the same folding for Latin and Cyrillic letters
by a character table. The existing posts (all English until now) are indexed again.
"""

import unicodedata

from django.db import migrations

CONFIGS = {"inpud_en": "english", "inpud_ru": "russian", "inpud_es": "spanish", "inpud_fr": "french"}


def _folding_table():
    """Letters with accents (Latin-1, Latin Extended-A) and ё, й: each and its base letter."""
    accented, plain = [], []
    for code in range(0xC0, 0x180):
        char = chr(code)
        base = unicodedata.normalize("NFKD", char)[0]
        if char != base and base.isascii() and base.isalpha():
            accented.append(char)
            plain.append(base)
    # Letters with a stroke have no decomposition; ё and й are folded as unaccent does.
    others = "ŁL łl ĐD đd ØO øo ĦH ħh ıi ŧt ŦT ёе ЁЕ йи ЙИ".split()
    for char, base in ((pair[0], pair[1]) for pair in others):
        accented.append(char)
        plain.append(base)
    return "".join(accented), "".join(plain)


def create(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'")
        has_unaccent = cursor.fetchone() is not None
        if has_unaccent:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
            cursor.execute(
                "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n "
                "ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'"
            )
            schema = cursor.fetchone()[0]
            body = f"SELECT {schema}.unaccent('{schema}.unaccent'::regdictionary, $1)"
            cursor.execute(
                "CREATE OR REPLACE FUNCTION inpud_unaccent(text) RETURNS text LANGUAGE sql "
                f"IMMUTABLE STRICT PARALLEL SAFE AS $$ {body} $$"
            )
        else:
            accented, plain = _folding_table()
            cursor.execute(
                "CREATE OR REPLACE FUNCTION inpud_unaccent(text) RETURNS text LANGUAGE sql "
                "IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT translate($1, %s, %s) $$",
                [accented, plain],
            )
        for name, base in CONFIGS.items():
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {base})")


def drop(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        for name in CONFIGS:
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        cursor.execute("DROP FUNCTION IF EXISTS inpud_unaccent(text)")


REINDEX = """
UPDATE blog_post SET search_vector =
    setweight(to_tsvector('inpud_en'::regconfig, inpud_unaccent(coalesce(title, ''))), 'A')
    || setweight(to_tsvector('inpud_en'::regconfig, inpud_unaccent(coalesce(excerpt, ''))), 'B')
    || setweight(to_tsvector('inpud_en'::regconfig, inpud_unaccent(coalesce(body_text, ''))), 'C');
"""


class Migration(migrations.Migration):
    dependencies = [("blog", "0008_languages")]

    operations = [
        migrations.RunPython(create, drop),
        migrations.RunSQL(REINDEX, migrations.RunSQL.noop),
    ]

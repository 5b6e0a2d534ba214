"""Text search configurations for the site's languages, with unaccent.

Each is a copy of PostgreSQL's own configuration for the language whose words (Latin letters
with accents, Cyrillic, hyphenated parts) go through unaccent before the language's stemmer:
"reducción" and "reduccion" give the same lexeme, and Russian endings are stemmed. Plain ASCII
words keep the copied configuration's mapping (Russian stems them as English). The existing posts (all English until
now) are indexed again with inpud_en.
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

CONFIGS = {"inpud_en": "english", "inpud_ru": "russian", "inpud_es": "spanish", "inpud_fr": "french"}


def create_sql():
    statements = []
    for name, base in CONFIGS.items():
        statements.append(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {base})")
        statements.append(
            f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR hword, hword_part, word "
            f"WITH unaccent, {base}_stem"
        )
    return ";\n".join(statements) + ";"


def drop_sql():
    return "".join(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name};" for name in CONFIGS)


REINDEX = """
UPDATE blog_post SET search_vector =
    setweight(to_tsvector('inpud_en'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('inpud_en'::regconfig, coalesce(excerpt, '')), 'B')
    || setweight(to_tsvector('inpud_en'::regconfig, coalesce(body_text, '')), 'C');
"""


class Migration(migrations.Migration):
    dependencies = [("blog", "0008_languages")]

    operations = [
        UnaccentExtension(),
        migrations.RunSQL(create_sql(), drop_sql()),
        migrations.RunSQL(REINDEX, migrations.RunSQL.noop),
    ]

"""Database ids read from addresses and forms, where anything else simply matches nothing."""

# PostgreSQL's bigint holds any 18-digit number; longer ones could overflow the query.
MAX_ID_DIGITS = 18


def parse_id(value):
    """A non-negative id written in ASCII digits, or None.

    ``str.isdigit()`` alone is not enough: it accepts "²", which ``int()`` refuses (a 500),
    and "٣", which ``int()`` quietly reads as 3.
    """
    value = str(value or "")
    if value.isascii() and value.isdigit() and len(value) <= MAX_ID_DIGITS:
        return int(value)
    return None

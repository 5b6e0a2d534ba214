"""Numbers shown on a campaign page, shaped so that no supporter can be singled out."""

from django_countries import countries


def progress(count, goal):
    """Percentage towards the goal (capped at 100), or None without a goal."""
    if not goal:
        return None
    return {"goal": goal, "value": min(count, goal), "percent": min(100, count * 100 // goal)}


def countries_with_floor(rows, floor):
    """Countries with at least ``floor`` supporters, and the rest folded into one number.

    A country with one or two supporters would point at those people, so it is only
    counted under "other countries".
    """
    shown, other = [], 0
    for code, n in rows:
        if n >= floor and code:
            shown.append({"name": countries.name(code), "code": code, "count": n})
        else:
            other += n
    return {"shown": shown, "other": other}

"""The numbers on a campaign's admin page: sign-ups over time as an SVG chart, countries,
consent. Three aggregate queries whatever the number of supporters."""

from datetime import timedelta

from django.db.models import Count, Max, Min, Q
from django.db.models.functions import Trunc
from django_countries import countries

from campaigns.models import Supporter

CHART_WIDTH, CHART_HEIGHT = 640, 180
TOP_COUNTRIES = 12


def _period(first, last):
    span = (last - first) if first and last else timedelta(0)
    if span <= timedelta(days=92):
        return "day"
    if span <= timedelta(weeks=104):
        return "week"
    return "month"


def _step(moment, period):
    if period == "day":
        return moment + timedelta(days=1)
    if period == "week":
        return moment + timedelta(weeks=1)
    return (moment.replace(day=1) + timedelta(days=32)).replace(day=1)


def _bars(rows, period):
    """Every period from the first to the last (empty ones too), scaled to the chart."""
    counts = dict(rows)
    if not counts:
        return []
    moment, last, periods = min(counts), max(counts), []
    while moment <= last:
        periods.append((moment, counts.get(moment, 0)))
        moment = _step(moment, period)
    peak = max(n for _m, n in periods) or 1
    width = CHART_WIDTH / len(periods)
    bars = []
    for index, (moment, n) in enumerate(periods):
        height = round(n * (CHART_HEIGHT - 20) / peak, 1)
        bars.append(
            {
                "start": moment,
                "count": n,
                "x": round(index * width, 1),
                "width": max(round(width * 0.8, 1), 0.5),
                "y": round(CHART_HEIGHT - height, 1),
                "height": height,
            }
        )
    return bars


def campaign_stats(campaign):
    supporters = Supporter.objects.filter(campaign=campaign).order_by()
    confirmed = Q(status=Supporter.Status.CONFIRMED)
    totals = supporters.aggregate(
        confirmed=Count("pk", filter=confirmed),
        pending=Count("pk", filter=Q(status=Supporter.Status.PENDING)),
        wants_updates=Count("pk", filter=confirmed & Q(wants_updates=True)),
        show_name=Count("pk", filter=confirmed & Q(show_name=True)),
        first=Min("confirmed_at", filter=confirmed),
        last=Max("confirmed_at", filter=confirmed),
    )
    period = _period(totals["first"], totals["last"])
    rows = (
        supporters.filter(confirmed)
        .annotate(period=Trunc("confirmed_at", period))
        .values_list("period")
        .annotate(n=Count("pk"))
        .order_by("period")
    )
    by_country = list(supporters.country_counts())
    shown = [
        {"name": countries.name(code) or code or "—", "count": n}
        for code, n in by_country[:TOP_COUNTRIES]
    ]
    return {
        "totals": totals,
        "period": period,
        "bars": _bars(list(rows), period),
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "countries": shown,
        "other_countries": sum(n for _code, n in by_country[TOP_COUNTRIES:]),
        "country_total": len(by_country),
    }

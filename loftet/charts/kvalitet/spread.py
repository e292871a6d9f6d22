"""Kvalitet, chart 4: whether the gaps between municipalities (P10–P90) shrink over the years."""

from __future__ import annotations

import pandas as pd

from loftet.charts import Chart, Options, register
from loftet.charts.kvalitet.common import (
    INDICATOR,
    PAGE,
    SMALL_NOTE,
    SUPPRESSED_RULE,
    suppressed_note,
)
from loftet.figures.quality_spread import spread_trend
from loftet.filters import Filters
from loftet.formatting import number
from loftet.queries.quality import spread_by_year

MIN_FOR_SPREAD = 5
"""Fewer municipalities with a value than this give no P10/P90."""


def spread_data(filters: Filters, options: Options) -> pd.DataFrame:
    """P10, P90, their ratio and difference per year, between the municipalities in scope."""
    code = INDICATOR.value(options)
    return spread_by_year(filters, code, min_count=MIN_FOR_SPREAD).assign(indikator=code)


def _direction(before: float, after: float, tolerance: float = 0.02) -> int:
    """-1, 0 or 1: fell, about unchanged (within `tolerance`, relative) or rose."""
    change = after / before - 1 if before else 0.0
    return 0 if abs(change) < tolerance else (1 if change > 0 else -1)


def _spread_summary(frame: pd.DataFrame, filters: Filters, options: Options) -> str:
    data = frame.dropna(subset=["forhold"])
    if data.empty:
        return (
            f"For få kommuner med tall (under {MIN_FOR_SPREAD}) til å beregne spredning "
            f"for {filters.county_name}."
        )
    first, last = data.iloc[0], data.iloc[-1]
    trend = ""
    if len(data) > 1:
        ratio = _direction(first.forhold, last.forhold)
        difference = _direction(first.differanse, last.differanse)
        if ratio != difference:
            trend = (
                ": ingen klar endring, siden forholdet og forskjellen i prosentpoeng "
                "utvikler seg ulikt"
            )
        else:
            trend = {
                -1: ": forskjellene mellom kommunene har blitt mindre",
                0: ": forskjellene mellom kommunene er omtrent uendret",
                1: ": forskjellene mellom kommunene har blitt større",
            }[ratio]
    span = (
        f"fra {number(first.forhold, 2)} i {int(first.aar)} til "
        f"{number(last.forhold, 2)} i {int(last.aar)}"
        if len(data) > 1
        else f"{number(last.forhold, 2)} i {int(last.aar)}"
    )
    diff = (
        f"P90 − P10 {number(first.differanse, 1)} → {number(last.differanse, 1)} prosentpoeng"
        if len(data) > 1
        else f"P90 − P10 {number(last.differanse, 1)} prosentpoeng"
    )
    verb = "gikk" if len(data) > 1 else "var"
    where = f" i {filters.county_name}" if filters.fylke else ""
    return (
        f"P90/P10{where} {verb} {span}{trend} ({diff}). {SPREAD_IN_WORDS} {SMALL_NOTE}"
        + suppressed_note(int(last.skjermet), int(last.aar))
    )


SPREAD_IN_WORDS = (
    "Slik leses tallet: P90 er verdien bare hver tiende kommune ligger over, P10 "
    "verdien bare hver tiende ligger under; P90/P10 = 1,5 betyr at kommunene "
    "høyt oppe har halvparten mer enn kommunene langt nede."
)


SPREAD = register(
    Chart(
        id="kvalitet-spredning",
        metrics=("kvalitetsindikator",),
        spans_years=True,
        page=PAGE,
        title="Forskjeller mellom kommunene over tid",
        data=spread_data,
        figure=lambda frame, _f, _o: spread_trend(frame, main="forhold"),
        source=(
            "Kilde: kvalitetsindikatorer per kommune. P10 og P90: verdien 10 % og 90 % av "
            "kommunene ligger under (kommunene i valgt fylke, ellers hele landet); P90/P10 er "
            "forholdet, P90 − P10 forskjellen i prosentpoeng. " + SUPPRESSED_RULE
        ),
        columns={
            "aar": "År",
            "indikator": "Indikator",
            "antall": "Kommuner med tall",
            "skjermet": "Kommuner med skjermede tall",
            "p10": "P10 (%)",
            "median": "Median (%)",
            "p90": "P90 (%)",
            "forhold": "P90/P10",
            "differanse": "P90 − P10 (prosentpoeng)",
        },
        summary=_spread_summary,
        options=(INDICATOR,),
    )
)

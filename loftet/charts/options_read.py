"""Which page options each chart reads, so a change of one option redraws only the charts
that show it (choosing what the map shows on Dekning leaves the county bars alone).

A chart not listed here is redrawn on every change. The shared filters (year, county, sector,
owner, structure) always redraw every chart. `tests/integration/test_options_read.py` renders
every chart with options that record what is read and fails if a chart reads an option not listed.
"""

from __future__ import annotations

from collections.abc import Iterable

OPTIONS_READ: dict[str, frozenset[str]] = {
    "oversikt-nokkeltall": frozenset(),
    "oversikt-deltakelse": frozenset(),
    "dekning-kart": frozenset({"maal", "skala"}),
    "dekning-fylker": frozenset(),
    "kvalitet-fordeling": frozenset({"indikator"}),
    "kvalitet-rangering": frozenset({"indikator"}),
    "kvalitet-behov-rekkevidde": frozenset({"indikator", "rekkevidde"}),
    "kvalitet-spredning": frozenset({"indikator"}),
    "budsjett-per-aar": frozenset({"fordeling"}),
    "budsjett-innvilget-brukt": frozenset(),
    "budsjett-kr-per-barn": frozenset(),
    "budsjett-kumulativt": frozenset(),
    "kompetanse-omrader": frozenset({"maal"}),
    "kompetanse-pyramide": frozenset({"maal"}),
    "kompetanse-heatmap": frozenset({"maal"}),
    "kompetanse-profesjon": frozenset(),
    "kompetanse-andeler": frozenset({"maal", "inndeling"}),
    "kommune-nokkeltall": frozenset({"kommune"}),
    "kommune-deltakelse": frozenset({"kommune"}),
    "kommune-profesjoner": frozenset({"kommune"}),
    "kommune-tildelinger": frozenset({"kommune"}),
    "kommune-indikatorer": frozenset({"kommune"}),
    "behov-per-statsforvalter": frozenset(),
    "behov-per-omrade": frozenset(),
    "behov-tidslinje": frozenset(),
}


def needs_redraw(chart_id: str, changed: Iterable[str], shared: Iterable[str]) -> bool:
    """Whether a change of the URL parameters `changed` alters the chart `chart_id`.

    True when nothing is known (first draw: `changed` empty), when a shared filter changed,
    when the chart is not listed, or when it reads one of the changed options.
    """
    changed = set(changed)
    if not changed or changed & set(shared) or chart_id not in OPTIONS_READ:
        return True
    return bool(changed & OPTIONS_READ[chart_id])

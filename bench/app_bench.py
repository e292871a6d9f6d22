"""App benchmark: every chart callback at national scale, p50 and p95, cold and warm cache,
beside the floor — the page's main aggregate computed by pandas on in-memory DataFrames.

Three costs per callback: "første" (first request after a load: shared summaries and queries
cold), "ny" (a new filter combination: summaries warm, queries cold — what a user waits for on
each click) and "gjentatt" (a repeated view, all cached). Targets: p95 of "ny" under 100 ms on
the 2-core machine and within 2 × the floor; the map's figure as the browser gets it under
60 KB. Prints the figures; asserts nothing.

    .venv/bin/python bench/app_bench.py          # uses DATABASE_URL or data/loftet.sqlite
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd  # noqa: E402

import loftet.theme  # noqa: E402, F401
from loftet.charts import all_charts, get_chart, render  # noqa: E402
from loftet.db import get_engine  # noqa: E402
from loftet.filters import Filters  # noqa: E402
from loftet.queries.base import clear_cache  # noqa: E402
from loftet.ui.geometry_assets import by_reference  # noqa: E402

RUNS = 12
VARIANTS = [
    Filters(aar=year, fylke=county)
    for year in (2022, 2024, 2025, 2026)
    for county in (None, "46", "18")
]
PAGE_OPTIONS = {"kommune": {"kommune": "4601"}}
TARGET_MS, TARGET_RATIO, MAP_LIMIT_KB = 100, 2.0, 60


def timed(call: Callable[[Filters], object], clear: str = "") -> list[float]:
    """Milliseconds per call over the filter variants; `clear` = "queries" or "all" caches."""
    times = []
    for i in range(RUNS):
        filters = VARIANTS[i % len(VARIANTS)]
        if clear:
            clear_cache(shared=clear == "all")
        start = time.perf_counter()
        call(filters)
        times.append(1000 * (time.perf_counter() - start))
    return times


def p50_p95(times: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(times, n=20)
    return statistics.median(times), cuts[18]


def load_frames() -> dict[str, pd.DataFrame]:
    """The base tables in memory: the floor's input."""
    with get_engine().connect() as conn:
        return {
            name: pd.read_sql_table(name, conn)
            for name in (
                "enhet",
                "deltakelse",
                "tildeling",
                "kvalitetsindikator",
                "kommune",
                "tiltak",
            )
        }


def floors(frames: dict[str, pd.DataFrame]) -> dict[str, Callable[[Filters], object]]:
    """Per page, its main aggregate in plain pandas on the in-memory frames."""
    units = frames["deltakelse"].merge(frames["enhet"], on="enhet_id")
    grants = frames["tildeling"].merge(frames["kommune"], on="kommunenummer")
    indicators = frames["kvalitetsindikator"].merge(frames["kommune"], on="kommunenummer")
    measures = frames["tildeling"].merge(
        frames["tiltak"][["tiltak_id", "hovedomrade"]], on="tiltak_id"
    )

    def coverage(f: Filters):
        year = units[units.aar == f.aar]
        return year.groupby("kommunenummer").agg(
            deltakere=("antall_deltakere", "sum"), enheter=("enhet_id", "nunique")
        )

    return {
        "oversikt": coverage,
        "dekning": coverage,
        "kvalitet": lambda f: (
            indicators[(indicators.aar == f.aar) & (indicators.indikator == "SPESUND")]
            .groupby("fylkesnummer")
            .verdi.describe()
        ),
        "budsjett": lambda f: grants.groupby(["aar", "fylkesnummer"]).innvilget_kr.sum(),
        "kompetanse": lambda f: (
            measures[measures.aar == f.aar].groupby("hovedomrade").innvilget_kr.sum()
        ),
        "kommune": lambda f: (
            units[units.kommunenummer == "4601"].groupby("aar").antall_deltakere.sum()
        ),
    }


def chart_call(chart_id: str, page: str) -> Callable[[Filters], object]:
    chart = get_chart(chart_id)
    options = PAGE_OPTIONS.get(page, {})

    def call(filters: Filters) -> object:
        frame, figure = render(chart_id, filters, options)
        return figure, chart.summary(frame, filters, options)

    return call


def main() -> None:
    floor_by_page = floors(load_frames())
    floor_p95 = {page: p50_p95(timed(fn))[1] for page, fn in floor_by_page.items()}
    calls = [(c.page, c.id, chart_call(c.id, c.page)) for c in all_charts()]
    print(
        "Millisekunder. første = første etter lasting, ny = ny filterkombinasjon, "
        "gjentatt = alt i hurtigbuffer; gulv = pandas i minnet."
    )
    print(
        f"{'side':<11}{'callback':<28}{'første p95':>11}{'ny p50':>8}{'ny p95':>8}"
        f"{'gjentatt p95':>13}{'gulv p95':>9}{'ny/gulv':>8}"
    )
    worst = 0.0
    for page, name, call in calls:
        first = p50_p95(timed(call, clear="all"))
        new = p50_p95(timed(call, clear="queries"))
        repeated = p50_p95(timed(call))
        floor = floor_p95[page]
        worst = max(worst, new[1])
        print(
            f"{page:<11}{name:<28}{first[1]:>11.1f}{new[0]:>8.1f}{new[1]:>8.1f}"
            f"{repeated[1]:>13.1f}{floor:>9.1f}{new[1] / floor:>8.1f}"
        )
    _, figure = render("dekning-kart", Filters())
    size_kb = len(by_reference(figure).to_json().encode()) / 1024
    print(
        f"Verste p95, ny filterkombinasjon: {worst:.0f} ms (mål < {TARGET_MS} ms). "
        f"Gulvforhold mål ≤ {TARGET_RATIO:g}."
    )
    print(
        f"Kartfigur til nettleseren (dekning-kart, hele landet, geometri som adresse): "
        f"{size_kb:.0f} KB (mål < {MAP_LIMIT_KB} KB; bench/map_payload_bench.py måler svaret)"
    )


if __name__ == "__main__":
    main()

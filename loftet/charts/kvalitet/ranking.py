"""Kvalitet, chart 2: the county's municipalities, or the national top and bottom, ranked."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from loftet.charts import Chart, Options, register
from loftet.charts.kvalitet.common import (
    INDICATOR,
    NATIONAL_RULE,
    PAGE,
    indicator_year,
    suppressed_note,
    value_label,
    year_note,
)
from loftet.figures.quality import ranking_bars
from loftet.filters import COUNTIES, Filters
from loftet.formatting import number, pct
from loftet.queries.quality import (
    indicator_by_municipality,
    national_level,
    percentile,
)
from loftet.wording import extreme

RANKING_N = 15
"""Top and bottom N municipalities in the national ranking."""


def _ranked_nation(filters: Filters, code: str, year: int) -> pd.DataFrame:
    """Every municipality with a value, highest first, with its national rank."""
    nation = indicator_by_municipality(replace(filters, fylke=None), code, year)
    ranked = nation.dropna(subset=["verdi"]).sort_values(
        ["verdi", "kommune"], ascending=[False, True]
    )
    return ranked.assign(
        rang=ranked.verdi.rank(method="min", ascending=False).astype("int64"),
        antall_rangert=len(ranked),
        fylke_navn=ranked.fylke.map(COUNTIES[filters.struktur]),
        p10_landet=percentile(ranked.verdi, 0.1),
        p90_landet=percentile(ranked.verdi, 0.9),
    )


def ranking_data(filters: Filters, options: Options) -> pd.DataFrame:
    """The county's municipalities (county chosen) or the national top and bottom 15, in
    order, with national rank; suppressed values are not ranked."""
    code = INDICATOR.value(options)
    year = indicator_year(filters, code)
    ranked = _ranked_nation(filters, code, year)
    if filters.fylke:
        rows = ranked[ranked.fylke == filters.fylke].assign(gruppe=None)
    else:
        top = ranked.head(RANKING_N).assign(gruppe="Høyest")
        bottom = ranked.iloc[RANKING_N:].tail(RANKING_N).assign(gruppe="Lavest")
        rows = pd.concat([top, bottom])
    return rows.assign(aar=year, indikator=code, landsnivaa=national_level(code, year)).reset_index(
        drop=True
    )


def _ranking_figure(frame: pd.DataFrame, filters: Filters, options: Options):
    code = INDICATOR.value(options)
    if frame.empty:
        return ranking_bars(frame, national_level=None)
    return ranking_bars(
        frame,
        national_level=frame.landsnivaa.iloc[0],
        band=(frame.p10_landet.iloc[0], frame.p90_landet.iloc[0]),
        highlight_name=filters.county_name if filters.fylke else None,
        value_label=value_label(code, int(frame.aar.iloc[0])),
    )


def _ranking_summary(frame: pd.DataFrame, filters: Filters, options: Options) -> str:
    code = INDICATOR.value(options)
    year = int(frame.aar.iloc[0]) if len(frame) else indicator_year(filters, code)
    scope = indicator_by_municipality(filters, code, year)
    suppressed = suppressed_note(int(scope.skjermet.sum()))
    if frame.empty:
        return "Ingen kommuner å rangere for valgt utvalg." + suppressed
    level = frame.landsnivaa.iloc[0]
    first, last = frame.iloc[0], frame.iloc[-1]
    total = int(first.antall_rangert)
    if filters.fylke and len(frame) == 1:
        side = "over" if first.verdi > level else "på eller under"
        text = (
            f"{first.kommune} har {pct(first.verdi)}, {side} landsnivået ({pct(level)}), "
            f"nr. {first.rang} av {total} kommuner i landet."
        )
    elif filters.fylke:
        above = int((frame.verdi > level).sum())
        text = (
            f"I {filters.county_name} ligger {number(above)} av {number(len(frame))} "
            f"kommuner over landsnivået ({pct(level)}). Høyest er {first.kommune} "
            f"({pct(first.verdi)}, nr. {first.rang} av {total} i landet), lavest "
            f"{last.kommune} ({pct(last.verdi)}, nr. {last.rang})."
        )
    else:
        values = frame.set_index("kommune").verdi
        text = (
            f"Av {number(total)} kommuner med tall i rangeringen har "
            f"{extreme(values, pct, noun='kommuner')} høyest verdi og "
            f"{extreme(values, pct, highest=False, noun='kommuner')} lavest; "
            f"landsnivået er {pct(level)}."
        )
    return (
        text
        + suppressed
        + " Skjermede tall er ikke rangert." * bool(suppressed)
        + year_note(frame, filters)
    )


RANKING = register(
    Chart(
        id="kvalitet-rangering",
        metrics=("kvalitetsindikator",),
        page=PAGE,
        title="Rangering av kommunene",
        data=ranking_data,
        figure=_ranking_figure,
        source=(
            f"Kilde: kvalitetsindikatorer per kommune (GSI/BASIL). Hele landet: de "
            f"{RANKING_N} høyeste og {RANKING_N} laveste; valgt fylke: alle kommunene. "
            f"{NATIONAL_RULE} Skjermede tall er ikke rangert."
        ),
        columns={
            "aar": "År",
            "indikator": "Indikator",
            "rang": "Rang i landet",
            "antall_rangert": "Kommuner rangert",
            "kommunenummer": "Kommunenummer",
            "kommune": "Kommune",
            "fylke_navn": "Fylke",
            "verdi": "Verdi (%)",
            "teller": "Teller",
            "nevner": "Nevner",
            "landsnivaa": "Landsnivå (%)",
        },
        summary=_ranking_summary,
        options=(INDICATOR,),
    )
)

"""Kvalitet, chart 1: every municipality of the country per county, with the national level."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from loftet.charts import Chart, Options, register
from loftet.charts.kvalitet.common import (
    INDICATOR,
    NATIONAL_RULE,
    PAGE,
    SUPPRESSED_RULE,
    indicator_year,
    suppressed_note,
    value_label,
    year_note,
)
from loftet.figures.quality import county_distribution
from loftet.filters import COUNTIES, Filters
from loftet.formatting import pct
from loftet.queries.quality import (
    indicator_by_municipality,
    indicator_info,
    national_level,
    national_level_basis,
)
from loftet.wording import extreme


def distribution_data(filters: Filters, options: Options) -> pd.DataFrame:
    """Every municipality of the country with its value and county (for one row per county)."""
    code = INDICATOR.value(options)
    year = indicator_year(filters, code)
    frame = indicator_by_municipality(replace(filters, fylke=None), code, year)
    return frame.assign(
        aar=year,
        indikator=code,
        fylke_navn=frame.fylke.map(COUNTIES[filters.struktur]),
        landsnivaa=national_level(code, year),
        landsnivaa_grunnlag=national_level_basis(code, year),
    )


def _distribution_figure(frame: pd.DataFrame, filters: Filters, options: Options):
    code = INDICATOR.value(options)
    year = int(frame.aar.iloc[0]) if len(frame) else filters.aar
    level = frame.landsnivaa.iloc[0] if len(frame) else None
    return county_distribution(
        frame,
        national_level=level,
        county_names=COUNTIES[filters.struktur],
        highlight_county=filters.fylke,
        value_label=value_label(code, year),
    )


def _distribution_summary(frame: pd.DataFrame, filters: Filters, options: Options) -> str:
    data = frame.dropna(subset=["verdi"])
    if data.empty:
        return "Ingen kommuner har tall for valgt indikator og år."
    name = indicator_info(INDICATOR.value(options))["navn"]
    medians = data.groupby("fylke_navn").verdi.median().sort_values()
    scope = data[data.fylke == filters.fylke] if filters.fylke else data
    where = f"I {filters.county_name}" if filters.fylke else "I landet"
    if scope.empty:
        return f"{name}: ingen kommuner i {filters.county_name} har tall." + suppressed_note(
            int(frame[frame.fylke == filters.fylke].skjermet.sum())
        )
    if len(scope) == 1:
        spread = f"{where} er verdien {pct(scope.verdi.iloc[0])}"
    else:
        spread = (
            f"{where} ligger kommunene mellom {pct(scope.verdi.min())} og "
            f"{pct(scope.verdi.max())} (median {pct(scope.verdi.median())})"
        )
    text = (
        f"{name} {int(frame.aar.iloc[0])}. {spread}; landsnivået er "
        f"{pct(frame.landsnivaa.iloc[0])} ({frame.landsnivaa_grunnlag.iloc[0]}). "
        f"Høyest median har {extreme(medians, pct)}, "
        f"lavest {extreme(medians, pct, highest=False)}."
    )
    skjermet = frame[frame.fylke == filters.fylke] if filters.fylke else frame
    return text + suppressed_note(int(skjermet.skjermet.sum())) + year_note(frame, filters)


DISTRIBUTION = register(
    Chart(
        id="kvalitet-fordeling",
        metrics=("kvalitetsindikator",),
        page=PAGE,
        title="Kommunene i hvert fylke, med landsnivået",
        data=distribution_data,
        figure=_distribution_figure,
        source=(
            f"Kilde: kvalitetsindikatorer per kommune (GSI/BASIL). {NATIONAL_RULE} "
            f"{SUPPRESSED_RULE}"
        ),
        columns={
            "aar": "År",
            "indikator": "Indikator",
            "kommunenummer": "Kommunenummer",
            "kommune": "Kommune",
            "fylke_navn": "Fylke",
            "verdi": "Verdi (%)",
            "teller": "Teller",
            "nevner": "Nevner",
            "skjermet": "Skjermet",
            "landsnivaa": "Landsnivå (%)",
            "landsnivaa_grunnlag": "Landsnivå, grunnlag",
        },
        summary=_distribution_summary,
        options=(INDICATOR,),
    )
)

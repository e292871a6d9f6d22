"""Kvalitet, chart 3: need against the programme's reach, per municipality, in quadrants."""

from __future__ import annotations

import pandas as pd

from loftet.charts import Chart, Options, register
from loftet.charts.kvalitet.common import (
    INDICATOR,
    PAGE,
    REACH,
    indicator_year,
    names_list,
    suppressed_note,
    value_label,
    year_note,
)
from loftet.figures.quality_reach import need_reach_scatter
from loftet.filters import COUNTIES, Filters
from loftet.formatting import number, pct
from loftet.queries.quality import HIGH_NEED_LOW_REACH, indicator_info
from loftet.queries.quality_reach import need_and_reach


def need_reach_data(filters: Filters, options: Options) -> pd.DataFrame:
    """Indicator value and reach per municipality with its quadrant."""
    code = INDICATOR.value(options)
    year = indicator_year(filters, code)
    info = indicator_info(code)
    frame = need_and_reach(
        filters, code, year, REACH.value(options), high_is_need=bool(info["hoy_er_behov"])
    )
    return frame.assign(
        aar=year,
        indikator=code,
        maal=REACH.value(options),
        fylke_navn=frame.fylke.map(COUNTIES[filters.struktur]),
    )


def _need_reach_figure(frame: pd.DataFrame, filters: Filters, options: Options):
    code = INDICATOR.value(options)
    reach = REACH.value(options)
    year = int(frame.aar.iloc[0]) if len(frame) else filters.aar
    first = frame.iloc[0] if len(frame) else None
    return need_reach_scatter(
        frame,
        need_threshold=None if first is None else first.behov_grense,
        reach_threshold=None if first is None else first.rekkevidde_grense,
        high_is_need=bool(indicator_info(code)["hoy_er_behov"]),
        reach=reach,
        value_label=value_label(code, year),
        reach_label=f"{REACH.labels()[reach]} {year}",
    )


def _need_reach_summary(frame: pd.DataFrame, filters: Filters, options: Options) -> str:
    if frame.empty or frame.kvadrant.isna().all():
        return "Ingen kommuner har både indikator og rekkevidde for valgt utvalg."
    reach = REACH.value(options)
    first = frame.iloc[0]
    target = frame[frame.kvadrant == HIGH_NEED_LOW_REACH]
    high_is_need = bool(indicator_info(INDICATOR.value(options))["hoy_er_behov"])
    target = target.sort_values("verdi", ascending=not high_is_need)
    median = (
        f"{number(first.rekkevidde_grense, 1)} deltakelser per 1000"
        if reach == "deltakere_per_1000"
        else f"{number(first.rekkevidde_grense)} kr"
    )
    side = "over" if high_is_need else "under"
    where = f" i {filters.county_name}" if filters.fylke else ""
    if target.empty:
        text = f"Ingen kommuner{where} har høyt behov og er lite nådd."
    else:
        count = "1 kommune" if len(target) == 1 else f"{number(len(target))} kommuner"
        text = f"{count}{where} har høyt behov og er lite nådd: {names_list(target)}."
    return (
        text + f" Høyt behov: verdi {side} landsnivået ({pct(first.behov_grense)}); lite "
        f"nådd: rekkevidde på eller under medianen for landet ({median})."
        + suppressed_note(int(frame.skjermet.sum()))
        + year_note(frame, filters)
    )


NEED_REACH = register(
    Chart(
        id="kvalitet-behov-rekkevidde",
        metrics=("kvalitetsindikator", "deltakere_per_1000", "kr_per_barn"),
        page=PAGE,
        title="Behov og rekkevidde: hvem er lite nådd?",
        data=need_reach_data,
        figure=_need_reach_figure,
        source=(
            "Kilde: kvalitetsindikatorer per kommune; deltakelse og tildelinger rapportert til "
            "statsforvalterne; barn og elever fra enhetsregisteret. Skillelinjene er "
            "landsnivået (sum teller / sum nevner) og medianen for rekkevidde i landet. "
            "Sektor og eiertype avgrenser rekkevidden. Punktstørrelse: antall barn og elever."
        ),
        columns={
            "aar": "År",
            "indikator": "Indikator",
            "kommunenummer": "Kommunenummer",
            "kommune": "Kommune",
            "fylke_navn": "Fylke",
            "verdi": "Verdi (%)",
            "maal": "Mål for rekkevidde",
            "rekkevidde": "Rekkevidde",
            "barn_elever": "Barn og elever",
            "kvadrant": "Kvadrant",
            "behov_grense": "Landsnivå (%)",
            "rekkevidde_grense": "Median rekkevidde",
            "skjermet": "Skjermet",
        },
        summary=_need_reach_summary,
        options=(INDICATOR, REACH),
    )
)

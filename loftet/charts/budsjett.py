"""Charts on Budsjett: the allocation per year against the 2025 level and the national budget,
granted against spent, NOK per child and running totals; plus the table behind the first chart."""

from __future__ import annotations

import math

import pandas as pd

from loftet.charts import Chart, Options, ViewOption, register
from loftet.figures import budget as figures
from loftet.filters import Filters
from loftet.formatting import kr, mill_kr, pct
from loftet.queries.budget import (
    GROUPINGS,
    allocation_by_group,
    allocation_by_year,
    granted_per_child_by_county,
)
from loftet.wording import extreme

PAGE = "budsjett"
SPLIT = ViewOption(
    param="fordeling",
    label="Fordel tabellen på",
    caption="Fordelt på",
    choices={"fylke": "Fylke", "statsforvalter": "Statsforvalter"},
    default="fylke",
    place="page",
)
"""How a year's allocation is split (a key of `GROUPINGS`); by county when a county is chosen."""
SOURCE = (
    "Kilde: tildelinger rapportert av statsforvalterne (innvilget og brukt beløp); "
    "bevilgning fra inndatafilen «bevilgning», med kilde per år."
)
NO_SECTOR_NOTE = "Sektorfilteret gjelder ikke beløp: en tildeling har ingen sektor."


def fordeling(filters: Filters, options: Options) -> str:
    """The valid split for these filters: always by county when a county is chosen."""
    value = SPLIT.value(options)
    return "fylke" if filters.fylke or value not in GROUPINGS else value


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _notes(filters: Filters) -> str:
    return f" {NO_SECTOR_NOTE}" if filters.sektor else ""


def _national_view(filters: Filters) -> bool:
    """The national budget is only comparable with all recipients in the whole country."""
    return filters.fylke is None and filters.eier is None


# --- budsjett-per-aar ---------------------------------------------------------------------------


def _per_year_data(filters: Filters, options: Options) -> pd.DataFrame:
    return allocation_by_group(filters, fordeling(filters, options))


def _per_year_figure(frame: pd.DataFrame, filters: Filters, options: Options):
    return figures.allocation_by_year(
        frame,
        group_label=SPLIT.labels()[fordeling(filters, options)],
        single=filters.fylke is not None,
        show_budget=_national_view(filters),
        years=(filters.fra, filters.aar),
    )


def _per_year_summary(frame: pd.DataFrame, filters: Filters, options: Options) -> str:
    if frame.empty:
        return (
            f"{filters.county_name}: ingen tildelinger registrert for {filters.fra}–"
            f"{filters.aar}.{_notes(filters)}"
        )
    per_year = frame.groupby("aar").innvilget_kr.sum()
    last_year = int(per_year.index.max())
    level = frame.drop_duplicates("gruppe").nivaa_2025_kr.sum()
    text = f"{filters.county_name}: {mill_kr(per_year[last_year])} innvilget i {last_year}"
    if level:
        text += f", {pct(100 * per_year[last_year] / level)} av 2025-nivået ({mill_kr(level)})"
    text += "."
    if not filters.fylke:
        split = SPLIT.labels()[fordeling(filters, options)].lower()
        text += f" Søylene viser hele landet; fordelingen per {split} står i tabellen."
    if _national_view(filters) and figures.budget_differs(frame):
        text += " Markørene viser bevilgningen der den avviker fra summen."
    return text + budget_sources_text(frame) + _notes(filters)


def budget_sources_text(frame: pd.DataFrame) -> str:
    """ " Kilde for bevilgningen: 2021 <source>; 2022–2026 Demodata – antakelse.", with runs
    of consecutive years that share a source joined (empty when no budget is given)."""
    years = frame.drop_duplicates("aar").dropna(subset=["bevilgning_kilde"]).sort_values("aar")
    if years.empty:
        return ""
    runs: list[list] = []
    for year, source in zip(years.aar, years.bevilgning_kilde, strict=True):
        if runs and runs[-1][2] == source and runs[-1][1] == year - 1:
            runs[-1][1] = year
        else:
            runs.append([year, year, source])
    parts = [f"{a}{'' if a == b else f'–{b}'}: {source}" for a, b, source in runs]
    return f" Kilde for bevilgningen: {'; '.join(parts)}."


PER_YEAR = register(
    Chart(
        id="budsjett-per-aar",
        metrics=("innvilget_kr", "bevilgning_kr", "andel_av_2025"),
        spans_years=True,
        page=PAGE,
        title="Innvilget per år mot 2025-nivået",
        data=_per_year_data,
        figure=_per_year_figure,
        source=SOURCE + " Fylke etter mottakerens kommune.",
        columns={
            "aar": "År",
            "gruppe": "Kode",
            "gruppe_navn": "Fylke/statsforvalter",
            "innvilget_kr": "Innvilget (kr)",
            "brukt_kr": "Brukt (kr)",
            "andel_av_aar": "Andel av årets nasjonale sum (%)",
            "nivaa_2025_kr": "2025-nivå (kr)",
            "andel_av_2025": "Andel av 2025-nivået (%)",
            "bevilgning_kr": "Bevilgning, hele landet (kr)",
            "bevilgning_kilde": "Kilde for bevilgningen",
        },
        summary=_per_year_summary,
        options=(SPLIT,),
    )
)


# --- budsjett-innvilget-brukt -------------------------------------------------------------------


def _spent_summary(frame: pd.DataFrame, filters: Filters, _options: Options) -> str:
    if frame.empty:
        return f"{filters.county_name}: ingen tildelinger registrert.{_notes(filters)}"
    reported = frame[frame.brukt_kr.notna()]
    missing = [str(y) for y in frame[frame.brukt_kr.isna()].aar]
    partial = [str(y) for y in reported[reported.andel_rapportert < 100 - 1e-9].aar]
    text = f"{filters.county_name}: "
    if len(reported):
        last = reported.iloc[-1]
        text += (
            f"i {int(last.aar)} ble {mill_kr(last.brukt_kr)} rapportert brukt av "
            f"{mill_kr(last.innvilget_kr)} innvilget."
        )
    else:
        text += "ingen bruk er rapportert ennå."
    if missing:
        text += f" Bruk er ikke rapportert ennå for {', '.join(missing)} (vises som mangler)."
    if partial:
        text += f" Delvis rapportert: {', '.join(partial)}."
    return text + _notes(filters)


GRANTED_SPENT = register(
    Chart(
        id="budsjett-innvilget-brukt",
        metrics=("innvilget_kr", "brukt_kr"),
        spans_years=True,
        page=PAGE,
        title="Innvilget og brukt per år",
        data=lambda filters, _options: allocation_by_year(filters),
        figure=lambda frame, filters, _o: figures.granted_and_spent(
            frame, years=(filters.fra, filters.aar)
        ),
        source=SOURCE + " Mottakerne rapporterer bruk i januar året etter.",
        columns={
            "aar": "År",
            "innvilget_kr": "Innvilget (kr)",
            "brukt_kr": "Brukt (kr)",
            "innvilget_rapportert_kr": "Innvilget med rapportert bruk (kr)",
            "andel_rapportert": "Andel med rapportert bruk (%)",
            "uten_brukt": "Tildelinger uten rapportert bruk",
        },
        summary=_spent_summary,
    )
)


# --- budsjett-kr-per-barn -----------------------------------------------------------------------


def _per_child_summary(frame: pd.DataFrame, filters: Filters, _options: Options) -> str:
    if frame.empty:
        return "Ingen barn eller elever registrert."
    national = frame.landet_kr_per_barn.iloc[0]
    per_child = frame.set_index("fylke_navn").kr_per_barn
    text = (
        f"I {filters.aar} ble det innvilget {kr(national)} per barn/elev i hele landet; "
        f"høyest i {extreme(per_child, kr)}."
    )
    chosen = frame[frame.valgt]
    if len(chosen):
        row = chosen.iloc[0]
        text += f" {row.fylke_navn} (uthevet): {kr(row.kr_per_barn)}."
    if filters.eier:
        text += " Eierfilteret gjelder både beløp og enheter."
    return text + _notes(filters)


PER_CHILD = register(
    Chart(
        id="budsjett-kr-per-barn",
        metrics=("kr_per_barn", "innvilget_kr"),
        page=PAGE,
        title="Kroner per barn og elev, per fylke",
        data=lambda filters, _options: granted_per_child_by_county(filters),
        figure=lambda frame, _f, _o: figures.granted_per_child(frame),
        source=SOURCE + " Barn og elever fra enhetsregisteret (antall barn/elever per enhet).",
        columns={
            "fylke": "Fylkesnummer",
            "fylke_navn": "Fylke",
            "innvilget_kr": "Innvilget (kr)",
            "barn_elever": "Barn og elever",
            "kr_per_barn": "Kr per barn/elev",
            "landet_kr_per_barn": "Hele landet, kr per barn/elev",
        },
        summary=_per_child_summary,
    )
)


# --- budsjett-kumulativt ------------------------------------------------------------------------


def _cumulative_summary(frame: pd.DataFrame, filters: Filters, _options: Options) -> str:
    if frame.empty:
        return f"{filters.county_name}: ingen tildelinger registrert.{_notes(filters)}"
    last = frame.iloc[-1]
    text = (
        f"{filters.county_name}: {mill_kr(last.kum_innvilget_kr)} innvilget til sammen "
        f"{int(frame.aar.iloc[0])}–{int(last.aar)}"
    )
    spent = frame.dropna(subset=["kum_brukt_kr"])
    if len(spent):
        row = spent.iloc[-1]
        text += f"; {mill_kr(row.kum_brukt_kr)} rapportert brukt til og med {int(row.aar)}"
    return text + "." + _notes(filters)


CUMULATIVE = register(
    Chart(
        id="budsjett-kumulativt",
        metrics=("innvilget_kr", "brukt_kr", "bevilgning_kr"),
        spans_years=True,
        page=PAGE,
        title="Kumulativt innvilget og brukt",
        data=lambda filters, _options: allocation_by_year(filters),
        figure=lambda frame, filters, _o: figures.cumulative_totals(
            frame, show_budget=_national_view(filters)
        ),
        source=SOURCE + " Brukt summeres bare så lenge hvert år har rapportert bruk.",
        columns={
            "aar": "År",
            "innvilget_kr": "Innvilget (kr)",
            "brukt_kr": "Brukt (kr)",
            "kum_innvilget_kr": "Innvilget, kumulativt (kr)",
            "kum_brukt_kr": "Brukt, kumulativt (kr)",
            "bevilgning_kr": "Bevilgning (kr)",
            "kum_bevilgning_kr": "Bevilgning, kumulativt (kr)",
        },
        summary=_cumulative_summary,
    )
)

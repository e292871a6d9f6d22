"""The chart slides' messages: each one sentence, the county against the nation, computed from
the same chart data function (`Chart.data`) that the slide's chart and its page draw, so the
sentence and the chart cannot disagree. Headline figures that Oversikt shows as key figures
(municipalities taking part, with the whole team, units reached) come from the KPI catalogue
(`loftet.charts.kpi_table`), so a slide and a card say the same number.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from loftet.charts.kpi_table import kpi_table
from loftet.config import TARGET_YEAR
from loftet.figures.references import NationalReference
from loftet.filters import Filters
from loftet.formatting import NBSP, mill_kr, number
from loftet.presentation.slide import (
    Slide,
    chart_data,
    in_sentence,
    municipalities,
    nation_filters,
    place_name,
    share,
    whole_pct,
)
from loftet.queries.quality import HIGH_NEED_LOW_REACH, indicator_info
from loftet.wording import extreme

MILLION = 1_000_000
"""The budget and competence charts draw amounts in millions of kroner."""


def _county_frame(filters: Filters) -> pd.DataFrame:
    """Coverage per county (all counties), as the county bars draw it."""
    return chart_data("dekning-fylker", filters)


def _county_row(frame: pd.DataFrame, filters: Filters) -> pd.Series | None:
    rows = frame[frame.fylke == filters.fylke] if filters.fylke else frame.iloc[0:0]
    return rows.iloc[0] if len(rows) else None


def _key_figure(filters: Filters, key: str) -> tuple[float | None, float | None]:
    """(the place's value, the nation's) of one of Oversikt's key figures."""
    row = kpi_table(filters, {}).set_index("kpi").loc[key]
    value = None if pd.isna(row.verdi) else float(row.verdi)
    if not filters.fylke:
        return value, value
    return value, None if pd.isna(row.landet) else float(row.landet)


def participation_slide(filters: Filters) -> Slide:
    """Share of municipalities taking part, county against nation."""
    frame = _county_frame(filters)
    here, nation = _key_figure(filters, "kommuner_deltar")
    options: dict[str, str] = {}
    row = _county_row(frame, filters)
    if row is not None:
        return Slide(
            "deltakelse",
            f"{row.fylke_navn}: {whole_pct(here)} av kommunene deltar",
            comparison=f"landet {whole_pct(nation)}",
            detail=f"{number(row.deltar)} av {municipalities(row.kommuner)} deltok "
            f"i {filters.aar}.",
            chart_id="dekning-fylker",
            options=options,
        )
    ordered = frame.sort_values(["andel_deltar", "fylke"])
    detail = (
        f"{number(frame.deltar.sum())} av {municipalities(frame.kommuner.sum())} deltok "
        f"i {filters.aar}."
    )
    if len(ordered):
        shares = ordered.set_index("fylke_navn").andel_deltar
        detail += (
            f" Høyest andel i {extreme(shares, whole_pct)}, lavest i "
            f"{extreme(shares, whole_pct, highest=False)}."
        )
    return Slide(
        "deltakelse",
        f"Hele landet: {whole_pct(nation)} av kommunene deltar",
        detail=detail,
        chart_id="dekning-fylker",
        options=options,
    )


def map_slide(filters: Filters) -> Slide:
    """Share of kindergartens, schools, PPT and other units reached, with the map."""
    frame = _county_frame(filters)
    here, nation = _key_figure(filters, "andel_naadd")
    row = _county_row(frame, filters)
    reached, units = (
        (row.enheter_naadd, row.enheter)
        if row is not None
        else (frame.enheter_naadd.sum(), frame.enheter.sum())
    )
    detail = (
        f"{number(reached)} av {number(units)} barnehager, skoler, PPT-kontor og andre "
        f"enheter deltok i {filters.aar}. Kartet viser andelen per kommune."
    )
    options = {"maal": "andel_naadd"}
    if row is not None:
        return Slide(
            "kart",
            f"{row.fylke_navn}: tiltakene har nådd {whole_pct(here)} av enhetene",
            comparison=f"landet {whole_pct(nation)}",
            detail=detail,
            chart_id="dekning-kart",
            options=options,
            reference=NationalReference(f"Hele landet: {whole_pct(nation)}", kind="note"),
        )
    return Slide(
        "kart",
        f"Hele landet: tiltakene har nådd {whole_pct(nation)} av enhetene",
        detail=detail,
        chart_id="dekning-kart",
        options=options,
    )


def whole_team_slide(filters: Filters) -> Slide:
    """Share of municipalities taking part with the whole team (kindergarten, school and PPT)."""
    frame = _county_frame(filters)
    here, nation = _key_figure(filters, "helt_lag")
    row = _county_row(frame, filters)
    team, total = (
        (row.helt_lag, row.kommuner)
        if row is not None
        else (frame.helt_lag.sum(), frame.kommuner.sum())
    )
    detail = (
        f"Barnehage, skole og PPT i samme tiltak: {number(team)} av "
        f"{municipalities(total)} i {filters.aar}. Linjene viser utviklingen fra "
        f"{filters.fra}."
    )
    headline = f"{whole_pct(here)} av kommunene deltar med hele laget"
    if row is not None:
        return Slide(
            "hele-laget",
            f"{row.fylke_navn}: {headline}",
            comparison=f"landet {whole_pct(nation)}",
            detail=detail,
            chart_id="oversikt-deltakelse",
            reference=_national_team_trend(filters, nation),
        )
    return Slide(
        "hele-laget", f"Hele landet: {headline}", detail=detail, chart_id="oversikt-deltakelse"
    )


def _national_team_trend(filters: Filters, nation: float | None) -> NationalReference:
    """The nation's whole-team share per year, as the chart draws the county's."""
    years = chart_data("oversikt-deltakelse", nation_filters(filters)).dropna(
        subset=["andel_helt_lag"]
    )
    return NationalReference(
        f"Hele landet, hele laget ({whole_pct(nation)} i {filters.aar})",
        kind="trend",
        points=tuple(zip(years.aar.astype(float), years.andel_helt_lag.astype(float), strict=True)),
    )


def _granted(frame: pd.DataFrame, year: int) -> float:
    return float(frame.loc[frame.aar == year, "innvilget_kr"].sum())


def _level(frame: pd.DataFrame) -> float:
    """The 2025 level of the groups in `frame` (each group's level once)."""
    return float(frame.drop_duplicates("gruppe").nivaa_2025_kr.sum()) if len(frame) else 0.0


def budget_slide(filters: Filters) -> Slide:
    """The ramp towards the 2025 level: before 2025 how far the county has come against the
    nation; from 2025 the county's part of the national amount, with the ramp in the detail."""
    chart_id = "budsjett-per-aar"
    nation = chart_data(chart_id, nation_filters(filters), {"fordeling": "fylke"})
    scope = chart_data(chart_id, filters) if filters.fylke else nation
    where = place_name(filters)
    year = filters.aar
    here, there = _granted(scope, year), _granted(nation, year)
    level_here, level_there = _level(scope), _level(nation)
    years = sorted(int(y) for y in scope.loc[scope.innvilget_kr > 0, "aar"].unique())
    slide = Slide("budsjett", "", chart_id=chart_id)
    if not here:
        return replace(slide, headline=f"{where}: ingen tildelinger registrert i {year}")
    first = years[0] if years else year
    ramp = (
        f"Opptrapping fra {mill_kr(_granted(scope, first))} i {first}"
        + (f" (landet {mill_kr(_granted(nation, first))})." if filters.fylke else ".")
        if first < year
        else ""
    )
    if year < TARGET_YEAR and level_here and level_there:
        return replace(
            slide,
            headline=f"{where} har nådd {whole_pct(share(here, level_here))} av "
            f"{TARGET_YEAR}-nivået",
            comparison=f"landet {whole_pct(share(there, level_there))}" if filters.fylke else "",
            detail=f"Innvilget i {year}: {mill_kr(here)} av {mill_kr(level_here)} i "
            f"{TARGET_YEAR}. {ramp}".strip(),
            reference=NationalReference(
                f"I landets tempo: {whole_pct(share(there, level_there))} av "
                f"{TARGET_YEAR}-nivået ({mill_kr(level_here * there / level_there)})",
                value=level_here * there / level_there / MILLION,
            )
            if filters.fylke
            else None,
        )
    if filters.fylke:
        return replace(
            slide,
            headline=f"{where}: {mill_kr(here)} innvilget i {year}",
            comparison=f"{whole_pct(share(here, there))} av landets {mill_kr(there)}",
            detail=ramp,
        )
    return replace(slide, headline=f"Hele landet: {mill_kr(here)} innvilget i {year}", detail=ramp)


def competence_slide(filters: Filters) -> Slide:
    """The competence area with the largest part of the funds, county against nation."""
    chart_id = "kompetanse-omrader"
    scope = chart_data(chart_id, filters)
    nation = chart_data(chart_id, nation_filters(filters)) if filters.fylke else scope
    where = place_name(filters)
    total = float(scope.innvilget_kr.sum()) if len(scope) else 0.0
    if not total:
        return Slide(
            "kompetanse",
            f"{where}: ingen midler registrert på kompetanseområder i {filters.aar}",
            chart_id=chart_id,
        )
    top = scope.sort_values(["innvilget_kr", "nivaa"], ascending=[False, True]).iloc[0]
    national_row = nation[nation.omrade == top.omrade]
    national_share = national_row.andel_kr.iloc[0] if len(national_row) else None
    used = int((scope.innvilget_kr > 0).sum())
    return Slide(
        "kompetanse",
        f"{where}: {whole_pct(top.andel_kr)} av midlene går til {in_sentence(top.omrade_navn)}",
        comparison=f"landet {whole_pct(national_share)}" if filters.fylke else "",
        reference=_spread_like_nation(nation, total) if filters.fylke else None,
        detail=f"{mill_kr(total)} fordelt på {used} av {len(scope)} kompetanseområder i "
        f"{filters.aar}.",
        chart_id=chart_id,
    )


def _spread_like_nation(nation: pd.DataFrame, total: float) -> NationalReference:
    """A tick per area: the county's funds, shared out over the areas as the nation's are."""
    per_area = {
        str(row.omrade_navn): total * float(row.andel_kr) / 100 / MILLION
        for row in nation.dropna(subset=["andel_kr"]).itertuples()
    }
    return NationalReference("Fordelt som i hele landet", kind="ticks", per_category=per_area)


def _high_need_low_reach(frame: pd.DataFrame) -> tuple[int, int]:
    """(municipalities with high need and little reach, municipalities with a quadrant)."""
    known = frame.dropna(subset=["kvadrant"])
    return int((known.kvadrant == HIGH_NEED_LOW_REACH).sum()), len(known)


def need_reach_slide(filters: Filters) -> Slide:
    """Share of municipalities with high need and little reach, county against nation."""
    chart_id = "kvalitet-behov-rekkevidde"
    scope = chart_data(chart_id, filters)
    nation = chart_data(chart_id, nation_filters(filters)) if filters.fylke else scope
    where = place_name(filters)
    target, known = _high_need_low_reach(scope)
    if not known:
        return Slide(
            "behov", f"{where}: ingen kommuner har tall for behov og rekkevidde", chart_id=chart_id
        )
    national_target, national_known = _high_need_low_reach(nation)
    year = int(scope.aar.iloc[0])
    indicator = str(indicator_info(str(scope.indikator.iloc[0]))["navn"])
    return Slide(
        "behov",
        f"{where}: {whole_pct(share(target, known))} av kommunene har høyt behov og er lite nådd",
        comparison=(
            f"landet {whole_pct(share(national_target, national_known))}" if filters.fylke else ""
        ),
        reference=NationalReference(
            f"Hele landet: {whole_pct(share(national_target, national_known))} har høyt behov "
            "og er lite nådd",
            kind="note",
        )
        if filters.fylke
        else None,
        detail=f"{number(target)} av {municipalities(known)} med tall. Behov: "
        f"{in_sentence(indicator)} ({year}); nådd: deltakelser per 1{NBSP}000 barn og "
        "elever.",
        chart_id=chart_id,
    )

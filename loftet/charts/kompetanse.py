"""Charts on Kompetanseområder: funds and participants by competence area, by level of the
competence pyramid, county × area, profession × sector and the shares over the years."""

from __future__ import annotations

import pandas as pd

from loftet.charts import Chart, Options, ViewOption, register
from loftet.figures import competence as figures
from loftet.filters import Filters
from loftet.formatting import mill_kr, number, pct
from loftet.queries.competence import (
    area_shares_by_county,
    area_shares_by_year,
    area_totals,
    level_totals,
    participants_by_profession_and_sector,
)
from loftet.wording import extreme

PAGE = "kompetanse"
MEASURE = ViewOption(
    param="maal",
    label="Vis",
    caption="Vis",
    choices={"kr": "Kroner", "deltakere": "Deltakelser"},
    default="kr",
    place="page",
)
"""Count funds (kr) or participants, on every chart of the page that can show both."""
GROUPING = ViewOption(
    param="inndeling",
    label="Andeler over tid etter",
    caption="Etter",
    choices={"nivaa": "Nivå i pyramiden", "omrade": "Kompetanseområde"},
    default="nivaa",
)
"""The shares over the years by level of the pyramid or by area (`GROUPINGS` of the queries)."""
SOURCE = (
    "Kilde: tildelinger og deltakelse rapportert til statsforvalterne. Midler og deltakere "
    "telles på tiltakets hovedområde."
)
SECTOR_NOTE = (
    "Sektorfilteret gjelder bare deltakere: en tildeling har ingen sektor, så "
    "beløpene gjelder alle sektorer."
)


def measure(options: Options) -> str:
    """The query column for the page option `maal`."""
    return "deltakere" if MEASURE.value(options) == "deltakere" else "innvilget_kr"


def grouping(options: Options) -> str:
    """The page option `inndeling`: a grouping of `loftet.queries.competence`."""
    return GROUPING.value(options)


def _amount(value: float, column: str) -> str:
    return mill_kr(value) if column == "innvilget_kr" else f"{number(value)} deltakelser"


def _sector_note(filters: Filters, column: str = "innvilget_kr") -> str:
    return f" {SECTOR_NOTE}" if filters.sektor and column == "innvilget_kr" else ""


def _what(column: str) -> str:
    return "midlene" if column == "innvilget_kr" else "deltakerne"


def _scope(filters: Filters) -> str:
    return f"{filters.county_name} {filters.aar}"


def _nothing(filters: Filters, column: str) -> str:
    return f"{_scope(filters)}: ingen {_what(column)} registrert.{_sector_note(filters, column)}"


# --- kompetanse-omrader -------------------------------------------------------------------------


def _areas_summary(frame: pd.DataFrame, filters: Filters, options: Options) -> str:
    column = measure(options)
    share = "andel_kr" if column == "innvilget_kr" else "andel_deltakere"
    total = frame[column].sum() if len(frame) else 0
    if not total:
        return _nothing(filters, column)
    used = int((frame[column] > 0).sum())
    top = extreme(frame.set_index("omrade_navn")[share], pct, noun="områder")
    return (
        f"{_scope(filters)}: {_amount(total, column)} fordelt på {used} av {len(frame)} "
        f"kompetanseområder; størst andel av {_what(column)} har {top}."
        f"{_sector_note(filters, column)}"
    )


AREAS = register(
    Chart(
        id="kompetanse-omrader",
        metrics=("kompetanseomrade", "innvilget_kr", "deltakere"),
        page=PAGE,
        title="Kompetanseområder",
        data=lambda filters, _options: area_totals(filters),
        figure=lambda frame, _f, options: figures.area_bars(frame, measure=measure(options)),
        source=SOURCE,
        columns={
            "omrade": "Kode",
            "omrade_navn": "Kompetanseområde",
            "nivaa": "Nivå",
            "nivaa_navn": "Nivå i pyramiden",
            "innvilget_kr": "Innvilget (kr)",
            "andel_kr": "Andel av beløpet (%)",
            "deltakere": "Deltakelser",
            "andel_deltakere": "Andel av deltakerne (%)",
        },
        summary=_areas_summary,
        options=(MEASURE,),
    )
)


# --- kompetanse-pyramide ------------------------------------------------------------------------


def _pyramid_summary(frame: pd.DataFrame, filters: Filters, options: Options) -> str:
    column = measure(options)
    share = "andel_kr" if column == "innvilget_kr" else "andel_deltakere"
    if frame.empty or not frame[column].sum():
        return _nothing(filters, column)
    parts = [f"nivå {int(r.nivaa)} {pct(r[share])}" for _, r in frame.iterrows()]
    return (
        f"{_scope(filters)}: {_what(column).capitalize()} fordelt på pyramidens nivåer: "
        f"{', '.join(parts)}.{_sector_note(filters, column)}"
    )


PYRAMID = register(
    Chart(
        id="kompetanse-pyramide",
        metrics=("kompetanseomrade", "innvilget_kr", "deltakere"),
        page=PAGE,
        title="Kompetansepyramiden",
        data=lambda filters, _options: level_totals(filters),
        figure=lambda frame, _f, options: figures.level_pyramid(frame, measure=measure(options)),
        source=SOURCE + " Nivå 1: grunnleggende kompetanse for alle; nivå 2: behov for særskilt "
        "tilrettelegging; nivå 3: særlig komplekse behov.",
        columns={
            "nivaa": "Nivå",
            "nivaa_navn": "Nivå i pyramiden",
            "omrader": "Kompetanseområder",
            "innvilget_kr": "Innvilget (kr)",
            "andel_kr": "Andel av beløpet (%)",
            "deltakere": "Deltakelser",
            "andel_deltakere": "Andel av deltakelsene (%)",
        },
        summary=_pyramid_summary,
        options=(MEASURE,),
    )
)


# --- kompetanse-heatmap -------------------------------------------------------------------------


def _heatmap_summary(frame: pd.DataFrame, filters: Filters, options: Options) -> str:
    column = measure(options)
    counted = frame[frame.andel.notna() & (frame.fylke != "00")]
    if counted.empty:
        return f"{filters.aar}: ingen {_what(column)} registrert.{_sector_note(filters, column)}"
    text = (
        f"Hver kolonne viser hvordan et fylkes {_what(column)} i {filters.aar} fordeler seg "
        "på kompetanseområdene (prosent av fylkets sum)."
    )
    chosen = counted[counted.valgt]
    if len(chosen):
        top = chosen.sort_values("andel").iloc[-1]
        text += (
            f" {top.fylke_navn} (uthevet): størst andel på {top.omrade_navn} ({pct(top.andel)})."
        )
    return text + _sector_note(filters, column)


HEATMAP = register(
    Chart(
        id="kompetanse-heatmap",
        metrics=("kompetanseomrade", "innvilget_kr", "deltakere"),
        page=PAGE,
        title="Fylkenes fordeling på kompetanseområder",
        data=lambda filters, options: area_shares_by_county(filters, measure=measure(options)),
        figure=lambda frame, _f, options: figures.county_area_heatmap(
            frame, measure=measure(options)
        ),
        source=SOURCE + " Beløp plasseres i fylket til mottakerens kommune, deltakere i fylket til "
        "enheten.",
        columns={
            "fylke": "Fylkesnummer",
            "fylke_navn": "Fylke",
            "omrade": "Kode",
            "omrade_navn": "Kompetanseområde",
            "nivaa": "Nivå",
            "verdi": "Verdi (kr eller deltakelser)",
            "fylke_total": "Fylkets sum",
            "andel": "Andel av fylkets sum (%)",
        },
        summary=_heatmap_summary,
        options=(MEASURE,),
    )
)


# --- kompetanse-profesjon -----------------------------------------------------------------------


def _profession_summary(frame: pd.DataFrame, filters: Filters, _options: Options) -> str:
    total = frame.deltakere.sum() if len(frame) else 0
    if not total:
        return f"{_scope(filters)}: ingen deltakelser registrert."
    per_job = frame.groupby("profesjon_navn").deltakere.sum().sort_values()
    per_sector = frame.groupby("sektor_navn").deltakere.sum().sort_values()
    per_job.index = per_job.index.str.lower()
    per_sector.index = per_sector.index.str.lower()
    return (
        f"{_scope(filters)}: {number(total)} deltakelser; flest "
        f"{extreme(per_job, number, noun='profesjoner')} og flest fra "
        f"{extreme(per_sector, number, noun='sektorer')}."
    )


PROFESSIONS = register(
    Chart(
        id="kompetanse-profesjon",
        metrics=("deltakere",),
        page=PAGE,
        title="Deltakelser etter profesjon og sektor",
        data=lambda filters, _options: participants_by_profession_and_sector(filters),
        figure=lambda frame, _f, _o: figures.profession_sector_bars(frame),
        source="Kilde: deltakelse rapportert til statsforvalterne; sektor etter enhetstype.",
        columns={
            "profesjon": "Kode",
            "profesjon_navn": "Profesjon",
            "sektor": "Sektorkode",
            "sektor_navn": "Sektor",
            "deltakere": "Deltakelser",
        },
        summary=_profession_summary,
    )
)


# --- kompetanse-andeler -------------------------------------------------------------------------


def _shares_summary(frame: pd.DataFrame, filters: Filters, options: Options) -> str:
    column = measure(options)
    if frame.empty:
        return (
            f"{filters.county_name}: ingen {_what(column)} registrert "
            f"{filters.fra}–{filters.aar}.{_sector_note(filters, column)}"
        )
    by = "nivå" if grouping(options) == "nivaa" else "kompetanseområde"
    first, last = int(frame.aar.min()), int(frame.aar.max())
    text = f"{filters.county_name}: andel av {_what(column)} per {by}, {first}–{last}."
    if grouping(options) == "nivaa" and first < last:
        level = frame[frame.nivaa == 1].set_index("aar").andel
        text += f" Nivå 1 gikk fra {pct(level[first])} til {pct(level[last])}."
    return text + _sector_note(filters, column)


SHARES = register(
    Chart(
        id="kompetanse-andeler",
        metrics=("kompetanseomrade", "innvilget_kr", "deltakere"),
        spans_years=True,
        page=PAGE,
        title="Andeler over tid",
        data=lambda filters, options: area_shares_by_year(
            filters, grouping(options), measure(options)
        ),
        figure=lambda frame, _f, _o: figures.share_trend(frame),
        source=SOURCE + " År uten registrerte tall er utelatt.",
        columns={
            "aar": "År",
            "gruppe": "Kode",
            "gruppe_navn": "Nivå/kompetanseområde",
            "verdi": "Verdi (kr eller deltakelser)",
            "aar_total": "Årets sum",
            "andel": "Andel av årets sum (%)",
        },
        summary=_shares_summary,
        options=(MEASURE, GROUPING),
    )
)

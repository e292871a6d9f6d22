"""Charts on Behov: needs reported vs prioritised vs granted per Statsforvalter and per
competence area, and the year's timeline against the February and April deadlines."""

from __future__ import annotations

import pandas as pd

from loftet.charts import Chart, Options, register
from loftet.figures import needs as figures
from loftet.filters import Filters
from loftet.formatting import long_date, mill_kr, pct
from loftet.queries.needs import (
    deadline_shares,
    needs_by_area,
    needs_by_office,
    needs_deadlines,
    needs_timeline,
)

PAGE = "behov"
SOURCE = (
    "Kilde: behovsmeldinger og søknader til statsforvalterne, med samarbeidsforums "
    "prioritering og statsforvalterens vedtak."
)
AMOUNT_COLUMNS = {
    "meldt_kr": "Meldt behov, søkt (kr)",
    "prioritert_kr": "Prioritert av samarbeidsforum, søkt (kr)",
    "innvilget_kr": "Innvilget (kr)",
    "meldinger": "Behovsmeldinger",
    "prioriterte": "Prioriterte",
    "innvilgede": "Innvilget (antall)",
    "andel_innvilget": "Innvilget av meldt (%)",
}


def _scope(filters: Filters) -> str:
    return f"{filters.county_name} (hele statsforvalterembetet)" if filters.fylke else "Hele landet"


def _amount_summary(frame: pd.DataFrame, filters: Filters, label_column: str, what: str) -> str:
    if frame.empty:
        return f"{_scope(filters)}: ingen behovsmeldinger registrert for {filters.aar}."
    reported, granted = frame.meldt_kr.sum(), frame.innvilget_kr.sum()
    top = frame.iloc[0]
    return (
        f"{_scope(filters)}, {filters.aar}: {mill_kr(reported)} meldt, "
        f"{mill_kr(frame.prioritert_kr.sum())} prioritert og {mill_kr(granted)} innvilget "
        f"({pct(100 * granted / reported)} av det meldte). Størst meldt behov {what}: "
        f"{top[label_column]} ({mill_kr(top.meldt_kr)})."
    )


BY_OFFICE = register(
    Chart(
        id="behov-per-statsforvalter",
        page=PAGE,
        title="Meldt, prioritert og innvilget per statsforvalter",
        data=lambda filters, _options: needs_by_office(filters),
        figure=lambda frame, _f, _o: figures.reported_prioritised_granted(
            frame, label_column="sf_navn", axis_title=""
        ),
        source=SOURCE + " Behov meldes til statsforvalteren; et fylke vises med hele embetet.",
        columns={"statsforvalter": "Kode", "sf_navn": "Statsforvalter", **AMOUNT_COLUMNS},
        summary=lambda frame, filters, _o: _amount_summary(frame, filters, "sf_navn", "hos"),
        metrics=("meldt_kr", "prioritert_kr", "innvilget_kr"),
    )
)

BY_AREA = register(
    Chart(
        id="behov-per-omrade",
        page=PAGE,
        title="Meldt, prioritert og innvilget per kompetanseområde",
        data=lambda filters, _options: needs_by_area(filters),
        figure=lambda frame, _f, _o: figures.reported_prioritised_granted(
            frame, label_column="omrade_navn", axis_title=""
        ),
        source=SOURCE + " En melding som nevner flere områder, teller likt i hvert av dem.",
        columns={"omrade": "Kode", "omrade_navn": "Kompetanseområde", **AMOUNT_COLUMNS},
        summary=lambda frame, filters, _o: _amount_summary(frame, filters, "omrade_navn", "i"),
        metrics=("meldt_kr", "prioritert_kr", "innvilget_kr", "kompetanseomrade"),
    )
)


def _timeline_summary(_frame: pd.DataFrame, filters: Filters, _options: Options) -> str:
    shares = deadline_shares(filters)
    if not shares["meldinger"]:
        return f"{_scope(filters)}: ingen behovsmeldinger registrert for {filters.aar}."
    needs, decision = needs_deadlines(filters.aar)
    text = (
        f"{_scope(filters)}, {filters.aar}: {pct(shares['mottatt_i_tide'])} av "
        f"{shares['meldinger']} behovsmeldinger kom inn innen fristen {long_date(needs)}, og "
        f"{pct(shares['vedtatt_i_tide'])} hadde vedtak innen {long_date(decision)}"
    )
    if shares["uten_vedtak"]:
        text += f"; {shares['uten_vedtak']} har ikke vedtak ennå"
    return text + "."


TIMELINE = register(
    Chart(
        id="behov-tidslinje",
        page=PAGE,
        title="Tidslinje: behov meldt og vedtak fattet mot fristene",
        data=lambda filters, _options: needs_timeline(filters),
        figure=lambda frame, filters, _o: figures.needs_timeline(
            frame, deadlines=needs_deadlines(filters.aar)
        ),
        source=SOURCE + " Frist for behov: februar (vist som siste dag i februar); vedtak innen "
        "utgangen av april.",
        columns={
            "dato": "Dato",
            "mottatt": "Meldt hittil",
            "vedtatt": "Vedtatt hittil",
            "andel_mottatt": "Meldt hittil (%)",
            "andel_vedtatt": "Vedtatt hittil (%)",
        },
        summary=_timeline_summary,
        metrics=("behov_frister",),
    )
)

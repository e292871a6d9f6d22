"""What every chart on Kvalitet shares: the page's view options (`indikator`, `rekkevidde`),
the year an indicator is shown for, and the notes the summaries and sources repeat."""

from __future__ import annotations

import pandas as pd

from loftet.charts import ViewOption
from loftet.filters import Filters
from loftet.formatting import number
from loftet.queries.quality import (
    DEFAULT_INDICATOR,
    indicator_info,
    latest_year_with_data,
)
from loftet.queries.reference import indicators

PAGE = "kvalitet"
SMALL_NOTE = (
    "Små kommuner har naturlig større spredning: få barn eller elever gir store "
    "utslag, så en del av forskjellene er tilfeldige."
)
NATIONAL_RULE = (
    "Landsnivået er det publiserte landstallet når inndata har det (filen "
    "«landsnivaa»), ellers summen av tellerne delt på summen av nevnerne for "
    "kommunene med tall, ikke et snitt av kommunenes prosenter."
)
SUPPRESSED_RULE = "Skjermede tall vises som manglende og er holdt utenfor."


def indicator_choices() -> dict[str, str]:
    """Indicator code → name, for the page's dropdown."""
    frame = indicators()
    return dict(zip(frame.kode, frame.navn, strict=True))


INDICATOR = ViewOption(
    param="indikator",
    label="Indikator",
    caption="Indikator",
    choices=indicator_choices,
    default=DEFAULT_INDICATOR,
    control="dropdown",
    place="custom",
)
"""The quality or need indicator every chart on the page shows (next to its description)."""
REACH = ViewOption(
    param="rekkevidde",
    label="Rekkevidde måles som",
    caption="Rekkevidde",
    choices={
        "deltakere_per_1000": "Deltakelser per 1000 barn og elever",
        "kr_per_barn": "Innvilget kr per barn og elev",
    },
    default="deltakere_per_1000",
)
"""How the need-against-reach chart measures reach (a column of `REACH_MEASURES`)."""


def indicator_year(filters: Filters, code: str) -> int:
    """The chosen year, or the latest earlier year with data for `code`."""
    return latest_year_with_data(code, filters.aar) or filters.aar


def value_label(code: str, year: int) -> str:
    return f"{indicator_info(code)['navn']} {year}"


def year_note(frame: pd.DataFrame, filters: Filters) -> str:
    year = int(frame.aar.iloc[0]) if len(frame) and "aar" in frame else filters.aar
    return "" if year == filters.aar else f" Nyeste tall er fra {year}."


def suppressed_note(count: int, year: int | None = None) -> str:
    if not count:
        return ""
    when = f" i {year}" if year else ""
    return (
        f" 1 kommune har skjermede tall{when}."
        if count == 1
        else f" {number(count)} kommuner har skjermede tall{when}."
    )


def names_list(frame: pd.DataFrame, limit: int = 5) -> str:
    names = list(frame.kommune)
    if len(names) <= limit:
        return ", ".join(names[:-1]) + (" og " if len(names) > 1 else "") + names[-1]
    return ", ".join(names[:limit]) + f" og {number(len(names) - limit)} til"

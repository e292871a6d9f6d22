"""The KPI catalogue: every headline figure declared once, for every outlet.

A `Kpi` names its metric in the registry (`loftet.metrics`: label, definition, unit and the
"Om tallene" anchor), how its value is written, the page it links to and the views it belongs
to: `omrade` (Oversikt: the nation or one county) and `kommune` (the municipality profile).
The words of a value, its change and comparisons are written here for every outlet; the
numbers come from `loftet.charts.kpi_table`, which also puts each view's table in the chart
catalogue so it downloads and joins the report pack like any chart.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from loftet.charts import Options
from loftet.filters import SECTORS
from loftet.formatting import kr, number, pct, short_kr, signed, signed_short_kr
from loftet.metrics import metric

AREA, MUNICIPALITY = "omrade", "kommune"
MONEY_NOTE = "Alle sektorer: beløp fordeles ikke på sektor"


@dataclass(frozen=True)
class Kpi:
    """One headline figure."""

    key: str
    """The value's key (`loftet.queries.kpi_values`) and the card's id."""
    metric: str
    """Its metric in `loftet.metrics`: label, definition, unit, `/om#<metric>`."""
    kind: str
    """How it is written: `pct`, `count`, `rate`, `kr` (short on cards), `kr_full`, `yesno`."""
    href: str
    views: tuple[str, ...]
    title: str = ""
    """The card's title when it differs from the metric's label."""
    compare: bool = True
    """Whether the county and nation are shown beside it (rates and shares, not totals)."""
    money: bool = False
    """Money is not split by sector: with a sector chosen the card says so."""

    @property
    def label(self) -> str:
        return self.title or metric(self.metric).label


BOTH = (AREA, MUNICIPALITY)
KPIS: tuple[Kpi, ...] = (
    Kpi("kommuner_deltar", "deltar", "pct", "/dekning", (AREA,)),
    Kpi("deltar", "deltar", "yesno", "/dekning", (MUNICIPALITY,), title="Deltar"),
    Kpi(
        "helt_lag",
        "helt_lag",
        "pct",
        "/dekning?maal=helt_lag",
        (AREA,),
        title="Kommuner med hele laget (barnehage, skole og PPT i samme tiltak)",
    ),
    Kpi(
        "helt_lag_kommune",
        "helt_lag",
        "yesno",
        "/dekning?maal=helt_lag",
        (MUNICIPALITY,),
        title="Hele laget rundt barnet",
    ),
    Kpi("deltakere", "deltakere", "count", "/kompetanse", BOTH, compare=False),
    Kpi("deltakere_per_1000", "deltakere_per_1000", "rate", "/kompetanse", (MUNICIPALITY,)),
    Kpi(
        "andel_ansatte_naadd",
        "andel_ansatte_naadd",
        "pct",
        "/dekning?maal=andel_ansatte_naadd",
        BOTH,
    ),
    Kpi(
        "andel_naadd", "andel_naadd", "pct", "/dekning?maal=andel_naadd", BOTH, title="Enheter nådd"
    ),
    Kpi("innvilget_kr", "innvilget_kr", "kr", "/budsjett", BOTH, compare=False, money=True),
    Kpi("kr_per_barn", "kr_per_barn", "kr_full", "/budsjett", (MUNICIPALITY,), money=True),
    Kpi("andel_av_2025", "andel_av_2025", "pct", "/budsjett", (AREA,), money=True),
    *(
        Kpi(
            f"naadd_{code}",
            "andel_naadd",
            "pct",
            "/dekning",
            (AREA,),
            title=f"{name}: enheter nådd",
        )
        for code, name in SECTORS.items()
    ),
)
KPIS_BY_KEY = {kpi.key: kpi for kpi in KPIS}
VALUE_KEYS = {"helt_lag_kommune": "helt_lag"}
"""KPI key → value key where a view shows one value under another card."""


def kpis_for(view: str) -> list[Kpi]:
    """The KPIs of one view, in catalogue order."""
    return [kpi for kpi in KPIS if view in kpi.views]


def view_of(options: Options) -> str:
    """`kommune` when the options name a municipality, else `omrade`."""
    return MUNICIPALITY if options.get("kommune") else AREA


# --- Words --------------------------------------------------------------------------------------


def value_text(kpi: Kpi, value: float | None) -> str:
    """The value as a card shows it: `340 mill. kr`, `12,5 %`, `Ja`."""
    if value is None or pd.isna(value):
        return "–"
    if kpi.kind == "yesno":
        return "Ja" if value > 0 else "Nei"
    formats = {"pct": pct, "kr": short_kr, "kr_full": kr, "count": number}
    return formats.get(kpi.kind, lambda v: number(v, 1))(value)


def full_text(kpi: Kpi, value: float | None) -> str:
    """The value in full (tooltips and tables): `1 250 000 kr`."""
    if kpi.kind == "kr" and value is not None and not pd.isna(value):
        return kr(value)
    return value_text(kpi, value)


def comparison_value_text(kpi: Kpi, value: float | None) -> str:
    """A county's or the nation's value beside a municipality's (`87,0 %` of municipalities
    for a yes/no figure)."""
    if kpi.kind == "yesno":
        return pct(value, 0)
    return value_text(kpi, value)


def change_text(kpi: Kpi, value: float | None, previous: float | None, year: int) -> str:
    """`+3,2 prosentpoeng fra 2024`, or why there is no change."""
    if kpi.kind == "yesno":
        if previous is None or pd.isna(previous):
            return f"Ingen tall for {year - 1}"
        return f"{value_text(kpi, previous)} i {year - 1}"
    if value is None or previous is None or pd.isna(value) or pd.isna(previous):
        return "Ingen tall for året før"
    delta = value - previous
    if kpi.kind == "kr":
        text = signed_short_kr(delta)
    elif kpi.kind == "pct":
        text = signed(delta, 1, "prosentpoeng")
    elif kpi.kind == "kr_full":
        text = signed(delta, 0, "kr")  # whole kroner, as the value itself
    else:
        text = signed(delta, 0 if kpi.kind == "count" else 1)
    return f"{text} fra {year - 1}"

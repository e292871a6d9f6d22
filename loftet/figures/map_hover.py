"""The coverage map's hover: one template per trace, the numbers per area in `customdata`.

The labels ("Enheter nådd", "Deltakelser" …) are written once in the template, not once per
municipality, and the per-area strings are built column by column (no row loop).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from loftet.formatting import kr, number

if TYPE_CHECKING:
    from loftet.figures.maps import MapMetric

NO_DATA = "ingen data"
HOVER_COLUMNS = ("profil", "kommune", "fylke_navn", "naadd", "deltakere", "innvilget", "verdi")
"""`customdata` of each area, in this order; the first (the profile number) opens the
municipality's profile on a click (`loftet.links.profile_href`)."""


def hover_template(metric: MapMetric) -> str:
    """Name, county, units reached, participants, NOK granted and the metric's value."""
    return (
        "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>"
        "Enheter nådd: %{customdata[3]}<br>Deltakelser: %{customdata[4]}<br>"
        f"Innvilget: %{{customdata[5]}}<br>{metric.label}: %{{customdata[6]}}<extra></extra>"
    )


def hover_data(frame: pd.DataFrame, metric: MapMetric, missing: pd.Series) -> pd.DataFrame:
    """The hover strings of every area (columns `HOVER_COLUMNS`, `frame`'s index)."""
    if metric.categorical:
        value = frame[metric.column].astype(bool).map({True: "ja", False: "nei"})
    else:
        value = frame[metric.column].map(metric.format)
    reached = frame.enheter_naadd.map(number) + " av " + frame.enheter.map(number)
    return pd.DataFrame(
        {
            "profil": frame.profil.astype(str),
            "kommune": frame.kommune.astype(str),
            "fylke_navn": frame.fylke_navn.astype(str),
            "naadd": reached,
            "deltakere": frame.deltakere.map(number),
            "innvilget": frame.innvilget_kr.map(kr),
            "verdi": value.where(~missing, NO_DATA),
        },
        index=frame.index,
    )[list(HOVER_COLUMNS)]

"""Charts on Oversikt."""

from __future__ import annotations

import pandas as pd

from loftet.charts import Chart, Options, register
from loftet.charts.kpi_table import register_kpi_chart
from loftet.charts.kpis import AREA
from loftet.figures.overview import participation_trend
from loftet.filters import Filters
from loftet.formatting import pct
from loftet.provisional import provisional_year
from loftet.queries.coverage import participation_by_year


def _summary(frame: pd.DataFrame, filters: Filters, _options: Options) -> str:
    last = frame.iloc[-1]
    return (
        f"{filters.county_name}: {pct(last.andel_deltar)} av kommunene deltok i "
        f"{int(last.aar)}, {pct(last.andel_helt_lag)} med hele laget rundt barnet."
    )


KEY_FIGURES = register_kpi_chart("oversikt", AREA)

PARTICIPATION_TREND = register(
    Chart(
        id="oversikt-deltakelse",
        metrics=("deltar", "helt_lag"),
        spans_years=True,
        page="oversikt",
        title="Andel kommuner som deltar, per år",
        data=lambda filters, _options: participation_by_year(filters),
        figure=lambda frame, _f, _o: participation_trend(frame, provisional_year()),
        source="Kilde: deltakelse rapportert til statsforvalterne.",
        columns={
            "aar": "År",
            "kommuner": "Kommuner",
            "deltar": "Kommuner som deltar",
            "helt_lag": "Kommuner med hele laget",
            "andel_deltar": "Andel som deltar (%)",
            "andel_helt_lag": "Andel med hele laget (%)",
        },
        summary=_summary,
    )
)

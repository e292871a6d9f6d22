"""The shared callbacks, called as plain functions (Dash's @callback returns the function)."""

from __future__ import annotations

import base64
from typing import Any

import numpy as np

from loftet.ui import ids
from loftet.ui.callbacks import update_chart, update_county_options
from loftet.ui.state import params_from_controls, split_params

CONTROLS = [ids.state(p) for p in ("aar", "fra", "fylke", "sektor", "eier", "struktur")]


def values(data: Any) -> list:
    """A trace's values as the browser gets them: a list, or Plotly's typed array."""
    if isinstance(data, dict) and "bdata" in data:
        return np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"]).tolist()
    return list(data)


def test_update_chart_renders_the_chart_for_the_controls(small_db: str) -> None:
    figure, summary = update_chart(
        [2022, 2020, "46", None, None, 2024], CONTROLS, ids.graph("oversikt-deltakelse")
    )
    deltar = figure["data"][0]
    assert values(deltar["x"]) == [2020, 2021, 2022]
    # Vestland has 43 municipalities; Bergen takes part in 2021, Bergen and Askøy in 2022.
    assert values(deltar["y"]) == [0, 100 / 43, 200 / 43]
    assert summary.startswith("Vestland: 4,7\u00a0% av kommunene deltok i 2022")
    again = update_chart(
        [2022, 2020, "46", None, None, 2024], CONTROLS, ids.graph("oversikt-deltakelse")
    )
    assert again[1] == summary and values(again[0]["data"][0]["y"]) == values(deltar["y"])


def test_split_params_separates_filters_and_page_options() -> None:
    params = params_from_controls(
        [2023, "SPESUND", "30", 2020],
        [ids.state("aar"), ids.state("indikator"), ids.state("fylke"), ids.state("struktur")],
    )
    filters, options = split_params(params)
    assert (filters.aar, filters.fylke, filters.struktur) == (2023, "30", 2020)
    assert options == {"indikator": "SPESUND"}


def test_switching_structure_keeps_a_county_only_if_it_exists() -> None:
    options, value = update_county_options(2020, "46")
    assert value == "46" and {"label": "Viken", "value": "30"} in options
    _, value = update_county_options(2024, "30")
    assert value is None

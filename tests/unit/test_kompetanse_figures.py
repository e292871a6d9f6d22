"""Kompetanseområder figures, called directly with tiny frames."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

import loftet.theme  # noqa: F401 — the app's template, as in the app
from loftet.figures import competence
from loftet.formatting import NBSP
from loftet.theme import PALETTE

NAN = float("nan")
LEVELS = {
    1: "Grunnleggende kompetanse for alle",
    2: "Behov for særskilt tilrettelegging",
    3: "Særlig komplekse behov",
}


def areas() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "omrade": ["INKL", "TIDL", "LESE", "AUTI"],
            "omrade_navn": [
                "Inkluderende praksis",
                "Tidlig innsats",
                "Lese- og skrivevansker",
                "Autisme",
            ],
            "nivaa": [1, 1, 2, 3],
            "nivaa_navn": [LEVELS[1], LEVELS[1], LEVELS[2], LEVELS[3]],
            "innvilget_kr": [1_200_000, 0, 300_000, 700_000],
            "deltakere": [16, 0, 20, 15],
            "andel_kr": [100 * 12 / 22, 0.0, 100 * 3 / 22, 100 * 7 / 22],
            "andel_deltakere": [100 * 16 / 51, 0.0, 100 * 20 / 51, 100 * 15 / 51],
        }
    )


def test_area_bars_sorted_and_coloured_by_level() -> None:
    figure = competence.area_bars(areas())
    assert [t.name for t in figure.data] == [
        f"Nivå 1: {LEVELS[1]}",
        f"Nivå 2: {LEVELS[2]}",
        f"Nivå 3: {LEVELS[3]}",
    ]
    assert all(isinstance(t, go.Bar) and t.orientation == "h" for t in figure.data)
    assert [t.marker.color for t in figure.data] == [PALETTE[0], PALETTE[1], PALETTE[3]]
    # Largest on top: the category order runs from the smallest (bottom) to the largest.
    assert list(figure.layout.yaxis.categoryarray) == [
        "Tidlig innsats",
        "Lese- og skrivevansker",
        "Autisme",
        "Inkluderende praksis",
    ]
    assert list(figure.data[0].x) == [0.0, 1.2]  # millions of kroner
    assert "%{customdata[0]:,.0f} kr" in figure.data[0].hovertemplate
    assert "%{customdata[1]:.1f} %" in figure.data[0].hovertemplate


def test_area_bars_participants() -> None:
    figure = competence.area_bars(areas(), measure="deltakere")
    assert list(figure.layout.yaxis.categoryarray)[-1] == "Lese- og skrivevansker"
    assert figure.layout.xaxis.title.text == "Deltakelser"
    assert "deltakelser" in figure.data[0].hovertemplate


def test_area_bars_empty() -> None:
    figure = competence.area_bars(areas().assign(innvilget_kr=0))
    assert not figure.data and "Ingen tildelinger" in figure.layout.annotations[0].text


def levels() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "nivaa": [1, 2, 3],
            "nivaa_navn": list(LEVELS.values()),
            "innvilget_kr": [1_200_000, 300_000, 700_000],
            "deltakere": [16, 20, 15],
            "andel_kr": [100 * 12 / 22, 100 * 3 / 22, 100 * 7 / 22],
            "andel_deltakere": [100 * 16 / 51, 100 * 20 / 51, 100 * 15 / 51],
        }
    )


def test_level_pyramid_has_level_3_on_top_and_centred_bars() -> None:
    figure = competence.level_pyramid(levels())
    bar = figure.data[0]
    labels = list(figure.layout.yaxis.categoryarray)
    assert labels[-1].startswith(f"<b>Nivå 3: {LEVELS[3]}</b>")
    assert labels[0] == (f"<b>Nivå 1: {LEVELS[1]}</b><br>1,2{NBSP}mill.{NBSP}kr · 54,5{NBSP}%")
    assert list(bar.x) == [1.2, 0.3, 0.7]
    assert list(bar.base) == [-0.6, -0.15, -0.35]
    assert list(bar.marker.color) == [PALETTE[0], PALETTE[1], PALETTE[3]]
    assert "%{customdata[0]:,.0f} kr" in bar.hovertemplate
    assert figure.layout.xaxis.visible is False


def test_level_pyramid_participants_text() -> None:
    figure = competence.level_pyramid(levels(), measure="deltakere")
    assert figure.layout.yaxis.categoryarray[1].endswith(f"20 deltakelser · 39,2{NBSP}%")


def heatmap_frame() -> pd.DataFrame:
    rows = []
    for fylke, navn, valgt, values in (
        ("46", "Vestland", True, (1_200_000, 300_000)),
        ("03", "Oslo", False, (0, 0)),
        ("00", "Hele landet", False, (1_200_000, 300_000)),
    ):
        total = sum(values)
        for (omrade, omrade_navn, nivaa), value in zip(
            (("INKL", "Inkluderende praksis", 1), ("LESE", "Lese- og skrivevansker", 2)),
            values,
            strict=True,
        ):
            rows.append(
                {
                    "fylke": fylke,
                    "fylke_navn": navn,
                    "valgt": valgt,
                    "omrade": omrade,
                    "omrade_navn": omrade_navn,
                    "nivaa": nivaa,
                    "verdi": value,
                    "fylke_total": total,
                    "andel": 100 * value / total if total else NAN,
                }
            )
    return pd.DataFrame(rows)


def test_heatmap_shares_missing_county_and_bold_choice() -> None:
    figure = competence.county_area_heatmap(heatmap_frame())
    heat = figure.data[0]
    assert isinstance(heat, go.Heatmap)
    assert list(heat.x) == ["Vestland", "Oslo", "Hele landet"]
    assert list(heat.y) == ["Inkluderende praksis", "Lese- og skrivevansker"]
    assert list(heat.z[0]) == [80.0, None, 80.0] and list(heat.z[1]) == [20.0, None, 20.0]
    assert figure.layout.xaxis.ticktext[0] == "<b>Vestland</b>"
    assert "Andel: %{z:.1f} %" in heat.hovertemplate and "kr" in heat.hovertemplate
    assert heat.hoverongaps is False


def test_heatmap_participants_hover() -> None:
    figure = competence.county_area_heatmap(heatmap_frame(), measure="deltakere")
    assert "deltakelser" in figure.data[0].hovertemplate


def test_profession_sector_bars_stacked() -> None:
    frame = pd.DataFrame(
        {
            "profesjon_navn": ["Lærere", "Lærere", "Barnehagelærere", "Barnehagelærere"],
            "sektor": ["GS", "VGS", "GS", "VGS"],
            "sektor_navn": ["Grunnskole", "Videregående", "Grunnskole", "Videregående"],
            "deltakere": [20, 15, 0, 0],
        }
    ).pipe(
        lambda f: pd.concat(
            [
                f,
                pd.DataFrame(
                    {
                        "profesjon_navn": ["Barnehagelærere"],
                        "sektor": ["BHG"],
                        "sektor_navn": ["Barnehage"],
                        "deltakere": [12],
                    }
                ),
            ],
            ignore_index=True,
        )
    )
    figure = competence.profession_sector_bars(frame)
    assert figure.layout.barmode == "stack"
    assert [t.name for t in figure.data] == ["Grunnskole", "Videregående", "Barnehage"]
    assert list(figure.layout.yaxis.categoryarray) == ["Barnehagelærere", "Lærere"]
    assert "%{x:,.0f} deltakelser" in figure.data[0].hovertemplate


def test_profession_sector_bars_empty() -> None:
    frame = pd.DataFrame(
        {
            "profesjon_navn": ["Lærere"],
            "sektor": ["GS"],
            "sektor_navn": ["Grunnskole"],
            "deltakere": [0],
        }
    )
    assert not competence.profession_sector_bars(frame).data


def test_share_trend_stacks_to_100_with_level_1_at_the_bottom() -> None:
    frame = pd.DataFrame(
        {
            "aar": [2021, 2021, 2022, 2022],
            "gruppe": ["1", "3", "1", "3"],
            "gruppe_navn": ["Nivå 1: a", "Nivå 3: c", "Nivå 1: a", "Nivå 3: c"],
            "nivaa": [1, 3, 1, 3],
            "andel": [100.0, 0.0, 60.0, 40.0],
        }
    )
    figure = competence.share_trend(frame)
    assert [t.name for t in figure.data] == ["Nivå 1: a", "Nivå 3: c"]
    assert all(t.stackgroup == "andel" for t in figure.data)
    assert list(figure.data[1].y) == [0.0, 40.0]
    assert tuple(figure.layout.yaxis.range) == (0, 100)
    assert "%{y:.1f} %" in figure.data[0].hovertemplate
    assert figure.data[0].fillcolor == "rgba(0, 114, 178, 0.85)"


def test_share_trend_shades_areas_of_one_level() -> None:
    frame = pd.DataFrame(
        {
            "aar": [2022] * 3,
            "gruppe": ["INKL", "TIDL", "LESE"],
            "gruppe_navn": ["Inkl", "Tidl", "Lese"],
            "nivaa": [1, 1, 2],
            "andel": [50.0, 30.0, 20.0],
        }
    )
    fills = [t.fillcolor for t in competence.share_trend(frame).data]
    assert fills[0] != fills[1] and fills[0].startswith("rgba(0, 114, 178")
    assert math.isclose(float(fills[1].split(",")[-1].rstrip(")")), 0.4)


def test_share_trend_legend_on_top_for_levels_and_right_for_areas() -> None:
    levels_only = pd.DataFrame(
        {
            "aar": [2022] * 3,
            "gruppe": ["1", "2", "3"],
            "gruppe_navn": ["a", "b", "c"],
            "nivaa": [1, 2, 3],
            "andel": [50.0, 30.0, 20.0],
        }
    )
    assert competence.share_trend(levels_only).layout.legend.orientation != "v"
    many = pd.DataFrame(
        {
            "aar": [2022] * 6,
            "gruppe": list("ABCDEF"),
            "gruppe_navn": list("ABCDEF"),
            "nivaa": [1, 1, 2, 2, 3, 3],
            "andel": [20.0, 20.0, 20.0, 20.0, 10.0, 10.0],
        }
    )
    assert competence.share_trend(many).layout.legend.orientation == "v"

"""The year in progress («foreløpig»), defined once, and how figures mark it."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from loftet.figures.kpis import sparkline_svg
from loftet.figures.overview import participation_trend
from loftet.provisional import current_year, is_provisional, year_label


def test_current_year_is_the_year_the_data_was_loaded() -> None:
    assert current_year(datetime(2025, 1, 31, 23, 59), today=date(2026, 6, 1)) == 2025
    assert current_year(date(2026, 11, 29)) == 2026


def test_without_a_load_the_current_year_is_today_s() -> None:
    assert current_year(None, today=date(2024, 3, 1)) == 2024


def test_only_the_current_year_and_later_are_provisional() -> None:
    assert [is_provisional(y, 2026) for y in (2024, 2025, 2026)] == [False, False, True]
    assert year_label(2025, 2026) == "2025"
    assert year_label(2026, 2026) == "2026 (foreløpig)"


def test_line_chart_marks_only_the_current_year() -> None:
    frame = pd.DataFrame(
        {
            "aar": [2024, 2025, 2026],
            "andel_deltar": [80.0, 90.0, 91.0],
            "andel_helt_lag": [40.0, 50.0, 52.0],
        }
    )
    figure = participation_trend(frame, current_year=2026)
    ticks = list(figure.layout.xaxis.ticktext)
    assert ticks == ["2024", "2025", "2026<br>(foreløpig)"]
    dotted = [t for t in figure.data if t.line.dash == "dot"]
    assert len(dotted) == 2 and all(list(t.x) == [2025, 2026] for t in dotted)
    solid = [t for t in figure.data if t.line.dash != "dot"]
    assert all(2026 not in list(t.x) for t in solid)
    finished = participation_trend(frame, current_year=2027)
    assert "foreløpig" not in str(finished.layout.xaxis.ticktext)
    assert all(t.line.dash != "dot" for t in finished.data)


def test_sparkline_dashes_only_into_the_provisional_year() -> None:
    svg = sparkline_svg([2023, 2024, 2025, 2026], [1.0, 2.0, None, 3.0], provisional_from=2026)
    lines = svg.count("<line")
    assert lines == 2  # 2023–2024, 2024–2026 (2025 is missing, skipped)
    assert svg.count("stroke-dasharray") == 1
    assert 'fill="#ffffff"' in svg  # hollow point for the provisional year
    done = sparkline_svg([2023, 2024], [1.0, 2.0], provisional_from=2026)
    assert "stroke-dasharray" not in done and 'fill="#ffffff"' not in done
    assert sparkline_svg([2023], [None], provisional_from=2026) == ""

"""Every download carries its context: demo mark, selection and source in the file, values
rounded to the stated precision, labels instead of codes, and the place in the file name —
without breaking the CSV for Excel or pandas."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from loftet.charts import get_chart
from loftet.export import DEMO_MARK, export_file, file_name, view_text
from loftet.export.tables import METADATA_LINES, chart_table, csv_bytes, metadata_lines
from loftet.filters import Filters
from loftet.queries import reference

VESTLAND_2022 = Filters(fylke="46", aar=2022)


def read_back(data: bytes) -> pd.DataFrame:
    """The CSV as the README tells pandas users to read it."""
    return pd.read_csv(
        io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig", skiprows=METADATA_LINES
    )


def test_csv_metadata_is_a_fixed_number_of_comment_lines_and_data_reads_back_exactly() -> None:
    frame = pd.DataFrame(
        {
            "Kommune": ["Bergen", "Askøy; Vest", "Oslo #1"],
            "Andel (%)": [12.5, 7.3, None],
            "Innvilget (kr)": [1_250_000, 0, 5],
        }
    )
    meta = metadata_lines("Tittel; med semikolon", "Vestland · 2022", "Kilde: a; b.", True)
    data = csv_bytes(frame, meta)
    lines = data.decode("utf-8-sig").split("\r\n")
    assert len(meta) == METADATA_LINES
    assert all(line.startswith("# ") and ";" not in line for line in lines[:METADATA_LINES])
    assert lines[METADATA_LINES] == "Kommune;Andel (%);Innvilget (kr)"
    assert DEMO_MARK in lines[3]
    pd.testing.assert_frame_equal(read_back(data), frame)
    # Why the README documents `skiprows` and not `comment="#"`: a `#` inside a text cell
    # would cut that row short.
    by_comment = pd.read_csv(
        io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig", comment="#"
    )
    assert by_comment["Kommune"].iloc[2] != "Oslo #1"


def test_the_read_hint_in_the_file_reads_the_file() -> None:
    """Line 6 tells a Python user how to read the file; run as written, it reads it back."""
    frame = pd.DataFrame({"Kommune": ["Bergen", "Askøy"], "Andel (%)": [12.5, 7.3]})
    data = csv_bytes(frame, metadata_lines("Tittel", "Vestland · 2022", "Kilde: a.", True))
    hint = data.decode("utf-8-sig").split("\r\n")[METADATA_LINES - 1]
    call = hint[hint.index("pandas.read_csv(") :]
    fil = io.StringIO(data.decode("utf-8-sig"))
    read = eval(call, {"pandas": pd, "fil": fil})  # the user's copy and paste
    pd.testing.assert_frame_equal(read, frame)


def test_real_data_metadata_says_it_is_not_demo() -> None:
    assert "ikke demodata" in metadata_lines("T", "V", "K", demo=False)[3]


def test_chart_csv_carries_title_selection_source_and_rounds_to_one_decimal(
    small_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reference, "is_demo", lambda: True)
    name, data = export_file("dekning-kart", VESTLAND_2022, {}, "csv")
    head = data.decode("utf-8-sig").split("\r\n")[:METADATA_LINES]
    chart = get_chart("dekning-kart")
    assert chart.title in head[0] and "Vestland · 2022" in head[1]
    assert head[2].startswith("# Kilde") and "Data lastet" in head[2]
    assert DEMO_MARK in head[3] and "én desimal" in head[4]
    table = read_back(data)
    shares = table["Andel enheter nådd (%)"].dropna()
    assert len(shares) and (shares == shares.round(1)).all()
    assert name == "loftet_dekning-kart_vestland_2022.csv"


def test_downloads_use_labels_not_codes(small_db: str) -> None:
    table = chart_table("kvalitet-rangering", VESTLAND_2022, {"indikator": "SPESUND"})
    names = dict(zip(reference.indicators().kode, reference.indicators().navn, strict=True))
    assert set(table["Indikator"]) == {names["SPESUND"]}
    reach = chart_table("kvalitet-behov-rekkevidde", VESTLAND_2022, {})
    assert "deltakere_per_1000" not in set(reach["Mål for rekkevidde"])
    headers = [
        h
        for chart in ("dekning-kart", "kvalitet-fordeling")
        for h in chart_table(chart, VESTLAND_2022, {}).columns
    ]
    assert not [h for h in headers if "_" in h or h.isupper()]


def test_municipality_downloads_are_named_and_subtitled_after_the_municipality(
    small_db: str,
) -> None:
    options = {"kommune": "4601"}
    assert (
        file_name("kommune-deltakelse", Filters(aar=2025), "png", options)
        == "loftet_kommune-deltakelse_bergen_2025.png"
    )
    text = view_text(get_chart("kommune-deltakelse"), Filters(aar=2025), options)
    assert text.startswith("Bergen kommune ·") and "Hele landet" not in text
    assert (
        file_name("dekning-kart", Filters(aar=2025), "csv") == "loftet_dekning-kart_norge_2025.csv"
    )

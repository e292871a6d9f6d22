"""Export without a browser: file names, descriptions, the print layout, PNG metadata, CSV and
XLSX (totals against the database, formula injection), background jobs and the callbacks."""

from __future__ import annotations

import base64
import io
import json
import sqlite3
import struct
import zlib
from contextlib import ExitStack
from contextvars import copy_context

import pandas as pd
import plotly.graph_objects as go
import pytest
from dash._callback_context import context_value
from dash._utils import AttributeDict
from dash.exceptions import PreventUpdate
from openpyxl import load_workbook

from loftet.charts import get_chart
from loftet.export import DEMO_MARK, file_name, options_text, slug, view_text
from loftet.export.layout import HEIGHT_PX, PNG_SCALE, WIDTH_PX, print_figure
from loftet.export.pack import SKIP_PAGES, PackResult, contents_text, pack_charts, pack_name
from loftet.export.png import png_info, png_text, with_dpi, with_text
from loftet.export.sizing import print_height_px
from loftet.export.tables import (
    METADATA_LINES,
    csv_bytes,
    export_table,
    neutralise,
    xlsx_bytes,
)
from loftet.filters import Filters
from loftet.slots import MAX_PACKS, slot
from tests.dash_tree import load_page

MONEY_CHART = "budsjett-innvilget-brukt"
MONEY_HEADER = "Innvilget (kr)"
ATTACKS = [
    '=HYPERLINK("http://evil.example","klikk")',
    "+1",
    "-2+3",
    "@SUM(A1:A3)",
    "\tTAB",
    "\rCR",
]


def db_path(url: str) -> str:
    return url.removeprefix("sqlite:///")


def granted_in_db(url: str, county: str | None) -> int:
    """Granted kroner 2020–2026 straight from the database (independent of the charts)."""
    sql = (
        "SELECT SUM(t.innvilget_kr) FROM tildeling t JOIN kommune k USING (kommunenummer) "
        "WHERE t.aar BETWEEN 2020 AND 2026 AND (? IS NULL OR k.fylkesnummer = ?)"
    )
    with sqlite3.connect(db_path(url)) as conn:
        return conn.execute(sql, (county, county)).fetchone()[0]


def tiny_png() -> bytes:
    """A valid 1 × 1 white PNG made by hand."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )


# --- names and texts ------------------------------------------------------------------


def test_file_names_name_chart_place_and_year() -> None:
    assert slug("Møre og Romsdal") == "more-og-romsdal"
    assert slug("Trøndelag – Trööndelage") == "trondelag-troondelage"
    assert (
        file_name("dekning-kart", Filters(fylke="46", aar=2025), "png")
        == "loftet_dekning-kart_vestland_2025.png"
    )
    assert (
        file_name("budsjett-per-aar", Filters(aar=2023), "xlsx")
        == "loftet_budsjett-per-aar_norge_2023.xlsx"
    )
    assert (
        pack_name(Filters(fylke="15", aar=2024)) == "loftet_rapportpakke_more-og-romsdal_2024.zip"
    )


def test_view_text_names_filters_and_options_in_words(small_db: str) -> None:
    chart = get_chart("kompetanse-omrader")
    filters = Filters(fylke="46", aar=2022, fra=2021)
    assert view_text(chart, filters, {}) == "Vestland · 2022 · fylkesinndeling 2024"
    assert view_text(get_chart("kompetanse-andeler"), filters, {}).startswith(
        "Vestland · 2021–2022 ·"
    )
    text = view_text(chart, filters, {"maal": "deltakere", "tull": "x"})
    assert text == "Vestland · 2022 · fylkesinndeling 2024 · Vis: Deltakelser"
    assert options_text(get_chart("kvalitet-fordeling"), {"indikator": "SPESUND"}).startswith(
        "Indikator: "
    )
    assert options_text(chart, {"maal": "ukjent"}) == ""


# --- the print layout (no browser) ----------------------------------------------------


def two_series() -> go.Figure:
    figure = go.Figure()
    figure.add_bar(x=[2021, 2022], y=[1, 2], name="Innvilget")
    figure.add_bar(x=[2021, 2022], y=[2, 1], name="Brukt")
    return figure


def legend_titles(figure: go.Figure) -> dict[str, str]:
    layout = figure.layout.to_plotly_json()
    return {
        key: value.get("title", {}).get("text", "")
        for key, value in layout.items()
        if key.startswith("legend") and isinstance(value, dict)
    }


def test_print_figure_adds_title_filters_source_and_demo_on_a_copy() -> None:
    original = two_series()
    before = original.to_json()
    fig = print_figure(
        original,
        title="Innvilget <per> år",
        subtitle="Vestland · 2020–2026",
        source="Kilde: statsforvalterne. Data lastet 1. mars 2026.",
        demo=True,
    )
    assert original.to_json() == before
    assert fig.layout.width == WIDTH_PX == 605 and fig.layout.height == HEIGHT_PX == 340
    assert round(WIDTH_PX * PNG_SCALE) in (1890, 1891)
    assert fig.layout.template.layout.font.size == 11
    titles = legend_titles(fig)
    header = next(t for t in titles.values() if "Innvilget" in t)
    footer = next(t for t in titles.values() if "Kilde" in t)
    assert "<b>Innvilget &lt;per&gt; år</b>" in header and "Vestland · 2020–2026" in header
    assert DEMO_MARK in footer and "1. mars 2026" in footer
    pinned = [
        v
        for v in fig.layout.to_plotly_json().values()
        if isinstance(v, dict) and v.get("yref") == "container"
    ]
    assert len(pinned) == 2
    assert [t.name for t in fig.data[:2]] == ["Innvilget", "Brukt"]


def test_print_figure_without_demo_has_no_notice_and_keeps_single_series_unlabelled() -> None:
    single = go.Figure(go.Bar(x=["Oslo", "Vestland"], y=[3, 4], name="Andel"))
    fig = print_figure(single, title="T", subtitle="S", source="Kilde: x.", demo=False)
    assert not any(DEMO_MARK in text for text in legend_titles(fig).values())
    assert fig.data[0].showlegend is False
    assert fig.layout.showlegend is True


def test_print_figure_gives_stacked_subplots_more_height() -> None:
    from plotly.subplots import make_subplots

    figure = make_subplots(rows=5, cols=1)
    for row in range(1, 6):
        figure.add_scatter(x=[1], y=[row], row=row, col=1)
    assert print_height_px(figure) > HEIGHT_PX
    assert print_height_px(two_series()) == HEIGHT_PX


def test_png_metadata_declares_300_dpi_and_carries_the_title() -> None:
    png = with_text(with_dpi(tiny_png(), 300), {"Title": "Andel som deltar – Trøndelag"})
    info = png_info(png)
    assert info["width"] == 1 and info["height"] == 1
    assert info["dpi"] == pytest.approx(300, abs=0.1)
    assert png_text(png)["Title"] == "Andel som deltar – Trøndelag"
    assert png_info(with_dpi(png, 96))["dpi"] == pytest.approx(96, abs=0.1)
    assert png.index(b"pHYs") < png.index(b"iTXt") < png.index(b"IDAT")


# --- CSV and XLSX -----------------------------------------------------------------------


def injection_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Tekst": ATTACKS + ["Bergen"],
            "Beløp (kr)": [-5, 10, -2, 3, 4, 5, 1_250_000],
            "Andel (%)": [12.5, None, 1.0, 2.0, 3.0, 4.0, 5.0],
            "Deltar": [True, False, True, True, True, False, True],
        }
    )


def test_neutralise_only_touches_text() -> None:
    assert [neutralise(v) for v in ATTACKS] == ["'" + v for v in ATTACKS]
    assert neutralise("Bergen") == "Bergen"
    assert neutralise(-2) == -2 and neutralise(-2.5) == -2.5


def test_csv_opens_in_norwegian_excel_and_is_safe() -> None:
    data = csv_bytes(injection_frame())
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "Tekst;Beløp (kr);Andel (%);Deltar"
    assert lines[1] == '"\'=HYPERLINK(""http://evil.example"",""klikk"")";-5;12,5;Ja'
    assert lines[2] == "'+1;10;;Nei"
    assert lines[3].startswith("'-2+3;-2;")
    assert lines[4].startswith("'@SUM(A1:A3);")
    assert lines[7] == "Bergen;1250000;5,0;Ja"


def test_xlsx_has_title_block_numbers_and_safe_text() -> None:
    data = xlsx_bytes(injection_frame(), "Tittel", "Vestland · 2026", "Kilde: x.", notice=DEMO_MARK)
    sheet = load_workbook(io.BytesIO(data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Tittel" and rows[1][0] == "Vestland · 2026"
    assert rows[3][0] == DEMO_MARK
    header = rows.index(("Tekst", "Beløp (kr)", "Andel (%)", "Deltar"))
    body = rows[header + 1 :]
    # XML stores a carriage return as a line feed; the cell is still neutralised.
    assert [r[0].replace("\n", "\r") for r in body[:6]] == ["'" + v for v in ATTACKS]
    for row in range(header + 2, header + 2 + len(body)):
        assert sheet.cell(row=row, column=1).data_type == "s"
    assert body[0][1] == -5 and isinstance(body[0][1], int)
    assert body[1][2] is None
    assert body[6][1:] == (1_250_000, 5, "Ja")
    assert sheet.cell(row=header + 2, column=2).number_format == "#,##0"
    assert sheet.cell(row=header + 2, column=3).number_format == "#,##0.0"
    assert sheet.freeze_panes == f"A{header + 2}"


@pytest.mark.parametrize("county", [None, "46"])
def test_csv_and_xlsx_totals_equal_the_database(small_db: str, county: str | None) -> None:
    filters = Filters(fylke=county)
    expected = granted_in_db(small_db, county)
    assert expected == (4_500_000 if county else 5_700_000)
    csv = pd.read_csv(
        io.BytesIO(export_table(MONEY_CHART, filters, {}, "csv")),
        sep=";",
        decimal=",",
        encoding="utf-8-sig",
        skiprows=METADATA_LINES,
    )
    assert csv[MONEY_HEADER].sum() == expected
    sheet = load_workbook(io.BytesIO(export_table(MONEY_CHART, filters, {}, "xlsx"))).active
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if MONEY_HEADER in row)
    column = rows[header].index(MONEY_HEADER)
    assert sum(row[column] or 0 for row in rows[header + 1 :]) == expected


# --- jobs, pack contents and callbacks ------------------------------------------------


def test_pack_leaves_out_municipality_charts_and_lists_sources(small_db: str) -> None:
    charts = pack_charts()
    assert charts and not any(chart.page in SKIP_PAGES for chart in charts)
    assert charts[0].page == "oversikt"
    from loftet.export.pack import PackEntry

    entries = [
        PackEntry(charts[0], ["figurer/a.png", "data/a.csv"]),
        PackEntry(charts[1], error="feil"),
    ]
    text = contents_text(Filters(fylke="46"), entries, demo=True)
    assert "Utvalg: Vestland" in text and DEMO_MARK in text
    assert f"1. {charts[0].title}" in text and "   figurer/a.png" in text
    assert charts[0].source in text
    assert f"- {charts[1].title}: feil" in text


def run_in_context(function, triggered_id: dict | str, value: object, outputs: int = 0):
    """Call a callback function with Dash's callback context set as Dash would."""
    key = (
        json.dumps(triggered_id, sort_keys=True, separators=(",", ":"))
        if isinstance(triggered_id, dict)
        else triggered_id
    )
    context = AttributeDict(
        triggered_inputs=[{"prop_id": f"{key}.n_clicks", "value": value}],
        inputs_list=[[{"id": triggered_id, "property": "n_clicks", "value": value}]],
        outputs_list=[
            {"id": "download", "property": "data"},
            [{"id": {"type": "export"}, "property": "className"}] * outputs,
        ],
    )

    def call(*args):
        context_value.set(context)
        return function(*args)

    return lambda *args: copy_context().run(call, *args)


def test_export_callback_sends_the_csv_of_the_clicked_chart(small_db: str) -> None:
    from loftet.ui.export_callbacks import download_export

    button = {"type": "export", "chart": MONEY_CHART, "fmt": "csv"}
    values, control_ids = (
        ["46", 2025],
        [{"type": "urlstate", "param": "fylke"}, {"type": "urlstate", "param": "aar"}],
    )
    sent, classes, message, shown = run_in_context(download_export, button, 1, outputs=3)(
        [1], values, control_ids
    )
    assert sent["filename"] == "loftet_budsjett-innvilget-brukt_vestland_2025.csv"
    assert sent["type"] == "text/csv" and sent["base64"] is True
    content = base64.b64decode(sent["content"])
    assert content == export_table(MONEY_CHART, Filters(fylke="46", aar=2025), {}, "csv")
    assert classes == ["export-button"] * 3 and (message, shown) == ("", False)
    with pytest.raises(PreventUpdate):
        run_in_context(download_export, button, None, outputs=3)([None], values, control_ids)


@pytest.fixture
def pack_page(small_db: str):
    return load_page("rapportpakke")


def test_pack_job_sends_the_zip_and_keeps_it_for_download_again(pack_page, monkeypatch) -> None:
    steps: list[object] = []
    monkeypatch.setattr(
        pack_page,
        "build_pack",
        lambda filters, report: (report(1, 4, "Henter tall"), PackResult(b"PK-zip", charts=3))[1],
    )
    sent, status, tone, key, again = pack_page.make_pack(
        Filters(fylke="46", aar=2024), "t", steps.append
    )
    assert steps == [(0, "", "Starter eksporten …"), (25, "25 %", "Henter tall (1 av 4)")]
    assert sent["filename"] == "loftet_rapportpakke_vestland_2024.zip"
    assert base64.b64decode(sent["content"]) == b"PK-zip"
    assert status.startswith("Ferdig: loftet_rapportpakke_vestland_2024.zip") and tone == "ok"
    assert again == "" and key
    again_sent, _ = pack_page.download_again(1, key)
    assert base64.b64decode(again_sent["content"]) == b"PK-zip"
    assert pack_page.download_again(1, "rapportpakke:borte")[1].startswith("Pakken er ikke")


def test_pack_with_left_out_charts_does_not_just_say_done(pack_page, monkeypatch) -> None:
    monkeypatch.setattr(
        pack_page,
        "build_pack",
        lambda filters, report: PackResult(
            b"PK", charts=24, skipped=(("Tildelinger per år", "Eksport til PNG feilet"),)
        ),
    )
    _sent, status, tone, _key, _again = pack_page.make_pack(Filters(), "t", lambda _p: None)
    assert tone == "warning" and not status.startswith("Ferdig")
    assert "1 av 24 figurer mangler" in status and "Tildelinger per år" in status


def test_pack_failure_and_full_slots_are_told_in_norwegian(pack_page, monkeypatch) -> None:
    def broken(filters, report):
        raise RuntimeError("chromium crashed")

    monkeypatch.setattr(pack_page, "build_pack", broken)
    sent, status, tone, key, again = pack_page.make_pack(Filters(), "t", lambda _p: None)
    assert sent is None and tone == "error" and key is None and again == pack_page.HIDDEN
    assert status.startswith("Rapportpakken kunne ikke lages") and "chromium" not in status
    monkeypatch.setattr(pack_page, "build_pack", lambda f, r: PackResult(b"PK", charts=1))
    with ExitStack() as held:
        for _ in range(MAX_PACKS):
            held.enter_context(slot("rapportpakke", MAX_PACKS))
        sent, status, tone, _key, _again = pack_page.make_pack(Filters(), "t", lambda _p: None)
    assert sent is None and tone == "warning" and "Prøv igjen om litt" in status


def test_pack_page_layout_ignores_unknown_parameters(pack_page) -> None:
    layout = pack_page.layout(fylke="46", tull="x")
    assert pack_page.START in str(layout) and "Vestland" not in str(layout.children[0])


def test_export_callback_passes_the_size_preset_and_refuses_unknown_sizes(
    small_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from loftet.ui import export_callbacks

    calls = []

    def export_file(*args):
        calls.append(args)
        return "f.png", b"png"

    monkeypatch.setattr(export_callbacks, "export_file", export_file)
    values, control_ids = ["46"], [{"type": "urlstate", "param": "fylke"}]
    for fmt in ("png-lysbilde", "png-kjempestor", "gif"):
        button = {"type": "export", "chart": MONEY_CHART, "fmt": fmt}
        run_in_context(export_callbacks.download_export, button, 1, outputs=1)(
            [1], values, control_ids
        )
    assert [(c[3], c[4]) for c in calls] == [("png", "lysbilde")]

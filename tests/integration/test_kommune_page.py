"""Kommuneprofil: the registered charts, the page layout for known, old and unknown numbers, and
its callbacks called as plain functions (small_db)."""

from __future__ import annotations

import base64

import dash
import pytest

from loftet.charts import charts_for_page, render
from loftet.filters import Filters
from loftet.ui import ids
from tests.dash_tree import find, load_page, text_of, walk

CHART_IDS = (
    "kommune-deltakelse",
    "kommune-profesjoner",
    "kommune-tildelinger",
    "kommune-indikatorer",
)


@pytest.fixture
def page(small_db: str):
    """The page module, registered with a throwaway pages app."""
    return load_page("kommune")


def controls(**values) -> tuple[list, list[dict]]:
    return list(values.values()), [ids.state(k) for k in values]


# --- Charts -------------------------------------------------------------------------------------


def test_key_figures_and_four_charts_registered_for_the_page(small_db: str) -> None:
    assert [c.id for c in charts_for_page("kommune")] == [
        "kommune-nokkeltall",
        "kommune-deltakelse",
        "kommune-profesjoner",
        "kommune-tildelinger",
        "kommune-indikatorer",
    ]


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_charts_render_from_filters_and_options_alone(small_db: str, chart_id: str) -> None:
    frame, figure = render(chart_id, Filters(fra=2021, aar=2022), {"kommune": "4601"})
    assert not frame.empty and figure.data
    names = {t.name for t in figure.data}
    assert "Bergen" in names or any("Bergen" in (a.text or "") for a in figure.layout.annotations)


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_charts_with_unknown_or_missing_municipality_say_so(small_db: str, chart_id: str) -> None:
    frame, figure = render(chart_id, Filters(), {"kommune": "9999"})
    assert frame.empty and not figure.data
    assert figure.layout.annotations[0].text == "Fant ingen kommune med nummer «9999»"
    _, figure = render(chart_id, Filters(), {})
    assert figure.layout.annotations[0].text == "Velg en kommune"


def test_chart_accepts_an_old_number_and_uses_the_chosen_county(small_db: str) -> None:
    _, figure = render(
        "kommune-deltakelse", Filters(fra=2022, aar=2022, struktur=2020), {"kommune": "3024"}
    )
    assert {t.name for t in figure.data} == {"Bærum", "Viken", "Hele landet"}
    _, figure = render("kommune-deltakelse", Filters(fra=2022, aar=2022), {"kommune": "3024"})
    assert "Akershus" in {t.name for t in figure.data}


def test_chart_summaries_are_norwegian_sentences(small_db: str) -> None:
    from loftet.charts import get_chart

    options, filters = {"kommune": "4601"}, Filters(fra=2021, aar=2021)
    texts = {}
    for chart_id in CHART_IDS:
        chart = get_chart(chart_id)
        frame, _ = render(chart_id, filters, options)
        texts[chart_id] = chart.summary(frame, filters, options)
    assert texts["kommune-deltakelse"] == (
        "Bergen hadde 76,9 deltakelser per 1\u00a0000 barn og elever i 2021, mot 45,5 i Vestland "
        "og 35,4 i hele landet."
    )
    assert texts["kommune-profesjoner"].startswith(
        "40 deltakelser fra Bergen i 2021, flest lærere (25)."
    )
    assert "3 av 4 enheter" in texts["kommune-profesjoner"]
    assert texts["kommune-tildelinger"].startswith(
        "Bergen fikk innvilget 1\u00a0000\u00a0000\u00a0kr i 2021 (brukt 900\u00a0000\u00a0kr)"
    )
    assert "elever med spesialundervisning 7,5\u00a0%" in texts["kommune-indikatorer"]
    frame, _ = render("kommune-indikatorer", Filters(aar=2021), {"kommune": "3201"})
    summary = get_chart("kommune-indikatorer").summary(
        frame, Filters(aar=2021), {"kommune": "3201"}
    )
    assert "skjermet" in summary


# --- Page ---------------------------------------------------------------------------------------


def test_page_registered_with_template_and_out_of_navigation(page) -> None:
    entry = dash.page_registry["pages.kommune"]
    assert entry["path_template"] == "/kommune/<nummer>"
    assert (entry["name"], entry["order"]) == ("Kommuneprofil", None)
    assert page.page_title(nummer="3024") == "Bærum – Kommuneprofil – Løftet-monitor"
    assert page.page_title(nummer="abc") == "Kommuneprofil – Løftet-monitor"


def test_layout_for_a_2024_number_has_charts_controls_and_table(page) -> None:
    tree = page.layout(nummer="4601", aar="2021")
    assert find(tree, ids.state("kommune"))[0].value == "4601"
    assert find(tree, ids.state("kommune"))[0].type == "hidden"
    assert find(tree, ids.state("aar"))[0].value == 2021
    for param in ("fylke", "sektor", "eier"):
        assert not find(tree, ids.state(param)), param
    assert find(tree, ids.state("struktur")) and find(tree, ids.state("fra"))
    for chart_id in CHART_IDS:
        assert find(tree, ids.graph(chart_id)), chart_id
    assert find(tree, page.part_id(page.MEASURES))
    assert find(tree, page.part_id(page.KPI_CHART))
    assert find(tree, page.CHOOSER)
    text = text_of(tree)
    assert "Kommuneprofil: Bergen" in text and "Statsforvalteren i Vestland" in text
    assert "Vestland (46)" in text and not find(tree, "kommune-merknad")


def test_layout_for_an_old_number_shows_the_new_one_with_a_note(page) -> None:
    tree = page.layout(nummer="3024")
    assert find(tree, ids.state("kommune"))[0].value == "3201"
    note = text_of(find(tree, "kommune-merknad")[0])
    assert "Kommunenummer 3024 gjaldt til 2023" in note
    text = text_of(tree)
    assert "Akershus (32)" in text and "Viken (30)" in text and "til 2023: 3024 Bærum" in text


def test_layout_for_1507_shows_alesund_and_links_to_haram(page) -> None:
    tree = page.layout(nummer="1507")
    assert find(tree, ids.state("kommune"))[0].value == "1508"
    note = find(tree, "kommune-merknad")[0]
    assert {getattr(c, "href", None) for c in walk(note)} >= {"/kommune/1508", "/kommune/1580"}


@pytest.mark.parametrize("raw", ["9999", "abc", "<script>", " "])
def test_layout_for_unknown_numbers_is_friendly(page, raw: str) -> None:
    tree = page.layout(nummer=raw)
    text = text_of(tree)
    assert "Fant ikke kommunen" in text or not raw.strip()
    if raw.strip():
        assert f"Vi fant ingen kommune med nummer «{raw.strip()}»" in text
    assert find(tree, page.CHOOSER) and find(tree, page.GO_TO)
    assert "/" in {getattr(c, "href", None) for c in walk(tree)}
    assert not find(tree, ids.state("kommune"))  # no charts without a municipality
    assert len(find(tree, page.CHOOSER)[0].options) == 357


def test_unknown_name_gets_suggestions(page) -> None:
    tree = page.layout(nummer="berg")
    hrefs = {getattr(c, "href", None) for c in walk(tree)}
    assert "/kommune/4601" in hrefs
    assert "Mente du" in text_of(tree)


def test_layout_without_number_is_the_chooser(page) -> None:
    tree = page.layout()
    assert "Velg en kommune" in text_of(tree) and find(tree, page.CHOOSER)


def test_key_figures_callback(page) -> None:
    values, control_ids = controls(aar=2021, fra=2020, struktur=2024, kommune="4601")
    cards = page.update_key_figures(values, control_ids)
    text = text_of(cards)
    card = {
        c.id: text_of(c) for c in walk(cards) if str(getattr(c, "id", "")).startswith("kommune-kpi")
    }
    assert "Ja" in card["kommune-kpi-deltar"] and "Nei i 2020" in card["kommune-kpi-deltar"]
    assert "Ja" in card["kommune-kpi-helt_lag_kommune"]
    assert "40" in card["kommune-kpi-deltakere"] and "+40 fra 2020" in card["kommune-kpi-deltakere"]
    # 40 participations over 520 children and pupils; Vestland 45,5, the nation 35,4 (small_data)
    assert "76,9" in card["kommune-kpi-deltakere_per_1000"]
    assert "Vestland 45,5 · landet 35,4" in card["kommune-kpi-deltakere_per_1000"]
    assert "75,0\u00a0%" in card["kommune-kpi-andel_naadd"]  # 3 of 4 units
    assert "1,0\u00a0mill.\u00a0kr" in card["kommune-kpi-innvilget_kr"]
    tooltips = {getattr(c, "title", None) for c in walk(cards)}
    assert "1\u00a0000\u00a0000\u00a0kr" in tooltips  # full kroner on hover
    assert "Ingen tall for året før" not in text  # 2020 exists: change from 2020
    assert "foreløpig" not in text  # 2021 is a finished year
    links = {getattr(c, "href", None) for c in walk(cards)} - {None}
    assert "/dekning?aar=2021&fylke=46" in links and "/om#deltakere_per_1000" in links


def test_key_figures_in_the_first_year_have_no_change(page) -> None:
    values, control_ids = controls(aar=2020, fra=2020, struktur=2024, kommune="4601")
    text = text_of(page.update_key_figures(values, control_ids))
    assert "Ingen tall for året før" in text and "Nei" in text


def test_measures_callback_rows_and_year_in_headers(page) -> None:
    values, control_ids = controls(aar=2022, fra=2020, struktur=2024, kommune="4601")
    rows, columns = page.update_measures(values, control_ids)
    assert [r["tiltak_id"] for r in rows] == ["VL-2021-001"]
    assert rows[0]["innvilget_kr"] == 1_200_000 and rows[0]["deltakere"] == 16
    headers = {c["field"]: c["headerName"] for c in columns}
    assert headers["innvilget_kr"] == "Innvilget kommunen 2022 (kr)"
    assert rows[0]["mottaker"] == "Bergen kommune"
    money = next(c for c in columns if c["field"] == "innvilget_kr")
    assert "toLocaleString('nb-NO'" in money["valueFormatter"]["function"]
    start = next(c for c in columns if c["field"] == "startaar")
    assert "valueFormatter" not in start  # a year is not written 2 021


def test_measures_download_is_semicolon_csv_with_bom(page) -> None:
    values, control_ids = controls(aar=2022, fra=2020, struktur=2024, kommune="4601")
    data = page.download_measures(1, values, control_ids)
    content = base64.b64decode(data["content"])
    assert content.startswith(b"\xef\xbb\xbf")
    lines = content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith(
        "Tiltak-ID;Navn;Startår;UH-partner;Hovedområde;Eier;"
        "Mottaker 2022;Innvilget kommunen 2022 (kr);Deltakelser 2022"
    )
    assert lines[1].startswith("VL-2021-001;") and lines[1].endswith(";1200000;16")
    assert data["filename"] == "tiltak-4601-2022.csv"
    assert page.download_measures(None, values, control_ids) is dash.no_update


def test_chooser_opens_the_profile_keeping_year_and_structure(page) -> None:
    values, control_ids = controls(aar=2022, fra=2020, struktur=2020, kommune="4601")
    assert (
        page.go_to_municipality("3201", values, control_ids)
        == "/kommune/3201?aar=2022&struktur=2020"
    )
    assert page.go_to_municipality("4627", [], []) == "/kommune/4627"
    assert page.go_to_municipality(None, values, control_ids) is dash.no_update


def test_callbacks_take_the_municipality_from_the_hidden_control(page) -> None:
    values, control_ids = controls(aar=2022, fra=2020, struktur=2024, kommune="3024")
    rows, _ = page.update_measures(values, control_ids)
    assert [r["tiltak_id"] for r in rows] == ["OV-2022-001"]  # the old number is resolved
    values, control_ids = controls(aar=2022, kommune="9999")
    assert page.update_measures(values, control_ids)[0] == []
    assert "Fant ikke kommunen" in text_of(page.update_key_figures(values, control_ids))
    assert page.download_measures(1, values, control_ids) is dash.no_update


def test_part_ids_do_not_look_like_numbers(page) -> None:
    # Dash cannot resolve a numeric MATCH value against the URL-state inputs (the callback
    # then never fires when a filter changes), so the ids must hold text.
    for kind in (page.KPI_CHART, page.MEASURES, page.MEASURES_SEARCH):
        assert not str(page.part_id(kind)["del"]).isdigit()


def test_search_sets_the_quick_filter(page) -> None:
    patch = page.search_measures("inkluder")
    operation = patch.to_plotly_json()["operations"][0]
    assert operation["location"] == ["quickFilterText"]
    assert operation["params"]["value"] == "inkluder"

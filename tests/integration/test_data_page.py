"""Data og kilder (/data): loads, rejected rows, corrections, data dates and downloads."""

from __future__ import annotations

import base64
import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine

from etl.load import load_file
from tests.dash_tree import find, load_page


@pytest.fixture
def loaded(engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    first = tmp_path / "bevilgning_2021.csv"
    first.write_text("år;beløp_kr;kilde\n2021;50 000 000;KD\n2022;250.000;KD\n", encoding="utf-8")
    second = tmp_path / "bevilgning_rettet.csv"
    second.write_text("år;beløp_kr;kilde\n2021;55 000 000;KD\n", encoding="utf-8")
    assert load_file(engine, first).status == "delvis"
    assert load_file(engine, second).changed == 1
    monkeypatch.setenv("DATABASE_URL", str(engine.url))
    return engine


def test_queries(loaded: Engine) -> None:
    from loftet.queries import provenance as q

    batches = q.load_batches()
    assert batches.fil.str.endswith(("bevilgning_rettet.csv", "bevilgning_2021.csv")).all()
    assert batches[["rader_godtatt", "rader_avvist", "rader_endret"]].values.tolist() == [
        [1, 0, 1],
        [1, 1, 0],
    ]
    rejected = q.rejected_rows()
    assert rejected[["radnummer"]].values.ravel().tolist() == [3]
    assert "tvetydig" in rejected.arsak.iloc[0]
    changes = q.corrections()
    assert changes[["kolonne", "gammel_verdi", "ny_verdi", "handling"]].values.tolist() == [
        ["belop_kr", "50000000", "55000000", "endret"]
    ]
    dates = q.table_dates().set_index("tabell")
    assert dates.loc["bevilgning", "rader"] == 1
    assert dates.loc["bevilgning", "fil"].endswith("bevilgning_rettet.csv")
    assert dates.loc["tildeling", "rader"] == 0 and pd.isna(dates.loc["tildeling", "fil"])


def test_page_shows_batches_rejections_and_history(loaded: Engine) -> None:
    page = load_page("data")
    tree = page.layout()
    [rejected_grid] = find(tree, "data-avviste")
    assert any(col.get("floatingFilter") for col in rejected_grid.columnDefs)
    dates, batches, rejected, note, history = page.fill("data-side")
    assert [row["filnavn"] for row in batches] == ["bevilgning_rettet.csv", "bevilgning_2021.csv"]
    assert len(batches[0]["sha256"]) == 64
    assert rejected[0]["radnummer"] == 3 and note == "Avviste rader: 1."
    assert history[0]["ny_verdi"] == "55000000"
    rows = [[cell.children for cell in row.children] for row in dates[1].children]
    assert rows[0][:3] == ["Bevilgning", "1", "2021–2021"]


def test_layout_does_not_touch_the_database(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'finnes' / 'ikke.sqlite'}")
    page = load_page("data")
    assert find(page.layout(), "data-lastinger")


def test_downloads(loaded: Engine) -> None:
    page = load_page("data")
    archive = page.download_dataset(1)
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(archive["content"]))) as files:
        names = set(files.namelist())
        budget = files.read("bevilgning.csv").decode("utf-8-sig").splitlines()
    assert {
        "tildeling.csv",
        "behov.csv",
        "lastebatch.csv",
        "avvist_rad.csv",
        "endring.csv",
        "kommune.csv",
    } <= names
    assert budget == ["aar;belop_kr;kilde;merknad", "2021;55000000;KD;"]
    report = page.download_rejected(1)
    lines = base64.b64decode(report["content"]).decode("utf-8-sig").splitlines()
    assert lines[0] == "fil;linje;årsak;innhold;lasting;lastet"
    assert ";3;" in lines[1]


def test_footer_freshness_links_to_data_page(loaded: Engine) -> None:
    import dash

    from loftet.ui.shell import footer

    app = dash.Dash(__name__, use_pages=True, pages_folder="")
    with app.server.test_request_context("/"):  # the shell reads the database per request only
        [link] = find(footer(), "footer-data-link")
    assert link.href == "/data" and link.children.startswith("Data lastet")

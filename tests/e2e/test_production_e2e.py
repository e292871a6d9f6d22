"""The production command in a real browser: a report pack built by a background job while
two workers answer the polls, and a server started on a database that does not exist yet."""

from __future__ import annotations

import json
import shutil
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

from tests.e2e.conftest import production_server

PACK_TIMEOUT_MS = 300_000


def test_report_pack_is_built_across_two_workers(page, app_url: str, tmp_path: Path) -> None:
    page.goto(app_url + "/rapportpakke?fylke=46&aar=2024")
    page.wait_for_load_state("networkidle")
    with page.expect_download(timeout=PACK_TIMEOUT_MS) as download_info:
        page.click("#rapportpakke-start")
        page.wait_for_selector("#rapportpakke-avbryt:not(.d-none)")
    target = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(target)
    assert target.name == "loftet_rapportpakke_vestland_2024.zip"
    names = zipfile.ZipFile(target).namelist()
    assert "innhold.txt" in names and any(n.endswith(".png") for n in names)
    page.wait_for_selector("#rapportpakke-status:has-text('Ferdig')")
    assert page.problems == []


def test_cancelled_pack_stops_and_says_so(page, app_url: str) -> None:
    page.goto(app_url + "/rapportpakke")
    page.wait_for_load_state("networkidle")
    page.click("#rapportpakke-start")
    page.wait_for_selector("#rapportpakke-steg:has-text('av')", timeout=60_000)
    page.click("#rapportpakke-avbryt")
    page.wait_for_selector("#rapportpakke-start:not([disabled])", timeout=30_000)
    assert "d-none" in page.locator("#rapportpakke-avbryt").get_attribute("class").split()
    assert "avbrutt" in page.inner_text("#rapportpakke-status")
    assert page.problems == []


def test_a_missing_database_shows_how_to_load_data(page, tmp_path: Path, small_db_url: str) -> None:
    """No database yet: every page says how to load data, /helse says 503, no file appears.
    Then data arrives (here: the small test database copied into place) and the same running
    server shows it, with the browser's callback checks intact."""
    missing = tmp_path / "ny" / "loftet.sqlite"
    with production_server(f"sqlite:///{missing}", tmp_path / "app.log") as url:
        for path in ("/", "/dekning", "/kommune/4601", "/rapportpakke"):
            page.goto(url + path)
            page.wait_for_selector("#ingen-data")
            text = page.inner_text("#ingen-data")
            assert "Ingen data er lastet ennå" in text and "python -m etl demo" in text
        try:
            urllib.request.urlopen(url + "/helse")
            status, body = 200, {}
        except urllib.error.HTTPError as error:
            status, body = error.code, json.loads(error.read())
        assert status == 503 and body["database"] == "mangler"
        assert not missing.exists()
        missing.parent.mkdir()
        shutil.copy(small_db_url.removeprefix("sqlite:///"), missing)
        page.goto(url + "/?aar=2022")
        page.wait_for_selector(".kpi-grid .card", timeout=60_000)
        assert page.locator("#ingen-data").count() == 0
    assert page.problems == []

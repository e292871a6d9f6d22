"""Kommuneprofil in real headless Chromium on the national demo data: old numbers resolve, the
year filter updates the key figures and the table, and the search opens another profile."""

from __future__ import annotations

import sqlite3

from loftet.formatting import number
from tests.e2e.test_pages_e2e import choose, wait_for_charts

PARTICIPANTS = "#kommune-kpi-deltakere .kpi-value"


def participants_in(db_path: str, kommunenummer: str, year: int) -> str:
    """Participants from the municipality's units in `year`, straight from the database."""
    with sqlite3.connect(db_path) as conn:
        total = conn.execute(
            "SELECT COALESCE(SUM(d.antall_deltakere), 0) FROM deltakelse d "
            "JOIN enhet e USING (enhet_id) WHERE e.kommunenummer = ? AND d.aar = ?",
            (kommunenummer, year),
        ).fetchone()[0]
    return number(total)


def test_old_number_shows_the_new_municipality_and_follows_the_year(
    page, app_url: str, demo_db_url: str
) -> None:
    db_path = demo_db_url.removeprefix("sqlite:///")
    page.goto(app_url + "/kommune/3024?aar=2023")
    wait_for_charts(page)
    assert "Kommunenummer 3024 gjaldt til 2023" in page.locator("#kommune-merknad").inner_text()
    assert page.locator("h1").inner_text() == "Kommuneprofil: Bærum"
    assert page.locator(PARTICIPANTS).inner_text() == participants_in(db_path, "3201", 2023)
    choose(page, "aar", "2022")
    page.wait_for_url("**aar=2022**")
    expected = participants_in(db_path, "3201", 2022)
    page.wait_for_function(
        "([sel, text]) => document.querySelector(sel).innerText === text",
        arg=[PARTICIPANTS, expected],
        timeout=30_000,
    )
    # the header follows the year; the column may sit outside the grid's visible width
    page.wait_for_selector(
        ".ag-header-cell-text:has-text('Innvilget kommunen 2022 (kr)')", state="attached"
    )
    assert page.problems == []


def test_search_opens_another_profile(page, app_url: str) -> None:
    page.goto(app_url + "/kommune/9999")
    page.wait_for_load_state("networkidle")
    assert "Fant ikke kommunen" in page.locator("h1").inner_text()
    page.locator("#kommune-velger").click()
    page.keyboard.type("Askøy")
    page.get_by_role("option", name="Askøy (4627)").click()
    page.wait_for_url("**/kommune/4627**")
    wait_for_charts(page)
    assert page.locator("h1").inner_text() == "Kommuneprofil: Askøy"
    assert page.problems == []

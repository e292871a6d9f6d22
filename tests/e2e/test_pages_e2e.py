"""Every page in real headless Chromium on the national demo data: charts render with data,
filters change the view and the URL, links reproduce views, and nothing errs or goes online."""

from __future__ import annotations

import sqlite3

import pytest

from loftet.formatting import number, pct, short_kr

PAGES = ["/", "/dekning", "/kvalitet", "/budsjett", "/behov", "/kompetanse", "/kommune/4601"]
ALL_CHARTS_HAVE_DATA = """() => {
  const graphs = [...document.querySelectorAll('.js-plotly-plot')];
  const hasPoints = t => ['x', 'y', 'z', 'locations', 'values'].some(k => t[k] && t[k].length > 0);
  return graphs.length > 0 && graphs.every(g => g._fullData && g._fullData.some(hasPoints));
}"""


def wait_for_charts(page) -> None:
    page.wait_for_load_state("networkidle", timeout=60_000)
    page.wait_for_function(ALL_CHARTS_HAVE_DATA, timeout=60_000)


def choose(page, param: str, option: str) -> None:
    """Pick `option` in the filter dropdown holding URL parameter `param`."""
    page.locator(f'button.dash-dropdown[id*=\'"param":"{param}"\']').click()
    page.get_by_role("option", name=option, exact=True).click()


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_charts_without_errors(page, app_url: str, path: str) -> None:
    page.goto(app_url + path)
    wait_for_charts(page)
    assert page.locator(".demo-badge").is_visible()
    assert page.problems == []


@pytest.mark.parametrize("path", ["/", "/dekning", "/kvalitet", "/budsjett", "/kompetanse"])
def test_county_filter_updates_url_and_charts(page, app_url: str, path: str) -> None:
    page.goto(app_url + path)
    wait_for_charts(page)
    choose(page, "fylke", "Vestland")
    page.wait_for_url("**fylke=46**")
    wait_for_charts(page)
    assert page.problems == []


def oversikt_numbers_from_database(db_path: str, year: int) -> dict[str, str]:
    """The headline numbers computed straight from the database, formatted as the UI does."""
    with sqlite3.connect(db_path) as conn:
        municipalities = conn.execute("SELECT COUNT(*) FROM kommune").fetchone()[0]
        taking_part = conn.execute(
            "SELECT COUNT(DISTINCT e.kommunenummer) FROM deltakelse d "
            "JOIN enhet e USING (enhet_id) WHERE d.aar = ?",
            (year,),
        ).fetchone()[0]
        participants = conn.execute(
            "SELECT SUM(antall_deltakere) FROM deltakelse WHERE aar = ?", (year,)
        ).fetchone()[0]
        granted = conn.execute(
            "SELECT SUM(innvilget_kr) FROM tildeling WHERE aar = ?", (year,)
        ).fetchone()[0]
        granted_2025 = conn.execute(
            "SELECT SUM(innvilget_kr) FROM tildeling WHERE aar = 2025"
        ).fetchone()[0]
        kindergartens, reached = conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT d.enhet_id) FROM enhet e LEFT JOIN "
            "(SELECT DISTINCT enhet_id FROM deltakelse WHERE aar = ?) d USING (enhet_id) "
            "WHERE e.enhetstype = 'barnehage'",
            (year,),
        ).fetchone()
    return {
        "kommuner_deltar": pct(100 * taking_part / municipalities),
        "deltakere": number(participants),
        "innvilget_kr": short_kr(granted),
        "andel_av_2025": pct(100 * granted / granted_2025),
        "naadd_BHG": pct(100 * reached / kindergartens),
    }


def test_oversikt_numbers_equal_the_database(page, app_url: str, demo_db_url: str) -> None:
    page.goto(app_url + "/?aar=2024")
    page.wait_for_selector("#kpi-innvilget_kr .kpi-value")
    expected = oversikt_numbers_from_database(demo_db_url.removeprefix("sqlite:///"), 2024)
    shown = {key: page.locator(f"#kpi-{key} .kpi-value").inner_text() for key in expected}
    assert shown == expected


def test_link_reproduces_the_view(page, app_url: str) -> None:
    page.goto(app_url + "/")
    wait_for_charts(page)
    national = page.locator("#kpi-innvilget_kr .kpi-value").inner_text()
    choose(page, "fylke", "Vestland")
    choose(page, "aar", "2023")
    page.wait_for_url("**aar=2023**")
    page.wait_for_function(
        "t => document.querySelector('#kpi-innvilget_kr .kpi-value').innerText !== t"
        " && document.querySelector('#kpi-innvilget_kr .kpi-change').innerText"
        ".includes('fra 2022')",
        arg=national,
    )
    shown = page.locator("#kpi-innvilget_kr .kpi-value").inner_text()
    link = page.url
    page.goto(app_url + "/dekning")
    page.goto(link)
    page.wait_for_selector("#kpi-innvilget_kr .kpi-value")
    assert page.locator("#kpi-innvilget_kr .kpi-value").inner_text() == shown
    assert "Vestland" in page.locator('button.dash-dropdown[id*=\'"param":"fylke"\']').inner_text()


def test_navigation_keeps_the_filters(page, app_url: str) -> None:
    page.goto(app_url + "/?fylke=46&aar=2023")
    wait_for_charts(page)
    page.locator("a.nav-link", has_text="Budsjett").click()
    page.wait_for_url("**/budsjett?**")
    assert "fylke=46" in page.url and "aar=2023" in page.url


def test_menu_changes_page_without_reloading_it(page, app_url: str) -> None:
    """A menu click is in-app navigation: the document (and the started plotly.js) stays, the
    new page's charts are drawn for the carried filters, its heading gets focus, and the
    browser's back button returns to the page before."""
    page.goto(app_url + "/?fylke=46&aar=2023")
    wait_for_charts(page)
    page.evaluate("window.__sameDocument = true")
    page.locator("a.nav-link", has_text="Dekning").click()
    page.wait_for_url("**/dekning?**")
    page.locator("h1", has_text="Dekning").wait_for()
    wait_for_charts(page)
    assert page.evaluate("window.__sameDocument === true"), "the menu reloaded the page"
    assert page.evaluate("document.activeElement.tagName") == "H1"
    assert "Vestland" in page.locator('button.dash-dropdown[id*=\'"param":"fylke"\']').inner_text()
    page.go_back()
    page.locator("h1", has_text="Oversikt").wait_for()
    assert page.evaluate("window.__sameDocument === true")


@pytest.mark.parametrize(
    "path",
    [
        "/?aar=abc&fylke=99&sektor=x",
        "/dekning?aar=1999",
        "/kommune/9999",
        "/kommune/abc",
        "/finnes-ikke",
    ],
)
def test_invalid_urls_give_friendly_pages(page, app_url: str, path: str) -> None:
    page.goto(app_url + path)
    page.wait_for_load_state("networkidle")
    page.wait_for_selector("h1", timeout=30_000)  # Dash shows "Loading..." until it has rendered
    body = page.locator("body").inner_text()
    assert "Error" not in body and "Traceback" not in body
    assert any(word in body for word in ("ikke", "Ukjent", "Fant")), body[:500]
    assert page.problems == []


def test_copy_link_control_copies_the_current_view(page, app_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(app_url + "/budsjett?fylke=46&aar=2024")
    wait_for_charts(page)
    page.get_by_role("button", name="Kopier lenke").click()
    page.wait_for_selector("#copy-link-status:has-text('Lenken er kopiert')")
    assert "fylke=46" in page.url and "aar=2024" in page.url


def test_footer_leads_to_the_data_page(page, app_url: str) -> None:
    page.goto(app_url + "/budsjett")
    wait_for_charts(page)
    page.locator("#footer-data-link").click()
    page.wait_for_url("**/data")
    page.wait_for_function(
        "() => document.querySelectorAll('#data-lastinger .ag-row').length > 0", timeout=60_000
    )
    assert page.locator("#data-dato tbody tr").count() >= 8
    assert page.problems == []

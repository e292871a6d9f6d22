"""The Dekning map in the browser: drawn from geometry fetched once, with the Oslofjord inset,
and a year change that sends values only."""

from __future__ import annotations

import json

from tests.e2e.test_pages_e2e import choose, wait_for_charts

MAP = "#card-dekning-kart"
MAX_RESPONSE_BYTES = 60_000


def drawn_areas(page, geo: str) -> int:
    return page.locator(f"{MAP} g.{geo} path.choroplethlocation").count()


def is_map_update(response) -> bool:
    """The response of the callback that draws the map."""
    if "_dash-update-component" not in response.url or not response.request.post_data:
        return False
    outputs = json.loads(response.request.post_data).get("outputs")
    first = outputs[0] if isinstance(outputs, list) and outputs else outputs
    return isinstance(first, dict) and first.get("id") == {"type": "chart", "id": "dekning-kart"}


def test_map_draws_from_cached_geometry_and_a_year_change_sends_values_only(
    page, app_url: str
) -> None:
    geometry: list[str] = []
    page.on("response", lambda r: geometry.append(r.url) if "/kartdata/" in r.url else None)
    page.goto(app_url + "/dekning")
    wait_for_charts(page)
    page.wait_for_function(
        f"document.querySelectorAll('{MAP} path.choroplethlocation').length > 356"
    )
    assert drawn_areas(page, "geo") >= 356
    assert 20 < drawn_areas(page, "geo2") < 120  # the Oslofjord inset
    fetched = sorted(geometry)
    assert any("/kartdata/kommuner_2024." in url for url in fetched)
    with page.expect_response(is_map_update) as update:
        choose(page, "aar", "2024")
    size = len(update.value.body())
    assert size < MAX_RESPONSE_BYTES, f"{size} bytes"
    page.wait_for_url("**aar=2024**")
    wait_for_charts(page)
    assert sorted(geometry) == fetched  # nothing fetched again
    assert drawn_areas(page, "geo") >= 356
    assert page.problems == []

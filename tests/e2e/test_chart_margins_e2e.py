"""Remembered chart margins (`assets/chart_margins.js`): a chart seen before is drawn once, with
the margins Plotly settled on the first time, instead of being drawn again for its labels."""

from __future__ import annotations

from tests.e2e.test_pages_e2e import wait_for_charts

STORE = "loftet.marginer.v1"
PAGE = "/budsjett"
"""Every chart's size there is set by its card. (The Kvalitet ranking's height comes from a
callback of its own, before or after its figure, so the chart's size when it is drawn, part of
the key, may differ from one visit to the next: then it is drawn as usual.)"""
SETTLED = """() => [...document.querySelectorAll('.js-plotly-plot')].map(g => ({
  id: JSON.parse(g.parentNode.id).id,
  margins: ['l', 'r', 't', 'b'].map(side => g._fullLayout._size[side]),
  redrawn: '_redrawFromAutoMarginCount' in g._fullLayout,
}))"""
"""Per chart: its margins, and whether Plotly drew it again to fit its labels (plotly.js keeps
`_redrawFromAutoMarginCount` on the layout from the first such redraw on)."""
TOLERANCE_PX = 2
"""Plotly stops adjusting margins that change by 1 px or less, so two correct drawings of one
figure may differ by that much per adjustment."""


def settled_charts(page, url: str) -> list[dict]:
    page.goto(url)
    wait_for_charts(page)
    page.wait_for_timeout(600)  # dcc.Graph's resize after the first draw (100 ms debounce)
    return page.evaluate(SETTLED)


def test_a_chart_seen_before_is_drawn_once_with_the_margins_it_settled_on(
    page, app_url: str
) -> None:
    first = settled_charts(page, app_url + PAGE)
    assert len(first) == 4
    assert sum(chart["redrawn"] for chart in first) >= 3  # the cost this script removes
    stored = page.evaluate(f"Object.keys(JSON.parse(localStorage.getItem('{STORE}'))).length")
    assert stored >= len(first)

    second = settled_charts(page, app_url + PAGE)
    assert [c["id"] for c in second] == [c["id"] for c in first]
    for before, again in zip(first, second, strict=True):
        assert not again["redrawn"], f"{again['id']} was drawn twice"
        gaps = [abs(a - b) for a, b in zip(before["margins"], again["margins"], strict=True)]
        assert max(gaps) <= TOLERANCE_PX, (again["id"], before["margins"], again["margins"])
    assert page.problems == []


def test_a_changed_figure_is_drawn_as_usual_and_remembered_under_its_own_key(
    page, app_url: str
) -> None:
    settled_charts(page, app_url + PAGE)
    count = f"Object.keys(JSON.parse(localStorage.getItem('{STORE}'))).length"
    before = page.evaluate(count)
    changed = settled_charts(page, app_url + PAGE + "?aar=2023&fylke=34")
    assert sum(chart["redrawn"] for chart in changed) >= 1  # nothing remembered for these
    assert page.evaluate(count) >= before + len(changed)
    assert page.problems == []

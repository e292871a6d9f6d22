"""What a browser downloads from the production server: a cold page (empty browser cache)
under 3 MB over the wire with every script compressed, and a return visit that downloads no
script, stylesheet or font again (fingerprinted files come from the browser's cache; Dash's
few unfingerprinted chunks, e.g. plotly.js, are revalidated with a 304 and not sent again).
Sizes are the browser's own (Resource Timing `transferSize`, compressed bodies plus headers, 0
for a cache hit); `bench/transfer_bench.py` prints them for every page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Response

COLD_LIMIT_BYTES = 3 * 1024 * 1024
SETUP = """
window.__transferred = 0;
window.__fetched = [];
for (const type of ['navigation', 'resource']) {
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      window.__transferred += entry.transferSize || 0;
      // a body sent again (a 304 revalidation sends headers only)
      if (entry.transferSize > 0 && entry.transferSize >= entry.encodedBodySize) {
        window.__fetched.push(entry.name);
      }
    }
  }).observe({type, buffered: true});
}"""
CHARTS_DRAWN = """() => {
  const graphs = [...document.querySelectorAll('.js-plotly-plot')]
    .filter(g => g.offsetParent !== null);
  const loading = document.querySelector('[data-dash-is-loading="true"]');
  return graphs.length > 0 && !loading && graphs.every(g => g._fullData && g._fullData.length);
}"""
FILES = ("/_dash-component-suites/", "/assets/")


def _visit(context, url: str) -> tuple[int, list[str], list]:
    """(bytes transferred, URLs whose body was sent over the network, script responses) for
    one visit."""
    page = context.new_page()
    scripts: list[Response] = []

    def record(response: Response) -> None:
        if response.request.resource_type == "script":
            scripts.append(response)

    page.on("response", record)
    page.goto(url)
    page.wait_for_function(CHARTS_DRAWN, timeout=90_000)
    page.wait_for_load_state("networkidle")
    transferred, fetched = page.evaluate("[window.__transferred, window.__fetched]")
    page.close()
    return transferred, fetched, scripts


@pytest.mark.parametrize("path", ["/", "/dekning", "/kommune/4601"])
def test_cold_page_is_compressed_under_3_mb_and_a_return_visit_uses_the_cache(
    browser, app_url: str, path: str
) -> None:
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, bypass_csp=True)
    context.add_init_script(SETUP)
    try:
        cold, _, scripts = _visit(context, app_url + path)
        assert scripts
        plain = [r.url for r in scripts if not r.headers.get("content-encoding")]
        assert not plain, f"scripts sent uncompressed: {plain}"
        assert cold < COLD_LIMIT_BYTES, f"{path}: {cold / 1024 / 1024:.2f} MB cold"
        warm, fetched, _ = _visit(context, app_url + path)
        refetched = [u for u in fetched if u.startswith(tuple(app_url + p for p in FILES))]
        assert not refetched, f"files downloaded again: {refetched}"
        assert warm < cold / 5
    finally:
        context.close()

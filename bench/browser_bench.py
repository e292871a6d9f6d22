"""Browser benchmark: per page, the time from navigation until the last chart is drawn with
data, in headless Chromium against the app on a warm server. Prints p50 and p95 per page, and
the median time by which the last callback answer had arrived (what follows is the browser's own
work: scripts, layout, drawing); asserts nothing (timings never go in tests).

    .venv/bin/python bench/browser_bench.py            # DATABASE_URL or data/loftet.sqlite
    .venv/bin/python bench/browser_bench.py --runs 15  # more visits per page
    .venv/bin/python bench/browser_bench.py --gunicorn # the production server (2 workers)

The app is started in a subprocess on a free port; each page is visited twice to warm the
server's caches and the browser's, then `--runs` times in fresh tabs of the same browser.
Two browsers are measured: a returning user's ordinary profile (on disk: assets in the HTTP
cache and their compiled code in V8's code cache, as Chrome and Edge keep them between visits;
the target applies here) and a private window (HTTP cache only: Chromium keeps no code cache
for off-the-record profiles, so every visit compiles plotly.js again). "Drawn" means every
visible Plotly chart on the page holds data points and has finished its last draw (the promise
of `Plotly.react` has resolved: a map only once its geometry is fetched), and no Dash component
is loading (presentation mode: slide 3, a chart).

A second table measures what a user in a meeting does most: moving between pages with the menu.
One tab stays open; each page in the menu is reached `--runs` times by a click on its menu link
(in-app navigation, `assets/loftet.js`), from the page before it in the menu, and timed from the
click until its charts are drawn.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import ViewportSize, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PAGES = [
    "/",
    "/dekning",
    "/kvalitet",
    "/budsjett",
    "/behov",
    "/kompetanse",
    "/kommune/4601",
    "/presentasjon?fylke=46&aar=2025&slide=3",
]
DRAW_TRACKER = """(() => {
  let plotly;
  Object.defineProperty(window, 'Plotly', {configurable: true, get: () => plotly, set(value) {
    plotly = value;
    for (const name of ['newPlot', 'react']) {
      const draw = value[name];
      value[name] = function (gd, ...rest) {
        gd.__benchPending = (gd.__benchPending || 0) + 1;
        const done = () => { gd.__benchPending -= 1; };
        const result = draw.call(this, gd, ...rest);
        Promise.resolve(result).then(done, done);
        return result;
      };
    }
  }});
})();"""
"""Injected before the page's scripts: counts each chart's unfinished Plotly draws (a map is
not drawn until its geometry has been fetched, some frames after its data arrived)."""
CHARTS_DRAWN = """() => {
  const graphs = [...document.querySelectorAll('.js-plotly-plot')]
    .filter(g => g.offsetParent !== null);
  const hasPoints = t => ['x', 'y', 'z', 'locations', 'values']
    .some(k => t[k] && t[k].length > 0);
  const loading = document.querySelector('[data-dash-is-loading="true"]');
  return graphs.length > 0 && !loading && graphs.every(g => g.__benchPending === 0
    && g._fullData && g._fullData.some(hasPoints));
}"""


def drawn_when(condition: str) -> str:
    """A page predicate for `wait_for_function(polling="raf")` that is true once `condition`
    holds, and records in `window.__benchDrawn` the time in the first animation frame it held
    in (reading the clock after Playwright returns would add what the page runs meanwhile)."""
    return f"""() => {{
  if (window.__benchDrawn === undefined && ({condition})()) {{
    window.__benchDrawn = performance.now();
  }}
  return window.__benchDrawn !== undefined;
}}"""


DRAWN = drawn_when(CHARTS_DRAWN)
TARGET_S = 1.5


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app(port: int, production: bool = False) -> subprocess.Popen:
    """The app on `port` (`production`: gunicorn as `make serve` runs it, else the development
    server), logging to a file (an unread pipe would stall it)."""
    env = os.environ | {"HOST": "127.0.0.1", "PORT": str(port)}
    log = (ROOT / "bench" / "results").resolve()
    log.mkdir(parents=True, exist_ok=True)
    command = (
        ["-m", "gunicorn", "-c", "gunicorn.conf.py", "app:server"] if production else ["app.py"]
    )
    process = subprocess.Popen(
        [sys.executable, *command],
        cwd=ROOT,
        env=env,
        stdout=(log / "browser_bench_app.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit("the app did not start")


LAST_ANSWER = """() => Math.max(0, ...performance.getEntriesByType('resource')
  .filter(e => e.name.includes('_dash-update-component')).map(e => e.responseEnd))"""
"""When the last callback answer arrived (ms after navigation start)."""


def visit(browser_context, url: str) -> tuple[float, float]:
    """Seconds from navigation start until every chart is drawn, and until the last callback
    answer had arrived (the rest is the browser's work: scripts, layout, drawing)."""
    page = browser_context.new_page()
    try:
        page.goto(url, wait_until="commit")
        page.wait_for_function(DRAWN, polling="raf", timeout=120_000)
        drawn = page.evaluate("window.__benchDrawn") / 1000
        return drawn, page.evaluate(LAST_ANSWER) / 1000
    finally:
        page.close()


MENU_PAGES = ["/", "/dekning", "/kvalitet", "/budsjett", "/behov", "/kompetanse"]
"""Menu pages with charts (Kommuneprofil is reached from a map or table, not the menu)."""
CLICK = """(path) => {
  window.__benchFrom = document.querySelector('h1');
  window.__benchStart = performance.now();
  window.__benchDrawn = undefined;
  document.querySelector(`a.nav-link[data-nav-path="${path}"]`).click();
}"""
NEW_PAGE_DRAWN = drawn_when(
    f"() => document.querySelector('h1') !== window.__benchFrom && ({CHARTS_DRAWN})()"
)


def click_through(page, base: str, runs: int) -> dict[str, list[float]]:
    """Seconds from a menu click until the new page's charts are drawn, per menu page."""
    times: dict[str, list[float]] = {path: [] for path in MENU_PAGES}
    page.goto(base + MENU_PAGES[-1], wait_until="commit")
    page.wait_for_function(DRAWN, polling="raf", timeout=120_000)
    for _ in range(runs + 1):  # the first round warms every page in this tab
        for path in MENU_PAGES:
            page.evaluate(CLICK, path)
            page.wait_for_function(NEW_PAGE_DRAWN, polling="raf", timeout=120_000)
            times[path].append(page.evaluate("window.__benchDrawn - window.__benchStart") / 1000)
    return {path: values[1:] for path, values in times.items()}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def new_tab_table(context, base: str, runs: int, title: str) -> None:
    """Print, per page, the cold visit and the p50/p95 of `runs` warm visits in new tabs."""
    print(
        f"\n{title:40} {'kald':>6} {'p50':>6} {'p95':>6} {'svar p50':>9}  (sekunder, "
        f"{runs} varme besøk; mål p50 ≤ {TARGET_S}; svar = siste tilbakekall besvart)"
    )
    for path in PAGES:
        cold = visit(context, base + path)[0]
        visit(context, base + path)  # a second visit: V8 caches code on a script's second run
        visits = [visit(context, base + path) for _ in range(runs)]
        times = [drawn for drawn, _ in visits]
        p50 = statistics.median(times)
        answered = statistics.median(answer for _, answer in visits)
        flag = "" if p50 <= TARGET_S else "  over målet"
        print(
            f"{path:40} {cold:6.2f} {p50:6.2f} {percentile(times, 0.95):6.2f} {answered:9.2f}{flag}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument(
        "--gunicorn", action="store_true", help="the production server (make serve)"
    )
    args = parser.parse_args()
    port = free_port()
    app = start_app(port, production=args.gunicorn)
    base = f"http://127.0.0.1:{port}"
    # the app's CSP forbids eval; the benchmark's wait condition is test code
    viewport: ViewportSize = {"width": 1920, "height": 1080}
    try:
        with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
            returning = playwright.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, args=ARGS, viewport=viewport, bypass_csp=True
            )
            returning.add_init_script(DRAW_TRACKER)
            new_tab_table(returning, base, args.runs, "ny fane, vanlig profil")
            print(f"\n{'via menyen (samme fane)':40} {'p50':>6} {'p95':>6}  (sekunder fra klikk)")
            for path, times in click_through(returning.new_page(), base, args.runs).items():
                p50 = statistics.median(times)
                flag = "" if p50 <= TARGET_S else "  over målet"
                print(f"{path:40} {p50:6.2f} {percentile(times, 0.95):6.2f}{flag}")
            returning.close()
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            private = browser.new_context(viewport=viewport, bypass_csp=True)
            private.add_init_script(DRAW_TRACKER)
            new_tab_table(private, base, args.runs, "ny fane, privat vindu")
            browser.close()
    finally:
        if app.poll() is not None:
            print(f"the app stopped with exit code {app.returncode}")
        app.terminate()
        app.wait(timeout=10)


if __name__ == "__main__":
    main()

"""plotly.js start-up benchmark: the app's partial bundle (`assets/vendor/plotly-*-loftet.min.js`,
`scripts/build_plotly_bundle.sh`) against the full plotly.min.js the Python package ships, in
headless Chromium, without the app or its server in the way (a page on a local static server
loads one of them and draws one bar chart). Prints, per bundle, the median and p95 of the time
the `<script>` takes (fetch from loopback, parse, compile, run) and of the first chart drawn
after it; asserts nothing.

    .venv/bin/python bench/plotly_bundle_bench.py            # 15 runs per bundle and browser
    .venv/bin/python bench/plotly_bundle_bench.py --runs 30

Two browsers: a private window (every visit compiles plotly.js again) and a returning user's
profile on disk (the file from the HTTP cache and its compiled code from V8's code cache, after
three warming visits). The bundles take turns, so a busy machine slows both alike.
"""

from __future__ import annotations

import argparse
import functools
import shutil
import statistics
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import plotly
from browser_bench import ARGS, CHROMIUM, ROOT
from playwright.sync_api import BrowserContext, sync_playwright

FULL = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
PAGE = """<!doctype html><html><body><div id="g" style="width:800px;height:400px"></div>
<script>window.t0 = performance.now()</script>
<script src="{script}"></script>
<script>window.t1 = performance.now();
Plotly.newPlot('g', [{{type: 'bar', x: ['a', 'b', 'c'], y: [3, 1, 2]}}])
  .then(() => {{ window.t2 = performance.now(); }});</script></body></html>"""
TIMES = "() => window.t2 === undefined ? null : [window.t1 - window.t0, window.t2 - window.t1]"


class CachingHandler(SimpleHTTPRequestHandler):
    """Static files, cacheable for a year (as the app serves its fingerprinted assets)."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        super().end_headers()

    def log_message(self, *_args: object) -> None:
        pass


def site(folder: Path) -> dict[str, str]:
    """Write one page per bundle into `folder`; bundle name → page file."""
    (partial,) = sorted((ROOT / "assets" / "vendor").glob("plotly-*-loftet.min.js"))
    pages = {}
    for name, source in (("full", FULL), ("partial", partial)):
        shutil.copy(source, folder / f"{name}.js")
        (folder / f"{name}.html").write_text(PAGE.format(script=f"{name}.js"))
        pages[f"{name} ({source.stat().st_size / 1e6:.2f} MB)"] = f"{name}.html"
    return pages


def visit(context: BrowserContext, url: str) -> tuple[float, float]:
    """(script ms, first chart ms) for one visit in a new tab."""
    page = context.new_page()
    page.goto(url)
    handle = page.wait_for_function(TIMES, timeout=60_000)
    script_ms, chart_ms = handle.json_value()
    page.close()
    return script_ms, chart_ms


def report(title: str, results: dict[str, list[tuple[float, float]]]) -> None:
    print(f"\n{title:28} {'skript p50':>10} {'p95':>6} {'graf p50':>9} {'p95':>6}  (ms)")
    for name, runs in results.items():
        script = sorted(r[0] for r in runs)
        chart = sorted(r[1] for r in runs)
        p95 = max(0, round(0.95 * len(runs)) - 1)
        print(
            f"{name:28} {statistics.median(script):10.0f} {script[p95]:6.0f}"
            f" {statistics.median(chart):9.0f} {chart[p95]:6.0f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as profile:
        pages = site(Path(folder))
        handler = functools.partial(CachingHandler, directory=folder)
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                private: dict[str, list[tuple[float, float]]] = {name: [] for name in pages}
                for _ in range(args.runs):
                    for name, page in pages.items():
                        context = browser.new_context()
                        private[name].append(visit(context, base + page))
                        context.close()
                browser.close()
                report("privat vindu", private)
                returning = playwright.chromium.launch_persistent_context(
                    profile, executable_path=CHROMIUM, args=ARGS
                )
                for page in pages.values():
                    for _ in range(3):
                        visit(returning, base + page)
                warm: dict[str, list[tuple[float, float]]] = {name: [] for name in pages}
                for _ in range(args.runs):
                    for name, page in pages.items():
                        warm[name].append(visit(returning, base + page))
                returning.close()
                report("vanlig profil (varm)", warm)
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()

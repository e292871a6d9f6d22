"""Transfer benchmark: bytes over the wire per page, cold and warm, against the production server.

For each page: a new browser profile (empty cache) loads it until every chart is drawn and the
network is quiet ("kald"); then a new tab in the same profile loads it again ("varm", assets
from the browser's cache), and, from that page, a click on the navigation bar's link to the next
page ("→ neste": what that click transfers; `*` when it reloaded the page). Transfer sizes are the
browser's own (Resource Timing `transferSize`: compressed bodies plus headers, 0 from cache),
with the `Accept-Encoding` Chromium sends. Also prints the number of callback requests per load
and how many of them repeat an earlier request with the same body. Asserts nothing.

    .venv/bin/python bench/transfer_bench.py          # DATABASE_URL or data/loftet.sqlite
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

from browser_bench import ARGS, CHROMIUM, DRAW_TRACKER, DRAWN, PAGES, free_port, start_app
from playwright.sync_api import BrowserContext, Page, ViewportSize, sync_playwright

LIMIT_MB = 3.0
SETUP = """
window.__transferred = 0;
for (const type of ['navigation', 'resource']) {
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) { window.__transferred += entry.transferSize || 0; }
  }).observe({type, buffered: true});
}"""
"""Adds up every response's transfer size as the browser reports it (an observer, so nothing is
lost when the browser's resource timing buffer fills or is cleared)."""
TRANSFERRED = "() => window.__transferred"
CALLBACK = "_dash-update-component"


class Recorder:
    """Callback request bodies and the document's Accept-Encoding, for one tab."""

    def __init__(self, page) -> None:
        self.bodies: list[str] = []
        self.encoding = ""
        page.on("request", self.seen)

    def seen(self, request) -> None:
        if CALLBACK in request.url:
            body = json.loads(request.post_data or "{}")
            body.pop("changedPropIds", None)
            self.bodies.append(json.dumps(body, sort_keys=True))
        elif request.resource_type == "document":
            self.encoding = request.all_headers().get("accept-encoding", "")

    def repeats(self) -> int:
        return sum(n - 1 for n in Counter(self.bodies).values())


def settle(page) -> None:
    """Wait until every chart is drawn and no request is in flight."""
    page.wait_for_function(DRAWN, polling="raf", timeout=120_000)
    page.wait_for_load_state("networkidle")


def load(context: BrowserContext, url: str) -> tuple[int, Recorder, Page]:
    """(bytes transferred, recorder, the open tab) for a visit to `url` in a new tab."""
    page = context.new_page()
    recorder = Recorder(page)
    page.goto(url, wait_until="commit")
    settle(page)
    return page.evaluate(TRANSFERRED), recorder, page


def navigate(page, path: str) -> tuple[int, bool]:
    """(bytes, whether the page was reloaded) for a click from the open tab on `path`'s link
    in the navigation bar (`assets/loftet.js` routes these in the app; a reload would mean it
    did not)."""
    before = page.evaluate("window.__stay = true; window.__transferred")
    page.locator(f'a[data-nav-path="{path}"]').first.click()
    page.wait_for_url(f"**{path}")
    settle(page)
    after, stayed = page.evaluate("[window.__transferred, window.__stay === true]")
    return (after - before if stayed else after), not stayed


def next_nav_page(path: str) -> str:
    """The navigation bar's next page after `path` (the first after the last or a profile)."""
    links = [p for p in PAGES if p.count("/") == 1 and "?" not in p]
    return links[(links.index(path) + 1) % len(links)] if path in links else links[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    port = free_port()
    app = start_app(port, production=True)
    base = f"http://127.0.0.1:{port}"
    kb = 1024
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            viewport: ViewportSize = {"width": 1920, "height": 1080}
            warmup = browser.new_context(viewport=viewport, bypass_csp=True)
            warmup.add_init_script(DRAW_TRACKER)  # what DRAWN reads
            for path in PAGES:  # fill the server's caches first
                load(warmup, base + path)[2].close()
            warmup.close()
            print(
                f"{'side':40} {'kald KB':>8} {'varm KB':>8} {'kall':>5} {'like':>5} "
                f"{'→ neste':>8} {'KB':>6}  (mål kald < {LIMIT_MB:.0f} MB)"
            )
            encoding = ""
            for path in PAGES:
                context = browser.new_context(viewport=viewport, bypass_csp=True)
                context.add_init_script(DRAW_TRACKER)
                context.add_init_script(SETUP)
                cold, _, page = load(context, base + path)
                page.close()
                warm, recorder, page = load(context, base + path)
                encoding = recorder.encoding
                nav_text, nav_kb = "", ""
                if not path.startswith("/presentasjon"):
                    target = next_nav_page(path)
                    moved, reloaded = navigate(page, target)
                    nav_text, nav_kb = target, f"{moved / kb:6.0f}" + ("*" if reloaded else "")
                context.close()
                flag = "" if cold < LIMIT_MB * kb * kb else "  over målet"
                print(
                    f"{path:40} {cold / kb:8.0f} {warm / kb:8.0f} {len(recorder.bodies):5d} "
                    f"{recorder.repeats():5d} {nav_text:>8} {nav_kb:>6}{flag}"
                )
            print(f"Accept-Encoding fra Chromium: {encoding}")
            print("* = lenken i navigasjonen lastet hele siden på nytt (ikke navigering i appen)")
            browser.close()
    finally:
        app.terminate()
        app.wait(timeout=30)


if __name__ == "__main__":
    main()

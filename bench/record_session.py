"""Record a real browser session's callback requests for the load test (`bench/load_test.py`).

Opens the pages an analyst typically goes through (overview, coverage, quality, budget,
competence, a municipality profile, the presentation; a few filter choices in the address) in
headless Chromium against a running server, and writes every Dash request of each page view
(the layout, dependencies and each callback's JSON body, in order) to `bench/session.json`.

    .venv/bin/python bench/record_session.py http://127.0.0.1:8050
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent / "session.json"
VIEWS = [
    "/",
    "/dekning",
    "/dekning?fylke=46",
    "/kvalitet",
    "/budsjett?aar=2024",
    "/kompetanse",
    "/kommune/4601",
    "/presentasjon?fylke=46&aar=2025",
    "/?fylke=18&aar=2023",
    "/kvalitet?fylke=50&struktur=2020",
]
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SETTLE_MS = 3000


def record(base: str) -> list[dict]:
    """Per page view: its path and the Dash requests the browser made for it."""
    views: list[dict] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=ARGS
        )
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        current: list[dict] = []

        def on_request(request) -> None:
            path = request.url.removeprefix(base)
            if path.startswith("/_dash-update-component"):
                current.append(
                    {"method": "POST", "path": path, "body": json.loads(request.post_data or "{}")}
                )
            elif path.startswith(("/_dash-layout", "/_dash-dependencies")):
                current.append({"method": "GET", "path": path})

        page.on("request", on_request)
        for path in VIEWS:
            current.clear()
            page.goto(base + path, wait_until="networkidle")
            page.wait_for_timeout(SETTLE_MS)
            views.append({"path": path, "requests": list(current)})
            print(f"{path}: {len(current)} requests", flush=True)
        browser.close()
    return views


def main() -> None:
    base = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8050"
    views = record(base)
    OUT.write_text(json.dumps({"views": views}, ensure_ascii=False, indent=1) + "\n")
    print(f"Wrote {OUT} ({sum(len(v['requests']) for v in views)} requests)")


if __name__ == "__main__":
    main()

"""Screenshot dashboard pages in headless Chromium (Debian's), for looking at what we build.

.venv/bin/python scripts/screenshot.py http://127.0.0.1:8050 / /dekning --size 1920x1080
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import ConsoleMessage, sync_playwright

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--full", action="store_true", help="whole page, not just the viewport")
    args = parser.parse_args()
    width, height = map(int, args.size.split("x"))
    args.out.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        errors: list[str] = []

        def record(message: ConsoleMessage) -> None:
            if message.type == "error":
                errors.append(message.text)

        page.on("console", record)
        for path in args.paths:
            page.goto(args.base + path, wait_until="networkidle")
            page.wait_for_timeout(2500)
            name = path.strip("/").replace("/", "_").replace("?", "_") or "oversikt"
            target = args.out / f"{name}_{args.size}.png"
            page.screenshot(path=str(target), full_page=args.full)
            print(target, "console errors:", errors)
            errors.clear()
        browser.close()


if __name__ == "__main__":
    main()

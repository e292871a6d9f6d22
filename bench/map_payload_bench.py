"""Map payload benchmark: the Dekning map's `_dash-update-component` response for a change of
year, county, metric or scale, in bytes (uncompressed and gzip) and server milliseconds (first
request of a view, then repeated), through the real app's Flask server; and the geometry
files the browser fetches once. Target: every response under 60 KB uncompressed. Prints the
figures; asserts nothing.

    .venv/bin/python bench/map_payload_bench.py      # uses DATABASE_URL or data/loftet.sqlite
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.integration.test_dekning_map_payload import CHANGES, callback_body  # noqa: E402

LIMIT_KB = 60


def _post(client, body: dict, encoding: str) -> tuple[int, float]:
    started = time.perf_counter()
    response = client.post(
        "/_dash-update-component", json=body, headers={"Accept-Encoding": encoding}
    )
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(response.get_data(as_text=True)[:300])
    return len(response.get_data()), elapsed


def main() -> None:
    import app

    client = app.server.test_client()
    print("Kartets svar på en filterendring (KB; ms på serveren, første gang / gjentatt)")
    print(f"{'endring':<60}{'ukomprimert':>12}{'gzip':>8}{'første':>9}{'gjentatt':>10}")
    worst = 0.0
    urls: set[str] = set()
    for changed, values in CHANGES:
        body = callback_body(changed, **values)
        plain, first_ms = _post(client, body, "identity")
        packed, repeat_ms = _post(client, body, "gzip")
        worst = max(worst, plain / 1024)
        label = f"{changed}: " + ", ".join(f"{k}={v}" for k, v in values.items())
        print(
            f"{label:<60}{plain / 1024:>12.1f}{packed / 1024:>8.1f}"
            f"{first_ms:>9.0f}{repeat_ms:>10.0f}"
        )
        response = client.post("/_dash-update-component", json=body)
        figure = json.loads(response.get_data())["response"]
        for output in figure.values():
            traces = output.get("figure", {}).get("data", [])
            urls |= {t["geojson"] for t in traces if isinstance(t.get("geojson"), str)}
    print(f"Største svar: {worst:.1f} KB (mål < {LIMIT_KB} KB)")
    print("Geometri, hentes én gang og lagres av nettleseren (KB ukomprimert / gzip):")
    for url in sorted(urls):
        response = client.get(url)
        body = response.get_data()
        print(
            f"  {url}: {len(body) / 1024:.0f} / {len(gzip.compress(body)) / 1024:.0f}"
            f"  Cache-Control: {response.headers.get('Cache-Control')}"
        )


if __name__ == "__main__":
    main()

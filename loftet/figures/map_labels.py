"""Names on a map: where to write each area's name so that no two names overlap."""

from __future__ import annotations

import math
from collections.abc import Sequence

import shapely
from shapely.geometry import shape

from loftet.theme import TEXT

NAME_SIZE = 10
NAME_FONT = {"size": NAME_SIZE, "color": TEXT, "shadow": "0px 0px 2px white"}
"""Municipality names on a one-county map: dark text with a white halo, readable on every
class colour."""
LABEL_MAP_WIDTH_PX = 420
"""The map width names are spaced for (a card on screen, a report figure): narrower maps
may still crowd, wider ones show the same names with more room."""


def label_points(
    geojson: dict,
    ids: Sequence[str],
    names: Sequence[str],
    map_width_px: float = LABEL_MAP_WIDTH_PX,
) -> dict[str, tuple[float, float]]:
    """Where to write area names so that no two overlap: feature id → (lon, lat).

    Larger areas are placed first; a name whose box (estimated for a map `map_width_px`
    wide) would touch one already placed is left out (it stays in the hover and the table).
    """
    named = dict(zip(ids, names, strict=True))
    shapes = {f["id"]: shape(f["geometry"]) for f in geojson["features"] if f["id"] in named}
    if not shapes:
        return {}
    minx, miny, maxx, maxy = shapely.union_all(list(shapes.values())).bounds
    stretch = math.cos(math.radians((miny + maxy) / 2))
    per_px = max((maxx - minx) * stretch, (maxy - miny)) / map_width_px
    placed: list[tuple[float, float, float, float]] = []
    points = {}
    for key, geometry in sorted(shapes.items(), key=lambda item: -item[1].area):
        point = geometry.representative_point()
        half_w = len(named[key]) * NAME_SIZE * 0.3 * per_px / stretch + 1e-9
        half_h = NAME_SIZE * 0.65 * per_px
        box = (point.x - half_w, point.y - half_h, point.x + half_w, point.y + half_h)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
            continue
        placed.append(box)
        points[key] = (round(point.x, 3), round(point.y, 3))
    return points

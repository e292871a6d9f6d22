"""Names on scatter outliers: which points to name, and where to write each name so that names
do not overlap each other, the points or the corner captions.

Names are placed on a plan of the plot, `PLAN_PX` pixels with `LABEL_FONT_PX` text: about the
smallest the chart is drawn (a 16 cm report export). The offsets are then stored in data units
(`axref="x"`), so the layout grows with the plot: on a page or a projector the same names sit
in the same places with relatively smaller text, so a plan that is clear when small stays
clear when large. A name with no free place is left out (it stays in the hover, the table and
the chart's summary).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from loftet.theme import TEXT

PLAN_PX = (520.0, 150.0)
"""The plot area names are planned for (width, height): a report export's scatter."""
LABEL_FONT_PX = 12.0
CHAR_WIDTH = 0.6
"""Average character width as a share of the font size (a sans-serif font, with margin)."""
LABEL_PAD_PX = 2.0
CORNER_BOX_PX = (118.0, 20.0)
"""The quadrant captions in the plot's corners, kept free of names."""
OFFSETS = (
    (6, -6, "left", "bottom"),
    (-6, -6, "right", "bottom"),
    (6, 6, "left", "top"),
    (-6, 6, "right", "top"),
    (10, 0, "left", "middle"),
    (-10, 0, "right", "middle"),
    (24, -18, "left", "bottom"),
    (-24, -18, "right", "bottom"),
    (24, 18, "left", "top"),
    (-24, 18, "right", "top"),
)
"""Candidate places for a name: arrow tail offset from the point in plan pixels (y down) and
the anchor of the text box at the tail, tried in this order."""

POINT_NAME = "punktnavn"
"""`name` of the annotations that name points (so outlets can find them)."""

Box = tuple[float, float, float, float]
"""left, top, right, bottom in pixels (y down)."""
Segment = tuple[tuple[float, float], tuple[float, float]]
"""A leader line from a point to its name, in pixels."""


@dataclass(frozen=True)
class PlotFrame:
    """Data-to-pixel conversion for an estimated plot area."""

    x_range: tuple[float, float]
    y_range: tuple[float, float]
    x_reversed: bool = False
    size: tuple[float, float] = PLAN_PX

    def pixel(self, x: float, y: float) -> tuple[float, float]:
        """The pixel position of a data point (origin top left)."""
        (x0, x1), (y0, y1) = self.x_range, self.y_range
        fx = (x - x0) / ((x1 - x0) or 1.0)
        fy = (y - y0) / ((y1 - y0) or 1.0)
        if self.x_reversed:
            fx = 1 - fx
        return fx * self.size[0], (1 - fy) * self.size[1]

    def data(self, pixel: tuple[float, float], offset: tuple[float, float]) -> tuple[float, float]:
        """The data position `offset` plan pixels (y down) away from `pixel`."""
        (x0, x1), (y0, y1) = self.x_range, self.y_range
        fx = (pixel[0] + offset[0]) / self.size[0]
        fy = 1 - (pixel[1] + offset[1]) / self.size[1]
        if self.x_reversed:
            fx = 1 - fx
        return x0 + fx * (x1 - x0), y0 + fy * (y1 - y0)


def padded_range(values: pd.Series, share: float) -> tuple[float, float]:
    """The data's range widened by `share` of it at both ends (room for the markers)."""
    low, high = float(values.min()), float(values.max())
    pad = (high - low) * share or 1.0
    return low - pad, high + pad


def text_box(anchor: tuple[float, float], text: str, xanchor: str, yanchor: str) -> Box:
    """The pixel box of `text` written at `anchor` with the given anchors."""
    width = len(text) * LABEL_FONT_PX * CHAR_WIDTH + 2 * LABEL_PAD_PX
    height = LABEL_FONT_PX * 1.3 + 2 * LABEL_PAD_PX
    x, y = anchor
    left = {"left": x, "right": x - width}.get(xanchor, x - width / 2)
    top = {"top": y, "bottom": y - height}.get(yanchor, y - height / 2)
    return left, top, left + width, top + height


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def crosses(a: Segment, b: Segment) -> bool:
    """Whether two leader lines cross (touching at an end does not count)."""

    def side(p: tuple[float, float], q: tuple[float, float], r: tuple[float, float]) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    (p1, p2), (q1, q2) = a, b
    return side(p1, p2, q1) * side(p1, p2, q2) < 0 and side(q1, q2, p1) * side(q1, q2, p2) < 0


def cuts(segment: Segment, box: Box) -> bool:
    """Whether a leader line runs through a text box (an end inside it, or crossing an edge)."""
    left, top, right, bottom = box
    if any(left < x < right and top < y < bottom for x, y in segment):
        return True
    corners = ((left, top), (right, top), (right, bottom), (left, bottom))
    return any(crosses(segment, (corners[i], corners[(i + 1) % 4])) for i in range(4))


def corner_boxes(size: tuple[float, float] = PLAN_PX) -> list[Box]:
    """The four quadrant captions' boxes."""
    width, height = size
    w, h = CORNER_BOX_PX
    return [
        (0, 0, w, h),
        (width - w, 0, width, h),
        (0, height - h, w, height),
        (width - w, height - h, width, height),
    ]


def place_names(
    named: Sequence[tuple[float, float, str]],
    obstacles: Sequence[tuple[float, float, float]],
    fixed: Sequence[Box] = (),
    size: tuple[float, float] = PLAN_PX,
) -> list[tuple[int, int, str, str] | None]:
    """For each (pixel x, pixel y, name): the offset and anchors of its label, or None.

    Args:
        named: the points to name, in order of importance (placed first).
        obstacles: every point as (pixel x, pixel y, radius) – names should not cover them.
        fixed: boxes already taken (captions).
        size: the plot area; a name must stay inside it.

    A name takes the candidate place (`OFFSETS`, in order) that covers the fewest points among
    those touching no other name or fixed box, crossing no other leader line and staying inside
    the plot; with no such place
    it gets None (left out rather than written over something).
    """
    taken: list[Box] = list(fixed)
    leaders: list[Segment] = []
    chosen: list[tuple[int, int, str, str] | None] = []
    for px, py, name in named:
        best: tuple[int, tuple[int, int, str, str], Box, Segment] | None = None
        for dx, dy, xanchor, yanchor in OFFSETS:
            box = text_box((px + dx, py + dy), name, xanchor, yanchor)
            leader = ((px, py), (px + dx, py + dy))
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= size[0] and box[3] <= size[1]
            if not inside or any(overlaps(box, other) for other in taken):
                continue
            if any(crosses(leader, other) for other in leaders):
                continue
            if any(cuts(leader, other) for other in taken[len(fixed) :]) or any(
                cuts(other, box) for other in leaders
            ):
                continue  # a leader through a name (captions may sit over a point)
            covered = sum(
                overlaps(box, (ox - r, oy - r, ox + r, oy + r))
                for ox, oy, r in obstacles
                if (ox, oy) != (px, py)
            )
            if best is None or covered < best[0]:
                best = (covered, (dx, dy, xanchor, yanchor), box, leader)
        if best is not None:
            taken.append(best[2])
            leaders.append(best[3])
        chosen.append(None if best is None else best[1])
    return chosen


def add_names(
    figure: go.Figure,
    rows: pd.DataFrame,
    *,
    x: str,
    y: str,
    name: str,
    frame: PlotFrame,
    obstacles: Sequence[tuple[float, float, float]],
) -> go.Figure:
    """Write `rows[name]` next to each of `rows`' points, placed by `place_names`; the axes
    get the plan's ranges so the plan holds at any size."""
    named = [(*frame.pixel(row[x], row[y]), str(row[name])) for _, row in rows.iterrows()]
    places = place_names(named, obstacles, corner_boxes(frame.size), frame.size)
    for (_, row), place in zip(rows.iterrows(), places, strict=True):
        if place is None:
            continue
        dx, dy, xanchor, yanchor = place
        tail_x, tail_y = frame.data(frame.pixel(row[x], row[y]), (dx, dy))
        figure.add_annotation(
            x=row[x],
            y=row[y],
            text=str(row[name]),
            showarrow=True,
            axref="x",
            ayref="y",
            ax=tail_x,
            ay=tail_y,
            arrowhead=0,
            arrowwidth=1,
            arrowcolor=TEXT,
            standoff=3,
            xanchor=xanchor,
            yanchor=yanchor,
            font={"color": TEXT},
            bgcolor="rgba(255, 255, 255, 0.8)",
            borderpad=1,
            name=POINT_NAME,
        )
    x_range = frame.x_range[::-1] if frame.x_reversed else frame.x_range
    figure.update_xaxes(range=list(x_range), autorange=False)
    return figure.update_yaxes(range=list(frame.y_range), autorange=False)


def marker_radius(size: float, sizeref: float, sizemin: float) -> float:
    """A bubble's pixel radius for `sizemode="area"` (plotly.js: diameter = sqrt(size / 2 /
    sizeref), at least `sizemin`)."""
    diameter = math.sqrt(max(size, 0.0) / 2 / sizeref) if sizeref else sizemin
    return max(diameter, sizemin) / 2


NAMED_IN_TARGET = 3
"""Municipalities named in the high-need, little-reached corner."""
NAMED_ELSEWHERE = 2
"""Municipalities named among the other three quadrants."""


def corner_distance(data: pd.DataFrame, frame: PlotFrame, centre: tuple[float, float]) -> pd.Series:
    """Each point's distance from `centre` (the crossing of the split lines) as shown: both
    axes scaled to the plot's width and height, so a step on either axis counts the same."""
    cx, cy = frame.pixel(*centre)
    pixels = [frame.pixel(x, y) for x, y in zip(data.verdi, data.rekkevidde, strict=True)]
    return pd.Series(
        [math.hypot((px - cx) / frame.size[0], (py - cy) / frame.size[1]) for px, py in pixels],
        index=data.index,
    )


def need_reach_outliers(
    data: pd.DataFrame, frame: PlotFrame, centre: tuple[float, float]
) -> pd.DataFrame:
    """The municipalities to name on the need-vs-reach scatter: the `NAMED_IN_TARGET` furthest
    into the high-need, little-reached corner and the `NAMED_ELSEWHERE` furthest out among
    the other quadrants, "furthest" meaning distance from the crossing of the national level
    and the median reach as drawn. Ties go to the larger municipality, then the name."""
    ranked = data.assign(
        _distance=corner_distance(data, frame, centre), _size=data.barn_elever.fillna(0)
    ).sort_values(["_distance", "_size", "kommune"], ascending=[False, False, True])
    target = (ranked.hoyt_behov == True) & (ranked.lite_naadd == True)  # noqa: E712 (nullable)
    target = target.fillna(False).astype(bool)
    chosen = pd.concat(
        [ranked[target].head(NAMED_IN_TARGET), ranked[~target].head(NAMED_ELSEWHERE)]
    )
    return chosen.drop(columns=["_distance", "_size"])


def name_need_reach_outliers(
    figure: go.Figure,
    data: pd.DataFrame,
    *,
    centre: tuple[float | None, float | None],
    high_is_need: bool,
    sizeref: float,
    sizemin: float,
) -> go.Figure:
    """Write the names of `need_reach_outliers` on the need-vs-reach scatter."""
    x, y = centre
    if data.empty or x is None or y is None or math.isnan(x) or math.isnan(y):
        return figure
    radii = [marker_radius(size, sizeref, sizemin) for size in data.barn_elever.fillna(0)]
    edge = max(radii) + 4
    frame = PlotFrame(
        padded_range(data.verdi, 0.02 + edge / PLAN_PX[0]),
        padded_range(data.rekkevidde, 0.02 + edge / PLAN_PX[1]),
        x_reversed=not high_is_need,
    )
    obstacles = [
        (*frame.pixel(x, y), radius)
        for x, y, radius in zip(data.verdi, data.rekkevidde, radii, strict=True)
    ]
    rows = need_reach_outliers(data, frame, (x, y))
    return add_names(
        figure, rows, x="verdi", y="rekkevidde", name="kommune", frame=frame, obstacles=obstacles
    )

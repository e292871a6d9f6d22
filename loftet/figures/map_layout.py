"""Drawing the coverage map: layers as choropleth traces, county outlines, names, the
Oslofjord inset and the geo layout.

Geometry is passed inline (each trace carries only its own features); the web layer swaps
whole collections for their cacheable addresses (`loftet.ui.geometry_assets.by_reference`).
"""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd
import plotly.graph_objects as go

from loftet.figures.map_labels import NAME_FONT, label_points
from loftet.figures.map_style import (
    BORDER_COLOUR,
    COUNTY_LINE,
    INSET_DOMAIN,
    INSET_GEO,
    INSET_PICK,
    INSET_TITLE,
    INSET_VIEW,
    PROJECTION,
    TRANSPARENT,
)
from loftet.figures.map_traces import Layer, flat
from loftet.theme import TEXT

FULL_DOMAIN = {"x": [0, 1], "y": [0, 1]}
VIEW_MARGIN = 0.01


def features(geojson: dict, ids: Collection[str]) -> dict:
    """The collection with only the features `ids` (in the collection's order); the
    collection's `name` (its cache file) is kept."""
    wanted = set(ids)
    subset = {k: v for k, v in geojson.items() if k != "features"}
    subset["features"] = [f for f in geojson["features"] if f["id"] in wanted]
    return subset


def add_areas(figure: go.Figure, trace: go.Choropleth, geometry: dict) -> None:
    """Add `trace` with its geometry. The geometry is set once the trace is in the figure:
    plotly deep-copies a trace's properties when it is added, which for the geometry costs
    seconds per map; setting it afterwards stores the dict as it is."""
    figure.add_trace(trace)
    figure.data[-1].geojson = geometry


def layer_trace(
    layer: Layer, part: pd.DataFrame, geojson: dict, hover: pd.DataFrame, template: str, geo: str
) -> tuple[go.Choropleth, dict]:
    """One layer's areas `part` (all of them, or the inset's) as a choropleth on `geo`, and
    its geometry (for `add_areas`)."""
    ids = list(part.kart_id)
    z = pd.Series(layer.z, index=layer.part.index).loc[part.index].tolist()
    extra = dict(layer.extra)
    if geo != "geo":
        extra["showscale"] = False
    trace = go.Choropleth(
        featureidkey="id",
        locations=ids,
        z=z,
        customdata=hover.loc[part.index].to_numpy(),
        hovertemplate=template,
        colorscale=layer.colorscale,
        name=layer.name,
        legendgroup=layer.name,
        showlegend=layer.showlegend and geo == "geo",
        marker={"line": {"color": BORDER_COLOUR, "width": 0.5}},
        geo=geo,
        **extra,
    )
    return trace, features(geojson, ids)


def view_ranges(geojson: dict, ids: Collection[str]) -> dict:
    """Longitude and latitude ranges round the areas `ids` (from the features' `bbox`), with
    a small margin. Plotly's `fitbounds` leaves a wide border round Norway in the conic
    projection; explicit ranges let the map fill its card. Empty when a bbox is missing (the
    map then falls back to `fitbounds`)."""
    wanted = set(ids)
    boxes = [f.get("bbox") for f in geojson["features"] if f["id"] in wanted]
    if not boxes or any(box is None for box in boxes):
        return {"fitbounds": "locations"}
    west, south = min(b[0] for b in boxes), min(b[1] for b in boxes)
    east, north = max(b[2] for b in boxes), max(b[3] for b in boxes)
    pad_x, pad_y = (east - west) * VIEW_MARGIN, (north - south) * VIEW_MARGIN
    return {
        "fitbounds": False,
        "lonaxis": {"range": [west - pad_x, east + pad_x]},
        "lataxis": {"range": [south - pad_y, north + pad_y]},
    }


def inset_ids(geojson: dict) -> set[str]:
    """Areas whose bounding box (`bbox`, from the geometry cache) is centred round the fjord."""
    (x0, x1), (y0, y1) = INSET_PICK["lon"], INSET_PICK["lat"]
    picked = set()
    for feature in geojson["features"]:
        box = feature.get("bbox")
        if box and x0 <= (box[0] + box[2]) / 2 <= x1 and y0 <= (box[1] + box[3]) / 2 <= y1:
            picked.add(feature["id"])
    return picked


def county_outline(counties: dict, geo: str = "geo") -> tuple[go.Choropleth, dict]:
    """County outlines over the municipalities: transparent areas with a thin dark edge,
    no hover (the municipality below answers); and their geometry (for `add_areas`)."""
    ids = [f["id"] for f in counties["features"]]
    trace = go.Choropleth(
        featureidkey="id",
        locations=ids,
        z=[0] * len(ids),
        colorscale=flat(TRANSPARENT),
        showscale=False,
        marker={"line": COUNTY_LINE},
        hoverinfo="skip",
        showlegend=False,
        name="Fylkesgrenser",
        geo=geo,
    )
    return trace, counties


def inset_title() -> go.Scattergeo:
    """The inset's name in its top left corner, drawn on the inset itself (an annotation
    could not follow the frame, whose size depends on the figure's shape)."""
    (x0, _x1), (_y0, y1) = INSET_VIEW["lon"], INSET_VIEW["lat"]
    return go.Scattergeo(
        lon=[x0 + 0.04],
        lat=[y1 - 0.02],
        text=[f"<b>{INSET_TITLE}</b>"],
        mode="text",
        textposition="bottom right",
        textfont={**NAME_FONT, "size": 12},
        hoverinfo="skip",
        showlegend=False,
        name=INSET_TITLE,
        geo=INSET_GEO,
    )


def inset_frame() -> go.Scattergeo:
    """The inset's window outlined on the national map."""
    (x0, x1), (y0, y1) = INSET_VIEW["lon"], INSET_VIEW["lat"]
    return go.Scattergeo(
        lon=[x0, x1, x1, x0, x0],
        lat=[y0, y0, y1, y1, y0],
        mode="lines",
        line={"color": TEXT, "width": 1},
        hoverinfo="skip",
        showlegend=False,
        name=INSET_TITLE,
    )


def name_trace(frame: pd.DataFrame, geojson: dict) -> go.Scattergeo:
    """Area names where they do not overlap (for a one-county map)."""
    points = label_points(geojson, list(frame.kart_id), list(frame.kommune))
    named = frame[frame.kart_id.isin(points)]
    return go.Scattergeo(
        lon=[points[k][0] for k in named.kart_id],
        lat=[points[k][1] for k in named.kart_id],
        text=list(named.kommune),
        mode="text",
        textfont=NAME_FONT,
        hoverinfo="skip",
        showlegend=False,
        name="Kommunenavn",
    )


def style_geo(figure: go.Figure, view: dict, inset: bool) -> None:
    """Hidden base map, the areas fitted to the figure (`view`: from `view_ranges`); the
    inset bottom right with a frame."""
    common = {"visible": False, "projection": PROJECTION, "bgcolor": TRANSPARENT}
    figure.update_layout(geo={**common, "showframe": False, "domain": FULL_DOMAIN, **view})
    if inset:
        (x0, x1), (y0, y1) = INSET_DOMAIN["x"], INSET_DOMAIN["y"]
        figure.update_layout(
            {
                INSET_GEO: {
                    **common,
                    "domain": {"x": [x0, x1], "y": [y0, y1]},
                    "lonaxis": {"range": list(INSET_VIEW["lon"])},
                    "lataxis": {"range": list(INSET_VIEW["lat"])},
                    "showframe": True,
                    "framecolor": TEXT,
                    "framewidth": 1,
                    "bgcolor": "white",
                }
            }
        )
    # The legend and colour bar sit top left, over the sea.
    figure.update_layout(
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        dragmode="pan",
        legend={
            "orientation": "v",
            "x": 0.01,
            "xanchor": "left",
            "y": 0.99,
            "yanchor": "top",
            "bgcolor": "rgba(255,255,255,0.8)",
            "itemclick": False,
            "itemdoubleclick": False,
        },
    )

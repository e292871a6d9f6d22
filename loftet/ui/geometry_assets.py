"""Map geometry as cacheable files: the browser fetches each collection once, not per click.

The municipality and county collections of the geometry cache are served at
`/kartdata/<name>.<fingerprint>.geojson`; the fingerprint is a hash of the file's content, so
a changed geometry gets a new address and browsers may keep a file for a year. Figures sent to
the browser refer to that address (`by_reference`): plotly.js fetches a `geojson` given as a URL
once per page and shares it between traces (`window.PlotlyGeoAssets`). Everything rendered on
the server (image export, report pack) keeps the geometry inline, as the catalogue draws it.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import plotly.graph_objects as go
from flask import Flask, Response, abort

from loftet.geography import STRUKTURER, geometry_path

ROUTE = "/kartdata/<filename>"
URL_PREFIX = "/kartdata/"
MAX_AGE_S = 365 * 24 * 3600
FINGERPRINT_CHARS = 16
NAMES = frozenset(f"{kind}_{s}" for kind in ("kommuner", "fylker") for s in STRUKTURER)
"""The collections that may be fetched."""


def fingerprint(name: str) -> str:
    """The first hex digits of the SHA-256 of collection `name`'s cache file."""
    path = geometry_path(name)
    stat = path.stat()
    return _digest(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=16)
def _digest(path: str, _mtime_ns: int, _size: int) -> str:
    """Hash of the file as it is (the stat values make a rebuilt file a new entry)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:FINGERPRINT_CHARS]


def asset_url(name: str) -> str:
    """`/kartdata/kommuner_2024.<fingerprint>.geojson`."""
    return f"{URL_PREFIX}{name}.{fingerprint(name)}.geojson"


def by_reference(figure: go.Figure) -> go.Figure:
    """`figure` with every inline cache collection replaced by its address (in place).

    A choropleth trace may carry a subset of a collection's features: the address names the
    whole collection, and plotly.js draws only the trace's `locations` from it.
    """
    for trace in figure.data:
        geojson = getattr(trace, "geojson", None)
        if isinstance(geojson, dict) and geojson.get("name") in NAMES:
            trace.geojson = asset_url(geojson["name"])
    return figure


def serve(filename: str) -> Response:
    """One collection, if `filename` names it with its current fingerprint; else 404 (an old
    fingerprint must not be cached for a year under the new content)."""
    name, _, rest = filename.partition(".")
    digest, _, suffix = rest.partition(".")
    if name not in NAMES or suffix != "geojson" or digest != fingerprint(name):
        abort(404)
    response = Response(geometry_path(name).read_bytes(), mimetype="application/json")
    response.headers["Cache-Control"] = f"public, max-age={MAX_AGE_S}, immutable"
    response.set_etag(digest)
    return response


def register(server: Flask) -> None:
    """Add the `/kartdata/` route to the app's server."""
    server.add_url_rule(ROUTE, "kartdata", serve)

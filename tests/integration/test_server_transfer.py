"""What a browser downloads from the app: compressed responses, long cache lifetimes for
fingerprinted files, and a page that carries only the ids of the validation layout (which still
holds every component the callbacks name)."""

from __future__ import annotations

import gzip
import json
import re
import zlib

from loftet.ui.validation import components_with_ids
from loftet.web import ASSET_MAX_AGE_S, UNVERSIONED_MAX_AGE_S

GZIP_CLIENT = {"Accept-Encoding": "gzip, deflate"}
"""A client taking gzip or deflate (decoded here by the standard library); Chromium also offers
br and zstd, which the server then prefers (`bench/transfer_bench.py` measures that)."""
FILES = re.compile(r'<(?:script[^>]* src|link[^>]*rel="stylesheet"[^>]* href)="([^"]+)"')


COMPRESSED = {"gzip", "deflate"}


def _body(response) -> bytes:
    encoding = response.headers.get("Content-Encoding")
    if encoding == "gzip":
        return gzip.decompress(response.data)
    if encoding == "deflate":
        return zlib.decompress(response.data)
    return response.data


def _page(client) -> str:
    response = client.get("/", headers=GZIP_CLIENT)
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] in COMPRESSED
    return _body(response).decode()


def _config(html: str) -> dict:
    found = re.search(r'<script id="_dash-config" type="application/json">(.*?)</script>', html)
    assert found, "Dash's config is missing from the page"
    return json.loads(found.group(1))


def _max_age(response) -> int:
    return response.cache_control.max_age or 0


def test_page_files_are_compressed_and_fingerprinted_ones_kept_for_a_year(server, client, small_db):
    files = FILES.findall(_page(client))
    assert len(files) >= 10, files
    for url in files:
        response = client.get(url, headers=GZIP_CLIENT)
        assert response.status_code == 200, url
        if len(_body(response)) >= server.config["COMPRESS_MIN_SIZE"]:  # tiny files stay plain
            assert response.headers.get("Content-Encoding") in COMPRESSED, url
        assert _max_age(response) == ASSET_MAX_AGE_S, url
        assert response.cache_control.immutable, url


def test_unfingerprinted_assets_are_kept_a_day(client, small_db):
    response = client.get("/assets/fonts/source-sans-3-latin-400-normal.woff2")
    assert response.status_code == 200
    assert _max_age(response) == UNVERSIONED_MAX_AGE_S
    assert not response.cache_control.immutable


def test_dash_layout_dependencies_and_callbacks_are_compressed(client, small_db):
    _page(client)
    for path in ("/_dash-layout", "/_dash-dependencies"):
        response = client.get(path, headers=GZIP_CLIENT)
        assert response.headers.get("Content-Encoding") in COMPRESSED, path
    response = client.post(
        "/_dash-update-component",
        data=json.dumps(_chart_request(client, "dekning-fylker")),
        content_type="application/json",
        headers=GZIP_CLIENT,
    )
    assert response.status_code == 200
    assert response.headers.get("Content-Encoding") in COMPRESSED
    figure = json.loads(_body(response))["response"]
    assert figure[json.dumps({"id": "dekning-fylker", "type": "chart"}, separators=(",", ":"))]


def _chart_request(client, chart_id: str) -> dict:
    """A callback request for one chart, as the browser sends it on a page's first draw."""
    dependencies = json.loads(_body(client.get("/_dash-dependencies", headers=GZIP_CLIENT)))
    spec = next(d for d in dependencies if '"type":"chart"}.figure' in d["output"])
    chart = {"id": chart_id, "type": "chart"}
    summary = {"id": chart_id, "type": "chart-summary"}
    return {
        "output": spec["output"],
        "outputs": [{"id": chart, "property": "figure"}, {"id": summary, "property": "children"}],
        "inputs": [[]],
        "state": [[], {"id": chart, "property": "id", "value": chart}],
        "changedPropIds": [],
    }


def test_the_page_carries_only_ids_of_the_validation_layout(client, small_db):
    html = _page(client)
    layout = _config(html)["validation_layout"]
    components = layout["props"]["children"]
    assert components
    assert all(set(c["props"]) == {"id"} for c in components)
    assert len(html) < 80_000, "the page should not embed every page's full layout"


def test_the_validation_layout_holds_every_component_a_callback_names(server, client, small_db):
    """The browser's callback check, done here: each id a callback names is in the validation
    layout the page carries, on a component type that declares the property."""
    import app

    sent = _config(_page(client))["validation_layout"]["props"]["children"]
    declared = {
        (c._namespace, c._type): set(c._prop_names)
        for c in components_with_ids(app.app.validation_layout)
    }
    for component_id, prop in _callback_dependencies(app.app.callback_map):
        matching = [c for c in sent if _matches(component_id, c["props"]["id"])]
        if isinstance(component_id, str):
            assert matching, f"a callback names {component_id!r}, not in the layout"
        for component in matching:
            props = declared[(component["namespace"], component["type"])]
            assert prop in props or prop.startswith(("data-", "aria-")), (component_id, prop)


def _callback_dependencies(callback_map: dict) -> list[tuple[object, str]]:
    """(id, property) of every output, input and state of every callback."""
    found = []
    for spec in callback_map.values():
        outputs = spec["output"] if isinstance(spec["output"], list) else [spec["output"]]
        for output in outputs:
            found.append((output.component_id, output.component_property.split("@")[0]))
        for item in spec["inputs"] + spec["state"]:
            raw = item["id"]
            found.append((json.loads(raw) if raw.startswith("{") else raw, item["property"]))
    return found


def _matches(pattern: object, component_id: object) -> bool:
    """Whether a callback's id (a string, or a dict with wildcards) names `component_id`."""
    if not isinstance(pattern, dict):
        return pattern == component_id
    if not isinstance(component_id, dict) or set(pattern) != set(component_id):
        return False
    return all(
        isinstance(value, list) or value == component_id[key] for key, value in pattern.items()
    )

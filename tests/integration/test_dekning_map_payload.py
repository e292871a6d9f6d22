"""The Dekning map over the wire: a filter change sends values, colours and hover text, not the
geometry, which the browser fetches once from a fingerprinted, long-cached address."""

from __future__ import annotations

import gzip
import hashlib
import json

import pytest
from sqlalchemy import text

import loftet.theme  # noqa: F401
from loftet.charts import render
from loftet.db import make_engine
from loftet.filters import Filters

MAX_RESPONSE_BYTES = 60_000
"""The map's filter-change response, uncompressed (issue: under 60 KB)."""
PARAMS = ("aar", "fylke", "sektor", "eier", "struktur", "maal", "skala")
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def server():
    import app

    return app.server


@pytest.fixture
def client(server, demo_db_url: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DATABASE_URL", demo_db_url)
    return server.test_client()


def callback_body(changed: str, **values: object) -> dict:
    """The request the browser sends for the map when the control `changed` changes."""
    state: dict[str, object] = {"aar": 2025, "fylke": None, "sektor": None, "eier": None}
    state |= {"struktur": 2024, "maal": "deltar", "skala": "klasser"} | values
    controls = [{"type": "urlstate", "param": p} for p in PARAMS]
    graph = {"type": "chart", "id": "dekning-kart"}
    return {
        "output": '..{"id":["MATCH"],"type":"chart"}.figure...'
        '{"id":["MATCH"],"type":"chart-summary"}.children..',
        "outputs": [
            {"id": graph, "property": "figure"},
            {"id": {"type": "chart-summary", "id": "dekning-kart"}, "property": "children"},
        ],
        "inputs": [[{"id": c, "property": "value", "value": state[c["param"]]} for c in controls]],
        "changedPropIds": [json.dumps(controls[PARAMS.index(changed)], separators=(",", ":"))],
        "state": [
            [{"id": c, "property": "id", "value": c} for c in controls],
            {"id": graph, "property": "id", "value": graph},
        ],
    }


def post(client, body: dict, encoding: str = "identity"):
    response = client.post(
        "/_dash-update-component",
        json=body,
        headers={"Accept-Encoding": encoding},
    )
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response


def web_figure(response) -> dict:
    data = response.get_data()
    if response.headers.get("Content-Encoding") == "gzip":
        data = gzip.decompress(data)
    return json.loads(data)["response"]['{"id":"dekning-kart","type":"chart"}']["figure"]


CHANGES: list[tuple[str, dict[str, object]]] = [
    ("aar", {"aar": 2025}),
    ("aar", {"aar": 2024, "maal": "andel_naadd"}),
    ("skala", {"aar": 2024, "maal": "kr_per_barn", "skala": "glidende"}),
    ("maal", {"maal": "deltakere_per_1000"}),
    ("struktur", {"aar": 2022, "struktur": 2020, "maal": "andel_ansatte_naadd"}),
    ("fylke", {"fylke": "46"}),
    ("fylke", {"fylke": "34", "maal": "andel_naadd"}),
]


@pytest.mark.parametrize(("changed", "values"), CHANGES)
def test_filter_change_response_is_under_60_kb(client, changed: str, values: dict) -> None:
    plain = post(client, callback_body(changed, **values))
    size = len(plain.get_data())
    assert size < MAX_RESPONSE_BYTES, f"{size} bytes"
    assert any(u.startswith("/kartdata/kommuner_") for u in geometry_urls(web_figure(plain)))
    packed = post(client, callback_body(changed, **values), "gzip")
    assert packed.headers.get("Content-Encoding") == "gzip"
    assert len(packed.get_data()) < size / 3
    assert web_figure(packed) == web_figure(plain)


def geometry_urls(figure: dict) -> set[str]:
    return {t["geojson"] for t in figure["data"] if isinstance(t.get("geojson"), str)}


def test_geometry_is_served_once_with_fingerprint_and_long_max_age(client) -> None:
    urls = geometry_urls(web_figure(post(client, callback_body("aar"))))
    assert {u.split(".")[0] for u in urls} == {"/kartdata/kommuner_2024", "/kartdata/fylker_2024"}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200
        cache = response.headers["Cache-Control"]
        assert "max-age=31536000" in cache and "immutable" in cache and "public" in cache
        body = response.get_data()
        # the fingerprint is the content's hash: new geometry, new address
        assert url.split(".")[1] == hashlib.sha256(body).hexdigest()[:16]
        collection = json.loads(body)
        assert collection["type"] == "FeatureCollection"
        expected = 356 if "kommuner" in url else 15
        assert len(collection["features"]) == expected
    name = next(iter(urls)).split(".")[0]
    assert client.get(f"{name}.0000000000000000.geojson").status_code == 404
    assert client.get("/kartdata/hemmelig.0000000000000000.geojson").status_code == 404
    assert client.get("/kartdata/meta.json").status_code == 404


def comparable(trace: dict) -> dict:
    """A trace without its geometry (by address on the web, inline in exports)."""
    return {k: v for k, v in trace.items() if k not in ("geojson", "uid")}


@pytest.mark.parametrize(("changed", "values"), CHANGES[:2] + CHANGES[-2:])
def test_web_figure_equals_the_complete_figure_but_for_the_geometry(
    client, changed: str, values: dict
) -> None:
    web = web_figure(post(client, callback_body(changed, **values)))
    filters = Filters(
        aar=values.get("aar", 2025),
        fylke=values.get("fylke"),
        struktur=values.get("struktur", 2024),
    )
    options = {k: values.get(k, d) for k, d in (("maal", "deltar"), ("skala", "klasser"))}
    _, full = render("dekning-kart", filters, options)
    full_json = json.loads(full.to_json())
    assert len(web["data"]) == len(full_json["data"])
    for sent, complete in zip(web["data"], full_json["data"], strict=True):
        assert comparable(sent) == comparable(complete)
        if isinstance(complete.get("geojson"), dict):
            assert sent["geojson"].startswith(f"/kartdata/{complete['geojson']['name']}.")
    assert web["layout"] == full_json["layout"]


def test_hover_pairs_each_municipality_with_its_own_numbers(client, demo_db_url: str) -> None:
    """Names and NOK granted in the map's hover, checked against the database directly."""
    web = web_figure(post(client, callback_body("aar", aar=2025)))
    hover = {
        loc: row
        for t in web["data"]
        if t["type"] == "choropleth" and t.get("geo", "geo") == "geo" and "customdata" in t
        for loc, row in zip(t["locations"], t["customdata"], strict=True)
    }
    engine = make_engine(demo_db_url)
    with engine.connect() as conn:
        for number in ("4601", "0301", "3405", "1860"):
            name = conn.execute(
                text("SELECT navn FROM kommune WHERE kommunenummer = :k"),
                {"k": number},
            ).scalar_one()
            granted = conn.execute(
                text(
                    "SELECT COALESCE(SUM(innvilget_kr), 0) FROM tildeling WHERE aar = 2025 "
                    "AND kommunenummer = :k AND mottakertype <> 'fylkeskommune'"
                ),
                {"k": number},
            ).scalar_one()
            row = hover[number]
            assert row[0] == number and row[1] == name
            assert row[5].replace(NBSP, " ") == f"{granted:,.0f} kr".replace(",", " ")
    engine.dispose()

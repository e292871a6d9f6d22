"""The Presentasjon page: layout from URL parameters, and its callbacks called as functions."""

from __future__ import annotations

from contextvars import copy_context

import dash
import pytest
from dash import dcc, no_update
from dash._callback_context import context_value
from dash._utils import AttributeDict

from loftet.formatting import NBSP
from loftet.presentation import AUTO_DEFAULT_S
from loftet.ui import ids
from loftet.ui.presentation import COUNTER, GRAPH, TIMER, VIEWPORT
from tests.dash_tree import find, load_page, walk


@pytest.fixture
def page(small_db: str):
    """The page module, registered with a throwaway pages app."""
    return load_page("presentasjon")


def with_class(component, name: str) -> list:
    return [c for c in walk(component) if name in (getattr(c, "className", None) or "").split()]


def plain(component) -> str:
    """All text below `component`, with ordinary spaces."""
    parts = []
    for c in walk(component):
        children = getattr(c, "children", None)
        for child in children if isinstance(children, list | tuple) else [children]:
            if isinstance(child, str):
                parts.append(child)
    return "".join(parts).replace(NBSP, " ")


def test_page_registered(page) -> None:
    entry = dash.page_registry["pages.presentasjon"]
    assert (entry["path"], entry["name"], entry["order"]) == ("/presentasjon", "Presentasjon", 5)


def test_layout_holds_the_url_state_and_the_slide(page) -> None:
    tree = page.layout(fylke="46", aar="2021", slide="2", auto="15")
    assert "presentation-root" in tree.className
    assert find(tree, ids.state("fylke"))[0].value == "46"
    assert find(tree, ids.state("aar"))[0].value == 2021
    assert find(tree, ids.state("slide"))[0].value == 2
    assert find(tree, ids.state("auto"))[0].value == 15
    assert find(tree, COUNTER)[0].children == "2 / 8"
    timer = find(tree, TIMER)[0]
    assert (timer.disabled, timer.interval) == (False, 15_000)
    message = plain(with_class(tree, "slide-message")[0])
    assert message == "Vestland: 2 % av kommunene deltar – landet 1 %"
    graph = find(tree, GRAPH)[0]
    assert isinstance(graph, dcc.Graph)
    props = graph.to_plotly_json()["props"]
    assert props["config"]["displayModeBar"] is False
    assert props["figure"].layout.template.layout.font.size == 24
    assert not with_class(tree, "presentation-notice")
    assert with_class(tree, "slide-demo") == []  # the small test database is not demo data


def test_layout_without_parameters_is_the_national_title(page) -> None:
    tree = page.layout()
    assert plain(with_class(tree, "slide-message")[0]).startswith("Kompetanseløftet i hele landet")
    assert find(tree, ids.state("fylke"))[0].value is None
    assert find(tree, ids.state("auto"))[0].value == ""
    assert find(tree, TIMER)[0].disabled is True
    assert not find(tree, GRAPH)


def test_layout_with_garbage_shows_notices_not_errors(page) -> None:
    tree = page.layout(fylke="99", aar="abc", slide="x", auto="y", tull="1")
    notices = [plain(n) for n in with_class(tree, "presentation-notice")]
    assert len(notices) == 4
    assert any("«slide=x»" in n for n in notices) and any("«auto=y»" in n for n in notices)
    assert find(tree, COUNTER)[0].children == "1 / 8"


def run_show_slide(page, trigger: str, *args):
    def call():
        context_value.set(AttributeDict(triggered_inputs=[{"prop_id": trigger, "value": None}]))
        return page.show_slide(*args)

    return copy_context().run(call)


def test_show_slide_draws_the_requested_slide(page) -> None:
    content, source, scale = run_show_slide(
        page, '{"param":"slide","type":"urlstate"}.value', 3, None, 1.0, "46", 2021, 2024
    )
    assert scale == 1.0
    assert plain(with_class(content, "slide-message")[0]) == (
        "Vestland: tiltakene har nådd 50 % av enhetene – landet 50 %"
    )
    assert find(content, GRAPH)[0].figure.data
    assert source.startswith("Kilde: deltakelse og tildelinger")


def test_show_slide_scales_for_a_small_screen_only(page) -> None:
    trigger = f"{VIEWPORT}.data"
    same = run_show_slide(page, trigger, 2, {"width": 1920, "height": 1080}, 1.0, "46", 2021, 2024)
    assert same == (no_update, no_update, no_update)
    content, _, scale = run_show_slide(
        page, trigger, 2, {"width": 1366, "height": 768}, 1.0, "46", 2021, 2024
    )
    assert scale == 0.71
    assert find(content, GRAPH)[0].figure.layout.font.size == 17
    # Back on the projector: drawn at 0.71, so the design size is drawn again.
    content, _, scale = run_show_slide(
        page, trigger, 2, {"width": 1920, "height": 1080}, 0.71, "46", 2021, 2024
    )
    assert scale == 1.0 and find(content, GRAPH)[0].figure.layout.font.size is None


def test_show_slide_survives_garbage(page) -> None:
    content, source, _ = run_show_slide(
        page, '{"param":"slide","type":"urlstate"}.value', "x", "nope", None, "99", "abc", "1"
    )
    assert plain(with_class(content, "slide-message")[0]).startswith(
        "Kompetanseløftet i hele landet"
    )
    assert source.startswith("Kilde:")


def test_toggle_auto_plays_and_pauses(page) -> None:
    disabled, interval, auto, _label, title = page.toggle_auto(1, True, 30)
    assert (disabled, interval, auto) == (False, 30_000, 30)
    assert title.startswith("Stopp automatisk bla")
    disabled, interval, auto, _label, title = page.toggle_auto(2, False, 30)
    assert (disabled, interval, auto) == (True, 30_000, "")
    assert title.startswith("Bla automatisk")
    assert page.toggle_auto(1, True, None)[1] == AUTO_DEFAULT_S * 1000


def test_closing_slide_links_to_the_dashboard(page) -> None:
    tree = page.layout(fylke="46", aar="2021", slide="8")
    link = with_class(tree, "slide-link")[0]
    assert link.href == "/dekning?aar=2021&fylke=46"
    assert len(with_class(tree, "slide-points")[0].children) == 3


def test_closing_slide_shows_the_configured_public_address(
    page, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOFTET_PUBLIC_URL", "https://loftet.example.no/")
    tree = page.layout(fylke="46", aar="2021", slide="8")
    link = with_class(tree, "slide-link")[0]
    assert link.children == "loftet.example.no/dekning?aar=2021&fylke=46"
    assert link.href == "/dekning?aar=2021&fylke=46"

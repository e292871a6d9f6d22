"""Presentasjon (/presentasjon): full-screen slides for county meetings on a projector.

`/presentasjon?fylke=46&aar=2025&slide=3&auto=20`. The slides themselves (messages, charts) are
defined in `loftet.presentation` and its components in `loftet.ui.presentation`; this module
places them and wires the navigation. The keys,
the on-screen buttons (`data-action`) and the auto-advance timer step the slide number in the
browser (assets/presentasjon.js, which hands it to Dash with `set_props`); the server then
draws that slide (`show_slide`). The parameters are URL-state controls (hidden), so the shared
URL sync keeps the link current.
"""

from __future__ import annotations

import dash
from dash import (
    ClientsideFunction,
    Input,
    Output,
    State,
    callback,
    clientside_callback,
    ctx,
    dcc,
    html,
    no_update,
)

from loftet.presentation import (
    AUTO_DEFAULT_S,
    build_slide,
    parse_presentation,
    slide_count,
    viewport_scale,
)
from loftet.ui import ids
from loftet.ui.attrs import attrs
from loftet.ui.presentation import (
    DRAWN_SCALE,
    PLAY,
    ROOT,
    SECONDS,
    SLIDE,
    SOURCE,
    TIMER,
    VIEWPORT,
    hidden_controls,
    notice_list,
    play_state,
    slide_content,
    slide_footer,
)

dash.register_page(
    __name__,
    path="/presentasjon",
    name="Presentasjon",
    order=5,
    title="Presentasjon – Løftet-monitor",
)

SCALE_TOLERANCE = 0.05
"""A window resize redraws the slide only when the chart scale changes by more than this."""


def layout(**params: str) -> html.Div:
    presentation = parse_presentation(params)
    filters = presentation.filters
    playing = presentation.auto is not None
    seconds = presentation.auto or AUTO_DEFAULT_S
    slide = build_slide(presentation.slide, filters)
    disabled, interval, *_ = play_state(playing, seconds)
    return html.Div(
        [
            hidden_controls(filters, presentation),
            dcc.Store(id=SECONDS, data=seconds),
            dcc.Store(id=VIEWPORT),
            dcc.Store(id=DRAWN_SCALE, data=1.0),
            dcc.Interval(id=TIMER, interval=interval, disabled=disabled),
            notice_list(presentation.notices),
            html.Main(slide_content(slide, filters), id=SLIDE, className="slide-frame"),
            slide_footer(slide, presentation.slide, playing, seconds),
        ],
        id=ROOT,
        className="presentation-root",
        **attrs(data_count=slide_count()),
    )


@callback(
    Output(SLIDE, "children"),
    Output(SOURCE, "children"),
    Output(DRAWN_SCALE, "data"),
    Input(ids.state("slide"), "value"),
    Input(VIEWPORT, "data"),
    State(DRAWN_SCALE, "data"),
    State(ids.state("fylke"), "value"),
    State(ids.state("aar"), "value"),
    State(ids.state("struktur"), "value"),
    prevent_initial_call=True,
)
def show_slide(
    number: object,
    viewport: dict | None,
    drawn: float | None,
    fylke: object,
    aar: object,
    struktur: object,
):
    """Draw slide `number` for the county and year on the page, with chart text scaled to the
    window. A new window size only redraws the slide when the scale really changes (the layout
    draws the first slide at the design size, 1920 × 1080)."""
    scale = viewport_scale(viewport)
    if ctx.triggered_id == VIEWPORT and abs(scale - float(drawn or 1.0)) < SCALE_TOLERANCE:
        return no_update, no_update, no_update
    presentation = parse_presentation(
        {"slide": number, "fylke": fylke, "aar": aar, "struktur": struktur}
    )
    slide = build_slide(presentation.slide, presentation.filters)
    return slide_content(slide, presentation.filters, scale), slide.source, scale


@callback(
    Output(TIMER, "disabled"),
    Output(TIMER, "interval"),
    Output(ids.state("auto"), "value"),
    Output(PLAY, "children"),
    Output(PLAY, "title"),
    Input(PLAY, "n_clicks"),
    State(TIMER, "disabled"),
    State(SECONDS, "data"),
    prevent_initial_call=True,
)
def toggle_auto(_clicks: int | None, disabled: bool, seconds: int | None):
    """Play or pause auto-advance; the URL's `auto` follows."""
    return play_state(bool(disabled), int(seconds or AUTO_DEFAULT_S))


clientside_callback(
    ClientsideFunction(namespace="presentasjon", function_name="viewport"),
    Output(VIEWPORT, "data"),
    Input(ROOT, "id"),
)

clientside_callback(
    ClientsideFunction(namespace="presentasjon", function_name="tick"),
    Input(TIMER, "n_intervals"),
    prevent_initial_call=True,
)

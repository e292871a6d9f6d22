"""Presentasjon (/presentasjon): full-screen slides for county meetings on a projector.

`/presentasjon?fylke=46&aar=2025&slide=3&auto=20`. The slides themselves (messages, charts) are
defined in `loftet.presentation`; this module lays them out and wires the navigation. The keys,
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
from flask import has_request_context, request

from loftet.config import public_address
from loftet.filters import STRUCTURES, Filters
from loftet.presentation import (
    AUTO_DEFAULT_S,
    PROGRAMME,
    Presentation,
    Slide,
    build_slide,
    parse_presentation,
    slide_count,
    slide_figure,
    viewport_scale,
)
from loftet.queries.reference import is_demo
from loftet.ui import ids
from loftet.ui.components import GRAPH_CONFIG
from loftet.ui.filterbar import county_options

dash.register_page(
    __name__,
    path="/presentasjon",
    name="Presentasjon",
    order=5,
    title="Presentasjon – Løftet-monitor",
)

ROOT = "presentasjon"
SLIDE = "presentasjon-lysbilde"
GRAPH = "presentasjon-graf"
SOURCE = "presentasjon-kilde"
COUNTER = "presentasjon-teller"
PREV = "presentasjon-forrige"
NEXT = "presentasjon-neste"
PLAY = "presentasjon-spill"
FULLSCREEN = "presentasjon-fullskjerm"
TIMER = "presentasjon-timer"
SECONDS = "presentasjon-sekunder"
NOTICES = "presentasjon-merknader"
VIEWPORT = "presentasjon-visning"
"""The browser window's size, for scaling chart text like the page's own text."""
DRAWN_SCALE = "presentasjon-skala"
"""The scale the shown slide was drawn at."""

SLIDE_CONFIG = {**GRAPH_CONFIG, "displayModeBar": False}
"""The page's graph config (offline topology for the map) without the modebar."""
PLAY_LABELS = {True: ("❚❚", "Stopp automatisk bla (P)"), False: ("▶\ufe0e", "Bla automatisk (P)")}
DEMO_MARK = "Demodata"
SCALE_TOLERANCE = 0.05


def counter_text(number: int, count: int) -> str:
    return f"{number} / {count}"


def play_state(playing: bool, seconds: int) -> tuple[bool, int, int | str, list, str]:
    """The timer's `disabled` and `interval`, the `auto` URL value, and the play button's
    content and title for a playing or paused deck."""
    glyph, text = PLAY_LABELS[playing]
    title = f"{text} – {seconds} sekunder per lysbilde"
    label = [
        html.Span(glyph, **{"aria-hidden": "true"}),
        html.Span(title, className="visually-hidden"),
    ]
    return not playing, seconds * 1000, seconds if playing else "", label, title


def _hidden_controls(filters: Filters, presentation: Presentation) -> html.Div:
    """The URL parameters as URL-state controls; never shown. County and structure are
    dropdowns because the shared county callback writes dropdown options to them."""
    return html.Div(
        [
            dcc.Dropdown(
                id=ids.state("fylke"), options=county_options(filters.struktur), value=filters.fylke
            ),
            dcc.Dropdown(
                id=ids.state("struktur"),
                value=filters.struktur,
                options=[{"label": t, "value": v} for v, t in STRUCTURES.items()],
            ),
            dcc.Input(id=ids.state("aar"), type="hidden", value=filters.aar),
            dcc.Input(id=ids.state("slide"), type="hidden", value=presentation.slide),
            dcc.Input(
                id=ids.state("auto"),
                type="hidden",
                value=presentation.auto if presentation.auto else "",
            ),
        ],
        hidden=True,
        className="presentation-state",
    )


def _message(slide: Slide) -> html.H1:
    parts: list = [slide.headline]
    if slide.comparison:
        parts += [" ", html.Span(f"– {slide.comparison}", className="slide-comparison")]
    return html.H1(parts, className="slide-message")


def slide_content(slide: Slide, filters: Filters, scale: float = 1.0) -> html.Div:
    """One slide: the message, the detail line, and the chart or the title/closing text."""
    kind = f"slide slide--{slide.kind} slide--{slide.key}"
    if slide.kind == "title":
        return html.Div(
            [
                html.P("Løftet-monitor", className="slide-kicker"),
                _message(slide),
                html.P(slide.detail, className="slide-detail"),
            ],
            className=kind,
        )
    if slide.kind == "closing":
        return html.Div(
            [
                _message(slide),
                html.Ul([html.Li(point) for point in slide.points], className="slide-points"),
                html.P(
                    [
                        slide.detail,
                        " ",
                        html.A(_host() + slide.link, href=slide.link, className="slide-link"),
                    ],
                    className="slide-detail",
                ),
                html.P(PROGRAMME, className="slide-programme"),
            ],
            className=kind,
        )
    return html.Div(
        [
            _message(slide),
            html.P(slide.detail, className="slide-detail") if slide.detail else None,
            html.Div(
                dcc.Graph(
                    id=GRAPH,
                    figure=slide_figure(slide, filters, scale),
                    config=SLIDE_CONFIG,
                    className="slide-graph",
                    responsive=True,
                ),
                className="slide-chart",
                role="img",
                **{"aria-label": slide.message},
            ),
        ],
        className=kind,
    )


def _host() -> str:
    """The public address (`LOFTET_PUBLIC_URL`), else this server's address, without the
    scheme (so the audience can type the link)."""
    if public_address():
        return public_address()
    if not has_request_context():
        return ""
    return request.host_url.split("://", 1)[-1].rstrip("/")


def _notices(notices: list[str]) -> html.Div:
    return html.Div(
        [
            html.Div(
                [
                    html.Span(text),
                    html.Button(
                        "×",
                        className="presentation-notice-close",
                        title="Lukk",
                        **{"aria-label": "Lukk merknaden", "data-dismiss": "notice"},
                    ),
                ],
                className="presentation-notice",
                role="status",
            )
            for text in notices
        ],
        id=NOTICES,
        className="presentation-notices",
    )


def _footer(slide: Slide, number: int, playing: bool, seconds: int) -> html.Footer:
    _, _, _, label, title = play_state(playing, seconds)
    demo = (
        [
            html.Span(
                DEMO_MARK,
                className="slide-demo",
                title="Tallene er generert for demonstrasjon og er ikke offisielle.",
            )
        ]
        if is_demo()
        else []
    )
    return html.Footer(
        [
            html.Div(
                [html.Span(slide.source, id=SOURCE, className="slide-source"), *demo],
                className="slide-footer-left",
            ),
            html.Nav(
                [
                    html.Button(
                        "⤢",
                        id=FULLSCREEN,
                        className="slide-button",
                        title="Fullskjerm (F)",
                        **{"aria-label": "Fullskjerm", "data-action": "fullscreen"},
                    ),
                    html.Button(label, id=PLAY, className="slide-button", title=title),
                    html.Button(
                        "‹",
                        id=PREV,
                        className="slide-button",
                        title="Forrige (←)",
                        **{"aria-label": "Forrige lysbilde", "data-action": "prev"},
                    ),
                    html.Span(
                        counter_text(number, slide_count()),
                        id=COUNTER,
                        className="slide-counter",
                        **{"aria-live": "polite", "aria-label": "Lysbilde"},
                    ),
                    html.Button(
                        "›",
                        id=NEXT,
                        className="slide-button",
                        title="Neste (→)",
                        **{"aria-label": "Neste lysbilde", "data-action": "next"},
                    ),
                ],
                className="slide-nav",
                **{"aria-label": "Bla i lysbildene"},
            ),
        ],
        className="slide-footer",
    )


def layout(**params: str) -> html.Div:
    presentation = parse_presentation(params)
    filters = presentation.filters
    playing = presentation.auto is not None
    seconds = presentation.auto or AUTO_DEFAULT_S
    slide = build_slide(presentation.slide, filters)
    disabled, interval, *_ = play_state(playing, seconds)
    return html.Div(
        [
            _hidden_controls(filters, presentation),
            dcc.Store(id=SECONDS, data=seconds),
            dcc.Store(id=VIEWPORT),
            dcc.Store(id=DRAWN_SCALE, data=1.0),
            dcc.Interval(id=TIMER, interval=interval, disabled=disabled),
            _notices(presentation.notices),
            html.Main(slide_content(slide, filters), id=SLIDE, className="slide-frame"),
            _footer(slide, presentation.slide, playing, seconds),
        ],
        id=ROOT,
        className="presentation-root",
        **{"data-count": slide_count()},
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

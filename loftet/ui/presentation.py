"""The presentation page's components: the slide (message, detail line, chart or title/closing
text), the notices, the footer with source and navigation, and the hidden URL-state controls.

The slides' content comes from `loftet.presentation`; `pages/presentasjon.py` places these
components and wires the callbacks.
"""

from __future__ import annotations

from dash import dcc, html
from flask import has_request_context, request

from loftet.config import public_address
from loftet.filters import STRUCTURES, Filters
from loftet.presentation import PROGRAMME, Presentation, Slide, slide_count, slide_figure
from loftet.queries.reference import is_demo
from loftet.ui import ids
from loftet.ui.attrs import attrs
from loftet.ui.components import GRAPH_CONFIG
from loftet.ui.filterbar import county_options

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

SLIDE_CONFIG = dcc.Graph.Config(**{**GRAPH_CONFIG, "displayModeBar": False})
"""The page's graph config (offline topology for the map) without the modebar."""
PLAY_LABELS = {True: ("❚❚", "Stopp automatisk bla (P)"), False: ("▶\ufe0e", "Bla automatisk (P)")}
DEMO_MARK = "Demodata"


def counter_text(number: int, count: int) -> str:
    return f"{number} / {count}"


def play_state(playing: bool, seconds: int) -> tuple[bool, int, int | str, list, str]:
    """The timer's `disabled` and `interval`, the `auto` URL value, and the play button's
    content and title for a playing or paused deck."""
    glyph, text = PLAY_LABELS[playing]
    title = f"{text} – {seconds} sekunder per lysbilde"
    label = [
        html.Span(glyph, **attrs(aria_hidden="true")),
        html.Span(title, className="visually-hidden"),
    ]
    return not playing, seconds * 1000, seconds if playing else "", label, title


def hidden_controls(filters: Filters, presentation: Presentation) -> html.Div:
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
                **attrs(aria_label=slide.message),
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


def notice_list(notices: list[str]) -> html.Div:
    return html.Div(
        [
            html.Div(
                [
                    html.Span(text),
                    html.Button(
                        "×",
                        className="presentation-notice-close",
                        title="Lukk",
                        **attrs(aria_label="Lukk merknaden", data_dismiss="notice"),
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


def slide_footer(slide: Slide, number: int, playing: bool, seconds: int) -> html.Footer:
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
                        **attrs(aria_label="Fullskjerm", data_action="fullscreen"),
                    ),
                    html.Button(label, id=PLAY, className="slide-button", title=title),
                    html.Button(
                        "‹",
                        id=PREV,
                        className="slide-button",
                        title="Forrige (←)",
                        **attrs(aria_label="Forrige lysbilde", data_action="prev"),
                    ),
                    html.Span(
                        counter_text(number, slide_count()),
                        id=COUNTER,
                        className="slide-counter",
                        **attrs(aria_live="polite", aria_label="Lysbilde"),
                    ),
                    html.Button(
                        "›",
                        id=NEXT,
                        className="slide-button",
                        title="Neste (→)",
                        **attrs(aria_label="Neste lysbilde", data_action="next"),
                    ),
                ],
                className="slide-nav",
                **attrs(aria_label="Bla i lysbildene"),
            ),
        ],
        className="slide-footer",
    )

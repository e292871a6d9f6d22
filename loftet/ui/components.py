"""Page building blocks: header with notices, chart cards with export buttons, KPI cards."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html
from dash.development.base_component import Component

from loftet.charts import Chart, charts_for_page
from loftet.charts.options import ViewOption
from loftet.charts.view import View, page_options
from loftet.metrics import metric
from loftet.theme import PALETTE
from loftet.ui import ids
from loftet.ui.attrs import attrs

EXPORT_FORMATS = (
    ("png", "PNG"),
    ("png-bred", "PNG 24 cm"),
    ("png-lysbilde", "Lysbilde"),
    ("svg", "SVG"),
    ("pdf", "PDF"),
    ("csv", "CSV"),
    ("xlsx", "Excel"),
)
"""Button value (`<format>` or `<format>-<size preset>`) and text; a report figure by default."""
GRAPH_CONFIG = dcc.Graph.Config(
    displaylogo=False,
    responsive=True,
    topojsonURL="/assets/topojson/",
    modeBarButtonsToRemove=["select2d", "lasso2d", "toggleSpikelines", "toImage"],
)
"""Offline: geo maps read the (empty) base topology from our own assets, never a CDN. Plotly's
camera button is removed: it saves the screen without title, source or demo mark; the card's
own export buttons make every image with them."""


LOADING_OVERLAY = {"visibility": "visible", "opacity": 0.45, "filter": "grayscale(0.6)"}
"""While a chart is redrawn the old one stays, greyed, under the app's own blue spinner."""


def page_header(title: str, intro: str, notices: list[str] | None = None) -> html.Div:
    """The page title, one sentence on what it answers, and any URL notices."""
    alerts = [
        dbc.Alert(text, color="warning", className="py-2 mb-2", dismissable=True)
        for text in notices or []
    ]
    return html.Div(
        [
            html.H1(title, className="page-title"),
            html.P(intro, className="page-intro lead"),
            *alerts,
        ],
        id=ids.NOTICE,
        className="page-header",
    )


def option_selector(
    param: str, label: str, options: dict[str, str], value: str, inline: bool = True
) -> html.Div:
    """A page-specific view option kept in the URL (radio buttons)."""
    return html.Div(
        [
            dbc.Label(label, className="filter-label me-2"),
            dbc.RadioItems(
                id=ids.state(param),
                value=value,
                inline=inline,
                options=[{"label": text, "value": key} for key, text in options.items()],
                className="option-selector",
            ),
        ],
        className="option-row",
    )


def option_dropdown(param: str, label: str, options: dict[str, str], value: str) -> html.Div:
    """A page-specific view option kept in the URL (dropdown, for long lists)."""
    return html.Div(
        [
            dbc.Label(label, className="filter-label"),
            dcc.Dropdown(
                id=ids.state(param),
                value=value,
                clearable=False,
                options=[{"label": text, "value": key} for key, text in options.items()],
            ),
        ],
        className="option-row option-dropdown",
    )


def option_control(option: ViewOption, value: str | None = None) -> Component:
    """The selector of one declared view option, set to `value` (default: the option's)."""
    chosen = value or option.default
    if option.control == "hidden":
        return dcc.Input(id=ids.state(option.param), type="hidden", value=chosen)
    if option.control == "dropdown":
        return option_dropdown(option.param, option.label, option.labels(), chosen)
    return option_selector(option.param, option.label, option.labels(), chosen)


def option_bar(page: str, view: View) -> html.Div:
    """The selectors of the page's options declared with `place="page"`, in declared order."""
    return html.Div(
        [
            option_control(option, view.options.get(option.param))
            for option in page_options(page)
            if option.place == "page"
        ],
        className="option-bar",
    )


def _card_options(chart: Chart) -> list[ViewOption]:
    """The chart's `place="chart"` options not already shown above an earlier chart's card."""
    earlier: set[str] = set()
    for other in charts_for_page(chart.page):
        if other.id == chart.id:
            break
        earlier |= {option.param for option in other.options}
    return [o for o in chart.options if o.place == "chart" and o.param not in earlier]


def export_buttons(chart_id: str) -> html.Div:
    """Download buttons: print-ready images and the numbers behind the chart."""
    return html.Div(
        [
            html.Span("Last ned:", className="export-label"),
            dbc.ButtonGroup(
                [
                    dbc.Button(
                        text,
                        id=ids.export_button(chart_id, fmt),
                        size="sm",
                        color="secondary",
                        outline=True,
                        className="export-button",
                        title=f"Last ned som {text}",
                    )
                    for fmt, text in EXPORT_FORMATS
                ],
                size="sm",
            ),
        ],
        className="export-row",
    )


def definition_links(keys: tuple[str, ...]) -> html.Div | None:
    """ "Om tallene: <label>, <label>", each linking to its definition on /om."""
    if not keys:
        return None
    links: list = []
    for key in keys:
        item = metric(key)
        links += [
            ", " if links else "",
            html.A(item.label, href=item.anchor, className="definition-link"),
        ]
    return html.Div([html.Small(["Om tallene: ", *links])], className="chart-definitions")


def chart_card(chart: Chart, height: int = 420, view: View | None = None) -> Component:
    """A chart with visible title, a one-sentence text alternative, source and downloads;
    above it the selectors of the view options placed with it (`_card_options`), set from
    `view` (the page's parsed URL; defaults without it)."""
    card = _card(chart, height)
    values = view.options if view else {}
    selectors = [option_control(o, values.get(o.param)) for o in _card_options(chart)]
    return html.Div([*selectors, card], className="chart-with-options") if selectors else card


def _card(chart: Chart, height: int) -> dbc.Card:
    return dbc.Card(
        [
            dbc.CardHeader(html.H2(chart.title, className="chart-title")),
            dbc.CardBody(
                html.Figure(
                    [
                        dcc.Loading(
                            dcc.Graph(
                                id=ids.graph(chart.id),
                                config=GRAPH_CONFIG,
                                style={"height": f"{height}px"},
                            ),
                            delay_show=300,
                            type="circle",
                            color=PALETTE[0],
                            overlay_style=LOADING_OVERLAY,
                        ),
                        # The text alternative: the figure's caption, read out again on change.
                        html.Figcaption(
                            id=ids.summary(chart.id),
                            className="chart-summary",
                            **attrs(aria_live="polite"),
                        ),
                    ],
                    className="chart-figure mb-0",
                )
            ),
            dbc.CardFooter(
                [
                    html.Small(chart.source, className="chart-source"),
                    definition_links(chart.metrics),
                    export_buttons(chart.id),
                ]
            ),
        ],
        className="chart-card mb-4",
        id=f"card-{chart.id}",
    )


def kpi_card(
    title: str, value: str, change: str, href: str, note: str = "", card_id: str = ""
) -> dbc.Col:
    """A headline number with its change from last year, linking to its page."""
    return dbc.Col(
        html.A(
            dbc.Card(
                dbc.CardBody(
                    [
                        html.Div(title, className="kpi-title"),
                        html.Div(value, className="kpi-value"),
                        html.Div(change, className="kpi-change"),
                        html.Div(note, className="kpi-note") if note else None,
                    ]
                )
            ),
            href=href,
            className="kpi-link",
            id=card_id or None,
        ),
        xs=12,
        sm=6,
        lg=4,
        xl=3,
        className="mb-3",
    )

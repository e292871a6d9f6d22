"""The app shell around every page: navigation, demo badge, copy-link, footer."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from loftet.datastate import current_state
from loftet.filters import SHARED_PARAMS, Filters
from loftet.formatting import long_date
from loftet.queries.reference import is_demo, last_loaded
from loftet.ui import ids
from loftet.ui.attrs import attrs

SOURCE_LINE = (
    "Kilder: tildelinger og deltakelse rapportert til statsforvalterne, "
    "enhetsregister, GSI/BASIL-indikatorer, Kartverket (kart)."
)
DEMO_TEXT = "Demodata"
DEMO_TOOLTIP = (
    "Tallene er generert for demonstrasjon og er ikke offisielle. "
    "Ekte data lastes med «python -m etl load»."
)


def _has_data() -> bool:
    """Whether the database holds data (read once per request)."""
    return current_state().has_data


def url_defaults() -> dict:
    """Defaults the browser leaves out of the URL, and which parameters travel between pages."""
    default = Filters()
    return {
        "shared": list(SHARED_PARAMS),
        "defaults": {
            "aar": str(default.aar),
            "fra": str(default.fra),
            "struktur": str(default.struktur),
        },
    }


def demo_badge() -> html.Span | None:
    """The 'Demodata' badge, shown whenever the database holds demo data."""
    if not _has_data() or not is_demo():
        return None
    return html.Span(
        [
            dbc.Badge(
                DEMO_TEXT,
                color="warning",
                text_color="dark",
                id="demo-badge",
                className="demo-badge",
            ),
            dbc.Tooltip(DEMO_TOOLTIP, target="demo-badge"),
        ]
    )


def navigation() -> dbc.Navbar:
    """Brand, one link per page (from the page registry), demo badge and copy-link."""
    links = [
        html.A(
            page["name"],
            href=page["relative_path"],
            className="nav-link",
            id=ids.nav_link(page["path"]),
            **attrs(data_nav_path=page["relative_path"]),
        )
        for page in dash.page_registry.values()
        if page.get("order") is not None
    ]
    return dbc.Navbar(
        dbc.Container(
            [
                html.A(
                    [
                        html.Span("Løftet-monitor", className="brand-name"),
                        html.Span(
                            "Kompetanseløftet for spesialpedagogikk og inkluderende praksis",
                            className="brand-sub",
                        ),
                    ],
                    href="/",
                    className="navbar-brand",
                ),
                html.Nav(links, className="nav main-nav", **attrs(aria_label="Sider")),
                html.Div(
                    [
                        demo_badge(),
                        html.Div(
                            [
                                dbc.Button(
                                    "Kopier lenke",
                                    id=ids.COPY_LINK,
                                    size="sm",
                                    color="light",
                                    outline=True,
                                    className="ms-2",
                                ),
                                html.Span(
                                    id="copy-link-status", className="copy-status", role="status"
                                ),
                            ],
                            className="copy-status-anchor",
                        ),
                    ],
                    className="d-flex align-items-center",
                ),
            ],
            fluid=True,
        ),
        color="dark",
        dark=True,
        className="app-navbar",
    )


def footer() -> html.Footer:
    """Data freshness and sources."""
    has_data = _has_data()
    loaded = last_loaded() if has_data else None
    fresh = f"Data lastet {long_date(loaded)}" if loaded else "Ingen data lastet ennå"
    demo = " · DEMODATA – ikke offisielle tall" if has_data and is_demo() else ""
    return html.Footer(
        dbc.Container(
            html.Small(
                [
                    html.A(
                        fresh,
                        href=dash.get_relative_path("/data"),
                        id="footer-data-link",
                        title="Data og kilder",
                        className="footer-link",
                    ),
                    f"{demo} · {SOURCE_LINE} · ",
                    html.A(
                        "Om tallene: definisjoner, kilder og begrensninger",
                        href="/om",
                        className="footer-link",
                    ),
                ]
            ),
            fluid=True,
        ),
        className="app-footer",
    )


def shell() -> html.Div:
    """The whole page around `dash.page_container`; built per request."""
    return html.Div(
        [
            dcc.Store(id=ids.URL_QUERY),
            dcc.Store(id=ids.URL_DEFAULTS, data=url_defaults()),
            dcc.Download(id=ids.DOWNLOAD),
            dbc.Alert(
                id=ids.EXPORT_MESSAGE,
                is_open=False,
                dismissable=True,
                color="warning",
                className="export-message",
            ),
            navigation(),
            dbc.Container(dash.page_container, fluid=True, className="page-body"),
            footer(),
        ],
        className="app-root",
    )

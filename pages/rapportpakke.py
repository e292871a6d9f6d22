"""Rapportpakke (/rapportpakke): every chart and its numbers for a county or the nation in one
ZIP, built as a Dash background callback (its own process, progress bar, cancel button), then
downloaded.

The job's progress and result live in the background manager's shared store (`loftet.jobs`),
so it works with any number of workers. At most `MAX_PACKS` packs are built at once across
all workers (`loftet.slots`); a click beyond that says «prøv igjen om litt». The finished ZIP
is kept an hour in the shared cache for «Last ned igjen».
"""

from __future__ import annotations

import logging
import uuid

import dash
import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, clientside_callback, dcc, html
from dash.exceptions import PreventUpdate

from loftet import cache
from loftet.export import MEDIA_TYPES
from loftet.export.pack import PackResult, build_pack, pack_charts, pack_filters, pack_name
from loftet.filters import Filters, parse_filters
from loftet.formatting import number
from loftet.slots import MAX_PACKS, Busy, slot
from loftet.ui import ids
from loftet.ui.attrs import attrs
from loftet.ui.callbacks import STATE_IDS
from loftet.ui.components import page_header
from loftet.ui.filterbar import filter_bar
from loftet.ui.state import params_from_controls, split_params

log = logging.getLogger(__name__)

dash.register_page(
    __name__,
    path="/rapportpakke",
    name="Rapportpakke",
    order=6,
    title="Rapportpakke – Løftet-monitor",
)

START = "rapportpakke-start"
CANCEL = "rapportpakke-avbryt"
AGAIN = "rapportpakke-igjen"
PROGRESS = "rapportpakke-fremdrift"
STEP = "rapportpakke-steg"
STATUS = "rapportpakke-status"
STATUS_BOX = "rapportpakke-status-boks"
JOB = "rapportpakke-jobb"
TOKEN = "rapportpakke-okt"
DOWNLOAD = "rapportpakke-download"
POLL_MS = 700
KEEP_S = 3600
HIDDEN = "d-none"
STATE_VALUES_NOW = State({"type": ids.URL_STATE, "param": ALL}, "value")
INTRO_TEXT = (
    "Velg fylke (eller hele landet) og år, og trykk «Lag rapportpakke». "
    "Det tar omtrent et halvt minutt."
)
CANCELLED_TEXT = "Rapportpakken ble avbrutt. Trykk «Lag rapportpakke» for å starte på nytt."
STATUS_CLASS = {
    "ok": "rapportpakke-status",
    "warning": "rapportpakke-status text-warning-emphasis",
    "error": "rapportpakke-status text-danger",
}


def contents_card() -> dbc.Card:
    """What goes into the pack: each chart's title, and the file types."""
    charts = pack_charts()
    return dbc.Card(
        [
            dbc.CardHeader(
                html.H2(f"Innhold: {len(charts)} figurer med tall", className="chart-title")
            ),
            dbc.CardBody(
                [
                    html.P(
                        "Nøkkeltallene og hver figur som PNG (300 dpi), SVG og PDF, 16 cm brede "
                        "og så høye som innholdet trenger, med tittel, utvalg, kilde og "
                        "datadato. Tallene bak hver figur som CSV (for norsk Excel) og "
                        "Excel-fil. Filen innhold.txt lister alt med kilder. "
                        "Figurer for én kommune er ikke med; "
                        "de lastes ned fra Kommuneprofil.",
                        className="rapportpakke-intro",
                    ),
                    html.Ol(
                        [html.Li(chart.title) for chart in charts], className="rapportpakke-list"
                    ),
                ]
            ),
        ],
        className="chart-card mb-4",
    )


def build_card() -> dbc.Card:
    """The start and cancel buttons, the progress bar, the current step and the outcome."""
    return dbc.Card(
        dbc.CardBody(
            [
                html.Div(
                    [
                        dbc.Button("Lag rapportpakke", id=START, color="primary", className="me-2"),
                        dbc.Button(
                            "Avbryt",
                            id=CANCEL,
                            color="danger",
                            outline=True,
                            className=f"me-2 {HIDDEN}",
                        ),
                        dbc.Button(
                            "Last ned igjen",
                            id=AGAIN,
                            color="secondary",
                            outline=True,
                            className=HIDDEN,
                        ),
                    ],
                    className="rapportpakke-buttons mb-3",
                ),
                html.Div(
                    dbc.Progress(
                        id=PROGRESS,
                        value=0,
                        label="",
                        striped=True,
                        animated=False,
                        className="rapportpakke-progress mb-2",
                    ),
                    role="group",
                    **attrs(aria_label="Fremdrift for rapportpakken"),
                ),
                html.P("", id=STEP, className="rapportpakke-step"),
                html.Div(
                    html.P(
                        INTRO_TEXT,
                        id=STATUS,
                        className=STATUS_CLASS["ok"],
                        role="status",
                        **attrs(aria_live="polite"),
                    ),
                    id=STATUS_BOX,
                ),
                dcc.Store(id=JOB),
                dcc.Store(id=TOKEN, data=uuid.uuid4().hex),
                dcc.Download(id=DOWNLOAD),
            ]
        ),
        className="chart-card mb-4",
    )


def layout(**params: str) -> html.Div:
    parsed = parse_filters(params)
    return html.Div(
        [
            page_header(
                "Rapportpakke",
                "Alle figurer og tallene bak dem for et fylke eller hele "
                "landet, klare til en rapport eller et saksframlegg, i én ZIP-fil.",
                parsed.notices,
            ),
            filter_bar(parsed.filters, show=("aar", "fylke", "struktur")),
            dbc.Row(
                [dbc.Col(build_card(), xs=12, lg=5), dbc.Col(contents_card(), xs=12, lg=7)],
                className="g-3",
            ),
        ],
        className="rapportpakke-page",
    )


def outcome_text(result: PackResult, filename: str) -> tuple[str, str]:
    """What the status line says about a finished pack, and its tone (`ok` or `warning`):
    a pack with charts left out never just says «Ferdig»."""
    size = f"{len(result.content) / 1e6:.1f}".replace(".", ",")
    if not result.skipped:
        return f"Ferdig: {filename} ({size} MB) lastes ned.", "ok"
    titles = "; ".join(f"{title} ({reason})" for title, reason in result.skipped)
    missing = number(len(result.skipped))
    return (
        f"Rapportpakken er lastet ned ({filename}, {size} MB), men {missing}"
        f" av {number(result.charts)} figurer mangler: {titles}. Se «Ikke med» i "
        "innhold.txt, og prøv igjen om litt.",
        "warning",
    )


def make_pack(filters: Filters, token: str, progress) -> tuple:
    """Build the pack in a slot; the callback's outputs (download, status, tone, stored key,
    «Last ned igjen» class). Never raises: every failure becomes a Norwegian message."""
    filters = pack_filters(filters)
    filename = pack_name(filters)

    def report(done: int, total: int, message: str) -> None:
        percent = int(100 * done / total) if total else 0
        progress((percent, f"{percent} %", f"{message} ({done} av {total})"))

    try:
        with slot("rapportpakke", MAX_PACKS):
            progress((0, "", "Starter eksporten …"))
            result = build_pack(filters, report)
    except Busy:
        return (
            None,
            f"Det lages {MAX_PACKS} rapportpakker akkurat nå, som er det meste "
            "samtidig. Prøv igjen om litt.",
            "warning",
            None,
            HIDDEN,
        )
    except Exception as exc:  # noqa: BLE001 — shown to the user in Norwegian, logged in full
        log.exception("report pack %s failed", filename)
        return (
            None,
            f"Rapportpakken kunne ikke lages ({type(exc).__name__}). Prøv igjen om "
            "litt; skjer det igjen, si fra til den som drifter dashbordet.",
            "error",
            None,
            HIDDEN,
        )
    key = f"rapportpakke:{token}:{uuid.uuid4().hex}"
    cache.backend().set(key, (filename, result.content), timeout=KEEP_S)
    text, tone = outcome_text(result, filename)
    download = dcc.send_bytes(result.content, filename, type=MEDIA_TYPES["zip"])
    return download, text, tone, key, ""


@callback(
    Output(DOWNLOAD, "data"),
    Output(STATUS, "children"),
    Output(STATUS, "className"),
    Output(JOB, "data"),
    Output(AGAIN, "className"),
    Input(START, "n_clicks"),
    STATE_VALUES_NOW,
    STATE_IDS,
    State(TOKEN, "data"),
    background=True,
    running=[
        (Output(START, "disabled"), True, False),
        (Output(CANCEL, "className"), "me-2", f"me-2 {HIDDEN}"),
        (Output(PROGRESS, "animated"), True, False),
        (Output(STEP, "className"), "rapportpakke-step", f"rapportpakke-step {HIDDEN}"),
        (Output(STATUS_BOX, "className"), HIDDEN, ""),
    ],
    progress=[Output(PROGRESS, "value"), Output(PROGRESS, "label"), Output(STEP, "children")],
    progress_default=[0, "", ""],
    cancel=[Input(CANCEL, "n_clicks")],
    interval=POLL_MS,
    prevent_initial_call=True,
)
def build_pack_job(
    set_progress, clicks: int | None, values: list, control_ids: list[dict], token: str | None
):
    """Build the pack for the chosen county and year in a background process."""
    if not clicks:
        raise PreventUpdate
    filters, _options = split_params(params_from_controls(values, control_ids))
    download, text, tone, key, again = make_pack(filters, token or "", set_progress)
    return download, text, STATUS_CLASS[tone], key, again


clientside_callback(
    f"""function (clicks) {{
        return clicks ? {CANCELLED_TEXT!r} : window.dash_clientside.no_update;
    }}""",
    Output(STATUS, "children", allow_duplicate=True),
    Input(CANCEL, "n_clicks"),
    prevent_initial_call=True,
)
"""Cancelling kills the job's process (Dash does that); the status line says so."""


@callback(
    Output(DOWNLOAD, "data", allow_duplicate=True),
    Output(STATUS, "children", allow_duplicate=True),
    Input(AGAIN, "n_clicks"),
    State(JOB, "data"),
    prevent_initial_call=True,
)
def download_again(clicks: int | None, key: str | None):
    """Send the finished ZIP once more (kept an hour in the shared cache)."""
    if not clicks or not key:
        raise PreventUpdate
    stored = cache.backend().get(key)
    if not stored:
        return None, "Pakken er ikke lenger lagret. Lag den på nytt."
    filename, content = stored
    return dcc.send_bytes(content, filename, type=MEDIA_TYPES["zip"]), dash.no_update

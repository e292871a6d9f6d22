"""Rapportpakke (/rapportpakke): every chart and its numbers for a county or the nation in one
ZIP, built in the background with a progress bar, then downloaded."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, dcc, html, no_update
from dash.exceptions import PreventUpdate

from loftet.export import MEDIA_TYPES
from loftet.export.jobs import DONE, FAILED, get_job, start_job
from loftet.export.pack import build_report_pack, pack_charts, pack_filters, pack_name
from loftet.filters import parse_filters
from loftet.ui import ids
from loftet.ui.callbacks import STATE_IDS
from loftet.ui.components import page_header
from loftet.ui.filterbar import filter_bar
from loftet.ui.state import params_from_controls, split_params

dash.register_page(__name__, path="/rapportpakke", name="Rapportpakke", order=6,
                   title="Rapportpakke – Løftet-monitor")

START = "rapportpakke-start"
AGAIN = "rapportpakke-igjen"
PROGRESS = "rapportpakke-fremdrift"
STATUS = "rapportpakke-status"
POLL = "rapportpakke-poll"
JOB = "rapportpakke-jobb"
DOWNLOAD = "rapportpakke-download"
POLL_MS = 700
STATE_VALUES_NOW = State({"type": ids.URL_STATE, "param": ALL}, "value")


def contents_card() -> dbc.Card:
    """What goes into the pack: each chart's title, and the file types."""
    charts = pack_charts()
    return dbc.Card([
        dbc.CardHeader(html.H2(f"Innhold: {len(charts)} figurer med tall",
                               className="chart-title")),
        dbc.CardBody([
            html.P("Hver figur som PNG (300 dpi) og SVG i 16 × 9 cm, med tittel, utvalg, kilde og "
                   "datadato. Tallene bak hver figur som CSV (for norsk Excel) og Excel-fil. "
                   "Filen innhold.txt lister alt med kilder. Figurer for én kommune er ikke med; "
                   "de lastes ned fra Kommuneprofil.", className="rapportpakke-intro"),
            html.Ol([html.Li(chart.title) for chart in charts], className="rapportpakke-list"),
        ]),
    ], className="chart-card mb-4")


def build_card() -> dbc.Card:
    """The start button, the progress bar and the status line."""
    return dbc.Card(dbc.CardBody([
        html.Div([
            dbc.Button("Lag rapportpakke", id=START, color="primary", className="me-2"),
            dbc.Button("Last ned igjen", id=AGAIN, color="secondary", outline=True,
                       className="d-none"),
        ], className="rapportpakke-buttons mb-3"),
        html.Div(dbc.Progress(id=PROGRESS, value=0, label="", striped=True, animated=False,
                              className="rapportpakke-progress mb-2"),
                 role="group", **{"aria-label": "Fremdrift for rapportpakken"}),
        html.P("Velg fylke (eller hele landet) og år, og trykk «Lag rapportpakke». "
               "Det tar omtrent et halvt minutt.", id=STATUS, className="rapportpakke-status",
               role="status", **{"aria-live": "polite"}),
        dcc.Interval(id=POLL, interval=POLL_MS, disabled=True),
        dcc.Store(id=JOB),
        dcc.Download(id=DOWNLOAD),
    ]), className="chart-card mb-4")


def layout(**params: str) -> html.Div:
    parsed = parse_filters(params)
    return html.Div([
        page_header("Rapportpakke", "Alle figurer og tallene bak dem for et fylke eller hele "
                    "landet, klare til en rapport eller et saksframlegg, i én ZIP-fil.",
                    parsed.notices),
        filter_bar(parsed.filters, show=("aar", "fylke", "struktur")),
        dbc.Row([dbc.Col(build_card(), xs=12, lg=5), dbc.Col(contents_card(), xs=12, lg=7)],
                className="g-3"),
    ], className="rapportpakke-page")


@callback(
    Output(JOB, "data"),
    Output(POLL, "disabled"),
    Output(START, "disabled"),
    Output(STATUS, "children"),
    Output(PROGRESS, "value"),
    Output(PROGRESS, "label"),
    Output(PROGRESS, "animated"),
    Output(AGAIN, "className"),
    Input(START, "n_clicks"),
    STATE_VALUES_NOW, STATE_IDS,
    prevent_initial_call=True,
)
def start_pack(clicks: int | None, values: list, control_ids: list[dict]):
    """Start building the pack for the chosen county and year in the background."""
    if not clicks:
        raise PreventUpdate
    filters, _options = split_params(params_from_controls(values, control_ids))
    filters = pack_filters(filters)
    job_id = start_job(lambda progress: build_report_pack(filters, progress),
                       pack_name(filters))
    return (job_id, False, True, f"Starter rapportpakken for {filters.describe()} …", 0, "",
            True, "d-none")


@callback(
    Output(PROGRESS, "value", allow_duplicate=True),
    Output(PROGRESS, "label", allow_duplicate=True),
    Output(PROGRESS, "animated", allow_duplicate=True),
    Output(STATUS, "children", allow_duplicate=True),
    Output(POLL, "disabled", allow_duplicate=True),
    Output(START, "disabled", allow_duplicate=True),
    Output(AGAIN, "className", allow_duplicate=True),
    Output(DOWNLOAD, "data"),
    Input(POLL, "n_intervals"),
    State(JOB, "data"),
    prevent_initial_call=True,
)
def poll_pack(_ticks: int | None, job_id: str | None):
    """Show the job's progress; when it is done, stop polling and send the ZIP."""
    job = get_job(job_id)
    if job is None:
        return (0, "", False, "Fant ikke jobben (serveren kan ha startet på nytt). Prøv igjen.",
                True, False, "d-none", no_update)
    if job.status == FAILED:
        return (job.percent, "", False, f"Rapportpakken kunne ikke lages: {job.error}", True,
                False, "d-none", no_update)
    if job.status == DONE and job.result is not None:
        size = f"{len(job.result) / 1e6:.1f}".replace(".", ",")
        return (100, "100 %", False, f"Ferdig: {job.filename} ({size} MB) lastes ned.", True,
                False, "", dcc.send_bytes(job.result, job.filename, type=MEDIA_TYPES["zip"]))
    return (job.percent, f"{job.percent} %", True, f"{job.message} ({job.done} av {job.total})",
            False, True, "d-none", no_update)


@callback(
    Output(DOWNLOAD, "data", allow_duplicate=True),
    Input(AGAIN, "n_clicks"),
    State(JOB, "data"),
    prevent_initial_call=True,
)
def download_again(clicks: int | None, job_id: str | None):
    """Send the finished ZIP once more."""
    job = get_job(job_id)
    if not clicks or job is None or job.status != DONE or job.result is None:
        raise PreventUpdate
    return dcc.send_bytes(job.result, job.filename, type=MEDIA_TYPES["zip"])

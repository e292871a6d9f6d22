"""The download callback behind every chart card's export buttons (PNG, SVG, PDF, CSV, Excel).

One callback serves all pages: the clicked button's pattern id names the chart and format, the
URL-state controls give the filters and options, so the file shows what the page shows. While
a file is made, the export buttons are marked busy ("Lager fil …", `assets/export.css`).

Images are drawn by the worker's export browser, at most `MAX_IMAGE_EXPORTS` at once across
all workers (`loftet.slots`); beyond that, and whenever a file cannot be made, the shell's
notice says so in Norwegian.
"""

from __future__ import annotations

import logging

from dash import ALL, Input, Output, State, callback, clientside_callback, ctx, dcc, no_update
from dash.exceptions import PreventUpdate

from loftet.export import FORMATS, IMAGE_FORMATS, MEDIA_TYPES, export_file
from loftet.export.browser import ExportError
from loftet.export.presets import PRESETS
from loftet.slots import MAX_IMAGE_EXPORTS, Busy, slot
from loftet.ui import ids
from loftet.ui.state import params_from_controls, split_params

log = logging.getLogger(__name__)

EXPORT_BUTTONS = {"type": "export", "chart": ALL, "fmt": ALL}
SLOT_WAIT_S = 5.0
"""How long an image export waits for a free slot before asking the user to retry."""
FAILED_TEXT = (
    "Filen kunne ikke lages. Prøv igjen om litt; skjer det igjen, si fra til den "
    "som drifter dashbordet."
)
UNKNOWN_TEXT = "Denne grafen kan ikke lastes ned."
IDLE_CLASS = "export-button"
"""The buttons' class (`loftet.ui.components.export_buttons`); busy adds `export-busy`."""


clientside_callback(
    """function (clicks) {
        const ctx = window.dash_clientside.callback_context;
        const clicked = ctx.triggered.some(function (t) { return Boolean(t.value); });
        if (!clicked) { return window.dash_clientside.no_update; }
        return clicks.map(function () { return "export-button export-busy"; });
    }""",
    Output(EXPORT_BUTTONS, "className"),
    Input(EXPORT_BUTTONS, "n_clicks"),
    prevent_initial_call=True,
)
"""Mark the export buttons busy at once; `download_export` clears the mark when done."""


@callback(
    Output(ids.DOWNLOAD, "data"),
    Output(EXPORT_BUTTONS, "className", allow_duplicate=True),
    Output(ids.EXPORT_MESSAGE, "children"),
    Output(ids.EXPORT_MESSAGE, "is_open"),
    Input(EXPORT_BUTTONS, "n_clicks"),
    State({"type": ids.URL_STATE, "param": ALL}, "value"),
    State({"type": ids.URL_STATE, "param": ALL}, "id"),
    prevent_initial_call=True,
)
def download_export(_clicks: list, values: list, control_ids: list[dict]):
    """Make the clicked chart's file in the clicked format and send it to the browser; say in
    Norwegian when it cannot be made."""
    button = ctx.triggered_id
    if not button or not _was_clicked(button):
        raise PreventUpdate
    idle = [IDLE_CLASS] * len(ctx.outputs_list[1])
    chart_id = button["chart"]
    fmt, _, preset = str(button["fmt"]).partition("-")
    if fmt not in FORMATS or (preset and preset not in PRESETS):
        return no_update, idle, UNKNOWN_TEXT, True
    filters, options = split_params(params_from_controls(values, control_ids))
    try:
        name, content = make_file(chart_id, filters, options, fmt, preset or None)
    except KeyError:
        log.warning("export of unknown chart %r", chart_id)
        return no_update, idle, UNKNOWN_TEXT, True
    except Busy as busy:
        return no_update, idle, str(busy), True
    except ExportError as error:
        log.exception("export of %s as %s failed", chart_id, fmt)
        return no_update, idle, f"{error} {FAILED_TEXT}", True
    except Exception:  # noqa: BLE001 — logged in full, told to the user in Norwegian
        log.exception("export of %s as %s failed", chart_id, fmt)
        return no_update, idle, FAILED_TEXT, True
    return dcc.send_bytes(content, name, type=MEDIA_TYPES[fmt]), idle, "", False


def make_file(
    chart_id: str, filters, options: dict, fmt: str, preset: str | None = None
) -> tuple[str, bytes]:
    """`export_file`, images within an export slot (`Busy` when none frees up in time), at
    the size `preset` names (`loftet.export.presets`; the report size by default)."""
    if fmt not in IMAGE_FORMATS:
        return export_file(chart_id, filters, options, fmt)
    with slot("bilde", MAX_IMAGE_EXPORTS, wait_s=SLOT_WAIT_S):
        return export_file(chart_id, filters, options, fmt, preset)


def _was_clicked(button: dict) -> bool:
    """True when the triggering button really was clicked (new buttons fire with None)."""
    for item in ctx.inputs_list[0]:
        if item.get("id") == button:
            return bool(item.get("value"))
    return False

"""The download callback behind every chart card's export buttons (PNG, SVG, PDF, CSV, Excel).

One callback serves all pages: the clicked button's pattern id names the chart and format, the
URL-state controls give the filters and options, so the file shows what the page shows. While
a file is made, the export buttons are marked busy ("Lager fil …", `assets/export.css`).
"""

from __future__ import annotations

import logging

from dash import ALL, Input, Output, State, callback, clientside_callback, ctx, dcc, no_update
from dash.exceptions import PreventUpdate

from loftet.export import FORMATS, MEDIA_TYPES, export_file
from loftet.export.images import ExportError
from loftet.export.presets import PRESETS
from loftet.ui import ids
from loftet.ui.state import params_from_controls, split_params

log = logging.getLogger(__name__)

EXPORT_BUTTONS = {"type": "export", "chart": ALL, "fmt": ALL}
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
    Input(EXPORT_BUTTONS, "n_clicks"),
    State({"type": ids.URL_STATE, "param": ALL}, "value"),
    State({"type": ids.URL_STATE, "param": ALL}, "id"),
    prevent_initial_call=True,
)
def download_export(_clicks: list, values: list, control_ids: list[dict]):
    """Make the clicked chart's file in the clicked format and send it to the browser."""
    button = ctx.triggered_id
    if not button or not _was_clicked(button):
        raise PreventUpdate
    idle = [IDLE_CLASS] * len(ctx.outputs_list[1])
    chart_id = button["chart"]
    fmt, _, preset = str(button["fmt"]).partition("-")
    if fmt not in FORMATS or (preset and preset not in PRESETS):
        return no_update, idle
    filters, options = split_params(params_from_controls(values, control_ids))
    try:
        name, content = export_file(chart_id, filters, options, fmt, preset or None)
    except KeyError:
        log.warning("export of unknown chart %r", chart_id)
        return no_update, idle
    except ExportError:
        log.exception("export of %s as %s failed", chart_id, fmt)
        return no_update, idle
    return dcc.send_bytes(content, name, type=MEDIA_TYPES[fmt]), idle


def _was_clicked(button: dict) -> bool:
    """True when the triggering button really was clicked (new buttons fire with None)."""
    for item in ctx.inputs_list[0]:
        if item.get("id") == button:
            return bool(item.get("value"))
    return False

"""Løftet-monitor: `python app.py` serves the dashboard (HOST and PORT from the environment)."""

from __future__ import annotations

import os
import threading

import dash
from dash import Dash, html
from dash.dash import _default_index

import loftet.theme  # noqa: F401 — registers the Plotly template
from loftet.queries import summaries
from loftet.ui import (
    callbacks,  # noqa: F401 — registers the shared callbacks
    export_callbacks,  # noqa: F401 — chart export downloads
)
from loftet.ui.shell import shell

TITLE = "Løftet-monitor"
INDEX_STRING = _default_index.replace("<html>", '<html lang="nb">', 1)
"""Dash's page with the language set (screen readers read Norwegian; WCAG 3.1.1)."""


def create_app() -> Dash:
    """Build the Dash app with every page registered from `pages/`."""
    app = Dash(
        __name__,
        use_pages=True,
        pages_folder="pages",
        title=TITLE,
        update_title=None,
        serve_locally=True,
        suppress_callback_exceptions=False,
    )
    app.index_string = INDEX_STRING
    app.layout = shell
    app.validation_layout = html.Div([shell(), *_page_layouts()])
    threading.Thread(target=summaries.warm, name="warm-cache", daemon=True).start()
    return app


def _page_layouts() -> list:
    """Every page's default layout, so Dash can check each callback's ids at start-up."""
    return [page["layout"]() if callable(page["layout"]) else page["layout"]
            for page in dash.page_registry.values()]


app = create_app()
server = app.server

if __name__ == "__main__":
    app.run(host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8050")),
            debug=os.environ.get("DASH_DEBUG") == "1", dev_tools_disable_version_check=True)

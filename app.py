"""Løftet-monitor: the Dash app.

`create_app()` builds it; `server` is the Flask server for gunicorn (`gunicorn app:server`,
see `gunicorn.conf.py` and `make serve`); `python app.py` runs the development server (HOST and
PORT from the environment). Importing this module does no database work and starts no thread:
pages read the database per request, and `python -m loftet.warm` (or the gunicorn start-up
hook) fills the shared cache.
"""

from __future__ import annotations

import os

import dash
from dash import Dash, html
from dash.dash import _default_index
from dash.development.base_component import Component

import loftet.theme  # noqa: F401 — registers the Plotly template
from loftet import cache, web
from loftet.datastate import current_state
from loftet.jobs import background_manager, celery_app
from loftet.ui import (
    callbacks,  # noqa: F401 — registers the shared callbacks
    export_callbacks,  # noqa: F401 — chart export downloads
    geometry_assets,
)
from loftet.ui.nodata import requires_data, title_requires_data
from loftet.ui.shell import shell
from loftet.ui.validation import ids_only

TITLE = "Løftet-monitor"
INDEX_STRING = _default_index.replace("<html>", '<html lang="nb">', 1)
"""Dash's page with the language set (screen readers read Norwegian; WCAG 3.1.1)."""


PROBE_ID = "oversikt-kpis"
"""An id only the real Oversikt layout has: its absence means the validation layout was built
while the database had no data."""


class LoftetDash(Dash):
    """Dash, with the browser's callback validation following the data.

    Dash builds the layout it checks callback ids against (`validation_layout`) from every
    page's layout on a worker's first request. Without data the pages show only the no-data
    notice, so that layout lacks the pages' ids: the browser is then told not to check, and
    the layout is rebuilt on the first page load after data has been loaded. The browser gets
    only the ids, types and namespaces of that layout (`loftet.ui.validation.ids_only`), not
    every page's full layout in every page's HTML.
    """

    _ids_only: tuple[object, html.Div] | None = None
    """The validation layout last sent, and its ids-only form (`loftet.ui.validation`)."""

    def _config(self) -> dict:
        layout = self.validation_layout
        if (
            current_state().has_data
            and layout is not None
            and not self._reduced(layout)
            and PROBE_ID not in layout
        ):
            self.validation_layout = html.Div(
                [
                    *[
                        page["layout"]() if callable(page["layout"]) else page["layout"]
                        for page in dash.page_registry.values()
                    ],
                    shell(),
                ]
            )
        config = super()._config()
        if not current_state().has_data:
            config.pop("validation_layout", None)
            config["suppress_callback_exceptions"] = True
        elif "validation_layout" in config:
            config["validation_layout"] = self._ids_only_layout(config["validation_layout"])
        return config

    def _reduced(self, layout: object) -> bool:
        """Whether `layout` is the one already sent in its ids-only form (and so was checked)."""
        return self._ids_only is not None and self._ids_only[0] is layout

    def _ids_only_layout(self, layout: Component) -> html.Div:
        """`layout` (Dash's validation layout and its extra components) with one bare component
        per id: the browser's check reads nothing else. Built once per validation layout."""
        reduced = self._ids_only
        if reduced is None or reduced[0] is not self.validation_layout:
            reduced = (self.validation_layout, ids_only(layout))
            self._ids_only = reduced
        return reduced[1]


def create_app() -> Dash:
    """Build the Dash app with every page registered from `pages/`, the shared cache, the
    background-job manager and the hardened server around it."""
    app = LoftetDash(
        __name__,
        use_pages=True,
        pages_folder="pages",
        title=TITLE,
        update_title="",  # the tab title stays (None is what Dash documents, "" is typed)
        serve_locally=True,
        compress=True,
        suppress_callback_exceptions=False,
        background_callback_manager=background_manager(),
    )
    app.index_string = INDEX_STRING
    app.validation_layout = html.Div(dash.page_container)  # type: ignore[assignment]  # Dash types it as None
    app.layout = shell  # a placeholder validation layout keeps Dash from calling it at import;
    # the router replaces the placeholder with every page's layout on the first request
    for page in dash.page_registry.values():
        if callable(page["layout"]):
            page["layout"] = requires_data(page["layout"])
        if callable(page.get("title")):
            page["title"] = title_requires_data(page["title"], f"{page['name']} – {TITLE}")
    cache.init_app(app.server)
    web.harden(app)
    geometry_assets.register(app.server)
    return app


app = create_app()
server = app.server
celery_app = celery_app()
"""With `REDIS_URL`: the Celery app for `celery -A app:celery_app worker` (None without it)."""

if __name__ == "__main__":
    from werkzeug.serving import WSGIRequestHandler

    class QuietHandler(WSGIRequestHandler):
        """The development server without its software version in the `Server` header."""

        def version_string(self) -> str:
            return web.SERVER_NAME

    app.run(
        host=os.environ.get("HOST", "127.0.0.1"),
        port=int(os.environ.get("PORT", "8050")),
        debug=os.environ.get("DASH_DEBUG") == "1",
        dev_tools_disable_version_check=True,
        request_handler=QuietHandler,
    )

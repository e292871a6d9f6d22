"""Component ids, named once. Pattern-matching ids let shared callbacks serve every page."""

from __future__ import annotations

URL_STATE = "urlstate"
"""Every control whose value belongs in the URL has id `{"type": URL_STATE, "param": name}`."""
URL_QUERY = "url-query"
URL_DEFAULTS = "url-defaults"
DOWNLOAD = "download"
EXPORT_MESSAGE = "eksport-melding"
"""The shell's notice for a chart export that could not be made."""
NOTICE = "page-notice"
COPY_LINK = "copy-link"
NAV = "nav"


def state(param: str) -> dict[str, str]:
    """The id of the control that holds URL parameter `param`."""
    return {"type": URL_STATE, "param": param}


def graph(chart_id: str) -> dict[str, str]:
    return {"type": "chart", "id": chart_id}


def summary(chart_id: str) -> dict[str, str]:
    return {"type": "chart-summary", "id": chart_id}


def export_button(chart_id: str, fmt: str) -> dict[str, str]:
    return {"type": "export", "chart": chart_id, "fmt": fmt}


def nav_link(path: str) -> dict[str, str]:
    return {"type": NAV, "path": path}

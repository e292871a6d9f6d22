"""The web server around the Dash app: security headers, limits, `/helse`, compression and
asset caching.

- Content-Security-Policy: scripts only from the app itself plus the SHA-256 hashes of Dash's
  inline scripts (`Dash.csp_hashes()`, a few microseconds). They are hashed per response, not
  once: Dash adds the page router's script during a worker's first requests, and a policy
  computed by a concurrent thread before that would block it. Nothing may frame the app; no
  plug-ins; forms and base URL stay local.
- `X-Content-Type-Options`, `Referrer-Policy`, `X-Frame-Options`, `Permissions-Policy`.
- Dash's first-request set-up runs once under a lock (`serialise_first_request`).
- Requests larger than `MAX_REQUEST_BYTES` get 413; a callback request that is not a well-formed
  Dash callback (bad JSON, unknown output, wrong shapes) gets 400 instead of a 500 from deep
  inside Dash.
- `/helse` answers 200 when the database answers (with or without data), 503 otherwise.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any

from dash import Dash
from flask import Flask, Response, jsonify, request

from loftet.datastate import MISSING, UNREACHABLE, current_state

log = logging.getLogger(__name__)

MAX_REQUEST_BYTES = 1_000_000
"""The largest request body: a callback request from this app is a few kilobytes."""
CALLBACK_PATH = "_dash-update-component"
ASSET_MAX_AGE_S = 365 * 24 * 3600
"""Dash fingerprints its component bundles and assets (`?m=<mtime>`/`.v<version>`): a new
version gets a new address, so browsers may keep them for a year."""
BASE_POLICY = {
    "default-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
"""Plotly and Dash components set inline styles, so styles keep 'unsafe-inline'; scripts do not."""
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
SERVER_NAME = "loftet"
"""What the `Server` header says (no software or version)."""


def content_security_policy(script_hashes: Sequence[str]) -> str:
    """The policy text with `script_hashes` allowed besides the app's own script files."""
    policy = dict(BASE_POLICY)
    policy["script-src"] = ["'self'", *script_hashes]
    return "; ".join(f"{name} {' '.join(values)}" for name, values in policy.items())


def harden(app: Dash) -> None:
    """Add the headers, limits, error handling and `/helse` to `app`'s Flask server."""
    server: Flask = app.server
    serialise_first_request(server)
    server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    server.config["MAX_FORM_MEMORY_SIZE"] = MAX_REQUEST_BYTES
    server.config["SEND_FILE_MAX_AGE_DEFAULT"] = ASSET_MAX_AGE_S

    @server.before_request
    def reject_malformed_callback() -> Any:
        if request.method == "POST" and request.path.endswith(CALLBACK_PATH):
            problem = callback_request_problem(request.get_json(silent=True), app)
            if problem:
                log.info("rejected callback request: %s", problem)
                return _text(f"Ugyldig forespørsel: {problem}", 400)
        return None

    @server.after_request
    def add_headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = content_security_policy(app.csp_hashes())
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        response.headers["Server"] = SERVER_NAME
        return response

    @server.errorhandler(413)
    def too_large(_error: Exception) -> Response:
        return _text("Forespørselen er for stor.", 413)

    server.add_url_rule("/helse", "helse", health)


def serialise_first_request(server: Flask) -> None:
    """Run Dash's own first-request set-up (it registers every callback and the page router)
    once, under a lock, before any thread answers a request.

    Dash marks the set-up as done before doing it, so with several threads per worker a
    request arriving meanwhile would find callbacks missing. The hooks Dash registered so far
    are replaced by one that runs them all under a lock, the first time only.
    """
    hooks: list[Callable[[], Any]] = list(server.before_request_funcs.get(None, []))
    lock = threading.Lock()
    done = threading.Event()

    def dash_setup() -> Any:
        if done.is_set():
            return None
        with lock:
            if not done.is_set():
                for hook in hooks:
                    hook()
                done.set()
        return None

    server.before_request_funcs[None] = [dash_setup]


def _text(message: str, status: int) -> Response:
    return Response(message, status=status, mimetype="text/plain")


def callback_request_problem(body: object, app: Dash) -> str:
    """Why `body` is not a callback request this app can answer; "" when it is."""
    if not isinstance(body, dict):
        return "ikke et JSON-objekt"
    output = body.get("output")
    if not isinstance(output, str) or output not in app.callback_map:
        return "ukjent output"
    for part in ("inputs", "state"):
        items = body.get(part, [])
        if not isinstance(items, list) or not all(_is_dependency(i) for i in items):
            return f"feil form på «{part}»"
    if not isinstance(body.get("outputs"), dict | list):
        return "feil form på «outputs»"
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(c, str) for c in changed):
        return "feil form på «changedPropIds»"
    return ""


def _is_dependency(item: object) -> bool:
    """One input or state: `{id, property, value?}`, or a list of them (pattern matching)."""
    if isinstance(item, list):
        return all(_is_dependency(i) for i in item)
    return (
        isinstance(item, dict)
        and isinstance(item.get("property"), str)
        and isinstance(item.get("id"), str | dict)
    )


def health() -> tuple[Response, int]:
    """`/helse`: whether the database answers and what it holds."""
    state = current_state()
    healthy = state.status not in (MISSING, UNREACHABLE)
    body = {
        "status": "ok" if healthy else "feil",
        "database": state.status,
        "dataversjon": state.version or None,
        "melding": state.message,
    }
    return jsonify(body), 200 if healthy else 503

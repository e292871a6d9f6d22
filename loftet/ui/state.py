"""Turning the URL-state controls' values (as Dash passes them) into filters and options."""

from __future__ import annotations

from collections.abc import Sequence

from loftet.filters import SHARED_PARAMS, Filters, parse_filters


def params_from_controls(values: Sequence[object], control_ids: Sequence[dict]) -> dict:
    """`{param: value}` from parallel lists of values and URL-state ids."""
    return {cid["param"]: value for cid, value in zip(control_ids, values, strict=True)}


def split_params(params: dict) -> tuple[Filters, dict[str, str]]:
    """Shared filters and the page-specific options (as strings)."""
    filters = parse_filters({k: v for k, v in params.items() if k in SHARED_PARAMS}).filters
    options = {
        k: str(v) for k, v in params.items() if k not in SHARED_PARAMS and v not in (None, "")
    }
    return filters, options

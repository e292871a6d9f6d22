"""Addresses inside the app: municipality profile pages (`/kommune/<4-digit number>`)."""

from __future__ import annotations

import re

PROFILE_PREFIX = "/kommune/"
_NUMBER = re.compile(r"\d{4}")


def profile_path(kommunenummer: object, query: str = "") -> str | None:
    """`/kommune/4601` (plus `?query`) for a 4-digit municipality number; None otherwise."""
    number = str(kommunenummer or "").strip()
    if not _NUMBER.fullmatch(number):
        return None
    return f"{PROFILE_PREFIX}{number}" + (f"?{query}" if query else "")


def profile_href(click_data: dict | None, query: str = "") -> str | None:
    """The profile address of the municipality clicked on a map.

    Args:
        click_data: a `dcc.Graph` clickData whose first point carries the profile number as
            `customdata` (a string or a one-element list).
        query: query string (without `?`) to carry the shared filters along.

    Returns:
        `/kommune/<nummer>?<query>`, or None when the click holds no municipality.
    """
    points = (click_data or {}).get("points") or []
    if not points:
        return None
    custom = points[0].get("customdata")
    if isinstance(custom, list | tuple):
        custom = custom[0] if custom else None
    return profile_path(custom, query)

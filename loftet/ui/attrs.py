"""HTML attributes whose names are not Python identifiers (`aria-*`, `data-*`)."""

from __future__ import annotations

from typing import Any


def attrs(**names: object) -> dict[str, Any]:
    """Keyword arguments for a Dash HTML component, with `_` written as `-` in each name:
    `html.Nav(links, **attrs(aria_label="Sider"))` sets `aria-label="Sider"`."""
    return {name.replace("_", "-"): value for name, value in names.items()}

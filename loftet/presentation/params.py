"""Presentation mode's URL parameters (`fylke`, `aar`, `struktur`, `slide`, `auto`).

`parse_presentation` validates them: anything unusable falls back to its default with a
Norwegian notice, never an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from loftet.filters import Filters, parse_filters, parse_int
from loftet.presentation.deck import slide_count

PRESENTATION_PARAMS = ("fylke", "aar", "struktur")
"""The shared filters presentation mode uses; sector, owner and `fra` are left out on purpose
(one overall picture of the county)."""

AUTO_DEFAULT_S = 20
"""Seconds per slide when auto-advance is started with the play button."""
AUTO_MIN_S = 5
AUTO_MAX_S = 600


@dataclass
class Presentation:
    """Validated URL parameters of presentation mode."""

    filters: Filters
    slide: int = 1
    """1-based slide number."""
    auto: int | None = None
    """Seconds per slide when auto-advance is on; None: off."""
    notices: list[str] = field(default_factory=list)


# --- parameters ---------------------------------------------------------------------------------


def _slide_number(raw: str | None, notices: list[str]) -> int:
    count = slide_count()
    if raw in (None, ""):
        return 1
    value = parse_int(raw)
    if value is None:
        notices.append(f"«slide={raw}» er ikke et lysbildenummer; viser lysbilde 1.")
        return 1
    if 1 <= value <= count:
        return value
    shown = 1 if value < 1 else count
    notices.append(f"Det finnes bare lysbilde 1–{count}; viser lysbilde {shown}.")
    return shown


def _auto_seconds(raw: str | None, notices: list[str]) -> int | None:
    if raw in (None, "", "0", "av"):
        return None
    value = parse_int(raw)
    if value is None or value < 0:
        notices.append(f"«auto={raw}» er ikke et antall sekunder; automatisk bla er av.")
        return None
    if value < AUTO_MIN_S or value > AUTO_MAX_S:
        shown = min(max(value, AUTO_MIN_S), AUTO_MAX_S)
        notices.append(
            f"Automatisk bla må være mellom {AUTO_MIN_S} og {AUTO_MAX_S} sekunder; "
            f"bruker {shown} sekunder."
        )
        return shown
    return value


def parse_presentation(params: Mapping[str, object]) -> Presentation:
    """Validate presentation mode's URL parameters; unknown keys are ignored, bad values fall
    back to defaults with a notice (never an error)."""
    get = {k: (None if v is None else str(v)) for k, v in params.items()}
    parsed = parse_filters({k: get[k] for k in PRESENTATION_PARAMS if k in get})
    notices = list(parsed.notices)
    slide = _slide_number(get.get("slide"), notices)
    auto = _auto_seconds(get.get("auto"), notices)
    return Presentation(parsed.filters, slide, auto, notices)

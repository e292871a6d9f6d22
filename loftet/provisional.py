"""The current, unfinished year, defined once: its figures are provisional («foreløpig»).

Participation and allocations for the year in progress are still being reported (spending is
reported the following January), so every outlet marks that year as provisional: the KPI
cards, their sparklines, the Oversikt line chart and the key-figure downloads. The year is the
year the data was last loaded (the data cannot know more than that day), and today's year
when nothing has been loaded.
"""

from __future__ import annotations

from datetime import date, datetime

PROVISIONAL = "foreløpig"
"""The word users see next to a provisional figure."""


def current_year(loaded: date | datetime | None, today: date | None = None) -> int:
    """The year in progress for data last loaded on `loaded` (None: nothing loaded, use
    `today`, by default the real date)."""
    if loaded is not None:
        return loaded.year
    return (today or date.today()).year


def is_provisional(year: int, current: int) -> bool:
    """True when `year` is not finished in data whose year in progress is `current`."""
    return year >= current


def year_label(year: int, current: int) -> str:
    """`2025`, or `2026 (foreløpig)` for the year in progress."""
    return f"{year} ({PROVISIONAL})" if is_provisional(year, current) else str(year)


def provisional_year() -> int:
    """The year in progress of the loaded data (reads the data date from the database)."""
    from loftet.queries.reference import last_loaded

    return current_year(last_loaded())

"""The summary tables the pages share, read once per data version.

The ETL writes them at load time (`etl.summaries`, tables `oppsummering_*` in `loftet.db`), so
reading one is a plain scan of a few thousand rows however many participations are loaded; pages
filter and sum these frames in memory. `warm()` reads them at start-up.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select

from loftet.db import (
    oppsummering_deltakelse,
    oppsummering_detalj,
    oppsummering_enhet,
    oppsummering_helt_lag,
    oppsummering_profesjon,
)
from loftet.queries.base import read_shared_frame


def participation_summary() -> pd.DataFrame:
    """Per year, 2024 municipality, unit type and owner type: units reached, participations
    (`deltakere`, summed over measures and professions) and staff reached (`ansatte_naadd`:
    each unit's participations, at most its staff)."""
    return read_shared_frame(select(oppsummering_deltakelse))


def unit_summary() -> pd.DataFrame:
    """Per 2024 municipality, unit type and owner type: units, children/pupils and staff."""
    return read_shared_frame(select(oppsummering_enhet))


def whole_team_summary() -> pd.DataFrame:
    """(aar, kommunenummer) of the municipalities with "hele laget" in each year."""
    return read_shared_frame(select(oppsummering_helt_lag))


def participation_detail() -> pd.DataFrame:
    """Participants per year, 2024 municipality, unit type, owner type, measure main area and
    profession (all years)."""
    return read_shared_frame(select(oppsummering_detalj))


def profession_summary() -> pd.DataFrame:
    """Participants and distinct units reached per year, 2024 municipality and profession."""
    return read_shared_frame(select(oppsummering_profesjon))


def rows_where(frame: pd.DataFrame, **equals: object) -> pd.DataFrame:
    """Rows where each given column equals its value; `None` means no filter."""
    mask = pd.Series(True, index=frame.index)
    for column, value in equals.items():
        if value is not None:
            mask &= frame[column] == value
    return frame[mask]


def warm() -> None:
    """Fill the shared cache for the current data (`python -m loftet.warm`, or the gunicorn
    start-up hook)."""
    participation_summary()
    unit_summary()
    whole_team_summary()
    participation_detail()
    profession_summary()

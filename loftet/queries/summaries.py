"""Small pre-aggregated frames that many views share, read once per data version.

The heavy joins over `deltakelse` (≈ 120 000 rows nationally) run once after each load; pages then
filter and sum these few-thousand-row frames in memory. `warm()` fills the cache at start-up.
"""

from __future__ import annotations

import pandas as pd

from loftet.queries.base import read_shared_frame


def participation_summary() -> pd.DataFrame:
    """Per year, 2024 municipality, unit type and owner type: units reached, participations
    (`deltakere`, summed over measures and professions) and staff reached (`ansatte_naadd`:
    each unit's participations, at most its staff)."""
    return read_shared_frame(
        "SELECT u.aar, e.kommunenummer, e.enhetstype, e.eiertype, "
        "COUNT(*) AS enheter_naadd, SUM(u.deltakere) AS deltakere, "
        "SUM(CASE WHEN u.deltakere > e.antall_ansatte THEN e.antall_ansatte "
        "ELSE u.deltakere END) AS ansatte_naadd "
        "FROM (SELECT aar, enhet_id, SUM(antall_deltakere) AS deltakere FROM deltakelse "
        "GROUP BY aar, enhet_id) u JOIN enhet e ON e.enhet_id = u.enhet_id "
        "GROUP BY u.aar, e.kommunenummer, e.enhetstype, e.eiertype")


def unit_summary() -> pd.DataFrame:
    """Per 2024 municipality, unit type and owner type: units, children/pupils and staff."""
    return read_shared_frame(
        "SELECT kommunenummer, enhetstype, eiertype, COUNT(*) AS enheter, "
        "SUM(antall_barn_elever) AS barn_elever, SUM(antall_ansatte) AS ansatte FROM enhet "
        "GROUP BY kommunenummer, enhetstype, eiertype")


def team_facts() -> pd.DataFrame:
    """Which units' municipalities took part in which measure, per year: kindergartens and
    schools by where they are, PPT offices with the municipalities they serve
    (`betjener_kommuner`; empty means their own municipality; county PPT serves none)."""
    return read_shared_frame(
        "SELECT DISTINCT d.aar, e.kommunenummer, e.enhetstype, e.eiertype, "
        "e.betjener_kommuner, d.tiltak_id "
        "FROM deltakelse d JOIN enhet e ON e.enhet_id = d.enhet_id "
        "WHERE e.enhetstype IN ('barnehage', 'grunnskole', 'ppt')")


def participation_detail() -> pd.DataFrame:
    """Participants per year, 2024 municipality, unit type, owner type, measure main area and
    profession (all years)."""
    return read_shared_frame(
        "SELECT d.aar, e.kommunenummer, e.enhetstype, e.eiertype, m.hovedomrade AS omrade, "
        "d.profesjon, SUM(d.antall_deltakere) AS deltakere "
        "FROM deltakelse d JOIN enhet e ON e.enhet_id = d.enhet_id "
        "JOIN tiltak m ON m.tiltak_id = d.tiltak_id "
        "GROUP BY d.aar, e.kommunenummer, e.enhetstype, e.eiertype, m.hovedomrade, d.profesjon")


def select(frame: pd.DataFrame, **equals: object) -> pd.DataFrame:
    """Rows where each given column equals its value; `None` means no filter."""
    mask = pd.Series(True, index=frame.index)
    for column, value in equals.items():
        if value is not None:
            mask &= frame[column] == value
    return frame[mask]


def warm() -> None:
    """Fill the cache (called in a background thread when the app starts)."""
    participation_summary()
    unit_summary()
    team_facts()
    participation_detail()

"""Summary tables: the aggregates the pages read, rebuilt inside the load's transaction.

After a load of units, measures or participations, `refresh_summaries` replaces the
`oppsummering_*` tables (declared in `loftet.db`) from the raw tables, on the load's own
connection, so a reader sees either the old data with the old summaries or the new data with the
new ones. Pages read only these small tables; none aggregates `deltakelse` itself.

Definitions follow `loftet.metrics`: staff reached caps each unit's participations in a year at
its staff; "hele laget" is one measure with a kindergarten and a school in the municipality and
a municipal PPT office serving it (`enhet.betjener_kommuner`, empty = its own municipality;
county PPT serves no municipality).
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection, Table, insert, text

from loftet import db

SOURCES = frozenset({"enhet", "tiltak", "deltakelse"})
"""Tables whose loads change the summaries."""

_UNITS = """
SELECT kommunenummer, enhetstype, eiertype, COUNT(*) AS enheter,
       SUM(antall_barn_elever) AS barn_elever, SUM(antall_ansatte) AS ansatte
FROM enhet GROUP BY kommunenummer, enhetstype, eiertype"""

_PARTICIPATION = """
SELECT u.aar, e.kommunenummer, e.enhetstype, e.eiertype, COUNT(*) AS enheter_naadd,
       SUM(u.deltakere) AS deltakere,
       SUM(CASE WHEN u.deltakere > e.antall_ansatte THEN e.antall_ansatte
                ELSE u.deltakere END) AS ansatte_naadd
FROM (SELECT aar, enhet_id, SUM(antall_deltakere) AS deltakere FROM deltakelse
      GROUP BY aar, enhet_id) u JOIN enhet e ON e.enhet_id = u.enhet_id
GROUP BY u.aar, e.kommunenummer, e.enhetstype, e.eiertype"""

_DETAIL = """
SELECT d.aar, e.kommunenummer, e.enhetstype, e.eiertype, m.hovedomrade AS omrade, d.profesjon,
       SUM(d.antall_deltakere) AS deltakere
FROM deltakelse d JOIN enhet e ON e.enhet_id = d.enhet_id
JOIN tiltak m ON m.tiltak_id = d.tiltak_id
GROUP BY d.aar, e.kommunenummer, e.enhetstype, e.eiertype, m.hovedomrade, d.profesjon"""

_PROFESSIONS = """
SELECT d.aar, e.kommunenummer, d.profesjon, SUM(d.antall_deltakere) AS deltakere,
       COUNT(DISTINCT d.enhet_id) AS enheter_naadd
FROM deltakelse d JOIN enhet e ON e.enhet_id = d.enhet_id
GROUP BY d.aar, e.kommunenummer, d.profesjon"""

_MEASURES = """
SELECT e.kommunenummer, d.aar, d.tiltak_id, SUM(d.antall_deltakere) AS deltakere
FROM deltakelse d JOIN enhet e ON e.enhet_id = d.enhet_id
GROUP BY e.kommunenummer, d.aar, d.tiltak_id"""

_TEAM_FACTS = """
SELECT DISTINCT d.aar, e.kommunenummer, e.enhetstype, e.eiertype, e.betjener_kommuner,
       d.tiltak_id
FROM deltakelse d JOIN enhet e ON e.enhet_id = d.enhet_id
WHERE e.enhetstype IN ('barnehage', 'grunnskole', 'ppt')"""

_BY_SQL: tuple[tuple[Table, str], ...] = (
    (db.oppsummering_enhet, _UNITS),
    (db.oppsummering_deltakelse, _PARTICIPATION),
    (db.oppsummering_detalj, _DETAIL),
    (db.oppsummering_profesjon, _PROFESSIONS),
    (db.oppsummering_tiltak, _MEASURES),
)


def refresh_summaries(conn: Connection, table: str | None = None) -> None:
    """Rebuild every summary table from the raw tables on `conn` (inside the caller's
    transaction). With `table`, only when a load of that table can change them."""
    if table is not None and table not in SOURCES:
        return
    for target, query in _BY_SQL:
        columns = ", ".join(c.name for c in target.columns)
        conn.execute(target.delete())
        conn.execute(text(f"INSERT INTO {target.name} ({columns}) {query}"))
    team = whole_team(pd.read_sql_query(text(_TEAM_FACTS), conn))
    conn.execute(db.oppsummering_helt_lag.delete())
    if len(team):
        conn.execute(insert(db.oppsummering_helt_lag),
                     [{"aar": int(a), "kommunenummer": k}
                      for a, k in team.itertuples(index=False)])


def ppt_served(facts: pd.DataFrame) -> pd.DataFrame:
    """(aar, tiltak_id, kommunenummer) for every municipality a participating PPT office
    serves: its `betjener_kommuner`, or its own municipality when the list is empty. County
    PPT offices (upper secondary) serve no municipality's kindergartens and schools."""
    ppt = facts[(facts.enhetstype == "ppt") & (facts.eiertype == "kommunal")]
    served = ppt.betjener_kommuner.fillna("").str.strip()
    areas = served.where(served != "", ppt.kommunenummer).str.split(";")
    frame = ppt.assign(kommunenummer=areas).explode("kommunenummer")
    frame["kommunenummer"] = frame.kommunenummer.str.strip()
    return frame[["aar", "tiltak_id", "kommunenummer"]].drop_duplicates()


def whole_team(facts: pd.DataFrame) -> pd.DataFrame:
    """(aar, kommunenummer) with "hele laget": one measure held a kindergarten in the
    municipality, a school in the municipality and a PPT office serving it.

    Args:
        facts: distinct (aar, kommunenummer, enhetstype, eiertype, betjener_kommuner,
            tiltak_id) of participating kindergartens, schools and PPT offices.
    """
    key = ["aar", "tiltak_id", "kommunenummer"]
    kindergartens = facts.loc[facts.enhetstype == "barnehage", key].drop_duplicates()
    schools = facts.loc[facts.enhetstype == "grunnskole", key].drop_duplicates()
    team = kindergartens.merge(schools, on=key).merge(ppt_served(facts), on=key)
    return (team[["aar", "kommunenummer"]].drop_duplicates()
            .sort_values(["aar", "kommunenummer"]).reset_index(drop=True))

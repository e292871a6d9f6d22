"""Summary tables: the aggregates the pages read, rebuilt inside the load's transaction.

After a load of units, measures or participations, `refresh_summaries` replaces the
`oppsummering_*` tables (declared in `loftet.db`) from the raw tables, on the load's own
connection, so a reader sees either the old data with the old summaries or the new data with the
new ones. Pages read only these small tables; none aggregates `deltakelse` itself.

Definitions follow `loftet.metrics`: staff reached caps each unit's participations in a year at
its staff; "hele laget" is one measure with a kindergarten and a school in the municipality and
a municipal PPT office serving it (`enhet.betjener_kommuner`, empty = its own municipality;
county PPT serves no municipality). The offices' service areas are spelled out in
`oppsummering_ppt_omrade` so the whole rule runs in SQL, without holding participations in
memory.
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

_PPT_OFFICES = """
SELECT enhet_id, kommunenummer, betjener_kommuner FROM enhet
WHERE enhetstype = 'ppt' AND eiertype = 'kommunal'"""

_REACHED = """
SELECT DISTINCT d.aar, d.tiltak_id, e.kommunenummer FROM deltakelse d
JOIN enhet e ON e.enhet_id = d.enhet_id WHERE e.enhetstype = '{unit_type}'"""

_WHOLE_TEAM = f"""
SELECT DISTINCT b.aar, b.kommunenummer
FROM ({_REACHED.format(unit_type="barnehage")}) b
JOIN ({_REACHED.format(unit_type="grunnskole")}) s
  ON s.aar = b.aar AND s.tiltak_id = b.tiltak_id AND s.kommunenummer = b.kommunenummer
JOIN (SELECT DISTINCT d.aar, d.tiltak_id, p.kommunenummer FROM deltakelse d
      JOIN oppsummering_ppt_omrade p ON p.enhet_id = d.enhet_id) t
  ON t.aar = b.aar AND t.tiltak_id = b.tiltak_id AND t.kommunenummer = b.kommunenummer"""

_BY_SQL: tuple[tuple[Table, str], ...] = (
    (db.oppsummering_enhet, _UNITS),
    (db.oppsummering_deltakelse, _PARTICIPATION),
    (db.oppsummering_detalj, _DETAIL),
    (db.oppsummering_profesjon, _PROFESSIONS),
    (db.oppsummering_tiltak, _MEASURES),
    (db.oppsummering_helt_lag, _WHOLE_TEAM),
)


def refresh_summaries(conn: Connection, table: str | None = None) -> None:
    """Rebuild every summary table from the raw tables on `conn` (inside the caller's
    transaction). With `table`, only when a load of that table can change them."""
    if table is not None and table not in SOURCES:
        return
    areas = service_areas(pd.read_sql_query(text(_PPT_OFFICES), conn))
    conn.execute(db.oppsummering_ppt_omrade.delete())
    if len(areas):
        conn.execute(insert(db.oppsummering_ppt_omrade), areas.to_dict("records"))
    for target, query in _BY_SQL:
        columns = ", ".join(c.name for c in target.columns)
        conn.execute(target.delete())
        conn.execute(text(f"INSERT INTO {target.name} ({columns}) {query}"))


def service_areas(offices: pd.DataFrame) -> pd.DataFrame:
    """(enhet_id, kommunenummer) for every municipality each municipal PPT office serves: its
    `betjener_kommuner` (numbers separated by ';'), or its own municipality when the list is
    empty. County PPT offices must not be passed: they serve no municipality's kindergartens
    and schools."""
    served = offices.betjener_kommuner.fillna("").str.strip()
    areas = served.where(served != "", offices.kommunenummer).str.split(";")
    frame = offices.assign(kommunenummer=areas).explode("kommunenummer")
    frame["kommunenummer"] = frame.kommunenummer.str.strip()
    frame = frame[frame.kommunenummer != ""]
    return (
        frame[["enhet_id", "kommunenummer"]]
        .drop_duplicates()
        .sort_values(["enhet_id", "kommunenummer"])
        .reset_index(drop=True)
    )

"""Database schema (SQLAlchemy Core) and the engine.

Municipalities are stored once per structure (2020–2023 and 2024); all facts refer to the
2024 municipality number (`kommunenummer`), and views in the 2020 structure aggregate through
`kommune.kommunenummer_2020`. Amounts are whole kroner (integers), so sums reconcile exactly.

One module on purpose, although it is longer than the usual 300 lines: every table of the
schema is declared here, so a column rename is one edit that the queries (SQLAlchemy Core)
and the ETL both see.
"""

from __future__ import annotations

import os
import weakref
from functools import lru_cache
from pathlib import Path

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    make_url,
)

from loftet.config import database_url

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("nokkel", String(50), primary_key=True),
    Column("verdi", Text, nullable=False),
)

statsforvalter = Table(
    "statsforvalter",
    metadata,
    Column("kode", String(4), primary_key=True),
    Column("navn", String(100), nullable=False),
)

fylke = Table(
    "fylke",
    metadata,
    Column("struktur", Integer, primary_key=True),
    Column("fylkesnummer", String(2), primary_key=True),
    Column("navn", String(100), nullable=False),
    Column("statsforvalter", String(4), ForeignKey("statsforvalter.kode"), nullable=False),
)

kommune = Table(
    "kommune",
    metadata,
    Column("kommunenummer", String(4), primary_key=True, comment="2024 number"),
    Column("navn", String(100), nullable=False),
    Column("fylkesnummer", String(2), nullable=False, comment="2024 county"),
    Column("kommunenummer_2020", String(4), nullable=False),
    Column("navn_2020", String(100), nullable=False),
    Column("fylkesnummer_2020", String(2), nullable=False),
    Column("statsforvalter", String(4), ForeignKey("statsforvalter.kode"), nullable=False),
    Column("kartomrade", String(4), nullable=False, comment="feature id on the 2024 map"),
)
Index("ix_kommune_fylke", kommune.c.fylkesnummer)
Index("ix_kommune_fylke_2020", kommune.c.fylkesnummer_2020)

kompetanseomrade = Table(
    "kompetanseomrade",
    metadata,
    Column("kode", String(8), primary_key=True),
    Column("navn", String(100), nullable=False),
    Column("nivaa", Integer, nullable=False, comment="1 all, 2 special adaptation, 3 complex"),
)

nivaa = Table(
    "nivaa",
    metadata,
    Column("nivaa", Integer, primary_key=True),
    Column("navn", String(100), nullable=False),
    Column("beskrivelse", Text, nullable=False),
)

profesjon = Table(
    "profesjon",
    metadata,
    Column("kode", String(12), primary_key=True),
    Column("navn", String(100), nullable=False),
)

sektor = Table(
    "sektor",
    metadata,
    Column("kode", String(8), primary_key=True),
    Column("navn", String(100), nullable=False),
    Column("enhetstype", String(20), nullable=False, unique=True),
)

indikator = Table(
    "indikator",
    metadata,
    Column("kode", String(16), primary_key=True),
    Column("navn", String(100), nullable=False),
    Column("enhet", String(20), nullable=False),
    Column("hoy_er_behov", Integer, nullable=False, comment="1 if a high value means high need"),
    Column("beskrivelse", Text, nullable=False),
)

enhet = Table(
    "enhet",
    metadata,
    Column("enhet_id", String(9), primary_key=True, comment="organisation number"),
    Column("navn", String(200), nullable=False),
    Column("enhetstype", String(20), ForeignKey("sektor.enhetstype"), nullable=False),
    Column("eiertype", String(20), nullable=False),
    Column("kommunenummer", String(4), ForeignKey("kommune.kommunenummer"), nullable=False),
    Column("antall_barn_elever", Integer, nullable=False),
    Column("antall_ansatte", Integer, nullable=False),
    Column(
        "betjener_kommuner",
        Text,
        nullable=True,
        comment="PPT only: 2024 municipality numbers served, separated by ';'",
    ),
)
Index("ix_enhet_kommune", enhet.c.kommunenummer, enhet.c.enhetstype)

tiltak = Table(
    "tiltak",
    metadata,
    Column("tiltak_id", String(20), primary_key=True),
    Column("navn", String(300), nullable=False),
    Column("aar", Integer, nullable=False, comment="start year"),
    Column("statsforvalter", String(4), ForeignKey("statsforvalter.kode"), nullable=False),
    Column("kommunenummer", String(4), ForeignKey("kommune.kommunenummer"), nullable=False),
    Column("eiertype", String(20), nullable=False),
    Column("eier", String(200), nullable=False),
    Column("uh_partner", String(200), nullable=False),
    Column("hovedomrade", String(8), ForeignKey("kompetanseomrade.kode"), nullable=False),
    Column("malgrupper", Text, nullable=False, comment="profession codes separated by ';'"),
)
Index("ix_tiltak_kommune", tiltak.c.kommunenummer)

tiltak_omrade = Table(
    "tiltak_omrade",
    metadata,
    Column("tiltak_id", String(20), ForeignKey("tiltak.tiltak_id"), primary_key=True),
    Column("omrade", String(8), ForeignKey("kompetanseomrade.kode"), primary_key=True),
)

tildeling = Table(
    "tildeling",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("aar", Integer, nullable=False),
    Column("statsforvalter", String(4), ForeignKey("statsforvalter.kode"), nullable=False),
    Column("kommunenummer", String(4), ForeignKey("kommune.kommunenummer"), nullable=False),
    Column("mottaker", String(200), nullable=False),
    Column("mottakertype", String(20), nullable=False),
    Column(
        "mottaker_id",
        String(9),
        nullable=False,
        comment="municipality number (2024), county number or organisation number",
    ),
    Column("tiltak_id", String(20), ForeignKey("tiltak.tiltak_id"), nullable=False),
    Column("innvilget_kr", BigInteger, nullable=False),
    Column("brukt_kr", BigInteger, nullable=True),
    UniqueConstraint("aar", "tiltak_id", "mottakertype", "mottaker_id", name="uq_tildeling"),
)
Index("ix_tildeling_aar_kommune", tildeling.c.aar, tildeling.c.kommunenummer)

deltakelse = Table(
    "deltakelse",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("aar", Integer, nullable=False),
    Column("enhet_id", String(9), ForeignKey("enhet.enhet_id"), nullable=False),
    Column("tiltak_id", String(20), ForeignKey("tiltak.tiltak_id"), nullable=False),
    Column("profesjon", String(12), ForeignKey("profesjon.kode"), nullable=False),
    Column("antall_deltakere", Integer, nullable=False),
    UniqueConstraint("aar", "enhet_id", "tiltak_id", "profesjon", name="uq_deltakelse"),
)
Index("ix_deltakelse_aar_enhet", deltakelse.c.aar, deltakelse.c.enhet_id)
Index("ix_deltakelse_tiltak", deltakelse.c.tiltak_id)

kvalitetsindikator = Table(
    "kvalitetsindikator",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("aar", Integer, nullable=False),
    Column("kommunenummer", String(4), ForeignKey("kommune.kommunenummer"), nullable=False),
    Column("indikator", String(16), ForeignKey("indikator.kode"), nullable=False),
    Column("verdi", Float, nullable=True, comment="NULL when suppressed or missing"),
    Column("teller", Integer, nullable=True),
    Column("nevner", Integer, nullable=True),
    Column("kilde", String(200), nullable=False),
    UniqueConstraint("aar", "kommunenummer", "indikator", name="uq_kvalitetsindikator"),
)
Index("ix_kvalitet_indikator_aar", kvalitetsindikator.c.indikator, kvalitetsindikator.c.aar)

kvalitetsindikator_landet = Table(
    "kvalitetsindikator_landet",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("aar", Integer, nullable=False),
    Column("indikator", String(16), ForeignKey("indikator.kode"), nullable=False),
    Column("verdi", Float, nullable=False, comment="the published national level, percent"),
    Column("teller", BigInteger, nullable=True),
    Column("nevner", BigInteger, nullable=True),
    Column("kilde", String(200), nullable=False),
    UniqueConstraint("aar", "indikator", name="uq_kvalitetsindikator_landet"),
)

bevilgning = Table(
    "bevilgning",
    metadata,
    Column("aar", Integer, primary_key=True),
    Column("belop_kr", BigInteger, nullable=False),
    Column("kilde", String(300), nullable=False),
    Column("merknad", Text, nullable=False, default=""),
)

lastebatch = Table(
    "lastebatch",
    metadata,
    Column("batch_id", Integer, primary_key=True, autoincrement=True),
    Column("fil", Text, nullable=False),
    Column("filtype", String(30), nullable=False),
    Column("sha256", String(64), nullable=False, index=True),
    Column("lastet", DateTime(timezone=True), nullable=False),
    Column("rader_godtatt", Integer, nullable=False),
    Column("rader_avvist", Integer, nullable=False),
    Column("rader_endret", Integer, nullable=False, server_default="0"),
    Column("rader_slettet", Integer, nullable=False, server_default="0"),
)

avvist_rad = Table(
    "avvist_rad",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("batch_id", Integer, ForeignKey("lastebatch.batch_id"), nullable=False, index=True),
    Column("radnummer", Integer, nullable=False, comment="line in the file, header = 1"),
    Column("arsak", Text, nullable=False),
    Column("innhold", Text, nullable=False),
)

endring = Table(
    "endring",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("batch_id", Integer, ForeignKey("lastebatch.batch_id"), nullable=False, index=True),
    Column("tabell", String(30), nullable=False),
    Column("nokkel", Text, nullable=False, comment="natural key as JSON"),
    Column("kolonne", String(40), nullable=False),
    Column("gammel_verdi", Text, nullable=True),
    Column("ny_verdi", Text, nullable=True, comment="NULL when the row was removed"),
    Column("handling", String(10), nullable=False, comment="endret or slettet"),
)

behov = Table(
    "behov",
    metadata,
    Column("behov_id", String(30), primary_key=True),
    Column("aar", Integer, nullable=False),
    Column("statsforvalter", String(4), ForeignKey("statsforvalter.kode"), nullable=False),
    Column("sokertype", String(20), nullable=False),
    Column(
        "soker_id",
        String(9),
        nullable=False,
        comment="kommunenummer, fylkesnummer or organisation number by sokertype",
    ),
    Column("soker", String(200), nullable=False),
    Column("omrader", Text, nullable=False, comment="competence area codes separated by ';'"),
    Column("malgrupper", Text, nullable=False, comment="profession codes separated by ';'"),
    Column("sokt_kr", BigInteger, nullable=False),
    Column("mottatt", String(10), nullable=False, comment="ISO date received"),
    Column("prioritet", Integer, nullable=True, comment="samarbeidsforum's rank; NULL = not"),
    Column("vedtak", String(20), nullable=True, comment="innvilget, delvis, avslått or NULL"),
    Column("vedtaksdato", String(10), nullable=True),
    Column("innvilget_kr", BigInteger, nullable=True),
)
Index("ix_behov_aar_sf", behov.c.aar, behov.c.statsforvalter)


_ENGINES: weakref.WeakSet[Engine] = weakref.WeakSet()
"""Engines made in this process, so a forked child can drop the parent's connections."""

# --- Summaries: written by the ETL (`etl.summaries`) in the same transaction as each load of
# units, measures or participations, so pages never aggregate the raw `deltakelse` table.
# Their size depends on municipalities, years, unit and owner types, not on participation rows.

oppsummering_enhet = Table(
    "oppsummering_enhet",
    metadata,
    Column("kommunenummer", String(4), primary_key=True),
    Column("enhetstype", String(20), primary_key=True),
    Column("eiertype", String(20), primary_key=True),
    Column("enheter", Integer, nullable=False),
    Column("barn_elever", BigInteger, nullable=False),
    Column("ansatte", BigInteger, nullable=False),
)

oppsummering_deltakelse = Table(
    "oppsummering_deltakelse",
    metadata,
    Column("aar", Integer, primary_key=True),
    Column("kommunenummer", String(4), primary_key=True),
    Column("enhetstype", String(20), primary_key=True),
    Column("eiertype", String(20), primary_key=True),
    Column("enheter_naadd", Integer, nullable=False),
    Column("deltakere", BigInteger, nullable=False),
    Column(
        "ansatte_naadd",
        BigInteger,
        nullable=False,
        comment="per unit: participations in the year, at most its staff; summed",
    ),
)

oppsummering_detalj = Table(
    "oppsummering_detalj",
    metadata,
    Column("aar", Integer, primary_key=True),
    Column("kommunenummer", String(4), primary_key=True),
    Column("enhetstype", String(20), primary_key=True),
    Column("eiertype", String(20), primary_key=True),
    Column("omrade", String(8), primary_key=True, comment="the measure's main area"),
    Column("profesjon", String(12), primary_key=True),
    Column("deltakere", BigInteger, nullable=False),
)

oppsummering_profesjon = Table(
    "oppsummering_profesjon",
    metadata,
    Column("aar", Integer, primary_key=True),
    Column("kommunenummer", String(4), primary_key=True),
    Column("profesjon", String(12), primary_key=True),
    Column("deltakere", BigInteger, nullable=False),
    Column("enheter_naadd", Integer, nullable=False, comment="distinct units"),
)

oppsummering_tiltak = Table(
    "oppsummering_tiltak",
    metadata,
    Column("kommunenummer", String(4), primary_key=True),
    Column("aar", Integer, primary_key=True),
    Column("tiltak_id", String(20), primary_key=True),
    Column("deltakere", BigInteger, nullable=False),
)

oppsummering_ppt_omrade = Table(
    "oppsummering_ppt_omrade",
    metadata,
    Column("enhet_id", String(9), primary_key=True, comment="a municipal PPT office"),
    Column("kommunenummer", String(4), primary_key=True, comment="a municipality it serves"),
)

oppsummering_helt_lag = Table(
    "oppsummering_helt_lag",
    metadata,
    Column("aar", Integer, primary_key=True),
    Column(
        "kommunenummer",
        String(4),
        primary_key=True,
        comment="municipalities with the whole team in the year (`loftet.metrics`)",
    ),
)


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets foreign keys and a WAL journal."""
    engine = create_engine(url, pool_pre_ping=not url.startswith("sqlite"))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    _ENGINES.add(engine)
    return engine


def _forget_parent_connections() -> None:
    """In a forked child (a background job): never reuse the parent's pooled connections."""
    for engine in _ENGINES:
        engine.dispose(close=False)


os.register_at_fork(after_in_child=_forget_parent_connections)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@lru_cache(maxsize=4)
def _engine_for(url: str) -> Engine:
    return make_engine(url)


def get_engine() -> Engine:
    """The engine for the configured `DATABASE_URL`, created once per URL (for the ETL, which
    may create the database)."""
    return _engine_for(database_url())


@lru_cache(maxsize=4)
def _read_engine_for(url: str) -> Engine:
    parsed = make_url(url)
    if (
        parsed.drivername.startswith("sqlite")
        and parsed.database not in (None, "", ":memory:")
        and not parsed.database.startswith("file:")
    ):
        path = Path(parsed.database).resolve()
        parsed = parsed.set(database=f"file:{path}?mode=rw", query={"uri": "true"})
    return make_engine(parsed.render_as_string(hide_password=False))


def get_read_engine(url: str | None = None) -> Engine:
    """The engine the app queries with. A SQLite file is opened read-write but never created
    (a missing file is an error, not a new empty database)."""
    return _read_engine_for(url or database_url())


def create_schema(engine: Engine) -> None:
    """Create every table and index that is missing."""
    if engine.dialect.name == "sqlite" and engine.url.database:
        Path(engine.url.database).parent.mkdir(parents=True, exist_ok=True)
    metadata.create_all(engine)
    _add_missing_columns(engine)


def _add_missing_columns(engine: Engine) -> None:
    """Add columns with a server default that an older database lacks (no data is touched)."""
    from sqlalchemy import DefaultClause, inspect, text

    inspector = inspect(engine)
    with engine.begin() as conn:
        for table in metadata.sorted_tables:
            if all(column.server_default is None for column in table.columns):
                continue
            present = {c["name"] for c in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name not in present and isinstance(column.server_default, DefaultClause):
                    conn.execute(
                        text(
                            f"ALTER TABLE {table.name} ADD COLUMN {column.name} "
                            f"{column.type.compile(engine.dialect)} NOT NULL "
                            f"DEFAULT {column.server_default.arg}"
                        )
                    )

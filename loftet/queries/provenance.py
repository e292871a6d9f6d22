"""Where the numbers came from: load batches, rejected rows, corrections, data dates, and the
whole dataset for download (the `/data` page)."""

from __future__ import annotations

import io
import zipfile

import pandas as pd
from sqlalchemy import DateTime, Select, Table, func, select

from loftet.db import avvist_rad, endring, get_engine, lastebatch, metadata
from loftet.queries.base import as_stored, read_frame

DATA_TABLES = {
    "bevilgning": "bevilgning",
    "enhet": "enheter",
    "tiltak": "tiltak",
    "tiltak_omrade": "tiltak",
    "tildeling": "tildelinger",
    "deltakelse": "deltakelse",
    "kvalitetsindikator": "kvalitetsindikatorer",
    "kvalitetsindikator_landet": "landsnivaa",
    "behov": "behov",
}
"""Data table → the input format (`lastebatch.filtype`) that fills it."""
PROVENANCE_TABLES = ("lastebatch", "avvist_rad", "endring")
REFERENCE_TABLES = (
    "statsforvalter",
    "fylke",
    "kommune",
    "kompetanseomrade",
    "nivaa",
    "profesjon",
    "sektor",
    "indikator",
)
REJECTED_SHOWN = 5_000
EXPORT_CHUNK = 50_000


def load_batches() -> pd.DataFrame:
    """Every load, newest first: batch_id, lastet, fil, filtype, sha256, rader_godtatt,
    rader_avvist, rader_endret, rader_slettet."""
    b = lastebatch.c
    return read_frame(
        select(
            b.batch_id,
            as_stored(b.lastet),
            b.fil,
            b.filtype,
            b.sha256,
            b.rader_godtatt,
            b.rader_avvist,
            b.rader_endret,
            b.rader_slettet,
        ).order_by(b.batch_id.desc())
    )


def rejected_rows(limit: int | None = REJECTED_SHOWN) -> pd.DataFrame:
    """Rejected rows, newest first: batch_id, lastet, fil, radnummer, arsak, innhold (JSON of
    the row's cells). `limit=None` for all."""
    a, b = avvist_rad.c, lastebatch.c
    query = (
        select(a.batch_id, as_stored(b.lastet), b.fil, a.radnummer, a.arsak, a.innhold)
        .join_from(avvist_rad, lastebatch, b.batch_id == a.batch_id)
        .order_by(a.batch_id.desc(), a.radnummer)
    )
    return read_frame(query.limit(limit) if limit else query)


def rejected_count() -> int:
    return int(read_frame(select(func.count().label("n")).select_from(avvist_rad)).n.iloc[0])


def corrections() -> pd.DataFrame:
    """Every changed or removed value, newest first: batch_id, lastet, fil, tabell, nokkel,
    kolonne, gammel_verdi, ny_verdi, handling."""
    e, b = endring.c, lastebatch.c
    return read_frame(
        select(
            e.batch_id,
            as_stored(b.lastet),
            b.fil,
            e.tabell,
            e.nokkel,
            e.kolonne,
            e.gammel_verdi,
            e.ny_verdi,
            e.handling,
        )
        .join_from(endring, lastebatch, b.batch_id == e.batch_id)
        .order_by(e.id.desc())
    )


def table_dates() -> pd.DataFrame:
    """Per data table: tabell, filtype, rader, sist_lastet (the latest load of its input kind
    that stored or removed rows), fil (that load's file) and the years it holds (forste_aar,
    siste_aar; empty without years)."""
    b = lastebatch.c
    batches = read_frame(
        select(
            b.filtype,
            as_stored(func.max(b.lastet), "sist_lastet"),
            func.max(b.batch_id).label("batch_id"),
        )
        .where(b.rader_godtatt + b.rader_slettet > 0)
        .group_by(b.filtype)
    )
    files = read_frame(select(b.batch_id, b.fil))
    latest = batches.merge(files, on="batch_id", how="left").set_index("filtype")
    rows = []
    for table, kind in DATA_TABLES.items():
        data = metadata.tables[table]
        count = read_frame(select(func.count().label("n")).select_from(data)).n.iloc[0]
        years = (
            read_frame(select(func.min(data.c.aar).label("a"), func.max(data.c.aar).label("b")))
            if "aar" in data.c
            else None
        )
        rows.append(
            {
                "tabell": table,
                "filtype": kind,
                "rader": int(count),
                "sist_lastet": latest.sist_lastet.get(kind),
                "fil": latest.fil.get(kind),
                "forste_aar": None if years is None else years.a.iloc[0],
                "siste_aar": None if years is None else years.b.iloc[0],
            }
        )
    return pd.DataFrame(rows)


def _whole_table(table: Table) -> Select:
    """Every row of `table`, each column as stored (`SELECT *`)."""
    return select(*[as_stored(c) if isinstance(c.type, DateTime) else c for c in table.c])


def _write_csv(archive: zipfile.ZipFile, name: str, query: Select) -> None:
    """Stream one query into a CSV entry, `EXPORT_CHUNK` rows at a time (not cached)."""
    with (
        archive.open(name, "w") as raw,
        io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as handle,
        get_engine().connect() as conn,
    ):
        for number, chunk in enumerate(pd.read_sql_query(query, conn, chunksize=EXPORT_CHUNK)):
            chunk.to_csv(handle, sep=";", index=False, header=number == 0)


def dataset_zip() -> bytes:
    """Every data, provenance and reference table as CSV (`;`, UTF-8 with BOM) in one ZIP."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in (*DATA_TABLES, *PROVENANCE_TABLES, *REFERENCE_TABLES):
            _write_csv(archive, f"{table}.csv", _whole_table(metadata.tables[table]))
    return buffer.getvalue()


def rejected_csv() -> bytes:
    """Every rejected row as the CSV the rejection report uses (Norwegian columns)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        a, b = avvist_rad.c, lastebatch.c
        _write_csv(
            archive,
            "avviste-rader.csv",
            select(
                b.fil,
                a.radnummer.label("linje"),
                a.arsak.label("årsak"),
                a.innhold,
                a.batch_id.label("lasting"),
                as_stored(b.lastet),
            )
            .join_from(avvist_rad, lastebatch, b.batch_id == a.batch_id)
            .order_by(a.batch_id, a.radnummer),
        )
    with zipfile.ZipFile(buffer) as archive:
        return archive.read("avviste-rader.csv")

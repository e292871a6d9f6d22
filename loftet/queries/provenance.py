"""Where the numbers came from: load batches, rejected rows, corrections, data dates, and the
whole dataset for download (the `/data` page)."""

from __future__ import annotations

import io
import zipfile

import pandas as pd
from sqlalchemy import text

from loftet.db import get_engine
from loftet.queries.base import read_frame

DATA_TABLES = {"bevilgning": "bevilgning", "enhet": "enheter", "tiltak": "tiltak",
               "tiltak_omrade": "tiltak", "tildeling": "tildelinger", "deltakelse": "deltakelse",
               "kvalitetsindikator": "kvalitetsindikatorer",
               "kvalitetsindikator_landet": "landsnivaa", "behov": "behov"}
"""Data table → the input format (`lastebatch.filtype`) that fills it."""
PROVENANCE_TABLES = ("lastebatch", "avvist_rad", "endring")
REFERENCE_TABLES = ("statsforvalter", "fylke", "kommune", "kompetanseomrade", "nivaa",
                    "profesjon", "sektor", "indikator")
REJECTED_SHOWN = 5_000
EXPORT_CHUNK = 50_000


def load_batches() -> pd.DataFrame:
    """Every load, newest first: batch_id, lastet, fil, filtype, sha256, rader_godtatt,
    rader_avvist, rader_endret, rader_slettet."""
    return read_frame(
        "SELECT batch_id, lastet, fil, filtype, sha256, rader_godtatt, rader_avvist, "
        "rader_endret, rader_slettet FROM lastebatch ORDER BY batch_id DESC")


def rejected_rows(limit: int | None = REJECTED_SHOWN) -> pd.DataFrame:
    """Rejected rows, newest first: batch_id, lastet, fil, radnummer, arsak, innhold (JSON of
    the row's cells). `limit=None` for all."""
    sql = ("SELECT a.batch_id, l.lastet, l.fil, a.radnummer, a.arsak, a.innhold "
           "FROM avvist_rad a JOIN lastebatch l ON l.batch_id = a.batch_id "
           "ORDER BY a.batch_id DESC, a.radnummer")
    return read_frame(sql + " LIMIT :n", n=limit) if limit else read_frame(sql)


def rejected_count() -> int:
    return int(read_frame("SELECT COUNT(*) AS n FROM avvist_rad").n.iloc[0])


def corrections() -> pd.DataFrame:
    """Every changed or removed value, newest first: batch_id, lastet, fil, tabell, nokkel,
    kolonne, gammel_verdi, ny_verdi, handling."""
    return read_frame(
        "SELECT e.batch_id, l.lastet, l.fil, e.tabell, e.nokkel, e.kolonne, e.gammel_verdi, "
        "e.ny_verdi, e.handling FROM endring e JOIN lastebatch l ON l.batch_id = e.batch_id "
        "ORDER BY e.id DESC")


def table_dates() -> pd.DataFrame:
    """Per data table: tabell, filtype, rader, sist_lastet (the latest load of its input kind
    that stored or removed rows), fil (that load's file) and the years it holds (forste_aar,
    siste_aar; empty without years)."""
    batches = read_frame(
        "SELECT filtype, MAX(lastet) AS sist_lastet, MAX(batch_id) AS batch_id FROM lastebatch "
        "WHERE rader_godtatt + rader_slettet > 0 GROUP BY filtype")
    files = read_frame("SELECT batch_id, fil FROM lastebatch")
    latest = batches.merge(files, on="batch_id", how="left").set_index("filtype")
    rows = []
    for table, kind in DATA_TABLES.items():
        count = read_frame(f"SELECT COUNT(*) AS n FROM {table}").n.iloc[0]  # noqa: S608 — fixed names
        years = (read_frame(f"SELECT MIN(aar) AS a, MAX(aar) AS b FROM {table}")
                 if table in ("bevilgning", "tiltak", "tildeling", "deltakelse",
                              "kvalitetsindikator", "kvalitetsindikator_landet", "behov")
                 else None)
        rows.append({"tabell": table, "filtype": kind, "rader": int(count),
                     "sist_lastet": latest.sist_lastet.get(kind),
                     "fil": latest.fil.get(kind),
                     "forste_aar": None if years is None else years.a.iloc[0],
                     "siste_aar": None if years is None else years.b.iloc[0]})
    return pd.DataFrame(rows)


def _write_csv(archive: zipfile.ZipFile, name: str, sql: str) -> None:
    """Stream one query into a CSV entry, `EXPORT_CHUNK` rows at a time (not cached)."""
    with archive.open(name, "w") as raw, io.TextIOWrapper(raw, encoding="utf-8-sig",
                                                           newline="") as handle, \
            get_engine().connect() as conn:
        for number, chunk in enumerate(pd.read_sql_query(text(sql), conn,
                                                         chunksize=EXPORT_CHUNK)):
            chunk.to_csv(handle, sep=";", index=False, header=number == 0)


def dataset_zip() -> bytes:
    """Every data, provenance and reference table as CSV (`;`, UTF-8 with BOM) in one ZIP."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in (*DATA_TABLES, *PROVENANCE_TABLES, *REFERENCE_TABLES):
            _write_csv(archive, f"{table}.csv", f"SELECT * FROM {table}")
    return buffer.getvalue()


def rejected_csv() -> bytes:
    """Every rejected row as the CSV the rejection report uses (Norwegian columns)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        _write_csv(archive, "avviste-rader.csv",
                   "SELECT l.fil AS fil, a.radnummer AS linje, a.arsak AS \"årsak\", "
                   "a.innhold AS innhold, a.batch_id AS lasting, l.lastet AS lastet "
                   "FROM avvist_rad a JOIN lastebatch l ON l.batch_id = a.batch_id "
                   "ORDER BY a.batch_id, a.radnummer")
    with zipfile.ZipFile(buffer) as archive:
        return archive.read("avviste-rader.csv")

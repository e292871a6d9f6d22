"""Loading one input file: read → validate → write in one transaction, with provenance."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from sqlalchemy import Connection, Engine, insert, select, text
from sqlalchemy.exc import SQLAlchemyError
from tqdm import tqdm

from etl.formats import TILTAK, FileFormat
from etl.read import InputError, detect_format, read_raw, sha256_of
from etl.store import upsert_rows
from etl.summaries import refresh_summaries
from etl.validate import Result, load_context, validate
from loftet import db

CHUNK_ROWS = 20_000


@dataclass
class LoadReport:
    """What happened to one file."""

    path: Path
    status: str
    """`lastet` (all rows), `delvis` (some rejected), `avvist` (nothing loaded), `uendret`."""
    kind: str = ""
    accepted: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)
    message: str = ""


def load_file(engine: Engine, path: Path, *, strict: bool = False) -> LoadReport:
    """Validate and load `path`. A rejected file leaves the database unchanged."""
    try:
        digest = sha256_of(path)
        if _already_loaded(engine, digest):
            return LoadReport(path, "uendret", message="samme fil er lastet før")
        raw = read_raw(path)
        fmt = detect_format(list(raw.columns), path)
    except (InputError, OSError) as exc:
        return LoadReport(path, "avvist", message=str(exc))
    try:
        return _load_validated(engine, path, raw, fmt, digest, strict)
    except SQLAlchemyError as exc:
        return LoadReport(path, "avvist", fmt.name,
                          message=f"databasefeil, ingenting lagret: {exc}")


def _load_validated(engine: Engine, path: Path, raw: pd.DataFrame, fmt: FileFormat,
                    digest: str, strict: bool) -> LoadReport:
    with engine.begin() as conn:
        result = validate(raw, fmt, load_context(conn))
        report = LoadReport(path, "lastet", fmt.name, len(result.rows),
                            [(line, reason) for line, reason, _ in result.rejected])
        if result.rejected and strict:
            report.status, report.accepted = "avvist", 0
            report.message = "--strict: hele filen avvist fordi rader har feil"
            conn.rollback()
            return report
        if result.rejected:
            report.status = "delvis"
        _write(conn, fmt, result, path, digest)
        refresh_summaries(conn, fmt.table)
    return report


def _already_loaded(engine: Engine, digest: str) -> bool:
    db.create_schema(engine)
    with engine.connect() as conn:
        found = conn.execute(
            select(db.lastebatch.c.batch_id).where(db.lastebatch.c.sha256 == digest).limit(1)
        ).first()
    return found is not None


def _write(conn: Connection, fmt: FileFormat, result: Result, path: Path, digest: str) -> None:
    batch_id = conn.execute(insert(db.lastebatch).values(
        fil=str(path), filtype=fmt.name, sha256=digest, lastet=datetime.now(UTC),
        rader_godtatt=len(result.rows), rader_avvist=len(result.rejected),
    )).inserted_primary_key[0]
    _write_rows(conn, fmt, result.rows)
    if result.rejected:
        conn.execute(insert(db.avvist_rad), [
            {"batch_id": batch_id, "radnummer": line, "arsak": reason,
             "innhold": json.dumps(cells, ensure_ascii=False)}
            for line, reason, cells in result.rejected
        ])


def _write_rows(conn: Connection, fmt: FileFormat, rows: pd.DataFrame) -> None:
    columns = [c for c in rows.columns if c in db.metadata.tables[fmt.table].c]
    records = database_rows(rows, columns)
    progress = tqdm(total=len(records), desc=fmt.name, unit="rad", disable=None, leave=False)
    for start in range(0, len(records), CHUNK_ROWS):
        chunk = records[start:start + CHUNK_ROWS]
        upsert_rows(conn, fmt.table, columns, fmt.key, chunk)
        progress.update(len(chunk))
    progress.close()
    if fmt is TILTAK:
        _write_measure_areas(conn, rows)


def database_rows(rows: pd.DataFrame, columns: list[str]) -> list[tuple]:
    """Rows as tuples of Python values (int, float, str, None) for the DB-API."""
    values = []
    for name in columns:
        column = rows[name].astype(object)
        values.append(column.where(rows[name].notna(), None).tolist())
    return list(zip(*values, strict=True))


def _write_measure_areas(conn: Connection, rows: pd.DataFrame) -> None:
    """Replace the area list of every measure in the file (main area always included)."""
    pairs = set()
    for measure, main, others in rows[["tiltak_id", "hovedomrade", "omrader"]].itertuples(
            index=False):
        for area in {main, *filter(None, (others or "").split(";"))}:
            pairs.add((measure, area))
    ids = list(rows["tiltak_id"])
    for start in range(0, len(ids), 500):
        conn.execute(db.tiltak_omrade.delete().where(
            db.tiltak_omrade.c.tiltak_id.in_(ids[start:start + 500])))
    upsert_rows(conn, "tiltak_omrade", ["tiltak_id", "omrade"], ["tiltak_id", "omrade"],
                sorted(pairs))


def table_counts(engine: Engine) -> dict[str, int]:
    """Rows per table, for `status` and tests."""
    with engine.connect() as conn:
        return {name: conn.execute(text(f"SELECT COUNT(*) FROM {name}")).scalar_one()
                for name in db.metadata.tables}

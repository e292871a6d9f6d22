"""Loading one input file: read → validate → write, chunk by chunk in one transaction.

A rejected file (unreadable, wrong columns, `--strict` with bad rows, a failing `--erstatt`)
leaves the database unchanged. Memory stays flat with file size: rows are read, checked and
written `etl.read.CHUNK_ROWS` at a time; only the keys seen so far are kept (`etl.keys`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from sqlalchemy import Connection, Engine, insert, select, text, update
from sqlalchemy.exc import SQLAlchemyError
from tqdm import tqdm

from etl.codes import Context, load_context
from etl.formats import TILTAK, FileFormat
from etl.history import record_changes, replace_slices, replaceable, slice_of
from etl.keys import SeenKeys
from etl.read import InputError, Table, open_table, sha256_of
from etl.store import upsert_rows
from etl.summaries import refresh_summaries
from etl.validate import Rejection, validate
from loftet import db

WRITE_ROWS = 20_000


@dataclass
class LoadReport:
    """What happened to one file."""

    path: Path
    status: str
    """`lastet` (all rows), `delvis` (some rejected), `avvist` (nothing loaded), `uendret`
    (the same file was loaded in full before), `tom` (no data rows)."""
    kind: str = ""
    accepted: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)
    message: str = ""
    details: list[tuple[int | None, str, str]] = field(default_factory=list)
    """(line, column, reason) for every reason, for the rejection report."""
    changed: int = 0
    removed: int = 0


@dataclass
class _Run:
    """State of one load while its chunks pass."""

    conn: Connection
    fmt: FileFormat
    ctx: Context
    batch_id: int
    diff: bool
    seen: SeenKeys = field(default_factory=SeenKeys)
    accepted: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    changed: int = 0
    slices: set[tuple] = field(default_factory=set)


def load_file(
    engine: Engine, path: Path, *, strict: bool = False, replace: bool = False
) -> LoadReport:
    """Validate and load `path`; with `replace`, the file's rows replace the slices it covers."""
    try:
        digest = sha256_of(path)
        if not replace and _loaded_in_full(engine, digest):
            return LoadReport(path, "uendret", message="samme fil er lastet før, uten feil")
        table = open_table(path)
        if replace and not replaceable(table.fmt):
            raise InputError(
                f"--erstatt kan ikke brukes på «{table.fmt.name}»: andre tabeller "
                "viser til disse radene"
            )
    except (InputError, OSError) as exc:
        return LoadReport(path, "avvist", message=str(exc))
    try:
        return _load(engine, table, digest, strict=strict or replace, replace=replace)
    except InputError as exc:
        return LoadReport(path, "avvist", table.fmt.name, message=str(exc))
    except SQLAlchemyError as exc:
        return LoadReport(
            path, "avvist", table.fmt.name, message=f"databasefeil, ingenting lagret: {exc}"
        )


def _load(engine: Engine, table: Table, digest: str, *, strict: bool, replace: bool) -> LoadReport:
    with engine.begin() as conn:
        run = _Run(
            conn,
            table.fmt,
            load_context(conn),
            _new_batch(conn, table, digest),
            diff=_has_rows(conn, table.fmt),
        )
        try:
            return _load_run(run, table, strict=strict, replace=replace)
        finally:
            run.seen.close()


def _load_run(run: _Run, table: Table, *, strict: bool, replace: bool) -> LoadReport:
    """Every chunk of `table` through `run`; roll back when nothing may be kept."""
    progress = tqdm(desc=run.fmt.name, unit="rad", disable=None, leave=False)
    for chunk in table.chunks:
        _load_chunk(run, chunk.frame, chunk.lines, chunk.problems, replace)
        progress.update(len(chunk.lines))
    progress.close()
    report = _report(table.path, run)
    if run.accepted + len(run.rejected) == 0:
        run.conn.rollback()
        return LoadReport(
            table.path,
            "tom",
            run.fmt.name,
            message="ingen datarader (bare overskrift), ingenting lastet",
        )
    if run.rejected and strict:
        run.conn.rollback()
        report.status, report.accepted = "avvist", 0
        report.message = (
            "--erstatt: hele filen avvist fordi rader har feil"
            if replace
            else "--strict: hele filen avvist fordi rader har feil"
        )
        return report
    if replace:
        report.removed = replace_slices(run.conn, run.fmt, run.slices, run.seen, run.batch_id)
    _finish_batch(run.conn, run, report.removed)
    refresh_summaries(run.conn, run.fmt.table)
    return report


def _load_chunk(
    run: _Run, frame: pd.DataFrame, lines: list[int], problems: dict[int, str], replace: bool
) -> None:
    result = validate(frame, run.fmt, run.ctx, lines, run.seen, problems)
    run.accepted += len(result.rows)
    run.rejected += result.rejected
    if result.rejected:
        run.conn.execute(
            insert(db.avvist_rad),
            [
                {
                    "batch_id": run.batch_id,
                    "radnummer": r.line,
                    "arsak": r.reason,
                    "innhold": json.dumps(r.cells, ensure_ascii=False),
                }
                for r in result.rejected
            ],
        )
    if not len(result.rows):
        return
    columns = [c for c in result.rows.columns if c in db.metadata.tables[run.fmt.table].c]
    records = database_rows(result.rows, columns)
    if run.diff:
        run.changed += record_changes(run.conn, run.fmt, columns, records, run.batch_id)
    if replace:
        run.slices |= slice_of(run.fmt, result.rows)
    for start in range(0, len(records), WRITE_ROWS):
        upsert_rows(
            run.conn, run.fmt.table, columns, run.fmt.key, records[start : start + WRITE_ROWS]
        )
    if run.fmt is TILTAK:
        _write_measure_areas(run.conn, result.rows)


def _report(path: Path, run: _Run) -> LoadReport:
    rejected = [(r.line, r.reason) for r in run.rejected]
    details: list[tuple[int | None, str, str]] = [
        (r.line, header, reason) for r in run.rejected for header, reason in r.reasons
    ]
    return LoadReport(
        path,
        "delvis" if rejected else "lastet",
        run.fmt.name,
        run.accepted,
        rejected,
        details=details,
        changed=run.changed,
    )


def _new_batch(conn: Connection, table: Table, digest: str) -> int:
    key = conn.execute(
        insert(db.lastebatch).values(
            fil=str(table.path),
            filtype=table.fmt.name,
            sha256=digest,
            lastet=datetime.now(UTC),
            rader_godtatt=0,
            rader_avvist=0,
        )
    ).inserted_primary_key
    assert key is not None, "an INSERT always returns its primary key"
    return int(key[0])


def _finish_batch(conn: Connection, run: _Run, removed: int) -> None:
    conn.execute(
        update(db.lastebatch)
        .where(db.lastebatch.c.batch_id == run.batch_id)
        .values(
            rader_godtatt=run.accepted,
            rader_avvist=len(run.rejected),
            rader_endret=run.changed,
            rader_slettet=removed,
        )
    )


def _has_rows(conn: Connection, fmt: FileFormat) -> bool:
    return conn.execute(text(f"SELECT 1 FROM {fmt.table} LIMIT 1")).first() is not None


def _loaded_in_full(engine: Engine, digest: str) -> bool:
    """A file is skipped only if the same bytes were loaded before with no rejected rows."""
    db.create_schema(engine)
    with engine.connect() as conn:
        found = conn.execute(
            select(db.lastebatch.c.batch_id)
            .where(db.lastebatch.c.sha256 == digest, db.lastebatch.c.rader_avvist == 0)
            .limit(1)
        ).first()
    return found is not None


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
        index=False
    ):
        for area in {main, *filter(None, (others or "").split(";"))}:
            pairs.add((measure, area))
    ids = list(rows["tiltak_id"])
    for start in range(0, len(ids), 500):
        conn.execute(
            db.tiltak_omrade.delete().where(
                db.tiltak_omrade.c.tiltak_id.in_(ids[start : start + 500])
            )
        )
    upsert_rows(
        conn, "tiltak_omrade", ["tiltak_id", "omrade"], ["tiltak_id", "omrade"], sorted(pairs)
    )


def table_counts(engine: Engine) -> dict[str, int]:
    """Rows per table, for `status` and tests."""
    with engine.connect() as conn:
        return {
            name: conn.execute(text(f"SELECT COUNT(*) FROM {name}")).scalar_one()
            for name in db.metadata.tables
        }

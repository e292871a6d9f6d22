"""Corrections with an audit trail: changed values and replaced slices go to `endring`.

- Every load into a table that already has rows compares each incoming row with the stored row of
  the same natural key; each value that differs is written to `endring` (old, new, batch).
- `--erstatt` (replace): the file covers whole slices (e.g. one Statsforvalter's allocations for one
  year, see `REPLACE_SLICES`); stored rows of those slices that the file does not contain are
  deleted, and each deleted row is written to `endring` with all its values.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import pandas as pd
from sqlalchemy import Connection, Table, insert, select, tuple_

from etl.formats import FileFormat
from etl.keys import SeenKeys
from loftet import db

REPLACE_SLICES: dict[str, tuple[str, ...]] = {
    "bevilgning": ("aar",),
    "tildelinger": ("aar", "statsforvalter"),
    "deltakelse": ("aar", "tiltak_id"),
    "kvalitetsindikatorer": ("aar", "indikator"),
    "landsnivaa": ("aar",),
    "behov": ("aar", "statsforvalter"),
}
"""Per format: the columns whose values in a file define the slices it replaces."""
LOOKUP_ROWS = 400


def replaceable(fmt: FileFormat) -> bool:
    """Formats no other table refers to can be replaced slice by slice."""
    return fmt.name in REPLACE_SLICES


def slice_of(fmt: FileFormat, rows: pd.DataFrame) -> set[tuple]:
    """The distinct slices the accepted rows belong to."""
    columns = list(REPLACE_SLICES[fmt.name])
    return set(rows[columns].astype(object).itertuples(index=False, name=None))


def _table(fmt: FileFormat) -> Table:
    return db.metadata.tables[fmt.table]


def _text(value: object) -> str | None:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def record_changes(
    conn: Connection, fmt: FileFormat, columns: Sequence[str], records: list[tuple], batch_id: int
) -> int:
    """Write one `endring` row per stored value the incoming `records` change; count rows."""
    table = _table(fmt)
    key_at = [columns.index(k) for k in fmt.key]
    values = [c for c in columns if c not in fmt.key]
    changes, changed_rows = [], 0
    for start in range(0, len(records), LOOKUP_ROWS):
        batch = records[start : start + LOOKUP_ROWS]
        wanted = [tuple(r[i] for i in key_at) for r in batch]
        stored = {
            tuple(row[: len(key_at)]): row[len(key_at) :]
            for row in conn.execute(
                select(*[table.c[k] for k in fmt.key], *[table.c[v] for v in values]).where(
                    tuple_(*[table.c[k] for k in fmt.key]).in_(wanted)
                )
            )
        }
        for record, key in zip(batch, wanted, strict=True):
            old = stored.get(key)
            if old is None:
                continue
            new = [record[columns.index(v)] for v in values]
            diff = [
                (v, o, n) for v, o, n in zip(values, old, new, strict=True) if _text(o) != _text(n)
            ]
            changed_rows += bool(diff)
            changes += [_change(fmt, key, v, o, n, "endret", batch_id) for v, o, n in diff]
    if changes:
        conn.execute(insert(db.endring), changes)
    return changed_rows


def _change(
    fmt: FileFormat, key: tuple, column: str, old: object, new: object, action: str, batch_id: int
) -> dict[str, object]:
    return {
        "batch_id": batch_id,
        "tabell": fmt.table,
        "nokkel": json.dumps(dict(zip(fmt.key, key, strict=True)), ensure_ascii=False, default=str),
        "kolonne": column,
        "gammel_verdi": _text(old),
        "ny_verdi": _text(new),
        "handling": action,
    }


def replace_slices(
    conn: Connection, fmt: FileFormat, slices: set[tuple], seen: SeenKeys, batch_id: int
) -> int:
    """Delete stored rows of `slices` whose key the file did not contain; return how many."""
    table = _table(fmt)
    slice_columns = [table.c[c] for c in REPLACE_SLICES[fmt.name]]
    names = [c.name for c in table.c if c.name != "id"]
    removed = 0
    for part in slices:
        stored = pd.DataFrame(
            conn.execute(
                select(*[table.c[n] for n in names]).where(tuple_(*slice_columns) == part)
            ).all(),
            columns=names,
        )
        if stored.empty:
            continue
        gone = stored[~seen.contains(stored[list(fmt.key)])]
        for row in gone.itertuples(index=False):
            values = row._asdict()
            key = tuple(values[k] for k in fmt.key)
            conn.execute(table.delete().where(tuple_(*[table.c[k] for k in fmt.key]) == key))
            conn.execute(
                insert(db.endring),
                [
                    _change(
                        fmt,
                        key,
                        "(hele raden)",
                        json.dumps(values, ensure_ascii=False, default=str),
                        None,
                        "slettet",
                        batch_id,
                    )
                ],
            )
        removed += len(gone)
    return removed

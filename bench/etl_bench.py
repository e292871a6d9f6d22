"""ETL benchmark: load the national demo dataset and compare with the floor.

For each input file: the ETL's time (read + validate + upsert + provenance, one transaction) and
the floor, raw `sqlite3.executemany` of the same rows into the same table in one transaction.
Prints rows per second for both and their ratio; the target is ETL ≤ 3 × floor.

    .venv/bin/python bench/etl_bench.py
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from etl.codes import load_context  # noqa: E402
from etl.demo import generate_demo_files  # noqa: E402
from etl.load import database_rows, load_file  # noqa: E402
from etl.order import in_load_order  # noqa: E402
from etl.read import detect_format, read_raw  # noqa: E402
from etl.reference import load_reference  # noqa: E402
from etl.validate import validate  # noqa: E402
from loftet import db  # noqa: E402

TARGET_RATIO = 3.0


def floor_seconds(path: Path, rows: list[tuple], table: str, columns: list[str]) -> float:
    """Raw sqlite3: one transaction, one executemany, same schema and indexes."""
    engine = db.make_engine(f"sqlite:///{path}")
    db.create_schema(engine)
    engine.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    start = time.perf_counter()
    with conn:
        conn.executemany(sql, rows)
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="loftet-bench-"))
    files = in_load_order(generate_demo_files(work / "input"))
    engine = db.make_engine(f"sqlite:///{work / 'etl.sqlite'}")
    load_reference(engine)
    print(f"{'fil':<26}{'rader':>9}{'ETL rader/s':>14}{'gulv rader/s':>15}{'forhold':>9}")
    total_etl = total_floor = 0.0
    for number, path in enumerate(files):
        raw = read_raw(path)
        fmt = detect_format(list(raw.columns), path)
        with engine.connect() as conn:
            result = validate(raw, fmt, load_context(conn))
        columns = [c for c in result.rows.columns if c in db.metadata.tables[fmt.table].c]
        rows = database_rows(result.rows, columns)
        start = time.perf_counter()
        report = load_file(engine, path, strict=True)
        etl = time.perf_counter() - start
        floor = floor_seconds(work / f"floor{number}.sqlite", rows, fmt.table, columns)
        total_etl, total_floor = total_etl + etl, total_floor + floor
        assert report.status == "lastet", report
        print(
            f"{path.name:<26}{len(rows):>9}{len(rows) / etl:>14,.0f}{len(rows) / floor:>15,.0f}"
            f"{etl / floor:>9.2f}".replace(",", " ")
        )
    ratio = total_etl / total_floor
    print(
        f"Totalt: ETL {total_etl:.2f} s, gulv {total_floor:.2f} s, forhold {ratio:.2f} "
        f"(mål ≤ {TARGET_RATIO:g}) – {'OK' if ratio <= TARGET_RATIO else 'OVER MÅLET'}"
    )


if __name__ == "__main__":
    main()

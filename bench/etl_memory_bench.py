"""ETL memory benchmark: peak memory while loading large participation files, and wide files.

For each size it writes a `deltakelse` CSV of that many rows into a temporary folder (never into
the repository), loads it into a fresh SQLite database holding the units and measures it refers
to, in a child process, and prints the file size, the load time and the child's peak resident
memory (`ru_maxrss`). Flat memory means the peak hardly grows with the number of rows. A file
with 100 000 columns shows how early an absurd shape is refused.

    nice -n 10 .venv/bin/python bench/etl_memory_bench.py                  # 0.5, 2 and 5 million
    .venv/bin/python bench/etl_memory_bench.py --rows 200000               # a quick run
"""

from __future__ import annotations

import argparse
import csv
import itertools
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

UNITS, MEASURES = 2_000, 400
PROFESSIONS = (
    "LAERER",
    "BHGLAERER",
    "ASSISTENT",
    "SPESPED",
    "PPT",
    "LEDER",
    "HELSE",
    "BARNEVERN",
    "BUP",
    "RADGIVER",
)
CHILD = """
import resource, sys
from pathlib import Path
from etl.load import load_file
from loftet.db import make_engine
report = load_file(make_engine(sys.argv[1]), Path(sys.argv[2]), strict=True)
assert report.status == "lastet", (report.status, report.message, report.rejected[:3])
print(report.accepted, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def unit_id(number: int) -> str:
    return f"{900_000_000 + number}"


def measure_id(number: int) -> str:
    return f"VL-2021-{number:03d}"


def prepare_database(folder: Path) -> str:
    """A database with reference data and the units and measures the big file refers to."""
    from etl.formats import ENHETER, TILTAK
    from etl.load import load_file
    from etl.reference import load_reference
    from loftet.db import make_engine

    url = f"sqlite:///{folder / 'bench.sqlite'}"
    engine = make_engine(url)
    load_reference(engine)
    units = folder / "enheter.csv"
    write_rows(
        units,
        ENHETER.headers,
        (
            [unit_id(i), f"Enhet {i}", "grunnskole", "kommunal", "4601", "100", "20"]
            for i in range(UNITS)
        ),
    )
    measures = folder / "tiltak.csv"
    write_rows(
        measures,
        TILTAK.headers,
        (
            [
                measure_id(i),
                f"Tiltak {i}",
                "2021",
                "VL",
                "4601",
                "kommunal",
                "Bergen kommune",
                "HVL",
                "INKL",
                "INKL",
                "LAERER",
            ]
            for i in range(MEASURES)
        ),
    )
    for path in (units, measures):
        assert load_file(engine, path, strict=True).status == "lastet"
    engine.dispose()
    return url


def write_rows(path: Path, header: list[str], rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)


def participation_rows(count: int):
    """`count` distinct rows: year × unit × measure × profession, in a fixed order."""
    combos = itertools.product(range(2021, 2027), range(UNITS), range(MEASURES), PROFESSIONS)
    for year, unit, measure, profession in itertools.islice(combos, count):
        yield [year, unit_id(unit), measure_id(measure), profession, 1 + (unit + measure) % 9]


def measure_child(url: str, path: Path) -> tuple[float, float]:
    """(seconds, peak MiB) of loading `path` in a child process that measures itself."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, url, str(path)], cwd=ROOT, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"lastingen feilet: {done.stderr[-2000:]}")
    accepted, peak_kib = done.stdout.split()[-2:]
    assert int(accepted) > 0
    return seconds, int(peak_kib) / 1024


def wide_file(folder: Path, url: str) -> None:
    path = folder / "bred.csv"
    write_rows(path, [f"k{i}" for i in range(100_000)], [["1"] * 100_000 for _ in range(5)])
    code = (
        "import sys; from pathlib import Path; from etl.load import load_file; "
        "from loftet.db import make_engine; "
        "print(load_file(make_engine(sys.argv[1]), Path(sys.argv[2])).message)"
    )
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, url, str(path)], cwd=ROOT, capture_output=True, text=True
    )
    print(
        f"100 000 kolonner ({path.stat().st_size / 1e6:.1f} MB): "
        f"{time.perf_counter() - start:.1f} s – {done.stdout.strip() or done.stderr[-200:]}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[500_000, 2_000_000, 5_000_000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="loftet-membench-") as tmp:
        folder = Path(tmp)
        print(f"{'rader':>10}{'MB':>8}{'sekunder':>10}{'rader/s':>10}{'topp MiB':>10}")
        from etl.formats import DELTAKELSE

        for rows in args.rows:
            (folder / str(rows)).mkdir()
            url = prepare_database(folder / str(rows))
            path = folder / str(rows) / "deltakelse.csv"
            write_rows(path, DELTAKELSE.headers, participation_rows(rows))
            seconds, peak = measure_child(url, path)
            print(
                f"{rows:>10,}{path.stat().st_size / 1e6:>8.0f}{seconds:>10.1f}"
                f"{rows / seconds:>10,.0f}{peak:>10.0f}".replace(",", " "),
                flush=True,
            )
            path.unlink()
        wide_file(folder, url)


if __name__ == "__main__":
    main()

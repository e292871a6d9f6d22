"""Scale benchmark: the national demo data at ×1, ×4 and ×16 participation rows, side by side.

For each factor k the demo's input files are written to a temporary folder with every measure
(`tiltak.xlsx`) copied k times under new ids and every participation row (`deltakelse.csv`)
repeated once per copy, so each unit takes part in k times as many measures; units, grants and
indicators stay as they are. Each set is loaded into a fresh SQLite database with the real ETL
(`python -m etl load`), then the app is started and every chart callback timed.

Per factor, each step in its own process: load time and the load's peak memory (max RSS),
start-up time (importing the app and filling the shared summaries), and per callback the p95
of a new filter combination ("ny" in `bench/app_bench.py`: summaries warm, queries cold) over
the 12 filter variants, each variant timed `REPEATS` times and counted with its median, as
wall-clock and as the process's CPU time; the app is started `ROUNDS` times per factor, the
factors taking turns, and each figure is the lowest of its rounds (on a shared machine the CPU
time is the steadier comparison). Prints the tables with the ratios to ×1; asserts nothing.
Nothing is written to the worktree.

    nice -n 10 .venv/bin/python bench/scale_bench.py            # ×1, ×4, ×16
    nice -n 10 .venv/bin/python bench/scale_bench.py 1 4        # chosen factors
    SCALE_BENCH_REPEATS=5 nice -n 10 .venv/bin/python bench/scale_bench.py 1 16  # more runs
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FACTORS = (1, 4, 16)
REPEATS = int(os.environ.get("SCALE_BENCH_REPEATS", "3"))
"""Timed calls per callback and filter variant, in rounds over the variants; each variant counts
with its median, so one call slowed by the shared machine does not become the p95."""
ROUNDS = int(os.environ.get("SCALE_BENCH_ROUNDS", "2"))
"""App children per factor, the factors taking turns, each with a fresh cache folder (a fresh
deployment); each timing counts with its lowest value over the rounds, so a slower minute of
the shared machine does not land on one factor only."""


# --- Generating the data --------------------------------------------------------------------


def multiply(source: Path, target: Path, factor: int) -> int:
    """Copy the demo files in `source` to `target` with measures and participations ×`factor`;
    return the number of participation rows written."""
    import pandas as pd

    target.mkdir(parents=True)
    for path in source.iterdir():
        shutil.copy(path, target / path.name)
    if factor == 1:
        return sum(1 for _ in (source / "deltakelse.csv").open(encoding="utf-8")) - 1
    measures = pd.read_excel(source / "tiltak.xlsx", dtype=str, engine="calamine")
    copies = [measures] + [
        measures.assign(tiltak_id=measures.tiltak_id + f"-{i}") for i in range(1, factor)
    ]
    pd.concat(copies).to_excel(target / "tiltak.xlsx", index=False, sheet_name="tiltak")
    rows = pd.read_csv(source / "deltakelse.csv", sep=";", dtype=str, keep_default_na=False)
    with (target / "deltakelse.csv").open("w", encoding="utf-8", newline="") as handle:
        rows.to_csv(handle, sep=";", index=False)
        for i in range(1, factor):
            rows.assign(tiltak_id=rows.tiltak_id + f"-{i}").to_csv(
                handle, sep=";", index=False, header=False
            )
    return len(rows) * factor


# --- Child processes ------------------------------------------------------------------------


def child_load(folder: str) -> dict:
    """Load every file in `folder` into DATABASE_URL; seconds (and of those, the summary
    tables' refresh) and peak RSS (MB)."""
    import etl.load
    from etl.cli import main

    refresh, spent = getattr(etl.load, "refresh_summaries", None), [0.0]
    if refresh is not None:

        def timed_refresh(*args: object, **kwargs: object) -> None:
            begin = time.perf_counter()
            refresh(*args, **kwargs)
            spent[0] += time.perf_counter() - begin

        etl.load.refresh_summaries = timed_refresh
    start = time.perf_counter()
    code = main(["load", "--strict", folder])
    seconds = time.perf_counter() - start
    if code != 0:
        raise SystemExit(f"lasting feilet med kode {code}")
    return {
        "load_s": seconds,
        "refresh_s": spent[0],
        "load_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def child_app() -> dict:
    """Start the app on DATABASE_URL (the shared summaries filled), then time every callback."""
    import threading

    start, start_cpu = time.perf_counter(), time.process_time()
    import app  # noqa: F401 — creating the app starts the summaries' warm-up thread

    for thread in threading.enumerate():
        if thread.name == "warm-cache":
            thread.join()
    startup = time.perf_counter() - start, time.process_time() - start_cpu
    sys.path.insert(0, str(ROOT / "bench"))
    import app_bench

    from loftet.charts import all_charts

    calls = [(c.page, c.id, app_bench.chart_call(c.id, c.page)) for c in all_charts()]
    wall, cpu = {}, {}
    for page, name, call in calls:
        times = timed_new(call, app_bench.VARIANTS)
        wall[f"{page}/{name}"] = app_bench.p50_p95(times[0])[1]
        cpu[f"{page}/{name}"] = app_bench.p50_p95(times[1])[1]
    return {"startup_s": startup[0], "startup_cpu_s": startup[1], "p95_ms": wall, "p95_cpu_ms": cpu}


def timed_new(call, variants: list) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of `call` per filter variant (the median of `REPEATS` calls,
    made in rounds over the variants), query caches cleared before each call (a new filter
    combination; the shared summaries stay warm)."""
    from loftet.queries.base import clear_cache

    wall: list[list[float]] = [[] for _ in variants]
    cpu: list[list[float]] = [[] for _ in variants]
    for _ in range(REPEATS):
        for i, variant in enumerate(variants):
            clear_cache()
            start, start_cpu = time.perf_counter(), time.process_time()
            call(variant)
            wall[i].append(1000 * (time.perf_counter() - start))
            cpu[i].append(1000 * (time.process_time() - start_cpu))
    return [statistics.median(t) for t in wall], [statistics.median(t) for t in cpu]


def run_child(mode: str, url: str, cache: Path, *args: str) -> dict:
    """Run this script in a child process in `mode` with its own shared-cache folder `cache`
    (each factor starts as a fresh deployment: entries left by another factor would count
    towards the cache's size limit and make it prune); its last stdout line is JSON."""
    done = subprocess.run(
        [sys.executable, __file__, f"--{mode}", *args],
        cwd=ROOT,
        env=os.environ | {"DATABASE_URL": url, "LOFTET_CACHE_DIR": str(cache)},
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- Printing -------------------------------------------------------------------------------


def print_tables(results: dict[int, dict]) -> None:
    """Three tables: load, start-up and callbacks, each with the ratio to the first factor."""
    factors = list(results)
    base = factors[0]
    head = "".join(f"{'×' + str(k):>10}" for k in factors)
    ratios = "".join(f"{'×' + str(k) + '/×' + str(base):>10}" for k in factors[1:])

    def line(name: str, values: list[float], width: int = 40, digits: int = 1) -> str:
        cells = "".join(f"{v:>10.{digits}f}" for v in values)
        rel = "".join(f"{v / values[0]:>10.2f}" if values[0] else f"{'–':>10}" for v in values[1:])
        return f"{name:<{width}}{cells}{rel}"

    print(f"\n{'Lasting og oppstart':<40}{head}{ratios}")
    print(line("deltakelsesrader", [results[k]["rows"] for k in factors], digits=0))
    print(line("lastetid (s)", [results[k]["load_s"] for k in factors]))
    print(
        line(
            "  av dette oppsummeringstabeller (s)",
            [results[k].get("refresh_s", 0.0) for k in factors],
        )
    )
    print(line("topp minne ved lasting (MB)", [results[k]["load_mb"] for k in factors], digits=0))
    print(
        line(
            "oppstart til oppsummeringer klare (s)",
            [results[k]["startup_s"] for k in factors],
            digits=2,
        )
    )
    print(line("  av dette CPU-tid (s)", [results[k]["startup_cpu_s"] for k in factors], digits=2))
    for key, title in (
        ("p95_ms", "p95 ny filterkombinasjon, veggur (ms)"),
        ("p95_cpu_ms", "p95 ny filterkombinasjon, CPU-tid (ms)"),
    ):
        print(f"\n{title:<40}{head}{ratios}")
        for name in results[base][key]:
            print(line(name, [results[k][key][name] for k in factors]))


def main(factors: list[int]) -> None:
    from etl.demo import generate_demo_files

    work = Path(tempfile.mkdtemp(prefix="loftet-scale-"))
    try:
        generate_demo_files(work / "demo")
        results = {}
        for factor in factors:
            folder = work / f"x{factor}"
            rows = multiply(work / "demo", folder / "input", factor)
            url = f"sqlite:///{folder / 'db.sqlite'}"
            results[factor] = {
                "rows": rows,
                **run_child("load", url, folder / "cache", str(folder / "input")),
            }
        for round_ in range(ROUNDS):
            for factor in factors:
                folder = work / f"x{factor}"
                app = run_child(
                    "app", f"sqlite:///{folder / 'db.sqlite'}", folder / f"cache-{round_}"
                )
                results[factor] = lowest(results[factor], app)
                print(f"×{factor}: {json.dumps(results[factor], ensure_ascii=False)}", flush=True)
        print_tables(results)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def lowest(result: dict, app: dict) -> dict:
    """`result` with the app child's timings merged in, keeping the lower value of each."""
    merged = dict(result)
    for key, value in app.items():
        if isinstance(value, dict):
            old = merged.get(key, {})
            merged[key] = {name: min(v, old.get(name, v)) for name, v in value.items()}
        else:
            merged[key] = min(value, merged.get(key, value))
    return merged


if __name__ == "__main__":
    if sys.argv[1:2] == ["--load"]:
        print(json.dumps(child_load(sys.argv[2])))
    elif sys.argv[1:2] == ["--app"]:
        print(json.dumps(child_app()))
    else:
        main([int(a) for a in sys.argv[1:]] or list(FACTORS))

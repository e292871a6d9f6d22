"""Shared fixtures: a temporary database with reference data, and input-file writers."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine

from etl.formats import FileFormat
from etl.reference import load_reference
from loftet.db import make_engine
from tests.databases import new_database_url


def pytest_configure(config: pytest.Config) -> None:
    """Every test run gets its own shared cache and job store (the app and the servers the
    end-to-end tests start inherit it), so runs never see each other's entries; under
    pytest-xdist each worker gets a folder of its own inside it (tests clear caches and count
    slots, which must not reach into another worker's tests)."""
    if not os.environ.get("LOFTET_CACHE_DIR"):
        os.environ["LOFTET_CACHE_DIR"] = tempfile.mkdtemp(prefix="loftet-test-cache-")
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker and not os.environ.get("LOFTET_CACHE_WORKER"):
        os.environ["LOFTET_CACHE_WORKER"] = worker
        os.environ["LOFTET_CACHE_DIR"] = str(Path(os.environ["LOFTET_CACHE_DIR"]) / worker)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    """An empty database (SQLite, or PostgreSQL: `tests/databases.py`) with the schema and
    reference tables."""
    engine = make_engine(new_database_url(tmp_path, "test"))
    load_reference(engine)
    yield engine
    engine.dispose()


def write_input(
    path: Path, fmt: FileFormat, rows: Sequence[Mapping[str, object]], sep: str = ";"
) -> Path:
    """Write `rows` (keyed by header) as an input file of `fmt`: CSV or XLSX by suffix."""
    frame = pd.DataFrame(rows, columns=fmt.headers).astype(object)
    frame = frame.where(frame.notna(), "")
    if path.suffix == ".xlsx":
        frame.to_excel(path, index=False)
    else:
        frame.to_csv(path, sep=sep, index=False, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def small_db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """URL of a database holding `tests/small_data.py`, loaded through the real ETL."""
    from tests.small_data import write_small_inputs

    folder = tmp_path_factory.mktemp("small")
    return load_database(new_database_url(folder, "small"), write_small_inputs(folder / "input"))


def load_database(url: str, files: list[Path]) -> str:
    """Load reference data and `files` through the real ETL (strict) into `url`; returns it."""
    from etl.load import load_file
    from etl.order import in_load_order

    engine = make_engine(url)
    load_reference(engine)
    for path in in_load_order(files):
        report = load_file(engine, path, strict=True)
        assert report.status == "lastet", (report.message, report.rejected[:3])
    engine.dispose()
    return url


@pytest.fixture
def small_db(small_db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Point the app's queries (DATABASE_URL) at the small database for one test."""
    monkeypatch.setenv("DATABASE_URL", small_db_url)
    return small_db_url


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> tuple[str, Path]:
    """The national demo dataset, built once per test run by the real command
    (`python -m etl demo`, default seed): the database URL and the folder of input files.
    pytest-xdist workers share one build: the first to take the lock builds, the others wait
    and read its URL."""
    import subprocess
    import sys

    from filelock import FileLock

    run_folder = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        run_folder = run_folder.parent  # the folder all workers of this run share
    folder = run_folder / "demo"
    built = folder / "database-url.txt"
    with FileLock(str(run_folder / "demo.lock")):
        if not built.exists():
            folder.mkdir(exist_ok=True)
            url = new_database_url(folder, "demo")
            subprocess.run(
                [sys.executable, "-m", "etl", "demo", "--out", str(folder / "input")],
                cwd=Path(__file__).resolve().parent.parent,
                env=os.environ | {"DATABASE_URL": url},
                check=True,
                capture_output=True,
            )
            built.write_text(url)
    return built.read_text(), folder / "input"


@pytest.fixture(scope="session")
def demo_db_url(demo_build: tuple[str, Path]) -> str:
    """URL of the national demo database (built once per run, shared: do not write to it)."""
    return demo_build[0]


@pytest.fixture(scope="session")
def demo_files(demo_build: tuple[str, Path]) -> Path:
    """The folder of input files the demo database was loaded from (default seed)."""
    return demo_build[1]


DATABASE_FIXTURES = {"engine", "small_db_url", "demo_build"}
"""Fixtures that put a database behind a test: never used under tests/unit."""

LAYERS = ("unit", "integration", "e2e")
"""The test layers, one folder each: `unit` (no database, no server, no browser),
`integration` (a database or the app's callbacks), `e2e` (the app in headless Chromium)."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test with its layer, which is the folder it sits in (`pytest -m unit` or
    `pytest tests/unit` runs the fast layer alone). A test outside the three folders, or a unit
    test that asks for a database, is a collection error rather than a silent mislabel."""
    for item in items:
        parts = Path(str(item.fspath)).parts
        layer = next((name for name in LAYERS if name in parts), None)
        if layer is None:
            raise pytest.UsageError(
                f"{item.nodeid}: tests live in tests/unit, tests/integration or tests/e2e"
            )
        uses = DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        if layer == "unit" and uses:
            raise pytest.UsageError(
                f"{item.nodeid}: a unit test uses {sorted(uses)}; move it to tests/integration"
            )
        item.add_marker(getattr(pytest.mark, layer))

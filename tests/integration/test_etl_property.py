"""Property: however a valid file is damaged, no stored number differs from the source.

Hypothesis writes valid `bevilgning` rows, renders each amount in a way people or spreadsheets do
(some harmless, some ambiguous), and damages the file (encoding, title lines, separators, header
spelling, blank rows, line breaks inside quoted text). Every row must then be either refused or
stored with exactly its source amount; harmless renderings must always be stored.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, text

from etl.load import load_file
from etl.reference import load_reference
from loftet.db import make_engine

SPACES = (" ", "\u00a0", "\u202f")


def grouped(amount: int, separator: str) -> str:
    return f"{amount:,}".replace(",", separator)


HARMLESS = {
    "plain": lambda a: str(a),
    "spaces": lambda a: grouped(a, " "),
    "nbsp": lambda a: grouped(a, "\u00a0"),
    "narrow nbsp": lambda a: grouped(a, "\u202f"),
    "kr after": lambda a: grouped(a, " ") + " kr",
    "kr before": lambda a: "kr " + str(a),
    ",00": lambda a: grouped(a, " ") + ",00",
    ",-": lambda a: grouped(a, " ") + ",-",
    ".00": lambda a: f"{a}.00",
}
AMBIGUOUS = {
    "dot groups": lambda a: grouped(a, "."),
    "comma groups": lambda a: grouped(a, ","),
    "trailing .000": lambda a: f"{a}.000",
    "mixed": lambda a: grouped(a, ".") + ",00",
    "fullwidth": lambda a: str(a).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"}),
    "superscript": lambda a: f"{a}²",
    "half kroner": lambda a: f"{a},50",
}
RENDERINGS = {**HARMLESS, **AMBIGUOUS}
HEADERS = [
    ("år", "beløp_kr", "kilde", "merknad"),
    ("År", "Beløp (kr)", "Kjelde", "Merknad"),
    (unicodedata.normalize("NFD", "ÅR"), "BELØP_KR", " kilde ", "merknad"),
    ("aar", "belop_kr", "kilde", "merknad"),
]

rows_strategy = st.lists(
    st.tuples(
        st.integers(0, 10_000_000_000),
        st.sampled_from(sorted(RENDERINGS)),
        st.text('abcæøåÆØÅ ;,"\n', min_size=1, max_size=12).filter(str.strip),
    ),
    min_size=1,
    max_size=11,
)


@st.composite
def damaged_files(draw: st.DrawFn) -> tuple[bytes, list[tuple[int, int, str]]]:
    """(file bytes, [(year, source amount, rendering)])."""
    rows = draw(rows_strategy)
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    buffer = io.StringIO()
    writer = csv.writer(
        buffer, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\n", "\r\n"]))
    )
    for _ in range(draw(st.integers(0, 3))):
        writer.writerow(["Bevilgning til Kompetanseløftet"])
    trailing = [""] if draw(st.booleans()) else []
    writer.writerow([*draw(st.sampled_from(HEADERS)), *trailing])
    source = []
    for offset, (amount, rendering, note) in enumerate(rows):
        year = 2020 + offset
        writer.writerow([year, RENDERINGS[rendering](amount), "Prop. 1 S", note.strip(), *trailing])
        source.append((year, amount, rendering))
        if draw(st.booleans()):
            writer.writerow([""] * (4 + len(trailing)))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    content = (
        unicodedata.normalize("NFC", buffer.getvalue())
        if encoding == "cp1252"
        else (buffer.getvalue())
    )
    try:
        return content.encode(encoding), source
    except UnicodeEncodeError:  # Excel saves such a sheet as UTF-8
        return buffer.getvalue().encode("utf-8"), source


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('prop') / 'p.sqlite'}")
    load_reference(engine)
    yield engine
    engine.dispose()


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(damaged_files())
def test_no_stored_number_differs_from_the_source(
    engine: Engine, tmp_path: Path, generated: tuple[bytes, list]
) -> None:
    content, source = generated
    with engine.begin() as conn:
        for table in ("avvist_rad", "endring", "bevilgning", "lastebatch"):
            conn.execute(text(f"DELETE FROM {table}"))
    path = tmp_path / "bevilgning.csv"
    path.write_bytes(content)
    load_file(engine, path)
    with engine.connect() as conn:
        stored: dict[int, int] = dict(
            conn.execute(text("SELECT aar, belop_kr FROM bevilgning")).all()
        )
    for year, amount, rendering in source:
        if year in stored:
            assert stored[year] == amount, (rendering, content)
        else:
            assert rendering in AMBIGUOUS, (rendering, content)

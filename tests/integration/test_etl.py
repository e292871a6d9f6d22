"""ETL: validation, transactions, provenance, idempotency and the command line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from etl.cli import main
from etl.formats import BEVILGNING, DELTAKELSE, ENHETER, KVALITETSINDIKATORER, TILDELINGER, TILTAK
from etl.load import load_file, table_counts
from tests.conftest import write_input

UNIT = {
    "organisasjonsnummer": "987654321",
    "navn": "Solsikken barnehage",
    "enhetstype": "barnehage",
    "eiertype": "privat",
    "kommunenummer": "4601",
    "antall_barn_elever": "54",
    "antall_ansatte": "12",
}
MEASURE = {
    "tiltak_id": "VL-2021-001",
    "navn": "Inkluderende praksis i Bergen",
    "år": "2021",
    "statsforvalter": "VL",
    "kommunenummer": "4601",
    "eiertype": "kommunal",
    "eier": "Bergen kommune",
    "uh_partner": "Høgskulen på Vestlandet",
    "hovedområde": "INKL",
    "kompetanseområder": "INKL; SPRK",
    "målgrupper": "LAERER;PPT",
}


def allocation(**overrides: str) -> dict[str, str]:
    row = {
        "år": "2021",
        "statsforvalter": "VL",
        "kommunenummer": "4601",
        "mottaker": "Bergen kommune",
        "mottakertype": "kommune",
        "mottaker_id": "4601",
        "tiltak_id": "VL-2021-001",
        "innvilget_kr": "1 250 000",
        "brukt_kr": "1200000",
    }
    return row | overrides


def snapshot(engine: Engine) -> dict[str, Sequence[Any]]:
    """Every row of every data and provenance table, to prove nothing changed."""
    tables = [
        "tildeling",
        "tiltak",
        "tiltak_omrade",
        "enhet",
        "deltakelse",
        "lastebatch",
        "avvist_rad",
        "kvalitetsindikator",
        "bevilgning",
    ]
    with engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all() for t in tables}


@pytest.fixture
def base(engine: Engine, tmp_path: Path) -> Engine:
    """A database holding one unit and one measure."""
    for fmt, row, name in ((ENHETER, UNIT, "enheter.csv"), (TILTAK, MEASURE, "tiltak.xlsx")):
        report = load_file(engine, write_input(tmp_path / name, fmt, [row]))
        assert report.status == "lastet", report
    return engine


def test_valid_file_is_loaded_with_provenance(base: Engine, tmp_path: Path) -> None:
    path = write_input(tmp_path / "tildelinger.csv", TILDELINGER, [allocation()])
    report = load_file(base, path)
    assert (report.status, report.accepted, report.rejected) == ("lastet", 1, [])
    with base.connect() as conn:
        amount = conn.execute(text("SELECT innvilget_kr, brukt_kr FROM tildeling")).one()
        batch = conn.execute(
            text(
                "SELECT fil, filtype, rader_godtatt, rader_avvist, length(sha256) "
                "FROM lastebatch WHERE filtype = 'tildelinger'"
            )
        ).one()
    assert tuple(amount) == (1_250_000, 1_200_000)
    assert tuple(batch) == (str(path), "tildelinger", 1, 0, 64)


def test_measure_areas_include_main_area(base: Engine) -> None:
    with base.connect() as conn:
        areas = conn.execute(text("SELECT omrade FROM tiltak_omrade ORDER BY omrade")).scalars()
        assert list(areas) == ["INKL", "SPRK"]


def test_bad_rows_are_reported_with_line_and_reason(base: Engine, tmp_path: Path) -> None:
    rows = [
        allocation(),
        allocation(mottaker="Askøy kommune", innvilget_kr="mye"),
        allocation(mottaker="Fjell", tiltak_id="XX-9"),
        allocation(),
    ]
    report = load_file(base, write_input(tmp_path / "tildelinger.csv", TILDELINGER, rows))
    assert report.status == "delvis" and report.accepted == 1
    reasons = dict(report.rejected)
    assert set(reasons) == {3, 4, 5}
    assert "«innvilget_kr» er ikke et heltall: «mye»" in reasons[3]
    assert "«tiltak_id» har ukjent kode: «XX-9»" in reasons[4]
    assert "duplikat av linje 2" in reasons[5]
    with base.connect() as conn:
        stored = conn.execute(text("SELECT radnummer, arsak FROM avvist_rad ORDER BY 1")).all()
    assert [line for line, _ in stored] == [3, 4, 5]


def test_strict_rejects_whole_file_and_changes_nothing(base: Engine, tmp_path: Path) -> None:
    before = snapshot(base)
    rows = [
        allocation(),
        allocation(
            mottaker="Askøy kommune", kommunenummer="4627", mottaker_id="4627", innvilget_kr="-5"
        ),
    ]
    report = load_file(base, write_input(tmp_path / "t.csv", TILDELINGER, rows), strict=True)
    assert report.status == "avvist"
    assert report.rejected == [(3, "«innvilget_kr» er mindre enn 0")]
    assert snapshot(base) == before


def test_missing_column_rejects_file_and_changes_nothing(base: Engine, tmp_path: Path) -> None:
    before = snapshot(base)
    path = tmp_path / "tildelinger.csv"
    path.write_text("år;statsforvalter;kommunenummer\n2021;VL;4601\n", encoding="utf-8")
    report = load_file(base, path)
    assert report.status == "avvist" and "«mottaker»" in report.message
    assert snapshot(base) == before


def test_unknown_encoding_is_rejected(base: Engine, tmp_path: Path) -> None:
    path = tmp_path / "bevilgning.csv"
    path.write_bytes("år;beløp_kr;kilde\n2021;50000000;Statsbudsjettet\x81\n".encode("latin-1"))
    report = load_file(base, path)
    assert report.status == "avvist" and "UTF-8" in report.message


def test_same_file_twice_changes_nothing(base: Engine, tmp_path: Path) -> None:
    path = write_input(tmp_path / "tildelinger.csv", TILDELINGER, [allocation()])
    load_file(base, path)
    before = snapshot(base)
    assert load_file(base, path).status == "uendret"
    assert snapshot(base) == before


def test_same_rows_in_new_file_update_instead_of_duplicating(base: Engine, tmp_path: Path) -> None:
    load_file(base, write_input(tmp_path / "a.csv", TILDELINGER, [allocation()]))
    load_file(
        base, write_input(tmp_path / "b.csv", TILDELINGER, [allocation(innvilget_kr="900000")])
    )
    with base.connect() as conn:
        assert conn.execute(text("SELECT innvilget_kr FROM tildeling")).scalars().all() == [900_000]


def test_2020_numbers_map_to_2024_until_2023(engine: Engine, tmp_path: Path) -> None:
    rows = [
        {
            "år": "2022",
            "kommunenummer": "3024",
            "indikator": "SPESUND",
            "verdi": "7,5",
            "teller": "900",
            "nevner": "12000",
            "kilde": "GSI",
        },
        {
            "år": "2024",
            "kommunenummer": "3024",
            "indikator": "SPESUND",
            "verdi": "7,4",
            "teller": "890",
            "nevner": "12000",
            "kilde": "GSI",
        },
        {
            "år": "2021",
            "kommunenummer": "1507",
            "indikator": "SPESUND",
            "verdi": "",
            "teller": "",
            "nevner": "",
            "kilde": "GSI",
        },
    ]
    report = load_file(engine, write_input(tmp_path / "k.csv", KVALITETSINDIKATORER, rows))
    assert report.rejected == [
        (3, "«kommunenummer» gjaldt bare til og med 2023; bruk 2024-nummeret")
    ]
    with engine.connect() as conn:
        stored = conn.execute(
            text("SELECT aar, kommunenummer, verdi FROM kvalitetsindikator ORDER BY aar")
        ).all()
    assert [tuple(r) for r in stored] == [(2021, "1508", None), (2022, "3201", 7.5)]


def test_statsforvalter_must_match_municipality(base: Engine, tmp_path: Path) -> None:
    report = load_file(
        base, write_input(tmp_path / "t.csv", TILDELINGER, [allocation(statsforvalter="RO")])
    )
    assert "stemmer ikke" in report.rejected[0][1]


def test_participation_needs_known_unit(base: Engine, tmp_path: Path) -> None:
    rows = [
        {
            "år": "2021",
            "organisasjonsnummer": "987654321",
            "tiltak_id": "VL-2021-001",
            "profesjon": "BHGLAERER",
            "antall_deltakere": "4",
        },
        {
            "år": "2021",
            "organisasjonsnummer": "111111111",
            "tiltak_id": "VL-2021-001",
            "profesjon": "BHGLAERER",
            "antall_deltakere": "4",
        },
    ]
    report = load_file(base, write_input(tmp_path / "d.csv", DELTAKELSE, rows, sep=","))
    assert report.accepted == 1 and report.rejected[0][0] == 3


def test_cli_exit_codes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite'}")
    good = write_input(
        tmp_path / "bevilgning.xlsx",
        BEVILGNING,
        [{"år": "2021", "beløp_kr": "50000000", "kilde": "Statsforvalteren"}],
    )
    bad = write_input(
        tmp_path / "bevilgning2.csv", BEVILGNING, [{"år": "1999", "beløp_kr": "1", "kilde": "x"}]
    )
    report = ["--rapport", str(tmp_path / "avvist.csv")]
    assert main(["load", str(good), *report]) == 0
    assert main(["load", "--strict", str(bad), *report]) == 3
    assert main(["load", str(bad), *report]) == 1
    err = capsys.readouterr().err
    assert f"{bad}, linje 2: «år» er mindre enn 2020" in err
    assert main(["load", str(tmp_path / "finnes-ikke.csv")]) == 2
    assert main(["status"]) == 0
    from loftet.db import get_engine

    assert table_counts(get_engine())["bevilgning"] == 1


def test_recipient_is_keyed_by_id_so_a_name_fix_updates(base: Engine, tmp_path: Path) -> None:
    load_file(base, write_input(tmp_path / "a.csv", TILDELINGER, [allocation(mottaker="Bergn")]))
    load_file(base, write_input(tmp_path / "b.csv", TILDELINGER, [allocation()]))
    with base.connect() as conn:
        stored = conn.execute(
            text("SELECT mottaker, mottaker_id, innvilget_kr FROM tildeling")
        ).all()
    assert stored == [("Bergen kommune", "4601", 1_250_000)]


def test_recipient_id_must_match_its_type(base: Engine, tmp_path: Path) -> None:
    rows = [
        allocation(mottaker_id="4627"),
        allocation(mottakertype="fylkeskommune", mottaker_id="4601", mottaker="Vestland"),
        allocation(mottakertype="fylkeskommune", mottaker_id="11", mottaker="Rogaland"),
        allocation(mottakertype="privat", mottaker_id="12345", mottaker="Eier AS"),
        allocation(mottakertype="fylkeskommune", mottaker_id="46", mottaker="Vestland fk"),
        allocation(mottakertype="privat", mottaker_id="987654321", mottaker="Eier AS"),
    ]
    report = load_file(base, write_input(tmp_path / "tildelinger.csv", TILDELINGER, rows))
    reasons = dict(report.rejected)
    assert set(reasons) == {2, 3, 4, 5}
    assert "samme kommune som «kommunenummer»" in reasons[2]
    assert "fylkesnummer (2 sifre)" in reasons[3]
    assert "ikke fylket «kommunenummer» lå i det året" in reasons[4]
    assert "organisasjonsnummer (9 sifre)" in reasons[5]
    assert report.accepted == 2


def test_2020_municipality_number_is_stored_as_recipient_id_2024(
    base: Engine, tmp_path: Path
) -> None:
    row = allocation(
        år="2022",
        statsforvalter="OV",
        kommunenummer="3024",
        mottaker_id="3024",
        mottaker="Bærum kommune",
    )
    report = load_file(base, write_input(tmp_path / "t.csv", TILDELINGER, [row]))
    assert report.accepted == 1, report.rejected
    with base.connect() as conn:
        assert conn.execute(text("SELECT mottaker_id FROM tildeling")).scalar_one() == "3201"

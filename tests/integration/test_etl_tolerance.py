"""What the reader tolerates and what it refuses: one committed fixture file per rule.

The fixtures are in tests/fixtures/innlesing (written by make_fixtures.py there); the expected
values below are read off the fixture files by hand, not from the code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from etl.cli import main
from etl.load import load_file

FIXTURES = Path(__file__).parents[1] / "fixtures" / "innlesing"


def budget(engine: Engine) -> list[tuple]:
    with engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                text("SELECT aar, belop_kr, kilde, merknad FROM bevilgning ORDER BY aar")
            )
        ]


def amounts(engine: Engine) -> dict[int, int]:
    return {year: amount for year, amount, *_ in budget(engine)}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "bevilgning_cp1252.csv",
            [
                (2021, 50_000_000, "Statsforvalteren i Møre og Romsdal", "Ærlig"),
                (2022, 100_000_000, "Prop. 1 S", "Økt"),
            ],
        ),
        ("bevilgning_utf8_bom.csv", [(2021, 50_000_000, "Prop. 1 S", "")]),
        ("bevilgning_utf16_tab.csv", [(2021, 50_000_000, "KD", "Æ")]),
        (
            "bevilgning_tittel.csv",
            [(2021, 50_000_000, "Prop. 1 S", ""), (2022, 100_000_000, "Prop. 1 S", "")],
        ),
        (
            "bevilgning_tittel_flettet.xlsx",
            [(2021, 50_000_000, "Prop. 1 S", ""), (2022, 100_000_000, "Prop. 1 S", "rundt tall")],
        ),
        ("bevilgning_overskrifter.csv", [(2021, 50_000_000, "Prop. 1 S", "")]),
        (
            "bevilgning_skilletegn_til_slutt.csv",
            [(2021, 50_000_000, "Prop. 1 S", ""), (2022, 100_000_000, "Prop. 1 S", "")],
        ),
    ],
)
def test_tolerated_file_loads_every_row(engine: Engine, name: str, expected: list) -> None:
    report = load_file(engine, FIXTURES / name)
    assert (report.status, report.rejected) == ("lastet", [])
    assert budget(engine) == expected


def test_amounts_with_kr_decimals_and_spaces(engine: Engine) -> None:
    report = load_file(engine, FIXTURES / "bevilgning_belop.csv")
    assert report.rejected == []
    assert amounts(engine) == {
        2021: 50_000_000,
        2022: 100_000_000,
        2023: 150_000_000,
        2024: 175_000_000,
        2025: 200_000_000,
        2026: 210_000_000,
    }


def test_ambiguous_amounts_are_refused_row_by_row(engine: Engine) -> None:
    report = load_file(engine, FIXTURES / "bevilgning_tvetydig.csv")
    assert report.status == "delvis" and report.accepted == 1
    reasons = dict(report.rejected)
    assert sorted(reasons) == list(range(2, 10))
    for line in (2, 3, 4, 5):
        assert "kan være tusenskille eller desimaltegn" in reasons[line]
    assert "sifre som ikke er 0–9" in reasons[6] and "sifre som ikke er 0–9" in reasons[7]
    assert "mer enn 15 sifre" in reasons[8]
    assert "desimaler" in reasons[9]
    assert all(column == "beløp_kr" for _line, column, _reason in report.details)
    assert amounts(engine) == {2028: 1_250_000}


def test_line_numbers_count_lines_inside_quoted_fields(engine: Engine) -> None:
    report = load_file(engine, FIXTURES / "bevilgning_linjeskift.csv")
    assert report.rejected == [(4, "«beløp_kr» er ikke et heltall: «mye»")]
    assert budget(engine) == [(2021, 50_000_000, "Prop. 1 S", "første linje\nandre linje")]


def test_line_numbers_count_title_lines(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "bevilgning.csv"
    path.write_text("Bevilgning\n\når;beløp_kr;kilde\n2021;1;a\n2022;x;b\n", encoding="utf-8")
    assert load_file(engine, path).rejected == [(5, "«beløp_kr» er ikke et heltall: «x»")]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("ikke_tabell.csv", "ikke en tabell"),
        ("binaer.csv", "ikke en tekstfil"),
        ("bred.csv", "5 000 kolonner"),
        ("ikke_arbeidsbok.xlsx", "ikke en gyldig XLSX"),
        ("blandet_koding.csv", "blander UTF-8 og Windows-1252"),
    ],
)
def test_file_that_is_not_a_table_is_rejected(engine: Engine, name: str, message: str) -> None:
    report = load_file(engine, FIXTURES / name)
    assert report.status == "avvist" and message in report.message
    assert budget(engine) == []


def test_header_only_file_is_not_a_load(engine: Engine) -> None:
    report = load_file(engine, FIXTURES / "bevilgning_bare_overskrift.csv")
    assert (report.status, report.message.split(" (")[0]) == ("tom", "ingen datarader")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM lastebatch")).scalar_one() == 0


@pytest.fixture
def cli_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite'}")
    monkeypatch.setattr("etl.cli.REPORT_DIR", tmp_path / "rapporter")
    return tmp_path


@pytest.mark.parametrize(
    ("files", "code", "message"),
    [
        ([], 3, "Ingen filer å laste"),
        (["gammel.xls", "notat.txt"], 3, "hoppet over"),
    ],
)
def test_folder_without_loadable_files_says_so(
    cli_db: Path, capsys: pytest.CaptureFixture, files: list[str], code: int, message: str
) -> None:
    folder = cli_db / "innlesing"
    folder.mkdir()
    for name in files:
        (folder / name).write_bytes(b"x")
    assert main(["load", str(folder)]) == code
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("ikke_tabell.csv", 3),
        ("binaer.csv", 3),
        ("bevilgning_bare_overskrift.csv", 3),
        ("bevilgning_skilletegn_til_slutt.csv", 0),
        ("bevilgning_tvetydig.csv", 1),
    ],
)
def test_cli_exit_codes_without_traceback(
    cli_db: Path, capsys: pytest.CaptureFixture, name: str, code: int
) -> None:
    assert main(["load", str(FIXTURES / name)]) == code
    assert "Traceback" not in capsys.readouterr().err


def test_rejection_report_lists_line_column_and_reason(cli_db: Path) -> None:
    target = cli_db / "avvist.csv"
    assert (
        main(
            [
                "load",
                "--rapport",
                str(target),
                str(FIXTURES / "bevilgning_linjeskift.csv"),
                str(FIXTURES / "ikke_tabell.csv"),
            ]
        )
        == 3
    )
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "fil;linje;kolonne;årsak;filstatus"
    assert lines[1].endswith(
        "bevilgning_linjeskift.csv;4;beløp_kr;«beløp_kr» er ikke et heltall: «mye»;delvis"
    )
    assert "ikke_tabell.csv;;;filen er ikke en tabell" in lines[2]


def test_internal_error_is_one_line_and_exit_4(
    cli_db: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("disken er full")

    monkeypatch.setattr("etl.cli.load_reference", broken)
    assert main(["load", str(FIXTURES / "bevilgning_utf8_bom.csv")]) == 4
    err = capsys.readouterr().err
    assert "Uventet feil (RuntimeError): disken er full" in err and "Traceback" not in err


@pytest.mark.parametrize("memory_keys", [1_000_000, 1])
def test_duplicates_are_found_across_chunks(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keys: int
) -> None:
    """In memory, and spilled to the scratch database after the first key."""
    monkeypatch.setattr("etl.chunks.CHUNK_ROWS", 2)
    monkeypatch.setattr("etl.keys.MEMORY_KEYS", memory_keys)
    path = tmp_path / "bevilgning.csv"
    path.write_text(
        "år;beløp_kr;kilde\n2021;1;a\n2022;2;b\n2023;3;c\n2021;4;d\n2023;5;e\n"
        "2021;6;f\n2024;x;g\n2024;7;h\n",
        encoding="utf-8",
    )
    report = load_file(engine, path)
    assert report.rejected == [
        (5, "duplikat av linje 2"),
        (6, "duplikat av linje 4"),
        (7, "duplikat av linje 2"),
        (8, "«beløp_kr» er ikke et heltall: «x»"),
    ]
    assert amounts(engine) == {2021: 1, 2022: 2, 2023: 3, 2024: 7}


def test_percent_sign_on_a_percentage(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "kvalitetsindikatorer.csv"
    path.write_text(
        "år;kommunenummer;indikator;verdi;teller;nevner;kilde\n"
        "2023;4601;SPESUND;7,9 %;2431;30772;GSI\n",
        encoding="utf-8",
    )
    assert load_file(engine, path).rejected == []
    with engine.connect() as conn:
        assert conn.execute(text("SELECT verdi FROM kvalitetsindikator")).scalar_one() == 7.9


def test_unsupported_file_type_is_named(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "bevilgning.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    report = load_file(engine, path)
    assert report.status == "avvist" and "«.xls» leses ikke" in report.message


def test_folder_load_reports_each_file_and_goes_on_after_a_crash(
    cli_db: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    import etl.cli

    folder = cli_db / "innlesing"
    folder.mkdir()
    for name in ("bevilgning_a.csv", "bevilgning_b.csv", "bevilgning_c.csv"):
        year = {"a": 2021, "b": 2022, "c": 2023}[name[-5]]
        (folder / name).write_text(f"år;beløp_kr;kilde\n{year};1;KD\n", encoding="utf-8")
    real = etl.cli.load_file

    def crash_on_b(engine, path, **options):
        if path.name == "bevilgning_b.csv":
            raise MemoryError("tenkt feil")
        return real(engine, path, **options)

    monkeypatch.setattr("etl.cli.load_file", crash_on_b)
    assert main(["load", str(folder)]) == 3
    out = capsys.readouterr()
    assert "bevilgning_a.csv: lastet" in out.out and "bevilgning_c.csv: lastet" in out.out
    assert "bevilgning_b.csv: avvist – uventet feil, ingenting lagret: MemoryError" in out.err
    assert "Traceback" not in out.err


def test_xlsx_line_numbers_are_excel_rows(engine: Engine, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet["B2"] = "Bevilgning"
    sheet.append([])
    sheet.append(["år", "beløp_kr", "kilde"])
    sheet.append([2021, 1_000_000, "KD"])
    sheet.append([])
    sheet.append([2022, "250.000", "KD"])
    sheet.append([2023, 12.5, "KD"])
    book.save(tmp_path / "bevilgning.xlsx")
    report = load_file(engine, tmp_path / "bevilgning.xlsx")
    assert [line for line, _ in report.rejected] == [7, 8]
    assert "tvetydig" in report.rejected[0][1] and "desimaler" in report.rejected[1][1]
    assert amounts(engine) == {2021: 1_000_000}


MESSY = (
    "Bevilgning\r\n\r\når;beløp_kr;kilde;\r\n2021; 1 000 ;KD;\r\n;;;\r\n\r\n"
    "2022;2;KD;x\r\n   \r\n2023;3;KD\r\n"
)


@pytest.mark.parametrize("quotes_seen", [False, True])
def test_fast_and_quote_aware_readers_agree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, quotes_seen: bool
) -> None:
    from etl.read import open_table

    monkeypatch.setattr("etl.read.has_quotes", lambda *_args: quotes_seen)
    path = tmp_path / "bevilgning.csv"
    path.write_text(MESSY, encoding="utf-8")
    [chunk] = list(open_table(path).chunks)
    assert chunk.frame.values.tolist() == [
        ["2021", "1 000", "KD"],
        ["2022", "2", "KD"],
        ["2023", "3", "KD"],
    ]
    assert chunk.lines == [4, 7, 9]
    assert chunk.problems == {1: "linjen har 4 utfylte felt, men overskriften har 3"}


def test_line_far_wider_than_the_header_is_one_refused_row(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "bevilgning.csv"
    path.write_text(
        "år;beløp_kr;kilde"
        + ";" * 20
        + "\n2021;1;KD"
        + ";" * 20
        + "\n"
        + ";".join(["1"] * 100)
        + "\n2022;2;KD\n",
        encoding="utf-8",
    )
    report = load_file(engine, path)
    assert report.rejected == [
        (3, "linjen har 100 utfylte felt, men overskriften har 3; «år» er mindre enn 2020")
    ]
    assert amounts(engine) == {2021: 1, 2022: 2}

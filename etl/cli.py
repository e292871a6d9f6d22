"""Command line: `python -m etl {init,demo,load,replace,status,reset}`.

Exit codes: 0 all rows loaded, 1 some rows rejected, 2 usage error (e.g. a path that does not
exist), 3 a file was rejected or nothing could be loaded, 4 an unexpected internal error (reported
in one line, never as a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sqlalchemy import Engine

from etl.load import LoadReport, load_file, table_counts
from etl.read import SUPPORTED_SUFFIXES, input_files
from etl.reference import is_demo, load_reference, set_meta
from etl.rejections import default_report_path, write_report
from etl.summaries import refresh_summaries
from loftet import db
from loftet.config import DATA_DIR, DEMO_DIR, database_url

EXIT_OK, EXIT_ROWS_REJECTED, EXIT_USAGE, EXIT_FILE_REJECTED, EXIT_INTERNAL = 0, 1, 2, 3, 4
MAX_REASONS_SHOWN = 20
REPORT_DIR = DATA_DIR / "rapporter"


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return the exit code; never ends in a traceback."""
    args = _parser().parse_args(argv)
    try:
        return args.handler(db.get_engine(), args)
    except KeyboardInterrupt:
        print("Avbrutt; filen som ble lastet da, er ikke lagret.", file=sys.stderr)
        return EXIT_INTERNAL
    except Exception as exc:  # noqa: BLE001 — the top-level guard: one line, no traceback
        print(f"Uventet feil ({type(exc).__name__}): {exc}", file=sys.stderr)
        return EXIT_INTERNAL


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    sub = parser.add_subparsers(required=True, metavar="kommando")
    sub.add_parser("init", help="lag tabeller og last referansedata").set_defaults(handler=cmd_init)
    demo = sub.add_parser("demo", help="lag demodata og last dem")
    demo.add_argument("--seed", type=int, default=2020)
    demo.add_argument("--out", type=Path, default=DEMO_DIR)
    demo.set_defaults(handler=cmd_demo)
    load = sub.add_parser("load", help="valider og last filer eller mapper")
    load.add_argument("paths", nargs="+", type=Path)
    load.add_argument("--strict", action="store_true", help="avvis hele filen ved én feil rad")
    load.add_argument(
        "--erstatt",
        action="store_true",
        help="filen erstatter utsnittene den dekker (f.eks. én statsforvalters "
        "tildelinger for ett år); rader som mangler, slettes "
        "(innebærer --strict)",
    )
    load.add_argument(
        "--rapport",
        type=Path,
        default=None,
        help="CSV-fil for avviste rader (standard: data/rapporter/avviste-rader-…)",
    )
    load.set_defaults(handler=cmd_load)
    replace = sub.add_parser(
        "replace", help="bytt SQLite-databasen med en ferdig bygd fil (trygt mens appen kjører)"
    )
    replace.add_argument("source", type=Path, help="den nye SQLite-filen")
    replace.set_defaults(handler=cmd_replace)
    sub.add_parser("status", help="vis innhold og lastehistorikk").set_defaults(handler=cmd_status)
    reset = sub.add_parser("reset", help="slett alle tabeller")
    reset.add_argument("--yes", action="store_true", help="bekreft sletting")
    reset.set_defaults(handler=cmd_reset)
    return parser


def cmd_init(engine: Engine, _args: argparse.Namespace) -> int:
    load_reference(engine)
    with engine.begin() as conn:
        refresh_summaries(conn)
    print(f"Database klar: {database_url()}")
    return EXIT_OK


def cmd_demo(engine: Engine, args: argparse.Namespace) -> int:
    from etl.demo import generate_demo_files
    from etl.demo_assumptions import FOR_USERS

    db.create_schema(engine)
    counts = table_counts(engine)
    if counts.get("tildeling") and not is_demo(engine):
        print("Databasen har ekte data; demodata lastes ikke inn oppå dem.", file=sys.stderr)
        return EXIT_FILE_REJECTED
    load_reference(engine)
    set_meta(engine, "demodata", "1")
    set_meta(engine, "demo_antakelser", json.dumps(FOR_USERS, ensure_ascii=False))
    files = generate_demo_files(args.out, seed=args.seed)
    print(f"Demodata skrevet til {args.out} ({len(files)} filer)")
    return _load_all(engine, files, strict=True)


def cmd_load(engine: Engine, args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print("Finnes ikke: " + ", ".join(map(str, missing)), file=sys.stderr)
        return EXIT_USAGE
    files, skipped = input_files(args.paths)
    for path in skipped:
        print(
            f"{path}: hoppet over – bare {' og '.join(SUPPORTED_SUFFIXES)} leses "
            "(lagre .xls som .xlsx eller .csv)",
            file=sys.stderr,
        )
    if not files:
        print("Ingen filer å laste: mappen har ingen .csv- eller .xlsx-filer.", file=sys.stderr)
        return EXIT_FILE_REJECTED
    load_reference(engine)
    if is_demo(engine):
        print("Merk: databasen inneholder demodata.", file=sys.stderr)
    report_path = args.rapport or default_report_path(REPORT_DIR)
    return _load_all(
        engine, files, strict=args.strict, replace=args.erstatt, report_path=report_path
    )


def _load_all(
    engine: Engine,
    files: list[Path],
    *,
    strict: bool,
    replace: bool = False,
    report_path: Path | None = None,
) -> int:
    """Load each file in order, printing its report as soon as it is done."""
    from etl.order import in_load_order

    reports = []
    for path in in_load_order(files):
        try:
            report = load_file(engine, path, strict=strict, replace=replace)
        except Exception as exc:  # noqa: BLE001 — one bad file must not stop the others
            report = LoadReport(
                path,
                "avvist",
                message=f"uventet feil, ingenting lagret: {type(exc).__name__}: {exc}",
            )
        _print_report(report)
        reports.append(report)
    if report_path is not None and (lines := write_report(reports, report_path)):
        print(f"Avvisningsrapport: {report_path} ({lines} linjer)", file=sys.stderr)
    if any(r.status in ("avvist", "tom") for r in reports):
        return EXIT_FILE_REJECTED
    return EXIT_ROWS_REJECTED if any(r.rejected for r in reports) else EXIT_OK


def _print_report(report: LoadReport) -> None:
    stream = sys.stdout if report.status in ("lastet", "uendret") else sys.stderr
    head = f"{report.path}: {report.status}"
    if report.kind and report.status != "tom":
        head += f" ({report.kind}, {report.accepted} rader godtatt, {len(report.rejected)} avvist"
        head += f", {report.changed} endret" if report.changed else ""
        head += f", {report.removed} slettet" if report.removed else ""
        head += ")"
    print(head + (f" – {report.message}" if report.message else ""), file=stream)
    for line, reason in report.rejected[:MAX_REASONS_SHOWN]:
        print(f"  {report.path}, linje {line}: {reason}", file=stream)
    if len(report.rejected) > MAX_REASONS_SHOWN:
        print(
            f"  … og {len(report.rejected) - MAX_REASONS_SHOWN} til (se `python -m etl status`)",
            file=stream,
        )


def cmd_replace(_engine: Engine, args: argparse.Namespace) -> int:
    from etl.replace import ReplaceError, replace_database

    try:
        target = replace_database(args.source, database_url())
    except ReplaceError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FILE_REJECTED
    print(
        f"{target} har nå innholdet fra {args.source}. Appen viser de nye dataene ved neste "
        "sidevisning; ingen omstart trengs."
    )
    return EXIT_OK


def _has_schema(engine: Engine) -> bool:
    from sqlalchemy import inspect

    return inspect(engine).has_table("lastebatch")


def cmd_status(engine: Engine, _args: argparse.Namespace) -> int:
    from etl.status import print_status

    if not _has_schema(engine):
        print(f"Ingen database ennå ({database_url()}). Kjør `python -m etl demo` eller `init`.")
        return EXIT_OK
    print_status(engine)
    return EXIT_OK


def cmd_reset(engine: Engine, args: argparse.Namespace) -> int:
    if not args.yes:
        print("Bruk --yes for å slette alle tabeller.", file=sys.stderr)
        return EXIT_USAGE
    db.metadata.drop_all(engine)
    print("Alle tabeller slettet.")
    return EXIT_OK

"""`python -m etl status`: table sizes, demo flag and the latest load batches."""

from __future__ import annotations

from sqlalchemy import Engine, text

from etl.load import table_counts
from etl.reference import is_demo
from loftet.config import database_url

LATEST_BATCHES = 15


def print_status(engine: Engine) -> None:
    """Print what the database holds and where it came from."""
    print(f"Database: {database_url()}")
    print(
        "Innhold: "
        + (
            "DEMODATA (generert, ikke offisielle tall)"
            if is_demo(engine)
            else "data lastet fra filer"
        )
    )
    for table, count in table_counts(engine).items():
        print(f"  {table:<20} {count:>9,}".replace(",", " "))
    with engine.connect() as conn:
        batches = conn.execute(
            text(
                "SELECT batch_id, lastet, filtype, rader_godtatt, rader_avvist, fil "
                "FROM lastebatch ORDER BY batch_id DESC LIMIT :n"
            ),
            {"n": LATEST_BATCHES},
        ).all()
        print("Siste lastinger:")
        for b in batches:
            print(
                f"  #{b.batch_id} {str(b.lastet)[:19]} {b.filtype:<21} "
                f"{b.rader_godtatt:>8} godtatt {b.rader_avvist:>6} avvist  {b.fil}"
            )
        rejected = conn.execute(
            text(
                "SELECT l.fil, a.radnummer, a.arsak FROM avvist_rad a "
                "JOIN lastebatch l ON l.batch_id = a.batch_id ORDER BY a.id DESC LIMIT 20"
            )
        ).all()
        changes = conn.execute(
            text(
                "SELECT batch_id, tabell, nokkel, kolonne, gammel_verdi, ny_verdi, handling "
                "FROM endring ORDER BY id DESC LIMIT 10"
            )
        ).all()
    if rejected:
        print("Siste avviste rader:")
        for fil, line, reason in rejected:
            print(f"  {fil}, linje {line}: {reason}")
    if changes:
        print("Siste endringer (alle på siden Data og kilder, /data):")
        for batch, table, key, column, old, new, action in changes:
            print(f"  #{batch} {table} {key} {column}: {action} «{old}» → «{new or ''}»")

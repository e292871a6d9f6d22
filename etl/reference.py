"""Reference data (counties, municipalities, codes) from the committed CSVs in data/reference."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select

from etl.store import upsert_rows
from loftet import db
from loftet.config import REFERENCE_DIR
from loftet.geography import map_area


def read_reference(name: str) -> pd.DataFrame:
    """One reference CSV as strings."""
    return pd.read_csv(REFERENCE_DIR / f"{name}.csv", dtype=str, keep_default_na=False)


def municipality_rows() -> pd.DataFrame:
    """The `kommune` table: one row per 2024 municipality with its 2020 predecessor."""
    kommuner = read_reference("kommuner")
    counties = read_reference("fylker")
    sf_2024 = counties[counties.struktur == "2024"].set_index("fylkesnummer")["statsforvalter"]
    return pd.DataFrame(
        {
            "kommunenummer": kommuner.kommunenummer_2024,
            "navn": kommuner.kommunenavn_2024,
            "fylkesnummer": kommuner.fylkesnummer_2024,
            "kommunenummer_2020": kommuner.kommunenummer_2020,
            "navn_2020": kommuner.kommunenavn_2020,
            "fylkesnummer_2020": kommuner.fylkesnummer_2020,
            "statsforvalter": kommuner.fylkesnummer_2024.map(sf_2024),
            "kartomrade": kommuner.kommunenummer_2024.map(map_area),
        }
    )


def _tables() -> list[tuple[str, pd.DataFrame, tuple[str, ...]]]:
    counties = read_reference("fylker")
    counties["struktur"] = counties.struktur.astype(int)
    areas = read_reference("kompetanseomrader")
    areas["nivaa"] = areas.nivaa.astype(int)
    levels = read_reference("nivaaer")
    levels["nivaa"] = levels.nivaa.astype(int)
    indicators = read_reference("indikatorer")
    indicators["hoy_er_behov"] = indicators.hoy_er_behov.astype(int)
    return [
        ("statsforvalter", read_reference("statsforvaltere"), ("kode",)),
        ("fylke", counties, ("struktur", "fylkesnummer")),
        ("kommune", municipality_rows(), ("kommunenummer",)),
        ("nivaa", levels, ("nivaa",)),
        ("kompetanseomrade", areas, ("kode",)),
        ("profesjon", read_reference("profesjoner"), ("kode",)),
        ("sektor", read_reference("sektorer"), ("kode",)),
        ("indikator", indicators, ("kode",)),
    ]


def load_reference(engine: Engine) -> None:
    """Create the schema if needed and upsert every reference table (idempotent)."""
    db.create_schema(engine)
    with engine.begin() as conn:
        for table, frame, key in _tables():
            rows = frame.astype(object).itertuples(index=False, name=None)
            upsert_rows(conn, table, list(frame.columns), key, rows)


def is_demo(engine: Engine) -> bool:
    """True when the database says it holds generated demo data."""
    with engine.connect() as conn:
        value = conn.execute(select(db.meta.c.verdi).where(db.meta.c.nokkel == "demodata")).scalar()
    return value == "1"


def set_meta(engine: Engine, key: str, value: str) -> None:
    """Set one key of the `meta` table."""
    with engine.begin() as conn:
        upsert_rows(conn, "meta", ["nokkel", "verdi"], ["nokkel"], [(key, value)])

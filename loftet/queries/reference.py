"""Reference lookups and facts about the database itself (demo flag, freshness)."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
from sqlalchemy import func, select

from loftet.db import (
    fylke,
    indikator,
    kommune,
    kompetanseomrade,
    lastebatch,
    meta,
    nivaa,
    profesjon,
)
from loftet.queries.base import as_stored, read_frame


def is_demo() -> bool:
    """True when the database holds generated demo data."""
    frame = read_frame(select(meta.c.verdi).where(meta.c.nokkel == "demodata"))
    return bool(len(frame)) and frame.verdi.iloc[0] == "1"


def last_loaded() -> datetime | None:
    """When data was last loaded (the data date shown in the footer and on exports)."""
    frame = read_frame(select(as_stored(func.max(lastebatch.c.lastet), "lastet")))
    value = frame.lastet.iloc[0] if len(frame) else None
    return pd.to_datetime(value).to_pydatetime() if value is not None else None


def municipalities() -> pd.DataFrame:
    """Every 2024 municipality with its 2020 predecessor, county and Statsforvalter."""
    k = kommune.c
    return read_frame(
        select(
            k.kommunenummer,
            k.navn,
            k.fylkesnummer,
            k.kommunenummer_2020,
            k.navn_2020,
            k.fylkesnummer_2020,
            k.statsforvalter,
            k.kartomrade,
        ).order_by(k.kommunenummer)
    )


def counties(struktur: int) -> pd.DataFrame:
    """Counties of one structure with their Statsforvalter."""
    c = fylke.c
    return read_frame(
        select(c.fylkesnummer, c.navn, c.statsforvalter)
        .where(c.struktur == struktur)
        .order_by(c.fylkesnummer)
    )


def competence_areas() -> pd.DataFrame:
    """Competence areas with their level in the pyramid."""
    o, n = kompetanseomrade.c, nivaa.c
    return read_frame(
        select(o.kode, o.navn, o.nivaa, n.navn.label("nivaa_navn"))
        .join_from(kompetanseomrade, nivaa, n.nivaa == o.nivaa)
        .order_by(o.nivaa, o.kode)
    )


def professions() -> pd.DataFrame:
    return read_frame(select(profesjon.c.kode, profesjon.c.navn).order_by(profesjon.c.kode))


def indicators() -> pd.DataFrame:
    """Quality indicators: code, name, unit and whether a high value means high need."""
    i = indikator.c
    return read_frame(
        select(i.kode, i.navn, i.enhet, i.hoy_er_behov, i.beskrivelse).order_by(i.kode)
    )

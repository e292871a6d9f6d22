"""Reference lookups and facts about the database itself (demo flag, freshness)."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from loftet.queries.base import read_frame


def is_demo() -> bool:
    """True when the database holds generated demo data."""
    frame = read_frame("SELECT verdi FROM meta WHERE nokkel = 'demodata'")
    return bool(len(frame)) and frame.verdi.iloc[0] == "1"


def last_loaded() -> datetime | None:
    """When data was last loaded (the data date shown in the footer and on exports)."""
    frame = read_frame("SELECT MAX(lastet) AS lastet FROM lastebatch")
    value = frame.lastet.iloc[0] if len(frame) else None
    return pd.to_datetime(value).to_pydatetime() if value is not None else None


def municipalities() -> pd.DataFrame:
    """Every 2024 municipality with its 2020 predecessor, county and Statsforvalter."""
    return read_frame(
        "SELECT kommunenummer, navn, fylkesnummer, kommunenummer_2020, navn_2020, "
        "fylkesnummer_2020, statsforvalter, kartomrade FROM kommune ORDER BY kommunenummer")


def counties(struktur: int) -> pd.DataFrame:
    """Counties of one structure with their Statsforvalter."""
    return read_frame("SELECT fylkesnummer, navn, statsforvalter FROM fylke "
                      "WHERE struktur = :s ORDER BY fylkesnummer", s=struktur)


def competence_areas() -> pd.DataFrame:
    """Competence areas with their level in the pyramid."""
    return read_frame("SELECT o.kode, o.navn, o.nivaa, n.navn AS nivaa_navn "
                      "FROM kompetanseomrade o JOIN nivaa n ON n.nivaa = o.nivaa "
                      "ORDER BY o.nivaa, o.kode")


def professions() -> pd.DataFrame:
    return read_frame("SELECT kode, navn FROM profesjon ORDER BY kode")


def indicators() -> pd.DataFrame:
    """Quality indicators: code, name, unit and whether a high value means high need."""
    return read_frame("SELECT kode, navn, enhet, hoy_er_behov, beskrivelse FROM indikator "
                      "ORDER BY kode")

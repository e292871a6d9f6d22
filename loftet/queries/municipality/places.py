"""One 2024 municipality with its counties in both structures and its Statsforvalter, the
search list of municipalities, and Norwegian alphabetical order."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import select

from loftet.config import LAST_YEAR_OF_2020_STRUCTURE
from loftet.db import statsforvalter
from loftet.queries.base import read_frame
from loftet.queries.reference import counties, municipalities


@dataclass(frozen=True)
class Municipality:
    """A 2024 municipality with its county in both structures and its Statsforvalter."""

    kommunenummer: str
    navn: str
    fylkesnummer: str
    fylke: str
    kommunenummer_2020: str
    navn_2020: str
    fylkesnummer_2020: str
    fylke_2020: str
    statsforvalter: str
    statsforvalter_navn: str

    def county(self, struktur: int) -> tuple[str, str]:
        """(number, name) of its county in the structure `struktur`; a county with the same
        name as the municipality (Oslo) is called "Oslo fylke" so the two never read alike."""
        number, name = (
            (self.fylkesnummer_2020, self.fylke_2020)
            if struktur == 2020
            else (self.fylkesnummer, self.fylke)
        )
        return number, f"{name} fylke" if name == self.navn else name

    @property
    def renumbered(self) -> bool:
        """True when its number or name was different in 2020–2023."""
        return (self.kommunenummer, self.navn) != (self.kommunenummer_2020, self.navn_2020)


def part_of_until(place: Municipality, year: int) -> str | None:
    """The municipality whose numbers hold `place`'s in `year`, when it was then part of
    another (Haram in Ålesund until 2023); None otherwise."""
    if year > LAST_YEAR_OF_2020_STRUCTURE:
        return None
    frame = municipalities()
    same = frame[frame.kommunenummer_2020 == place.kommunenummer_2020]
    holder = same.kommunenummer.min()
    return None if holder == place.kommunenummer else str(same.navn_2020.iloc[0])


def statsforvalter_names() -> dict[str, str]:
    """Statsforvalter code → name."""
    s = statsforvalter.c
    frame = read_frame(select(s.kode, s.navn).order_by(s.kode))
    return dict(zip(frame.kode, frame.navn, strict=True))


def municipality(kommunenummer: str) -> Municipality | None:
    """The municipality with 2024 number `kommunenummer`, or None."""
    table = municipalities()
    rows = table[table.kommunenummer == kommunenummer]
    if rows.empty:
        return None
    row = rows.iloc[0]
    names = {
        s: dict(zip(c.fylkesnummer, c.navn, strict=True))
        for s, c in ((s, counties(s)) for s in (2024, 2020))
    }
    return Municipality(
        kommunenummer=row.kommunenummer,
        navn=row.navn,
        fylkesnummer=row.fylkesnummer,
        fylke=names[2024].get(row.fylkesnummer, row.fylkesnummer),
        kommunenummer_2020=row.kommunenummer_2020,
        navn_2020=row.navn_2020,
        fylkesnummer_2020=row.fylkesnummer_2020,
        fylke_2020=names[2020].get(row.fylkesnummer_2020, row.fylkesnummer_2020),
        statsforvalter=row.statsforvalter,
        statsforvalter_navn=statsforvalter_names().get(row.statsforvalter, row.statsforvalter),
    )


def municipality_choices() -> pd.DataFrame:
    """Every 2024 municipality for a search list: number, name and a label that also holds
    the 2020–2023 number when it was different (so the old number can be searched)."""
    table = municipalities()
    old = table.kommunenummer_2020 != table.kommunenummer
    label = table.navn + " (" + table.kommunenummer + ")"
    label = label.where(
        ~old,
        table.navn + " (" + table.kommunenummer + ", før 2024: " + table.kommunenummer_2020 + ")",
    )
    return (
        table.assign(etikett=label)[["kommunenummer", "navn", "etikett"]]
        .sort_values("navn", key=norwegian_sort_key)
        .reset_index(drop=True)
    )


_AFTER_Z = str.maketrans({"æ": "{", "ø": "|", "å": "}"})
"""Æ, Ø and Å sort after Z, in that order ({, |, } follow z in ASCII)."""


def norwegian_sort_key(names: pd.Series) -> pd.Series:
    """A sort key putting names in Norwegian alphabetical order."""
    return names.str.lower().str.translate(_AFTER_Z)

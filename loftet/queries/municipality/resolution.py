"""Which municipality an address means: a 2024 number, a 2020–2023 number (with a
Norwegian note on what it became) or suggestions for an unknown one. `resolve_number` and
`suggestions` are pure; `find_municipality` looks the number up in the database."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from loftet.queries.reference import municipalities


@dataclass(frozen=True)
class Resolution:
    """What a requested number points to: a 2024 municipality, or nothing (`kommunenummer`
    None). `note` explains a number that was replaced (a 2020–2023 number)."""

    requested: str
    kommunenummer: str | None
    note: str | None = None
    successors: tuple[tuple[str, str], ...] = ()
    """(number, name) of every 2024 municipality the old number became, when it was split."""

    @property
    def found(self) -> bool:
        return self.kommunenummer is not None


def resolve_number(raw: object, table: pd.DataFrame) -> Resolution:
    """Find the 2024 municipality for a requested number (pure; no database).

    Args:
        raw: the number as typed in the address: a 2024 number (`4601`), a 2020–2023 number
            (`3024`, `1507`), optionally without the leading zero (`301`); anything else is
            unknown.
        table: the municipalities (columns `kommunenummer`, `navn`, `kommunenummer_2020`,
            `navn_2020`), as from `loftet.queries.reference.municipalities()`.

    Returns:
        The 2024 number and, for an old number, a Norwegian note. A 2020 number that was split
        (1507 Ålesund → 1508 Ålesund and 1580 Haram) points to the successor with the lowest
        number, which is where the ETL keeps that number's earlier data.
    """
    requested = "" if raw is None else str(raw).strip()
    number = requested.zfill(4) if requested.isdigit() and len(requested) == 3 else requested
    if not (number.isascii() and number.isdigit() and len(number) == 4):
        return Resolution(requested, None)
    if (table.kommunenummer == number).any():
        return Resolution(requested, number)
    matches = table[table.kommunenummer_2020 == number].sort_values("kommunenummer")
    if matches.empty:
        return Resolution(requested, None)
    first = matches.iloc[0]
    successors = tuple(zip(matches.kommunenummer, matches.navn, strict=True))
    if len(successors) == 1:
        note = (
            f"Kommunenummer {number} gjaldt til 2023. {first.navn_2020} har fra 2024 "
            f"kommunenummer {first.kommunenummer}."
        )
    else:
        parts = ", ".join(f"{n} {name}" for n, name in successors[:-1])
        last = f"{successors[-1][0]} {successors[-1][1]}"
        note = (
            f"Kommunenummer {number} gjaldt til 2023. {first.navn_2020} ble fra 2024 delt i "
            f"{parts} og {last}. Her vises {first.kommunenummer} {first.navn}, som tallene "
            f"fra før 2024 er ført på."
        )
    return Resolution(requested, str(first.kommunenummer), note, successors)


def suggestions(raw: object, table: pd.DataFrame, limit: int = 8) -> list[tuple[str, str]]:
    """Municipalities an unknown address may have meant (pure; no database): names containing
    the text (`/kommune/bergen`), or numbers starting with it (`/kommune/46`).

    Returns:
        Up to `limit` (2024 number, name) pairs, names starting with the text first.
    """
    text = "" if raw is None else str(raw).strip().casefold()
    if len(text) < 2:
        return []
    if text.isdigit():
        hits = table[table.kommunenummer.str.startswith(text)].sort_values("kommunenummer")
    else:
        names = table.navn.str.casefold()
        ranked = table.assign(_later=~names.str.startswith(text))
        hits = ranked[names.str.contains(text, regex=False)].sort_values(["_later", "navn"])
    return list(zip(hits.kommunenummer, hits.navn, strict=True))[:limit]


def find_municipality(raw: object) -> Resolution:
    """`resolve_number` against the municipalities in the database."""
    return resolve_number(raw, municipalities())

"""The reference codes rows are checked against (read once per load from the database), the
reasons collected per row, and the checks that need codes across columns: municipality numbers
of either structure, a municipality's Statsforvalter, recipients and applicants."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import Connection, text

LAST_YEAR_OF_2020_STRUCTURE = 2023


@dataclass
class Context:
    """What the rows are checked against: codes known to the database."""

    codes: dict[str, set[str]]
    sf_of_2024: dict[str, str]
    """2024 municipality number → Statsforvalter code."""
    from_2020: dict[str, str]
    """2020 municipality number → the 2024 number its data is stored under."""
    counties_of: dict[str, tuple[str, str]] = field(default_factory=dict)
    """2024 municipality number → (its county in 2020–2023, its county from 2024)."""


_CODE_QUERIES = {
    "statsforvalter": "SELECT kode FROM statsforvalter",
    "kompetanseomrade": "SELECT kode FROM kompetanseomrade",
    "profesjon": "SELECT kode FROM profesjon",
    "indikator": "SELECT kode FROM indikator",
    "enhet": "SELECT enhet_id FROM enhet",
    "tiltak": "SELECT tiltak_id FROM tiltak",
    "kommune": "SELECT kommunenummer FROM kommune",
}


def load_context(conn: Connection) -> Context:
    """Read the reference codes from the database."""
    codes = {name: {r[0] for r in conn.execute(text(sql))} for name, sql in _CODE_QUERIES.items()}
    municipalities = conn.execute(
        text(
            "SELECT kommunenummer, kommunenummer_2020, statsforvalter, fylkesnummer_2020, "
            "fylkesnummer FROM kommune ORDER BY kommunenummer DESC"
        )
    ).all()
    from_2020: dict[str, str] = {}
    for number, number_2020, *_rest in municipalities:
        # Ålesund 1507 split in 2024: its earlier data stays with Ålesund (1508, lowest number).
        from_2020[number_2020] = number
    return Context(
        codes,
        {m[0]: m[2] for m in municipalities},
        from_2020,
        {m[0]: (m[3], m[4]) for m in municipalities},
    )


class Errors:
    """Reasons per row position: (header, message) pairs."""

    def __init__(self) -> None:
        self.by_row: dict[int, list[tuple[str, str]]] = defaultdict(list)

    def add(
        self, mask: pd.Series, header: str, message: str, values: pd.Series | None = None
    ) -> None:
        """Add `message` to each row where `mask` holds; `{}` in it shows the cell's value."""
        for index in mask.index[mask.fillna(False).to_numpy(dtype=bool)]:
            value = values[index] if values is not None else ""
            self.by_row[index].append((header, message.format(value)))


def check_municipality(
    raw: pd.Series, year: pd.Series | None, ctx: Context, errors: Errors
) -> pd.Series:
    """Map reported numbers to 2024 numbers; 2020 numbers only for years up to 2023."""
    padded = raw.str.zfill(4).where(raw != "", "")
    as_2024 = padded.where(padded.isin(ctx.sf_of_2024.keys()))
    old = padded.map(ctx.from_2020)
    old_allowed = (
        year.le(LAST_YEAR_OF_2020_STRUCTURE)
        if year is not None
        else pd.Series(False, index=raw.index)
    )
    result = as_2024.fillna(old.where(old_allowed))
    header = "kommunenummer"
    errors.add(
        (padded != "") & result.isna() & old.notna(),
        header,
        "«kommunenummer» gjaldt bare til og med 2023; bruk 2024-nummeret",
    )
    errors.add(
        (padded != "") & result.isna() & old.isna(), header, "«kommunenummer» er ukjent: «{}»", raw
    )
    return result


def check_statsforvalter(rows: pd.DataFrame, ctx: Context, errors: Errors) -> None:
    expected = rows["kommunenummer"].map(ctx.sf_of_2024)
    errors.add(
        expected.notna() & (rows["statsforvalter"] != expected),
        "statsforvalter",
        "«statsforvalter» stemmer ikke med kommunens statsforvalter",
    )


RECIPIENT_ID_PATTERN = {"kommune": r"[0-9]{4}", "fylkeskommune": r"[0-9]{2}", "privat": r"[0-9]{9}"}
RECIPIENT_ID_WORDS = {
    "kommune": "kommunenummer (4 sifre)",
    "fylkeskommune": "fylkesnummer (2 sifre)",
    "privat": "organisasjonsnummer (9 sifre)",
}


def check_recipient(raw: pd.DataFrame, rows: pd.DataFrame, ctx: Context, errors: Errors) -> None:
    """`mottaker_id` must identify the recipient: a municipality is its own `kommunenummer`,
    a county authority the county of `kommunenummer` in that year, a private owner an
    organisation number. Municipality ids are stored as the 2024 number."""
    given = raw["mottaker_id"]
    kind = rows["mottakertype"]
    for recipient, pattern in RECIPIENT_ID_PATTERN.items():
        wrong = (kind == recipient) & (given != "") & ~given.str.fullmatch(pattern)
        errors.add(
            wrong,
            "mottaker_id",
            f"«mottaker_id» for {recipient} må være {RECIPIENT_ID_WORDS[recipient]}: «{{}}»",
            given,
        )
    town = kind == "kommune"
    padded = given.str.zfill(4)
    own = padded.where(padded.isin(ctx.sf_of_2024.keys()), padded.map(ctx.from_2020))
    errors.add(
        town & (given != "") & rows["kommunenummer"].notna() & (own != rows["kommunenummer"]),
        "mottaker_id",
        "«mottaker_id» må være samme kommune som «kommunenummer» for mottakertype kommune",
    )
    rows.loc[town, "mottaker_id"] = rows.loc[town, "kommunenummer"]
    county = kind == "fylkeskommune"
    structure = (rows["aar"].fillna(0) > LAST_YEAR_OF_2020_STRUCTURE).astype(int)
    expected = [
        ctx.counties_of.get(k, ("", ""))[s] if isinstance(k, str) else ""
        for k, s in zip(rows["kommunenummer"], structure, strict=True)
    ]
    errors.add(
        county
        & (given != "")
        & rows["kommunenummer"].notna()
        & (given != pd.Series(expected, index=rows.index)),
        "mottaker_id",
        "«mottaker_id» er ikke fylket «kommunenummer» lå i det året",
    )


def check_applicant(rows: pd.DataFrame, ctx: Context, errors: Errors) -> None:
    """`søker_id` by `søkertype` (as `mottaker_id`); a municipality is stored under its 2024
    number (2020 numbers allowed up to 2023) and must belong to the row's Statsforvalter."""
    given, kind = rows["soker_id"], rows["sokertype"]
    for applicant, pattern in RECIPIENT_ID_PATTERN.items():
        wrong = (kind == applicant) & (given != "") & ~given.str.fullmatch(pattern)
        errors.add(
            wrong,
            "søker_id",
            f"«søker_id» for {applicant} må være {RECIPIENT_ID_WORDS[applicant]}: «{{}}»",
            given,
        )
    town = (kind == "kommune") & given.str.fullmatch(RECIPIENT_ID_PATTERN["kommune"])
    old_allowed = rows["aar"].le(LAST_YEAR_OF_2020_STRUCTURE).fillna(False)
    number = given.where(
        given.isin(ctx.sf_of_2024.keys()), given.map(ctx.from_2020).where(old_allowed)
    )
    sf = number.map(ctx.sf_of_2024)
    errors.add(
        town & sf.isna(), "søker_id", "«søker_id» er ikke et kjent kommunenummer: «{}»", given
    )
    errors.add(
        town & sf.notna() & (sf != rows["statsforvalter"]),
        "statsforvalter",
        "«statsforvalter» stemmer ikke med kommunens statsforvalter",
    )
    rows.loc[town & sf.notna(), "soker_id"] = number[town & sf.notna()]

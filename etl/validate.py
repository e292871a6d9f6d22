"""Row validation: parse every cell, check types, ranges, codes and duplicates, vectorised.

The result keeps the valid rows, typed and ready for the database, and every rejected row with
its line number in the file and the reasons in Norwegian.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import Connection, text

from etl.formats import Field, FileFormat

LAST_YEAR_OF_2020_STRUCTURE = 2023
FIRST_DATA_LINE = 2
"""Line number of the first data row (the header is line 1)."""


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


@dataclass
class Result:
    """Valid rows (database columns) and rejected rows (line, reason, raw cells)."""

    rows: pd.DataFrame
    rejected: list[tuple[int, str, dict[str, str]]] = field(default_factory=list)


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
        text("SELECT kommunenummer, kommunenummer_2020, statsforvalter, fylkesnummer_2020, "
             "fylkesnummer FROM kommune ORDER BY kommunenummer DESC")
    ).all()
    from_2020: dict[str, str] = {}
    for number, number_2020, *_rest in municipalities:
        # Ålesund 1507 split in 2024: its earlier data stays with Ålesund (1508, lowest number).
        from_2020[number_2020] = number
    return Context(codes, {m[0]: m[2] for m in municipalities}, from_2020,
                   {m[0]: (m[3], m[4]) for m in municipalities})


class _Errors:
    """Reasons per row index."""

    def __init__(self) -> None:
        self.by_row: dict[int, list[str]] = defaultdict(list)

    def add(self, mask: pd.Series, message: str, values: pd.Series | None = None) -> None:
        """Add `message` to each row where `mask` holds; `{}` in it shows the cell's value."""
        for index in mask.index[mask.fillna(False).to_numpy(dtype=bool)]:
            value = values[index] if values is not None else ""
            self.by_row[index].append(message.format(value))


def _parse_int(raw: pd.Series) -> pd.Series:
    """Whole numbers as nullable Int64; `1 250 000` and `12.0` (from spreadsheets) accepted."""
    plain = raw.str.isdigit()
    parsed = pd.Series(pd.NA, index=raw.index, dtype="Int64")
    parsed[plain] = pd.to_numeric(raw[plain]).astype("Int64")
    rest = raw[~plain & (raw != "")]
    if len(rest):
        cleaned = rest.str.replace(r"[\s\u00a0]", "", regex=True).str.replace(
            r"\.0+$", "", regex=True)
        valid = cleaned.str.fullmatch(r"-?\d+")
        parsed[valid[valid].index] = pd.to_numeric(cleaned[valid]).astype("Int64")
    return parsed


def _parse_decimal(raw: pd.Series) -> pd.Series:
    cleaned = raw.str.replace(r"[\s\u00a0]", "", regex=True).str.replace(",", ".", regex=False)
    return pd.to_numeric(cleaned.where(cleaned.str.fullmatch(r"-?\d+(\.\d+)?"), None),
                         errors="coerce")


def _check_field(spec: Field, raw: pd.Series, ctx: Context, errors: _Errors) -> pd.Series:
    """Parse one column; record a reason for every bad, non-empty cell."""
    name = f"«{spec.header}»"
    empty = raw == ""
    if spec.required:
        errors.add(empty, f"{name} mangler verdi")
    if spec.kind in ("int", "decimal"):
        parsed = _parse_int(raw) if spec.kind == "int" else _parse_decimal(raw)
        kind = "et heltall" if spec.kind == "int" else "et tall"
        errors.add(~empty & parsed.isna(), f"{name} er ikke {kind}: «{{}}»", raw)
        _check_range(spec, parsed, errors)
        return parsed
    if spec.kind == "recipient":
        return raw  # checked against the recipient type in `_check_recipient`
    if spec.kind == "orgnr":
        errors.add(~empty & ~raw.str.fullmatch(r"\d{9}"), f"{name} må ha 9 sifre: «{{}}»", raw)
        return raw
    if spec.kind in ("code", "codes"):
        allowed = set(spec.choices) if spec.choices else ctx.codes[spec.reference]
        if spec.kind == "code":
            errors.add(~empty & ~raw.isin(allowed), f"{name} har ukjent kode: «{{}}»", raw)
            return raw
        items = raw.str.split(";").explode().str.strip()
        unknown = (~items.isin(allowed)).groupby(level=0).any()
        errors.add(~empty & unknown, f"{name} har ukjent kode: «{{}}»", raw)
        return raw.str.replace(r"\s*;\s*", ";", regex=True)
    return raw


def _check_range(spec: Field, parsed: pd.Series, errors: _Errors) -> None:
    if spec.minimum is not None:
        errors.add(parsed < spec.minimum, f"«{spec.header}» er mindre enn {spec.minimum:g}")
    if spec.maximum is not None:
        errors.add(parsed > spec.maximum, f"«{spec.header}» er større enn {spec.maximum:g}")


def _municipality(raw: pd.Series, year: pd.Series | None, ctx: Context,
                  errors: _Errors) -> pd.Series:
    """Map reported numbers to 2024 numbers; 2020 numbers only for years up to 2023."""
    padded = raw.str.zfill(4).where(raw != "", "")
    as_2024 = padded.where(padded.isin(ctx.sf_of_2024.keys()))
    old = padded.map(ctx.from_2020)
    old_allowed = (year.le(LAST_YEAR_OF_2020_STRUCTURE) if year is not None
                   else pd.Series(False, index=raw.index))
    result = as_2024.fillna(old.where(old_allowed))
    errors.add((padded != "") & result.isna() & old.notna(),
               "«kommunenummer» gjaldt bare til og med 2023; bruk 2024-nummeret")
    errors.add((padded != "") & result.isna() & old.isna(), "«kommunenummer» er ukjent: «{}»", raw)
    return result


def _check_duplicates(fmt: FileFormat, rows: pd.DataFrame, errors: _Errors) -> None:
    key = list(fmt.key)
    complete = rows[key].notna().all(axis=1)
    dup = rows[key].duplicated(keep="first") & complete
    if dup.any():
        first_line = rows[complete].groupby(key, dropna=True).apply(
            lambda g: g.index[0] + FIRST_DATA_LINE, include_groups=False)
        for index in rows.index[dup]:
            line = first_line.loc[tuple(rows.loc[index, key])]
            errors.by_row[index].append(f"duplikat av linje {line}")


def _check_statsforvalter(rows: pd.DataFrame, ctx: Context, errors: _Errors) -> None:
    expected = rows["kommunenummer"].map(ctx.sf_of_2024)
    errors.add(expected.notna() & (rows["statsforvalter"] != expected),
               "«statsforvalter» stemmer ikke med kommunens statsforvalter")


RECIPIENT_ID_PATTERN = {"kommune": r"\d{4}", "fylkeskommune": r"\d{2}", "privat": r"\d{9}"}
RECIPIENT_ID_WORDS = {"kommune": "kommunenummer (4 sifre)",
                      "fylkeskommune": "fylkesnummer (2 sifre)",
                      "privat": "organisasjonsnummer (9 sifre)"}


def _check_recipient(raw: pd.DataFrame, rows: pd.DataFrame, ctx: Context,
                     errors: _Errors) -> None:
    """`mottaker_id` must identify the recipient: a municipality is its own `kommunenummer`,
    a county authority the county of `kommunenummer` in that year, a private owner an
    organisation number. Municipality ids are stored as the 2024 number."""
    given = raw["mottaker_id"]
    kind = rows["mottakertype"]
    for recipient, pattern in RECIPIENT_ID_PATTERN.items():
        wrong = (kind == recipient) & (given != "") & ~given.str.fullmatch(pattern)
        errors.add(wrong, f"«mottaker_id» for {recipient} må være {RECIPIENT_ID_WORDS[recipient]}: "
                          "«{}»", given)
    town = kind == "kommune"
    padded = given.str.zfill(4)
    own = padded.where(padded.isin(ctx.sf_of_2024.keys()), padded.map(ctx.from_2020))
    errors.add(town & (given != "") & rows["kommunenummer"].notna()
               & (own != rows["kommunenummer"]),
               "«mottaker_id» må være samme kommune som «kommunenummer» for mottakertype kommune")
    rows.loc[town, "mottaker_id"] = rows.loc[town, "kommunenummer"]
    county = kind == "fylkeskommune"
    structure = (rows["aar"].fillna(0) > LAST_YEAR_OF_2020_STRUCTURE).astype(int)
    expected = [ctx.counties_of.get(k, ("", ""))[s] if isinstance(k, str) else ""
                for k, s in zip(rows["kommunenummer"], structure, strict=True)]
    errors.add(county & (given != "") & rows["kommunenummer"].notna()
               & (given != pd.Series(expected, index=rows.index)),
               "«mottaker_id» er ikke fylket «kommunenummer» lå i det året")


def validate(raw: pd.DataFrame, fmt: FileFormat, ctx: Context) -> Result:
    """Check every row of `raw` (string cells) against `fmt`."""
    raw = raw.reindex(columns=fmt.headers, fill_value="")
    raw.index = pd.RangeIndex(len(raw))
    errors = _Errors()
    rows = pd.DataFrame(index=raw.index)
    year = None
    for spec in fmt.fields:
        if spec.kind == "kommune":
            continue
        rows[spec.column] = _check_field(spec, raw[spec.header], ctx, errors)
        if spec.column == "aar":
            year = rows["aar"]
    for spec in fmt.fields:
        if spec.kind == "kommune":
            rows[spec.column] = _municipality(raw[spec.header], year, ctx, errors)
    if "statsforvalter" in rows and "kommunenummer" in rows:
        _check_statsforvalter(rows, ctx, errors)
    if "mottaker_id" in rows:
        _check_recipient(raw, rows, ctx, errors)
    _check_duplicates(fmt, rows, errors)
    bad = sorted(errors.by_row)
    rejected = [(i + FIRST_DATA_LINE, "; ".join(errors.by_row[i]),
                 raw.loc[i].to_dict()) for i in bad]
    return Result(rows.drop(index=bad), rejected)

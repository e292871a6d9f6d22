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
from etl.keys import SeenKeys
from etl.numbers import parse_column

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
class Rejection:
    """One refused row: its line, (header, reason) pairs and its raw cells."""

    line: int
    reasons: list[tuple[str, str]]
    cells: dict[str, str]

    @property
    def reason(self) -> str:
        """All reasons as one sentence."""
        return "; ".join(message for _header, message in self.reasons)


@dataclass
class Result:
    """Valid rows (database columns) and rejected rows."""

    rows: pd.DataFrame
    rejected: list[Rejection] = field(default_factory=list)


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


class _Errors:
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


def _check_number(spec: Field, raw: pd.Series, errors: _Errors) -> pd.Series:
    """Parse a number column by the rules of `etl.numbers`; never a guessed value."""
    values, reasons = parse_column(
        raw, spec.kind, money=spec.column.endswith("_kr"), maximum=spec.maximum
    )
    refused = reasons != ""
    for index in reasons.index[refused.to_numpy(dtype=bool)]:
        errors.by_row[index].append(
            (spec.header, f"«{spec.header}» {reasons[index]}: «{raw[index]}»")
        )
    _check_range(spec, values, errors)
    return values


def _check_date(spec: Field, raw: pd.Series, errors: _Errors) -> pd.Series:
    """ISO dates (`2025-02-01`) or Norwegian (`01.02.2025`), as ISO text."""
    norwegian = raw.str.extract(r"^([0-9]{2})\.([0-9]{2})\.([0-9]{4})$")
    iso = (norwegian[2] + "-" + norwegian[1] + "-" + norwegian[0]).fillna(raw)
    parsed = pd.to_datetime(
        iso.where(iso.str.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"), None),
        format="%Y-%m-%d",
        errors="coerce",
    )
    errors.add(
        (raw != "") & parsed.isna(),
        spec.header,
        f"«{spec.header}» er ikke en dato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ): «{{}}»",
        raw,
    )
    return iso.where(parsed.notna(), None)


def _check_field(spec: Field, raw: pd.Series, ctx: Context, errors: _Errors) -> pd.Series:
    """Parse one column; record a reason for every bad, non-empty cell."""
    name = f"«{spec.header}»"
    empty = raw == ""
    if spec.required:
        errors.add(empty, spec.header, f"{name} mangler verdi")
    if spec.kind in ("int", "decimal"):
        return _check_number(spec, raw, errors)
    if spec.kind == "date":
        return _check_date(spec, raw, errors)
    if spec.kind == "recipient":
        return raw  # checked against the recipient type in `_check_recipient`
    if spec.kind == "orgnr":
        errors.add(
            ~empty & ~raw.str.fullmatch(r"[0-9]{9}"),
            spec.header,
            f"{name} må ha 9 sifre: «{{}}»",
            raw,
        )
        return raw
    if spec.kind in ("code", "codes"):
        allowed = set(spec.choices) if spec.choices else ctx.codes[spec.reference]
        if spec.kind == "code":
            errors.add(
                ~empty & ~raw.isin(allowed), spec.header, f"{name} har ukjent kode: «{{}}»", raw
            )
            return raw
        items = raw.str.split(";").explode().str.strip()
        unknown = (~items.isin(allowed)).groupby(level=0).any()
        errors.add(~empty & unknown, spec.header, f"{name} har ukjent kode: «{{}}»", raw)
        return raw.str.replace(r"\s*;\s*", ";", regex=True)
    return raw


def _check_range(spec: Field, parsed: pd.Series, errors: _Errors) -> None:
    if spec.minimum is not None:
        errors.add(
            parsed < spec.minimum, spec.header, f"«{spec.header}» er mindre enn {spec.minimum:g}"
        )
    if spec.maximum is not None:
        errors.add(
            parsed > spec.maximum, spec.header, f"«{spec.header}» er større enn {spec.maximum:g}"
        )


def _municipality(
    raw: pd.Series, year: pd.Series | None, ctx: Context, errors: _Errors
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


def _check_statsforvalter(rows: pd.DataFrame, ctx: Context, errors: _Errors) -> None:
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


def _check_recipient(raw: pd.DataFrame, rows: pd.DataFrame, ctx: Context, errors: _Errors) -> None:
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


def _check_applicant(rows: pd.DataFrame, ctx: Context, errors: _Errors) -> None:
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


def validate(
    raw: pd.DataFrame,
    fmt: FileFormat,
    ctx: Context,
    lines: list[int] | None = None,
    seen: SeenKeys | None = None,
    problems: dict[int, str] | None = None,
) -> Result:
    """Check every row of `raw` (string cells) against `fmt`.

    `lines` are the rows' line numbers in the file (default: header on line 1, no gaps);
    `seen` carries the keys of earlier chunks of the same file; `problems` are reasons found
    while reading.
    """
    raw = raw.reindex(columns=fmt.headers, fill_value="")
    raw.index = pd.RangeIndex(len(raw))
    lines = lines if lines is not None else list(range(FIRST_DATA_LINE, len(raw) + 2))
    errors = _Errors()
    for position, reason in (problems or {}).items():
        errors.by_row[position].append(("", reason))
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
    if "soker_id" in rows:
        _check_applicant(rows, ctx, errors)
    seen = seen if seen is not None else SeenKeys()
    ok = ~rows.index.isin(list(errors.by_row))
    for index, first_line in seen.duplicates(rows[list(fmt.key)], ok, lines).items():
        errors.by_row[index].append(("", f"duplikat av linje {first_line}"))
    bad = sorted(errors.by_row)
    rejected = [Rejection(lines[i], errors.by_row[i], raw.loc[i].to_dict()) for i in bad]
    return Result(rows.drop(index=bad), rejected)

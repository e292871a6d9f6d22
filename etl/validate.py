"""Row validation: parse every cell, check types, ranges, codes and duplicates, vectorised.

The result keeps the valid rows, typed and ready for the database, and every rejected row with
its line number in the file and the reasons in Norwegian.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from etl.codes import (
    Context,
    Errors,
    check_applicant,
    check_municipality,
    check_recipient,
    check_statsforvalter,
)
from etl.formats import Field, FileFormat
from etl.keys import SeenKeys
from etl.numbers import parse_column

FIRST_DATA_LINE = 2
"""Line number of the first data row (the header is line 1)."""


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


def _check_number(spec: Field, raw: pd.Series, errors: Errors) -> pd.Series:
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


def _check_date(spec: Field, raw: pd.Series, errors: Errors) -> pd.Series:
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


def _check_field(spec: Field, raw: pd.Series, ctx: Context, errors: Errors) -> pd.Series:
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
        return raw  # checked against the recipient type in `check_recipient`
    if spec.kind == "orgnr":
        errors.add(
            ~empty & ~raw.str.fullmatch(r"[0-9]{9}"),
            spec.header,
            f"{name} må ha 9 sifre: «{{}}»",
            raw,
        )
        return raw
    if spec.kind in ("code", "codes"):
        allowed = set(spec.choices) if spec.choices else ctx.codes[_reference(spec)]
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


def _check_range(spec: Field, parsed: pd.Series, errors: Errors) -> None:
    if spec.minimum is not None:
        errors.add(
            parsed < spec.minimum, spec.header, f"«{spec.header}» er mindre enn {spec.minimum:g}"
        )
    if spec.maximum is not None:
        errors.add(
            parsed > spec.maximum, spec.header, f"«{spec.header}» er større enn {spec.maximum:g}"
        )


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
    errors = Errors()
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
            rows[spec.column] = check_municipality(raw[spec.header], year, ctx, errors)
    if "statsforvalter" in rows and "kommunenummer" in rows:
        check_statsforvalter(rows, ctx, errors)
    if "mottaker_id" in rows:
        check_recipient(raw, rows, ctx, errors)
    if "soker_id" in rows:
        check_applicant(rows, ctx, errors)
    seen = seen if seen is not None else SeenKeys()
    ok = ~rows.index.isin(list(errors.by_row))
    for index, first_line in seen.duplicates(rows[list(fmt.key)], ok, lines).items():
        errors.by_row[index].append(("", f"duplikat av linje {first_line}"))
    bad = sorted(errors.by_row)
    rejected = [Rejection(lines[i], errors.by_row[i], raw.loc[i].to_dict()) for i in bad]
    return Result(rows.drop(index=bad), rejected)


def _reference(spec: Field) -> str:
    """The reference set a code field without fixed choices is checked against."""
    if spec.reference is None:
        raise ValueError(f"{spec.header}: a code field needs choices or a reference set")
    return spec.reference

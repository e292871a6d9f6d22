"""Reading numbers written by people and spreadsheets, refusing everything ambiguous.

A cell is either parsed into exactly the number it denotes or refused with a reason; nothing is
guessed. The rules (documented in docs/dataformater.md, «Tall og beløp»):

- Only ASCII digits 0–9. Other Unicode digits (`１２３`, `²`, `٣`) are refused.
- Thousands may be grouped with spaces, non-breaking spaces (U+00A0) or narrow non-breaking spaces
  (U+202F), in groups of three: `1 250 000`.
- Dots or commas between groups of three digits (`250.000`, `7.750.000`, `1,250,000`) could be
  thousands separators or a decimal mark: refused in whole-number columns.
- Whole numbers may end in `,0`, `,00`, `.0` or `.00` (a spreadsheet's decimals); amount columns
  (ending in `_kr`) may also end in `,-` and carry `kr` before or after the number.
- Decimal numbers use one mark, comma or dot, never both in one cell; a column mixing commas
  and dots as decimal marks is refused. `d,ddd` with one to three digits before the mark is
  refused unless reading it as thousands would fall outside the column's range.
- Decimal numbers may end in `%` (the columns that take decimals are percentages).
- At most 15 digits; range checks happen after parsing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

MAX_DIGITS = 15
_SPACES = "\u0020\u00a0\u202f"
_PLAIN = re.compile(r"[0-9]{1,15}")
_ALLOWED = re.compile(rf"[0-9{_SPACES}.,+\-]*")
_GROUPED = re.compile(rf"[0-9]{{1,3}}(?:[{_SPACES}][0-9]{{3}})+")
_DOT_OR_COMMA_GROUPS = re.compile(r"[0-9]{1,3}(?:[.,][0-9]{3})+")
_WHOLE_TAIL = re.compile(r"(?:[.,]0{1,2})$")
_MONEY_TAIL = re.compile(r",-$")
_KR = re.compile(r"^(?:kr\.?\s*)?(.*?)(?:\s*(?:kr\.?|nok))?$", re.IGNORECASE)


@dataclass(frozen=True)
class Refusal:
    """Why a cell was not read as a number."""

    reason: str


def _sign(text: str) -> tuple[int, str]:
    if text.startswith("-"):
        return -1, text[1:]
    return 1, text


def _digits(body: str) -> str | Refusal:
    """The digits of an integer part (plain or grouped by spaces), or why not."""
    if _PLAIN.fullmatch(body):
        return body
    if _GROUPED.fullmatch(body):
        digits = re.sub(rf"[{_SPACES}]", "", body)
        return digits if len(digits) <= MAX_DIGITS else Refusal(f"har mer enn {MAX_DIGITS} sifre")
    if _DOT_OR_COMMA_GROUPS.fullmatch(body):
        return Refusal(
            "er tvetydig: punktum eller komma kan være tusenskille eller "
            "desimaltegn; skriv tallet uten skilletegn eller med mellomrom"
        )
    if re.fullmatch(r"[0-9]+", body):
        return Refusal(f"har mer enn {MAX_DIGITS} sifre")
    return Refusal("er ikke et heltall")


def _charset(text: str, what: str) -> Refusal | None:
    if any(not ch.isascii() and ch.isnumeric() for ch in text):
        return Refusal("har sifre som ikke er 0–9")
    if not _ALLOWED.fullmatch(text):
        return Refusal(f"er ikke {what}")
    return None


def parse_whole(text: str, *, money: bool = False) -> int | Refusal:
    """One non-empty cell as an integer, or a `Refusal`."""
    body = text.strip()
    if money:
        # No match only for a cell with a line break inside; the character check refuses it.
        match = _KR.fullmatch(body)
        body = match.group(1) if match else body
        body = _MONEY_TAIL.sub("", body)
    refusal = _charset(body, "et heltall")
    if refusal:
        return refusal
    sign, body = _sign(body)
    if _WHOLE_TAIL.search(body) and not _DOT_OR_COMMA_GROUPS.fullmatch(body):
        body = _WHOLE_TAIL.sub("", body)
    elif re.search(r"[.,][0-9]{1,2}$", body) or re.search(r"[.,][0-9]{4,}$", body):
        return Refusal("er ikke et helt tall (har desimaler)")
    digits = _digits(body)
    return digits if isinstance(digits, Refusal) else sign * int(digits)


def decimal_mark(text: str) -> str | None:
    """`,` or `.` when the cell uses it as its one decimal mark."""
    marks = {m for m in ",." if m in text}
    return marks.pop() if len(marks) == 1 else None


def parse_decimal(text: str, *, maximum: float | None = None) -> float | Refusal:
    """One non-empty cell as a float, or a `Refusal`."""
    body = re.sub(r"\s*%$", "", text.strip())
    refusal = _charset(body, "et tall")
    if refusal:
        return refusal
    if "," in body and "." in body:
        return Refusal("har både komma og punktum")
    sign, body = _sign(body)
    mark = decimal_mark(body)
    whole, fraction = body.split(mark) if mark else (body, "")
    if mark and not re.fullmatch(r"[0-9]+", fraction):
        return Refusal("er ikke et tall")
    digits = _digits(whole)
    if isinstance(digits, Refusal):
        return Refusal("er ikke et tall") if digits.reason == "er ikke et heltall" else digits
    if len(fraction) == 3 and whole == digits and 1 <= len(whole) <= 3 and whole != "0":
        as_thousands = int(whole + fraction)
        if maximum is None or as_thousands <= maximum:
            return Refusal(
                "er tvetydig: tre sifre etter skilletegnet kan være tusenskille eller desimaler"
            )
    return sign * float(f"{digits}.{fraction or 0}")


def parse_column(
    raw: pd.Series, kind: str, *, money: bool = False, maximum: float | None = None
) -> tuple[pd.Series, pd.Series]:
    """Parse a column of string cells: (values, reasons). Empty cells give NA and no reason.

    Plain ASCII digit strings take a vectorised path; everything else goes through the rules.
    """
    dtype = "Int64" if kind == "int" else "Float64"
    reasons = pd.Series("", index=raw.index, dtype=object)
    plain = raw.str.fullmatch(r"[0-9]{1,15}", na=False)
    if plain.all():
        return pd.to_numeric(raw).astype(dtype), reasons
    values = pd.Series(pd.NA, index=raw.index, dtype=dtype)
    values[plain] = pd.to_numeric(raw[plain]).astype(dtype)
    rest = raw[~plain & (raw != "")]
    mixed = False
    if kind == "decimal":
        marks = {decimal_mark(cell) for cell in rest} - {None}
        mixed = len(marks) > 1
    for index, cell in rest.items():
        parsed: int | float | Refusal
        if kind == "int":
            parsed = parse_whole(cell, money=money)
        elif mixed and decimal_mark(cell):
            parsed = Refusal("kolonnen blander komma og punktum som desimaltegn")
        else:
            parsed = parse_decimal(cell, maximum=maximum)
        if isinstance(parsed, Refusal):
            reasons[index] = parsed.reason
        else:
            values[index] = parsed
    return values, reasons

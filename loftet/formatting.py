"""Norwegian number and date formats for text, tables and hovers (`1 250 000 kr`, `12,5 %`)."""

from __future__ import annotations

import math
from datetime import date, datetime

from typing_extensions import TypeIs

NBSP = "\u00a0"
MONTHS = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)
MISSING = "–"


def _missing(value: float | None) -> TypeIs[None]:
    """None or NaN. Typed as a check for None: past a false answer the value is a number; a
    NaN is never used after a true one."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def number(value: float | None, decimals: int = 0) -> str:
    """`1 250 000` or `12,5`: space for thousands, comma for decimals; missing as `–`."""
    if _missing(value):
        return MISSING
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NBSP).replace(".", ",").replace("-", "−")


def kr(value: float | None) -> str:
    """Whole kroner: `1 250 000 kr`."""
    return MISSING if _missing(value) else f"{number(value)}{NBSP}kr"


def mill_kr(value: float | None, decimals: int = 1) -> str:
    """Millions of kroner: `50,0 mill. kr`."""
    return MISSING if _missing(value) else f"{number(value / 1e6, decimals)}{NBSP}mill.{NBSP}kr"


def short_kr(value: float | None) -> str:
    """Kroner as people read them at a glance: `340 mill. kr`, `5,3 mill. kr`, `1,2 mrd. kr`;
    below one million in full (`870 000 kr`). Tables and tooltips keep full kroner (`kr`)."""
    if _missing(value):
        return MISSING
    size = abs(value)
    if size >= 1e9:
        return f"{number(value / 1e9, 1)}{NBSP}mrd.{NBSP}kr"
    if size >= 1e6:
        return mill_kr(value, 1 if size < 1e8 else 0)
    return kr(value)


def signed_short_kr(value: float | None) -> str:
    """A change in kroner with its sign, in the short form: `+45 mill. kr`."""
    if _missing(value):
        return MISSING
    return ("+" if value > 0 else "") + short_kr(value).replace("-", "−")


def pct(value: float | None, decimals: int = 1) -> str:
    """A percentage given in percent: `12,5 %`."""
    return MISSING if _missing(value) else f"{number(value, decimals)}{NBSP}%"


def share(part: float | None, whole: float | None, decimals: int = 1) -> str:
    """`part / whole` as a percentage, `–` when the whole is zero or missing."""
    if _missing(part) or _missing(whole) or not whole:
        return MISSING
    return pct(100 * part / whole, decimals)


def signed(value: float | None, decimals: int = 0, unit: str = "") -> str:
    """A change with its sign: `+1 250`, `−3,5 %`."""
    if _missing(value):
        return MISSING
    sign = "+" if value > 0 else ""
    suffix = f"{NBSP}{unit}" if unit else ""
    return f"{sign}{number(value, decimals)}{suffix}"


def long_date(value: date | datetime) -> str:
    """`25. november 2026`."""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"

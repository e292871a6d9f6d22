"""The shared filter state, read from and written to the URL query string.

Every parameter is validated here, once: unknown parameters are ignored, invalid values fall back
to the default and produce a friendly Norwegian notice instead of an error page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from urllib.parse import urlencode

from loftet.config import FIRST_YEAR, LAST_YEAR

SECTORS = {
    "BHG": "Barnehage",
    "GS": "Grunnskole",
    "VGS": "Videregående",
    "PPT": "PPT",
    "ANNET": "Andre tjenester",
}
SECTOR_UNIT_TYPE = {
    "BHG": "barnehage",
    "GS": "grunnskole",
    "VGS": "vgs",
    "PPT": "ppt",
    "ANNET": "annen",
}
OWNER_TYPES = {"kommunal": "Kommunal", "fylkeskommunal": "Fylkeskommunal", "privat": "Privat"}
STRUCTURES = {2024: "2024 (15 fylker)", 2020: "2020–2023 (11 fylker)"}
COUNTIES = {
    2024: {
        "03": "Oslo",
        "11": "Rogaland",
        "15": "Møre og Romsdal",
        "18": "Nordland",
        "31": "Østfold",
        "32": "Akershus",
        "33": "Buskerud",
        "34": "Innlandet",
        "39": "Vestfold",
        "40": "Telemark",
        "42": "Agder",
        "46": "Vestland",
        "50": "Trøndelag",
        "55": "Troms",
        "56": "Finnmark",
    },
    2020: {
        "03": "Oslo",
        "11": "Rogaland",
        "15": "Møre og Romsdal",
        "18": "Nordland",
        "30": "Viken",
        "34": "Innlandet",
        "38": "Vestfold og Telemark",
        "42": "Agder",
        "46": "Vestland",
        "50": "Trøndelag",
        "54": "Troms og Finnmark",
    },
}
"""County names per structure; the same as data/reference/fylker.csv (a test checks it)."""

SHARED_PARAMS = ("aar", "fra", "fylke", "sektor", "eier", "struktur")
_ASCII_INTEGER = re.compile(r"-?[0-9]{1,9}")
"""ASCII digits only: `str.isdigit` also accepts `²` and `①`, which `int()` rejects."""


def parse_int(raw: object) -> int | None:
    """The whole number in a URL value (`"2025"`, `" 7 "`, `"-1"`); None for anything else,
    including Unicode digits and numbers of more than nine digits. The one parser for numbers
    read from addresses."""
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    text = str(raw).strip()
    return int(text) if _ASCII_INTEGER.fullmatch(text) else None


@dataclass(frozen=True)
class Filters:
    """What every page can be narrowed by."""

    aar: int = LAST_YEAR
    fra: int = FIRST_YEAR
    """First year of ranges (trends, cumulative sums)."""
    fylke: str | None = None
    sektor: str | None = None
    eier: str | None = None
    struktur: int = 2024

    @property
    def unit_type(self) -> str | None:
        """The `enhet.enhetstype` the sector filter selects."""
        return SECTOR_UNIT_TYPE.get(self.sektor) if self.sektor else None

    @property
    def county_name(self) -> str:
        return (
            COUNTIES[self.struktur].get(self.fylke, "Hele landet") if self.fylke else "Hele landet"
        )

    def to_query(self, **extra: object) -> str:
        """The query string (without `?`) holding every non-default value, plus `extra`."""
        default = asdict(Filters())
        values = {k: v for k, v in asdict(self).items() if v is not None and v != default[k]}
        values |= {k: v for k, v in extra.items() if v not in (None, "")}
        return urlencode(values)

    def describe(self, spans_years: bool = True) -> str:
        """A one-line Norwegian description, used as chart subtitle: what made this view.
        `spans_years=False` names only the year `aar` (for charts of a single year)."""
        period = f"{self.fra}–{self.aar}" if spans_years and self.fra < self.aar else str(self.aar)
        parts = [self.county_name, period]
        if self.sektor:
            parts.append(SECTORS[self.sektor])
        if self.eier:
            parts.append(f"{OWNER_TYPES[self.eier].lower()}e eiere")
        parts.append(f"fylkesinndeling {'2024' if self.struktur == 2024 else '2020–2023'}")
        return " · ".join(parts)


@dataclass
class Parsed:
    """Filters plus the notices about parameters that could not be used."""

    filters: Filters
    notices: list[str] = field(default_factory=list)


def _year(raw: str | None, default: int, name: str, notices: list[str]) -> int:
    if raw in (None, ""):
        return default
    value = parse_int(raw)
    if value is not None and FIRST_YEAR <= value <= LAST_YEAR:
        return value
    notices.append(
        f"«{name}={raw}» er ikke et år mellom {FIRST_YEAR} og {LAST_YEAR}; viser {default}."
    )
    return default


def _choice(raw: str | None, options: dict, name: str, notices: list[str]) -> str | None:
    if raw in (None, ""):
        return None
    if raw in options:
        return raw
    notices.append(f"Ukjent verdi «{name}={raw}»; filteret er ikke brukt.")
    return None


def parse_filters(params: Mapping[str, object]) -> Parsed:
    """Validate the URL parameters; unknown keys are ignored."""
    notices: list[str] = []
    get = {k: (str(v) if v is not None else None) for k, v in params.items()}
    struktur_raw = get.get("struktur")
    struktur = parse_int(struktur_raw)
    if struktur not in STRUCTURES:
        struktur = 2024
    if struktur_raw not in (None, "") and parse_int(struktur_raw) not in STRUCTURES:
        notices.append(f"Ukjent fylkesinndeling «{struktur_raw}»; viser 2024.")
    aar = _year(get.get("aar"), LAST_YEAR, "aar", notices)
    fra = min(_year(get.get("fra"), FIRST_YEAR, "fra", notices), aar)
    filters = Filters(
        aar=aar,
        fra=fra,
        struktur=struktur,
        fylke=_choice(get.get("fylke"), COUNTIES[struktur], "fylke", notices),
        sektor=_choice(get.get("sektor"), SECTORS, "sektor", notices),
        eier=_choice(get.get("eier"), OWNER_TYPES, "eier", notices),
    )
    return Parsed(filters, notices)


def filters_from_controls(
    aar: object, fra: object, fylke: object, sektor: object, eier: object, struktur: object
) -> Filters:
    """Filters from the filter bar's control values (already valid options)."""
    return parse_filters(
        {
            "aar": aar,
            "fra": fra,
            "fylke": fylke,
            "sektor": sektor,
            "eier": eier,
            "struktur": struktur,
        }
    ).filters

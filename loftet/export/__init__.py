"""Files for use outside the app: print-ready chart images, data downloads, the report pack.

Every file is made from the chart catalogue (`loftet.charts.render`), so a download shows the
same numbers as the chart on screen. This module holds what all outlets share: formats, file
names, and the Norwegian texts that say what a file shows (filters, options, source, data date,
demo notice). `images` (with `layout`, `browser` and `png`), `tables` and `pack` make the
files; `export_file` picks one by format.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from loftet.charts import Chart
from loftet.filters import Filters
from loftet.formatting import long_date
from loftet.queries import reference

IMAGE_FORMATS = ("png", "svg", "pdf")
TABLE_FORMATS = ("csv", "xlsx")
FORMATS = IMAGE_FORMATS + TABLE_FORMATS
MEDIA_TYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}
DEMO_MARK = "DEMODATA – ikke offisielle tall"
DEMO_NOTICE = (
    "Tallene er generert for demonstrasjon og er ikke offisielle. "
    "De må ikke brukes i rapporter eller saksframlegg."
)
FILE_PREFIX = "loftet"
_TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "o", "å": "aa", "é": "e", "á": "a"})


def slug(text: str) -> str:
    """`Møre og Romsdal` → `more-og-romsdal`: safe in file names on every system."""
    folded = unicodedata.normalize("NFKD", text.lower().translate(_TRANSLITERATION))
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "x"


def place_name(filters: Filters, options: Mapping[str, str] | None = None) -> str:
    """The place a view shows: the municipality (profile), else the county, else the nation."""
    municipality = (options or {}).get("kommune")
    named = _municipality_name(str(municipality)) if municipality else None
    return named or filters.county_name


def place_slug(filters: Filters, options: Mapping[str, str] | None = None) -> str:
    """The place's name as a slug: `bergen`, `vestland`, or `norge` for the whole country."""
    if (options or {}).get("kommune") or filters.fylke:
        return slug(place_name(filters, options))
    return "norge"


def file_stem(name: str, filters: Filters, options: Mapping[str, str] | None = None) -> str:
    """`loftet_<name>_<place>_<år>`, e.g. `loftet_dekning-kart_vestland_2026`; the place is the
    municipality on the municipality profile, else the county or `norge`."""
    return f"{FILE_PREFIX}_{slug(name)}_{place_slug(filters, options)}_{filters.aar}"


def file_name(
    chart_id: str, filters: Filters, fmt: str, options: Mapping[str, str] | None = None
) -> str:
    """The download name of one chart in one format."""
    return f"{file_stem(chart_id, filters, options)}.{fmt}"


def _municipality_name(number: str) -> str | None:
    from loftet.charts.kommune import MUNICIPALITY  # on use: keeps the catalogue's order

    return MUNICIPALITY.label_of(number)


def options_text(chart: Chart, options: Mapping[str, str]) -> str:
    """The view options the chart reads, in words, e.g. `Vis: Deltar · Fargeskala: Glidende`.

    Each option's caption and labels come from its declaration (`Chart.options`); options the
    chart does not read and values that are not valid choices are left out."""
    parts = []
    for option in chart.options:
        words = option.label_of(options.get(option.param))
        if words:
            parts.append(f"{option.caption}: {words}")
    return " · ".join(parts)


def view_text(chart: Chart, filters: Filters, options: Mapping[str, str]) -> str:
    """What made this view: the filters, then the view options (the subtitle of a file)."""
    municipality = place_name(filters, options) if options.get("kommune") else None
    extra = options_text(
        chart, {k: v for k, v in options.items() if not (municipality and k == "kommune")}
    )
    base = filters.describe(spans_years=chart.spans_years)
    if municipality:
        base = base.replace(filters.county_name, f"{municipality} kommune", 1)
    return f"{base} · {extra}" if extra else base


def data_date_text() -> str:
    """`Data lastet 25. november 2026`, from the database's last load."""
    loaded = reference.last_loaded()
    return f"Data lastet {long_date(loaded)}" if loaded else "Ingen data lastet ennå"


def source_text(chart: Chart) -> str:
    """The chart's source line followed by the data date."""
    source = chart.source.strip()
    if source and not source.endswith((".", "!", "?")):
        source += "."
    return f"{source} {data_date_text()}." if source else f"{data_date_text()}."


def is_demo() -> bool:
    """True when the database holds generated demo data (every file then says so)."""
    return reference.is_demo()


def export_file(
    chart_id: str, filters: Filters, options: Mapping[str, str], fmt: str, preset: str | None = None
) -> tuple[str, bytes]:
    """(file name, content) of one chart in `fmt` (one of `FORMATS`); ValueError otherwise.
    Images are drawn at the size `preset` names (`loftet.export.presets`; report by default)
    and a size other than the report's is named in the file name."""
    if fmt in IMAGE_FORMATS:
        from loftet.export.images import export_figure

        name = chart_id if preset in (None, "rapport") else f"{chart_id}-{preset}"
        return (
            file_name(name, filters, fmt, options),
            export_figure(chart_id, filters, options, fmt, preset),
        )
    if fmt in TABLE_FORMATS:
        from loftet.export.tables import export_table

        return (
            file_name(chart_id, filters, fmt, options),
            export_table(chart_id, filters, options, fmt),
        )
    raise ValueError(f"unknown export format {fmt!r}")

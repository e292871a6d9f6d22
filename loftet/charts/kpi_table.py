"""The numbers of the KPI catalogue (`loftet.charts.kpis`) for one view, and the view's table
in the chart catalogue.

`kpi_frames` computes a view's KPIs for the chosen year (value, the year before, change, the
county and nation for comparison, provisional or not) and each KPI's values over the years
for the sparklines. The cards on Oversikt and the profile, the key-figure downloads (CSV,
XLSX, images) and the report pack all read these frames: `register_kpi_chart` registers a
view's table as the chart `<page>-nokkeltall`.
"""

from __future__ import annotations

import textwrap

import pandas as pd

from loftet import cache
from loftet.charts import Chart, Options, ViewOption, register
from loftet.charts.kpis import (
    KPIS_BY_KEY,
    MUNICIPALITY,
    VALUE_KEYS,
    change_text,
    comparison_value_text,
    full_text,
    kpis_for,
    value_text,
    view_of,
)
from loftet.config import FIRST_YEAR
from loftet.figures.kpis import key_figure_table
from loftet.filters import Filters
from loftet.metrics import metric
from loftet.provisional import PROVISIONAL, is_provisional, provisional_year
from loftet.queries.kpi_values import Values, area_values, municipality_values
from loftet.queries.municipality import Municipality, find_municipality, municipality

# --- Numbers ------------------------------------------------------------------------------------


def _years(filters: Filters) -> range:
    """The sparkline's years: `fra`..`aar`, and always the year before `aar` for the change."""
    start = max(FIRST_YEAR, min(filters.fra, filters.aar - 1))
    return range(start, filters.aar + 1)


def place_of(options: Options) -> Municipality | None:
    """The municipality the options name (a 2024 or a 2020–2023 number), or None."""
    resolution = find_municipality(str(options.get("kommune") or ""))
    number = resolution.kommunenummer
    return municipality(number) if number is not None else None


def _series_values(filters: Filters, place: Municipality | None) -> dict[int, Values]:
    years = _years(filters)
    if place is not None:
        return municipality_values(place.kommunenummer, filters.struktur, years)
    return {year: area_values(filters, year) for year in years}


def _comparisons(filters: Filters, place: Municipality | None) -> tuple[str, Values, Values]:
    """(county name, county values, national values) to show beside the view's own; empty
    where the view is the nation (or its county for a county)."""
    year = filters.aar
    nation = Filters(aar=year, fra=year, struktur=filters.struktur)
    if place is not None:
        code, name = place.county(filters.struktur)
        county = Filters(aar=year, fra=year, fylke=code, struktur=filters.struktur)
        return name, area_values(county, year), area_values(nation, year)
    if filters.fylke:
        scope = Filters(
            aar=year, fra=year, sektor=filters.sektor, eier=filters.eier, struktur=filters.struktur
        )
        return "", {}, area_values(scope, year)
    return "", {}, {}


DOWNLOAD_COLUMNS = {
    "nokkeltall": "Nøkkeltall",
    "aar": "År",
    "verdi": "Verdi",
    "enhet": "Enhet",
    "forrige": "Året før",
    "endring": "Endring fra året før",
    "fylke": "Fylket",
    "landet": "Hele landet",
    "forelopig": "Foreløpig",
    "definisjon": "Definisjon",
}


def kpi_frames(filters: Filters, options: Options) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the view's KPIs in `filters.aar`, their values over the years).

    The first has one row per KPI: kpi, nokkeltall (label), aar, verdi, enhet, forrige, endring,
    fylke and landet (comparison values; NaN where not compared), forelopig (the year is
    still in progress), definisjon and the card's texts. The second has kpi, aar, verdi,
    forelopig for the sparklines.
    """
    key = cache.key_for("kpi-frames", filters, options.get("kommune"))
    table, history = cache.cached(key, lambda: _compute_frames(filters, options))
    return table.copy(), history.copy()


def _compute_frames(filters: Filters, options: Options) -> tuple[pd.DataFrame, pd.DataFrame]:
    view = view_of(options)
    place = place_of(options) if view == MUNICIPALITY else None
    if view == MUNICIPALITY and place is None:
        return _frames([], [])
    values = _series_values(filters, place)
    county_name, county, nation = _comparisons(filters, place)
    current = provisional_year()
    now, before = values.get(filters.aar, {}), values.get(filters.aar - 1, {})
    rows: list[dict] = []
    series: list[dict] = []
    for kpi in kpis_for(view):
        key = VALUE_KEYS.get(kpi.key, kpi.key)
        value, previous = now.get(key), before.get(key)
        change = None if value is None or previous is None else value - previous
        compare = kpi.compare and not (kpi.money and filters.sektor)
        rows.append(
            {
                "kpi": kpi.key,
                "nokkeltall": kpi.label,
                "aar": filters.aar,
                "verdi": value,
                "enhet": metric(kpi.metric).unit,
                "forrige": previous,
                "endring": None if kpi.kind == "yesno" else change,
                "fylke": county.get(key) if compare else None,
                "landet": nation.get(key) if compare else None,
                "forelopig": is_provisional(filters.aar, current),
                "definisjon": metric(kpi.metric).definition,
                "fylke_navn": county_name,
            }
        )
        series += [
            {"kpi": kpi.key, "aar": year, "verdi": v.get(key), "forelopig": year >= current}
            for year, v in values.items()
            if filters.fra <= year
        ]
    return _frames(rows, series)


def _frames(rows: list[dict], series: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    table = pd.DataFrame(rows, columns=[*DOWNLOAD_COLUMNS, "kpi", "fylke_navn"])
    for column in ("verdi", "forrige", "endring", "fylke", "landet"):
        table[column] = pd.to_numeric(table[column], errors="coerce").astype(float)
    history = pd.DataFrame(series, columns=["kpi", "aar", "verdi", "forelopig"])
    history["verdi"] = pd.to_numeric(history.verdi, errors="coerce").astype(float)
    return table, history


def kpi_table(filters: Filters, options: Options) -> pd.DataFrame:
    """The view's KPIs in `filters.aar` (the first of `kpi_frames`)."""
    return kpi_frames(filters, options)[0]


# --- In the chart catalogue ---------------------------------------------------------------------

CHART_TITLE = "Nøkkeltall"
KPI_SOURCE = (
    "Kilde: deltakelse og tildelinger rapportert til statsforvalterne, enhetsregisteret. "
    "Definisjoner under «Om tallene»."
)


def _short_change(text: str, year: int) -> str:
    """A change as the print table's column shows it (its header names the year before)."""
    return text.removesuffix(f" fra {year - 1}").replace("prosentpoeng", "%-poeng")


def _wrap(text: str, width: int = 44) -> str:
    return "<br>".join(textwrap.wrap(text, width)) or text


def display_frame(table: pd.DataFrame) -> pd.DataFrame:
    """The KPI table in words for print: Nøkkeltall, Verdi, Endring and the comparisons the
    view has (the county by name, the nation), a provisional year marked."""
    kpis = [KPIS_BY_KEY[key] for key in table.kpi]
    year = int(table.aar.iloc[0]) if len(table) else 0
    provisional = bool(table.forelopig.any())
    value_header = f"{year} ({PROVISIONAL})" if provisional else str(year)
    out = pd.DataFrame(
        {
            "Nøkkeltall": [_wrap(k.label) for k in kpis],
            value_header: [full_text(k, v) for k, v in zip(kpis, table.verdi, strict=True)],
            f"Endring fra {year - 1}": [
                _short_change(change_text(k, v, p, year), year)
                for k, v, p in zip(kpis, table.verdi, table.forrige, strict=True)
            ],
        }
    )
    names = {"fylke": str(table.fylke_navn.iloc[0]) if len(table) else "", "landet": "Landet"}
    for column, header in names.items():
        if table[column].notna().any():
            out[header or "Fylket"] = [
                comparison_value_text(k, v) if pd.notna(v) else ""
                for k, v in zip(kpis, table[column], strict=True)
            ]
    return out


def _summary(table: pd.DataFrame, filters: Filters, options: Options) -> str:
    place = filters.county_name
    if view_of(options) == MUNICIPALITY:
        found = place_of(options)
        place = found.navn if found else place
    parts = [
        f"{KPIS_BY_KEY[row.kpi].label} {value_text(KPIS_BY_KEY[row.kpi], row.verdi)}"
        for row in table.head(3).itertuples()
    ]
    return f"Nøkkeltall for {place} i {filters.aar}: " + ", ".join(parts) + "."


def register_kpi_chart(page: str, view: str, options: tuple[ViewOption, ...] = ()) -> Chart:
    """Register the `view`'s KPI table as the chart `<page>-nokkeltall`: it then downloads
    (CSV, XLSX, images) through the chart machinery and joins the report pack. The area view
    reads no page option; the municipality view reads `kommune` (declared in `options`)."""
    keys = tuple(dict.fromkeys(kpi.metric for kpi in kpis_for(view)))

    def own(options: Options) -> Options:
        return options if view == MUNICIPALITY else {}

    return register(
        Chart(
            id=f"{page}-nokkeltall",
            page=page,
            title=CHART_TITLE,
            data=lambda filters, options: kpi_table(filters, own(options)),
            figure=lambda table, _filters, _options: key_figure_table(display_frame(table)),
            source=KPI_SOURCE,
            columns=DOWNLOAD_COLUMNS,
            summary=lambda table, filters, options: _summary(table, filters, own(options)),
            metrics=keys,
            options=options,
        )
    )


def is_kpi_chart(chart: Chart) -> bool:
    """True for a view's KPI table (drawn as cards on its page, not as a chart card)."""
    return chart.id.endswith("-nokkeltall")

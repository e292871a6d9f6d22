"""Quality and need indicators per municipality and year (kvalitetsindikatorer).

Rules every chart of the Kvalitet page relies on:
- A suppressed value (`verdi` NULL) is missing, never 0: it is left out of levels, percentiles
  and rankings, and counted (`skjermet`).
- The national level is sum(teller) / sum(nevner) · 100 over the municipalities with a value,
  not a mean of the municipalities' percentages.
- In the 2020 structure a merged municipality's value is recomputed from its parts' summed
  teller and nevner. A part without any reported row is ignored (its data were reported under
  the merged number); a suppressed part makes the whole area suppressed.

Need against reach (quadrants) is in `quality_reach`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sqlalchemy import and_, case, func, select

from loftet.db import kommune, kvalitetsindikator, kvalitetsindikator_landet
from loftet.filters import Filters
from loftet.queries.base import municipality_columns, municipality_key, read_frame, where_equal
from loftet.queries.reference import indicators, municipalities

DEFAULT_INDICATOR = "SPESUND"

QUADRANTS = {
    (True, True): "Høyt behov, lite nådd",
    (True, False): "Høyt behov, godt nådd",
    (False, True): "Lavt behov, lite nådd",
    (False, False): "Lavt behov, godt nådd",
}
"""(high need, low reach) → quadrant name."""
HIGH_NEED_LOW_REACH = QUADRANTS[(True, True)]


def indicator_info(code: str) -> dict[str, object]:
    """Name, unit, description and `hoy_er_behov` (bool) of one indicator; KeyError if
    unknown."""
    frame = indicators().set_index("kode")
    row = frame.loc[code]
    return {
        "kode": code,
        "navn": row.navn,
        "enhet": row.enhet,
        "hoy_er_behov": bool(row.hoy_er_behov),
        "beskrivelse": row.beskrivelse,
    }


def latest_year_with_data(indicator: str, year: int) -> int | None:
    """The latest year up to `year` with at least one unsuppressed value, or None."""
    q = kvalitetsindikator.c
    frame = read_frame(
        select(func.max(q.aar).label("aar")).where(
            q.indikator == indicator, q.aar <= year, q.verdi.is_not(None)
        )
    )
    value = frame.aar.iloc[0] if len(frame) else None
    return None if value is None or pd.isna(value) else int(value)


def _areas(filters: Filters) -> pd.DataFrame:
    """The municipalities of the chosen structure (and county): kommunenummer, kommune, fylke."""
    number, name, county = municipality_key(filters.struktur)
    frame = (
        municipalities()[[number, name, county]]
        .drop_duplicates(number)
        .set_axis(["kommunenummer", "kommune", "fylke"], axis=1)
    )
    if filters.fylke:
        frame = frame[frame.fylke == filters.fylke]
    return frame.sort_values("kommunenummer").reset_index(drop=True)


def _grouped_rows(filters: Filters, indicator: str, fra: int, til: int) -> pd.DataFrame:
    """Reported rows summed per area of the structure and year, with counts of parts."""
    number, _, county = municipality_columns(filters.struktur)
    q = kvalitetsindikator.c
    with_fraction = and_(q.verdi.is_not(None), q.teller.is_not(None), q.nevner.is_not(None))
    query = (
        select(
            q.aar,
            number.label("kommunenummer"),
            func.count().label("rader"),
            func.sum(case((q.verdi.is_(None), 1), else_=0)).label("skjermede"),
            func.sum(case((with_fraction, 1), else_=0)).label("med_brok"),
            func.sum(q.teller).label("teller"),
            func.sum(q.nevner).label("nevner"),
            func.max(q.verdi).label("rapportert"),
        )
        .join_from(kvalitetsindikator, kommune, kommune.c.kommunenummer == q.kommunenummer)
        .where(q.indikator == indicator, q.aar >= fra, q.aar <= til)
        .group_by(q.aar, number)
    )
    return read_frame(where_equal(query, county, filters.fylke))


def _area_values(rows: pd.DataFrame) -> pd.DataFrame:
    """verdi, teller, nevner and skjermet per area from the grouped rows (see module rules)."""
    reported = rows.rader.fillna(0)
    suppressed = rows.skjermede.fillna(0) > 0
    recomputable = (reported > 1) & (rows.med_brok == reported) & (rows.nevner > 0)
    single = (reported == 1) & ~suppressed
    verdi = pd.Series(np.nan, index=rows.index, dtype="float64")
    verdi = verdi.mask(single, rows.rapportert)
    verdi = verdi.mask(
        recomputable & ~suppressed, 100 * rows.teller / rows.nevner.where(rows.nevner > 0)
    )
    has_value = verdi.notna()
    return rows.assign(
        verdi=verdi,
        teller=rows.teller.where(has_value).astype("float64"),
        nevner=rows.nevner.where(has_value).astype("float64"),
        skjermet=suppressed,
    )


COLUMNS = ["aar", "kommunenummer", "kommune", "fylke", "verdi", "teller", "nevner", "skjermet"]


def indicator_by_municipality_and_year(
    filters: Filters, indicator: str, fra: int, til: int
) -> pd.DataFrame:
    """One row per municipality of the chosen structure (and county) and year `fra`..`til`.

    Columns: aar, kommunenummer, kommune, fylke, verdi (percent, NaN when missing or
    suppressed), teller, nevner (NaN without a value), skjermet (True when suppressed).
    Municipalities without any reported row are included with NaN and skjermet False.
    """
    areas = _areas(filters)
    years = pd.DataFrame({"aar": range(fra, til + 1)})
    grid = years.merge(areas, how="cross")
    rows = _grouped_rows(filters, indicator, fra, til)
    merged = grid.merge(rows, on=["aar", "kommunenummer"], how="left")
    merged[["aar"]] = merged[["aar"]].astype("int64")
    return _area_values(merged)[COLUMNS].reset_index(drop=True)


def indicator_by_municipality(
    filters: Filters, indicator: str, year: int | None = None
) -> pd.DataFrame:
    """`indicator_by_municipality_and_year` for one year (default `filters.aar`), without the
    year column: kommunenummer, kommune, fylke, verdi, teller, nevner, skjermet."""
    year = year or filters.aar
    frame = indicator_by_municipality_and_year(filters, indicator, year, year)
    return frame.drop(columns="aar")


PUBLISHED = "publisert landstall"
COMPUTED = "beregnet fra kommunene"


def national_level(indicator: str, year: int) -> float | None:
    """The national level in `year`: the published figure from the `landsnivaa` input when
    there is one, else computed (see `computed_national_level`); None without data."""
    published = _published_level(indicator, year)
    return published if published is not None else computed_national_level(indicator, year)


def national_level_basis(indicator: str, year: int) -> str:
    """How the national level was found: `PUBLISHED` or `COMPUTED`."""
    return PUBLISHED if _published_level(indicator, year) is not None else COMPUTED


def _published_level(indicator: str, year: int) -> float | None:
    n = kvalitetsindikator_landet.c
    frame = read_frame(select(n.verdi).where(n.indikator == indicator, n.aar == year))
    return float(frame.verdi.iloc[0]) if len(frame) else None


def computed_national_level(indicator: str, year: int) -> float | None:
    """sum(teller) / sum(nevner) · 100 over the municipalities with a value in `year` (the
    same in both structures), or None without data. Suppressed municipalities are left out,
    so it can differ from a published national figure."""
    q = kvalitetsindikator.c
    frame = read_frame(
        select(func.sum(q.teller).label("teller"), func.sum(q.nevner).label("nevner")).where(
            q.indikator == indicator,
            q.aar == year,
            q.verdi.is_not(None),
            q.teller.is_not(None),
            q.nevner.is_not(None),
        )
    )
    teller, nevner = frame.teller.iloc[0], frame.nevner.iloc[0]
    if pd.isna(nevner) or not nevner:
        return None
    return float(100 * teller / nevner)


def percentile(values: pd.Series, q: float) -> float:
    """The q-quantile with linear interpolation (pandas' default); NaN when empty."""
    values = values.dropna()
    return float(values.quantile(q)) if len(values) else float("nan")


def spread_by_year(filters: Filters, indicator: str, min_count: int = 2) -> pd.DataFrame:
    """Spread between municipalities (of the county, if chosen) per year `filters.fra`..`aar`.

    Columns: aar, antall (municipalities with a value), skjermet (suppressed), p10, median, p90,
    forhold (P90/P10) and differanse (P90 − P10, percentage points). Years with fewer than
    `min_count` values get NaN statistics; suppressed values are left out.
    """
    frame = indicator_by_municipality_and_year(filters, indicator, filters.fra, filters.aar)
    rows = []
    for year, group in frame.groupby("aar"):
        values = group.verdi.dropna()
        enough = len(values) >= max(min_count, 1)
        p10 = percentile(values, 0.1) if enough else np.nan
        p90 = percentile(values, 0.9) if enough else np.nan
        rows.append(
            {
                "aar": int(year),
                "antall": len(values),
                "skjermet": int(group.skjermet.sum()),
                "p10": p10,
                "median": percentile(values, 0.5) if enough else np.nan,
                "p90": p90,
                "forhold": p90 / p10 if enough and p10 > 0 else np.nan,
                "differanse": p90 - p10 if enough else np.nan,
            }
        )
    return pd.DataFrame(
        rows, columns=["aar", "antall", "skjermet", "p10", "median", "p90", "forhold", "differanse"]
    )

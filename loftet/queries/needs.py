"""Needs reports and applications (`behov`): reported, prioritised and granted, and when.

A needs report goes to one Statsforvalter, so amounts are grouped per Statsforvalter (the
samarbeidsforum and the decision are per office). The county filter selects the Statsforvalter
the county belongs to; the owner filter selects `søkertype`. «Meldt» is the amount applied for in
all reports, «prioritert» the amount applied for in reports the forum ranked, «innvilget» the
amount granted in the decisions.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import func, select

from loftet.db import behov, fylke, kompetanseomrade, statsforvalter
from loftet.filters import Filters
from loftet.queries.base import read_frame, where_equal
from loftet.queries.coverage import OWNER_TO_RECIPIENT

DEADLINE_NEEDS = (2, -1)
"""Needs are due in February: the last day of February."""
DEADLINE_DECISION = (4, 30)
"""Decisions are due by the end of April."""
AMOUNTS = ["meldt_kr", "prioritert_kr", "innvilget_kr"]


def needs_deadlines(year: int) -> tuple[dt.date, dt.date]:
    """(last day of February, 30 April) of `year`."""
    return dt.date(year, 3, 1) - dt.timedelta(days=1), dt.date(year, *DEADLINE_DECISION)


def _office_of_county(filters: Filters) -> str | None:
    if not filters.fylke:
        return None
    c = fylke.c
    frame = read_frame(
        select(c.statsforvalter).where(
            c.struktur == filters.struktur, c.fylkesnummer == filters.fylke
        )
    )
    return frame.statsforvalter.iloc[0] if len(frame) else None


def needs_facts(filters: Filters) -> pd.DataFrame:
    """One row per report in the year `aar` (county → its Statsforvalter; owner → søkertype).

    Columns: behov_id, statsforvalter, sf_navn, sokertype, omrader, sokt_kr, prioritert (bool),
    innvilget_kr (0 when refused or undecided), vedtak, mottatt, vedtaksdato (ISO dates).
    """
    b = behov.c
    query = (
        select(
            b.behov_id,
            b.statsforvalter,
            statsforvalter.c.navn.label("sf_navn"),
            b.sokertype,
            b.omrader,
            b.sokt_kr,
            b.prioritet,
            func.coalesce(b.innvilget_kr, 0).label("innvilget_kr"),
            b.vedtak,
            b.mottatt,
            b.vedtaksdato,
        )
        .join_from(behov, statsforvalter, statsforvalter.c.kode == b.statsforvalter)
        .where(b.aar == filters.aar)
        .order_by(b.behov_id)
    )
    query = where_equal(query, b.statsforvalter, _office_of_county(filters))
    frame = read_frame(where_equal(query, b.sokertype, OWNER_TO_RECIPIENT.get(filters.eier or "")))
    frame["sf_navn"] = frame.sf_navn.str.removeprefix("Statsforvalteren i ")
    frame["prioritert"] = frame.prioritet.notna()
    frame[["sokt_kr", "innvilget_kr"]] = frame[["sokt_kr", "innvilget_kr"]].astype("int64")
    return frame


def _totals(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    frame = frame.assign(
        meldt_kr=frame.sokt_kr,
        prioritert_kr=frame.sokt_kr.where(frame.prioritert, 0),
        meldinger=1,
        prioriterte=frame.prioritert.astype(int),
        innvilgede=(frame.innvilget_kr > 0).astype(int),
    )
    columns = [*AMOUNTS, "meldinger", "prioriterte", "innvilgede"]
    totals = frame.groupby(by, as_index=False)[columns].sum()
    totals["andel_innvilget"] = (
        100 * totals.innvilget_kr / totals.meldt_kr.where(totals.meldt_kr > 0)
    )
    return totals.sort_values("meldt_kr", ascending=False, ignore_index=True)


def needs_by_office(filters: Filters) -> pd.DataFrame:
    """Per Statsforvalter: meldt_kr, prioritert_kr, innvilget_kr, meldinger, prioriterte,
    innvilgede, andel_innvilget (% of the amount reported), largest reported need first."""
    frame = needs_facts(filters)
    if frame.empty:
        return pd.DataFrame(columns=["statsforvalter", "sf_navn", *AMOUNTS])
    totals = _totals(frame, "statsforvalter")
    names = frame.drop_duplicates("statsforvalter").set_index("statsforvalter").sf_navn
    return totals.assign(sf_navn=totals.statsforvalter.map(names))


def needs_by_area(filters: Filters) -> pd.DataFrame:
    """Per competence area: as `needs_by_office`. A report naming several areas counts in each
    with an equal share of its amounts, so the areas add up to the total."""
    frame = needs_facts(filters)
    if frame.empty:
        return pd.DataFrame(columns=["omrade", "omrade_navn", *AMOUNTS])
    areas = frame.omrader.str.split(";")
    share = 1 / areas.str.len()
    exploded = frame.assign(omrade=areas, andel=share).explode("omrade")
    for column in ("sokt_kr", "innvilget_kr"):
        exploded[column] = exploded[column] * exploded.andel
    totals = _totals(exploded, "omrade")
    area = kompetanseomrade.c
    names = read_frame(select(area.kode, area.navn)).set_index("kode").navn
    return totals.assign(omrade_navn=totals.omrade.map(names).fillna(totals.omrade))


def needs_timeline(filters: Filters) -> pd.DataFrame:
    """Per day of the year `aar`: mottatt and vedtatt (cumulative counts of reports received
    and decided) and their shares of all reports; columns dato, mottatt, vedtatt, andel_mottatt,
    andel_vedtatt."""
    frame = needs_facts(filters)
    if frame.empty:
        return pd.DataFrame(columns=["dato", "mottatt", "vedtatt"])
    received = pd.to_datetime(frame.mottatt).value_counts()
    decided = pd.to_datetime(frame.vedtaksdato.dropna()).value_counts()
    days = pd.date_range(
        min(received.index.min(), pd.Timestamp(filters.aar, 1, 1)),
        max([received.index.max(), *decided.index, pd.Timestamp(filters.aar, 5, 31)]),
    )
    timeline = pd.DataFrame({"dato": days})
    timeline["mottatt"] = received.reindex(days, fill_value=0).cumsum().to_numpy()
    timeline["vedtatt"] = decided.reindex(days, fill_value=0).cumsum().to_numpy()
    for column in ("mottatt", "vedtatt"):
        timeline[f"andel_{column}"] = 100 * timeline[column] / len(frame)
    return timeline


def deadline_shares(filters: Filters) -> dict[str, float | int]:
    """Reports, the share received by the February deadline and the share decided by 30 April
    (of all reports; undecided reports count as not decided in time)."""
    frame = needs_facts(filters)
    needs, decision = needs_deadlines(filters.aar)
    if frame.empty:
        return {"meldinger": 0}
    in_time = pd.to_datetime(frame.mottatt).dt.date <= needs
    decided = pd.to_datetime(frame.vedtaksdato).dt.date
    return {
        "meldinger": len(frame),
        "mottatt_i_tide": 100 * in_time.mean(),
        "vedtatt_i_tide": 100 * (decided <= decision).fillna(False).mean(),
        "uten_vedtak": int(frame.vedtaksdato.isna().sum()),
    }

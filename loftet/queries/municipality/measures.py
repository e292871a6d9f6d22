"""The measures with participants from, or money to, the municipality, and who received the
money."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import CompoundSelect, func, select, union

from loftet.db import kompetanseomrade, oppsummering_tiltak, tildeling, tiltak
from loftet.filters import Filters
from loftet.queries.base import read_frame


def measures_in_municipality(kommunenummer: str, filters: Filters) -> pd.DataFrame:
    """Measures with participants or allocations in the municipality in
    `filters.fra`..`filters.aar`, with what the municipality got and sent in `filters.aar`.

    Columns: tiltak_id, navn, startaar, uh_partner, hovedomrade, eier, eiertype,
    innvilget_kr (granted to the municipality and private owners there in `aar`; 0 if none),
    deltakere (participations from the municipality's units in `aar`; 0 if none),
    mottaker (who received the measure's grant in `aar`: "via nettverk" when the municipality
    takes part but another recipient got the money).
    """
    frame = _measures_frame(kommunenummer, filters)
    frame["mottaker"] = frame.tiltak_id.map(_recipients_text(kommunenummer, filters.aar)).fillna(
        "Ingen tildeling i året"
    )
    return frame


def _recipients_text(kommunenummer: str, year: int) -> dict[str, str]:
    """tiltak_id → "Kommunen selv", or "Via nettverk: <recipients>" when the municipality's
    own recipients got nothing from the measure that year."""
    t = tildeling.c
    here = _measures_here(kommunenummer, year, year)
    grants = read_frame(
        select(t.tiltak_id, t.mottaker, t.kommunenummer, t.mottakertype, t.innvilget_kr).where(
            t.aar == year, t.tiltak_id.in_(here)
        )
    )
    texts = {}
    for measure, rows in grants.groupby("tiltak_id"):
        own = rows[(rows.kommunenummer == kommunenummer) & (rows.mottakertype != "fylkeskommune")]
        others = rows.drop(own.index)
        names = ", ".join(sorted(set(others.mottaker)))
        if len(own) and len(others):
            texts[measure] = f"Delt med {names}"
        elif len(own):
            texts[measure] = ", ".join(sorted(set(own.mottaker)))
        elif (others.mottakertype == "fylkeskommune").all():
            texts[measure] = f"Fylkeskommunen: {names}"
        else:
            texts[measure] = f"Via nettverk: {names}"
    return texts


def _measures_frame(kommunenummer: str, filters: Filters) -> pd.DataFrame:
    """The measures and the municipality's own money and participations (see
    `measures_in_municipality`)."""
    t, p, m = tildeling.c, oppsummering_tiltak.c, tiltak.c
    k, year = kommunenummer, filters.aar
    here = _measures_here(k, filters.fra, year).cte("here")
    granted = (
        select(t.tiltak_id, func.sum(t.innvilget_kr).label("innvilget_kr"))
        .where(t.kommunenummer == k, t.aar == year, t.mottakertype != "fylkeskommune")
        .group_by(t.tiltak_id)
        .cte("granted")
    )
    taking_part = (
        select(p.tiltak_id, p.deltakere)
        .where(p.kommunenummer == k, p.aar == year)
        .cte("taking_part")
    )
    area = kompetanseomrade.c
    return read_frame(
        select(
            m.tiltak_id,
            m.navn,
            m.aar.label("startaar"),
            m.uh_partner,
            area.navn.label("hovedomrade"),
            m.eier,
            m.eiertype,
            func.coalesce(granted.c.innvilget_kr, 0).label("innvilget_kr"),
            func.coalesce(taking_part.c.deltakere, 0).label("deltakere"),
        )
        .join_from(tiltak, here, here.c.tiltak_id == m.tiltak_id)
        .outerjoin(kompetanseomrade, area.kode == m.hovedomrade)
        .outerjoin(granted, granted.c.tiltak_id == m.tiltak_id)
        .outerjoin(taking_part, taking_part.c.tiltak_id == m.tiltak_id)
        .order_by(m.aar.desc(), m.tiltak_id)
    )


def _measures_here(kommunenummer: str, fra: int, til: int) -> CompoundSelect:
    """tiltak_id of the measures with participants from, or money to, the municipality in
    `fra`..`til` (a UNION)."""
    p, t = oppsummering_tiltak.c, tildeling.c
    return union(
        select(p.tiltak_id).where(p.kommunenummer == kommunenummer, p.aar.between(fra, til)),
        select(t.tiltak_id).where(t.kommunenummer == kommunenummer, t.aar.between(fra, til)),
    )

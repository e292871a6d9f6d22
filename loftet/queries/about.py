"""Facts for the "Om tallene" page: data dates per input, budget sources, definitions held in
the database (indicators, competence areas and levels) and the demo assumptions."""

from __future__ import annotations

import json

import pandas as pd
from sqlalchemy import func, select

from loftet.db import bevilgning, kompetanseomrade, lastebatch, meta, nivaa
from loftet.queries.base import as_stored, read_frame
from loftet.queries.reference import indicators


def loads_per_input() -> pd.DataFrame:
    """Per input kind (`filtype`): files loaded, rows accepted and the latest load.
    Columns: filtype, filer, rader, sist_lastet."""
    b = lastebatch.c
    return read_frame(
        select(
            b.filtype,
            func.count().label("filer"),
            func.sum(b.rader_godtatt).label("rader"),
            as_stored(func.max(b.lastet), "sist_lastet"),
        )
        .group_by(b.filtype)
        .order_by(b.filtype)
    )


def budget_sources() -> pd.DataFrame:
    """The national budget per year with its source and note."""
    b = bevilgning.c
    return read_frame(select(b.aar, b.belop_kr, b.kilde, b.merknad).order_by(b.aar))


def indicator_definitions() -> pd.DataFrame:
    """Every quality indicator: kode, navn, enhet, hoy_er_behov, beskrivelse."""
    return indicators()


def pyramid() -> pd.DataFrame:
    """Competence areas with their pyramid level: nivaa, nivaa_navn, beskrivelse, kode, navn."""
    n, o = nivaa.c, kompetanseomrade.c
    return read_frame(
        select(n.nivaa, n.navn.label("nivaa_navn"), n.beskrivelse, o.kode, o.navn)
        .join_from(nivaa, kompetanseomrade, o.nivaa == n.nivaa, isouter=True)
        .order_by(n.nivaa, o.navn)
    )


def demo_assumptions() -> list[str]:
    """The demo generator's assumptions as told to users (empty for real data)."""
    frame = read_frame(select(meta.c.verdi).where(meta.c.nokkel == "demo_antakelser"))
    return list(json.loads(frame.verdi.iloc[0])) if len(frame) else []

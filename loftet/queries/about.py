"""Facts for the "Om tallene" page: data dates per input, budget sources, definitions held in
the database (indicators, competence areas and levels) and the demo assumptions."""

from __future__ import annotations

import json

import pandas as pd

from loftet.queries.base import read_frame


def loads_per_input() -> pd.DataFrame:
    """Per input kind (`filtype`): files loaded, rows accepted and the latest load.
    Columns: filtype, filer, rader, sist_lastet."""
    return read_frame(
        "SELECT filtype, COUNT(*) AS filer, SUM(rader_godtatt) AS rader, "
        "MAX(lastet) AS sist_lastet FROM lastebatch GROUP BY filtype ORDER BY filtype")


def budget_sources() -> pd.DataFrame:
    """The national budget per year with its source and note."""
    return read_frame("SELECT aar, belop_kr, kilde, merknad FROM bevilgning ORDER BY aar")


def indicator_definitions() -> pd.DataFrame:
    """Every quality indicator: kode, navn, enhet, hoy_er_behov, beskrivelse."""
    return read_frame("SELECT kode, navn, enhet, hoy_er_behov, beskrivelse FROM indikator "
                      "ORDER BY kode")


def pyramid() -> pd.DataFrame:
    """Competence areas with their pyramid level: nivaa, nivaa_navn, beskrivelse, kode, navn."""
    return read_frame(
        "SELECT n.nivaa, n.navn AS nivaa_navn, n.beskrivelse, o.kode, o.navn "
        "FROM nivaa n LEFT JOIN kompetanseomrade o ON o.nivaa = n.nivaa "
        "ORDER BY n.nivaa, o.navn")


def demo_assumptions() -> list[str]:
    """The demo generator's assumptions as told to users (empty for real data)."""
    frame = read_frame("SELECT verdi FROM meta WHERE nokkel = 'demo_antakelser'")
    return list(json.loads(frame.verdi.iloc[0])) if len(frame) else []

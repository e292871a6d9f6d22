"""The KPI catalogue on the small hand-written dataset (`tests/small_data.py`): values, change
and comparisons computed by hand, the key-figure downloads read back with pandas, the report
pack listing them, and «foreløpig» only on the year in progress.

Hand sums used below (2024 structure, 357 municipalities; staff of all units 249; children and
pupils 1 980, of them Bergen 520 and Vestland 880; staff in Vestland 129):
2021: participations 70 (Bergen 40, Oslo 30); granted 1 500 000 (Bergen 1 000 000, Oslo 500 000).
2022: participations 51 (Bergen 16, Askøy 20, Bærum 15); units reached in Bergen, Askøy and Bærum;
staff reached 12 + 4 + 20 + 15 = 51; granted 2 200 000 (Bergen 1 200 000, Askøy 300 000, Viken
county authority 700 000); 2 of 3 kindergartens reached. 2025: granted 2 000 000.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import pandas as pd
import pytest
from openpyxl import load_workbook

from loftet import cache
from loftet.charts import get_chart
from loftet.charts.kpi_table import kpi_frames, kpi_table
from loftet.export import export_file
from loftet.filters import Filters
from loftet.queries import reference
from loftet.ui.kpi_cards import kpi_section
from tests.dash_tree import text_of, walk


def values(filters: Filters, options: dict | None = None) -> pd.DataFrame:
    return kpi_table(filters, options or {}).set_index("kpi")


def test_nation_2022_with_change_from_2021(small_db: str) -> None:
    table = values(Filters(aar=2022))
    assert table.loc["deltakere", "verdi"] == 51 and table.loc["deltakere", "endring"] == -19
    assert table.loc["innvilget_kr", "verdi"] == 2_200_000
    assert table.loc["innvilget_kr", "forrige"] == 1_500_000
    assert table.loc["andel_av_2025", "verdi"] == pytest.approx(110.0)
    assert table.loc["kommuner_deltar", "verdi"] == pytest.approx(100 * 3 / 357)
    assert table.loc["kommuner_deltar", "forrige"] == pytest.approx(100 * 2 / 357)
    assert table.loc["andel_ansatte_naadd", "verdi"] == pytest.approx(100 * 51 / 249)
    assert table.loc["naadd_BHG", "verdi"] == pytest.approx(100 * 2 / 3)
    # the nation is compared with nothing
    assert table[["fylke", "landet"]].isna().all().all()


def test_county_is_compared_with_the_nation(small_db: str) -> None:
    table = values(Filters(aar=2022, fylke="46"))
    assert table.loc["kommuner_deltar", "verdi"] == pytest.approx(100 * 2 / 43)
    assert table.loc["kommuner_deltar", "landet"] == pytest.approx(100 * 3 / 357)
    assert table.loc["andel_ansatte_naadd", "verdi"] == pytest.approx(100 * 36 / 129)
    assert table.loc["andel_ansatte_naadd", "landet"] == pytest.approx(100 * 51 / 249)
    assert table.loc["deltakere", "verdi"] == 36
    assert pd.isna(table.loc["deltakere", "landet"])  # totals are not compared
    assert table.loc["innvilget_kr", "verdi"] == 1_500_000


def test_municipality_is_compared_with_county_and_nation(small_db: str) -> None:
    table = values(Filters(aar=2022), {"kommune": "4601"})
    per_child = table.loc["kr_per_barn"]
    assert per_child.verdi == pytest.approx(1_200_000 / 520)
    assert per_child.fylke == pytest.approx(1_500_000 / 880)
    # county authorities' grants belong to no municipality: not in the nation's numerator
    assert per_child.landet == pytest.approx(1_500_000 / 1980)
    assert table.loc["deltar", "verdi"] == 100 and table.loc["deltar", "fylke"] == pytest.approx(
        100 * 2 / 43
    )
    assert table.loc["deltakere", "verdi"] == 16 and table.loc["deltakere", "forrige"] == 40
    assert (table.fylke_navn == "Vestland").all()


def test_money_is_all_sectors_when_a_sector_is_chosen(small_db: str) -> None:
    table = values(Filters(aar=2022, sektor="BHG"))
    assert table.loc["innvilget_kr", "verdi"] == 2_200_000
    cards = text_of(
        kpi_section(
            "oversikt-nokkeltall",
            *kpi_frames(Filters(aar=2022, sektor="BHG"), {}),
            "",
            "kpi",
            money_note=True,
        )
    )
    assert "Alle sektorer: beløp fordeles ikke på sektor" in cards


def read_csv(content: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(content), sep=";", decimal=",", skiprows=6, encoding="utf-8-sig")


def test_key_figures_download_as_csv_and_xlsx_named_after_the_place(small_db: str) -> None:
    name, content = export_file("oversikt-nokkeltall", Filters(aar=2022, fylke="46"), {}, "csv")
    assert name == "loftet_oversikt-nokkeltall_vestland_2022.csv"
    lines = content.decode("utf-8-sig").splitlines()
    assert all(line.startswith("#") for line in lines[:6]) and not lines[6].startswith("#")
    frame = read_csv(content).set_index("Nøkkeltall")
    assert list(frame.columns[:4]) == ["År", "Verdi", "Enhet", "Året før"]
    assert frame.loc["Deltakelser", "Verdi"] == 36
    assert frame.loc["Innvilget", "Verdi"] == 1_500_000  # full kroner in the table
    assert frame.loc["Kommuner som deltar", "Hele landet"] == pytest.approx(0.8, abs=0.05)
    assert frame.loc["Kommuner som deltar", "Enhet"] == "%"  # labels and units, not codes
    assert "kommuner_deltar" not in content.decode("utf-8-sig")
    name, content = export_file("oversikt-nokkeltall", Filters(aar=2022), {}, "xlsx")
    assert name == "loftet_oversikt-nokkeltall_norge_2022.xlsx"
    rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if row[:2] == ("Nøkkeltall", "År"))
    sheet = pd.read_excel(io.BytesIO(content), skiprows=header, engine="openpyxl").set_index(
        "Nøkkeltall"
    )
    assert sheet.loc["Innvilget", "Verdi"] == 2_200_000
    assert sheet.loc["Deltakelser", "Endring fra året før"] == -19


def test_municipality_key_figures_download_is_named_after_it(small_db: str) -> None:
    name, content = export_file("kommune-nokkeltall", Filters(aar=2022), {"kommune": "4601"}, "csv")
    assert name == "loftet_kommune-nokkeltall_bergen_2022.csv"
    frame = read_csv(content).set_index("Nøkkeltall")
    assert frame.loc["Deltakelser", "Verdi"] == 16
    assert frame.loc["Innvilget per barn og elev", "Fylket"] == pytest.approx(1704.5, abs=0.05)


def test_report_pack_holds_the_key_figures(small_db: str, monkeypatch) -> None:
    from loftet.export import pack

    assert pack.pack_charts()[0].id == "oversikt-nokkeltall"
    monkeypatch.setattr(pack, "pack_charts", lambda: [get_chart("oversikt-nokkeltall")])
    archive = zipfile.ZipFile(io.BytesIO(pack.build_report_pack(Filters(fylke="46", aar=2022))))
    contents = archive.read(pack.CONTENTS).decode("utf-8")
    assert "1. Nøkkeltall" in contents
    for fmt in ("csv", "xlsx"):
        assert f"data/loftet_oversikt-nokkeltall_vestland_2022.{fmt}" in contents
    packed = read_csv(archive.read("data/loftet_oversikt-nokkeltall_vestland_2022.csv"))
    assert packed.set_index("Nøkkeltall").loc["Deltakelser", "Verdi"] == 36


def test_foreløpig_only_on_the_year_in_progress(small_db: str, monkeypatch) -> None:
    cache.clear()
    monkeypatch.setattr(reference, "last_loaded", lambda: datetime(2022, 6, 1))
    table, history = kpi_frames(Filters(aar=2022), {})
    assert table.forelopig.all()
    assert set(history.loc[history.forelopig, "aar"]) == {2022}
    cards = kpi_section("oversikt-nokkeltall", table, history, "", "kpi")
    assert text_of(cards).count("foreløpig") == len(table)
    earlier = kpi_section("oversikt-nokkeltall", *kpi_frames(Filters(aar=2021), {}), "", "kpi")
    assert "foreløpig" not in text_of(earlier)
    alts = [getattr(c, "alt", "") or "" for c in walk(earlier)]
    assert alts and not any("foreløpig" in alt for alt in alts)
    cache.clear()


def test_slides_read_the_same_key_figures(small_db: str) -> None:
    from loftet.presentation.messages import map_slide, participation_slide, whole_team_slide

    slide = participation_slide(Filters(aar=2022, fylke="46"))
    # 2 of Vestland's 43 municipalities take part (4,7 %), 3 of 357 in the nation (0,8 %)
    assert slide.headline == "Vestland: 5\u00a0% av kommunene deltar"
    assert slide.comparison == "landet 1\u00a0%"
    team = whole_team_slide(Filters(aar=2021))
    # 2021: only Bergen has kindergarten, school and PPT in one measure: 1 of 357
    assert team.headline == "Hele landet: 0\u00a0% av kommunene deltar med hele laget"
    cards = values(Filters(aar=2021))
    assert cards.loc["helt_lag", "verdi"] == pytest.approx(100 / 357)
    # 2022: Bergen's two kindergartens, Askøy's school in Vestland: 3 of its 6 units; the nation
    # adds Bærum's upper secondary school: 4 of 8
    units = map_slide(Filters(aar=2022, fylke="46"))
    assert units.headline == "Vestland: tiltakene har nådd 50\u00a0% av enhetene"
    assert units.comparison == "landet 50\u00a0%"
    assert values(Filters(aar=2022, fylke="46")).loc["andel_naadd", "verdi"] == pytest.approx(50.0)

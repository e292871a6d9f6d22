"""The national demo dataset: determinism, formats, scale, money, codes and numbering rules."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from etl import formats as F
from etl.demo import generate_demo_files
from loftet.config import REFERENCE_DIR

CSV_FILES = ("enheter", "tildelinger", "deltakelse", "kvalitetsindikatorer", "behov")
XLSX_FILES = ("tiltak", "bevilgning")
UNIT_TARGETS = {"barnehage": 5_300, "grunnskole": 2_700, "vgs": 450, "ppt": 250, "annen": 300}


@pytest.fixture(scope="module")
def out(demo_files: Path) -> Path:
    """The files of the run's one demo build (default seed, `python -m etl demo`)."""
    return demo_files


EXPECTED_FILES = sorted([f"{n}.csv" for n in CSV_FILES] + [f"{n}.xlsx" for n in XLSX_FILES])


def read(folder: Path, name: str) -> pd.DataFrame:
    """A generated file as strings, empty cells as ''."""
    if name in XLSX_FILES:
        return pd.read_excel(folder / f"{name}.xlsx", dtype=str, engine="openpyxl").fillna("")
    return pd.read_csv(folder / f"{name}.csv", sep=";", dtype=str, keep_default_na=False)


def reference(name: str) -> pd.DataFrame:
    return pd.read_csv(REFERENCE_DIR / name, dtype=str, keep_default_na=False)


def xlsx_cells(path: Path) -> list[tuple]:
    return list(load_workbook(path, read_only=True).active.iter_rows(values_only=True))


def test_writes_every_file(out: Path) -> None:
    assert sorted(p.name for p in out.iterdir()) == EXPECTED_FILES


def test_same_seed_gives_identical_files(out: Path, tmp_path: Path) -> None:
    """Generating again with the default seed (the second build of the run) returns every
    file it wrote and gives the same bytes (XLSX: the same cells)."""
    paths = generate_demo_files(tmp_path, seed=2020)
    assert sorted(p.name for p in paths) == EXPECTED_FILES
    assert all(p.parent == tmp_path and p.is_file() for p in paths)
    for name in CSV_FILES:
        assert (tmp_path / f"{name}.csv").read_bytes() == (out / f"{name}.csv").read_bytes()
    for name in XLSX_FILES:
        assert xlsx_cells(tmp_path / f"{name}.xlsx") == xlsx_cells(out / f"{name}.xlsx")


def test_other_seed_gives_other_data(out: Path, tmp_path: Path) -> None:
    generate_demo_files(tmp_path, seed=7)
    for name in CSV_FILES:
        assert (tmp_path / f"{name}.csv").read_bytes() != (out / f"{name}.csv").read_bytes()


def test_headers_are_the_documented_formats(out: Path) -> None:
    for name in CSV_FILES:
        with (out / f"{name}.csv").open(encoding="utf-8") as handle:
            assert handle.readline().rstrip("\n").split(";") == F.FORMATS_BY_NAME[name].headers
    for name in XLSX_FILES:
        assert list(xlsx_cells(out / f"{name}.xlsx")[0]) == F.FORMATS_BY_NAME[name].headers


def test_unit_counts_and_sizes_are_national_scale(out: Path) -> None:
    units = read(out, "enheter")
    counts = units["enhetstype"].value_counts()
    for kind, target in UNIT_TARGETS.items():
        assert abs(counts[kind] - target) <= 0.1 * target, kind
    private = units["eiertype"].eq("privat").groupby(units["enhetstype"]).mean()
    assert 0.4 <= private["barnehage"] <= 0.6
    assert 0.05 <= private["grunnskole"] <= 0.11
    size = units["antall_barn_elever"].astype(int).groupby(units["enhetstype"]).sum()
    assert abs(size["barnehage"] - 266_900) < 27_000
    assert abs(size["grunnskole"] - 637_000) < 64_000
    assert size["ppt"] == 0 and size["annen"] == 0


def test_organisation_numbers_are_unique_fake_numbers(out: Path) -> None:
    numbers = read(out, "enheter")["organisasjonsnummer"]
    assert numbers.is_unique
    assert numbers.str.fullmatch(r"9\d{8}").all()


def test_every_municipality_has_units_and_indicators(out: Path) -> None:
    towns = set(reference("kommuner.csv")["kommunenummer_2024"])
    assert len(towns) == 357
    towns -= {"1580"}  # Haram: inside Ålesund in the population file, so no units of its own
    units = read(out, "enheter")
    assert set(units["kommunenummer"]) == towns
    for kind in ("barnehage", "grunnskole"):
        assert set(units.loc[units["enhetstype"] == kind, "kommunenummer"]) == towns, kind
    assert units["kommunenummer"].map(len).eq(4).all()
    ppt_towns = set(units.loc[units["enhetstype"] == "ppt", "kommunenummer"])
    assert len(ppt_towns) < len(towns), "small municipalities share a PPT office"


def test_allocations_add_up_to_the_budget_each_year(out: Path) -> None:
    budget = read(out, "bevilgning").set_index("år")["beløp_kr"].astype(int)
    assert list(budget.index) == [str(y) for y in range(2021, 2027)]
    assert budget["2021"] == 50_000_000
    granted = read(out, "tildelinger")
    per_year = granted["innvilget_kr"].astype(int).groupby(granted["år"]).sum()
    assert per_year.to_dict() == budget.to_dict()
    vestland = granted[(granted["år"] == "2021") & (granted["statsforvalter"] == "VL")]
    assert vestland["innvilget_kr"].astype(int).sum() == 5_300_000


def test_budget_sources(out: Path) -> None:
    budget = read(out, "bevilgning").set_index("år")
    assert "Vestland" in budget.at["2021", "kilde"]
    assert (budget.drop("2021")["kilde"] == "Demodata – antakelse").all()


def test_spent_is_empty_exactly_for_2026(out: Path) -> None:
    granted = read(out, "tildelinger")
    empty = granted["brukt_kr"] == ""
    assert (empty == (granted["år"] == "2026")).all()
    used = granted[~empty]
    ratio = used["brukt_kr"].astype(int) / used["innvilget_kr"].astype(int)
    assert ratio.between(0, 1).all()
    assert ratio.median() > 0.85


def test_private_owners_get_less_than_their_share(out: Path) -> None:
    granted = read(out, "tildelinger")
    amount = granted["innvilget_kr"].astype(int)
    private_money = amount[granted["mottakertype"] == "privat"].sum() / amount.sum()
    units = read(out, "enheter")
    size = units["antall_barn_elever"].astype(int)
    private_children = size[units["eiertype"] == "privat"].sum() / size.sum()
    assert 0 < private_money < private_children / 2


def test_codes_exist_in_reference_or_generated_files(out: Path) -> None:
    offices = set(reference("statsforvaltere.csv")["kode"])
    areas = set(reference("kompetanseomrader.csv")["kode"])
    professions = set(reference("profesjoner.csv")["kode"])
    measures, granted = read(out, "tiltak"), read(out, "tildelinger")
    taking_part = read(out, "deltakelse")
    assert measures["tiltak_id"].is_unique
    assert set(measures["statsforvalter"]) | set(granted["statsforvalter"]) <= offices
    assert set(measures["hovedområde"]) <= areas
    listed = measures["kompetanseområder"].str.split(";")
    assert all(set(a) <= areas and 1 <= len(a) <= 3 for a in listed)
    assert all(m in a for m, a in zip(measures["hovedområde"], listed, strict=True))
    groups = measures["målgrupper"].str.split(";")
    assert all(set(g) <= professions and 2 <= len(g) <= 5 for g in groups)
    assert set(taking_part["profesjon"]) <= professions
    assert set(granted["tiltak_id"]) <= set(measures["tiltak_id"])
    assert set(taking_part["tiltak_id"]) <= set(measures["tiltak_id"])
    units = set(read(out, "enheter")["organisasjonsnummer"])
    assert set(taking_part["organisasjonsnummer"]) <= units
    indicators = read(out, "kvalitetsindikatorer")
    assert set(indicators["indikator"]) == set(reference("indikatorer.csv")["kode"])


def test_measure_ids_follow_office_and_start_year(out: Path) -> None:
    measures = read(out, "tiltak")
    pattern = measures["statsforvalter"] + "-" + measures["år"] + r"-\d{3}"
    assert all(re.fullmatch(p, i) for p, i in zip(pattern, measures["tiltak_id"], strict=True))
    per_year = measures.groupby("år").size()
    assert "2020" not in per_year and per_year["2021"] < per_year["2025"]


def _offices(structure: str) -> dict[str, str]:
    """Municipality number in the 2020 or 2024 structure → Statsforvalter code."""
    towns = reference("kommuner.csv")
    counties = reference("fylker.csv")
    office = counties[counties["struktur"] == structure].set_index("fylkesnummer")
    county = dict(
        zip(towns[f"kommunenummer_{structure}"], towns[f"fylkesnummer_{structure}"], strict=True)
    )
    return {number: office.at[c, "statsforvalter"] for number, c in county.items()}


def test_statsforvalter_matches_the_municipality(out: Path) -> None:
    old, new = _offices("2020"), _offices("2024")
    for name in ("tiltak", "tildelinger"):
        rows = read(out, name)
        early = rows["år"].astype(int) <= 2023
        expected = rows["kommunenummer"].map(old).where(early, rows["kommunenummer"].map(new))
        assert (expected == rows["statsforvalter"]).all(), name


def test_municipality_numbers_follow_the_year(out: Path) -> None:
    towns = reference("kommuner.csv")
    old, new = set(towns["kommunenummer_2020"]), set(towns["kommunenummer_2024"])
    for name in ("tiltak", "tildelinger", "kvalitetsindikatorer"):
        rows = read(out, name)
        early = rows["år"].astype(int) <= 2023
        assert set(rows.loc[early, "kommunenummer"]) <= old, name
        assert set(rows.loc[~early, "kommunenummer"]) <= new, name
        assert not rows.loc[early, "kommunenummer"].isin(["3201", "1508", "1580"]).any(), name
        assert not rows.loc[~early, "kommunenummer"].str[:2].isin(["30", "38", "54"]).any(), name
        assert not rows.loc[~early, "kommunenummer"].eq("1507").any(), name


def test_indicators_cover_every_municipality_year_and_code(out: Path) -> None:
    rows = read(out, "kvalitetsindikatorer")
    assert not rows.duplicated(["år", "kommunenummer", "indikator"]).any()
    towns = rows.groupby("år")["kommunenummer"].nunique()
    # 356 areas every year: Haram stays inside Ålesund (combined area) from 2024 too
    assert towns.to_dict() == {str(y): 356 for y in range(2020, 2027)}
    assert not rows["kommunenummer"].eq("1580").any()
    assert len(rows) == 7 * 356 * 5


def test_suppressed_values_are_empty_not_zero(out: Path) -> None:
    rows = read(out, "kvalitetsindikatorer")
    hidden = rows["teller"] == ""
    assert ((rows["verdi"] == "") == hidden).all()
    assert 0.005 < hidden.mean() < 0.1
    assert (rows["nevner"] != "").all()
    shown = rows[~hidden]
    teller, nevner = shown["teller"].astype(int), shown["nevner"].astype(int)
    assert (teller >= 5).all()
    assert shown["verdi"].str.fullmatch(r"\d{1,3},\d").all()
    expected = [
        f"{round(100 * t / n, 1):.1f}".replace(".", ",")
        for t, n in zip(teller, nevner, strict=True)
    ]
    assert shown["verdi"].tolist() == expected


def test_indicator_levels_are_plausible(out: Path) -> None:
    rows = read(out, "kvalitetsindikatorer")
    rows = rows[rows["teller"] != ""]
    totals = (
        rows.assign(t=rows["teller"].astype(int), n=rows["nevner"].astype(int))
        .groupby("indikator")[["t", "n"]]
        .sum()
    )
    national = 100 * totals["t"] / totals["n"]
    assert 7.0 < national["SPESUND"] < 8.8
    assert 3.0 < national["SPESPED_BHG"] < 4.5
    assert 38 < national["ASSTIMER"] < 52
    assert 4.5 < national["UKVAL"] < 7.5
    assert 62 < national["PPT_FRIST"] < 78


def test_participation_share_of_municipalities_rises(out: Path) -> None:
    units = read(out, "enheter").set_index("organisasjonsnummer")["kommunenummer"]
    rows = read(out, "deltakelse")
    assert 80_000 <= len(rows) <= 250_000
    assert (rows["antall_deltakere"].astype(int) >= 1).all()
    share = rows["organisasjonsnummer"].map(units).groupby(rows["år"]).nunique() / 357
    assert share.is_monotonic_increasing
    assert "2020" not in share and share["2021"] > 0.45 and share["2025"] > 0.85


def test_participation_only_in_allocated_years(out: Path) -> None:
    granted = read(out, "tildelinger")
    rows = read(out, "deltakelse").drop_duplicates(["år", "tiltak_id"])
    allocated = set(zip(granted["år"], granted["tiltak_id"], strict=True))
    assert set(zip(rows["år"], rows["tiltak_id"], strict=True)) <= allocated


def test_professions_match_unit_type(out: Path) -> None:
    allowed = {
        "barnehage": {"BHGLAERER", "ASSISTENT", "LEDER", "SPESPED"},
        "grunnskole": {"LAERER", "ASSISTENT", "LEDER", "SPESPED", "RADGIVER"},
        "vgs": {"LAERER", "ASSISTENT", "LEDER", "SPESPED", "RADGIVER"},
        "ppt": {"PPT", "LEDER"},
        "annen": {"HELSE", "BARNEVERN", "BUP"},
    }
    kind = read(out, "enheter").set_index("organisasjonsnummer")["enhetstype"]
    rows = read(out, "deltakelse")
    pairs = set(zip(rows["organisasjonsnummer"].map(kind), rows["profesjon"], strict=True))
    assert all(p in allowed[k] for k, p in pairs)


def test_private_units_take_part_less(out: Path) -> None:
    units = read(out, "enheter")
    units = units[units["enhetstype"].isin(["barnehage", "grunnskole"])]
    active = set(read(out, "deltakelse").query("år == '2025'")["organisasjonsnummer"])
    rate = units["organisasjonsnummer"].isin(active).groupby(units["eiertype"]).mean()
    assert rate["privat"] < rate["kommunal"] - 0.05


def test_inclusive_practice_dominates_the_areas(out: Path) -> None:
    level = reference("kompetanseomrader.csv").set_index("kode")["nivaa"]
    main = read(out, "tiltak")["hovedområde"]
    assert 0.2 < (main == "INKL").mean() < 0.4
    shares = main.map(level).value_counts(normalize=True)
    assert shares["1"] > 0.5 and shares["3"] < 0.2


def _by_municipality(units: pd.DataFrame, kind: str) -> pd.Series:
    rows = units[units["enhetstype"] == kind]
    return rows["antall_barn_elever"].astype(int).groupby(rows["kommunenummer"]).sum()


def test_sizes_follow_the_population_file(out: Path) -> None:
    """Children and pupils per municipality rank like SSB's age groups (1–5, 6–15)."""
    towns = reference("kommuner.csv")
    to_2024 = towns[towns["kommunenummer_2024"] != "1580"].set_index("kommunenummer_2020")[
        "kommunenummer_2024"
    ]
    population = pd.read_csv(
        REFERENCE_DIR / "befolkning_2023_kommune.csv", sep=";", dtype={"kommunenummer_2020": str}
    )
    population.index = population["kommunenummer_2020"].map(to_2024)
    units = read(out, "enheter")
    for kind, age in (("grunnskole", "alder_6_15"), ("barnehage", "alder_1_5")):
        size = _by_municipality(units, kind)
        pair = pd.concat([size, population[age]], axis=1, join="inner")
        assert len(pair) == 356
        assert pair.corr(method="spearman").iloc[0, 1] > 0.95, kind
    pupils = _by_municipality(units, "grunnskole")
    assert pupils["1145"] < 150  # Bokn, about 870 inhabitants
    assert 3_000 < pupils["4001"] < 5_000  # Porsgrunn, about 37 000 inhabitants
    assert 60_000 < pupils["0301"] < 80_000  # Oslo


def test_no_unit_has_more_participants_than_staff(out: Path) -> None:
    staff = read(out, "enheter").set_index("organisasjonsnummer")["antall_ansatte"].astype(int)
    rows = read(out, "deltakelse")
    per_unit = (
        rows["antall_deltakere"]
        .astype(int)
        .groupby([rows["år"], rows["organisasjonsnummer"]])
        .sum()
    )
    assert (per_unit <= per_unit.index.get_level_values(1).map(staff)).all()


def test_no_grants_or_participation_in_the_start_up_year(out: Path) -> None:
    assert "2020" not in set(read(out, "tildelinger")["år"])
    assert "2020" not in set(read(out, "deltakelse")["år"])
    assert "2020" not in set(read(out, "bevilgning")["år"])


def test_recipients_are_identified_by_type(out: Path) -> None:
    granted = read(out, "tildelinger")
    pattern = granted["mottakertype"].map(
        {"kommune": r"\d{4}", "fylkeskommune": r"\d{2}", "privat": r"8\d{8}"}
    )
    assert all(re.fullmatch(p, i) for p, i in zip(pattern, granted["mottaker_id"], strict=True))
    towns = granted["mottakertype"] == "kommune"
    assert (granted.loc[towns, "mottaker_id"] == granted.loc[towns, "kommunenummer"]).all()
    assert not (
        (granted["kommunenummer"] == "0301") & (granted["mottakertype"] == "fylkeskommune")
    ).any(), "Oslo is a municipality"
    assert not granted.duplicated(["år", "tiltak_id", "mottakertype", "mottaker_id"]).any()


def test_counties_differ_in_kroner_per_child(out: Path) -> None:
    """The key has a base per municipality, so no two counties get the same NOK per child."""
    units = read(out, "enheter")
    towns = reference("kommuner.csv").set_index("kommunenummer_2024")["fylkesnummer_2024"]
    size = units["antall_barn_elever"].astype(int).groupby(units["kommunenummer"].map(towns)).sum()
    granted = read(out, "tildelinger").query("år == '2025'")
    money = granted["innvilget_kr"].astype(int).groupby(granted["kommunenummer"].map(towns)).sum()
    per_child = (money / size).round()
    assert per_child.nunique() == 15


def test_municipal_ppt_offices_name_the_municipalities_they_serve(out: Path) -> None:
    units = read(out, "enheter")
    ppt = units[units["enhetstype"] == "ppt"]
    municipal = ppt["eiertype"] == "kommunal"
    assert (ppt.loc[municipal, "betjener_kommuner"] != "").all()
    assert (ppt.loc[~municipal, "betjener_kommuner"] == "").all()
    served = ppt.loc[municipal, "betjener_kommuner"].str.split(";").explode()
    assert set(served) == set(units["kommunenummer"])

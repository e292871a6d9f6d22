"""Kommuneprofil: one municipality against its county and the nation.

The municipality is always a 2024 municipality (facts are keyed by the 2024 number); the
chosen structure (`filters.struktur`) decides which county it is compared with (its 2024
county or its 2020–2023 county). Counts read the same summary tables as the coverage queries
(`loftet.queries.summaries`), so the profile adds up to the same numbers as Oversikt and Dekning,
and its cost does not grow with the number of participations.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import CompoundSelect, func, select, union

from loftet.config import FIRST_YEAR, LAST_YEAR, LAST_YEAR_OF_2020_STRUCTURE
from loftet.db import kompetanseomrade, oppsummering_tiltak, statsforvalter, tildeling, tiltak
from loftet.filters import SECTOR_UNIT_TYPE, SECTORS, Filters
from loftet.queries.base import cached_frame, municipality_key, read_frame
from loftet.queries.quality import (
    indicator_by_municipality,
    indicator_by_municipality_and_year,
    latest_year_with_data,
    national_level,
)
from loftet.queries.reference import counties, indicators, municipalities, professions
from loftet.queries.summaries import (
    participation_summary,
    profession_summary,
    rows_where,
    unit_summary,
    whole_team_summary,
)

NATION = "Hele landet"


# --- Which municipality -------------------------------------------------------------------

@dataclass(frozen=True)
class Resolution:
    """What a requested number points to: a 2024 municipality, or nothing (`kommunenummer`
    None). `note` explains a number that was replaced (a 2020–2023 number)."""

    requested: str
    kommunenummer: str | None
    note: str | None = None
    successors: tuple[tuple[str, str], ...] = ()
    """(number, name) of every 2024 municipality the old number became, when it was split."""

    @property
    def found(self) -> bool:
        return self.kommunenummer is not None


def resolve_number(raw: object, table: pd.DataFrame) -> Resolution:
    """Find the 2024 municipality for a requested number (pure; no database).

    Args:
        raw: the number as typed in the address: a 2024 number (`4601`), a 2020–2023 number
            (`3024`, `1507`), optionally without the leading zero (`301`); anything else is
            unknown.
        table: the municipalities (columns `kommunenummer`, `navn`, `kommunenummer_2020`,
            `navn_2020`), as from `loftet.queries.reference.municipalities()`.

    Returns:
        The 2024 number and, for an old number, a Norwegian note. A 2020 number that was split
        (1507 Ålesund → 1508 Ålesund and 1580 Haram) points to the successor with the lowest
        number, which is where the ETL keeps that number's earlier data.
    """
    requested = "" if raw is None else str(raw).strip()
    number = requested.zfill(4) if requested.isdigit() and len(requested) == 3 else requested
    if not (number.isascii() and number.isdigit() and len(number) == 4):
        return Resolution(requested, None)
    if (table.kommunenummer == number).any():
        return Resolution(requested, number)
    matches = table[table.kommunenummer_2020 == number].sort_values("kommunenummer")
    if matches.empty:
        return Resolution(requested, None)
    first = matches.iloc[0]
    successors = tuple(zip(matches.kommunenummer, matches.navn, strict=True))
    if len(successors) == 1:
        note = (f"Kommunenummer {number} gjaldt til 2023. {first.navn_2020} har fra 2024 "
                f"kommunenummer {first.kommunenummer}.")
    else:
        parts = ", ".join(f"{n} {name}" for n, name in successors[:-1])
        last = f"{successors[-1][0]} {successors[-1][1]}"
        note = (f"Kommunenummer {number} gjaldt til 2023. {first.navn_2020} ble fra 2024 delt i "
                f"{parts} og {last}. Her vises {first.kommunenummer} {first.navn}, som tallene "
                f"fra før 2024 er ført på.")
    return Resolution(requested, str(first.kommunenummer), note, successors)


def suggestions(raw: object, table: pd.DataFrame, limit: int = 8) -> list[tuple[str, str]]:
    """Municipalities an unknown address may have meant (pure; no database): names containing
    the text (`/kommune/bergen`), or numbers starting with it (`/kommune/46`).

    Returns:
        Up to `limit` (2024 number, name) pairs, names starting with the text first.
    """
    text = "" if raw is None else str(raw).strip().casefold()
    if len(text) < 2:
        return []
    if text.isdigit():
        hits = table[table.kommunenummer.str.startswith(text)].sort_values("kommunenummer")
    else:
        names = table.navn.str.casefold()
        ranked = table.assign(_later=~names.str.startswith(text))
        hits = ranked[names.str.contains(text, regex=False)].sort_values(["_later", "navn"])
    return list(zip(hits.kommunenummer, hits.navn, strict=True))[:limit]


def find_municipality(raw: object) -> Resolution:
    """`resolve_number` against the municipalities in the database."""
    return resolve_number(raw, municipalities())


@dataclass(frozen=True)
class Municipality:
    """A 2024 municipality with its county in both structures and its Statsforvalter."""

    kommunenummer: str
    navn: str
    fylkesnummer: str
    fylke: str
    kommunenummer_2020: str
    navn_2020: str
    fylkesnummer_2020: str
    fylke_2020: str
    statsforvalter: str
    statsforvalter_navn: str

    def county(self, struktur: int) -> tuple[str, str]:
        """(number, name) of its county in the structure `struktur`; a county with the same
        name as the municipality (Oslo) is called "Oslo fylke" so the two never read alike."""
        number, name = ((self.fylkesnummer_2020, self.fylke_2020) if struktur == 2020
                        else (self.fylkesnummer, self.fylke))
        return number, f"{name} fylke" if name == self.navn else name

    @property
    def renumbered(self) -> bool:
        """True when its number or name was different in 2020–2023."""
        return (self.kommunenummer, self.navn) != (self.kommunenummer_2020, self.navn_2020)


def part_of_until(place: Municipality, year: int) -> str | None:
    """The municipality whose numbers hold `place`'s in `year`, when it was then part of
    another (Haram in Ålesund until 2023); None otherwise."""
    if year > LAST_YEAR_OF_2020_STRUCTURE:
        return None
    frame = municipalities()
    same = frame[frame.kommunenummer_2020 == place.kommunenummer_2020]
    holder = same.kommunenummer.min()
    return None if holder == place.kommunenummer else str(same.navn_2020.iloc[0])


def statsforvalter_names() -> dict[str, str]:
    """Statsforvalter code → name."""
    s = statsforvalter.c
    frame = read_frame(select(s.kode, s.navn).order_by(s.kode))
    return dict(zip(frame.kode, frame.navn, strict=True))


def municipality(kommunenummer: str) -> Municipality | None:
    """The municipality with 2024 number `kommunenummer`, or None."""
    table = municipalities()
    rows = table[table.kommunenummer == kommunenummer]
    if rows.empty:
        return None
    row = rows.iloc[0]
    names = {s: dict(zip(c.fylkesnummer, c.navn, strict=True))
             for s, c in ((s, counties(s)) for s in (2024, 2020))}
    return Municipality(
        kommunenummer=row.kommunenummer, navn=row.navn, fylkesnummer=row.fylkesnummer,
        fylke=names[2024].get(row.fylkesnummer, row.fylkesnummer),
        kommunenummer_2020=row.kommunenummer_2020, navn_2020=row.navn_2020,
        fylkesnummer_2020=row.fylkesnummer_2020,
        fylke_2020=names[2020].get(row.fylkesnummer_2020, row.fylkesnummer_2020),
        statsforvalter=row.statsforvalter,
        statsforvalter_navn=statsforvalter_names().get(row.statsforvalter, row.statsforvalter))


def municipality_choices() -> pd.DataFrame:
    """Every 2024 municipality for a search list: number, name and a label that also holds
    the 2020–2023 number when it was different (so the old number can be searched)."""
    table = municipalities()
    old = table.kommunenummer_2020 != table.kommunenummer
    label = table.navn + " (" + table.kommunenummer + ")"
    label = label.where(~old, table.navn + " (" + table.kommunenummer + ", før 2024: "
                        + table.kommunenummer_2020 + ")")
    return (table.assign(etikett=label)[["kommunenummer", "navn", "etikett"]]
            .sort_values("navn", key=norwegian_sort_key).reset_index(drop=True))


_AFTER_Z = str.maketrans({"æ": "{", "ø": "|", "å": "}"})
"""Æ, Ø and Å sort after Z, in that order ({, |, } follow z in ASCII)."""


def norwegian_sort_key(names: pd.Series) -> pd.Series:
    """A sort key putting names in Norwegian alphabetical order."""
    return names.str.lower().str.translate(_AFTER_Z)


# --- Helpers on the coverage frame ----------------------------------------------------------

def _county_of(struktur: int) -> pd.Series:
    """2024 municipality number → its county number in `struktur`."""
    table = municipalities()
    _, _, county = municipality_key(struktur)
    return pd.Series(table[county].to_numpy(), index=table.kommunenummer)


UNIT_COLUMNS = ["enheter", "barn_elever", "ansatte"]
REACH_COLUMNS = ["enheter_naadd", "deltakere", "ansatte_naadd"]
LEVELS = ("kommune", "fylke", "landet")
ALL_TYPES = "alle"
"""`enhetstype` of the rows that sum every unit type."""


def _grants_by_year() -> pd.DataFrame:
    """NOK granted and spent per year and 2024 municipality: grants to the municipality and to
    private owners there (county authorities' grants belong to no municipality), as in
    `loftet.queries.coverage.granted_by_municipality`. `brukt_kr` is NaN when not reported."""
    t = tildeling.c
    return read_frame(
        select(t.aar, t.kommunenummer, func.sum(t.innvilget_kr).label("innvilget_kr"),
               func.sum(t.brukt_kr).label("brukt_kr"))
        .where(t.mottakertype != "fylkeskommune").group_by(t.aar, t.kommunenummer))


def _level_sums(units: pd.DataFrame, reached: pd.DataFrame, grants: pd.DataFrame,
                grid: pd.MultiIndex) -> pd.DataFrame:
    """Units, reach and NOK granted of one level's rows per (aar, enhetstype) of `grid`, with
    rows `ALL_TYPES` summing the unit types."""
    frame = (reached.groupby(["aar", "enhetstype"])[REACH_COLUMNS].sum()
             .reindex(grid, fill_value=0).reset_index())
    frame = frame.join(units.groupby("enhetstype")[UNIT_COLUMNS].sum(), on="enhetstype")
    frame[UNIT_COLUMNS] = frame[UNIT_COLUMNS].fillna(0)
    total = frame.groupby("aar", as_index=False)[UNIT_COLUMNS + REACH_COLUMNS].sum()
    frame = pd.concat([frame, total.assign(enhetstype=ALL_TYPES)], ignore_index=True)
    frame["innvilget_kr"] = frame.aar.map(grants.groupby("aar").innvilget_kr.sum()).fillna(0)
    return frame


@cached_frame
def profile_levels(kommunenummer: str, struktur: int) -> pd.DataFrame:
    """The municipality, its county (in `struktur`) and the nation in every year, from the
    summary tables, so the cost does not grow with the data. KeyError for an unknown number.

    One row per (aar, nivaa, enhetstype): nivaa `kommune`, `fylke` or `landet`; enhetstype a
    unit type or `ALL_TYPES`. Columns: enheter, barn_elever, ansatte, enheter_naadd,
    deltakere, ansatte_naadd (units of that type), innvilget_kr (not split by type),
    brukt_kr (the municipality's own; NaN elsewhere and when not reported), helt_lag (the
    municipality's own; False elsewhere). The counts equal `coverage_by_municipality` summed
    per level.
    """
    county_of = _county_of(struktur)
    places = {"kommune": pd.Index([kommunenummer]),
              "fylke": county_of.index[county_of == county_of[kommunenummer]],
              "landet": county_of.index}
    units, reached, grants = unit_summary(), participation_summary(), _grants_by_year()
    grid = pd.MultiIndex.from_product(
        [range(FIRST_YEAR, LAST_YEAR + 1),
         sorted({*SECTOR_UNIT_TYPE.values(), *units.enhetstype, *reached.enhetstype})],
        names=["aar", "enhetstype"])
    frame = pd.concat([
        _level_sums(*(f[f.kommunenummer.isin(where)] for f in (units, reached, grants)),
                    grid).assign(nivaa=level)
        for level, where in places.items()], ignore_index=True)
    columns = UNIT_COLUMNS + REACH_COLUMNS + ["innvilget_kr"]
    frame[columns] = frame[columns].astype("int64")
    own = frame.nivaa == "kommune"
    spent = grants[grants.kommunenummer == kommunenummer].set_index("aar").brukt_kr
    team = whole_team_summary()
    frame["brukt_kr"] = frame.aar.map(spent).where(own).astype(float)
    frame["helt_lag"] = own & frame.aar.isin(team.aar[team.kommunenummer == kommunenummer])
    return frame


def _levels_by_year(kommunenummer: str, filters: Filters) -> pd.DataFrame:
    """`profile_levels` for all unit types in `filters.fra`..`filters.aar`."""
    frame = profile_levels(kommunenummer, filters.struktur)
    return frame[(frame.enhetstype == ALL_TYPES)
                 & frame.aar.between(filters.fra, filters.aar)].sort_values("aar", kind="stable")


def _levels(kommunenummer: str, struktur: int, year: int,
            sektor: str | None = None) -> dict[str, pd.Series]:
    """The municipality's, its county's and the nation's row in `year` for the units of
    `sektor` (all when None)."""
    frame = profile_levels(kommunenummer, struktur)
    unit_type = Filters(sektor=sektor).unit_type or ALL_TYPES
    rows = frame[(frame.aar == year) & (frame.enhetstype == unit_type)]
    return {row.nivaa: row for _, row in rows.iterrows()}


def _ratio(part: float, whole: float, scale: float = 1.0) -> float:
    return scale * part / whole if whole else float("nan")


def _shares(parts: pd.Series, whole: float) -> pd.Series:
    """Each part as a percentage of `whole` (NaN when the whole is zero)."""
    return 100 * parts.astype(float) / whole if whole else parts * float("nan")


# --- Key figures ----------------------------------------------------------------------------

@dataclass(frozen=True)
class KeyFigures:
    """The municipality's headline numbers for one year."""

    aar: int
    deltar: bool
    helt_lag: bool
    deltakere: int
    innvilget_kr: int
    barn_elever: int
    enheter: int
    enheter_naadd: int
    deltakere_per_1000: float
    kr_per_barn: float
    andel_ansatte_naadd: float
    fylke_andel_ansatte_naadd: float
    landet_andel_ansatte_naadd: float
    fylke_deltakere_per_1000: float
    landet_deltakere_per_1000: float
    fylke_kr_per_barn: float
    landet_kr_per_barn: float


def key_figures(kommunenummer: str, filters: Filters, year: int | None = None) -> KeyFigures:
    """Takes part, whole team, participants, NOK granted and units reached in `year`
    (default `filters.aar`), with county (of `filters.struktur`) and national rates."""
    year = year or filters.aar
    place = municipality(kommunenummer)
    if place is None:
        raise KeyError(kommunenummer)
    levels = _levels(kommunenummer, filters.struktur, year)
    own = levels["kommune"]

    def per_1000(level: pd.Series) -> float:
        return _ratio(level.deltakere, level.barn_elever, 1000)

    def per_child(level: pd.Series) -> float:
        return _ratio(level.innvilget_kr, level.barn_elever)

    def staff(level: pd.Series) -> float:
        return _ratio(level.ansatte_naadd, level.ansatte, 100)

    return KeyFigures(
        aar=year, deltar=bool(own.enheter_naadd > 0), helt_lag=bool(own.helt_lag),
        deltakere=int(own.deltakere), innvilget_kr=int(own.innvilget_kr),
        barn_elever=int(own.barn_elever), enheter=int(own.enheter),
        enheter_naadd=int(own.enheter_naadd),
        deltakere_per_1000=per_1000(own), kr_per_barn=per_child(own),
        andel_ansatte_naadd=staff(own), fylke_andel_ansatte_naadd=staff(levels["fylke"]),
        landet_andel_ansatte_naadd=staff(levels["landet"]),
        fylke_deltakere_per_1000=per_1000(levels["fylke"]),
        landet_deltakere_per_1000=per_1000(levels["landet"]),
        fylke_kr_per_barn=per_child(levels["fylke"]),
        landet_kr_per_barn=per_child(levels["landet"]))


def units_reached_by_sector_compared(kommunenummer: str, filters: Filters) -> pd.DataFrame:
    """Per sector in `filters.aar`: the municipality's units and units reached, and the share
    reached in the municipality, its county (of `filters.struktur`) and the nation.

    The counts are `coverage_by_municipality` with the sector filter, summed per level, so they
    equal `loftet.queries.overview.units_reached_by_sector` for the county and the nation.

    Columns: sektor, sektor_navn, enheter, enheter_naadd, andel_kommune, andel_fylke,
    andel_landet (percent; NaN where there are no units).
    """
    _comparison_county(kommunenummer, filters.struktur)
    rows = []
    for code, name in SECTORS.items():
        levels = _levels(kommunenummer, filters.struktur, filters.aar, code)
        own = levels["kommune"]
        rows.append({"sektor": code, "sektor_navn": name, "enheter": int(own.enheter),
                     "enheter_naadd": int(own.enheter_naadd),
                     **{f"andel_{level}": _ratio(values.enheter_naadd, values.enheter, 100)
                        for level, values in levels.items()}})
    return pd.DataFrame(rows)


# --- Participation and allocations over the years ---------------------------------------------

def _comparison_county(kommunenummer: str, struktur: int):
    """The municipality's county number in `struktur` and the 2024-number → county map;
    KeyError for an unknown municipality."""
    place = municipality(kommunenummer)
    if place is None:
        raise KeyError(kommunenummer)
    return place.county(struktur)[0], _county_of(struktur)


def participation_by_year(kommunenummer: str, filters: Filters) -> pd.DataFrame:
    """Participants per 1,000 children/pupils per year (`filters.fra`..`filters.aar`) for the
    municipality, its county (of `filters.struktur`) and the nation.

    Columns: aar, deltakere, barn_elever, per_1000_kommune, deltakere_fylke,
    barn_elever_fylke, per_1000_fylke, deltakere_landet, barn_elever_landet, per_1000_landet.
    """
    _comparison_county(kommunenummer, filters.struktur)
    frame = _levels_by_year(kommunenummer, filters)
    rows = []
    for year, per_level in frame.groupby("aar", sort=True):
        row: dict[str, float] = {"aar": year}
        for _, values in per_level.iterrows():
            level = values.nivaa
            suffix = "" if level == "kommune" else f"_{level}"
            row[f"deltakere{suffix}"] = int(values.deltakere)
            row[f"barn_elever{suffix}"] = int(values.barn_elever)
            row[f"per_1000_{level}"] = _ratio(values.deltakere, values.barn_elever, 1000)
        rows.append(row)
    return pd.DataFrame(rows)


def allocations_by_year(kommunenummer: str, filters: Filters) -> pd.DataFrame:
    """NOK granted and spent in the municipality per year (`filters.fra`..`filters.aar`), and
    NOK granted per child/pupil in the municipality, its county and the nation.

    Columns: aar, innvilget_kr, brukt_kr (NaN when not reported), kr_per_barn_kommune,
    kr_per_barn_fylke, kr_per_barn_landet.
    """
    _comparison_county(kommunenummer, filters.struktur)
    frame = _levels_by_year(kommunenummer, filters)
    frame = frame.assign(kr_per_barn=frame.innvilget_kr / frame.barn_elever.where(
        frame.barn_elever > 0))
    wide = frame.pivot(index="aar", columns="nivaa", values="kr_per_barn")
    own = frame[frame.nivaa == "kommune"].set_index("aar")
    return pd.DataFrame({
        "aar": wide.index.astype("int64"), "innvilget_kr": own.innvilget_kr.to_numpy(),
        "brukt_kr": own.brukt_kr.to_numpy(),
        **{f"kr_per_barn_{level}": wide[level].to_numpy() for level in LEVELS}})


# --- Professions --------------------------------------------------------------------------------

def participants_by_profession(kommunenummer: str, filters: Filters) -> pd.DataFrame:
    """Participants per profession in `filters.aar`: the municipality's count and each
    profession's share of all participants in the municipality, its county and the nation.

    Columns: profesjon, profesjon_navn, deltakere, enheter_naadd, andel_kommune, andel_fylke,
    andel_landet (percent). Only professions with participants somewhere in the country.
    """
    place = municipality(kommunenummer)
    if place is None:
        raise KeyError(kommunenummer)
    counts = rows_where(profession_summary(), aar=filters.aar).copy()
    names = professions().rename(columns={"kode": "profesjon", "navn": "profesjon_navn"})
    county_of = _county_of(filters.struktur)
    counts["fylke"] = counts.kommunenummer.map(county_of)
    own = counts[counts.kommunenummer == kommunenummer].set_index("profesjon")
    in_county = counts[counts.fylke == place.county(filters.struktur)[0]].groupby(
        "profesjon").deltakere.sum()
    nation = counts.groupby("profesjon").deltakere.sum()
    frame = names[names.profesjon.isin(nation.index)].copy()
    frame["deltakere"] = frame.profesjon.map(own.deltakere).fillna(0).astype("int64")
    frame["enheter_naadd"] = frame.profesjon.map(own.enheter_naadd).fillna(0).astype("int64")
    frame["andel_kommune"] = _shares(frame.deltakere, own.deltakere.sum())
    frame["andel_fylke"] = _shares(frame.profesjon.map(in_county).fillna(0), in_county.sum())
    frame["andel_landet"] = _shares(frame.profesjon.map(nation).fillna(0), nation.sum())
    return frame.sort_values(["deltakere", "andel_landet"], ascending=False).reset_index(
        drop=True)


def reach_profile(kommunenummer: str, filters: Filters) -> pd.DataFrame:
    """Professions and sectors reached in `filters.aar`, one tidy frame for one chart.

    Columns: del (`profesjon` or `sektor`), kode, navn, antall (participants, or units
    reached), av (all participants in the municipality, or its units), andel_kommune,
    andel_fylke, andel_landet (percent: share of participants in the profession, or share of
    units reached in the sector).
    """
    prof = participants_by_profession(kommunenummer, filters)
    prof = pd.DataFrame({
        "del": "profesjon", "kode": prof.profesjon, "navn": prof.profesjon_navn,
        "antall": prof.deltakere, "av": int(prof.deltakere.sum()),
        "andel_kommune": prof.andel_kommune, "andel_fylke": prof.andel_fylke,
        "andel_landet": prof.andel_landet})
    sectors = units_reached_by_sector_compared(kommunenummer, filters)
    sectors = pd.DataFrame({
        "del": "sektor", "kode": sectors.sektor, "navn": sectors.sektor_navn,
        "antall": sectors.enheter_naadd, "av": sectors.enheter,
        "andel_kommune": sectors.andel_kommune, "andel_fylke": sectors.andel_fylke,
        "andel_landet": sectors.andel_landet})
    return pd.concat([prof, sectors], ignore_index=True)


# --- Quality indicators -------------------------------------------------------------------------

def indicators_compared(kommunenummer: str, filters: Filters) -> pd.DataFrame:
    """Each quality indicator in its latest year up to `filters.aar` with data: the
    municipality's value (NaN with `status` `skjermet` when suppressed, `mangler` when not
    reported), its value the year before, and the county (of `filters.struktur`) and national
    levels.

    Levels follow the Kvalitet page's rules (`loftet.queries.quality`): sum(teller) /
    sum(nevner) · 100 over the municipalities with a value; suppressed values are left out.

    Columns: indikator, navn, enhet, hoy_er_behov, aar, kommune, status, kommune_forrige,
    aar_forrige, fylke, landet, kommuner_med_verdi (in the nation).
    """
    place = municipality(kommunenummer)
    if place is None:
        raise KeyError(kommunenummer)
    county = place.county(filters.struktur)[0]
    rows = []
    for item in indicators().itertuples():
        year = latest_year_with_data(item.kode, filters.aar)
        if year is None:
            continue
        both = indicator_by_municipality_and_year(Filters(), item.kode, year - 1, year)
        nation = both[both.aar == year].set_index("kommunenummer")
        own = nation.loc[kommunenummer]
        before = (both[both.aar == year - 1].set_index("kommunenummer").verdi.get(kommunenummer)
                  if year > FIRST_YEAR else None)
        in_county = (nation[nation.fylke == county] if filters.struktur == 2024 else
                     indicator_by_municipality(Filters(aar=year, fylke=county, struktur=2020),
                                               item.kode))
        level = national_level(item.kode, year)
        rows.append({
            "indikator": item.kode, "navn": item.navn, "enhet": item.enhet,
            "hoy_er_behov": bool(item.hoy_er_behov), "aar": year,
            "kommune": float(own.verdi),
            "status": ("vist" if pd.notna(own.verdi) else
                       "skjermet" if bool(own.skjermet) else "mangler"),
            "kommune_forrige": float("nan") if before is None else float(before),
            "aar_forrige": year - 1,
            "fylke": _ratio(in_county.teller.sum(), in_county.nevner.sum(), 100),
            "landet": float("nan") if level is None else level,
            "kommuner_med_verdi": int(nation.verdi.notna().sum())})
    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS)


INDICATOR_COLUMNS = ["indikator", "navn", "enhet", "hoy_er_behov", "aar", "kommune", "status",
                     "kommune_forrige", "aar_forrige", "fylke", "landet", "kommuner_med_verdi"]


# --- Measures -----------------------------------------------------------------------------------

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
        "Ingen tildeling i året")
    return frame


def _recipients_text(kommunenummer: str, year: int) -> dict[str, str]:
    """tiltak_id → "Kommunen selv", or "Via nettverk: <recipients>" when the municipality's
    own recipients got nothing from the measure that year."""
    t = tildeling.c
    here = _measures_here(kommunenummer, year, year)
    grants = read_frame(
        select(t.tiltak_id, t.mottaker, t.kommunenummer, t.mottakertype, t.innvilget_kr)
        .where(t.aar == year, t.tiltak_id.in_(here)))
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
    granted = (select(t.tiltak_id, func.sum(t.innvilget_kr).label("innvilget_kr"))
               .where(t.kommunenummer == k, t.aar == year, t.mottakertype != "fylkeskommune")
               .group_by(t.tiltak_id).cte("granted"))
    taking_part = (select(p.tiltak_id, p.deltakere)
                   .where(p.kommunenummer == k, p.aar == year).cte("taking_part"))
    area = kompetanseomrade.c
    return read_frame(
        select(m.tiltak_id, m.navn, m.aar.label("startaar"), m.uh_partner,
               area.navn.label("hovedomrade"), m.eier, m.eiertype,
               func.coalesce(granted.c.innvilget_kr, 0).label("innvilget_kr"),
               func.coalesce(taking_part.c.deltakere, 0).label("deltakere"))
        .join_from(tiltak, here, here.c.tiltak_id == m.tiltak_id)
        .outerjoin(kompetanseomrade, area.kode == m.hovedomrade)
        .outerjoin(granted, granted.c.tiltak_id == m.tiltak_id)
        .outerjoin(taking_part, taking_part.c.tiltak_id == m.tiltak_id)
        .order_by(m.aar.desc(), m.tiltak_id))


def _measures_here(kommunenummer: str, fra: int, til: int) -> CompoundSelect:
    """tiltak_id of the measures with participants from, or money to, the municipality in
    `fra`..`til` (a UNION)."""
    p, t = oppsummering_tiltak.c, tildeling.c
    return union(
        select(p.tiltak_id).where(p.kommunenummer == kommunenummer, p.aar.between(fra, til)),
        select(t.tiltak_id).where(t.kommunenummer == kommunenummer, t.aar.between(fra, til)))

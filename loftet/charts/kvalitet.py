"""Charts on Kvalitet: how the chosen quality or need indicator varies between municipalities,
where need is high and reach low, and whether the gaps shrink.

Options: `indikator` (a code from data/reference/indikatorer.csv, default SPESUND) and
`rekkevidde` (`deltakere_per_1000` or `kr_per_barn`). The year is the chosen year, or the
latest year before it with data (indicators are often published a year late).
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from loftet.charts import Chart, Options, ViewOption, register
from loftet.figures.quality import (
    county_distribution,
    need_reach_scatter,
    ranking_bars,
    spread_trend,
)
from loftet.filters import COUNTIES, Filters
from loftet.formatting import number, pct
from loftet.queries.quality import (
    DEFAULT_INDICATOR,
    HIGH_NEED_LOW_REACH,
    indicator_by_municipality,
    indicator_info,
    latest_year_with_data,
    national_level,
    national_level_basis,
    need_and_reach,
    percentile,
    spread_by_year,
)
from loftet.queries.reference import indicators
from loftet.wording import extreme

PAGE = "kvalitet"
RANKING_N = 15
"""Top and bottom N municipalities in the national ranking."""
MIN_FOR_SPREAD = 5
"""Fewer municipalities with a value than this give no P10/P90."""
SMALL_NOTE = (
    "Små kommuner har naturlig større spredning: få barn eller elever gir store "
    "utslag, så en del av forskjellene er tilfeldige."
)
NATIONAL_RULE = (
    "Landsnivået er det publiserte landstallet når inndata har det (filen "
    "«landsnivaa»), ellers summen av tellerne delt på summen av nevnerne for "
    "kommunene med tall, ikke et snitt av kommunenes prosenter."
)
SUPPRESSED_RULE = "Skjermede tall vises som manglende og er holdt utenfor."


def indicator_choices() -> dict[str, str]:
    """Indicator code → name, for the page's dropdown."""
    frame = indicators()
    return dict(zip(frame.kode, frame.navn, strict=True))


INDICATOR = ViewOption(
    param="indikator",
    label="Indikator",
    caption="Indikator",
    choices=indicator_choices,
    default=DEFAULT_INDICATOR,
    control="dropdown",
    place="custom",
)
"""The quality or need indicator every chart on the page shows (next to its description)."""
REACH = ViewOption(
    param="rekkevidde",
    label="Rekkevidde måles som",
    caption="Rekkevidde",
    choices={
        "deltakere_per_1000": "Deltakelser per 1000 barn og elever",
        "kr_per_barn": "Innvilget kr per barn og elev",
    },
    default="deltakere_per_1000",
)
"""How the need-against-reach chart measures reach (a column of `REACH_MEASURES`)."""


def indicator_year(filters: Filters, code: str) -> int:
    """The chosen year, or the latest earlier year with data for `code`."""
    return latest_year_with_data(code, filters.aar) or filters.aar


def _value_label(code: str, year: int) -> str:
    return f"{indicator_info(code)['navn']} {year}"


def _year_note(frame: pd.DataFrame, filters: Filters) -> str:
    year = int(frame.aar.iloc[0]) if len(frame) and "aar" in frame else filters.aar
    return "" if year == filters.aar else f" Nyeste tall er fra {year}."


def _suppressed_note(count: int, year: int | None = None) -> str:
    if not count:
        return ""
    when = f" i {year}" if year else ""
    return (
        f" 1 kommune har skjermede tall{when}."
        if count == 1
        else f" {number(count)} kommuner har skjermede tall{when}."
    )


def _names(frame: pd.DataFrame, limit: int = 5) -> str:
    names = list(frame.kommune)
    if len(names) <= limit:
        return ", ".join(names[:-1]) + (" og " if len(names) > 1 else "") + names[-1]
    return ", ".join(names[:limit]) + f" og {number(len(names) - limit)} til"


# --- 1. Distribution per county ------------------------------------------------------------


def distribution_data(filters: Filters, options: Options) -> pd.DataFrame:
    """Every municipality of the country with its value and county (for one row per county)."""
    code = INDICATOR.value(options)
    year = indicator_year(filters, code)
    frame = indicator_by_municipality(replace(filters, fylke=None), code, year)
    return frame.assign(
        aar=year,
        indikator=code,
        fylke_navn=frame.fylke.map(COUNTIES[filters.struktur]),
        landsnivaa=national_level(code, year),
        landsnivaa_grunnlag=national_level_basis(code, year),
    )


def _distribution_figure(frame: pd.DataFrame, filters: Filters, options: Options):
    code = INDICATOR.value(options)
    year = int(frame.aar.iloc[0]) if len(frame) else filters.aar
    level = frame.landsnivaa.iloc[0] if len(frame) else None
    return county_distribution(
        frame,
        national_level=level,
        county_names=COUNTIES[filters.struktur],
        highlight_county=filters.fylke,
        value_label=_value_label(code, year),
    )


def _distribution_summary(frame: pd.DataFrame, filters: Filters, options: Options) -> str:
    data = frame.dropna(subset=["verdi"])
    if data.empty:
        return "Ingen kommuner har tall for valgt indikator og år."
    name = indicator_info(INDICATOR.value(options))["navn"]
    medians = data.groupby("fylke_navn").verdi.median().sort_values()
    scope = data[data.fylke == filters.fylke] if filters.fylke else data
    where = f"I {filters.county_name}" if filters.fylke else "I landet"
    if scope.empty:
        return f"{name}: ingen kommuner i {filters.county_name} har tall." + _suppressed_note(
            int(frame[frame.fylke == filters.fylke].skjermet.sum())
        )
    if len(scope) == 1:
        spread = f"{where} er verdien {pct(scope.verdi.iloc[0])}"
    else:
        spread = (
            f"{where} ligger kommunene mellom {pct(scope.verdi.min())} og "
            f"{pct(scope.verdi.max())} (median {pct(scope.verdi.median())})"
        )
    text = (
        f"{name} {int(frame.aar.iloc[0])}. {spread}; landsnivået er "
        f"{pct(frame.landsnivaa.iloc[0])} ({frame.landsnivaa_grunnlag.iloc[0]}). "
        f"Høyest median har {extreme(medians, pct)}, "
        f"lavest {extreme(medians, pct, highest=False)}."
    )
    skjermet = frame[frame.fylke == filters.fylke] if filters.fylke else frame
    return text + _suppressed_note(int(skjermet.skjermet.sum())) + _year_note(frame, filters)


DISTRIBUTION = register(
    Chart(
        id="kvalitet-fordeling",
        metrics=("kvalitetsindikator",),
        page=PAGE,
        title="Kommunene i hvert fylke, med landsnivået",
        data=distribution_data,
        figure=_distribution_figure,
        source=(
            f"Kilde: kvalitetsindikatorer per kommune (GSI/BASIL). {NATIONAL_RULE} "
            f"{SUPPRESSED_RULE}"
        ),
        columns={
            "aar": "År",
            "indikator": "Indikator",
            "kommunenummer": "Kommunenummer",
            "kommune": "Kommune",
            "fylke_navn": "Fylke",
            "verdi": "Verdi (%)",
            "teller": "Teller",
            "nevner": "Nevner",
            "skjermet": "Skjermet",
            "landsnivaa": "Landsnivå (%)",
            "landsnivaa_grunnlag": "Landsnivå, grunnlag",
        },
        summary=_distribution_summary,
        options=(INDICATOR,),
    )
)


# --- 2. Ranking ----------------------------------------------------------------------------


def _ranked_nation(filters: Filters, code: str, year: int) -> pd.DataFrame:
    """Every municipality with a value, highest first, with its national rank."""
    nation = indicator_by_municipality(replace(filters, fylke=None), code, year)
    ranked = nation.dropna(subset=["verdi"]).sort_values(
        ["verdi", "kommune"], ascending=[False, True]
    )
    return ranked.assign(
        rang=ranked.verdi.rank(method="min", ascending=False).astype("int64"),
        antall_rangert=len(ranked),
        fylke_navn=ranked.fylke.map(COUNTIES[filters.struktur]),
        p10_landet=percentile(ranked.verdi, 0.1),
        p90_landet=percentile(ranked.verdi, 0.9),
    )


def ranking_data(filters: Filters, options: Options) -> pd.DataFrame:
    """The county's municipalities (county chosen) or the national top and bottom 15, in
    order, with national rank; suppressed values are not ranked."""
    code = INDICATOR.value(options)
    year = indicator_year(filters, code)
    ranked = _ranked_nation(filters, code, year)
    if filters.fylke:
        rows = ranked[ranked.fylke == filters.fylke].assign(gruppe=None)
    else:
        top = ranked.head(RANKING_N).assign(gruppe="Høyest")
        bottom = ranked.iloc[RANKING_N:].tail(RANKING_N).assign(gruppe="Lavest")
        rows = pd.concat([top, bottom])
    return rows.assign(aar=year, indikator=code, landsnivaa=national_level(code, year)).reset_index(
        drop=True
    )


def _ranking_figure(frame: pd.DataFrame, filters: Filters, options: Options):
    code = INDICATOR.value(options)
    if frame.empty:
        return ranking_bars(frame, national_level=None)
    return ranking_bars(
        frame,
        national_level=frame.landsnivaa.iloc[0],
        band=(frame.p10_landet.iloc[0], frame.p90_landet.iloc[0]),
        highlight_name=filters.county_name if filters.fylke else None,
        value_label=_value_label(code, int(frame.aar.iloc[0])),
    )


def _ranking_summary(frame: pd.DataFrame, filters: Filters, options: Options) -> str:
    code = INDICATOR.value(options)
    year = int(frame.aar.iloc[0]) if len(frame) else indicator_year(filters, code)
    scope = indicator_by_municipality(filters, code, year)
    suppressed = _suppressed_note(int(scope.skjermet.sum()))
    if frame.empty:
        return "Ingen kommuner å rangere for valgt utvalg." + suppressed
    level = frame.landsnivaa.iloc[0]
    first, last = frame.iloc[0], frame.iloc[-1]
    total = int(first.antall_rangert)
    if filters.fylke and len(frame) == 1:
        side = "over" if first.verdi > level else "på eller under"
        text = (
            f"{first.kommune} har {pct(first.verdi)}, {side} landsnivået ({pct(level)}), "
            f"nr. {first.rang} av {total} kommuner i landet."
        )
    elif filters.fylke:
        above = int((frame.verdi > level).sum())
        text = (
            f"I {filters.county_name} ligger {number(above)} av {number(len(frame))} "
            f"kommuner over landsnivået ({pct(level)}). Høyest er {first.kommune} "
            f"({pct(first.verdi)}, nr. {first.rang} av {total} i landet), lavest "
            f"{last.kommune} ({pct(last.verdi)}, nr. {last.rang})."
        )
    else:
        values = frame.set_index("kommune").verdi
        text = (
            f"Av {number(total)} kommuner med tall i rangeringen har "
            f"{extreme(values, pct, noun='kommuner')} høyest verdi og "
            f"{extreme(values, pct, highest=False, noun='kommuner')} lavest; "
            f"landsnivået er {pct(level)}."
        )
    return (
        text
        + suppressed
        + " Skjermede tall er ikke rangert." * bool(suppressed)
        + _year_note(frame, filters)
    )


RANKING = register(
    Chart(
        id="kvalitet-rangering",
        metrics=("kvalitetsindikator",),
        page=PAGE,
        title="Rangering av kommunene",
        data=ranking_data,
        figure=_ranking_figure,
        source=(
            f"Kilde: kvalitetsindikatorer per kommune (GSI/BASIL). Hele landet: de "
            f"{RANKING_N} høyeste og {RANKING_N} laveste; valgt fylke: alle kommunene. "
            f"{NATIONAL_RULE} Skjermede tall er ikke rangert."
        ),
        columns={
            "aar": "År",
            "indikator": "Indikator",
            "rang": "Rang i landet",
            "antall_rangert": "Kommuner rangert",
            "kommunenummer": "Kommunenummer",
            "kommune": "Kommune",
            "fylke_navn": "Fylke",
            "verdi": "Verdi (%)",
            "teller": "Teller",
            "nevner": "Nevner",
            "landsnivaa": "Landsnivå (%)",
        },
        summary=_ranking_summary,
        options=(INDICATOR,),
    )
)


# --- 3. Need against reach -----------------------------------------------------------------


def need_reach_data(filters: Filters, options: Options) -> pd.DataFrame:
    """Indicator value and reach per municipality with its quadrant."""
    code = INDICATOR.value(options)
    year = indicator_year(filters, code)
    info = indicator_info(code)
    frame = need_and_reach(
        filters, code, year, REACH.value(options), high_is_need=bool(info["hoy_er_behov"])
    )
    return frame.assign(
        aar=year,
        indikator=code,
        maal=REACH.value(options),
        fylke_navn=frame.fylke.map(COUNTIES[filters.struktur]),
    )


def _need_reach_figure(frame: pd.DataFrame, filters: Filters, options: Options):
    code = INDICATOR.value(options)
    reach = REACH.value(options)
    year = int(frame.aar.iloc[0]) if len(frame) else filters.aar
    first = frame.iloc[0] if len(frame) else None
    return need_reach_scatter(
        frame,
        need_threshold=None if first is None else first.behov_grense,
        reach_threshold=None if first is None else first.rekkevidde_grense,
        high_is_need=bool(indicator_info(code)["hoy_er_behov"]),
        reach=reach,
        value_label=_value_label(code, year),
        reach_label=f"{REACH.labels()[reach]} {year}",
    )


def _need_reach_summary(frame: pd.DataFrame, filters: Filters, options: Options) -> str:
    if frame.empty or frame.kvadrant.isna().all():
        return "Ingen kommuner har både indikator og rekkevidde for valgt utvalg."
    reach = REACH.value(options)
    first = frame.iloc[0]
    target = frame[frame.kvadrant == HIGH_NEED_LOW_REACH]
    high_is_need = bool(indicator_info(INDICATOR.value(options))["hoy_er_behov"])
    target = target.sort_values("verdi", ascending=not high_is_need)
    median = (
        f"{number(first.rekkevidde_grense, 1)} deltakelser per 1000"
        if reach == "deltakere_per_1000"
        else f"{number(first.rekkevidde_grense)} kr"
    )
    side = "over" if high_is_need else "under"
    where = f" i {filters.county_name}" if filters.fylke else ""
    if target.empty:
        text = f"Ingen kommuner{where} har høyt behov og er lite nådd."
    else:
        count = "1 kommune" if len(target) == 1 else f"{number(len(target))} kommuner"
        text = f"{count}{where} har høyt behov og er lite nådd: {_names(target)}."
    return (
        text + f" Høyt behov: verdi {side} landsnivået ({pct(first.behov_grense)}); lite "
        f"nådd: rekkevidde på eller under medianen for landet ({median})."
        + _suppressed_note(int(frame.skjermet.sum()))
        + _year_note(frame, filters)
    )


NEED_REACH = register(
    Chart(
        id="kvalitet-behov-rekkevidde",
        metrics=("kvalitetsindikator", "deltakere_per_1000", "kr_per_barn"),
        page=PAGE,
        title="Behov og rekkevidde: hvem er lite nådd?",
        data=need_reach_data,
        figure=_need_reach_figure,
        source=(
            "Kilde: kvalitetsindikatorer per kommune; deltakelse og tildelinger rapportert til "
            "statsforvalterne; barn og elever fra enhetsregisteret. Skillelinjene er "
            "landsnivået (sum teller / sum nevner) og medianen for rekkevidde i landet. "
            "Sektor og eiertype avgrenser rekkevidden. Punktstørrelse: antall barn og elever."
        ),
        columns={
            "aar": "År",
            "indikator": "Indikator",
            "kommunenummer": "Kommunenummer",
            "kommune": "Kommune",
            "fylke_navn": "Fylke",
            "verdi": "Verdi (%)",
            "maal": "Mål for rekkevidde",
            "rekkevidde": "Rekkevidde",
            "barn_elever": "Barn og elever",
            "kvadrant": "Kvadrant",
            "behov_grense": "Landsnivå (%)",
            "rekkevidde_grense": "Median rekkevidde",
            "skjermet": "Skjermet",
        },
        summary=_need_reach_summary,
        options=(INDICATOR, REACH),
    )
)


# --- 4. Spread per year --------------------------------------------------------------------


def spread_data(filters: Filters, options: Options) -> pd.DataFrame:
    """P10, P90, their ratio and difference per year, between the municipalities in scope."""
    code = INDICATOR.value(options)
    return spread_by_year(filters, code, min_count=MIN_FOR_SPREAD).assign(indikator=code)


def _direction(before: float, after: float, tolerance: float = 0.02) -> int:
    """-1, 0 or 1: fell, about unchanged (within `tolerance`, relative) or rose."""
    change = after / before - 1 if before else 0.0
    return 0 if abs(change) < tolerance else (1 if change > 0 else -1)


def _spread_summary(frame: pd.DataFrame, filters: Filters, options: Options) -> str:
    data = frame.dropna(subset=["forhold"])
    if data.empty:
        return (
            f"For få kommuner med tall (under {MIN_FOR_SPREAD}) til å beregne spredning "
            f"for {filters.county_name}."
        )
    first, last = data.iloc[0], data.iloc[-1]
    trend = ""
    if len(data) > 1:
        ratio = _direction(first.forhold, last.forhold)
        difference = _direction(first.differanse, last.differanse)
        if ratio != difference:
            trend = (
                ": ingen klar endring, siden forholdet og forskjellen i prosentpoeng "
                "utvikler seg ulikt"
            )
        else:
            trend = {
                -1: ": forskjellene mellom kommunene har blitt mindre",
                0: ": forskjellene mellom kommunene er omtrent uendret",
                1: ": forskjellene mellom kommunene har blitt større",
            }[ratio]
    span = (
        f"fra {number(first.forhold, 2)} i {int(first.aar)} til "
        f"{number(last.forhold, 2)} i {int(last.aar)}"
        if len(data) > 1
        else f"{number(last.forhold, 2)} i {int(last.aar)}"
    )
    diff = (
        f"P90 − P10 {number(first.differanse, 1)} → {number(last.differanse, 1)} prosentpoeng"
        if len(data) > 1
        else f"P90 − P10 {number(last.differanse, 1)} prosentpoeng"
    )
    verb = "gikk" if len(data) > 1 else "var"
    where = f" i {filters.county_name}" if filters.fylke else ""
    return (
        f"P90/P10{where} {verb} {span}{trend} ({diff}). {SPREAD_IN_WORDS} {SMALL_NOTE}"
        + _suppressed_note(int(last.skjermet), int(last.aar))
    )


SPREAD_IN_WORDS = (
    "Slik leses tallet: P90 er verdien bare hver tiende kommune ligger over, P10 "
    "verdien bare hver tiende ligger under; P90/P10 = 1,5 betyr at kommunene "
    "høyt oppe har halvparten mer enn kommunene langt nede."
)


SPREAD = register(
    Chart(
        id="kvalitet-spredning",
        metrics=("kvalitetsindikator",),
        spans_years=True,
        page=PAGE,
        title="Forskjeller mellom kommunene over tid",
        data=spread_data,
        figure=lambda frame, _f, _o: spread_trend(frame, main="forhold"),
        source=(
            "Kilde: kvalitetsindikatorer per kommune. P10 og P90: verdien 10 % og 90 % av "
            "kommunene ligger under (kommunene i valgt fylke, ellers hele landet); P90/P10 er "
            "forholdet, P90 − P10 forskjellen i prosentpoeng. " + SUPPRESSED_RULE
        ),
        columns={
            "aar": "År",
            "indikator": "Indikator",
            "antall": "Kommuner med tall",
            "skjermet": "Kommuner med skjermede tall",
            "p10": "P10 (%)",
            "median": "Median (%)",
            "p90": "P90 (%)",
            "forhold": "P90/P10",
            "differanse": "P90 − P10 (prosentpoeng)",
        },
        summary=_spread_summary,
        options=(INDICATOR,),
    )
)

"""Every assumption behind the demo dataset, in one place.

Each constant says whether it is sourced ("DOMAIN": the programme's published facts, from
Udir's and the Statsforvalters' pages on the grant scheme and the programme's own material) or a
**demo assumption** (no public source found; it only shapes the demo data and must never be
presented as an official figure).

One module on purpose, although it is longer than the usual 300 lines: a reader checking what
the demo data assumes finds every assumption here and nowhere else.
"""

from __future__ import annotations

# --- Years and money -----------------------------------------------------------------------

YEARS: tuple[int, ...] = tuple(range(2020, 2027))
"""Years in the demo: indicators from 2020, the baseline year (DOMAIN: started autumn 2020)."""

GRANT_YEARS: tuple[int, ...] = tuple(range(2021, 2027))
"""Years with grants, measures and participation (DOMAIN, "Decisions": the grant scheme pays
from 2021; 2020 is the start-up year without grants)."""

LAST_YEAR_2020_STRUCTURE = 2023
"""Rows up to this year use 2020 municipality numbers (DOMAIN: new structure from 1.1.2024)."""

LAST_REPORTED_YEAR = 2025
"""Use is reported the following January (DOMAIN), so 2026 has no `brukt_kr` yet."""

BUDGET_KR: dict[int, int] = {
    2021: 50_000_000,  # sourced: DOMAIN, Statsforvalteren i Vestland 25.02.2021
    2022: 125_000_000,  # demo assumption: ramp (DOMAIN: about 100–150 mill. in 2022)
    2023: 200_000_000,  # demo assumption: ramp
    2024: 275_000_000,  # demo assumption: ramp
    2025: 330_000_000,  # demo assumption: permanent level "a few hundred million"
    2026: 340_000_000,  # demo assumption: index-adjusted after 2025
}

DEMO_SOURCE = "Demodata – antakelse"
"""`kilde` for every assumed budget figure (demo assumption)."""

BUDGET_SOURCES: dict[int, str] = {
    2021: "Statsforvalteren i Vestland, «Oppstart av Kompetanseløftet …», 25.02.2021",
}
"""Sourced budget figures (DOMAIN)."""

BUDGET_NOTES: dict[int, str] = {
    2021: "50 mill. kroner totalt; Vestland fikk om lag 5,3 mill.",
    2025: "Varig ordning fra 2025",
    2026: "Indeksregulert videreføring",
}
"""`merknad` per year (texts paraphrase DOMAIN; 2026 is a demo assumption)."""

SF_PINNED_KR: dict[tuple[int, str], int] = {(2021, "VL"): 5_300_000}
"""Sourced Statsforvalter amounts that override the key (DOMAIN: Vestland ≈ 5.3 mill. in 2021)."""

KEY_BASE_PER_MUNICIPALITY = 1_500
"""The key that splits a year's budget between Statsforvalter offices counts children and pupils
plus this many per municipality, a base amount that favours regions with many small
municipalities (demo assumption; DOMAIN only says the key follows children and pupils)."""

ALLOCATION_UNIT_KR = 1_000
"""Grants are split in whole thousands of kroner (demo assumption: round decision amounts)."""

SPENT_SHARE_NORMAL = (0.85, 1.0)
"""Most recipients use 85–100 % of the grant (demo assumption)."""

SPENT_SHARE_LOW = (0.40, 0.85)
UNDERSPEND_PROBABILITY = 0.08
"""A few recipients use clearly less (demo assumption)."""

# --- Population (sizes) --------------------------------------------------------------------

POPULATION_FILE = "befolkning_2023_kommune.csv"
"""Sourced: SSB table 07459, 1 January 2023, per 2020 municipality, with the age groups 1–5, 6–15
and 16–18 (data/reference/README.md). Every municipality's children, pupils, units and staff
are sized from it."""

COMBINED_AREAS: dict[str, str] = {"1580": "1508"}
"""Haram (1580 from 2024) is still inside Ålesund (1507) in the population file and no sourced
figure splits it, so the demo keeps the combined area under Ålesund 1508, as the map does."""

ENROLMENT_NOISE_SD = 0.04
"""Municipal variation in kindergarten enrolment and school size around the age group (demo
assumption: small, so sizes follow the population)."""

# --- Units (enheter) -----------------------------------------------------------------------

KINDERGARTENS = 5_314
KINDERGARTEN_PRIVATE = 2_729
KINDERGARTEN_CHILDREN = 266_900
"""Sourced: DOMAIN (2023)."""

SCHOOLS = 2_711
SCHOOL_PUPILS = 637_051
"""Sourced: DOMAIN (2023)."""

SCHOOL_PRIVATE_SHARE = 0.08
"""Demo assumption (≈ 8 % private)."""

UPPER_SECONDARY = 450
UPPER_SECONDARY_PUPILS = 190_000
"""Demo assumption (DOMAIN estimate)."""

UPPER_SECONDARY_PRIVATE_SHARE = 0.15
"""Demo assumption."""

PPT_OFFICES = 250
"""Demo assumption (DOMAIN estimate), including one county PPT per 2024 county."""

PPT_EXTRA_OFFICE_PER = 90_000
"""Large municipalities get one extra PPT office per this many inhabitants (demo assumption)."""

OTHER_SERVICES = 300
"""`annen` units (health service, child welfare …) (demo assumption)."""

SIZE_EXPONENT = {"barnehage": 0.95, "grunnskole": 0.8, "vgs": 0.85, "annen": 0.7}
"""Units per municipality grow as population ** exponent (demo assumption)."""

PRIVATE_SIZE_FACTOR = {"barnehage": 0.9, "grunnskole": 0.35, "vgs": 0.5}
"""Private units are smaller on average (demo assumption)."""

STAFF_RATIO = {"barnehage": 3.5, "grunnskole": 7.0, "vgs": 6.5}
"""Children or pupils per employee, head count (demo assumption)."""

PPT_INHABITANTS_PER_EMPLOYEE = 2_200
OTHER_INHABITANTS_PER_EMPLOYEE = 1_300
COUNTY_PPT_INHABITANTS_PER_EMPLOYEE = 30_000
"""Demo assumptions for staff in PPT (municipal, county) and other services."""

PRIVATE_CHAIN_SHARE = 0.4
"""Share of private kindergartens owned by a chain rather than a single owner (demo assumption)."""

# --- Participation -------------------------------------------------------------------------

PARTICIPATION_SHARE: dict[int, float] = {
    2021: 0.55,
    2022: 0.75,
    2023: 0.85,
    2024: 0.90,
    2025: 0.93,
    2026: 0.93,
}
"""Share of municipalities taking part (demo assumption)."""

COUNTY_EFFECT_SD = 0.7
MUNICIPALITY_EFFECT_SD = 1.0
SIZE_EFFECT = 0.5
"""Propensity to take part: Statsforvalter effect + own effect + size per log10 (demo)."""

WHOLE_TEAM_SHARE: dict[int, float] = {
    2021: 0.18,
    2022: 0.28,
    2023: 0.38,
    2024: 0.48,
    2025: 0.55,
    2026: 0.6,
}
"""Share of new municipal measures aimed at kindergarten + school + PPT together (demo)."""

OTHER_FOCUS_SHARES = {"bhg": 0.35, "skole": 0.35, "bhg_skole": 0.3}
"""The other municipal measures aim at kindergartens, schools, or both without PPT (demo)."""

PRIVATE_PARTICIPATION_FACTOR = 0.3
"""Private units take part less (DOMAIN: the evaluation; factor is a demo assumption)."""

UNIT_SHARE_RANGE = (0.45, 1.0)
"""Share of a sector's units in a municipality that a measure reaches (demo assumption)."""

UNITS_PER_MEASURE_MEDIAN = 70
"""Typical cap on units per sector and municipality in one measure (demo assumption)."""

PPT_JOIN_PROBABILITY = 0.35
"""Single-sector measures aimed also at PPT involve the office this often (demo assumption)."""

PROFESSION_PROBABILITY: dict[str, dict[str, float]] = {
    # demo assumption: chance that a participating unit sends each target profession
    "barnehage": {"BHGLAERER": 1.0, "ASSISTENT": 0.9, "LEDER": 0.85, "SPESPED": 0.6},
    "grunnskole": {"LAERER": 1.0, "ASSISTENT": 0.7, "LEDER": 0.8, "SPESPED": 0.6, "RADGIVER": 0.4},
    "vgs": {"LAERER": 1.0, "RADGIVER": 0.5, "LEDER": 0.6, "SPESPED": 0.4, "ASSISTENT": 0.2},
    "ppt": {"PPT": 1.0, "LEDER": 0.8},
    "annen": {"HELSE": 1.0, "BARNEVERN": 1.0, "BUP": 1.0},
}

UNIT_YEAR_STAFF_CAP = 1.0
"""A unit sends at most this share of its staff per year, summed over every measure and
profession: participants are people, so they cannot exceed the staff (DOMAIN, "Decisions")."""

PROFESSION_STAFF_SHARE: dict[str, tuple[float, float]] = {
    # demo assumption: participants as a share of unit staff (uniform low–high)
    "BHGLAERER": (0.06, 0.22),
    "LAERER": (0.05, 0.3),
    "ASSISTENT": (0.03, 0.18),
    "PPT": (0.3, 0.9),
    "HELSE": (0.2, 0.6),
    "BARNEVERN": (0.2, 0.6),
    "BUP": (0.05, 0.2),
    "SPESPED": (0.02, 0.06),
    "LEDER": (0.02, 0.06),
    "RADGIVER": (0.01, 0.04),
}

# --- Measures (tiltak) ---------------------------------------------------------------------

DURATION_PROBABILITY = {1: 0.45, 2: 0.35, 3: 0.20}
"""Measures run one to three years (DOMAIN: needs reported for up to three years; the
probabilities are a demo assumption)."""

GROUP_SIZE_PROBABILITY = {1: 0.4, 2: 0.25, 3: 0.2, 4: 0.15}
"""Municipalities per new municipal network measure (demo assumption)."""

ALONE_POPULATION = 20_000
"""Municipalities this large run their own measures (demo assumption)."""

EXTRA_MEASURE_RATE: dict[int, float] = {
    2021: 0.5,
    2022: 0.7,
    2023: 0.75,
    2024: 0.8,
    2025: 0.8,
    2026: 0.75,
}
EXTRA_MEASURE_SCALE = 20_000
EXTRA_MEASURE_EXPONENT = 0.6
"""Extra own measures per participating municipality: Poisson(rate·(pop/scale)^exp) (demo)."""

COUNTY_MEASURES_PER_YEAR = 1.2
PRIVATE_MEASURES_PER_YEAR = 4.0
"""New county-authority measures per county and private-owner measures per Statsforvalter
and year, Poisson means, scaled by EXTRA_MEASURE_RATE (demo assumption)."""

SPLIT_GRANT_PROBABILITY = 0.4
"""Network measures whose grant is split between member municipalities, else all goes to the
host municipality (demo assumption)."""

MEASURE_WEIGHT_EXPONENT = 0.6
MEASURE_WEIGHT_SD = 0.35
PRIVATE_MEASURE_WEIGHT = 1.0
MIN_MEASURE_REACH = 300
"""Grant weight ∝ (children + pupils reached, at least MIN_MEASURE_REACH)^exp · lognormal ·
PRIVATE_MEASURE_WEIGHT for private owners, who get clearly less than their share because their
measures reach only their own units (DOMAIN: private units took part less; the factors are demo
assumptions)."""

AREA_WEIGHTS: dict[str, float] = {
    # demo assumption: INKL ≈ 30 %, level 1 ≈ 60 %, level 3 ≈ 10 %
    # (DOMAIN: inclusive practice prioritised over special-education depth)
    "INKL": 30,
    "TIDL": 10,
    "SPRK": 8,
    "SAMH": 7,
    "OVRG": 5,
    "LESE": 5,
    "MATE": 4,
    "ATFE": 7,
    "PSYK": 6,
    "FRAV": 5,
    "SYST": 3,
    "AUTI": 4,
    "ADHD": 3,
    "UTVH": 3,
}

UH_PARTNERS: dict[str, dict[str, float]] = {
    # demo assumption: plausible regional partners and their weights
    "OV": {
        "OsloMet – storbyuniversitetet": 4,
        "Universitetet i Oslo": 2,
        "Høgskolen i Østfold": 2,
        "Universitetet i Sørøst-Norge": 1,
        "MF vitenskapelig høyskole": 0.5,
    },
    "RO": {"Universitetet i Stavanger": 4, "Høgskulen på Vestlandet": 1},
    "MR": {"Høgskulen i Volda": 3, "NTNU": 2},
    "NO": {"Nord universitet": 5, "UiT Norges arktiske universitet": 0.5},
    "IN": {"Høgskolen i Innlandet": 5, "NTNU": 0.5},
    "VT": {"Universitetet i Sørøst-Norge": 5, "OsloMet – storbyuniversitetet": 0.5},
    "AG": {"Universitetet i Agder": 5},
    "VL": {"Høgskulen på Vestlandet": 4, "Universitetet i Bergen": 2, "NLA Høgskolen": 1},
    "TL": {"NTNU": 3, "Dronning Mauds Minne Høgskole": 2, "Nord universitet": 1},
    "TF": {"UiT Norges arktiske universitet": 5, "Samisk høgskole": 1},
}

# --- Quality indicators --------------------------------------------------------------------

INDICATOR_SOURCE = "Demodata (modellert etter GSI/BASIL)"
"""`kilde` of every indicator row: modelled, not official (demo assumption)."""
SUPPRESS_BELOW = 5
"""Teller below this is suppressed (left empty), as official statistics do (demo assumption:
the exact threshold varies by publisher)."""

SPESUND_COUNTY_MEAN: dict[str, float] = {
    # by 2020 county; DOMAIN: about 7 % (Oslo, Viken) to 9 % (MR, NO, TF); the rest demo
    "03": 7.0,
    "30": 7.1,
    "11": 7.6,
    "15": 9.0,
    "18": 9.0,
    "34": 8.3,
    "38": 8.0,
    "42": 8.4,
    "46": 7.9,
    "50": 8.0,
    "54": 9.0,
}

INDICATOR_MODEL: dict[str, dict[str, float]] = {
    # mean (%, 2022), trend (percentage points per year), spread (logit sd for a large and
    # for the smallest municipalities), bounds (%). SPESUND/SPESPED_BHG levels and ranges are
    # sourced (DOMAIN); trends, ASSTIMER, UKVAL spread and PPT_FRIST are demo assumptions.
    "SPESUND": {
        "mean": 7.8,
        "trend": 0.1,
        "sd_large": 0.12,
        "sd_small": 0.5,
        "low": 4.5,
        "high": 22.0,
    },
    "SPESPED_BHG": {
        "mean": 3.6,
        "trend": 0.12,
        "sd_large": 0.2,
        "sd_small": 0.7,
        "low": 1.2,
        "high": 19.5,
    },
    "ASSTIMER": {
        "mean": 45.0,
        "trend": -0.6,
        "sd_large": 0.25,
        "sd_small": 0.55,
        "low": 20.0,
        "high": 75.0,
    },
    "UKVAL": {
        "mean": 6.0,
        "trend": -0.1,
        "sd_large": 0.3,
        "sd_small": 0.7,
        "low": 0.5,
        "high": 25.0,
    },
    "PPT_FRIST": {
        "mean": 70.0,
        "trend": 1.0,
        "sd_large": 0.35,
        "sd_small": 0.8,
        "low": 30.0,
        "high": 100.0,
    },
}

SPREAD_POPULATION = (50_000, 500)
"""Indicator spread is `sd_large` from this population up and `sd_small` at or below the
second (demo assumption)."""

SMALL_SHIFT_BELOW = 5_000
SMALL_MUNICIPALITY_SHIFT = {"UKVAL": 0.35, "SPESPED_BHG": 0.3, "SPESUND": 0.1}
"""Logit shift per halving of size below SMALL_SHIFT_BELOW inhabitants (demo assumption: rural
municipalities have more unqualified teachers and more special help)."""

INDICATOR_COUNTY_SD = 0.1
"""County effect (logit sd) on indicators other than SPESUND (demo assumption)."""

YEARLY_NOISE_SD = 0.06
"""Year-to-year logit noise around a municipality's level (demo assumption)."""

SPECIAL_HOURS_PER_PUPIL = 180
"""Hours (årstimer) of special education per recipient, nevner for ASSTIMER (demo)."""

TEACHERS_PER_PUPIL = 1 / 9.5
TEACHING_HOURS_PER_TEACHER = 741
"""UKVAL counts teaching hours (årstimer; nevner = teachers · hours), like Udir's statistic in
full-time equivalents rather than heads, so it is rarely suppressed (demo assumption)."""

ASSESSMENTS_PER_CHILD = 0.06
"""Expert assessments by PPT per child or pupil and year, nevner for PPT_FRIST (demo)."""

ENROLMENT_TREND = -0.004
"""Yearly relative change in children and pupils (demo assumption: falling birth rates)."""

# --- What users are told -------------------------------------------------------------------

FOR_USERS: tuple[str, ...] = (
    "Alle tall er laget av en deterministisk generator (frø 2020) og er ikke offisielle tall.",
    "Kommunenes størrelse følger SSBs folketall 1.1.2023 (tabell 07459): barn i barnehage "
    "følger 1–5-åringene, elever i grunnskolen 6–15-åringene og i videregående 16–18-åringene, "
    "skalert til de nasjonale tallene (266 900 barnehagebarn, 637 051 grunnskoleelever, "
    "om lag 190 000 elever i videregående).",
    "Haram er slått sammen med Ålesund også fra 2024, fordi befolkningsfilen er fra før delingen.",
    "Tilskuddsordningen betaler fra 2021; 2020 er oppstartsåret uten tildelinger.",
    "Rammen for 2021 (50 mill. kr) er hentet fra Statsforvalteren i Vestland; 2022–2026 "
    "(125, 200, 275, 330 og 340 mill. kr) er antakelser.",
    "Rammen fordeles på statsforvalterne etter barn og elever pluss et grunnbeløp per kommune "
    "(antakelse), og videre på tiltak etter hvor mange barn og elever tiltaket kan nå.",
    "En enhet sender i et år aldri flere deltakere enn den har ansatte; andelen av de ansatte "
    "per profesjon og tiltak er antakelser.",
    "Private barnehager og skoler deltar sjeldnere og får mindre (evalueringen fant lavere "
    "deltakelse; størrelsen på forskjellen er en antakelse).",
    "Kvalitetsindikatorene er modellert etter GSI og BASIL, med skjerming under 5 i telleren.",
    "Brukt beløp er rapportert til og med 2025; 2026 har ingen rapport ennå.",
)
"""The demo assumptions as users read them on /om (stored in `meta` by `python -m etl demo`)."""

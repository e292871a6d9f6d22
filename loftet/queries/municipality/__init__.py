"""Kommuneprofil: one municipality against its county and the nation.

The municipality is always a 2024 municipality (facts are keyed by the 2024 number); the
chosen structure (`filters.struktur`) decides which county it is compared with (its 2024
county or its 2020–2023 county). Counts read the same summary tables as the coverage queries
(`loftet.queries.summaries`), so the profile adds up to the same numbers as Oversikt and Dekning,
and its cost does not grow with the number of participations.

One module per part of the profile; this package gathers their public names, so pages and
charts import from `loftet.queries.municipality`.
"""

from __future__ import annotations

from loftet.queries.municipality.indicators import INDICATOR_COLUMNS, indicators_compared
from loftet.queries.municipality.key_figures import (
    units_reached_by_sector_compared,
)
from loftet.queries.municipality.levels import (
    ALL_TYPES,
    LEVELS,
    NATION,
    REACH_COLUMNS,
    UNIT_COLUMNS,
    profile_levels,
)
from loftet.queries.municipality.measures import measures_in_municipality
from loftet.queries.municipality.places import (
    Municipality,
    municipality,
    municipality_choices,
    norwegian_sort_key,
    part_of_until,
    statsforvalter_names,
)
from loftet.queries.municipality.professions import participants_by_profession, reach_profile
from loftet.queries.municipality.resolution import (
    Resolution,
    find_municipality,
    resolve_number,
    suggestions,
)
from loftet.queries.municipality.trends import allocations_by_year, participation_by_year

__all__ = [
    "ALL_TYPES",
    "INDICATOR_COLUMNS",
    "LEVELS",
    "Municipality",
    "NATION",
    "REACH_COLUMNS",
    "Resolution",
    "UNIT_COLUMNS",
    "allocations_by_year",
    "find_municipality",
    "indicators_compared",
    "measures_in_municipality",
    "municipality",
    "municipality_choices",
    "norwegian_sort_key",
    "part_of_until",
    "participants_by_profession",
    "participation_by_year",
    "profile_levels",
    "reach_profile",
    "resolve_number",
    "statsforvalter_names",
    "suggestions",
    "units_reached_by_sector_compared",
]

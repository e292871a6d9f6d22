"""The deck: the title slide, the chart slides in order and the closing slide."""

from __future__ import annotations

from collections.abc import Callable

from loftet.filters import Filters
from loftet.presentation.messages import (
    budget_slide,
    competence_slide,
    map_slide,
    need_reach_slide,
    participation_slide,
    whole_team_slide,
)
from loftet.presentation.slide import PROGRAMME, Slide, place_name


def title_slide(filters: Filters) -> Slide:
    """County (or nation), year and programme."""
    where = filters.county_name if filters.fylke else "hele landet"
    detail = (
        "Status for fylket sammenlignet med hele landet"
        if filters.fylke
        else "Status for hele landet"
    )
    return Slide(
        "tittel",
        f"Kompetanseløftet i {where} {filters.aar}",
        detail=f"{PROGRAMME}. {detail}.",
        kind="title",
    )


def closing_slide(filters: Filters) -> Slide:
    """A question for the meeting, a recap of three messages, and where to read more."""
    where = f" i {filters.county_name}" if filters.fylke else ""
    recap = (participation_slide, whole_team_slide, need_reach_slide)
    prefix = f"{place_name(filters)}: "
    points = tuple(make(filters).message.removeprefix(prefix) for make in recap)
    return Slide(
        "slutt",
        f"Hva gjør vi videre{where}?",
        points=points,
        detail="Alle tall, kart og tabeller:",
        link=f"/dekning?{filters.to_query()}".rstrip("?"),
        kind="closing",
    )


SLIDES: tuple[Callable[[Filters], Slide], ...] = (
    title_slide,
    participation_slide,
    map_slide,
    whole_team_slide,
    budget_slide,
    competence_slide,
    need_reach_slide,
    closing_slide,
)
"""The deck, in order."""


def slide_count() -> int:
    """How many slides the deck has."""
    return len(SLIDES)


def build_slide(number_: int, filters: Filters) -> Slide:
    """Slide `number_` (1-based, clamped to the deck) for `filters`."""
    index = min(max(int(number_), 1), slide_count()) - 1
    return SLIDES[index](filters)


def build_deck(filters: Filters) -> list[Slide]:
    """Every slide for `filters`."""
    return [make(filters) for make in SLIDES]

"""Presentation mode: the slides for a county meeting, each one message computed from data.

No Dash here. A slide is one sentence – the county against the nation – with a smaller detail
line, and the chart (catalogue id and options) drawn under it. Every number in a message comes
from the same chart data function (`Chart.data`) that the slide's chart and its page use, so
the sentence and the chart cannot disagree. Charts are drawn through `loftet.charts.render` and
restyled for the projector by `projector_figure` (on a copy; the page's figure is untouched).

The URL parameters (`fylke`, `aar`, `struktur`, `slide`, `auto`) are validated by
`parse_presentation`: anything unusable falls back to its default with a Norwegian notice.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from loftet.charts import get_chart, render
from loftet.config import TARGET_YEAR
from loftet.figures.common import labels_clear_of_lines, value_labels
from loftet.filters import Filters, parse_filters, parse_int
from loftet.formatting import NBSP, mill_kr, number, pct
from loftet.queries.quality import HIGH_NEED_LOW_REACH, indicator_info
from loftet.theme import TEMPLATE_NAME
from loftet.wording import extreme

PROGRAMME = "Kompetanseløftet for spesialpedagogikk og inkluderende praksis"
PROJECTOR_TEMPLATE = f"{TEMPLATE_NAME}_projector"
"""Registered by `loftet.theme`: the 24 px template for projectors."""
GENERAL_SOURCE = (
    "Kilde: Løftet-monitor – tildelinger og deltakelse rapportert til statsforvalterne."
)
PRESENTATION_PARAMS = ("fylke", "aar", "struktur")
"""The shared filters presentation mode uses; sector, owner and `fra` are left out on purpose
(one overall picture of the county)."""

AUTO_DEFAULT_S = 20
"""Seconds per slide when auto-advance is started with the play button."""
AUTO_MIN_S = 5
AUTO_MAX_S = 600

DESIGN_SIZE = (1920, 1080)
"""The screen the slides are designed for; charts scale with the screen from there."""
SCALE_RANGE = (0.6, 2.0)
MIN_LINE_WIDTH = 5
MIN_MARKER_SIZE = 14
MIN_BUBBLE_SIZE = 10
BUBBLE_SCALE = 1.5
"""Bubbles sized by area (need vs reach) are drawn this many times wider than on screen."""


@dataclass(frozen=True)
class Slide:
    """One slide: one message, a detail line, and what chart to draw (if any)."""

    key: str
    headline: str
    """The message's main clause, e.g. "Vestland: 98 % av kommunene deltar"."""
    comparison: str = ""
    """The national reference, e.g. "landet 93 %" (empty on the national deck)."""
    detail: str = ""
    """A smaller line with the counts behind the message."""
    chart_id: str | None = None
    options: Mapping[str, str] = field(default_factory=dict)
    kind: str = "chart"
    """"title", "chart" or "closing"."""
    link: str = ""
    """A relative link shown on the slide (closing slide: where to read more)."""
    points: tuple[str, ...] = ()
    """Short recap lines (closing slide)."""

    @property
    def message(self) -> str:
        """The whole message sentence."""
        return f"{self.headline} – {self.comparison}" if self.comparison else self.headline

    @property
    def source(self) -> str:
        """The first sentence of the chart's source (the footer has room for one)."""
        if not self.chart_id:
            return GENERAL_SOURCE
        return first_sentence(get_chart(self.chart_id).source)


@dataclass
class Presentation:
    """Validated URL parameters of presentation mode."""

    filters: Filters
    slide: int = 1
    """1-based slide number."""
    auto: int | None = None
    """Seconds per slide when auto-advance is on; None: off."""
    notices: list[str] = field(default_factory=list)


# --- parameters ---------------------------------------------------------------------------------


def _slide_number(raw: str | None, notices: list[str]) -> int:
    count = slide_count()
    if raw in (None, ""):
        return 1
    value = parse_int(raw)
    if value is None:
        notices.append(f"«slide={raw}» er ikke et lysbildenummer; viser lysbilde 1.")
        return 1
    if 1 <= value <= count:
        return value
    shown = 1 if value < 1 else count
    notices.append(f"Det finnes bare lysbilde 1–{count}; viser lysbilde {shown}.")
    return shown


def _auto_seconds(raw: str | None, notices: list[str]) -> int | None:
    if raw in (None, "", "0", "av"):
        return None
    value = parse_int(raw)
    if value is None or value < 0:
        notices.append(f"«auto={raw}» er ikke et antall sekunder; automatisk bla er av.")
        return None
    if value < AUTO_MIN_S or value > AUTO_MAX_S:
        shown = min(max(value, AUTO_MIN_S), AUTO_MAX_S)
        notices.append(
            f"Automatisk bla må være mellom {AUTO_MIN_S} og {AUTO_MAX_S} sekunder; "
            f"bruker {shown} sekunder."
        )
        return shown
    return value


def parse_presentation(params: Mapping[str, object]) -> Presentation:
    """Validate presentation mode's URL parameters; unknown keys are ignored, bad values fall
    back to defaults with a notice (never an error)."""
    get = {k: (None if v is None else str(v)) for k, v in params.items()}
    parsed = parse_filters({k: get[k] for k in PRESENTATION_PARAMS if k in get})
    notices = list(parsed.notices)
    slide = _slide_number(get.get("slide"), notices)
    auto = _auto_seconds(get.get("auto"), notices)
    return Presentation(parsed.filters, slide, auto, notices)


# --- helpers ------------------------------------------------------------------------------------


def first_sentence(text: str) -> str:
    """`text` up to and including its first full stop followed by a space."""
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def _share(part: float, whole: float) -> float | None:
    return 100 * part / whole if whole else None


def _whole_pct(value: float | None) -> str:
    return pct(value, 0)


def _municipalities(count: float) -> str:
    """`1 kommune`, `43 kommuner`."""
    return f"{number(count)} kommune" if count == 1 else f"{number(count)} kommuner"


def _in_sentence(name: str) -> str:
    """A name used mid-sentence: first letter lower case, unless the first word is an acronym
    ("ADHD", "PPT")."""
    first = name.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return name
    return name[:1].lower() + name[1:]


def _chart_data(
    chart_id: str, filters: Filters, options: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """The data the chart draws (the same function its page uses)."""
    return get_chart(chart_id).data(filters, dict(options or {}))


def _nation(filters: Filters) -> Filters:
    return replace(filters, fylke=None)


def _where(filters: Filters) -> str:
    return filters.county_name if filters.fylke else "Hele landet"


# --- the slides ---------------------------------------------------------------------------------


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


def _county_frame(filters: Filters) -> pd.DataFrame:
    """Coverage per county (all counties), as the county bars draw it."""
    return _chart_data("dekning-fylker", filters)


def _county_row(frame: pd.DataFrame, filters: Filters) -> pd.Series | None:
    rows = frame[frame.fylke == filters.fylke] if filters.fylke else frame.iloc[0:0]
    return rows.iloc[0] if len(rows) else None


def participation_slide(filters: Filters) -> Slide:
    """Share of municipalities taking part, county against nation."""
    frame = _county_frame(filters)
    nation = _share(frame.deltar.sum(), frame.kommuner.sum())
    options: dict[str, str] = {}
    row = _county_row(frame, filters)
    if row is not None:
        return Slide(
            "deltakelse",
            f"{row.fylke_navn}: {_whole_pct(row.andel_deltar)} av kommunene deltar",
            comparison=f"landet {_whole_pct(nation)}",
            detail=f"{number(row.deltar)} av {_municipalities(row.kommuner)} deltok "
            f"i {filters.aar}.",
            chart_id="dekning-fylker",
            options=options,
        )
    ordered = frame.sort_values(["andel_deltar", "fylke"])
    detail = (
        f"{number(frame.deltar.sum())} av {_municipalities(frame.kommuner.sum())} deltok "
        f"i {filters.aar}."
    )
    if len(ordered):
        shares = ordered.set_index("fylke_navn").andel_deltar
        detail += (
            f" Høyest andel i {extreme(shares, _whole_pct)}, lavest i "
            f"{extreme(shares, _whole_pct, highest=False)}."
        )
    return Slide(
        "deltakelse",
        f"Hele landet: {_whole_pct(nation)} av kommunene deltar",
        detail=detail,
        chart_id="dekning-fylker",
        options=options,
    )


def map_slide(filters: Filters) -> Slide:
    """Share of kindergartens, schools, PPT and other units reached, with the map."""
    frame = _county_frame(filters)
    nation = _share(frame.enheter_naadd.sum(), frame.enheter.sum())
    row = _county_row(frame, filters)
    reached, units = (
        (row.enheter_naadd, row.enheter)
        if row is not None
        else (frame.enheter_naadd.sum(), frame.enheter.sum())
    )
    detail = (
        f"{number(reached)} av {number(units)} barnehager, skoler, PPT-kontor og andre "
        f"enheter deltok i {filters.aar}. Kartet viser andelen per kommune."
    )
    options = {"maal": "andel_naadd"}
    if row is not None:
        return Slide(
            "kart",
            f"{row.fylke_navn}: tiltakene har nådd "
            f"{_whole_pct(_share(reached, units))} av enhetene",
            comparison=f"landet {_whole_pct(nation)}",
            detail=detail,
            chart_id="dekning-kart",
            options=options,
        )
    return Slide(
        "kart",
        f"Hele landet: tiltakene har nådd {_whole_pct(nation)} av enhetene",
        detail=detail,
        chart_id="dekning-kart",
        options=options,
    )


def whole_team_slide(filters: Filters) -> Slide:
    """Share of municipalities taking part with the whole team (kindergarten, school and PPT)."""
    frame = _county_frame(filters)
    nation = _share(frame.helt_lag.sum(), frame.kommuner.sum())
    row = _county_row(frame, filters)
    team, total = (
        (row.helt_lag, row.kommuner)
        if row is not None
        else (frame.helt_lag.sum(), frame.kommuner.sum())
    )
    detail = (
        f"Barnehage, skole og PPT i samme tiltak: {number(team)} av "
        f"{_municipalities(total)} i {filters.aar}. Linjene viser utviklingen fra "
        f"{filters.fra}."
    )
    headline = f"{_whole_pct(_share(team, total))} av kommunene deltar med hele laget"
    if row is not None:
        return Slide(
            "hele-laget",
            f"{row.fylke_navn}: {headline}",
            comparison=f"landet {_whole_pct(nation)}",
            detail=detail,
            chart_id="oversikt-deltakelse",
        )
    return Slide(
        "hele-laget", f"Hele landet: {headline}", detail=detail, chart_id="oversikt-deltakelse"
    )


def _granted(frame: pd.DataFrame, year: int) -> float:
    return float(frame.loc[frame.aar == year, "innvilget_kr"].sum())


def _level(frame: pd.DataFrame) -> float:
    """The 2025 level of the groups in `frame` (each group's level once)."""
    return float(frame.drop_duplicates("gruppe").nivaa_2025_kr.sum()) if len(frame) else 0.0


def budget_slide(filters: Filters) -> Slide:
    """The ramp towards the 2025 level: before 2025 how far the county has come against the
    nation; from 2025 the county's part of the national amount, with the ramp in the detail."""
    chart_id = "budsjett-per-aar"
    nation = _chart_data(chart_id, _nation(filters), {"fordeling": "fylke"})
    scope = _chart_data(chart_id, filters) if filters.fylke else nation
    where = _where(filters)
    year = filters.aar
    here, there = _granted(scope, year), _granted(nation, year)
    level_here, level_there = _level(scope), _level(nation)
    years = sorted(int(y) for y in scope.loc[scope.innvilget_kr > 0, "aar"].unique())
    slide = Slide("budsjett", "", chart_id=chart_id)
    if not here:
        return replace(slide, headline=f"{where}: ingen tildelinger registrert i {year}")
    first = years[0] if years else year
    ramp = (
        f"Opptrapping fra {mill_kr(_granted(scope, first))} i {first}"
        + (f" (landet {mill_kr(_granted(nation, first))})." if filters.fylke else ".")
        if first < year
        else ""
    )
    if year < TARGET_YEAR and level_here and level_there:
        return replace(
            slide,
            headline=f"{where} har nådd {_whole_pct(_share(here, level_here))} av "
            f"{TARGET_YEAR}-nivået",
            comparison=f"landet {_whole_pct(_share(there, level_there))}" if filters.fylke else "",
            detail=f"Innvilget i {year}: {mill_kr(here)} av {mill_kr(level_here)} i "
            f"{TARGET_YEAR}. {ramp}".strip(),
        )
    if filters.fylke:
        return replace(
            slide,
            headline=f"{where}: {mill_kr(here)} innvilget i {year}",
            comparison=f"{_whole_pct(_share(here, there))} av landets {mill_kr(there)}",
            detail=ramp,
        )
    return replace(slide, headline=f"Hele landet: {mill_kr(here)} innvilget i {year}", detail=ramp)


def competence_slide(filters: Filters) -> Slide:
    """The competence area with the largest part of the funds, county against nation."""
    chart_id = "kompetanse-omrader"
    scope = _chart_data(chart_id, filters)
    nation = _chart_data(chart_id, _nation(filters)) if filters.fylke else scope
    where = _where(filters)
    total = float(scope.innvilget_kr.sum()) if len(scope) else 0.0
    if not total:
        return Slide(
            "kompetanse",
            f"{where}: ingen midler registrert på kompetanseområder i {filters.aar}",
            chart_id=chart_id,
        )
    top = scope.sort_values(["innvilget_kr", "nivaa"], ascending=[False, True]).iloc[0]
    national_row = nation[nation.omrade == top.omrade]
    national_share = national_row.andel_kr.iloc[0] if len(national_row) else None
    used = int((scope.innvilget_kr > 0).sum())
    return Slide(
        "kompetanse",
        f"{where}: {_whole_pct(top.andel_kr)} av midlene går til {_in_sentence(top.omrade_navn)}",
        comparison=f"landet {_whole_pct(national_share)}" if filters.fylke else "",
        detail=f"{mill_kr(total)} fordelt på {used} av {len(scope)} kompetanseområder i "
        f"{filters.aar}.",
        chart_id=chart_id,
    )


def _high_need_low_reach(frame: pd.DataFrame) -> tuple[int, int]:
    """(municipalities with high need and little reach, municipalities with a quadrant)."""
    known = frame.dropna(subset=["kvadrant"])
    return int((known.kvadrant == HIGH_NEED_LOW_REACH).sum()), len(known)


def need_reach_slide(filters: Filters) -> Slide:
    """Share of municipalities with high need and little reach, county against nation."""
    chart_id = "kvalitet-behov-rekkevidde"
    scope = _chart_data(chart_id, filters)
    nation = _chart_data(chart_id, _nation(filters)) if filters.fylke else scope
    where = _where(filters)
    target, known = _high_need_low_reach(scope)
    if not known:
        return Slide(
            "behov", f"{where}: ingen kommuner har tall for behov og rekkevidde", chart_id=chart_id
        )
    national_target, national_known = _high_need_low_reach(nation)
    year = int(scope.aar.iloc[0])
    indicator = indicator_info(str(scope.indikator.iloc[0]))["navn"]
    return Slide(
        "behov",
        f"{where}: {_whole_pct(_share(target, known))} av kommunene har høyt behov og er lite nådd",
        comparison=(
            f"landet {_whole_pct(_share(national_target, national_known))}" if filters.fylke else ""
        ),
        detail=f"{number(target)} av {_municipalities(known)} med tall. Behov: "
        f"{_in_sentence(indicator)} ({year}); nådd: deltakelser per 1{NBSP}000 barn og "
        "elever.",
        chart_id=chart_id,
    )


def closing_slide(filters: Filters) -> Slide:
    """A question for the meeting, a recap of three messages, and where to read more."""
    where = f" i {filters.county_name}" if filters.fylke else ""
    recap = (participation_slide, whole_team_slide, need_reach_slide)
    prefix = f"{_where(filters)}: "
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
    return len(SLIDES)


def build_slide(number_: int, filters: Filters) -> Slide:
    """Slide `number_` (1-based, clamped to the deck) for `filters`."""
    index = min(max(int(number_), 1), slide_count()) - 1
    return SLIDES[index](filters)


def build_deck(filters: Filters) -> list[Slide]:
    """Every slide for `filters`."""
    return [make(filters) for make in SLIDES]


# --- the projector figure -----------------------------------------------------------------------


def viewport_scale(viewport: Mapping[str, object] | None) -> float:
    """How much larger or smaller than the 1920 × 1080 design size the screen is (1.0 when
    unknown), so a laptop at 1366 × 768 gets proportionally smaller chart text, like the CSS."""
    try:
        width = float(viewport["width"])  # type: ignore[index]
        height = float(viewport["height"])  # type: ignore[index]
    except (TypeError, KeyError, ValueError):
        return 1.0
    if not (width > 0 and height > 0) or math.isinf(width) or math.isinf(height):
        return 1.0
    scale = min(width / DESIGN_SIZE[0], height / DESIGN_SIZE[1])
    return round(min(max(scale, SCALE_RANGE[0]), SCALE_RANGE[1]), 2)


def _bigger(value: float | None, minimum: float) -> float:
    return (
        minimum
        if value is None or (isinstance(value, float) and math.isnan(value))
        else max(float(value), minimum)
    )


def projector_figure(figure: go.Figure, scale: float = 1.0) -> go.Figure:
    """A copy of `figure` for the projector: the projector template (24 px text at 1920 × 1080,
    times `scale` on other screens), no text smaller than the base, thicker lines and bigger
    markers; no chart title (the slide's message is the title)."""
    fig = go.Figure(copy.deepcopy(figure))
    base = pio.templates[PROJECTOR_TEMPLATE].layout.font.size * scale
    fig.update_layout(template=PROJECTOR_TEMPLATE, title_text=None)
    if scale != 1.0:
        fig.update_layout(font_size=round(base), hoverlabel_font_size=round(base))
    for annotation in fig.layout.annotations or ():
        annotation.font.size = round(_bigger(annotation.font.size, base))
    for trace in fig.data:
        marker = getattr(trace, "marker", None)
        if trace.type == "scatter" and "lines" in (trace.mode or "lines"):
            trace.line.width = _bigger(trace.line.width, MIN_LINE_WIDTH * scale)
        if trace.type == "scatter" and marker is not None:
            if marker.sizemode == "area" and marker.sizeref:
                marker.sizeref = marker.sizeref / (BUBBLE_SCALE * scale) ** 2
                marker.sizemin = _bigger(marker.sizemin, MIN_BUBBLE_SIZE * scale)
            elif not isinstance(marker.size, tuple | list):
                marker.size = _bigger(marker.size, MIN_MARKER_SIZE * scale)
        if trace.type == "choropleth" and trace.showscale is not False:
            trace.colorbar.thickness = _bigger(trace.colorbar.thickness, 28 * scale)
            trace.colorbar.len = _bigger(trace.colorbar.len, 0.55)
    for shape in fig.layout.shapes or ():
        if shape.line.width:
            shape.line.width = _bigger(shape.line.width, 3 * scale)
    value_labels(fig)
    return labels_clear_of_lines(fig)


def slide_figure(slide: Slide, filters: Filters, scale: float = 1.0) -> go.Figure | None:
    """The slide's chart, rendered through the catalogue and styled for the projector."""
    if not slide.chart_id:
        return None
    _, figure = render(slide.chart_id, filters, dict(slide.options))
    return projector_figure(figure, scale)

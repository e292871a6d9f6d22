"""A slide (one message, a detail line, the chart under it) and the wording helpers the
slides' messages share.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import pandas as pd

from loftet.charts import get_chart
from loftet.figures.references import NationalReference
from loftet.filters import Filters
from loftet.formatting import number, pct

PROGRAMME = "Kompetanseløftet for spesialpedagogikk og inkluderende praksis"
GENERAL_SOURCE = (
    "Kilde: Løftet-monitor – tildelinger og deltakelse rapportert til statsforvalterne."
)


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
    reference: NationalReference | None = None
    """What the chart draws for the nation when the message compares with it (None: the
    chart's own national line serves, or there is no comparison)."""

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


def first_sentence(text: str) -> str:
    """`text` up to and including its first full stop followed by a space."""
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def share(part: float, whole: float) -> float | None:
    """`part` as a percentage of `whole` (None when `whole` is 0)."""
    return 100 * part / whole if whole else None


def whole_pct(value: float | None) -> str:
    """A percentage without decimals, as the messages show it (`93 %`)."""
    return pct(value, 0)


def municipalities(count: float) -> str:
    """`1 kommune`, `43 kommuner`."""
    return f"{number(count)} kommune" if count == 1 else f"{number(count)} kommuner"


def in_sentence(name: str) -> str:
    """A name used mid-sentence: first letter lower case, unless the first word is an acronym
    ("ADHD", "PPT")."""
    first = name.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return name
    return name[:1].lower() + name[1:]


def chart_data(
    chart_id: str, filters: Filters, options: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """The data the chart draws (the same function its page uses)."""
    return get_chart(chart_id).data(filters, dict(options or {}))


def nation_filters(filters: Filters) -> Filters:
    """`filters` for the whole country (the county dropped)."""
    return replace(filters, fylke=None)


def place_name(filters: Filters) -> str:
    """The county's name, or "Hele landet" on the national deck."""
    return filters.county_name if filters.fylke else "Hele landet"

"""A page's view from its URL: the shared filters plus the view options its charts declare
(`loftet.charts.options`), validated in one place with one notice wording; and which charts a
change of option redraws."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from loftet.charts import Chart, charts_for_page, get_chart
from loftet.charts.options import ViewOption
from loftet.filters import Filters, parse_filters


@dataclass
class View:
    """What a page shows: filters, valid option values, and notices about the URL."""

    filters: Filters
    options: dict[str, str] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)


def page_options(page: str) -> list[ViewOption]:
    """The view options the charts of `page` read, each once, in the order charts declare them.

    Two different declarations of one parameter on a page are an error: an option several
    charts read is declared once and referenced by each."""
    found: dict[str, ViewOption] = {}
    for chart in charts_for_page(page):
        for option in chart.options:
            if found.setdefault(option.param, option) is not option:
                raise ValueError(f"option {option.param!r} declared twice on page {page!r}")
    return list(found.values())


def parse_view(params: Mapping[str, object], page: str) -> View:
    """Filters, options and notices from a page's URL parameters. An invalid option value falls
    back to its default with a notice; unknown parameters are ignored."""
    parsed = parse_filters(dict(params))
    view = View(parsed.filters, notices=list(parsed.notices))
    for option in page_options(page):
        value = option.parse(params.get(option.param), view.notices)
        if value:
            view.options[option.param] = value
    return view


def default_options(chart: Chart) -> dict[str, str]:
    """Every option the chart reads, at its default: how a view without a URL (the report pack)
    is drawn and described."""
    return {option.param: option.default for option in chart.options if option.default}


def options_read(chart_id: str) -> frozenset[str]:
    """The URL parameters of the view options chart `chart_id` reads."""
    return frozenset(option.param for option in get_chart(chart_id).options)


def needs_redraw(chart_id: str, changed: Iterable[str], shared: Iterable[str]) -> bool:
    """Whether a change of the URL parameters `changed` alters the chart `chart_id`.

    True when nothing is known (first draw: `changed` empty), when a shared filter changed,
    when the chart is unknown, or when it reads one of the changed options. The shared filters
    (year, county, sector, owner, structure) always redraw every chart."""
    changed = set(changed)
    if not changed or changed & set(shared):
        return True
    try:
        return bool(changed & options_read(chart_id))
    except KeyError:
        return True

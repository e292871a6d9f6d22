"""Presentation mode: the slides for a county meeting, each one message computed from data.

No Dash here. A slide is one sentence – the county against the nation – with a smaller detail
line, and the chart (catalogue id and options) drawn under it.

- `params`: the URL parameters (`fylke`, `aar`, `struktur`, `slide`, `auto`), validated by
  `parse_presentation`;
- `slide`: the `Slide` record and the wording helpers the messages share;
- `messages`: the chart slides' messages, computed from the chart's own data function
  (`Chart.data`), so the sentence and the chart cannot disagree;
- `deck`: the title and closing slides and the order of the deck;
- `projector`: the slide's chart drawn through `loftet.charts.render` and restyled for the
  projector (`projector_figure`, on a copy; the page's figure is untouched).
"""

from loftet.presentation.deck import SLIDES, build_deck, build_slide, slide_count
from loftet.presentation.params import (
    AUTO_DEFAULT_S,
    AUTO_MAX_S,
    AUTO_MIN_S,
    PRESENTATION_PARAMS,
    Presentation,
    parse_presentation,
)
from loftet.presentation.projector import (
    PROJECTOR_TEMPLATE,
    projector_figure,
    slide_figure,
    viewport_scale,
)
from loftet.presentation.slide import GENERAL_SOURCE, PROGRAMME, Slide, first_sentence

__all__ = [
    "AUTO_DEFAULT_S",
    "AUTO_MAX_S",
    "AUTO_MIN_S",
    "GENERAL_SOURCE",
    "PRESENTATION_PARAMS",
    "PROGRAMME",
    "PROJECTOR_TEMPLATE",
    "SLIDES",
    "Presentation",
    "Slide",
    "build_deck",
    "build_slide",
    "first_sentence",
    "parse_presentation",
    "projector_figure",
    "slide_count",
    "slide_figure",
    "viewport_scale",
]

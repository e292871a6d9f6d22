"""View options: the page settings a chart reads from the URL (which metric the map shows, which
indicator, which split), declared once with their choices, Norwegian labels and default.

A chart lists the options it reads in `Chart.options`; an option several charts read is one
`ViewOption` object referenced by each of them. Everything else reads the declaration: the
page's selectors (`loftet.ui.components.option_control`), URL validation (`parse_view`), the
redraw rule (`needs_redraw`), export subtitles (`loftet.export.options_text`), the report pack
and the slides (through `render` and `ViewOption.value`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

Options = Mapping[str, str]
"""Page-specific view options from the URL (e.g. the chosen indicator)."""

Control = Literal["radio", "dropdown", "hidden"]
"""How the page shows the option: radio buttons, a dropdown (long lists) or a hidden input."""
Place = Literal["chart", "page", "custom"]
"""Where the selector goes: above the card of the first chart on the page that reads it
(`chart`), in the page's option row (`page`), or where the page puts it itself (`custom`)."""


@dataclass(frozen=True)
class ViewOption:
    """One URL view option: parameter, choices (value → Norwegian label) and default."""

    param: str
    label: str
    """The selector's label on the page, e.g. `Vis i kartet:`."""
    caption: str
    """The option's name in a file's subtitle, e.g. `Vis` in `Vis: Deltar`."""
    choices: Mapping[str, str] | Callable[[], Mapping[str, str]]
    """Value → label; a function when the choices come from the database (read when used)."""
    default: str
    """The value when the URL has none or an invalid one; `""` for an option with no default."""
    control: Control = "radio"
    place: Place = "chart"

    def labels(self) -> dict[str, str]:
        """Every valid value with its label, in display order."""
        choices = self.choices() if callable(self.choices) else self.choices
        return dict(choices)

    def label_of(self, value: object) -> str | None:
        """The label of `value`, or None when it is not a valid choice."""
        return self.labels().get(str(value)) if value not in (None, "") else None

    def value(self, options: Options) -> str:
        """The option's value in `options` if it is a valid choice, else the default."""
        raw = options.get(self.param)
        return str(raw) if self.label_of(raw) is not None else self.default

    def parse(self, raw: object, notices: list[str]) -> str:
        """The URL value `raw` if valid; missing → the default; invalid → the default and the
        one notice wording every option shares."""
        if raw in (None, ""):
            return self.default
        if self.label_of(raw) is not None:
            return str(raw)
        shown = self.label_of(self.default)
        notices.append(f"Ukjent verdi «{self.param}={raw}»; viser «{shown}».")
        return self.default

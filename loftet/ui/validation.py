"""The layout the browser checks callbacks against, reduced to what the check reads.

Dash sends a `validation_layout` (every page's layout and the shell) in every page's HTML, so
the browser can tell that each callback's components exist and have the properties it uses.
The check reads only each component's `id`, `type` and `namespace`; the full layouts (figures,
texts, options) made that 230 KB of every page. `ids_only` keeps one bare component per id.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator

from dash import html
from dash.development.base_component import Component


def components_with_ids(root: Component) -> Iterator[Component]:
    """Every component with an id under `root` (itself included), in any property that holds
    components (`children`, and the others Dash renders, e.g. a tooltip's or tab's label)."""
    stack: list[object] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, list | tuple):
            stack.extend(reversed(item))
            continue
        if not isinstance(item, Component):
            continue
        if vars(item).get("id") is not None:
            yield item
        stack.extend(
            reversed(
                [
                    value
                    for name, value in vars(item).items()
                    if not name.startswith("_") and isinstance(value, Component | list | tuple)
                ]
            )
        )


def bare(component: Component) -> Component:
    """A copy of `component` with its id and no other property."""
    copied = copy.copy(component)
    copied.__dict__ = {
        name: value
        for name, value in vars(component).items()
        if name.startswith("_") or name == "id"
    }
    return copied


def ids_only(layout: Component) -> html.Div:
    """`layout` as a flat list of bare components, one per id (the first of a repeated id)."""
    seen: set[str] = set()
    kept = []
    for component in components_with_ids(layout):
        key = repr(vars(component)["id"])
        if key not in seen:
            seen.add(key)
            kept.append(bare(component))
    return html.Div(kept)

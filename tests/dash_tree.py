"""Helpers for layout tests: walk a Dash component tree, and import a page module with a
throwaway pages app (Dash requires one before `register_page`)."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from types import ModuleType

import dash


def load_page(module: str) -> ModuleType:
    """Import `pages.<module>` after creating a pages-enabled Dash app."""
    dash.Dash(__name__, use_pages=True, pages_folder="")
    return importlib.import_module(f"pages.{module}")


def walk(component) -> Iterator:
    """Every component in the tree below `component` (itself included)."""
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and hasattr(child, "to_plotly_json"):
            yield from walk(child)


def find(component, wanted_id) -> list:
    """Every component below `component` with id `wanted_id`."""
    return [c for c in walk(component) if getattr(c, "id", None) == wanted_id]


def text_of(component) -> str:
    """All strings in the tree, joined by spaces."""
    parts = []
    for c in walk(component):
        children = getattr(c, "children", None)
        for child in children if isinstance(children, list | tuple) else [children]:
            if isinstance(child, str):
                parts.append(child)
    return " ".join(parts)

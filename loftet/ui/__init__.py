"""Dash building blocks shared by the pages: ids, filter bar, chart cards, shared callbacks."""

"""Text boxes of an SVG as Chromium draws them, and the pairs that overlap.

Exported figures are checked in a real browser: Plotly's SVG places text with transforms and
rich-text `tspan`s, so only the browser knows where a label ends. Rotated labels are measured
by their bounding rectangle, which is exact for the upright (−90°) labels the print layout uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

from dataclasses import dataclass

TEXT_BOXES_JS = """() => {
  const out = [];
  for (const el of document.querySelectorAll('text')) {
    const text = (el.textContent || '').trim();
    if (!text) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    if (style.opacity === '0') continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    out.push([text, r.left, r.top, r.right, r.bottom]);
  }
  return out;
}"""
TOLERANCE_PX = 1.0
"""Boxes touching by less than this are not counted as overlapping (glyph side bearings)."""


@dataclass(frozen=True)
class Box:
    text: str
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        width = min(self.right, other.right) - max(self.left, other.left)
        height = min(self.bottom, other.bottom) - max(self.top, other.top)
        return width > TOLERANCE_PX and height > TOLERANCE_PX


def text_boxes(page: Page, svg: bytes) -> list[Box]:
    """Every visible, non-empty text element of `svg`, measured by the Playwright `page`."""
    page.set_content("<!doctype html><body style='margin:0'>" + svg.decode("utf-8") + "</body>")
    return [Box(*row) for row in page.evaluate(TEXT_BOXES_JS)]


def overlapping(boxes: list[Box]) -> list[tuple[str, str]]:
    """The texts of every pair of boxes that overlap."""
    return [(a.text, b.text) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if a.overlaps(b)]

"""The app's font for the image export: the export browser finds the bundled Source Sans 3
through a fontconfig file, so exported figures use the same font as the app, on any machine.

The app serves `assets/fonts/*.woff2` (from the npm package `@fontsource/source-sans-3`) with
`@font-face`. Chromium reads system fonts through fontconfig but does not take WOFF2 files
from there, so the export converts them once to TrueType (fontTools) in a private folder,
without ligatures (text copied from an exported PDF stays searchable). The
package's subsets name their family `Source Sans 3 ExtraLight`; a fontconfig scan rule files
them under `Source Sans 3`, the name the template asks for (the font files are not edited).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from fontTools.ttLib import TTFont

from loftet.config import ROOT

FONT_DIR = ROOT / "assets" / "fonts"
FAMILY = "Source Sans 3"
FILE_FAMILY = "Source Sans 3 ExtraLight"
SYSTEM_CONFIG = "/etc/fonts/fonts.conf"
FORMAT_VERSION = 2
"""Bumped when the TrueType copies are made differently (a new folder, no stale copies)."""


def fontconfig_text(font_dir: Path) -> str:
    """A fontconfig file: the system's configuration plus `font_dir`, with the family rule."""
    return f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">{SYSTEM_CONFIG}</include>
  <dir>{escape(str(font_dir))}</dir>
  <match target="scan">
    <test name="family"><string>{FILE_FAMILY}</string></test>
    <edit name="family" mode="assign" binding="same"><string>{FAMILY}</string></edit>
  </match>
</fontconfig>
"""


def truetype_copies(target: Path, source: Path = FONT_DIR) -> list[Path]:
    """TrueType copies of the bundled WOFF2 files in `target` (made once, then reused)."""
    target.mkdir(parents=True, exist_ok=True)
    made = []
    for woff2 in sorted(source.glob("*.woff2")):
        ttf = target / f"{woff2.stem}.ttf"
        if not ttf.exists() or ttf.stat().st_mtime < woff2.stat().st_mtime:
            font = TTFont(woff2)
            font.flavor = None
            if "GSUB" in font:
                # No ligatures: "ff" drawn as one glyph is lost when text is copied from, or
                # searched in, an exported PDF ("oﬀisielle"). Latin text needs no other
                # substitution.
                del font["GSUB"]
            partial = ttf.with_suffix(f".{os.getpid()}.part")
            font.save(partial)
            partial.replace(ttf)
        made.append(ttf)
    return made


def use_bundled_fonts() -> Path | None:
    """Point fontconfig (read by the export Chromium, a child process) at the bundled fonts,
    unless `FONTCONFIG_FILE` is already set or no font is bundled; returns the file used."""
    if os.environ.get("FONTCONFIG_FILE") or not any(FONT_DIR.glob("*.woff2")):
        return None
    folder = Path(tempfile.gettempdir()) / f"loftet-fonts-{FORMAT_VERSION}-{os.getuid()}"
    truetype_copies(folder)
    config = folder / "fonts.conf"
    config.write_text(fontconfig_text(folder), encoding="utf-8")
    os.environ["FONTCONFIG_FILE"] = str(config)
    return config

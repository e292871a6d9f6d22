"""The bundled font: shipped with its licence, served to the app, and made readable for the
export browser (TrueType copies and a fontconfig file that names the family as the app does)."""

from __future__ import annotations

from pathlib import Path

from fontTools.ttLib import TTFont

from loftet.export.fonts import FAMILY, FILE_FAMILY, FONT_DIR, fontconfig_text, truetype_copies
from loftet.theme import FONT_FAMILY


def test_font_files_ship_with_licence_and_css_for_every_weight() -> None:
    assert (FONT_DIR / "LICENSE-source-sans-3.txt").read_text().find("SIL OPEN FONT") >= 0
    css = (FONT_DIR / "source-sans-3.css").read_text()
    for weight in (400, 600, 700):
        for subset in ("latin", "latin-ext"):
            name = f"source-sans-3-{subset}-{weight}-normal.woff2"
            assert (FONT_DIR / name).is_file() and name in css
    assert FONT_FAMILY.startswith(f"'{FAMILY}'")


def test_truetype_copies_are_plain_truetype_of_the_bundled_family(tmp_path: Path) -> None:
    copies = truetype_copies(tmp_path)
    assert len(copies) == len(list(FONT_DIR.glob("*.woff2")))
    font = TTFont(copies[0])
    assert font.flavor is None and "GSUB" not in font  # no "ff" ligature in PDFs
    assert FILE_FAMILY in {str(n) for n in font["name"].names if n.nameID in (1, 16)}
    assert truetype_copies(tmp_path) == copies  # reused, not made again


def test_fontconfig_file_adds_the_folder_and_renames_the_family(tmp_path: Path) -> None:
    text = fontconfig_text(tmp_path)
    assert f"<dir>{tmp_path}</dir>" in text and "/etc/fonts/fonts.conf" in text
    assert f"<string>{FILE_FAMILY}</string>" in text and f"<string>{FAMILY}</string>" in text

"""Exported images and the report pack, drawn by kaleido in the system Chromium.

One browser session serves the module; a handful of exports keep the suite fast. The demo flag
is switched on so the files must carry the demo notice.
"""

from __future__ import annotations

import io
import re
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Iterator
from typing import NoReturn

import pytest

from loftet.charts import get_chart
from loftet.export import DEMO_MARK
from loftet.export.browser import browser_path, session
from loftet.export.images import export_figure
from loftet.export.png import png_info, png_text
from loftet.export.presets import PRINT_DPI
from loftet.filters import Filters
from loftet.queries import reference

pytestmark = pytest.mark.skipif(browser_path() is None, reason="no Chromium for kaleido")

CHART = "budsjett-innvilget-brukt"
MAP = "dekning-kart"
FILTERS = Filters(fylke="46", aar=2025)


@pytest.fixture(scope="module")
def exported(small_db_url: str) -> Iterator[dict[str, bytes]]:
    """PNG, SVG and PDF of one chart (Vestland, 2025, demo on) and an SVG of the map."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", small_db_url)
        patch.setattr(reference, "is_demo", lambda: True)
        with session():
            files = {fmt: export_figure(CHART, FILTERS, {}, fmt) for fmt in ("png", "svg", "pdf")}
            files["map"] = export_figure(MAP, Filters(aar=2022), {"maal": "deltar"}, "svg")
            yield files


def svg_text(svg: bytes) -> str:
    root = ET.fromstring(svg)
    return " ".join(" ".join(el.itertext()) for el in root.iter() if el.tag.endswith("text"))


def test_png_is_300_dpi_16_cm_and_names_its_chart(exported: dict[str, bytes]) -> None:
    png = exported["png"]
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    info = png_info(png)
    assert info["width"] is not None and info["height"] is not None and info["dpi"] is not None
    assert abs(info["width"] - 1890) <= 2
    assert info["height"] >= 1060  # at least 9 cm; taller when the content needs it
    assert info["dpi"] == pytest.approx(PRINT_DPI, abs=0.1)
    assert info["width"] / info["dpi"] * 2.54 == pytest.approx(16.0, abs=0.05)
    texts = png_text(png)
    assert texts["Title"] == get_chart(CHART).title
    assert texts["Description"].startswith("Vestland · 2020–2025")
    assert texts["Disclaimer"] == DEMO_MARK


def test_svg_holds_title_filters_source_and_demo_notice(exported: dict[str, bytes]) -> None:
    text = svg_text(exported["svg"])
    chart = get_chart(CHART)
    assert chart.title in text
    assert "Vestland · 2020–2025" in text
    assert "Data lastet" in text
    assert "demodata" in text.lower() and DEMO_MARK in text


def pdf_text(pdf: bytes) -> str:
    """The text of a (Chromium) PDF: content streams decoded through each font's ToUnicode."""
    objects = {int(m[1]): m[2] for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", pdf, re.S)}

    def stream(body: bytes) -> bytes:
        raw = body.split(b"stream", 1)[1].lstrip(b"\r\n")
        return zlib.decompressobj().decompress(raw)

    def cmap(data: bytes) -> dict[int, str]:
        mapping = {}
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
            for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                mapping[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
            for lo, hi, dst in re.findall(
                rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
            ):
                start = int(dst, 16)
                for offset, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                    mapping[code] = chr(start + offset)
        return mapping

    fonts: dict[bytes, dict[int, str]] = {}
    for body in objects.values():
        for entries in re.findall(rb"/Font\s*<<(.*?)>>", body, re.S):
            for name, ref in re.findall(rb"/([\w.+-]+)\s+(\d+) 0 R", entries):
                found = re.search(rb"/ToUnicode (\d+) 0 R", objects.get(int(ref), b""))
                if found:
                    fonts[name] = cmap(stream(objects[int(found[1])]))
    words = []
    for body in objects.values():
        if b"stream" not in body:
            continue
        try:
            content = stream(body)
        except zlib.error:
            continue
        font: dict[int, str] = {}
        for m in re.finditer(
            rb"/([\w.+-]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\[(.*?)\]\s*TJ", content, re.S
        ):
            if m[1]:
                font = fonts.get(m[1], {})
                continue
            for code in [m[2]] if m[2] is not None else re.findall(rb"<([0-9A-Fa-f]*)>", m[3]):
                words.append(
                    "".join(font.get(int(code[i : i + 4], 16), "") for i in range(0, len(code), 4))
                )
    return " ".join(words)


def squash(text: str) -> str:
    """Text without spaces, ligatures (ﬃ) unfolded."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def test_pdf_is_16_cm_wide_at_least_9_cm_tall_and_holds_title_and_demo_notice(
    exported: dict[str, bytes],
) -> None:
    pdf = exported["pdf"]
    assert pdf.startswith(b"%PDF")
    box = re.search(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert box is not None
    width_cm, height_cm = (float(v) / 72 * 2.54 for v in box.groups())
    assert width_cm == pytest.approx(16.0, abs=0.1)
    assert 8.9 <= height_cm <= 27  # 9 cm, taller when the content needs it (still A4)
    text = squash(pdf_text(pdf))
    assert squash(get_chart(CHART).title) in text
    assert squash(DEMO_MARK) in text


def test_map_exports_offline_as_vector_shapes(exported: dict[str, bytes]) -> None:
    svg = exported["map"]
    assert b"<image" not in svg
    root = ET.fromstring(svg)
    areas = [
        el
        for el in root.iter()
        if el.tag.endswith("path") and "choroplethlocation" in (el.get("class") or "")
    ]
    assert len(areas) >= 4
    assert get_chart(MAP).title in svg_text(svg)


def test_report_pack_holds_every_listed_file(small_db: str, monkeypatch) -> None:
    from loftet.charts import Chart
    from loftet.export import pack

    def fails(*_args: object) -> NoReturn:
        raise RuntimeError("a chart that cannot be drawn")

    broken = Chart(
        id="finnes-ikke",
        page="oversikt",
        title="Ødelagt figur",
        data=fails,
        figure=fails,
        source="Kilde: ingen.",
        summary=fails,
    )
    chosen = [
        get_chart("oversikt-deltakelse"),
        get_chart(CHART),
        get_chart("kvalitet-spredning"),
        broken,
    ]
    monkeypatch.setattr(pack, "pack_charts", lambda: chosen)
    steps = []
    data = pack.build_report_pack(
        Filters(fylke="46", aar=2022), progress=lambda done, total, msg: steps.append((done, total))
    )
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    contents = archive.read(pack.CONTENTS).decode("utf-8")
    listed = [
        line.strip()
        for line in contents.splitlines()
        if line.startswith("   ") and line.strip().startswith(("figurer/", "data/"))
    ]
    assert len(listed) == 15  # three charts × (PNG, SVG, PDF, CSV, XLSX)
    assert set(listed) | {pack.CONTENTS} == set(archive.namelist())
    assert "figurer/loftet_oversikt-deltakelse_vestland_2022.png" in listed
    assert "figurer/loftet_oversikt-deltakelse_vestland_2022.pdf" in listed
    assert "data/loftet_budsjett-innvilget-brukt_vestland_2022.xlsx" in listed
    assert "Utvalg: Vestland · 2020–2022" in contents
    assert "- Ødelagt figur:" in contents
    assert steps[-1][0] == steps[-1][1] and all(d <= t for d, t in steps)
    png = archive.read("figurer/loftet_oversikt-deltakelse_vestland_2022.png")
    assert png_info(png)["dpi"] == pytest.approx(PRINT_DPI, abs=0.1)
    # A chart with view options is drawn at their defaults, and its files say which.
    spread = archive.read("figurer/loftet_kvalitet-spredning_vestland_2022.png")
    assert png_text(spread)["Description"].endswith("Indikator: Elever med spesialundervisning")
    csv = archive.read("data/loftet_kvalitet-spredning_vestland_2022.csv").decode("utf-8-sig")
    assert "Indikator: Elever med spesialundervisning" in csv


def test_national_map_export_holds_the_oslofjord_inset(exported: dict[str, bytes]) -> None:
    root = ET.fromstring(exported["map"])
    geos = {
        el.get("class"): el for el in root.iter() if (el.get("class") or "").startswith("geo geo")
    }
    assert set(geos) == {"geo geo", "geo geo2"}

    def areas(group: ET.Element) -> list[ET.Element]:
        return [
            el
            for el in group.iter()
            if el.tag.endswith("path") and "choroplethlocation" in (el.get("class") or "")
        ]

    # the inset repeats the fjord's municipalities (and its county outlines): a few dozen
    # areas, in the same SVG, next to the whole country
    assert 20 < len(areas(geos["geo geo2"])) < 120
    assert len(areas(geos["geo geo"])) > 356
    assert "Oslofjorden" in svg_text(exported["map"])

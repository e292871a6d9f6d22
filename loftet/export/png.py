"""PNG metadata: the resolution (pHYs) and text chunks (title, view, source) of a PNG, written
and read without an image library."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator, Mapping

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunks(png: bytes) -> Iterator[tuple[bytes, bytes, bytes]]:
    """(type, data, whole chunk) of every chunk after the signature."""
    if not png.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG file")
    pos = len(PNG_SIGNATURE)
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind = png[pos + 4 : pos + 8]
        end = pos + 12 + length
        yield kind, png[pos + 8 : pos + 8 + length], png[pos:end]
        pos = end


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def with_dpi(png: bytes, dpi: float) -> bytes:
    """`png` with a pHYs chunk declaring `dpi` (any earlier pHYs chunk replaced)."""
    per_metre = round(dpi / 0.0254)
    phys = _chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1))
    out = [PNG_SIGNATURE]
    for kind, _data, whole in _chunks(png):
        if kind == b"pHYs":
            continue
        out.append(whole)
        if kind == b"IHDR":
            out.append(phys)
    return b"".join(out)


def with_text(png: bytes, texts: Mapping[str, str]) -> bytes:
    """`png` with UTF-8 text chunks (iTXt: `Title`, `Description`, `Source`, …) before the
    image data, so file browsers and image tools show what the figure is."""
    chunks = b"".join(
        _chunk(b"iTXt", key.encode("latin-1") + b"\0\0\0no\0\0" + value.encode("utf-8"))
        for key, value in texts.items()
        if value
    )
    out = [PNG_SIGNATURE]
    for kind, _data, whole in _chunks(png):
        if kind == b"IDAT" and chunks:
            out.append(chunks)
            chunks = b""
        out.append(whole)
    return b"".join(out)


def png_text(png: bytes) -> dict[str, str]:
    """The iTXt and tEXt texts of a PNG, by keyword."""
    texts = {}
    for kind, data, _whole in _chunks(png):
        if kind == b"tEXt":
            key, _, value = data.partition(b"\0")
            texts[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"iTXt":
            key, _, rest = data.partition(b"\0")
            _language, _, rest = rest[2:].partition(b"\0")
            _translated, _, value = rest.partition(b"\0")
            texts[key.decode("latin-1")] = value.decode("utf-8")
    return texts


def png_info(png: bytes) -> dict[str, float | None]:
    """Width and height in pixels and the declared dpi (None without pHYs) of a PNG."""
    info: dict[str, float | None] = {"width": None, "height": None, "dpi": None}
    for kind, data, _whole in _chunks(png):
        if kind == b"IHDR":
            info["width"], info["height"] = struct.unpack(">II", data[:8])
        elif kind == b"pHYs":
            x, _y, unit = struct.unpack(">IIB", data)
            info["dpi"] = x * 0.0254 if unit == 1 else None
        elif kind == b"IDAT":
            break
    return info

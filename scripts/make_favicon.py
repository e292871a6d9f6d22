"""Writes assets/favicon.ico: three rising white bars on the app's blue (a "lift"), drawn
pixel by pixel as a PNG inside an ICO file, so no image library is needed.

Run again only to change the icon: `python scripts/make_favicon.py`.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

SIZE = 32
BLUE = (0, 114, 178, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)
BARS = ((6, 12, 18), (13, 19, 12), (20, 26, 6))
"""(left, right, top) of each bar in pixels; all end 5 px above the bottom."""


def pixel(x: int, y: int) -> tuple[int, int, int, int]:
    corner = 5
    for cx, cy in (
        (corner, corner),
        (SIZE - 1 - corner, corner),
        (corner, SIZE - 1 - corner),
        (SIZE - 1 - corner, SIZE - 1 - corner),
    ):
        outside_x = x < corner if cx == corner else x > SIZE - 1 - corner
        outside_y = y < corner if cy == corner else y > SIZE - 1 - corner
        if outside_x and outside_y and (x - cx) ** 2 + (y - cy) ** 2 > corner**2:
            return CLEAR
    if any(left <= x < right and top <= y < SIZE - 5 for left, right, top in BARS):
        return WHITE
    return BLUE


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    rows = b"".join(b"\0" + b"".join(bytes(pixel(x, y)) for x in range(SIZE)) for y in range(SIZE))
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def ico_bytes(png: bytes) -> bytes:
    """An ICO holding one PNG image."""
    return (
        struct.pack("<HHH", 0, 1, 1)
        + struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(png), 6 + 16)
        + png
    )


if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "assets" / "favicon.ico"
    target.write_bytes(ico_bytes(png_bytes()))
    print(f"wrote {target}")

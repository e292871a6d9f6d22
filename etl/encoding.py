"""Which text encoding a CSV file uses: detected from its bytes, never assumed.

- A byte-order mark decides: UTF-8 (`EF BB BF`) or UTF-16 (`FF FE` / `FE FF`, Excel's
  «Unicode-tekst»).
- Otherwise a file that decodes as UTF-8 from start to end is UTF-8.
- Otherwise a file that decodes as Windows-1252 (Excel's «CSV (semikolondelt)» on Norwegian Windows)
  and holds no UTF-8 sequences is Windows-1252. A file mixing both is refused: some cells would be
  read wrongly whichever encoding were chosen.
- A file with NUL bytes and no UTF-16 mark is not a text file.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

BLOCK = 1 << 20
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
ENCODING_NAMES = {
    "utf-8-sig": "UTF-8 med BOM",
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
    "cp1252": "Windows-1252",
}


class EncodingError(Exception):
    """The file's bytes fit no supported encoding."""


def _blocks(path: Path):
    with path.open("rb") as handle:
        yield from iter(lambda: handle.read(BLOCK), b"")


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        for block in _blocks(path):
            decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(path: Path) -> str:
    """The Python codec name for the file; raises `EncodingError` with a Norwegian reason."""
    with path.open("rb") as handle:
        start = handle.read(4)
    for bom, name in _BOMS:
        if start.startswith(bom):
            return name
    if any(b"\x00" in block for block in _blocks(path)):
        raise EncodingError("filen er ikke en tekstfil (inneholder NUL-tegn)")
    if _decodes(path, "utf-8"):
        return "utf-8"
    if not _decodes(path, "cp1252"):
        raise EncodingError("ukjent tegnkoding: verken UTF-8 eller Windows-1252")
    if any(_UTF8_SEQUENCE.search(block) for block in _blocks(path)):
        raise EncodingError("filen blander UTF-8 og Windows-1252; lagre den på nytt som UTF-8")
    return "cp1252"

"""The app's vendored partial plotly.js bundle (`scripts/build_plotly_bundle.sh`): where it
is, and the plotly.js version and trace types its header comment names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

VENDOR = Path(__file__).resolve().parents[1] / "assets" / "vendor"
PATTERN = "plotly-*-loftet.min.js"
HEADER = re.compile(
    r"\A/\*! plotly\.js v(?P<version>[0-9][\w.+-]*), partial bundle .*\n"
    r" \* traces: (?P<traces>[a-z0-9]+(?:,[a-z0-9]+)*)\n"
)


@dataclass(frozen=True)
class Bundle:
    """One vendored bundle: its file, plotly.js version and registered trace types."""

    path: Path
    version: str
    traces: frozenset[str]

    @property
    def url_path(self) -> str:
        """Where the app serves it (without Dash's `?m=` fingerprint)."""
        return "/assets/vendor/" + self.path.name


def vendored_bundles() -> list[Path]:
    """Every partial plotly.js bundle in `assets/vendor` (there must be exactly one)."""
    return sorted(VENDOR.glob(PATTERN))


def read_bundle(path: Path) -> Bundle:
    """The version and traces `path`'s header names; ValueError without such a header."""
    with path.open(encoding="utf-8") as file:
        head = file.read(1000)
    match = HEADER.match(head)
    if match is None:
        raise ValueError(f"{path.name}: no header naming the plotly.js version and the traces")
    traces = frozenset(match["traces"].split(","))
    return Bundle(path=path, version=match["version"], traces=traces)


def vendored_bundle() -> Bundle:
    """The one vendored bundle, read."""
    paths = vendored_bundles()
    assert len(paths) == 1, f"expected one {PATTERN} in {VENDOR}, found {paths}"
    return read_bundle(paths[0])

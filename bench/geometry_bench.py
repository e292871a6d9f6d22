"""Geometry cache benchmark: seconds to build the map geometry cache from the reference data
(`loftet.geography.build_geometry_cache`), into a temporary folder.

    .venv/bin/python bench/geometry_bench.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from loftet import geography  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    seconds = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            os.environ[geography.CACHE_ENV] = folder
            geography._cached_text.cache_clear()
            start = time.perf_counter()
            geography.build_geometry_cache(force=True)
            seconds.append(time.perf_counter() - start)
    print(
        f"geometry cache build: median {statistics.median(seconds):.2f} s, "
        f"max {max(seconds):.2f} s over {args.runs} runs"
    )


if __name__ == "__main__":
    main()

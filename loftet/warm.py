"""`python -m loftet.warm`: fill the shared cache with the summaries most pages start from.

Run it after loading data, or let the server do it: `gunicorn.conf.py` calls `warm()` once when
the server is ready. Without data it does nothing and says so.
"""

from __future__ import annotations

import logging
import time

from loftet.datastate import read_state

log = logging.getLogger(__name__)


def warm() -> bool:
    """Compute the shared summaries for the current data version; False without data."""
    state = read_state()
    if not state.has_data:
        log.info("cache warm-up skipped: %s", state.message)
        return False
    from loftet.queries import summaries

    started = time.perf_counter()
    summaries.warm()
    log.info(
        "cache warmed for data version %s in %.1f s", state.version, time.perf_counter() - started
    )
    return True


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if warm():
        print("Hurtigbufferen er fylt for dataene som er lastet.")
    else:
        print(read_state().message)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

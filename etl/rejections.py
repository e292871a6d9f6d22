"""The rejection report `python -m etl load` writes beside its summary (CSV, Norwegian columns).

One line per reason: file, line (as the user sees it; empty for a whole-file rejection), column,
reason and the file's status. Written with `;` and UTF-8 with BOM so Excel opens it directly.
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from etl.load import LoadReport

COLUMNS = ("fil", "linje", "kolonne", "årsak", "filstatus")


def report_rows(reports: list[LoadReport]) -> list[tuple[str, str, str, str, str]]:
    """Every reason of every report, whole-file rejections included."""
    rows = []
    for report in reports:
        if report.status in ("avvist", "tom") and not report.details:
            rows.append((str(report.path), "", "", report.message, report.status))
        for line, column, reason in report.details:
            rows.append(
                (str(report.path), "" if line is None else str(line), column, reason, report.status)
            )
    return rows


def default_report_path(folder: Path) -> Path:
    """`avviste-rader-YYYYMMDD-HHMMSS.csv` in `folder`."""
    return folder / f"avviste-rader-{datetime.now():%Y%m%d-%H%M%S}.csv"


def write_report(reports: list[LoadReport], path: Path) -> int:
    """Write the report (only when something was refused); return its number of lines."""
    rows = report_rows(reports)
    if not rows:
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return len(rows)

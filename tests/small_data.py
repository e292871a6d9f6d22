"""A small, hand-written dataset loaded through the real ETL: known numbers for query tests.

Two counties (Vestland 46, Oslo 03) and Bærum (Akershus 32, formerly Viken 30), three years.
"""

from __future__ import annotations

from pathlib import Path

from etl.formats import BEVILGNING, DELTAKELSE, ENHETER, KVALITETSINDIKATORER, TILDELINGER, TILTAK
from tests.conftest import write_input

UNITS = [
    # org nr, name, type, owner, municipality, children/pupils, staff (PPT: served, empty = own)
    ("900000001", "Bergen bhg A", "barnehage", "kommunal", "4601", 80, 20, ""),
    ("900000002", "Bergen bhg B", "barnehage", "privat", "4601", 40, 10, ""),
    ("900000003", "Bergen skole", "grunnskole", "kommunal", "4601", 400, 40, ""),
    ("900000004", "Bergen PPT", "ppt", "kommunal", "4601", 0, 15, ""),
    ("900000005", "Askøy bhg", "barnehage", "kommunal", "4627", 60, 14, ""),
    ("900000006", "Askøy skole", "grunnskole", "kommunal", "4627", 300, 30, ""),
    ("900000007", "Oslo skole", "grunnskole", "kommunal", "0301", 500, 50, ""),
    ("900000008", "Bærum vgs", "vgs", "fylkeskommunal", "3201", 600, 70, ""),
]
MEASURES = [
    # id, year, sf, municipality (as reported), owner type, owner, partner, main area, areas
    ("VL-2021-001", 2021, "VL", "4601", "kommunal", "Bergen kommune", "HVL", "INKL", "INKL;SPRK"),
    ("VL-2022-001", 2022, "VL", "4627", "kommunal", "Askøy kommune", "UiB", "LESE", "LESE"),
    (
        "OV-2022-001",
        2022,
        "OV",
        "3024",
        "fylkeskommunal",
        "Viken fylkeskommune",
        "OsloMet",
        "AUTI",
        "AUTI",
    ),
    ("OV-2021-002", 2021, "OV", "0301", "kommunal", "Oslo kommune", "UiO", "INKL", "INKL"),
]
ALLOCATIONS = [
    # year, sf, municipality, recipient, type, recipient id, measure, granted, spent
    (2021, "VL", "4601", "Bergen kommune", "kommune", "4601", "VL-2021-001", 1_000_000, 900_000),
    (2021, "OV", "0301", "Oslo kommune", "kommune", "0301", "OV-2021-002", 500_000, 500_000),
    (2022, "VL", "4601", "Bergen kommune", "kommune", "4601", "VL-2021-001", 1_200_000, 1_100_000),
    (2022, "VL", "4627", "Askøy kommune", "kommune", "4627", "VL-2022-001", 300_000, 250_000),
    (
        2022,
        "OV",
        "3024",
        "Viken fylkeskommune",
        "fylkeskommune",
        "30",
        "OV-2022-001",
        700_000,
        None,
    ),
    (2025, "VL", "4601", "Bergen kommune", "kommune", "4601", "VL-2021-001", 2_000_000, None),
]
PARTICIPATION = [
    # year, unit, measure, profession, participants
    (2021, "900000001", "VL-2021-001", "BHGLAERER", 10),
    (2021, "900000003", "VL-2021-001", "LAERER", 25),
    (2021, "900000004", "VL-2021-001", "PPT", 5),
    (2021, "900000007", "OV-2021-002", "LAERER", 30),
    (2022, "900000001", "VL-2021-001", "BHGLAERER", 12),
    (2022, "900000002", "VL-2021-001", "ASSISTENT", 4),
    (2022, "900000006", "VL-2022-001", "LAERER", 20),
    (2022, "900000008", "OV-2022-001", "LAERER", 15),
]
INDICATORS = [
    # year, municipality (as reported), indicator, value, numerator, denominator
    (2021, "4601", "SPESUND", "7,5", 30, 400),
    (2021, "4627", "SPESUND", "10,0", 30, 300),
    (2021, "0301", "SPESUND", "6,0", 30, 500),
    (2021, "3024", "SPESUND", "", "", ""),
    (2022, "4601", "SPESUND", "8,0", 32, 400),
    (2022, "4627", "SPESUND", "9,0", 27, 300),
    (2022, "0301", "SPESUND", "6,4", 32, 500),
    (2022, "3024", "SPESUND", "5,0", 30, 600),
]
BUDGET = [(2021, 50_000_000), (2022, 125_000_000), (2025, 330_000_000)]


def write_small_inputs(folder: Path) -> list[Path]:
    """Write the dataset as input files (CSV and XLSX) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    return [
        write_input(
            folder / "enheter.csv",
            ENHETER,
            [dict(zip(ENHETER.headers, u, strict=True)) for u in UNITS],
        ),
        write_input(
            folder / "tiltak.xlsx",
            TILTAK,
            [
                dict(
                    zip(
                        TILTAK.headers,
                        (
                            m[0],
                            f"Tiltak {m[0]}",
                            m[1],
                            m[2],
                            m[3],
                            m[4],
                            m[5],
                            m[6],
                            m[7],
                            m[8],
                            "LAERER;PPT",
                        ),
                        strict=True,
                    )
                )
                for m in MEASURES
            ],
        ),
        write_input(
            folder / "tildelinger.csv",
            TILDELINGER,
            [dict(zip(TILDELINGER.headers, a, strict=True)) for a in ALLOCATIONS],
        ),
        write_input(
            folder / "deltakelse.csv",
            DELTAKELSE,
            [dict(zip(DELTAKELSE.headers, p, strict=True)) for p in PARTICIPATION],
        ),
        write_input(
            folder / "kvalitetsindikatorer.csv",
            KVALITETSINDIKATORER,
            [dict(zip(KVALITETSINDIKATORER.headers, (*i, "GSI"), strict=True)) for i in INDICATORS],
        ),
        write_input(
            folder / "bevilgning.xlsx",
            BEVILGNING,
            [{"år": y, "beløp_kr": b, "kilde": "test"} for y, b in BUDGET],
        ),
    ]

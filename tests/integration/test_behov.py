"""Needs reports (behov): the input format's checks, the queries (hand-computed expectations),
the figures, the charts and the Behov page; and the demo's needs against its allocations."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from etl.formats import BEHOV
from etl.load import load_file
from loftet.charts import charts_for_page, render
from loftet.filters import Filters
from tests.conftest import write_input
from tests.dash_tree import find, load_page

NEEDS = [
    [
        "2025",
        "VL-2025-B001",
        "VL",
        "kommune",
        "4601",
        "Bergen kommune",
        "INKL;SPRK",
        "LAERER",
        "2 000 000",
        "2025-02-03",
        "1",
        "innvilget",
        "2025-04-24",
        "1 500 000",
    ],
    [
        "2025",
        "VL-2025-B002",
        "VL",
        "privat",
        "987654321",
        "Solsikken AS",
        "INKL",
        "ASSISTENT",
        "500 000",
        "2025-03-05",
        "",
        "avslått",
        "2025-05-05",
        "0",
    ],
    [
        "2025",
        "RO-2025-B001",
        "RO",
        "kommune",
        "1103",
        "Stavanger kommune",
        "TIDL",
        "PPT",
        "1 000 000",
        "01.02.2025",
        "1",
        "delvis",
        "30.04.2025",
        "600 000",
    ],
    [
        "2025",
        "RO-2025-B002",
        "RO",
        "fylkeskommune",
        "11",
        "Rogaland fylkeskommune",
        "SPRK",
        "LAERER",
        "300 000",
        "2025-01-20",
        "2",
        "",
        "",
        "",
    ],
]


def needs_file(path: Path, rows: list[list[str]]) -> Path:
    return write_input(path, BEHOV, [dict(zip(BEHOV.headers, row, strict=True)) for row in rows])


@pytest.fixture
def needs_db(engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    report = load_file(engine, needs_file(tmp_path / "behov.csv", NEEDS))
    assert (report.status, report.rejected) == ("lastet", [])
    monkeypatch.setenv("DATABASE_URL", str(engine.url))
    return engine


def test_dates_are_stored_as_iso(needs_db: Engine) -> None:
    with needs_db.connect() as conn:
        row = conn.execute(
            text(
                "SELECT mottatt, vedtaksdato, prioritet, innvilget_kr FROM behov "
                "WHERE behov_id = 'RO-2025-B001'"
            )
        ).one()
    assert tuple(row) == ("2025-02-01", "2025-04-30", 1, 600_000)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({3: "fylkeskommune", 4: "1103"}, "«søker_id» for fylkeskommune må være fylkesnummer"),
        ({2: "RO"}, "«statsforvalter» stemmer ikke med kommunens statsforvalter"),
        ({4: "9999"}, "«søker_id» er ikke et kjent kommunenummer"),
        ({9: "2025/02/03"}, "«mottatt» er ikke en dato"),
        ({9: "31.02.2025"}, "«mottatt» er ikke en dato"),
        ({11: "kanskje"}, "«vedtak» har ukjent kode"),
        ({8: "2.000.000"}, "«søkt_kr» er tvetydig"),
    ],
)
def test_bad_needs_rows_are_refused(
    engine: Engine, tmp_path: Path, change: dict, reason: str
) -> None:
    row = list(NEEDS[0])
    for position, value in change.items():
        row[position] = value
    report = load_file(engine, needs_file(tmp_path / "behov.csv", [row]))
    assert report.rejected and reason in report.rejected[0][1]


def test_2020_municipality_number_is_stored_as_2024(engine: Engine, tmp_path: Path) -> None:
    row = [
        "2022",
        "OV-2022-B001",
        "OV",
        "kommune",
        "3024",
        "Bærum kommune",
        "INKL",
        "LAERER",
        "100000",
        "2022-02-01",
        "",
        "",
        "",
        "",
    ]
    load_file(engine, needs_file(tmp_path / "behov.csv", [row]))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT soker_id FROM behov")).scalar_one() == "3201"


def test_needs_by_office(needs_db: Engine) -> None:
    from loftet.queries.needs import needs_by_office

    frame = needs_by_office(Filters(aar=2025)).set_index("statsforvalter")
    assert frame.loc["VL", ["meldt_kr", "prioritert_kr", "innvilget_kr"]].tolist() == [
        2_500_000,
        2_000_000,
        1_500_000,
    ]
    assert frame.loc["RO", ["meldt_kr", "prioritert_kr", "innvilget_kr"]].tolist() == [
        1_300_000,
        1_300_000,
        600_000,
    ]
    assert list(frame.index) == ["VL", "RO"]
    assert needs_by_office(Filters(aar=2025, fylke="46")).statsforvalter.tolist() == ["VL"]
    private = needs_by_office(Filters(aar=2025, eier="privat"))
    assert private.meldt_kr.tolist() == [500_000]


def test_needs_by_area_shares_multi_area_reports(needs_db: Engine) -> None:
    from loftet.queries.needs import needs_by_area

    frame = needs_by_area(Filters(aar=2025)).set_index("omrade")
    assert frame.loc["INKL", ["meldt_kr", "prioritert_kr", "innvilget_kr"]].tolist() == [
        1_500_000,
        1_000_000,
        750_000,
    ]
    assert frame.loc["SPRK", ["meldt_kr", "prioritert_kr", "innvilget_kr"]].tolist() == [
        1_300_000,
        1_300_000,
        750_000,
    ]
    assert frame.loc["TIDL", "meldt_kr"] == 1_000_000
    assert frame.meldt_kr.sum() == 3_800_000


def test_deadlines(needs_db: Engine) -> None:
    from loftet.queries.needs import deadline_shares, needs_timeline

    shares = deadline_shares(Filters(aar=2025))
    assert shares == {
        "meldinger": 4,
        "mottatt_i_tide": 75.0,
        "vedtatt_i_tide": 50.0,
        "uten_vedtak": 1,
    }
    timeline = needs_timeline(Filters(aar=2025)).set_index("dato")
    assert timeline.loc["2025-02-28", ["mottatt", "vedtatt"]].tolist() == [3, 0]
    assert timeline.loc["2025-04-30", ["mottatt", "vedtatt"]].tolist() == [4, 2]
    assert timeline.vedtatt.iloc[-1] == 3


def test_charts_render_with_summaries(needs_db: Engine) -> None:
    charts = charts_for_page("behov")
    assert [c.id for c in charts] == [
        "behov-per-statsforvalter",
        "behov-per-omrade",
        "behov-tidslinje",
    ]
    for chart in charts:
        for filters in (Filters(aar=2025), Filters(aar=2021), Filters(aar=2025, fylke="11")):
            frame, figure = render(chart.id, filters, {})
            assert chart.summary(frame, filters, {}).strip()
            assert figure.layout is not None
    frame, figure = render("behov-tidslinje", Filters(aar=2025), {})
    assert len(figure.data) == 2 and len(figure.layout.shapes) == 2
    text = charts[2].summary(frame, Filters(aar=2025), {})
    assert "75,0" in text and "28. februar 2025" in text and "1 har ikke vedtak" in text


def test_empty_year_says_so(needs_db: Engine) -> None:
    frame, figure = render("behov-per-statsforvalter", Filters(aar=2021), {})
    assert frame.empty and figure.layout.annotations[0].text.startswith("Ingen")


def test_page_layout_has_the_three_charts(needs_db: Engine) -> None:
    from loftet.ui import ids

    page = load_page("behov")
    tree = page.layout(aar="2025")
    for chart_id in ("behov-per-statsforvalter", "behov-per-omrade", "behov-tidslinje"):
        assert find(tree, ids.graph(chart_id))


def test_demo_needs_match_allocations_and_deadlines(demo_db_url: str) -> None:
    engine = create_engine(demo_db_url)
    with engine.connect() as conn:
        mismatched = conn.execute(
            text(
                "SELECT b.aar, b.statsforvalter FROM behov b GROUP BY b.aar, b.statsforvalter "
                "HAVING SUM(b.innvilget_kr) <> (SELECT SUM(t.innvilget_kr) FROM tildeling t "
                "WHERE t.aar = b.aar AND t.statsforvalter = b.statsforvalter)"
            )
        ).all()
        below = conn.execute(
            text("SELECT COUNT(*) FROM behov WHERE sokt_kr < innvilget_kr")
        ).scalar_one()
        shape = conn.execute(
            text(
                "SELECT COUNT(*), "
                "SUM(CASE WHEN mottatt <= CAST(aar AS VARCHAR) || '-02-29' THEN 1 ELSE 0 END), "
                "SUM(CASE WHEN vedtaksdato <= CAST(aar AS VARCHAR) || '-04-30' THEN 1 ELSE 0 END), "
                "SUM(CASE WHEN vedtak = 'avslått' THEN 1 ELSE 0 END), "
                "CASE WHEN SUM(sokt_kr) > SUM(innvilget_kr) THEN 1 ELSE 0 END FROM behov"
            )
        ).one()
    engine.dispose()
    assert mismatched == [] and below == 0
    count, in_time, decided, refused, applied_more = shape
    assert count > 1000 and 0.9 < in_time / count < 1 and 0.9 < decided / count < 1
    assert refused > 0 and applied_more == 1

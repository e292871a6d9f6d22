"""How key figures and their change from the year before are written on the cards."""

from __future__ import annotations

from loftet.charts.kpis import Kpi, change_text, value_text
from loftet.formatting import NBSP

MONEY = Kpi("innvilget_kr", "innvilget_kr", "kr", "/budsjett", ("omrade",))
PER_CHILD = Kpi("kr_per_barn", "kr_per_barn", "kr_full", "/budsjett", ("kommune",))
SHARE = Kpi("andel_enheter_naadd", "andel_enheter_naadd", "pct", "/dekning", ("omrade",))


def plain(text: str) -> str:
    return text.replace(NBSP, " ").replace("\u2212", "-")


def test_kroner_per_child_and_its_change_are_whole_kroner() -> None:
    assert plain(value_text(PER_CHILD, 626.4)) == "626 kr"
    assert plain(change_text(PER_CHILD, 626.4, 396.6, 2026)) == "+230 kr fra 2025"
    assert plain(change_text(PER_CHILD, 396.6, 626.4, 2026)) == "-230 kr fra 2025"


def test_millions_on_cards_and_percentage_points_for_shares() -> None:
    assert plain(value_text(MONEY, 340_000_000)) == "340 mill. kr"
    assert plain(change_text(MONEY, 340_000_000, 330_000_000, 2026)) == "+10,0 mill. kr fra 2025"
    assert plain(change_text(SHARE, 63.6, 67.2, 2026)) == "-3,6 prosentpoeng fra 2025"


def test_no_change_without_last_year() -> None:
    assert change_text(SHARE, 63.6, None, 2021) == "Ingen tall for året før"

"""Kroner in the short form people read at a glance (cards, axes, headlines)."""

from __future__ import annotations


def test_short_kroner_for_cards_and_headlines() -> None:
    from loftet.formatting import short_kr, signed_short_kr

    nb = "\u00a0"
    assert short_kr(340_000_000) == f"340{nb}mill.{nb}kr"
    assert short_kr(5_312_000) == f"5,3{nb}mill.{nb}kr"
    assert short_kr(1_230_000_000) == f"1,2{nb}mrd.{nb}kr"
    assert short_kr(870_000) == f"870{nb}000{nb}kr"
    assert signed_short_kr(45_000_000) == f"+45,0{nb}mill.{nb}kr"
    assert signed_short_kr(-2_500_000).startswith("−2,5")

"""Charts on Kvalitet: how the chosen quality or need indicator varies between municipalities,
where need is high and reach low, and whether the gaps shrink.

Options: `indikator` (a code from data/reference/indikatorer.csv, default SPESUND) and
`rekkevidde` (`deltakere_per_1000` or `kr_per_barn`), declared in `common`. The year is the
chosen year, or the latest year before it with data (indicators are often published a year
late). One module per chart; importing the package registers them in page order.
"""

from loftet.charts.kvalitet import distribution, ranking, reach, spread

__all__ = ["distribution", "ranking", "reach", "spread"]

"""The maps' look: projection, colours and where the Oslofjord inset sits."""

from __future__ import annotations

PROJECTION = {"type": "conic conformal", "parallels": [60, 70]}
"""Lambert conformal conic, true at 60° and 70° N: Norway without the north stretched. No
rotation or scale is set, as that would switch plotly's `fitbounds` off; fitbounds centres it."""
TOP_QUANTILE = 0.95
"""Continuous metrics without a fixed range: the colour scale ends at this quantile."""
BORDER_COLOUR = "white"
"""Municipality outlines: thin white lines between the coloured areas."""
COUNTY_LINE = {"color": "rgba(26,26,26,0.5)", "width": 0.9}
"""County outlines (national view): a thin dark line over the municipalities."""
CLASS_COLOURS = ("#c6dbef", "#9ecae1", "#6baed6", "#2f7ebc", "#08519c")
"""Five classes, as Statistics Norway's municipality maps: the lightest is still clearly
coloured, so the smallest class never vanishes into the page."""
MAP_SEQUENTIAL = [[0.0, CLASS_COLOURS[0]], [0.5, CLASS_COLOURS[2]], [1.0, CLASS_COLOURS[4]]]
"""The sliding scale, from the same visible light blue."""
ZERO_COLOUR = "#f6c28b"
"""Areas whose value is exactly 0 (no one reached, no money): light orange, not white."""
ZERO_LABEL = "Ingen (0)"
TRANSPARENT = "rgba(0,0,0,0)"

INSET_GEO = "geo2"
INSET_TITLE = "Oslofjorden"
INSET_VIEW = {"lon": (9.45, 11.75), "lat": (58.85, 60.12)}
"""The inset's window (degrees): Oslo, Drammen, Vestfold and Østfold round the fjord."""
INSET_PICK = {"lon": (9.3, 12.0), "lat": (58.6, 60.6)}
"""Areas whose bounding box is centred here are drawn in the inset (a wider box than the window, so
areas cut by its edge are drawn too; the rest of the country is not sent twice)."""
INSET_DOMAIN = {"x": (0.62, 0.99), "y": (0.02, 0.5)}
"""Where the inset sits in the figure (paper fractions): bottom right, over Sweden."""

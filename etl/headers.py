"""Header names as people type them → the documented header names.

A header is normalised (Unicode NFC, lower case, every run of spaces, hyphens, dots or brackets
becomes `_`), then looked up among the documented variants below (bokmål spellings without æøå,
nynorsk and common abbreviations). The list is in docs/dataformater.md; nothing else is matched.
"""

from __future__ import annotations

import re
import unicodedata

VARIANTS: dict[str, str] = {
    # ASCII spellings of æ, ø, å
    "aar": "år",
    "ar": "år",
    "belop_kr": "beløp_kr",
    "hovedomrade": "hovedområde",
    "kompetanseomrader": "kompetanseområder",
    "malgrupper": "målgrupper",
    "soknad_mottatt": "søknad_mottatt",
    "sokt_kr": "søkt_kr",
    # nynorsk
    "statsforvaltar": "statsforvalter",
    "mottakar": "mottaker",
    "mottakartype": "mottakertype",
    "mottakar_id": "mottaker_id",
    "namn": "navn",
    "eigartype": "eiertype",
    "eigar": "eier",
    "eigar_id": "eier_id",
    "hovudområde": "hovedområde",
    "innvilga_kr": "innvilget_kr",
    "einingstype": "enhetstype",
    "tal_barn_elevar": "antall_barn_elever",
    "tal_tilsette": "antall_ansatte",
    "tal_deltakarar": "antall_deltakere",
    "antall_deltakarar": "antall_deltakere",
    "kjelde": "kilde",
    "teljar": "teller",
    "nemnar": "nevner",
    "uh_partnar": "uh_partner",
    # abbreviations
    "kommunenr": "kommunenummer",
    "knr": "kommunenummer",
    "orgnr": "organisasjonsnummer",
    "org_nr": "organisasjonsnummer",
    "organisasjonsnr": "organisasjonsnummer",
    "beløp": "beløp_kr",
    "innvilget": "innvilget_kr",
    "brukt": "brukt_kr",
}
_SEPARATORS = re.compile(r"[^\w]+|_+")


def normalise_header(text: object) -> str:
    """The documented header name for one header cell ('' for an empty cell)."""
    name = unicodedata.normalize("NFC", str(text)).strip().lower()
    name = _SEPARATORS.sub("_", name).strip("_")
    while name in VARIANTS:
        name = VARIANTS[name]
    return name

"""Fictional names for demo units, owners and measures (labels only, no facts)."""

from __future__ import annotations

import numpy as np

KINDERGARTEN_STEMS = (
    "Solsikken",
    "Blåbærtoppen",
    "Trollskogen",
    "Marihøna",
    "Eventyrhagen",
    "Lykketrollet",
    "Regnbuen",
    "Tusenbeinet",
    "Humla",
    "Ekornet",
    "Furulunden",
    "Bjørkelia",
    "Fjellstua",
    "Stjerneskudd",
    "Måltrosten",
    "Krokusen",
    "Nøtteliten",
    "Skogly",
    "Solbakken",
    "Tyrihans",
    "Veslefrikk",
    "Blåklokka",
    "Kongleskogen",
    "Sjøstjerna",
    "Havbris",
    "Elveli",
    "Lerkehaugen",
    "Rognebæret",
    "Tittentei",
    "Smørblomsten",
    "Gullhaugen",
    "Kløverenga",
    "Sommerfuglen",
    "Vårsol",
    "Snøkrystallen",
    "Piletrea",
    "Lyngheia",
    "Sandkassa",
    "Rypa",
    "Maurtua",
    "Fossen",
    "Granly",
    "Nordlys",
    "Bakketoppen",
    "Lille Måne",
    "Skattkammeret",
    "Tunet",
    "Kirsebærhagen",
    "Jordbærlandet",
    "Vesletjønn",
    "Eplehagen",
    "Hestehoven",
    "Linerla",
    "Myrfluktene",
    "Steinrøysa",
    "Spurven",
    "Bølgen",
    "Oterbekken",
    "Ospelia",
    "Selja",
)
KINDERGARTEN_KINDS = ("barnehage", "naturbarnehage", "kulturbarnehage", "gårdsbarnehage")

PLACE_STEMS = (
    "Sentrum",
    "Nordby",
    "Haugen",
    "Bakkeli",
    "Vestli",
    "Åsen",
    "Moen",
    "Lia",
    "Strand",
    "Fjellhaug",
    "Brekke",
    "Solheim",
    "Øvre Vang",
    "Nedre Vang",
    "Berg",
    "Dal",
    "Engen",
    "Holmen",
    "Kirkebakken",
    "Lund",
    "Myra",
    "Nes",
    "Rud",
    "Sandvik",
    "Skogheim",
    "Stokke",
    "Tangen",
    "Torvet",
    "Vik",
    "Ås",
    "Bjørkeli",
    "Fagerli",
    "Granheim",
    "Hovin",
    "Kjelsås",
    "Lindeberg",
    "Nordre",
    "Søndre",
    "Østre",
    "Vestre",
    "Bekkevoll",
    "Eikeli",
    "Furuset",
    "Grønland",
    "Hauketo",
    "Jar",
    "Kalbakken",
    "Lambertseter",
    "Manglerud",
    "Nordstrand",
    "Rommen",
    "Sletta",
    "Tveita",
    "Ulsrud",
    "Vahl",
    "Veitvet",
    "Ammerud",
    "Bøler",
    "Hellerud",
    "Ellingsrud",
    "Skjold",
    "Storetveit",
    "Rå",
    "Kringlebotn",
    "Nattland",
    "Slettebakken",
)
SCHOOL_KINDS = ("skole", "barneskole", "ungdomsskole")

PRIVATE_SCHOOL_PATTERNS = (
    "{k} Montessoriskole",
    "Steinerskolen i {k}",
    "{k} kristne grunnskole",
    "Internasjonal skole {k}",
    "Friskolen i {k}",
)
PRIVATE_UPPER_PATTERNS = (
    "Akademiet {k}",
    "{k} kristne videregående skole",
    "Toppidrettsgymnaset {k}",
    "Steinerskolen i {k}, videregående",
)
OTHER_SERVICE_PATTERNS = (
    "{k} helsestasjon og skolehelsetjeneste",
    "{k} barneverntjeneste",
    "Familiens hus {k}",
    "{k} psykisk helsetjeneste for barn og unge",
)
OTHER_SERVICE_PROFESSIONS = (
    ("HELSE",),
    ("BARNEVERN",),
    ("HELSE", "BARNEVERN", "BUP"),
    ("HELSE", "BUP"),
)
"""Professions each kind of other service has, in the order of OTHER_SERVICE_PATTERNS."""

CHAINS = (
    "Trollungen Barnehager AS",
    "Naturbarnehagene AS",
    "Lekeloftet Barnehagedrift AS",
    "Småfolk Barnehager AS",
    "Barnas Hus AS",
    "Nordlyset Barnehager AS",
    "Stiftelsen Kvitveis Barnehager",
    "Kompass Barnehager AS",
)
"""Fictional private kindergarten chains."""

DISTRICTS = ("nord", "sør", "øst", "vest", "sentrum", "indre", "ytre", "midt")

MEASURE_PATTERNS = {
    "kommunal": ("{a} i {k}", "Felles løft: {a} ({k})", "{k}: {a}"),
    "hele_laget": ("Hele laget rundt barna: {a} ({k})", "{a} – hele laget i {k}"),
    "nettverk": ("Regionalt nettverk: {a} ({k} m.fl.)", "{a} i {k}-regionen"),
    "fylkeskommunal": ("{a} i videregående opplæring", "{a} – {e}"),
    "privat": ("{a} – {e}", "Kompetanseløft for {e}: {a}"),
}


def unique_names(
    stems: tuple[str, ...], kinds: tuple[str, ...], count: int, rng: np.random.Generator
) -> list[str]:
    """`count` distinct names "<stem> <kind>", numbered when the pool runs out.

    The first kind dominates: later kinds are drawn mostly after it is used up.
    """
    pool = [(rng.random() + 0.6 * k, f"{s} {kind}") for k, kind in enumerate(kinds) for s in stems]
    names = [name for _, name in sorted(pool)]
    return [
        names[i % len(names)] + (f" {i // len(names) + 1}" if i >= len(names) else "")
        for i in range(count)
    ]


def patterned_names(patterns: tuple[str, ...], municipality: str, count: int) -> list[str]:
    """Names from `patterns` for one municipality, with a district suffix when they run out."""
    names = []
    for i in range(count):
        base = patterns[i % len(patterns)].format(k=municipality)
        rounds = i // len(patterns)
        names.append(
            base
            if rounds == 0
            else f"{base} {DISTRICTS[(rounds - 1) % len(DISTRICTS)]}"
            + (f" {rounds}" if rounds > len(DISTRICTS) else "")
        )
    return names

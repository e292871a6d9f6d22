"""Fixed texts of the "Om tallene" page: scope, the programme's parts, the pyramid rationale
and the known limits. Definitions of metrics live in `loftet.metrics`, not here."""

from __future__ import annotations

SCOPE = (
    "Løftet-monitor følger tilskuddsordningen i Kompetanseløftet for spesialpedagogikk og "
    "inkluderende praksis: hvilke kommuner, fylkeskommuner og private eiere som får midler, "
    "hvilke tiltak midlene går til, hvem som deltar, og hvordan behovs- og kvalitetsindikatorer "
    "utvikler seg. Programmet startet høsten 2020; tilskuddsordningen betaler fra 2021, ble "
    "trappet opp mot 2025 og er varig fra 2025."
)

PARTS: tuple[tuple[str, bool], ...] = (
    (
        "Tilskuddsordningen for lokal kompetanseutvikling (behovsmelding til statsforvalteren, "
        "prioritering i samarbeidsforum, tiltak sammen med universitet eller høgskole)",
        True,
    ),
    ("Nettressurser og kompetansepakker ved behov (Udirs pakke «Inkluderende praksis»)", False),
    ("Videreutdanning", False),
    ("Nettverk mellom universiteter/høgskoler og Statped", False),
    ("Videreutvikling av oppfølgingsordningen", False),
)
"""The programme's five parts; True where the dashboard has data."""

PYRAMID_RATIONALE = (
    "Kompetansepyramiden i programmet har tre nivåer: grunnleggende kompetanse som alle barn og "
    "elever trenger, kompetanse for barn og elever som trenger særskilt tilrettelegging, og "
    "spesialisert kompetanse for de få med særlig komplekse behov (der Statped bidrar). "
    "Kompetanseområdene er plassert på nivåene av prosjektet etter hvem kompetansen først og "
    "fremst gjelder: inkluderende praksis, tidlig innsats, språk og samarbeid gjelder alle "
    "(nivå 1); lese-, skrive- og matematikkvansker, atferd, psykisk helse og fravær gjelder "
    "noen (nivå 2); autisme, ADHD og utviklingshemming gjelder få og krever spesialisert "
    "kompetanse (nivå 3). Plasseringen er en forenkling for å vise tyngdepunktet i tiltakene."
)

LIMITS: tuple[str, ...] = (
    "Tallene viser aktivitet og penger i tilskuddsordningen, ikke om praksis i barnehager og "
    "skoler er endret. Evalueringen fant gode samarbeidsstrukturer, men begrenset endring i "
    "praksis.",
    "En høy andel spesialundervisning kan bety stort behov, men også svak inkluderende praksis "
    "i den ordinære opplæringen. En lav andel kan bety god tilpasset opplæring eller "
    "underrapportering.",
    "Deltakelser er ikke personer: en ansatt i to tiltak telles to ganger. Andel ansatte nådd "
    "har derfor en øvre grense per enhet.",
    "Beløp fordeles ikke på sektor. Når en sektor er valgt, vises beløpet for alle sektorer "
    "og kroner per barn vises ikke.",
    "Små kommuner svinger mye fra år til år; se på flere år før du trekker slutninger.",
    "Skjermede tall (for små til å vises) er utelatt fra beregnede fylkes- og landsnivåer.",
    "Året som pågår er foreløpig: tildelinger kan komme til, og brukt beløp rapporteres i "
    "januar året etter.",
)

SPECIAL_PLACES: tuple[str, ...] = (
    "Oslo er både kommune og fylke. Oslo kommune mottar alltid som kommune, så tallene for Oslo "
    "kommune og Oslo fylke er de samme.",
    "Haram ble skilt ut fra Ålesund 1.1.2024. Til og med 2023 er Harams tall en del av "
    "Ålesunds; Haram vises da som «del av Ålesund til 2023».",
    "Fylkeskommunenes tildelinger regnes til fylket og landet, ikke til kommunen der "
    "fylkeskommunen har adresse.",
)

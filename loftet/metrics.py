"""The metric registry: every number the dashboard shows, defined once.

Each `Metric` names the data column that holds it, the label users see, its definition, unit,
numerator, denominator and source. Pages, tooltips, chart summaries, downloads and the
"Om tallene" page (`/om`) read their wording from here, and tests recompute each metric with
independent SQL from these definitions.
"""

from __future__ import annotations

from dataclasses import dataclass

PARTICIPATION_SOURCE = "Deltakelse rapportert til statsforvalterne; enhetsregisteret"
ALLOCATION_SOURCE = "Tildelinger fra statsforvalterne"
NEEDS_SOURCE = "Behovsmeldinger og søknader til statsforvalterne, med prioritering og vedtak"


@dataclass(frozen=True)
class Metric:
    """One metric as users meet it."""

    key: str
    """The data column (and anchor on /om, `#<key>`)."""
    label: str
    definition: str
    unit: str
    numerator: str
    denominator: str = ""
    source: str = PARTICIPATION_SOURCE
    note: str = ""
    """Known limits: what the number cannot tell."""

    @property
    def anchor(self) -> str:
        """Link to the definition on the "Om tallene" page."""
        return f"/om#{self.key}"


METRICS: tuple[Metric, ...] = (
    Metric(
        "deltar",
        "Kommuner som deltar",
        "Andelen kommuner der minst én enhet (barnehage, skole, PPT eller annen tjeneste) har "
        "deltakere i et tiltak i året.",
        "%",
        "kommuner med minst én enhet nådd",
        "alle kommuner i utvalget",
    ),
    Metric(
        "helt_lag",
        "Hele laget (barnehage, skole og PPT i samme tiltak)",
        "Andelen kommuner der ett og samme tiltak i året hadde deltakere fra en barnehage i "
        "kommunen, en skole i kommunen og et PPT-kontor som betjener kommunen. Et "
        "interkommunalt PPT-kontor teller for alle kommunene det betjener (kolonnen "
        "«betjener_kommuner» i enhetsregisteret). Et fylkeskommunalt PPT-kontor (videregående "
        "opplæring) teller ikke. Barnehager og skoler regnes til kommunen de ligger i, "
        "kommunale og private.",
        "%",
        "kommuner med barnehage, skole og PPT i samme tiltak",
        "alle kommuner i utvalget",
        note="Viser om hele laget deltok i samme tiltak, ikke hvor mange av de ansatte.",
    ),
    Metric(
        "andel_naadd",
        "Andel enheter nådd",
        "Andelen enheter (barnehager, skoler, PPT-kontor og andre tjenester i utvalget) med "
        "minst én deltaker i et tiltak i året.",
        "%",
        "enheter med minst én deltaker",
        "alle enheter i utvalget",
    ),
    Metric(
        "deltakere",
        "Deltakelser",
        "Antall deltakelser: deltakere registrert per enhet, tiltak og profesjon, summert. "
        "En ansatt som deltar i to tiltak samme år, telles to ganger; tallet er derfor ikke "
        "antall personer.",
        "antall",
        "sum av «antall_deltakere» i deltakelse",
    ),
    Metric(
        "deltakere_per_1000",
        "Deltakelser per 1 000 barn og elever",
        "Deltakelser i året per 1 000 barn i barnehage og elever i skole i utvalget.",
        "per 1 000",
        "deltakelser",
        "barn og elever i enhetene i utvalget (per 1 000)",
    ),
    Metric(
        "andel_ansatte_naadd",
        "Andel ansatte nådd",
        "Ansatte nådd som andel av alle ansatte i enhetene i utvalget. For hver enhet telles "
        "deltakelsene i året, men aldri flere enn enheten har ansatte (øvre grense per enhet), "
        "slik at en ansatt i to tiltak ikke gir mer enn 100 %.",
        "%",
        "per enhet: deltakelser, høyst antall ansatte; summert",
        "ansatte i enhetene i utvalget",
        note="Enhetsregisteret har ikke ansatte per profesjon, så andelen kan ikke deles på "
        "profesjon; fordelingen av deltakelser på profesjoner vises i stedet.",
    ),
    Metric(
        "innvilget_kr",
        "Innvilget",
        "Kroner innvilget av statsforvalteren i året. I en kommune: tildelinger til kommunen "
        "og til private eiere i kommunen. I et fylke og i landet kommer tildelinger til "
        "fylkeskommunen i tillegg; de regnes ikke til noen kommune. En kommune som bare deltar "
        "i et nettverkstiltak der en annen kommune er mottaker, krediteres 0 kr og vises "
        "«via nettverk». Beløp fordeles ikke på sektor.",
        "kr",
        "sum av «innvilget_kr» i tildelinger",
        source=ALLOCATION_SOURCE,
    ),
    Metric(
        "kr_per_barn",
        "Innvilget per barn og elev",
        "Kroner innvilget delt på barn i barnehage og elever i skole (grunnskole og "
        "videregående) i utvalget. Vises ikke når en sektor er valgt, fordi beløpene ikke "
        "fordeles på sektor.",
        "kr",
        "innvilget",
        "barn og elever i enhetene i utvalget",
        source=ALLOCATION_SOURCE,
        note="For en kommune er fylkeskommunens tildelinger ikke med i telleren, mens elever i "
        "fylkeskommunale videregående skoler er med i nevneren.",
    ),
    Metric(
        "brukt_kr",
        "Brukt",
        "Kroner mottakerne har rapportert brukt. Rapporten kommer i januar året etter, så året "
        "som pågår, har ingen tall ennå; det vises som manglende, aldri som 0.",
        "kr",
        "sum av «brukt_kr» i tildelinger",
        source=ALLOCATION_SOURCE,
    ),
    Metric(
        "andel_av_2025",
        "Andel av 2025-nivået",
        "Innvilget i året som andel av innvilget i 2025, året ordningen ble varig.",
        "%",
        "innvilget i året",
        "innvilget i 2025",
        source=ALLOCATION_SOURCE,
    ),
    Metric(
        "kvalitetsindikator",
        "Kvalitetsindikatorer",
        "Behovs- og kvalitetsindikatorer per kommune og år, i prosent, fra inndatafilen "
        "«kvalitetsindikatorer». Hver indikator er definert under «Kvalitetsindikatorer» på "
        "denne siden. Skjermede (prikkede) tall vises som manglende, aldri som 0. Landsnivået "
        "er det publiserte landstallet når inndatafilen «landsnivaa» har det; ellers, og for "
        "fylkene, er nivået beregnet: teller delt på nevner summert over kommunene med tall. "
        "Skjermede kommuner er da ikke med, så et beregnet nivå kan avvike fra et publisert "
        "nasjonalt tall; grunnlaget står ved tallet.",
        "%",
        "teller",
        "nevner",
        source="Se kilde per indikator",
        note="En høy andel spesialundervisning kan bety stort behov, men også svak "
        "inkluderende praksis i ordinær opplæring; tallet alene sier ikke hvilken.",
    ),
    Metric(
        "kompetanseomrade",
        "Kompetanseområder og kompetansepyramiden",
        "Hvert tiltak har ett hovedområde som midlene og deltakerne regnes til, og kan dekke "
        "flere. Områdene er plassert på ett av tre nivåer i kompetansepyramiden (se under).",
        "kr / antall",
        "innvilget eller deltakelser per hovedområde",
        source=ALLOCATION_SOURCE,
        note="Plasseringen av områdene i pyramiden er prosjektets egen inndeling, ikke en "
        "offisiell klassifisering.",
    ),
    Metric(
        "bevilgning_kr",
        "Bevilgning",
        "Den nasjonale rammen for tilskuddsordningen i året, fra inndatafilen «bevilgning». "
        "Kilden står per år: et vedtatt eller publisert tall, eller «Demodata – antakelse».",
        "kr",
        "«beløp_kr» i bevilgning",
        source="Bevilgning (se kilde per år)",
    ),
    Metric(
        "meldt_kr",
        "Meldt behov",
        "Summen av beløpene det er søkt om i behovsmeldingene til statsforvalteren for året "
        "(inndatafilen «behov»). En melding som nevner flere kompetanseområder, teller likt i "
        "hvert av dem.",
        "kr",
        "«søkt_kr» i behovsmeldingene",
        source=NEEDS_SOURCE,
    ),
    Metric(
        "prioritert_kr",
        "Prioritert av samarbeidsforum",
        "Summen av beløpene det er søkt om i meldingene samarbeidsforum har prioritert "
        "(«prioritet» utfylt).",
        "kr",
        "«søkt_kr» i prioriterte meldinger",
        source=NEEDS_SOURCE,
        note="Viser hva forumet prioriterte, ikke hvor mye det anbefalte å gi.",
    ),
    Metric(
        "behov_frister",
        "Behov og vedtak innen fristene",
        "Andelen behovsmeldinger som kom inn innen utgangen av februar, og andelen som hadde "
        "vedtak innen 30. april, av alle meldingene for året. Meldinger uten vedtak regnes som "
        "ikke vedtatt i tide.",
        "%",
        "meldinger mottatt (vedtatt) innen fristen",
        "alle meldinger i året",
        source=NEEDS_SOURCE,
        note="Frist for behov er satt til siste dag i februar; fylkene kan ha egne frister.",
    ),
)

METRICS_BY_KEY: dict[str, Metric] = {m.key: m for m in METRICS}


def metric(key: str) -> Metric:
    """The metric stored in column `key`; KeyError if there is none."""
    return METRICS_BY_KEY[key]


def label(key: str) -> str:
    """The label users see for the metric in column `key`."""
    return METRICS_BY_KEY[key].label

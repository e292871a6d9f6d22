"""The documented input file formats (see docs/dataformater.md): one `FileFormat` per kind.

Headers are Norwegian and lower case. Each format names the table it loads into, the column
that each header fills, how each value is parsed and checked, and the natural key that makes
a reload an update instead of a duplicate.

One module on purpose, a little over 300 lines: the formats are declarations that mirror
docs/dataformater.md table by table, and are read side by side with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["text", "int", "decimal", "kommune", "code", "codes", "orgnr", "recipient", "date"]


@dataclass(frozen=True)
class Field:
    """One column of an input file."""

    header: str
    column: str
    kind: Kind = "text"
    required: bool = True
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] | None = None
    reference: str | None = None
    """For `code`/`codes`: the reference set the values must belong to."""
    description: str = ""


@dataclass(frozen=True)
class FileFormat:
    """One kind of input file."""

    name: str
    table: str
    fields: tuple[Field, ...]
    key: tuple[str, ...]
    description: str = ""
    extra_columns: tuple[str, ...] = field(default=())

    @property
    def headers(self) -> list[str]:
        return [f.header for f in self.fields]

    @property
    def required_headers(self) -> list[str]:
        return [f.header for f in self.fields if f.required]


YEAR = Field("år", "aar", "int", minimum=2020, maximum=2030, description="Budsjettår")
OWNER_TYPES = ("kommunal", "fylkeskommunal", "privat")
UNIT_TYPES = ("barnehage", "grunnskole", "vgs", "ppt", "annen")
RECIPIENT_TYPES = ("kommune", "fylkeskommune", "privat")

BEVILGNING = FileFormat(
    name="bevilgning",
    table="bevilgning",
    description="Nasjonal bevilgning til Kompetanseløftet per år.",
    fields=(
        YEAR,
        Field(
            "beløp_kr",
            "belop_kr",
            "int",
            minimum=0,
            maximum=10_000_000_000,
            description="Bevilget beløp i hele kroner",
        ),
        Field("kilde", "kilde", description="Kilde for tallet (f.eks. Prop. 1 S)"),
        Field("merknad", "merknad", required=False, description="Fritekst"),
    ),
    key=("aar",),
)

ENHETER = FileFormat(
    name="enheter",
    table="enhet",
    description="Enhetsregister: barnehager, skoler, PPT-kontor og andre tjenester.",
    fields=(
        Field("organisasjonsnummer", "enhet_id", "orgnr", description="9 sifre"),
        Field("navn", "navn"),
        Field("enhetstype", "enhetstype", "code", choices=UNIT_TYPES),
        Field("eiertype", "eiertype", "code", choices=OWNER_TYPES),
        Field(
            "kommunenummer",
            "kommunenummer",
            "kommune",
            description="Kommunenummer etter 2024-strukturen",
        ),
        Field(
            "antall_barn_elever",
            "antall_barn_elever",
            "int",
            minimum=0,
            maximum=100_000,
            description="Barn (barnehage) eller elever (skole); 0 for PPT",
        ),
        Field("antall_ansatte", "antall_ansatte", "int", minimum=0, maximum=10_000),
        Field(
            "betjener_kommuner",
            "betjener_kommuner",
            "codes",
            required=False,
            reference="kommune",
            description="Bare PPT: kommunenumre (2024) kontoret betjener, skilt med ;",
        ),
    ),
    key=("enhet_id",),
)

TILTAK = FileFormat(
    name="tiltak",
    table="tiltak",
    description="Tiltak prioritert av samarbeidsforum, med UH-partner og kompetanseområder.",
    fields=(
        Field("tiltak_id", "tiltak_id", description="Unik id, f.eks. VL-2021-014"),
        Field("navn", "navn"),
        Field("år", "aar", "int", minimum=2020, maximum=2030, description="Startår"),
        Field("statsforvalter", "statsforvalter", "code", reference="statsforvalter"),
        Field(
            "kommunenummer",
            "kommunenummer",
            "kommune",
            description="Kommunen som leder tiltaket (vertskommune)",
        ),
        Field("eiertype", "eiertype", "code", choices=OWNER_TYPES),
        Field("eier", "eier", description="Barnehage-/skoleeier som står for tiltaket"),
        Field("uh_partner", "uh_partner", description="Universitet eller høgskole"),
        Field(
            "hovedområde",
            "hovedomrade",
            "code",
            reference="kompetanseomrade",
            description="Kompetanseområdet midlene regnes til",
        ),
        Field(
            "kompetanseområder",
            "omrader",
            "codes",
            required=False,
            reference="kompetanseomrade",
            description="Alle områder, skilt med ;",
        ),
        Field(
            "målgrupper",
            "malgrupper",
            "codes",
            reference="profesjon",
            description="Profesjonskoder, skilt med ;",
        ),
    ),
    key=("tiltak_id",),
)

TILDELINGER = FileFormat(
    name="tildelinger",
    table="tildeling",
    description="Tildelinger fra statsforvalteren til eiere, per tiltak og år.",
    fields=(
        YEAR,
        Field("statsforvalter", "statsforvalter", "code", reference="statsforvalter"),
        Field(
            "kommunenummer",
            "kommunenummer",
            "kommune",
            description="Kommunen mottakeren hører til (fylkeskommune: administrasjonssenteret)",
        ),
        Field("mottaker", "mottaker", description="Mottakerens navn (ikke en del av nøkkelen)"),
        Field("mottakertype", "mottakertype", "code", choices=RECIPIENT_TYPES),
        Field(
            "mottaker_id",
            "mottaker_id",
            "recipient",
            description="kommune: kommunenummer; fylkeskommune: fylkesnummer; "
            "privat: organisasjonsnummer",
        ),
        Field("tiltak_id", "tiltak_id", "code", reference="tiltak"),
        Field("innvilget_kr", "innvilget_kr", "int", minimum=0, maximum=1_000_000_000),
        Field(
            "brukt_kr",
            "brukt_kr",
            "int",
            required=False,
            minimum=0,
            maximum=1_000_000_000,
            description="Rapportert forbruk; tom til rapport foreligger",
        ),
    ),
    key=("aar", "tiltak_id", "mottakertype", "mottaker_id"),
)

DELTAKELSE = FileFormat(
    name="deltakelse",
    table="deltakelse",
    description="Deltakere per enhet, tiltak, profesjon og år.",
    fields=(
        YEAR,
        Field("organisasjonsnummer", "enhet_id", "code", reference="enhet"),
        Field("tiltak_id", "tiltak_id", "code", reference="tiltak"),
        Field("profesjon", "profesjon", "code", reference="profesjon"),
        Field("antall_deltakere", "antall_deltakere", "int", minimum=1, maximum=5_000),
    ),
    key=("aar", "enhet_id", "tiltak_id", "profesjon"),
)

KVALITETSINDIKATORER = FileFormat(
    name="kvalitetsindikatorer",
    table="kvalitetsindikator",
    description="Behovs- og kvalitetsindikatorer per kommune og år.",
    fields=(
        YEAR,
        Field("kommunenummer", "kommunenummer", "kommune"),
        Field("indikator", "indikator", "code", reference="indikator"),
        Field(
            "verdi",
            "verdi",
            "decimal",
            required=False,
            minimum=0,
            maximum=100,
            description="Prosent; tom når tallet er skjermet (prikket) eller mangler",
        ),
        Field("teller", "teller", "int", required=False, minimum=0, maximum=10_000_000),
        Field("nevner", "nevner", "int", required=False, minimum=0, maximum=10_000_000),
        Field("kilde", "kilde"),
    ),
    key=("aar", "kommunenummer", "indikator"),
)

LANDSNIVAA = FileFormat(
    name="landsnivaa",
    table="kvalitetsindikator_landet",
    description="Publiserte landstall for kvalitetsindikatorene (valgfritt).",
    fields=(
        YEAR,
        Field("indikator", "indikator", "code", reference="indikator"),
        Field(
            "verdi",
            "verdi",
            "decimal",
            minimum=0,
            maximum=100,
            description="Prosent for hele landet, slik kilden publiserer det",
        ),
        Field("teller", "teller", "int", required=False, minimum=0, maximum=100_000_000),
        Field("nevner", "nevner", "int", required=False, minimum=0, maximum=100_000_000),
        Field("kilde", "kilde"),
    ),
    key=("aar", "indikator"),
)

DECISIONS = ("innvilget", "delvis", "avslått")

BEHOV = FileFormat(
    name="behov",
    table="behov",
    description="Behovsmeldinger og søknader til statsforvalteren, med prioritering og vedtak.",
    fields=(
        YEAR,
        Field("behov_id", "behov_id", description="Unik id, f.eks. VL-2025-B014"),
        Field("statsforvalter", "statsforvalter", "code", reference="statsforvalter"),
        Field("søkertype", "sokertype", "code", choices=RECIPIENT_TYPES),
        Field(
            "søker_id",
            "soker_id",
            description="Kommunenummer (4), fylkesnummer (2) "
            "eller organisasjonsnummer (9), etter søkertype",
        ),
        Field("søker", "soker", description="Navn på kommune, fylkeskommune eller eier"),
        Field("kompetanseområder", "omrader", "codes", reference="kompetanseomrade"),
        Field("målgrupper", "malgrupper", "codes", reference="profesjon"),
        Field("søkt_kr", "sokt_kr", "int", minimum=0, maximum=1_000_000_000),
        Field("mottatt", "mottatt", "date", description="Dato behovsmeldingen kom inn"),
        Field(
            "prioritet",
            "prioritet",
            "int",
            required=False,
            minimum=1,
            maximum=999,
            description="Samarbeidsforums prioritering (1 = høyest); tom = ikke prioritert",
        ),
        Field("vedtak", "vedtak", "code", required=False, choices=DECISIONS),
        Field("vedtaksdato", "vedtaksdato", "date", required=False),
        Field(
            "innvilget_kr", "innvilget_kr", "int", required=False, minimum=0, maximum=1_000_000_000
        ),
    ),
    key=("behov_id",),
)

FORMATS: tuple[FileFormat, ...] = (
    BEVILGNING,
    ENHETER,
    TILTAK,
    TILDELINGER,
    DELTAKELSE,
    KVALITETSINDIKATORER,
    LANDSNIVAA,
    BEHOV,
)
"""All formats, in load order (referenced tables first)."""

FORMATS_BY_NAME = {f.name: f for f in FORMATS}

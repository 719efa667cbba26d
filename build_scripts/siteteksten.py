"""Every Dutch word the site build writes itself: table headings, note phrases, labels, the open data's texts.

The pages' own copy is in ``docs/``; the sentences the rules give (the calculator's and the rule summaries') are in
``calculator/teksten.py``. This module is the build's counterpart: the build modules hold no Dutch of their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from calculator.dated import DatedValue, Eenheid, Parameter
from calculator.formatting import euro, number, percent, vte

# --- notes and dates on the pages ------------------------------------------------------------------------------
NOTE_TEN_LAATSTE: Final = "De bron vermeldt het ten laatste sinds {datum}; een eerdere begindatum noemt ze niet."
NOTE_SINDS: Final = "Van toepassing sinds {datum}."  # a value older than the first modelled rule set
NOTE_VANAF: Final = "Voor aanvragen vanaf {datum}."
VANAF: Final = "sinds {datum}"
VANAF_TEN_LAATSTE: Final = "ten laatste sinds {datum}"
BRONNEN_KOP: Final = "## Bronnen { #bronnen }"
EN: Final = "en"
# What each source of calculator/data/bronnen.toml confirms, as a page's closing sources section says it.
BEVESTIGT: Final[Mapping[str, str]] = {
    "vlaio_hervorming_2016": "de steunpercentages en steunplafonds vanaf april 2016",
    "vlaio_hoeveel_subsidies": "de steunpercentages, het hogere percentage voor cybersecurity en het steunplafond",
    "vlaio_subsidiedatabank": "de voorwaarden, de lijst van hoofdactiviteiten en het hogere percentage voor "
    "opleiding over energie-efficiëntie",
    "vlaio_hervorming_2023": "de toekomstgerichte thema's en de kwaliteitskamer",
    "vlaio_voorwaarden": "de vijf voorwaarden voor uw onderneming",
    "vlaio_beoordeling_dienstverleners": "dat een aanverwante dienstverlener geen steun oplevert",
    "vlaio_hervorming_2026": "dat advies alleen nog over cybersecurity mag gaan",
    "vlaanderen_projecten": "welke opleidingen en adviezen in aanmerking komen, en wanneer u de steun aanvraagt",
    "vlaanderen_kosten": "welke kosten in aanmerking komen: het minimumbedrag voor advies, catering en cursusmateriaal",
    "vlaanderen_projectaanvraag": "hoe u een aanvraag indient en het eigen aandeel stort",
    "eu_kmo_aanbeveling": "de Europese kmo-definitie, met verbonden en partnerondernemingen",
    "eu_kmo_drempels": "de drempels van de Europese kmo-definitie",
    "aanbod_dienstverlener": "hoe de diensten van ons aanbod zijn ingedeeld",
    "vlaanderen_eloket": "hoe u zich aanmeldt in het e-loket en wie aanvragen mag indienen",
    "vlaio_kmo_portefeuille": "wat de kmo-portefeuille is, en waar u het e-loket opent",
    "vlaio_stopzetten": "wat er gebeurt als u een aanvraag stopzet",
    "vlaio_beoordeling": "hoe de dienstverlener uw aanvraag controleert en bevestigt",
    "vlaio_stavingsdocumenten": "de aanwezigheidslijsten en het vormingsattest",
    "vlaanderen_grootte": "hoe uw grootte voor een heel kalenderjaar wordt vastgelegd",
    "bestuurszaken_aanmelden": "hoe u zich aanmeldt en iemand een gebruikersrecht geeft",
    "gemeente_kortenberg": "dat ook zelfstandigen in bijberoep de steun kunnen krijgen",
    "fidelium_maatwerkbedrijf": "dat een erkend maatwerkbedrijf de kmo-portefeuille mag gebruiken, ook als vzw of als "
    "grote onderneming",
}

# --- tables and lists (build_scripts/tables.py) ----------------------------------------------------------------
HOEVEEL_INLEIDING: Final = (
    "De overheid betaalt een deel van de prijs zonder btw. Hoeveel, hangt af van de dienst en van de grootte van uw "
    "onderneming:"
)
HOEVEEL_RIJ: Final = "- **{waarvoor}**: {klein} voor een kleine onderneming, {middelgroot} voor een middelgrote."
HOEVEEL_NIET: Final = "- **{waarvoor}**: {niet}."
TARIEVEN_KOP: Final = ("Waarvoor", "Kleine onderneming", "Middelgrote onderneming")
PLAFOND_RIJ: Final = "**Steunplafond** per kalenderjaar"
GESCHIEDENIS_KOP_BEGIN: Final = ("Aanvragen vanaf", "Kleine onderneming", "Middelgrote onderneming")
GESCHIEDENIS_KOP_VERHOOGD: Final[Mapping[str, str]] = {  # per subject with a rate of its own
    "cybersecurity": "Cybersecurity (klein / middelgroot)",
    "energie_efficientie": "Opleiding over energie-efficiëntie (klein / middelgroot)",
}
GESCHIEDENIS_KOP_EINDE: Final = ("Steunplafond per kalenderjaar", "Welke opleiding en advies")
GESCHIEDENIS_TEN_LAATSTE: Final = "ten laatste {datum}"
GESCHIEDENIS_NU: Final = "**{datum}** (nu van toepassing)"
DREMPELS_KOP: Final = ("Grootte", "Werknemers", "Jaaromzet", "**of** balanstotaal")
DREMPELS_BRON: Final = "Bron: de Europese kmo-definitie."
GROOTTE_ONDERNEMING: Final[Mapping[str, str]] = {
    "klein": "Kleine onderneming",
    "middelgroot": "Middelgrote onderneming",
}
GROOTTE_KEUZE: Final[Mapping[str, str]] = {"klein": "Klein", "middelgroot": "Middelgroot", "groot": "Groot"}

# --- the provider (build_scripts/aanbiedergegevens.py, aanbod.py) ------------------------------------------------------
SITE_NAAM: Final = "Kmo-portefeuille bij {naam}"
CONTACTVELDEN: Final = (
    ("email", "E-mail"),
    ("telefoon", "Telefoon"),
    ("contact_url", "Afspraak of contactformulier"),
    ("adres", "Adres"),
    ("ondernemingsnummer", "Ondernemingsnummer"),
    ("website", "Website"),
)
REGISTRATIE: Final = "**{nummer}** voor {wat}"
# What the provider's offer gets support for (training, advice), by whether it has each: kmo:aanbieder steun_voor.
STEUN_VOOR: Final = {
    (True, True): "opleiding en advies",
    (True, False): "opleiding",
    (False, True): "advies",
    (False, False): "opleiding en advies",
}
STEUN_VOOR_CYBERSECURITY: Final = "{diensten} over cybersecurity"
# The provider's kind of service in a sentence (kmo:aanbieder een_dienst|de_dienst|volg_de_dienst|
# ons_registratienummer), keyed by (the offer has training, it has advice); an offer of neither speaks of both.
DIENST_WOORDEN: Final = {
    "een_dienst": {(True, False): "een opleiding", (False, True): "een advies"},
    "de_dienst": {(True, False): "de opleiding", (False, True): "het advies"},
    "volg_de_dienst": {(True, False): "Volg de opleiding", (False, True): "Krijg het advies"},
}
DIENST_WOORDEN_BEIDE: Final = {
    "een_dienst": "een opleiding of advies",
    "de_dienst": "de opleiding of het advies",
    "volg_de_dienst": "Volg de opleiding of krijg het advies",
}
ONS_REGISTRATIENUMMER: Final = ("ons registratienummer", "onze registratienummers")  # one, or more
REGISTRATIENUMMERS: Final = ("registratienummer {nummers}", "registratienummers {nummers}")  # one, or more
REGISTRATIE_DIENSTEN: Final = "**{nummer}** voor {wat}: {diensten}"
NIET_IN_AANMERKING_KOP: Final = "## Niet in aanmerking { #niet }"  # kmo:niet-in-aanmerking, when any of the offer
ANDERE_DIENST: Final = "Een andere opleiding of een ander advies"  # the calculator's group beyond the offer
AANBOD_GEEN_DIENST: Final = "Geen opleiding of advies"
AANBOD_THEMA: Final = "{dienst}, thema {thema}"
AANBOD_ONDERWERP: Final = "{dienst} over {onderwerp}"
AANBOD_ONDERWERP_THEMA: Final = "{dienst} over {onderwerp}, thema {thema}"
AANBOD_SOORT: Final = "Soort"
AANBOD_DUUR: Final = "Duur"
AANBOD_PRIJS: Final = "Prijs"
AANBOD_MINIMUM: Final = "Minimum"
AANBOD_MINIMUM_ADVIES: Final = "{bedrag} zonder btw: een advies dat minder kost, krijgt geen steun"
AANBOD_PRIJS_VANAF: Final = "vanaf {prijs} zonder btw"
AANBOD_NIET: Final = "Komt niet in aanmerking voor de kmo-portefeuille."
AANBOD_WEL: Final = (
    "Komt vandaag in aanmerking: <strong>{klein}</strong> steun voor een kleine onderneming, "
    "<strong>{middelgroot}</strong> voor een middelgrote."
)
AANBOD_TABEL_TITEL: Final = "Eigen aandeel en steun bij de prijs vanaf, zonder btw"
AANBOD_TABEL_KOP: Final = ("Uw onderneming", "Eigen aandeel", "Steun")
AANBOD_GEEN_STEUN: Final = "geen"
AANBOD_BEREKEN: Final = "Bereken voor uw onderneming"

# --- worked examples (build_scripts/voorbeelden.py) -----------------------------------------------------------------
VOORBEELD_TITEL: Final = "Voorbeeld: {titel}"
VOORBEELD_STEUN: Final = "Steun"
VOORBEELD_EIGEN_AANDEEL: Final = "Eigen aandeel"
VOORBEELD_UITERLIJK: Final = "Aanvragen uiterlijk op"

# --- the theme's markup (build_scripts/templates.py) --------------------------------------------------------------
ZOEKEN: Final = "Zoeken"
# The notice every page carries, shown (by material-content.js) from the first day the rules change after the build.
REGELWIJZIGING_NAAM: Final = "Gewijzigde regels"
REGELWIJZIGING: Final = (
    "Op {datum} zijn de regels van de kmo-portefeuille gewijzigd. Deze pagina toont nog de regels van vóór die dag. "
    "De rekenmodule rekent al met de nieuwe regels."
)
REGELWIJZIGING_LINK: Final = "Bereken uw steun met de nieuwe regels"

# --- open data (build_scripts/opendata.py) -----------------------------------------------------------------------
OPENDATA_TITEL: Final = "Regels van de kmo-portefeuille"
OPENDATA_FEED_TITEL: Final = "Wijzigingen in de regels van de kmo-portefeuille"
OPENDATA_UITLEG: Final[Mapping[str, str]] = {
    "vanaf": "de eerste dag waarop de waarde geldt (voor aanvragen vanaf die dag)",
    "begin": (
        "bekend: de bron noemt die dag; ten_laatste: de waarde gold op die dag, de begindatum is niet gepubliceerd; "
        "modelstart: de waarde is ouder dan de eerste gemodelleerde regels"
    ),
    "vergelijking": "hoe een waarde met de drempel vergeleken wordt: '<', '<=' of '>='",
}
OPENDATA_WANNEER: Final[Mapping[str, str]] = {  # per Begin
    "bekend": "vanaf {datum}",
    "ten_laatste": "ten laatste sinds {datum}",
    "modelstart": "al vóór {datum} (de oudste regels die de rekenmodule kent)",
}
OPENDATA_BERICHT: Final = "{figuur}: {waarde} {wanneer}"
OPENDATA_SAMENVATTING: Final = "{bericht}. Bron: {bron}."

# --- a figure as the pages and the feed write it ------------------------------------------------------------------
JA_NEE: Final[Mapping[bool, str]] = {True: "ja", False: "nee"}
KALENDERDAGEN: Final = "{aantal} kalenderdagen"
KALENDERJAAR: Final = "{aantal} kalenderjaar"
KALENDERJAREN: Final = "{aantal} kalenderjaren"


def shown(parameter: Parameter, value: DatedValue) -> str:
    """A value as the pages and the feed write it: 30 %, € 7.500, 50 VTE, 14 kalenderdagen, ja/nee."""
    if isinstance(value.value, bool):
        return JA_NEE[value.value]
    amount = value.value
    if parameter.eenheid is Eenheid.PERCENT:
        return percent(amount)
    if parameter.eenheid is Eenheid.EURO:
        return euro(amount, cents=False)
    if parameter.eenheid is Eenheid.VTE:
        return vte(amount)
    if parameter.eenheid is Eenheid.KALENDERDAGEN:
        return KALENDERDAGEN.format(aantal=number(amount))
    return (KALENDERJAAR if amount == 1 else KALENDERJAREN).format(aantal=number(amount))


def table_row(cells: tuple[str, ...] | list[str]) -> str:
    """A Markdown table row."""
    return "| " + " | ".join(cells) + " |"

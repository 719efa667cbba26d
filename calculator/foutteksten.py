"""The Dutch error messages for a request the calculator cannot read, and the form's field labels they start with.

:mod:`calculator.teksten` merges these texts into its table; the placeholders work as described there.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

FOUTTEKSTEN: Final[Mapping[str, str]] = {
    "fout.veld": "{label}: {deel1}",
    "fout.getal_ontbreekt": "dit veld ontbreekt. Vul een getal in, bijvoorbeeld {voorbeeld}.",
    "fout.getal_te_groot": "vul een getal van hoogstens {grens} in.",
    "fout.keuze_ontbreekt": "maak een keuze uit de lijst.",
    "fout.keuze_onbekend": "„{waarde}” staat niet in de lijst. Kies een van: {opties}.",
    "fout.geen_lijst": "verwacht een lijst.",
    "fout.te_veel_rijen": "geef hoogstens {maximum} rijen op.",
    "fout.geen_object": "verwacht een object met velden.",
    "fout.onderneming_ontbreekt": "de gegevens van uw onderneming ontbreken.",
    "fout.hoofdactiviteit": (
        "geef aan of de NACE-BEL-code van uw hoofdactiviteit op de lijst van aanvaardbare hoofdactiviteiten staat "
        "(ja of nee)."
    ),
    "fout.aanverwant": "geef aan of uw onderneming en de dienstverlener aanverwante ondernemingen zijn (ja of nee).",
    "fout.maatwerkbedrijf": "geef aan of uw onderneming een erkend maatwerkbedrijf is (ja of nee).",
    "fout.partner_aandeel": (
        "een partneronderneming heeft een aandeel van {regel_vanaf} {vanaf_pct} en {regel_tot} {tot_pct}. Met een "
        "groter aandeel is het een verbonden onderneming (voeg ze daar toe); met een kleiner aandeel telt ze niet mee "
        "(laat ze weg)."
    ),
    "fout.grootte_vastgelegd": "kies klein, middelgroot of laat leeg als de grootte dit kalenderjaar nog niet vastligt.",
    "fout.grootte_opgegeven": "kies klein, middelgroot of groot, of laat de grootte berekenen uit uw cijfers.",
    "fout.cijfers_onvolledig": (
        "vul het aantal werknemers (VTE), de jaaromzet en het balanstotaal in, of kies de grootte van uw onderneming."
    ),
    "fout.thema_bij_advies": "een advies heeft geen thema. Laat het thema weg.",
    "fout.thema_ontbreekt": "kies het thema van de opleiding, een van: {opties}.",
    "fout.thema_past_niet": (
        "een opleiding over {naam_onderwerp} valt onder het thema {juist}, niet onder {thema}. Kies {juist} of een "
        "ander onderwerp."
    ),
    "fout.soort_ligt_vast": (
        "deze soort dienst heeft al een vast onderwerp en thema. Laat dit veld weg, of kies een andere opleiding of "
        "een ander advies om het zelf op te geven."
    ),
    "fout.naam_dienst": "geef de naam van de dienst als tekst van hoogstens {maximum} tekens.",
    "fout.geen_json_object": "het verzoek moet een JSON-object zijn.",
    "fout.voor_modellering": (
        "de rekenmodule kent de regels vanaf {vanaf_datum}. Kies een aanvraagdatum vanaf die dag; voor oudere "
        "aanvragen geldt een andere regeling."
    ),
    "fout.intern": (
        "Er ging iets mis bij het berekenen. Controleer uw gegevens; blijft het probleem, neem dan contact met ons op."
    ),
    # parsing (calculator.parsing): what is wrong with a typed number or date
    "fout.getal.leeg": "dit veld is leeg. Vul een getal in, bijvoorbeeld {voorbeeld}.",
    "fout.getal.te_lang": "dit getal is te lang. Vul een getal in, bijvoorbeeld {voorbeeld}.",
    "fout.getal.dubbelzinnig": (
        "„{waarde}” is geen getal dat eenduidig te lezen is. Gebruik de komma voor decimalen en eventueel een punt "
        "of spatie per drie cijfers, bijvoorbeeld {voorbeeld}."
    ),
    "fout.getal.negatief": "dit getal mag niet negatief zijn.",
    "fout.getal.geen_getal": "vul een getal in, bijvoorbeeld {voorbeeld}.",
    "fout.getal.niet_eindig": "vul een gewoon getal in, bijvoorbeeld {voorbeeld}.",
    "fout.getal.te_groot": "dit getal is te groot. Controleer het aantal cijfers.",
    "fout.getal.decimalen": "gebruik hoogstens {decimalen} cijfers na de komma, bijvoorbeeld {voorbeeld}.",
    "fout.datum.vorm": "vul een datum in als dd/mm/jjjj, bijvoorbeeld 27/11/2026.",
    "fout.datum.bestaat_niet": "de datum {waarde} bestaat niet. Controleer dag en maand.",
}

# Field labels as the form writes them; errors start with them ("Rechtsvorm: maak een keuze uit de lijst.").
VELDEN: Final[Mapping[str, str]] = {
    "aanvraag": "Aanvraag",
    "aanvraagdatum": "Aanvraagdatum",
    "onderneming": "Onderneming",
    "rechtsvorm": "Rechtsvorm",
    "vestiging": "Vestiging",
    "participatie": "Participatie van een administratieve overheid (%)",
    "hoofdactiviteit": "Hoofdactiviteit",
    "aanverwant": "Aanverwante dienstverlener",
    "maatwerkbedrijf": "Erkend maatwerkbedrijf",
    "grootte": "Grootte van uw onderneming",
    "vastgelegde_grootte": "Grootte die dit jaar al vastligt",
    "vte": "aantal werknemers (VTE)",
    "omzet": "jaaromzet zonder btw (€)",
    "balanstotaal": "balanstotaal (€)",
    "aandeel": "aandeel in kapitaal of stemrechten (%)",
    "verbonden": "Verbonden onderneming",
    "partner": "Partneronderneming",
    "dienst": "Dienst",
    "soort": "soort dienst",
    "onderwerp": "onderwerp",
    "thema": "thema",
    "naam": "naam van de dienst",
    "bedrag": "bedrag zonder btw (€)",
    "startdatum": "startdatum",
    "reeds_gebruikt": "Steun die u dit kalenderjaar al kreeg (€)",
}


def veld(key: str, rij: str | None = None, nummer: int | None = None) -> str:
    """A field's label as the form writes it ("Aantal werknemers (VTE)"); in a row of a list, prefixed with the row
    ("Dienst 2, bedrag zonder btw (€)")."""
    if rij is None:
        label = VELDEN[key]
        return label[:1].upper() + label[1:]
    return f"{VELDEN[rij]} {nummer}, {VELDEN[key]}" if key else f"{VELDEN[rij]} {nummer}"

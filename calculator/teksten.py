"""Every Dutch sentence the calculator produces, in one place, keyed by a stable reason code.

The request's error messages and the form's field labels are in :mod:`calculator.foutteksten`, and merged here.

The rules return :class:`~calculator.domein.Reden` values (a code and the values it used); this module holds their
text and :mod:`calculator.rendering` fills it in. Placeholders are named, and their suffix says how a value is shown:

``_eur``   an amount (``€ 3.600,00``)          ``_pct``    a percentage (``45 %``)
``_vte``   a headcount (``12,5 VTE``)          ``_datum``  a long date (``4 december 2026``)
``_bijvoeglijk`` a size as adjective (``kleine``)  ``_bedrag`` an amount, without cents when whole (``€ 3.600``)
``_onderwerp`` a subject's label (``energie-efficiëntie``)
anything else: as given (numbers in Belgian notation)

``{deel1}``, ``{deel2}`` … insert the reason's parts; ``{delen}`` inserts all parts as an enumeration ("a, b en
c"). Parts that no placeholder takes follow the text, separated by a space. ``{relatie}`` is the comparison in
words, from the values ``comparator`` and ``binnen``, and ``{regel}`` what the rule asks ("minder dan"), from
``comparator``; ``{regel_X}`` the same from ``X_comparator`` (for two bounds); all come from :func:`vergelijking`,
so no comparison is worded twice.

A test checks that every code used in the package has a text and that every placeholder is filled.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from calculator.dated import Comparator
from calculator.foutteksten import FOUTTEKSTEN

TEKSTEN: Final[Mapping[str, str]] = {
    # --- size -------------------------------------------------------------------------------------------------
    "grootte.berekend.direct": "Volgens de Europese kmo-definitie is de onderneming {klasse}: {deel1}.",
    "grootte.berekend": "Volgens de Europese kmo-definitie is de onderneming {klasse}.",
    "grootte.niet": "Niet {klasse}: {deel1}.",
    "grootte.wel": "Wel {klasse}: {deel1}.",
    "grootte.groot_geen_kmo": "Een grote onderneming is geen kmo.",
    "grootte.toets.te_veel_vte": "{deel1}",
    "grootte.toets.omzet": "{deel1} en {deel2}",
    "grootte.toets.balanstotaal": "{deel1} en {deel2} (omzet of balanstotaal volstaat; {deel3})",
    "grootte.toets.beide_te_hoog": "{deel1} en {deel2}",
    "criterium.vte": "{waarde_vte} is {relatie} {grens_vte}",
    "criterium.omzet": "de jaaromzet van {waarde_eur} is {relatie} {grens_eur}",
    "criterium.balanstotaal": "het balanstotaal van {waarde_eur} is {relatie} {grens_eur}",
    "grootte.opgegeven": (
        "U gaf aan dat uw onderneming {klasse} is; de rekenmodule rekent met die grootte. Geef het aantal "
        "werknemers (VTE), de jaaromzet en het balanstotaal op om de grootte te laten berekenen."
    ),
    "grootte.vastgelegd": (
        "De grootte ligt dit kalenderjaar al vast als {klasse} (bepaald bij uw eerste goedgekeurde aanvraag van het jaar) "
        "en blijft gelden tot 31 december."
    ),
    "grootte.vastgelegd.ter_informatie": "Ter informatie: {deel1}",
    "grootte.groep.alleen_eigen": (
        "Alleen de gegevens van uw eigen onderneming tellen mee: u gaf geen verbonden of partnerondernemingen op."
    ),
    "grootte.groep.opgegeven": "U gaf de grootte zelf op: er zijn geen cijfers om samen te tellen.",
    "grootte.groep": "Meegeteld: {delen}.",
    "grootte.groep.eigen": "uw onderneming ({eigen_vte})",
    "grootte.groep.verbonden": "verbonden onderneming {nummer} voor {aandeel_pct} ({meegeteld_vte})",
    "grootte.groep.partner": "partneronderneming {nummer} voor {aandeel_pct} ({meegeteld_vte} van {totaal_vte})",
    # --- the six conditions ----------------------------------------------------------------------------------
    "voorwaarde.kmo.definitie": "Uw onderneming is een {klasse_bijvoeglijk} onderneming volgens de Europese kmo-definitie, dus een kmo.",
    "voorwaarde.kmo.vastgelegd": (
        "Uw onderneming is een {klasse_bijvoeglijk} onderneming volgens de grootte die dit kalenderjaar al vastligt, dus een kmo."
    ),
    "voorwaarde.kmo.opgegeven": "U gaf aan dat uw onderneming een {klasse_bijvoeglijk} onderneming is, dus een kmo.",
    "voorwaarde.kmo.vrij_beroep": (
        "Uw onderneming is groter dan een kmo volgens de Europese kmo-definitie, maar u oefent een vrij beroep uit: "
        "ook dan komt u in aanmerking."
    ),
    "voorwaarde.kmo.groot": (
        "Uw onderneming is een grote onderneming volgens de Europese kmo-definitie. "
        "Alleen kmo's en vrije beroepen kunnen de kmo-portefeuille gebruiken."
    ),
    "voorwaarde.kmo.groot.behalve_maatwerkbedrijf": (
        "Uw onderneming is een grote onderneming volgens de Europese kmo-definitie. Alleen kmo's, vrije beroepen en, "
        "sinds {sinds_datum}, erkende maatwerkbedrijven kunnen de kmo-portefeuille gebruiken."
    ),
    "voorwaarde.kmo.maatwerkbedrijf": (
        "Uw onderneming is groter dan een kmo, maar als erkend maatwerkbedrijf komt ze sinds {sinds_datum} toch in "
        "aanmerking."
    ),
    "voorwaarde.rechtsvorm.aanvaard": "De rechtsvorm {rechtsvorm} is aanvaard.",
    "voorwaarde.rechtsvorm.vzw": "Een vzw komt niet in aanmerking en kan geen gebruik maken van de kmo-portefeuille.",
    "voorwaarde.rechtsvorm.vzw.behalve_maatwerkbedrijf": (
        "Een vzw komt niet in aanmerking, tenzij ze een erkend maatwerkbedrijf is: dat kan sinds {sinds_datum}."
    ),
    "voorwaarde.rechtsvorm.maatwerkbedrijf": (
        "De rechtsvorm {rechtsvorm} is op zich niet aanvaard, maar een erkend maatwerkbedrijf komt sinds {sinds_datum} "
        "in aanmerking, welke rechtsvorm het ook heeft."
    ),
    "voorwaarde.rechtsvorm.niet_aanvaard": "De rechtsvorm {rechtsvorm} is niet aanvaard voor de kmo-portefeuille.",
    "voorwaarde.rechtsvorm.niet_aanvaard.behalve_maatwerkbedrijf": (
        "De rechtsvorm {rechtsvorm} is niet aanvaard voor de kmo-portefeuille, tenzij uw onderneming een erkend "
        "maatwerkbedrijf is: dat kan sinds {sinds_datum}."
    ),
    "voorwaarde.vestiging.aanvaard": (
        "Uw vestiging ligt in {gewest}; daar moeten ook de werkenden voor wie u steun vraagt aan de slag zijn."
    ),
    "voorwaarde.vestiging.niet_aanvaard": (
        "Uw vestiging ligt in {gewest}. Alleen een vestiging in het Vlaams Gewest komt in aanmerking."
    ),
    "voorwaarde.prive.ja": (
        "De participatie van een administratieve overheid is {aandeel_pct}, {regel} {grens_pct}: "
        "u bent actief in de privésector."
    ),
    "voorwaarde.prive.nee": "De participatie van een administratieve overheid is {aandeel_pct}; die moet {regel} {grens_pct} zijn.",
    "voorwaarde.hoofdactiviteit.ja": (
        "U bevestigt dat de NACE-BEL-code van uw hoofdactiviteit op de lijst van aanvaardbare hoofdactiviteiten staat."
    ),
    "voorwaarde.hoofdactiviteit.nee": (
        "U gaf aan dat de NACE-BEL-code van uw hoofdactiviteit niet op de lijst van aanvaardbare hoofdactiviteiten staat."
    ),
    "voorwaarde.niet_aanverwant.ja": "U gaf aan dat uw onderneming en de dienstverlener geen aanverwante ondernemingen zijn.",
    "voorwaarde.niet_aanverwant.nee": (
        "U gaf aan dat uw onderneming en de dienstverlener aanverwante ondernemingen zijn. Diensten die u bij een "
        "aanverwante dienstverlener koopt, krijgen geen steun."
    ),
    # --- assumptions (a condition or date the visitor left out) -----------------------------------------------
    "aanname.rechtsvorm": (
        "We gaan ervan uit dat uw onderneming een aanvaarde rechtsvorm heeft, zoals een eenmanszaak, een vrij beroep, "
        "een bv of een nv. Een vzw of een feitelijke vereniging krijgt geen steun."
    ),
    "aanname.rechtsvorm.behalve_maatwerkbedrijf": (
        "We gaan ervan uit dat uw onderneming een aanvaarde rechtsvorm heeft, zoals een eenmanszaak, een vrij beroep, "
        "een bv of een nv. Een vzw of een feitelijke vereniging krijgt geen steun, tenzij ze een erkend "
        "maatwerkbedrijf is."
    ),
    "aanname.vestiging": (
        "We gaan ervan uit dat uw vestiging in het Vlaams Gewest ligt. Ligt ze in Brussel of Wallonië, dan krijgt u "
        "geen steun."
    ),
    "aanname.prive": (
        "We gaan ervan uit dat u in de privésector actief bent: een administratieve overheid heeft {regel} "
        "{grens_pct} van uw onderneming in handen."
    ),
    "aanname.hoofdactiviteit": (
        "We gaan ervan uit dat de NACE-BEL-code van uw hoofdactiviteit op de lijst van aanvaardbare hoofdactiviteiten "
        "staat. Staat ze er niet op, dan krijgt u geen steun."
    ),
    "aanname.niet_aanverwant": (
        "We gaan ervan uit dat uw onderneming en de dienstverlener niet aanverwant zijn: geen kapitaal in elkaars "
        "onderneming, geen gedeelde bestuurder of aandeelhouder, geen familieband. Anders krijgt u geen steun."
    ),
    "aanname.maatwerkbedrijf": (
        "We gaan ervan uit dat uw onderneming geen erkend maatwerkbedrijf is. Is ze dat wel, dan komt ze in "
        "aanmerking, ook als vzw of als grote onderneming."
    ),
    "aanname.aanvraagdatum": "We gaan ervan uit dat u de steun vandaag aanvraagt, op {vandaag_datum}.",
    "aanname.startdatum": "We gaan ervan uit dat dienst {nummer} vandaag start, op {vandaag_datum}.",
    # --- the yearly cap ---------------------------------------------------------------------------------------
    "plafond": (
        "Het steunplafond voor een {klasse_bijvoeglijk} onderneming is {plafond_eur} per kalenderjaar (sinds {sinds_datum}), "
        "gedeeld door opleiding en advies. U kreeg in {jaar} al {gebruikt_eur} steun: er blijft {over_eur} over."
    ),
    "plafond.groot": "Een grote onderneming heeft geen steunplafond: ze komt niet in aanmerking.",
    # --- services ---------------------------------------------------------------------------------------------
    # a service described by kind, subject and theme: its label when the provider gives none, and in a list
    "soort.beschreven.opleiding": "Opleiding over {naam_onderwerp}",
    "soort.beschreven.advies": "Advies over {naam_onderwerp}",
    "soort.beschreven.opleiding.thema": "Opleiding over een ander onderwerp, binnen het thema {thema}",
    "soort.beschrijving.opleiding": "Een andere opleiding (geef het onderwerp en het thema op)",
    "soort.beschrijving.advies": "Een ander advies (geef het onderwerp op)",
    "dienst.soort.nooit": "{soort} is geen opleiding of advies en komt nooit in aanmerking voor de kmo-portefeuille.",
    "dienst.soort.aanvaard": "{soort} valt onder {dienst}, binnen het thema {thema}.",
    "dienst.soort.niet_meer": (
        "{soort} valt onder {dienst}, binnen het thema {thema}. Sinds {sinds_datum} komt {dienst} over een ander "
        "onderwerp dan cybersecurity niet meer in aanmerking."
    ),
    "dienst.soort.aanvaard.zonder_thema": "{soort} valt onder {dienst}.",
    "dienst.soort.niet_meer.zonder_thema": (
        "{soort} valt onder {dienst}. Sinds {sinds_datum} komt {dienst} over een ander onderwerp dan cybersecurity "
        "niet meer in aanmerking."
    ),
    "dienst.enkel_als_advies": (
        "Dat geldt alleen als u een beoordeling krijgt met een schriftelijk rapport en aanbevelingen; een "
        "doorlopende, operationele dienst komt niet in aanmerking."
    ),
    "dienst.onderneming_niet": "Uw onderneming voldoet niet aan alle voorwaarden:",
    "dienst.weigering": "",  # the reasons that refuse a service, then "dienst.geen_steun"
    "dienst.toekenning": "",  # the kind, the rate, the cap if it bites, the own share, the deadline
    "dienst.te_laat": (
        "De aanvraag moest uiterlijk op {uiterlijk_datum} ingediend zijn ({dagen} kalenderdagen na de start op "
        "{start_datum}); een latere aanvraag wordt geweigerd."
    ),
    "dienst.onder_minimum": (
        "De kostprijs van een {dienst} moet {regel} {minimum_eur} zonder btw zijn, het officiële minimum. "
        "U gaf {bedrag_eur} op."
    ),
    "dienst.geen_steun": "Steun: {steun_eur}.",
    "dienst.tarief": (
        "Voor een {klasse_bijvoeglijk} onderneming geldt sinds {sinds_datum} het steunpercentage van {tarief_pct}: "
        "{tarief_pct} van {bedrag_eur} is {berekend_eur}."
    ),
    "dienst.tarief.verhoogd": (
        "Voor een {klasse_bijvoeglijk} onderneming geldt sinds {sinds_datum} het verhoogde steunpercentage voor cybersecurity "
        "van {tarief_pct}: {tarief_pct} van {bedrag_eur} is {berekend_eur}."
    ),
    "dienst.tarief.verhoogd.energie_efficientie": (
        "Voor een {klasse_bijvoeglijk} onderneming geldt sinds {sinds_datum} het verhoogde steunpercentage voor "
        "opleiding over energie-efficiëntie van {tarief_pct}: {tarief_pct} van {bedrag_eur} is {berekend_eur}."
    ),
    "dienst.tarief.verhoogd.energie_efficientie.ten_laatste": (
        "Voor een {klasse_bijvoeglijk} onderneming geldt ten laatste sinds {sinds_datum} het verhoogde "
        "steunpercentage voor opleiding over energie-efficiëntie van {tarief_pct}: {tarief_pct} van {bedrag_eur} is "
        "{berekend_eur}."
    ),
    "dienst.plafond_bereikt": (
        "Van het steunplafond van dit kalenderjaar blijft nog {steun_eur} over, dus de steun is {steun_eur}."
    ),
    "dienst.eigen_bijdrage": "Uw eigen aandeel is {eigen_eur}.",
    "dienst.termijn": (
        "Vraag de steun uiterlijk op {uiterlijk_datum} aan ({dagen} kalenderdagen na de start op {start_datum})."
    ),
    # --- warnings ---------------------------------------------------------------------------------------------
    "waarschuwing.groep_verandert_grootte": (
        "Op basis van de gegevens van uw onderneming alleen zou ze {eigen_klasse} zijn; met de verbonden en "
        "partnerondernemingen samen is ze {klasse}. De kmo-portefeuille stelt een grootte voor op basis van de "
        "gegevens van de Nationale Bank voor uw onderneming alleen: pas die grootte aan in uw aanvraag."
    ),
    "waarschuwing.vastgelegd_verschilt": (
        "U gaf aan dat de grootte dit jaar al vastligt als {vastgelegd}. Die blijft gelden voor de rest van het "
        "kalenderjaar, ook al geven de cijfers nu {klasse}."
    ),
    "waarschuwing.opgegeven_verschilt": (
        "U gaf aan dat uw onderneming {opgegeven} is, maar volgens de cijfers die u invulde is ze {klasse}. "
        "De rekenmodule rekent met de cijfers."
    ),
    "waarschuwing.maatwerkbedrijf_groot": (
        "Uw maatwerkbedrijf is groter dan een kmo. De rekenmodule past dan het steunpercentage en het plafond van een "
        "middelgrote onderneming toe. Deze regel staat nog niet in een officiële tekst die we konden nakijken: vraag "
        "het na bij VLAIO."
    ),
    "waarschuwing.vrij_beroep_groot": (
        "Uw vrij beroep is groter dan een kmo. De rekenmodule past dan het steunpercentage en het plafond van een "
        "middelgrote onderneming toe; bevestig de grootte bij uw aanvraag."
    ),
    "waarschuwing.partner_precies_grens": (
        "Partneronderneming {nummer} heeft een aandeel van precies {aandeel_pct}. Volgens de Europese "
        "kmo-definitie is dat een partneronderneming (vanaf {grens_pct}, zo rekent deze module); één pagina van "
        "VLAIO spreekt van 'meer dan {grens_pct}'. Twijfelt u, vraag het na bij VLAIO."
    ),
    "waarschuwing.meer_gebruikt_dan_plafond": (
        "U gaf aan dat u dit jaar al {gebruikt_eur} steun kreeg, meer dan het plafond van {plafond_eur}. "
        "Controleer dat bedrag: er blijft geen steun over."
    ),
    "waarschuwing.minimum_niet_bindend": (
        "Dienst {nummer}: vlaanderen.be vermeldt een minimum van {minimum_eur} zonder btw voor {dienst}. Is uw "
        "{dienst} goedkoper, vraag dan vooraf bij VLAIO na of u steun krijgt."
    ),
    "waarschuwing.start_na_realisatietermijn": (
        "Dienst {nummer} start na {einde_datum}, de dag waarop de dienstverlening al beëindigd moet zijn "
        "(31 december van het jaar na de aanvraag)."
    ),
    "waarschuwing.schatting": (
        "Dit is een schatting. De afronding is niet officieel gepubliceerd, en de steun hangt ook af van het budget "
        "van de kmo-portefeuille: is dat uitgeput, dan kan er geen steun meer aangevraagd worden."
    ),
    # --- what would change the outcome ------------------------------------------------------------------------
    "gevolg.groep": (
        "Met de verbonden en partnerondernemingen bent u {klasse}: {tarief_pct} in plaats van {eigen_tarief_pct} "
        "voor dienst {nummer}."
    ),
    "gevolg.andere_grootte": (
        "Bent u {andere_klasse} in plaats van {klasse}, dan krijgt dienst {nummer} {ander_tarief_pct} steun in "
        "plaats van {tarief_pct}."
    ),
    "gevolg.termijn": "Vraag dienst {nummer} uiterlijk op {uiterlijk_datum} aan.",
    "gevolg.plafond": (
        "Het steunplafond beperkt de steun: {verloren_eur} van wat u zou krijgen valt erboven. Een deel van de "
        "dienstverlening in een volgend kalenderjaar aanvragen kan dat vermijden."
    ),
    "gevolg.volgend_jaar": (
        "Vraagt u dienst {nummer} pas in {jaar} aan, uiterlijk op {uiterlijk_datum}, dan valt die onder het "
        "steunplafond van {jaar} en krijgt u naar schatting {meer_eur} meer steun."
    ),
    # --- the answer in one sentence ---------------------------------------------------------------------------
    "samenvatting.steun": "U krijgt naar schatting {steun_bedrag} steun; uw eigen aandeel is {eigen_bedrag}, zonder btw.",
    "samenvatting.geen_steun": "U krijgt naar schatting geen steun: {deel1}",
    "samenvatting.plafond_op": (
        "U krijgt naar schatting geen steun: het steunplafond van {plafond_eur} voor dit kalenderjaar is al opgebruikt."
    ),
    "samenvatting.geen_diensten": (
        "{deel1} {deel2} Kies een dienst en vul het bedrag in: dan ziet u hoeveel steun u krijgt."
    ),
    "samenvatting.grootte.definitie": "Uw onderneming is {klasse}, berekend uit de cijfers die u opgaf.",
    "samenvatting.grootte.vastgelegd": "Uw onderneming is {klasse}: die grootte ligt dit kalenderjaar al vast.",
    "samenvatting.grootte.opgegeven": "U gaf aan dat uw onderneming {klasse} is.",
    "samenvatting.voorwaarden.alle": "Voorwaarden: alle {aantal} voldaan.",
    "samenvatting.voorwaarden.alle_aangenomen": (
        "Voorwaarden: alle {aantal} voldaan, waarvan {aangenomen} aangenomen (zie hieronder)."
    ),
    "samenvatting.voorwaarden.niet_alle": "Voorwaarden: niet alle voorwaarden voldaan.",
    # --- rule summaries for the pages (calculator/overzicht.py) ---------------------------------------------------
    "overzicht.tarieven.opleiding": "Opleiding",
    "overzicht.tarieven.opleiding.binnen_themas": "Opleiding binnen de toekomstgerichte thema's",
    "overzicht.tarieven.opleiding.ander_thema": "Opleiding over een ander onderwerp (bijvoorbeeld software)",
    "overzicht.tarieven.opleiding.ander_onderwerp": "Opleiding over een ander onderwerp",
    "overzicht.tarieven.opleiding.cybersecurity": "Opleiding over cybersecurity",
    "overzicht.tarieven.opleiding.energie_efficientie": "Opleiding over energie-efficiëntie",
    "overzicht.tarieven.advies": "Advies",
    "overzicht.tarieven.advies.binnen_themas": "Advies binnen de toekomstgerichte thema's",
    "overzicht.tarieven.advies.ander_thema": "Advies over een ander onderwerp (bijvoorbeeld software)",
    "overzicht.tarieven.advies.ander_onderwerp": "Advies over een ander onderwerp",
    "overzicht.tarieven.advies.cybersecurity": "Advies over cybersecurity",
    "overzicht.tarieven.advies.energie_efficientie": "Advies over energie-efficiëntie",
    "overzicht.tarieven.niet": "komt niet in aanmerking",
    "overzicht.paar": "{klein_pct} / {middelgroot_pct}",
    "overzicht.paar.geen": "geen apart percentage",
    "overzicht.plafond.beide": "{plafond_bedrag} voor beide",
    "overzicht.plafond.per_grootte": "{klein_bedrag} (klein), {middelgroot_bedrag} (middelgroot)",
    "overzicht.reikwijdte.alles": "opleiding en advies over alle onderwerpen",
    "overzicht.reikwijdte.themas": "opleiding en advies binnen {aantal} toekomstgerichte thema's",
    "overzicht.reikwijdte.themas_advies_cybersecurity": (
        "opleiding binnen {aantal} toekomstgerichte thema's; advies enkel over cybersecurity"
    ),
    "overzicht.soort": "{dienst}, thema {thema}",
    "overzicht.thema": "{thema}",
    "overzicht.thema.met": "{thema} (met {delen})",
    "overzicht.onderwerp": "{naam_onderwerp}",
    "overzicht.partnergrenzen": (
        "volledig bij een aandeel boven {tot_pct} (verbonden), in verhouding tot het aandeel bij {regel_vanaf} "
        "{vanaf_pct} en {regel_tot} {tot_pct} (partner)"
    ),
    "overzicht.soort.geen": "geen opleiding of advies",
    "overzicht.drempel.vte": "{regel} {grens_vte}",
    "overzicht.drempel.omzet": "{regel} {grens_bedrag}",
    "overzicht.drempel.balanstotaal": "{regel} {grens_bedrag}",
    "overzicht.grootte": "{deel1}; {deel2}",
    "overzicht.grootte.geld_samen": "omzet of balanstotaal {regel} {grens_bedrag}",
    "overzicht.grootte.geld_apart": "omzet {deel1} of balanstotaal {deel2}",
    "overzicht.grootte.groot": (
        "{grens_vte} of meer, of omzet én balanstotaal boven die van een middelgrote onderneming"
    ),
    # --- timeline and calendar --------------------------------------------------------------------------------
    "tijdlijn.aanvragen": "Kmo-portefeuille: uiterlijk vandaag aanvragen ({diensten})",
    "tijdlijn.aanvragen.beschrijving": (
        "Vraag de steun aan in het e-loket kmo-portefeuille: uiterlijk {dagen} kalenderdagen na de start van de "
        "dienstverlening ({diensten}). Na de bevestiging door de dienstverlener stort u uw eigen aandeel binnen "
        "{storting_dagen} kalenderdagen; een latere storting laat de aanvraag vervallen."
    ),
    "tijdlijn.storten": "Eigen aandeel storten binnen {storting_dagen} kalenderdagen na de bevestiging door de dienstverlener",
    "tijdlijn.beeindigen": "Kmo-portefeuille: dienstverlening beëindigd ({diensten})",
    "tijdlijn.beeindigen.beschrijving": (
        "De dienstverlening waarvoor u steun aanvroeg moet uiterlijk vandaag beëindigd zijn ({diensten})."
    ),
    "tijdlijn.herinnering": "Herinnering: {titel}",
    **FOUTTEKSTEN,
}

# Labels the page shows next to values from the answer (sizes, conditions, kinds of service).
GROOTTE_LABELS: Final[Mapping[str, str]] = {"klein": "klein", "middelgroot": "middelgroot", "groot": "groot"}
GROOTTE_BIJVOEGLIJK: Final[Mapping[str, str]] = {"klein": "kleine", "middelgroot": "middelgrote", "groot": "grote"}

# How a value compares with a threshold, in words: within it ("minder dan 50 VTE", "ten hoogste € 10.000.000"), and
# beyond it ("hoger dan").
VERGELIJKING: Final[Mapping[Comparator, str]] = {
    Comparator.LESS: "minder dan",
    Comparator.LESS_OR_EQUAL: "ten hoogste",
    Comparator.GREATER_OR_EQUAL: "minstens",
}
VERGELIJKING_BUITEN: Final[Mapping[Comparator, str]] = {
    Comparator.LESS: "niet minder dan",
    Comparator.LESS_OR_EQUAL: "hoger dan",
    Comparator.GREATER_OR_EQUAL: "minder dan",
}
# The subjects with a rate of their own, as a page names them ("ander" is named by its theme only).
ONDERWERP_LABELS: Final[Mapping[str, str]] = {
    "cybersecurity": "cybersecurity",
    "energie_efficientie": "energie-efficiëntie",
    "ander": "een ander onderwerp",
}
VOORWAARDE_LABELS: Final[Mapping[str, str]] = {
    "kmo": "Een kmo of een vrij beroep",
    "rechtsvorm": "Een aanvaarde rechtsvorm",
    "vestiging": "Een vestiging in het Vlaams Gewest",
    "prive": "Actief in de privésector",
    "hoofdactiviteit": "Een aanvaarde hoofdactiviteit (NACE-BEL-code)",
    "niet_aanverwant": "Geen aanverwante dienstverlener",
}


def vergelijking(comparator: Comparator, *, binnen: bool = True) -> str:
    """The comparison in words: what the rule asks (``binnen``), or what a value beyond the threshold is."""
    return (VERGELIJKING if binnen else VERGELIJKING_BUITEN)[comparator]

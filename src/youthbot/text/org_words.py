"""The words organisation names are made of: head nouns, legal forms, and the words around a
quoted name that say it is not an organisation's."""

from __future__ import annotations

# head noun -> gender (paradigm follows from its ending); strong heads may open a sentence
HEADS: dict[str, bool] = {
    "telpa": False,  # only as "jauniešu telpa" (NEEDS_BEFORE)
    "pašvaldība": True,
    "ministrija": True,
    "aģentūra": True,
    "pārvalde": True,
    "biedrība": True,
    "nodaļa": False,
    "skola": False,
    "ģimnāzija": False,
    "universitāte": True,
    "koledža": False,
    "bibliotēka": False,
    "māja": False,
    "komisija": True,
    "padome": True,
    "dome": True,
    "savienība": True,
    "asociācija": True,
    "apvienība": True,
    "organizācija": False,
    "inspekcija": True,
    "kanceleja": True,
    "akadēmija": False,
    "draudze": False,
    "valde": False,
    "policija": True,
    "slimnīca": False,
    "fundācija": True,
    "centrs": False,
    "nams": False,
    "fonds": True,
    "dienests": True,
    "birojs": False,
    "departaments": True,
    "institūts": True,
    "klubs": False,
    "muzejs": False,
    "teātris": False,
    "sekretariāts": True,
    "parlaments": True,
    "reģions": False,
    "nodibinājums": True,
    "komiteja": True,
    "tīkls": False,
    "kustība": False,
    "tiesa": True,
    "prokuratūra": True,
    "kontrole": True,
    "kabinets": True,
    "partija": True,
    "banka": False,
    "fakultāte": False,
    "klīnika": False,
    "vēstniecība": True,
    "konsulāts": True,
    "federācija": True,
    "kamera": True,
    "alianse": True,
    "uzņēmums": False,
    "koncerns": False,
    "kompānija": False,
    "izdevniecība": False,
    "apgāds": False,
    "laikraksts": False,
    "avīze": False,
    "žurnāls": False,
    "portāls": False,
    "televīzija": False,
    "orķestris": False,
    "koris": False,
    "ansamblis": False,
    "tehnikums": False,
    "pašpārvalde": False,
    "armija": False,
    "galerija": False,
    "studija": False,
    "platforma": False,
}
# heads that also head compounds: "pamatskola", "vidusskola", "arodbiedrība", "kultūrnams"
COMPOUND_HEADS = ("skola", "biedrība", "nams", "slimnīca", "bibliotēka", "aģentūra")
# heads whose own name may follow in quotes: biedrība “House of Hope”, centrs “Vizium”
QUOTE_HEADS = {
    "telpa",  # "jauniešu telpa “Ozolzīle”"
    "platforma",
    "biedrība",
    "centrs",
    "nodibinājums",
    "klubs",
    "nams",
    "māja",
    "fonds",
    "skola",
    "apvienība",
    "organizācija",
    "muzejs",
    "teātris",
    "ģimnāzija",
    "koledža",
    "asociācija",
    "kustība",
    "tīkls",
    "uzņēmums",
    "koncerns",
    "kompānija",
    "banka",
    "laikraksts",
    "avīze",
    "žurnāls",
    "izdevniecība",
    "apgāds",
    "portāls",
    "partija",
    "aģentūra",
    "studija",
    "orķestris",
    "koris",
    "ansamblis",
    "galerija",
    "televīzija",
    "padome",
    "dome",
    "pašpārvalde",
    "tehnikums",
}
# All-capitals words that are not organisations: countries, currencies, taxes, formats.
NOT_ORG_ACRONYMS = frozenset(
    "ASV PSRS LR LPSR EUR USD GBP RUB PVN IIN IKP CV IT TV PC SMS PDF HTML DJ OK ID UN VAI "
    "ARĪ NĒ JĀ COVID HIV AIDS DNS NVO MVU ES".split()
)
# Heads that only describe the quoted name after them: uzņēmums “Latvenergo” is “Latvenergo”.
DESCRIPTOR_HEADS = frozenset(
    "uzņēmums koncerns kompānija banka laikraksts avīze žurnāls izdevniecība apgāds portāls "
    "partija aģentūra studija orķestris koris ansamblis galerija televīzija".split()
)
# Words before a quoted name that make it a title, not an organisation: projekts “…”.
TITLE_STEMS = (
    "projekt", "programm", "konkurs", "pasākum", "forum", "festivāl", "konferenc", "seminār",
    "nometn", "akcij", "kampaņ", "iniciatīv", "film", "grāmat", "dziesm", "album", "izrād",
    "oper", "raidījum", "seriāl", "spēl", "rakst", "sērij", "nominācij", "balv", "tēm", "moto",
    "saukl", "devīz", "nosaukum", "kategorij", "izstād", "lekcij", "darbnīc", "apmācīb",
    "kurs", "modul", "metod", "rokasgrāmat", "ceļved", "nolikum", "likum", "stratēģij", "plān",
    "dokument", "ziņojum", "pētījum", "aptauj", "diskusij", "sadaļ", "aktivitāt", "koncert",
    "sacensīb", "turnīr", "čempionāt", "izaicinājum", "vietn", "lap", "tikšan", "vakar",
    "svinīb", "uzsauk", "dzejol", "stāst", "lugu", "lug", "gleznu", "glezn", "darb", "vārd",
    "apakšsadaļ", "pieteikum", "saukt", "dēvēt", "nosauk",
)  # fmt: skip
# Legal forms written before a company's quoted name: SIA “Akselss”, AS “Latvenergo”.
LEGAL_FORMS = frozenset({"SIA", "AS", "VAS", "PSIA", "A/S", "a/s", "IK", "ZS", "BO"})
NEEDS_BEFORE = {
    "reģions": {"plānošanas"},  # "Kurzemes reģions" is a place, not a body
    "telpa": {"jauniešu", "Jauniešu"},  # "Palsmanes jauniešu telpa"; "telpās" alone is rooms
}
STOP = {
    "ar",
    "uz",
    "no",
    "par",
    "pie",
    "kā",
    "ka",
    "arī",
    "to",
    "tā",
    "šī",
    "jau",
    "gan",
    "bet",
    "vai",
    "pēc",
    "pret",
    "starp",
    "caur",
    "līdz",
    "bez",
    "kas",
    "kur",
    "kura",
    "kuru",
    "ko",
    "lai",
    "tiek",
    "tika",
    "bija",
    "ir",
    "ietvaros",
    "laikā",
    "tas",
    "tās",
    "visas",
    "savas",
    "savu",
    "mūsu",
    "viņu",
    "tajā",
    "šajā",
    "kopā",
    "tad",
    "tur",
    "citu",
    "citas",
    "ļoti",
    "sadarbībā",
    "iespēja",
    "iespējas",
    "reizēm",
    "tostarp",
    "tikai",
    "vairāk",
    "mazāk",
}
CAP_MODIFIERS = {"Valsts", "Plus"}
MOD_ENDINGS = ("as", "es", "us", "u", "a", "ā", "ās", "o", "ais", "ajam", "ajā", "ajai", "ajām")

#: Head nouns a role phrase may use for an organisation of a narrower kind: a "skolas
#: direktors" on a page about a ģimnāzija is its director ("skola" covers the school kinds).
ORG_KIND_FAMILIES: dict[str, frozenset[str]] = {
    "skola": frozenset(
        {"ģimnāzija", "vidusskola", "pamatskola", "sākumskola", "tehnikums", "licejs", "koledža"}
    ),
    "centrs": frozenset({"jauniešu centrs", "jaunatnes centrs"}),
    "iestāde": frozenset({"pašvaldība", "pārvalde", "aģentūra", "ministrija", "dienests"}),
}

#: Kinds of organisation that are also a place where things happen (a culture house, a
#: library, a school, a youth centre): an event "Madonas Kultūras namā" is held there.
#: Bodies (a municipality, a ministry, an association) are not venues.
VENUE_KINDS = frozenset(
    {
        "nams", "centrs", "bibliotēka", "skola", "vidusskola", "pamatskola", "sākumskola",
        "ģimnāzija", "tehnikums", "koledža", "universitāte", "akadēmija", "muzejs", "teātris",
        "telpa", "māja", "zāle", "klubs", "halle", "viesnīca", "komplekss", "filiāle",
        "kinoteātris", "stadions", "baseins", "estrāde", "pils",
    }
)  # fmt: skip

#: Heads that name a part of another organisation when one is named in their chain ("Naujenes
#: jaunatnes un sporta centra jauniešu telpa" is the centre's room, not a body of its own).
PART_HEADS = frozenset({"telpa"})

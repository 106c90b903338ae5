"""Synthetic Latvian-like documents for benchmarks, recombined from the shipped corpus."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

NAMES = [
    "Anna Kalniņa",
    "Jānis Bērziņš",
    "Ilze Ozola",
    "Māris Liepiņš",
    "Laura Krūmiņa",
    "Edgars Vītols",
    "Sandra Zariņa",
    "Kristaps Eglītis",
    "Dace Siliņa",
    "Roberts Balodis",
]
PLACES = [
    "Valmierā",
    "Jelgavā",
    "Rēzeknē",
    "Cēsīs",
    "Daugavpilī",
    "Talsos",
    "Kuldīgā",
    "Jēkabpilī",
    "Ludzā",
    "Bauskā",
    "Tukumā",
    "Madonā",
]
MONTHS = [
    "janvārī",
    "februārī",
    "martā",
    "aprīlī",
    "maijā",
    "jūnijā",
    "jūlijā",
    "augustā",
    "septembrī",
    "oktobrī",
    "novembrī",
    "decembrī",
]


def corpus_sentences() -> list[str]:
    """Sentences of the shipped corpus (a rough split is enough for synthetic text)."""
    out = []
    for path in sorted((REPO / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out.extend(
            s.strip()
            for s in re.split(r"(?<=[.!?])\s+(?=[A-ZĀČĒĢĪĶĻŅŠŪŽ])", text)
            if len(s.strip()) > 40
        )
    return out


def synthetic_documents(n_docs: int, seed: int = 7) -> list[tuple[str, str]]:
    """``n_docs`` (name, text) pairs of 6–10 paragraphs of recombined Latvian sentences."""
    rng = random.Random(seed)
    sentences = corpus_sentences()
    words = sorted({w for s in sentences for w in s.split() if w.isalpha() and len(w) > 4})
    docs = []
    for d in range(n_docs):
        paragraphs = []
        for _ in range(rng.randint(6, 10)):
            chosen = rng.sample(sentences, rng.randint(1, 3))
            lead = (
                f"{rng.randint(1, 28)}. {rng.choice(MONTHS)} {rng.choice(PLACES)} "
                f"{rng.choice(NAMES)} stāstīja par {rng.choice(words).lower()}."
            )
            mixed = [
                " ".join(w if rng.random() > 0.15 else rng.choice(words) for w in s.split())
                for s in chosen
            ]
            paragraphs.append(" ".join([lead, *mixed]))
        title = f"Jaunatnes darba ziņa {d + 1}: {rng.choice(words)} {rng.choice(PLACES)}"
        docs.append((f"zina-{d:05d}.txt", title + "\n\n" + "\n\n".join(paragraphs) + "\n"))
    return docs


def write_corpus(directory: Path, n_docs: int, seed: int = 7) -> Path:
    """Write a synthetic corpus of ``n_docs`` text files into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in synthetic_documents(n_docs, seed):
        (directory / name).write_text(text, encoding="utf-8")
    return directory


# -- corpora at scale: many people, organisations, places, events and projects --------------

FIRST_NAMES_F = [
    "Anna", "Ilze", "Laura", "Sandra", "Dace", "Inese", "Kristīne", "Liene", "Agnese", "Elīna",
    "Madara", "Zane", "Baiba", "Santa", "Līga", "Ieva", "Marta", "Evija", "Linda", "Rūta",
]  # fmt: skip
FIRST_NAMES_M = [
    "Jānis", "Māris", "Edgars", "Kristaps", "Roberts", "Andris", "Mārtiņš", "Artūrs", "Uldis",
    "Gatis", "Raivis", "Toms", "Oskars", "Lauris", "Aivis", "Kārlis", "Reinis", "Valdis",
]  # fmt: skip
#: (masculine, feminine) surname forms.
SURNAMES = [
    ("Kalniņš", "Kalniņa"), ("Bērziņš", "Bērziņa"), ("Ozols", "Ozola"), ("Liepiņš", "Liepiņa"),
    ("Krūmiņš", "Krūmiņa"), ("Vītols", "Vītola"), ("Zariņš", "Zariņa"), ("Eglītis", "Eglīte"),
    ("Siliņš", "Siliņa"), ("Balodis", "Balode"), ("Kļaviņš", "Kļaviņa"), ("Jansons", "Jansone"),
    ("Vanags", "Vanaga"), ("Lapiņš", "Lapiņa"), ("Pētersons", "Pētersone"), ("Āboliņš", "Āboliņa"),
    ("Freimanis", "Freimane"), ("Sproģis", "Sproģe"), ("Medens", "Medne"), ("Kārkliņš", "Kārkliņa"),
    ("Strazdiņš", "Strazdiņa"), ("Grīnbergs", "Grīnberga"), ("Celms", "Celma"), ("Dzenis", "Dzene"),
]  # fmt: skip
#: (nominative, genitive, locative) of towns.
TOWNS = [
    ("Valmiera", "Valmieras", "Valmierā"), ("Jelgava", "Jelgavas", "Jelgavā"),
    ("Rēzekne", "Rēzeknes", "Rēzeknē"), ("Cēsis", "Cēsu", "Cēsīs"),
    ("Daugavpils", "Daugavpils", "Daugavpilī"), ("Talsi", "Talsu", "Talsos"),
    ("Kuldīga", "Kuldīgas", "Kuldīgā"), ("Jēkabpils", "Jēkabpils", "Jēkabpilī"),
    ("Ludza", "Ludzas", "Ludzā"), ("Bauska", "Bauskas", "Bauskā"), ("Tukums", "Tukuma", "Tukumā"),
    ("Madona", "Madonas", "Madonā"), ("Sigulda", "Siguldas", "Siguldā"),
    ("Limbaži", "Limbažu", "Limbažos"), ("Gulbene", "Gulbenes", "Gulbenē"),
    ("Preiļi", "Preiļu", "Preiļos"), ("Saldus", "Saldus", "Saldū"), ("Dobele", "Dobeles", "Dobelē"),
    ("Alūksne", "Alūksnes", "Alūksnē"), ("Balvi", "Balvu", "Balvos"),
    ("Krāslava", "Krāslavas", "Krāslavā"), ("Aizkraukle", "Aizkraukles", "Aizkrauklē"),
    ("Smiltene", "Smiltenes", "Smiltenē"), ("Ventspils", "Ventspils", "Ventspilī"),
]  # fmt: skip
#: (nominative, accusative, English) of the kinds of event a news page reports.
EVENTS = [
    ("jauniešu forums", "jauniešu forumu", "youth forum"),
    ("pieredzes apmaiņa", "pieredzes apmaiņu", "study visit"),
    ("apmācības", "apmācības", "training"),
    ("tikšanās", "tikšanos", "meeting"),
    ("radošā darbnīca", "radošo darbnīcu", "workshop"),
    ("konference", "konferenci", "conference"),
    ("talka", "talku", "clean-up day"),
    ("nometne", "nometni", "summer camp"),
]
ROLES_F = ["jaunatnes lietu speciāliste", "projekta vadītāja", "jaunatnes darbiniece"]
ROLES_M = ["jaunatnes lietu speciālists", "projekta vadītājs", "jaunatnes darbinieks"]
ORG_KINDS = ["jauniešu centrs", "jauniešu iniciatīvu centrs", "jauniešu dome"]
FUNDERS = [
    "Jaunatnes starptautisko programmu aģentūra",
    "Izglītības un zinātnes ministrija",
    "Eiropas Solidaritātes korpuss",
    "pašvaldības budžets",
]


def _person(rng: random.Random) -> tuple[str, str]:
    """(full name, role) of a made-up Latvian youth worker."""
    pair = rng.choice(SURNAMES)
    if rng.random() < 0.6:
        return f"{rng.choice(FIRST_NAMES_F)} {pair[1]}", rng.choice(ROLES_F)
    return f"{rng.choice(FIRST_NAMES_M)} {pair[0]}", rng.choice(ROLES_M)


class ScaleCorpus:
    """Documents for benchmarks at scale, each with the facts the questions ask about.

    Every document names an event in a town on a date, the organisation that ran it, the
    person who led it and their role, a numbered project and its funder, around paragraphs of
    recombined sentences of the shipped corpus, so the directory has people, organisations,
    places, projects and events to extract and look up.
    """

    def __init__(self, seed: int = 11) -> None:
        self.seed = seed
        self._sentences = corpus_sentences()
        self._words = sorted(
            {w for s in self._sentences for w in s.split() if w.isalpha() and len(w) > 4}
        )

    def _facts(self, number: int) -> dict[str, str]:
        rng = random.Random(f"{self.seed}-facts-{number}")
        town = rng.choice(TOWNS)
        event = rng.choice(EVENTS)
        name, role = _person(rng)
        author, _ = _person(rng)
        word = rng.choice(self._words).capitalize()
        return {
            "town": town[0],
            "town_gen": town[1],
            "town_loc": town[2],
            "event": event[0],
            "event_acc": event[1],
            "event_en": event[2],
            "org": f"{town[1]} {rng.choice(ORG_KINDS)} “{word}”",
            "person": name,
            "role": role,
            "author": author,
            "project": f"{rng.choice(self._words).capitalize()} {rng.randint(2019, 2026)}",
            "project_no": f"{rng.randint(2019, 2026)}-{rng.randint(1, 3)}-LV02-"
            f"KA{rng.choice((152, 154, 220))}-{rng.randint(100000, 999999):06d}",
            "funder": rng.choice(FUNDERS),
            "day": str(rng.randint(1, 28)),
            "month": rng.choice(MONTHS),
            "year": str(rng.randint(2019, 2026)),
            "count": str(rng.randint(12, 140)),
        }

    def document(self, number: int) -> tuple[str, str]:
        """The (file name, text) of document ``number`` (the same for the same seed)."""
        f = self._facts(number)
        rng = random.Random(f"{self.seed}-text-{number}")
        title = f"{f['event'].capitalize()} {f['town_loc']} pulcēja {f['count']} dalībniekus"
        lead = (
            f"{f['year']}. gada {f['day']}. {f['month']} {f['town_loc']} notika {f['event']},"
            f" ko organizēja {f['org']}. Pasākumu vadīja {f['person']}, {f['role']}."
        )
        project = (
            f"Pasākums ir daļa no projekta “{f['project']}” (Nr. {f['project_no']}), ko"
            f" finansē {f['funder']}. Projektā piedalās jaunieši no {f['town_gen']} novada."
        )
        paragraphs = [lead, project]
        for _ in range(rng.randint(5, 8)):
            chosen = rng.sample(self._sentences, rng.randint(1, 3))
            mixed = [
                " ".join(w if rng.random() > 0.15 else rng.choice(self._words) for w in s.split())
                for s in chosen
            ]
            paragraphs.append(" ".join(mixed))
        paragraphs.append(f"Informāciju sagatavoja {f['author']}.")
        text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
        return f"zina-{self.seed}-{number:07d}.txt", text

    def write(self, directory: Path, numbers: range) -> int:
        """Write documents ``numbers`` into ``directory``; returns how many were written."""
        directory.mkdir(parents=True, exist_ok=True)
        for n in numbers:
            name, text = self.document(n)
            (directory / name).write_text(text, encoding="utf-8")
        return len(numbers)

    def questions(self, numbers: Sequence[int], per_type: int) -> list[tuple[str, str]]:
        """(type, question) pairs about documents ``numbers``, ``per_type`` of each type.

        Types as in the eval sets: who, when, where, how (Latvian) and en (English).
        """
        rng = random.Random(f"{self.seed}-questions")
        picked = rng.sample(list(numbers), min(len(numbers), per_type))
        out: list[tuple[str, str]] = []
        for i, n in enumerate(picked):
            f = self._facts(n)
            who = [
                f"Kas vadīja {f['event_acc']} {f['town_loc']}?",
                f"Kas ir {f['person']}?",
                f"Kas organizēja {f['event_acc']} {f['town_loc']}?",
            ]
            when = [
                f"Kad notika {f['event']} {f['town_loc']}?",
                f"Kurā datumā {f['org']} rīkoja {f['event_acc']}?",
            ]
            where = [
                f"Kur notika {f['event']}, ko vadīja {f['person']}?",
                f"Kurā pilsētā darbojas {f['org']}?",
            ]
            how = [
                f"Kā tiek finansēts projekts “{f['project']}”?",
                f"Kas ir projekta “{f['project']}” mērķis?",
            ]
            en = [
                f"Who led the {f['event_en']} in {f['town']}?",
                f"When did the {f['event_en']} in {f['town']} take place?",
            ]
            for kind, options in (
                ("who", who),
                ("when", when),
                ("where", where),
                ("how", how),
                ("en", en),
            ):
                out.append((kind, options[i % len(options)]))
        return out

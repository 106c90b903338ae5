"""Synthetic Latvian-like documents for benchmarks, recombined from the shipped corpus."""

from __future__ import annotations

import random
import re
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

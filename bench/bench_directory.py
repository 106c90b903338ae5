"""The directory at scale: first load, who/when/where question time and their growth with size.

Builds the directory (rule extraction + FactStore in an SQLite file; nothing is embedded) of
synthetic Latvian corpora (``bench/synth.py``) of about 1k, 10k and 50k chunks' worth of
documents, and prints for each size:

  * write: extracting is reported apart; the time to store every document's facts;
  * cold question: a new connection and FactStore, then the first directory question (all the
    directory loads to answer it): the directory's share of a cold ``youthbot ask``; its CPU
    time too, which a shared machine's load moves less than the wall clock;
  * cold listings: ``people``/``orgs``/``events``/``projects`` each on a fresh store (each CLI
    command is a new process);
  * warm question p50/p95 by type (who, when, where), and how many of them the directory answered;
  * the growth ratio between consecutive sizes for each figure (linear growth = the size ratio).

The synthetic documents name people from a pool of ``--people`` distinct names (synth.py's own
ten when 0); facts are extracted once for the largest size and cached (``--cache``), the smaller
sizes are prefixes of the same documents.

Usage: .venv/bin/python bench/bench_directory.py [--chunks 1000,10000,50000] [--people 300]
"""

from __future__ import annotations

import argparse
import inspect
import itertools
import pickle
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402

QUESTIONS: dict[str, list[str]] = {
    "who": [
        "Kas organizēja tikšanos Liepājā?",
        "Kas ir Anna Kalniņa?",
        "Kas vada biedrību House of Hope?",
        "Kas piedalījās seminārā Valmierā?",
        "Kas no Ogres devās uz Lietuvu?",
        "Who organised the meeting in Liepāja?",
        "Kas vadīja jauniešu forumu Balvos?",
    ],
    "when": [
        "Kad notika pasākums Ventspilī?",
        "Kad notika seminārs Jelgavā?",
        "Kad notika projekta 3.1.1.2.i.0/1/22/I/VARAM/001 tikšanās?",
        "When did the meeting in Kuldīga take place?",
        "Kad notika tikšanās ar Ilonu Reinholdi?",
    ],
    "where": [
        "Kur notika apmācības par starpsektoru sadarbību?",
        "Kur notika pasākums 26. janvārī?",
        "Kur notika nometne?",
        "Where did the training take place?",
        "Kur notika Kurzemes plānošanas reģiona rīkotā tikšanās?",
    ],
}
GIVEN = (
    "Anna Ilze Laura Sandra Dace Līga Inese Ieva Kristīne Agnese Marta Elīna Zane Baiba Santa "
    "Jānis Māris Edgars Kristaps Roberts Andris Juris Artūrs Mārtiņš Raivis Toms Gatis Aivars"
).split()
SURNAMES = (
    "Kalniņ Bērziņ Ozol Liepiņ Krūmiņ Vītol Zariņ Eglīt Siliņ Balod Kļaviņ Lūsis Jansons "
    "Pētersons Ābol Gail Upīt Zālīt Celmiņ Priede Rozīt Strautiņ Grīnberg Vilks Krastiņ"
).split()


def pct(values: list[float], q: float) -> float:
    """The q-quantile (0..1) of values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _surname(stem: str, feminine: bool) -> str:
    if stem.endswith(("s", "e")):  # Lūsis, Jansons, Priede: the same for both
        return stem if not feminine or not stem.endswith("s") else stem[:-1] + "e"
    return stem + ("a" if feminine else ("š" if stem.endswith("iņ") else "s"))


def name_pool(n: int, seed: int = 3) -> list[str]:
    """``n`` distinct Latvian names (given name and surname agreeing in gender)."""
    rng = random.Random(seed)
    pairs = list(itertools.product(GIVEN, SURNAMES))
    rng.shuffle(pairs)
    out = []
    for given, stem in pairs[:n]:
        feminine = given.endswith("a") or given.endswith("e")
        out.append(f"{given} {_surname(stem, feminine)}")
    return out


def documents(target_chunks: int, people: int) -> list[tuple[str, str, int]]:
    """``(name, text, chunks)`` of synthetic documents until ``target_chunks`` chunks."""
    from youthbot.chunk import chunk_document
    from youthbot.types import Document

    if people:
        synth.NAMES = name_pool(people)
    out: list[tuple[str, str, int]] = []
    total, batch = 0, 256
    while total < target_chunks:
        docs = synth.synthetic_documents(len(out) + batch)[len(out) :]
        for name, text in docs:
            n = len(chunk_document(Document(name, "", text, None, "txt", "")))
            out.append((name, text, n))
            total += n
            if total >= target_chunks:
                break
    return out


def extract_all(docs: list[tuple[str, str, int]], cache: Path | None) -> list[Any]:
    """The facts of every document (from ``cache`` when it holds them for these documents)."""
    from youthbot.directory.extract import extract_facts
    from youthbot.types import Document

    if cache is not None and cache.exists():
        stored = pickle.loads(cache.read_bytes())
        if stored["names"][: len(docs)] == [d[0] for d in docs]:
            print(f"facts from {cache}", flush=True)
            return stored["facts"][: len(docs)]
    t = time.perf_counter()
    facts = []
    for name, text, _ in docs:
        doc = Document(name, text.splitlines()[0], text, "2024-03-01", "txt", "")
        facts.append(extract_facts(doc))
    took = time.perf_counter() - t
    print(
        f"extracted {len(docs)} documents in {took:.1f} s ({took / len(docs) * 1000:.1f} ms"
        " per document)",
        flush=True,
    )
    if cache is not None:
        cache.write_bytes(pickle.dumps({"names": [d[0] for d in docs], "facts": facts}))
    return facts


def write_store(path: Path, docs: list[tuple[str, str, int]], facts: list[Any]) -> float:
    """Store the facts of ``docs`` in a new SQLite file; the seconds it took."""
    from youthbot.directory.db import FactStore

    conn = sqlite3.connect(path)
    store = FactStore(conn)
    store.create_schema()
    t = time.perf_counter()
    for (name, _, _), f in zip(docs, facts, strict=True):
        store.replace_document(name, f)
    conn.commit()
    took = time.perf_counter() - t
    conn.close()
    return took


def asker(texts: dict[str, str]) -> Callable[[Any, str], Any]:
    """``ask(store, question)`` for the code under test (a ``Question`` or a string)."""
    from youthbot.directory.answer import answer_from_directory
    from youthbot.types import Chunk, Passage

    def passage_for_span(doc: str, start: int, end: int) -> Passage:
        text = texts[doc]
        return Passage(Chunk(doc, 0, start, end, text[start:end]), 1.0, doc)

    annotation = inspect.signature(answer_from_directory).parameters["question"].annotation
    if "Question" in str(annotation):
        from youthbot.question import analyse_question

        analysed: dict[str, Any] = {}

        def ask(store: Any, question: str) -> Any:
            q = analysed.get(question)
            if q is None:
                q = analysed[question] = analyse_question(question)
            return answer_from_directory(q, store, passage_for_span)

        for q in itertools.chain(*QUESTIONS.values()):  # analysed once, as the pipeline does
            analysed[q] = analyse_question(q)
        return ask
    return lambda store, question: answer_from_directory(question, store, passage_for_span)


def measure(path: Path, texts: dict[str, str], rounds: int) -> dict[str, float]:
    """The figures of one size."""
    from youthbot.directory.db import FactStore

    ask = asker(texts)
    out: dict[str, float] = {}

    def fresh() -> FactStore:
        return FactStore(sqlite3.connect(path))

    first = QUESTIONS["who"][0]
    t, cpu = time.perf_counter(), time.process_time()
    ask(fresh(), first)
    out["cold question"] = time.perf_counter() - t
    out["cold q (cpu)"] = time.process_time() - cpu
    for listing in ("people", "orgs", "events", "projects"):
        store = fresh()
        t = time.perf_counter()
        getattr(store, listing)()
        out[f"cold {listing}"] = time.perf_counter() - t
    store = fresh()
    for q in itertools.chain(*QUESTIONS.values()):
        ask(store, q)
    for kind, questions in QUESTIONS.items():
        times, answered = [], 0
        for _ in range(rounds):
            for q in questions:
                t = time.perf_counter()
                answer = ask(store, q)
                times.append(time.perf_counter() - t)
                answered += answer is not None
        out[f"{kind} p50"] = pct(times, 0.5)
        out[f"{kind} p95"] = pct(times, 0.95)
        out[f"{kind} answered"] = answered / rounds
    out["counts"] = store.counts()  # type: ignore[assignment]
    return out


def main() -> int:
    """Build each size, measure, print the table and the growth ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chunks", default="1000,10000,50000")
    parser.add_argument("--people", type=int, default=300, help="distinct names (0: synth's)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=None, help="pickle of extracted facts")
    args = parser.parse_args()
    sizes = [int(s) for s in args.chunks.split(",")]
    docs = documents(max(sizes), args.people)
    facts = extract_all(docs, args.cache)
    texts = {name: text for name, text, _ in docs}
    rows: list[tuple[int, int, dict[str, float]]] = []
    with tempfile.TemporaryDirectory(prefix="bench-directory-") as tmp:
        for size in sizes:
            n_docs, total = 0, 0
            while total < size:
                total += docs[n_docs][2]
                n_docs += 1
            path = Path(tmp) / f"dir-{size}.sqlite"
            took = write_store(path, docs[:n_docs], facts[:n_docs])
            figures = measure(path, texts, args.rounds)
            figures["write"] = took
            rows.append((total, n_docs, figures))
            counts = figures["counts"]
            print(f"{total} chunks, {n_docs} documents: {counts}", flush=True)
    people = f"{args.people} distinct names" if args.people else "synth.py's ten names"
    print(
        f"\nsynthetic corpus ({people}), figures in ms; answered = directory answers of the"
        " questions of that type"
    )
    keys = ["write", "cold question", "cold q (cpu)", "cold people", "cold orgs", "cold events",
            "cold projects", "who p50", "who p95", "when p50", "when p95", "where p50",
            "where p95"]  # fmt: skip
    print(f"{'figure':<16}" + "".join(f"{f'{t} ch':>12}" for t, _, _ in rows)
          + "".join(f"{f'x{i + 1}/x{i}':>10}" for i in range(1, len(rows))))  # fmt: skip
    for key in keys:
        values = [f[key] for _, _, f in rows]
        cells = "".join(f"{v * 1000:>12.1f}" for v in values)
        ratios = "".join(
            f"{b / a if a else float('nan'):>10.1f}" for a, b in itertools.pairwise(values)
        )
        print(f"{key:<16}{cells}{ratios}")
    print(
        f"{'size ratio':<16}"
        + " " * 12 * len(rows)
        + "".join(f"{b / a:>10.1f}" for (a, _, _), (b, _, _) in itertools.pairwise(rows))
    )
    for kind in QUESTIONS:
        answered = " ".join(f"{f[f'{kind} answered']:.0f}/{len(QUESTIONS[kind])}" for *_, f in rows)
        print(f"{kind} answered by the directory: {answered}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

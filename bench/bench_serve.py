"""`youthbot serve` under load: concurrent clients asking over HTTP on 127.0.0.1.

Usage::

    python bench/bench_serve.py [--index DIR] [--clients 20] [--questions 25] [--port 0]

Starts `youthbot serve` as its own process (extractive: no LLM configured) over ``--index``
(without it, an index of the shipped corpus is built in a temporary folder first, not timed),
waits until it answers, then runs one client alone (the baseline) and ``--clients`` clients at
once, each asking ``--questions`` questions one after another with no pause (POST /api/ask,
each client its own connection). Every request is bounded by a timeout and the whole run by
``--deadline`` seconds. Prints p50/p95/max latency, throughput, errors (must be 0) and the
server's resident memory before and after. Target (issue 13): p50 < 300 ms with 20 clients
on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV_QUESTIONS = Path("/work/shared/eval/dev.jsonl")
#: Questions written for this bench (Latvian and English), used beside any dev questions.
QUESTIONS = [
    "Kas organizēja tikšanos Liepājā?",
    "Kurā datumā Liepājas pašvaldībā pulcējās Kurzemes reģiona speciālisti?",
    "Kas ir projekta Starpnovadu tīklošanās galvenais mērķis?",
    "Kuras valstis dalījās pieredzē Ogres komandas apmācībās?",
    "Kas finansē jaunatnes darbinieku apmācības?",
    "Kur notika jauniešu apmācības?",
    "Kas vadīja Liepājas Jauniešu māju?",
    "Kāds ir projekta numurs?",
    "What did the Kurzeme youth specialists discuss in Liepāja?",
    "Who organised the training in Ogre?",
    "Kas organizēja jauniešu sporta spēles Jelgavā 2021. gadā?",
    "Cik ilgi ilgst projekts?",
]
P50_TARGET_MS = 300.0


def _questions() -> list[str]:
    out = list(QUESTIONS)
    if DEV_QUESTIONS.exists():
        for line in DEV_QUESTIONS.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["q"])
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _rss_mb(pid: int) -> float:
    import psutil

    return psutil.Process(pid).memory_info().rss / 1e6


def _cpu_s(pid: int) -> float:
    import psutil

    times = psutil.Process(pid).cpu_times()
    return times.user + times.system


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _client(
    base: str,
    questions: list[str],
    offset: int,
    count: int,
    deadline: float,
    latencies: list[float],
    errors: list[str],
) -> None:
    import httpx

    with httpx.Client(base_url=base, timeout=30.0) as client:
        for i in range(count):
            if time.monotonic() > deadline:
                errors.append("deadline passed before all questions were asked")
                return
            question = questions[(offset + i) % len(questions)]
            started = time.perf_counter()
            try:
                response = client.post("/api/ask", json={"question": question})
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200 or "answered" not in response.json():
                    errors.append(f"{response.status_code}: {response.text[:120]}")
                    continue
            except Exception as exc:  # noqa: BLE001 - counted, the run goes on
                errors.append(f"{type(exc).__name__}: {exc}")
                continue
            latencies.append(elapsed)


def _run(
    base: str, clients: int, count: int, deadline_s: float
) -> tuple[list[float], list[str], float]:
    questions = _questions()
    latencies: list[float] = []
    errors: list[str] = []
    deadline = time.monotonic() + deadline_s
    threads = [
        threading.Thread(
            target=_client, args=(base, questions, c * 7, count, deadline, latencies, errors)
        )
        for c in range(clients)
    ]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(deadline_s + 60)
    return latencies, errors, time.perf_counter() - started


def _report(name: str, latencies: list[float], errors: list[str], seconds: float) -> None:
    if not latencies:
        print(f"{name}: no answers; errors: {errors[:3]}")
        return
    print(
        f"{name}: {len(latencies)} answers in {seconds:.1f} s ({len(latencies) / seconds:.1f}/s);"
        f" p50 {statistics.median(latencies):.0f} ms, p95 {_percentile(latencies, 0.95):.0f} ms,"
        f" max {max(latencies):.0f} ms; errors {len(errors)}"
    )
    for line in errors[:3]:
        print("   error:", line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path)
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--questions", type=int, default=25)
    parser.add_argument("--deadline", type=float, default=300.0, help="seconds for the whole run")
    args = parser.parse_args()

    youthbot = Path(sys.executable).with_name("youthbot")
    env = {k: v for k, v in os.environ.items() if not k.startswith("YOUTHBOT_")}
    env["YOUTHBOT_CONFIG"] = os.devnull
    with tempfile.TemporaryDirectory() as tmp:
        index = args.index
        if index is None:
            index = Path(tmp) / "embeddings"
            print(f"building an index of {args.corpus} (not timed) …", flush=True)
            subprocess.run(
                [str(youthbot), "--index", str(index), "--corpus", str(args.corpus), "index"],
                check=True,
                env=env,
                capture_output=True,
            )
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [str(youthbot), "--index", str(index), "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            import httpx

            up = time.monotonic() + 120
            while True:
                try:
                    answer = httpx.get(base + "/api/stats", timeout=2)
                except httpx.HTTPError:
                    answer = None  # not listening yet
                if answer is not None and answer.status_code == 200:
                    break
                if answer is not None:  # up, but it cannot answer: an index to update, …
                    print(f"the server answers {answer.status_code}: {answer.text[:500]}")
                    return 1
                if time.monotonic() > up or server.poll() is not None:
                    err = server.stderr.read().decode() if server.stderr else ""
                    print("the server did not start:", err[-2000:])
                    return 1
                time.sleep(0.2)
            stats = httpx.get(base + "/api/stats").json()
            print(
                f"server pid {server.pid} on {base}: {stats['documents']} documents,"
                f" {stats['chunks']} chunks; {os.cpu_count()} cores; extractive"
            )
            _run(base, 1, 5, args.deadline)  # warm-up: first answers load caches
            before = _rss_mb(server.pid)
            print(f"server memory before: {before:.0f} MB")
            print(
                f"load average before: {os.getloadavg()[0]:.1f} (other processes share the cores)"
            )
            single = _run(base, 1, args.questions, args.deadline)
            _report("1 client (baseline)", *single)
            cpu, mine = _cpu_s(server.pid), _cpu_s(os.getpid())
            many = _run(base, args.clients, args.questions, args.deadline)
            cpu, mine = _cpu_s(server.pid) - cpu, _cpu_s(os.getpid()) - mine
            _report(f"{args.clients} clients × {args.questions} questions", *many)
            if many[0]:
                per = cpu / len(many[0]) * 1000
                print(
                    f"the clients' own CPU per answer: {mine / len(many[0]) * 1000:.0f} ms"
                    " (on the same cores)"
                )
                print(
                    f"server CPU per answer: {per:.0f} ms (so {os.cpu_count()} free cores serve at"
                    f" most {os.cpu_count() * 1000 / per:.0f} answers/s); load average after:"
                    f" {os.getloadavg()[0]:.1f}"
                )
            after = _rss_mb(server.pid)
            print(f"server memory after: {after:.0f} MB ({after - before:+.0f} MB)")
            if single[0] and many[0]:
                ratio = statistics.median(many[0]) / statistics.median(single[0])
                print(f"p50 with {args.clients} clients / p50 alone: {ratio:.1f}×")
            p50 = statistics.median(many[0]) if many[0] else float("inf")
            verdict = "meets" if p50 < P50_TARGET_MS and not many[1] else "misses"
            print(f"target p50 < {P50_TARGET_MS:.0f} ms with 0 errors: {verdict} ({p50:.0f} ms)")
            return 0 if not many[1] else 1
        finally:
            server.terminate()
            try:
                server.wait(20)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    sys.exit(main())

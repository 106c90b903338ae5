"""A real full disk (ENOSPC) during a build: a small tmpfs mounted in a user namespace.

``tests/test_cli_bad_input.py`` covers the same path with a file-size limit (EFBIG) everywhere;
this one needs ``unshare -rm`` (user namespaces, no root) and is skipped without it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

YOUTHBOT = str(Path(sys.executable).parent / "youthbot")
ARTICLE = (
    "Jauniešu centrs Ventspilī rīkoja vasaras nometni. Nometnē piedalījās trīsdesmit jaunieši "
    "no Kurzemes novadiem.\n\nNometni vadīja jaunatnes darbiniece Ilze Kalniņa.\n"
)

SCRIPT = r"""
set -u
mount -t tmpfs -o size=4m tmpfs "$DISK"
"$YOUTHBOT" --index "$DISK/idx" index "$DOCS" 2> "$OUT/first.err"; echo $? > "$OUT/first.rc"
cp -r "$DISK/idx" "$OUT/before"
"$PYTHON" -c 'import shutil, sys; d = sys.argv[1]; free = shutil.disk_usage(d).free
open(d + "/filler", "wb").write(b"0" * max(0, free - int(sys.argv[2])))' "$DISK" "$LEAVE"
cp "$BIG" "$DOCS/"
"$YOUTHBOT" --index "$DISK/idx" index "$DOCS" 2> "$OUT/second.err"; echo $? > "$OUT/second.rc"
rm "$DISK/filler"
"$YOUTHBOT" --index "$DISK/idx" search "vasaras nometne" --mode lexical > "$OUT/search.out" \
    2> "$OUT/search.err"; echo $? > "$OUT/search.rc"
ls -a "$DISK/idx" > "$OUT/after.ls"
cat "$DISK/idx/CURRENT" > "$OUT/after.current"
"""


def _namespaces() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _namespaces(), reason="needs `unshare -rm` to mount a small tmpfs")
@pytest.mark.parametrize("leave", [0, 48 * 1024], ids=["no byte free", "48 KB free"])
def test_a_full_disk_keeps_the_index_and_says_so_in_one_line(tmp_path: Path, leave: int) -> None:
    docs, disk, out = tmp_path / "docs", tmp_path / "disk", tmp_path / "out"
    for d in (docs, disk, out):
        d.mkdir()
    (docs / "nometne.txt").write_text(ARTICLE, encoding="utf-8")
    big = tmp_path / "seminari.txt"
    big.write_text(
        " ".join(
            f"Jauniešu centrs {n}. reizi rīkoja semināru par brīvprātīgo darbu Kurzemē."
            for n in range(300)
        ),
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("YOUTHBOT_")}
    env |= {
        "DISK": str(disk),
        "DOCS": str(docs),
        "OUT": str(out),
        "BIG": str(big),
        "YOUTHBOT": YOUTHBOT,
        "PYTHON": sys.executable,
        "LEAVE": str(leave),
    }
    subprocess.run(["unshare", "-rm", "sh", "-c", SCRIPT], env=env, timeout=600, check=True)

    assert (out / "first.rc").read_text().strip() == "0", (out / "first.err").read_text()
    assert (out / "second.rc").read_text().strip() == "1", (out / "second.err").read_text()
    err = (out / "second.err").read_text()
    errors = [line for line in err.splitlines() if line.startswith("Error:")]
    assert "Traceback" not in err and len(errors) == 1, err
    assert "no space left" in errors[0] or "disk is full" in errors[0], errors[0]
    assert "previous index is kept" in errors[0]
    before = (out / "before" / "CURRENT").read_text()
    assert (out / "after.current").read_text() == before
    assert (out / "search.rc").read_text().strip() == "0", (out / "search.err").read_text()
    assert "nometne.txt" in (out / "search.out").read_text()
    left = set((out / "after.ls").read_text().split())
    assert not any(name.endswith((".building", ".tmp")) for name in left), left


def test_a_disk_full_before_the_new_database_has_a_page(tmp_path: Path) -> None:
    """The marker's record still fits, the new ``index.sqlite`` does not (a 2 KB file limit):
    the line says the new index could not be written, not that a database cannot be read."""
    import resource
    import signal

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "nometne.txt").write_text(ARTICLE, encoding="utf-8")
    index = tmp_path / "idx"
    env = {k: v for k, v in os.environ.items() if not k.startswith("YOUTHBOT_")}
    first = subprocess.run(
        [YOUTHBOT, "--index", str(index), "index", str(docs)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert first.returncode == 0, first.stderr
    live = (index / "CURRENT").read_text()
    (docs / "otra.txt").write_text("Jauniešu centrs Cēsīs atvēra jaunu telpu.\n", encoding="utf-8")

    def tiny_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))

    done = subprocess.run(
        [YOUTHBOT, "--index", str(index), "index", str(docs)],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=tiny_files,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    assert "Traceback" not in done.stderr and len(errors) == 1, done.stderr
    assert "could not write the new index" in errors[0], errors[0]
    assert "previous index is kept" in errors[0] and "cannot be read" not in errors[0]
    assert (index / "CURRENT").read_text() == live
    assert not [p for p in index.iterdir() if p.name.endswith((".building", ".tmp"))]

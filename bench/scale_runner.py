"""Run the youthbot CLI with random (hash-seeded) vectors instead of the model, for benchmarks.

Usage: python bench/scale_runner.py [youthbot arguments…], e.g.
``python bench/scale_runner.py --index DIR index CORPUS``. Everything else is the real CLI.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from random_embedder import install  # noqa: E402


def main() -> None:
    install()
    from youthbot.cli import main as cli_main

    sys.argv = ["youthbot", *sys.argv[1:]]
    cli_main()


if __name__ == "__main__":
    main()
